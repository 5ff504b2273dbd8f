/*
 * tsstem.c: the text search template article_tools.stem_cache, a bounded
 * per-backend cache of another dictionary's answers for frequent words.
 * The news configuration puts it in front of the snowball stemmer
 * (dictionary article_tools.news_stem, Dictionary = english_stem): news text
 * repeats a few thousand word forms, and lower-casing, the stop-word search
 * and the stemmer cost far more than a hash probe.
 *
 * A cached answer is the answer: the wrapped dictionary's answer for a
 * token depends only on the token's bytes, its own definition (options,
 * stop-word and dictionary files read at its init) and the database's
 * encoding and ctype, which are fixed for a backend.  Any change to a text
 * search dictionary or template (an invalidation of pg_ts_dict or
 * pg_ts_template, which is also what makes ts_cache.c reload a dictionary)
 * empties every cache; a change to the caching dictionary itself rebuilds
 * it with a new, empty cache (ts_cache.c frees its memory context).
 *
 * Only dictionaries that take one token at a time can be wrapped: one that
 * asks for the following tokens (a thesaurus) is refused with an error.
 *
 * The cache is 4-way set associative with a fixed number of entries
 * (16384, 1 MB in all), allocated at the first lookup in
 * the dictionary's own memory context, so it lives exactly as long as the
 * dictionary's cache entry.  Each entry counts its uses; a miss in a full
 * set takes one use from the least used entry and replaces it only when
 * none are left, so a stream of rare words cannot push out the frequent
 * ones, while a word that stops coming is worn down and replaced.  Tokens
 * (or answers) too long for an entry are passed through uncached.
 */
#include "glue.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_ts_dict.h"
#include "commands/defrem.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "tsearch/ts_cache.h"
#include "tsearch/ts_public.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(at_stem_cache_init);
PG_FUNCTION_INFO_V1(at_stem_cache_lexize);

#define STEM_WAYS	4
#define STEM_SETS	4096		/* a power of two */
#define STEM_DATA	54			/* bytes of key and answer per entry */
#define STEM_UNKNOWN 0xFF		/* nlex of an answer "not my word" (NULL) */

/*
 * One cached answer.  data holds the token's bytes, then for each lexeme
 * its nvariant and flags (2 bytes each, host order) and its NUL-terminated
 * text.
 */
typedef struct StemEntry
{
	uint8		keylen;
	uint8		nlex;			/* lexemes in the answer, or STEM_UNKNOWN */
	char		data[STEM_DATA];
} StemEntry;

/*
 * One set: the tags first, then the entries, 256 bytes aligned to 64, so
 * that a lookup reads the tags' cache line and the line of one entry,
 * often the same or the adjacent one.
 */
typedef struct StemSet
{
	uint32		hash[STEM_WAYS];
	uint16		uses[STEM_WAYS];	/* 0: empty */
	char		pad[8];
	StemEntry	e[STEM_WAYS];
} StemSet;

StaticAssertDecl(sizeof(StemSet) == 256, "a stem cache set is four cache lines");

typedef struct StemCache
{
	Oid			dict;			/* the wrapped dictionary */
	MemoryContext ctx;			/* this dictionary's memory context */
	uint64		generation;		/* stem_generation when last emptied */
	StemSet    *sets;			/* STEM_SETS, or NULL before the first use */
} StemCache;

/* Bumped by every change to a text search dictionary or template */
static uint64 stem_generation = 0;
static bool stem_callback_set = false;

static void
stem_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	stem_generation++;
}

Datum
at_stem_cache_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	StemCache  *c = palloc0(sizeof(StemCache));
	ListCell   *l;

	c->dict = InvalidOid;
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "dictionary") == 0)
			c->dict = get_ts_dict_oid(stringToQualifiedNameList(defGetString(def)), false);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized stem_cache parameter: \"%s\"", def->defname),
					 errdetail("A stem_cache dictionary caches the answers of another dictionary."),
					 errhint("The only parameter is Dictionary, the dictionary whose answers are cached.")));
	}
	if (!OidIsValid(c->dict))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("missing Dictionary parameter"),
				 errdetail("A stem_cache dictionary caches the answers of another dictionary."),
				 errhint("Add Dictionary = 'pg_catalog.english_stem' (or another single-word dictionary).")));

	/* ts_cache.c calls init with the dictionary's own context current */
	c->ctx = CurrentMemoryContext;
	c->generation = stem_generation;
	if (!stem_callback_set)
	{
		CacheRegisterSyscacheCallback(TSDICTOID, stem_invalidate, (Datum) 0);
		CacheRegisterSyscacheCallback(TSTEMPLATEOID, stem_invalidate, (Datum) 0);
		stem_callback_set = true;
	}
	PG_RETURN_POINTER(c);
}

static const char *
dict_name(Oid oid)
{
	HeapTuple	tup = SearchSysCache1(TSDICTOID, ObjectIdGetDatum(oid));
	const char *name;

	if (!HeapTupleIsValid(tup))
		return "?";
	name = pstrdup(NameStr(((Form_pg_ts_dict) GETSTRUCT(tup))->dictname));
	ReleaseSysCache(tup);
	return name;
}

/* The wrapped dictionary's answer (NULL: not its word) */
static TSLexeme *
ask_dictionary(StemCache *c, char *in, int len)
{
	TSDictionaryCacheEntry *dict = lookup_ts_dictionary_cache(c->dict);
	DictSubState state = {false, false, NULL};
	TSLexeme   *res;

	/* a cache that wraps itself, directly or not, ends here */
	check_stack_depth();
	res = (TSLexeme *) DatumGetPointer(FunctionCall4(&dict->lexize,
													 PointerGetDatum(dict->dictData),
													 PointerGetDatum(in),
													 Int32GetDatum(len),
													 PointerGetDatum(&state)));
	if (state.getnext)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("dictionary \"%s\" reads more than one token, which stem_cache cannot cache",
						dict_name(c->dict)),
				 errdetail("A cached answer must depend on the token alone."),
				 errhint("Wrap a single-word dictionary (snowball, simple, ispell, synonym) or map the dictionary directly.")));
	return res;
}

/* Store res for token in/len in entry e; false when it does not fit */
static bool
store(StemEntry *e, const char *in, int len, TSLexeme *res)
{
	int			off = len,
				n = 0;

	if (len > STEM_DATA || len > UINT8_MAX)
		return false;
	memcpy(e->data, in, len);
	if (res != NULL)
	{
		for (TSLexeme *r = res; r->lexeme; r++, n++)
		{
			int			l = strlen(r->lexeme) + 1;

			if (n >= STEM_UNKNOWN || off + 4 + l > STEM_DATA)
				return false;
			memcpy(e->data + off, &r->nvariant, 2);
			memcpy(e->data + off + 2, &r->flags, 2);
			memcpy(e->data + off + 4, r->lexeme, l);
			off += 4 + l;
		}
	}
	e->keylen = (uint8) len;
	e->nlex = res ? (uint8) n : STEM_UNKNOWN;
	return true;
}

/* A fresh answer from entry e, as the core expects it (each lexeme palloc'd) */
static TSLexeme *
answer(StemEntry *e)
{
	TSLexeme   *res;
	int			off = e->keylen;

	if (e->nlex == STEM_UNKNOWN)
		return NULL;
	res = palloc((e->nlex + 1) * sizeof(TSLexeme));
	for (int i = 0; i < e->nlex; i++)
	{
		int			l = strlen(e->data + off + 4);

		memcpy(&res[i].nvariant, e->data + off, 2);
		memcpy(&res[i].flags, e->data + off + 2, 2);
		res[i].lexeme = palloc(l + 1);
		memcpy(res[i].lexeme, e->data + off + 4, l + 1);
		off += 4 + l + 1;
	}
	res[e->nlex].lexeme = NULL;
	res[e->nlex].nvariant = 0;
	res[e->nlex].flags = 0;
	return res;
}

Datum
at_stem_cache_lexize(PG_FUNCTION_ARGS)
{
	StemCache  *c = (StemCache *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int			len = PG_GETARG_INT32(2);
	uint32		hash;
	StemSet    *set;
	int			victim = 0;
	TSLexeme   *res;

	if (len <= 0 || len > STEM_DATA)
		PG_RETURN_POINTER(ask_dictionary(c, in, len));

	if (c->sets == NULL)
	{
		char	   *mem = MemoryContextAllocZero(c->ctx, sizeof(StemSet) * STEM_SETS + 64);

		c->sets = (StemSet *) TYPEALIGN(64, mem);
	}
	else if (c->generation != stem_generation)
		memset(c->sets, 0, sizeof(StemSet) * STEM_SETS);
	c->generation = stem_generation;

	hash = hash_bytes((const unsigned char *) in, len);
	set = &c->sets[hash & (STEM_SETS - 1)];
	for (int w = 0; w < STEM_WAYS; w++)
	{
		if (set->uses[w] > 0 && set->hash[w] == hash &&
			set->e[w].keylen == len && memcmp(set->e[w].data, in, len) == 0)
		{
			if (set->uses[w] < PG_UINT16_MAX)
				set->uses[w]++;
			PG_RETURN_POINTER(answer(&set->e[w]));
		}
		if (set->uses[w] < set->uses[victim])
			victim = w;
	}

	res = ask_dictionary(c, in, len);
	/* looking the dictionary up may have read invalidations: store nothing then */
	if (c->generation == stem_generation &&
		(set->uses[victim] == 0 || --set->uses[victim] == 0) &&
		store(&set->e[victim], in, len, res))
	{
		set->hash[victim] = hash;
		set->uses[victim] = 1;
	}
	PG_RETURN_POINTER(res);
}

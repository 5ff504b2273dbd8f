/*
 * tsdict.c: the text search template article_tools.news_compound, which
 * gives the news compounds of news_parser their lexemes.
 *
 *   money, percent, date: a canonical lexeme (cny:3000000000000, pct:11,
 *     2018-10-08) and the canonical wording (3 trillion yuan), OR the
 *     lexemes of the words as written, all at one position, so that any
 *     way of writing an amount finds any other;
 *   name: the whole name in lower case, OR its first word, at the position
 *     of its first word, so the words keep the positions the english
 *     configuration gives them and a query for "Xi Jinping" still finds
 *     "President Xi Jinping".
 *
 * The compound's parts follow it in the token stream; the dictionary asks
 * for them (DictSubState.getnext, as the thesaurus dictionary does) and
 * normalises them with the dictionaries named by the options
 * WordDictionary (default english_stem) and NumberDictionary (simple).
 * Mapped first for the ordinary word and number types, it returns NULL at
 * once for anything that is not a compound, and the next dictionary of the
 * mapping takes the token.
 */
#include "glue.h"

#include "catalog/namespace.h"
#include "commands/defrem.h"
#include "tsearch/ts_cache.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"
#include "utils/regproc.h"

#include "../engine/ftsnorm.h"
#include "../engine/tokenizer.h"

PG_FUNCTION_INFO_V1(at_news_compound_init);
PG_FUNCTION_INFO_V1(at_news_compound_lexize);

typedef struct NewsDict
{
	Oid			word_dict;
	Oid			number_dict;
} NewsDict;

/* Kept in DictSubState.private_state while the parts come */
typedef struct Pending
{
	bool		is_name;
	const char *start;			/* the compound token (in the parsed text) */
	int			len;
	TSLexeme   *res;
	int			nres;
	int			cap;
} Pending;

static Oid
dict_option(DefElem *d)
{
	return get_ts_dict_oid(stringToQualifiedNameList(defGetString(d)), false);
}

Datum
at_news_compound_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	NewsDict   *d = palloc0(sizeof(NewsDict));
	ListCell   *l;

	d->word_dict = InvalidOid;
	d->number_dict = InvalidOid;
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "worddictionary") == 0)
			d->word_dict = dict_option(def);
		else if (strcmp(def->defname, "numberdictionary") == 0)
			d->number_dict = dict_option(def);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized news_compound parameter: \"%s\"", def->defname),
					 errhint("The parameters are WordDictionary and NumberDictionary.")));
	}
	if (!OidIsValid(d->word_dict))
		d->word_dict = get_ts_dict_oid(stringToQualifiedNameList("pg_catalog.english_stem"), false);
	if (!OidIsValid(d->number_dict))
		d->number_dict = get_ts_dict_oid(stringToQualifiedNameList("pg_catalog.simple"), false);
	PG_RETURN_POINTER(d);
}

static void
add_lexeme(Pending *pd, char *lexeme, uint16 nvariant)
{
	if (pd->nres + 1 >= pd->cap)
	{
		pd->cap = pd->cap ? pd->cap * 2 : 8;
		pd->res = pd->res ? repalloc(pd->res, sizeof(TSLexeme) * pd->cap)
			: palloc(sizeof(TSLexeme) * pd->cap);
	}
	pd->res[pd->nres].lexeme = lexeme;
	pd->res[pd->nres].nvariant = nvariant;
	pd->res[pd->nres].flags = 0;
	pd->nres++;
	pd->res[pd->nres].lexeme = NULL;
}

/* Lexemes of a word or number through the word or number dictionary */
static void
add_normalized(NewsDict *d, Pending *pd, const char *s, int len, uint16 nvariant)
{
	bool		has_digit = false;
	TSDictionaryCacheEntry *dict;
	DictSubState state = {false, false, NULL};
	TSLexeme   *res;

	for (int i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			has_digit = true;
	dict = lookup_ts_dictionary_cache(has_digit ? d->number_dict : d->word_dict);
	res = (TSLexeme *) DatumGetPointer(FunctionCall4(&dict->lexize,
													 PointerGetDatum(dict->dictData),
													 PointerGetDatum(s),
													 Int32GetDatum(len),
													 PointerGetDatum(&state)));
	for (TSLexeme *r = res; r && r->lexeme; r++)
		add_lexeme(pd, r->lexeme, nvariant);
}

/* Any letter or digit (or non-ASCII character) in s..end: more parts follow */
static bool
has_alnum(const char *s, const char *end)
{
	for (; s < end; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c >= 0x80 || at_is_ascii_alpha(c) || (c >= '0' && c <= '9'))
			return true;
	}
	return false;
}

static TSLexeme *
copy_result(Pending *pd)
{
	TSLexeme   *r = palloc(sizeof(TSLexeme) * (pd->nres + 1));

	for (int i = 0; i < pd->nres; i++)
	{
		r[i] = pd->res[i];
		r[i].lexeme = pstrdup(pd->res[i].lexeme);
	}
	r[pd->nres].lexeme = NULL;
	return r;
}

/* "Xi Jinping": words separated by single spaces, starting with letters */
static bool
looks_like_name(const char *s, int len)
{
	bool		space = false;

	for (int i = 0; i < len; i++)
	{
		if (s[i] == ' ')
		{
			if (i == 0 || i + 1 >= len || s[i + 1] == ' ')
				return false;
			space = true;
		}
		else if ((unsigned char) s[i] < 0x80 && !(at_is_ascii_alpha((unsigned char) s[i]) ||
												 s[i] == '-' || s[i] == '\''))
			return false;
	}
	return space;
}

Datum
at_news_compound_lexize(PG_FUNCTION_ARGS)
{
	NewsDict   *d = (NewsDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int			len = PG_GETARG_INT32(2);
	DictSubState *ds = (DictSubState *) PG_GETARG_POINTER(3);
	Pending    *pd = ds ? (Pending *) ds->private_state : NULL;

	if (pd == NULL)
	{
		AtFtsCanon canon;
		bool		plain = true;

		/* the fast way out for ordinary words and numbers */
		for (int i = 0; i < len && plain; i++)
			plain = (unsigned char) in[i] < 0x80 &&
				(at_is_ascii_alpha((unsigned char) in[i]) || (in[i] >= '0' && in[i] <= '9'));
		if (plain || len <= 0)
			PG_RETURN_POINTER(NULL);

		pd = palloc0(sizeof(Pending));
		if (at_fts_canon(in, (size_t) len, &canon))
		{
			add_lexeme(pd, pstrdup(canon.id), 1);
			for (int i = 0; i < canon.nspelled; i++)
				add_normalized(d, pd, canon.spelled[i], strlen(canon.spelled[i]), 1);
		}
		else if (looks_like_name(in, len))
		{
			pd->is_name = true;
			add_lexeme(pd, lowerstr_with_len(in, len), 1);
		}
		else
		{
			pfree(pd);
			PG_RETURN_POINTER(NULL);
		}
		if (ds == NULL)
			PG_RETURN_POINTER(pd->res);
		pd->start = in;
		pd->len = len;
		ds->private_state = pd;
		ds->getnext = true;
		PG_RETURN_POINTER(NULL);
	}

	/* the end of the text */
	if (ds->isend)
	{
		ds->getnext = false;
		ds->private_state = NULL;
		PG_RETURN_POINTER(pd->res);
	}

	/*
	 * A token outside the compound (cannot come from news_parser): stop
	 * before it; the core then uses the copy returned with the last part.
	 */
	if (in < pd->start || in >= pd->start + pd->len)
	{
		ds->getnext = false;
		ds->private_state = NULL;
		PG_RETURN_POINTER(NULL);
	}

	add_normalized(d, pd, in, len, 2);
	if (pd->is_name || !has_alnum(in + len, pd->start + pd->len))
	{
		ds->getnext = false;
		ds->private_state = NULL;
		PG_RETURN_POINTER(pd->res);
	}
	/* more parts to come; the core keeps (and later frees) a copy */
	ds->getnext = true;
	PG_RETURN_POINTER(copy_result(pd));
}

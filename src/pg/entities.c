/*
 * entities.c: article_tools.extract_entities(text), reload_gazetteer() and
 * entity_model_info().
 *
 * The model and the built-in gazetteers are read once per backend, on first
 * use, from <sharedir>/extension/, into a memory context under
 * TopMemoryContext.  The user's terms (table article_tools.gazetteer) are
 * read on first use too and again by reload_gazetteer().
 */
#include "glue.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "portability/instr_time.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "../engine/ner.h"

PG_FUNCTION_INFO_V1(at_extract_entities_sql);
PG_FUNCTION_INFO_V1(at_reload_gazetteer);
PG_FUNCTION_INFO_V1(at_entity_model_info);

static AtNerModel *model = NULL;
static double model_load_ms = 0;
static MemoryContext model_cxt = NULL;

static AtPhraseTable *user_terms = NULL;
static MemoryContext user_cxt = NULL;

/* Allocations that live as long as the context in ctx */
static void *
cxt_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size ? size : 1, MCXT_ALLOC_HUGE);
}

static void *
cxt_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size ? size : 1);
}

static void
cxt_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

static const AtNerModel *
get_model(void)
{
	char		share[MAXPGPATH];
	char		dir[MAXPGPATH];
	MemoryContext cxt;
	AtMem		mem = {cxt_alloc, cxt_realloc, cxt_free, NULL};
	AtNerModel *m;
	AtStatus	st;
	instr_time	t0,
				t1;

	if (model)
		return model;
	INSTR_TIME_SET_CURRENT(t0);
	get_share_path(my_exec_path, share);
	snprintf(dir, sizeof(dir), "%s/extension", share);
	cxt = AllocSetContextCreate(TopMemoryContext, "article_tools entity model",
								ALLOCSET_DEFAULT_SIZES);
	mem.ctx = cxt;
	m = MemoryContextAllocZero(cxt, sizeof(AtNerModel));
	st = at_ner_model_load(m, &mem, dir);
	if (st != AT_OK)
	{
		MemoryContextDelete(cxt);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not load the article_tools entity model from \"%s\"", dir),
				 errhint("Reinstall article_tools (make install) so that %s and the article_tools_ner_*.txt files are in that directory.",
						 AT_NER_MODEL_FILE)));
	}
	INSTR_TIME_SET_CURRENT(t1);
	INSTR_TIME_SUBTRACT(t1, t0);
	model_load_ms = INSTR_TIME_GET_MILLISEC(t1);
	model_cxt = cxt;
	model = m;
	return model;
}

/* Reads article_tools.gazetteer into a fresh table; returns its size */
static int
load_user_terms(void)
{
	MemoryContext cxt;
	AtMem		mem = {cxt_alloc, cxt_realloc, cxt_free, NULL};
	AtPhraseTable *t;
	volatile int n = 0;

	cxt = AllocSetContextCreate(TopMemoryContext, "article_tools user gazetteer",
								ALLOCSET_SMALL_SIZES);
	mem.ctx = cxt;
	t = MemoryContextAllocZero(cxt, sizeof(AtPhraseTable));
	at_phrase_init(t, false);

	PG_TRY();
	{
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		if (SPI_execute("SELECT term, kind::pg_catalog.text, coalesce(canonical, term) "
						"FROM article_tools.gazetteer", true, 0) != SPI_OK_SELECT)
			elog(ERROR, "could not read article_tools.gazetteer");
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			char	   *term = SPI_getvalue(tup, desc, 1);
			char	   *kind = SPI_getvalue(tup, desc, 2);
			char	   *canon = SPI_getvalue(tup, desc, 3);
			AtNerKind	k;

			if (term == NULL || kind == NULL)
				continue;
			k = strcmp(kind, "person") == 0 ? AT_NER_PERSON :
				strcmp(kind, "organization") == 0 ? AT_NER_ORG : AT_NER_LOC;
			if (at_phrase_add(t, &mem, term, strlen(term), k, canon, strlen(canon)))
				n++;
		}
		SPI_finish();
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();

	if (user_cxt)
		MemoryContextDelete(user_cxt);
	user_cxt = cxt;
	user_terms = t;
	return n;
}

static const AtPhraseTable *
get_user_terms(void)
{
	if (user_terms == NULL)
		load_user_terms();
	return user_terms;
}

Datum
at_extract_entities_sql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const AtNerModel *m;
	const AtPhraseTable *user;
	size_t		len;
	const char *text;
	AtVec		ents;
	AtCharCursor cur;
	Datum	   *kinds;
	static const char *const kind_names[] = {NULL, "person", "organization", "location"};

	at_pg_require_utf8();
	m = get_model();
	user = get_user_terms();
	text = at_pg_text_arg(fcinfo, 0, &len);
	InitMaterializedSRF(fcinfo, 0);

	/* the enum's values, looked up once per call site (fn_extra) */
	kinds = (Datum *) fcinfo->flinfo->fn_extra;
	if (kinds == NULL)
	{
		Oid			kindtype = TupleDescAttr(rsinfo->setDesc, 0)->atttypid;

		kinds = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(Datum) * 4);
		for (int k = 1; k <= 3; k++)
			kinds[k] = DirectFunctionCall2(enum_in, CStringGetDatum(kind_names[k]),
										   ObjectIdGetDatum(kindtype));
		fcinfo->flinfo->fn_extra = kinds;
	}

	at_vec_init(&ents, &at_pg_mem, sizeof(AtEntity));
	/* a text datum of a UTF8 database is valid UTF-8 */
	at_extract_entities_utf8(m, user, text, len, &at_pg_mem, &ents);

	at_char_cursor_init(&cur, text);
	for (size_t i = 0; i < ents.len; i++)
	{
		AtEntity   *e = AT_VEC_AT(&ents, AtEntity, i);
		Datum		values[8];
		bool		nulls[8] = {false};
		size_t		c0 = at_char_cursor_offset(&cur, e->start);
		size_t		c1 = at_char_cursor_offset(&cur, e->start + e->len);

		values[0] = kinds[e->kind];
		values[1] = at_pg_text_datum(text + e->start, e->len);
		values[2] = CStringGetTextDatum(e->canonical);
		values[3] = Int32GetDatum((int32) (i + 1));
		values[4] = Int32GetDatum(e->sentence + 1);
		values[5] = Int32GetDatum((int32) (c0 + 1));
		values[6] = Int32GetDatum((int32) (c1 - c0));
		values[7] = Float4GetDatum(e->score);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return (Datum) 0;
}

Datum
at_reload_gazetteer(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(load_user_terms());
}

Datum
at_entity_model_info(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[4];
	bool		nulls[4] = {false};
	const AtNerModel *m = get_model();
	const AtPhraseTable *user = get_user_terms();

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	values[0] = Float8GetDatum(model_load_ms);
	values[1] = Int64GetDatum((int64) MemoryContextMemAllocated(model_cxt, true));
	values[2] = Int32GetDatum((int32) m->nbuckets);
	values[3] = Int32GetDatum((int32) user->count);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

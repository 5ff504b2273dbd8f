/*
 * article.c: article_tools.parse_article(text [, chrome text[]]) RETURNS
 * article_tools.article, and the aggregate article_tools.chrome_lines(text
 * [, min_share float8]) that collects the lines repeated across the pages
 * of a table, for parse_article's second argument.
 *
 * The engine (src/engine/article.c, lineset.c) does the work; this file
 * turns its spans and dates into a composite row.  Absent fields are NULL;
 * the counts are never NULL.
 */
#include "glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "../engine/article.h"
#include "../engine/lineset.h"

PG_FUNCTION_INFO_V1(at_parse_article_sql);
PG_FUNCTION_INFO_V1(at_parse_article_chrome_sql);
PG_FUNCTION_INFO_V1(at_chrome_lines_add);
PG_FUNCTION_INFO_V1(at_chrome_lines_result);

/* chrome_lines()'s default share of the pages a line must be on */
#define DEFAULT_MIN_SHARE 0.5

/* Columns of article_tools.article, in order */
enum
{
	COL_TITLE,
	COL_PUBLISHED,
	COL_PUBLISHED_AT,
	COL_UPDATED,
	COL_AUTHORS,
	COL_SOURCE,
	COL_EDITOR,
	COL_DATELINE,
	COL_BODY,
	COL_LEAD,
	COL_PARAGRAPHS,
	COL_WORDS,
	COL_CHROME_REMOVED,
	COL_SECTION,				/* columns added in 1.1 */
	COL_URL,
	COL_CAPTIONS,
	COL_TAGS,
	COL_LANGUAGE,
	NUM_COLS
};

static void
set_span(Datum *values, bool *nulls, int col, const char *s, AtSpan sp)
{
	if (sp.len == 0)
		return;
	values[col] = at_pg_text_datum(s + sp.start, sp.len);
	nulls[col] = false;
}

/* A text[] of spans of s, NULL when there are none */
static void
set_spans(Datum *values, bool *nulls, int col, const char *s, const AtVec *spans)
{
	Datum	   *elems;

	if (spans->len == 0)
		return;
	elems = palloc(sizeof(Datum) * spans->len);
	for (size_t i = 0; i < spans->len; i++)
	{
		AtSpan	   *sp = AT_VEC_AT(spans, AtSpan, i);

		elems[i] = at_pg_text_datum(s + sp->start, sp->len);
	}
	values[col] = PointerGetDatum(construct_array(elems, (int) spans->len,
												  TEXTOID, -1, false, TYPALIGN_INT));
	nulls[col] = false;
}

static Datum
date_datum(const AtDate *d)
{
	return DateADTGetDatum(date2j(d->year, d->month, d->day) - POSTGRES_EPOCH_JDATE);
}

static bool
timestamp_datum(const AtDate *d, Datum *out)
{
	struct pg_tm tm;
	Timestamp	ts;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = d->year;
	tm.tm_mon = d->month;
	tm.tm_mday = d->day;
	tm.tm_hour = d->hour;
	tm.tm_min = d->minute;
	tm.tm_sec = d->second;
	if (tm2timestamp(&tm, 0, NULL, &ts) != 0)
		return false;
	*out = TimestampGetDatum(ts);
	return true;
}

/* The article row of text under the caller's chrome lines (NULL: none) */
static Datum
article_row(FunctionCallInfo fcinfo, const AtLineSet *chrome)
{
	size_t		len;
	const char *text;
	TupleDesc	tupdesc;
	AtArticle	a;
	AtStatus	st;
	Datum		values[NUM_COLS];
	bool		nulls[NUM_COLS];

	at_pg_require_utf8();
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	if (tupdesc->natts != NUM_COLS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("type article_tools.article has %d columns, but the installed library expects %d",
						tupdesc->natts, NUM_COLS),
				 errdetail("The extension's SQL objects are older than its shared library."),
				 errhint("Run ALTER EXTENSION article_tools UPDATE.")));

	text = at_pg_text_arg(fcinfo, 0, &len);
	st = at_parse_article_chrome(text, len, &at_pg_mem, chrome, &a);
	at_pg_report(st, "parse_article");

	for (int i = 0; i < NUM_COLS; i++)
	{
		values[i] = (Datum) 0;
		nulls[i] = true;
	}
	set_span(values, nulls, COL_TITLE, a.base, a.title);
	if (a.has_published)
	{
		values[COL_PUBLISHED] = date_datum(&a.published);
		nulls[COL_PUBLISHED] = false;
		if (a.published.has_time)
			nulls[COL_PUBLISHED_AT] = !timestamp_datum(&a.published, &values[COL_PUBLISHED_AT]);
	}
	if (a.has_updated)
	{
		values[COL_UPDATED] = date_datum(&a.updated);
		nulls[COL_UPDATED] = false;
	}
	set_spans(values, nulls, COL_AUTHORS, a.base, &a.authors);
	set_span(values, nulls, COL_SOURCE, a.base, a.source);
	set_span(values, nulls, COL_EDITOR, a.base, a.editor);
	set_span(values, nulls, COL_DATELINE, a.base, a.dateline);
	set_span(values, nulls, COL_SECTION, a.base, a.section);
	set_span(values, nulls, COL_URL, a.base, a.url);
	set_spans(values, nulls, COL_CAPTIONS, a.base, &a.captions);
	set_spans(values, nulls, COL_TAGS, a.base, &a.tags);
	set_span(values, nulls, COL_LANGUAGE, a.base, a.language);
	if (a.paragraphs > 0)
	{
		values[COL_BODY] = at_pg_text_datum(a.body.data, a.body.len);
		nulls[COL_BODY] = false;
		set_span(values, nulls, COL_LEAD, a.body.data, a.lead);
	}
	values[COL_PARAGRAPHS] = Int32GetDatum(a.paragraphs);
	values[COL_WORDS] = Int32GetDatum(a.words);
	values[COL_CHROME_REMOVED] = Int32GetDatum(a.chrome_removed);
	nulls[COL_PARAGRAPHS] = nulls[COL_WORDS] = nulls[COL_CHROME_REMOVED] = false;

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

Datum
at_parse_article_sql(PG_FUNCTION_ARGS)
{
	return article_row(fcinfo, NULL);
}

/*
 * The chrome list as a line set, kept in fn_extra while the same array
 * comes again (the usual case: one list joined to many pages of a site).
 */
typedef struct ChromeCache
{
	char	   *bytes;			/* a copy of the array datum, to compare */
	Size		nbytes;
	AtLineSet	set;
} ChromeCache;

static const AtLineSet *
chrome_set(FunctionCallInfo fcinfo, ArrayType *arr)
{
	ChromeCache *cache = (ChromeCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;
	Datum	   *elems;
	bool	   *enulls;
	int			n;
	Size		nbytes = VARSIZE(arr);
	const AtMem *mem = &at_pg_mem;

	if (cache && cache->nbytes == nbytes && memcmp(cache->bytes, arr, nbytes) == 0)
		return &cache->set;
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("parse_article: the chrome lines must be a one-dimensional text array"),
				 errdetail("The array has %d dimensions.", ARR_NDIM(arr)),
				 errhint("Pass the result of article_tools.chrome_lines(), or ARRAY['line', ...].")));
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (cache)
	{
		at_line_set_free(&cache->set);
		pfree(cache->bytes);
	}
	else
		cache = palloc0(sizeof(ChromeCache));
	cache->bytes = palloc(nbytes);
	memcpy(cache->bytes, arr, nbytes);
	cache->nbytes = nbytes;
	at_line_set_init(&cache->set, mem);
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &enulls, &n);
	for (int i = 0; i < n; i++)
	{
		if (enulls[i])
			continue;
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		{
			text	   *t = DatumGetTextPP(elems[i]);

			at_line_set_add(&cache->set, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		}
	}
	fcinfo->flinfo->fn_extra = cache;
	MemoryContextSwitchTo(old);
	return &cache->set;
}

/* parse_article(text, chrome text[]): not STRICT, a NULL list is no list */
Datum
at_parse_article_chrome_sql(PG_FUNCTION_ARGS)
{
	const AtLineSet *chrome = NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(1))
		chrome = chrome_set(fcinfo, PG_GETARG_ARRAYTYPE_P(1));
	return article_row(fcinfo, chrome);
}

/*
 * chrome_lines(text [, min_share]): the transition function.  The state is
 * an AtLineCounter in the aggregate's memory context; NULL pages are
 * skipped.  min_share is read from the first row.
 */
Datum
at_chrome_lines_add(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt,
				old;
	AtLineCounter *c;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("chrome_lines transition function called in non-aggregate context")));
	at_pg_require_utf8();
	old = MemoryContextSwitchTo(aggcxt);
	if (PG_ARGISNULL(0))
	{
		double		share = DEFAULT_MIN_SHARE;

		if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
			share = PG_GETARG_FLOAT8(2);
		if (!(share > 0 && share <= 1))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("chrome_lines: min_share must be above 0 and at most 1"),
					 errdetail("min_share was %g.", share),
					 errhint("Give the share of the pages a line must be on, e.g. 0.5 for half of them.")));
		c = palloc(sizeof(AtLineCounter));
		at_line_counter_init(c, &at_pg_mem, share);
	}
	else
		c = (AtLineCounter *) PG_GETARG_POINTER(0);
	if (!PG_ARGISNULL(1))
	{
		text	   *t = PG_GETARG_TEXT_PP(1);

		at_line_counter_add_page(c, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(c);
}

/* chrome_lines: the lines, most frequent first; '{}' when none is repeated */
Datum
at_chrome_lines_result(PG_FUNCTION_ARGS)
{
	AtLineCounter *c;
	AtVec		res;
	Datum	   *elems;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	c = (AtLineCounter *) PG_GETARG_POINTER(0);
	at_vec_init(&res, &at_pg_mem, sizeof(const AtLineEntry *));
	at_line_counter_result(c, &res);
	elems = palloc(sizeof(Datum) * (res.len ? res.len : 1));
	for (size_t i = 0; i < res.len; i++)
	{
		const AtLineEntry *e = *AT_VEC_AT(&res, const AtLineEntry *, i);

		elems[i] = at_pg_text_datum(e->text, e->len);
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, (int) res.len, TEXTOID, -1, false, TYPALIGN_INT));
}

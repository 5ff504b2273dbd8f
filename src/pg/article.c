/*
 * article.c: article_tools.parse_article(text) RETURNS article_tools.article.
 *
 * The engine (src/engine/article.c) does the work; this file turns its spans
 * and dates into a composite row.  Absent fields are NULL; the counts are
 * never NULL.
 */
#include "glue.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "../engine/article.h"

PG_FUNCTION_INFO_V1(at_parse_article_sql);

extern void at_pg_html_init(void);	/* src/pg/html.c */

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

Datum
at_parse_article_sql(PG_FUNCTION_ARGS)
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
	at_pg_html_init();
	st = at_parse_article(text, len, &at_pg_mem, &a);
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

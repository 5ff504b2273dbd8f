/*
 * metrics.c: article_tools.extract_metrics(text [, reference_date date])
 * RETURNS SETOF metric.
 *
 * The engine (src/engine/metrics.c) finds the figures; this file turns each
 * AtMetric into a row: exact decimals through numeric_in, dates through
 * date2j, byte offsets into 1-based character positions.
 */
#include "glue.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "../engine/metrics.h"

PG_FUNCTION_INFO_V1(at_extract_metrics_sql);
PG_FUNCTION_INFO_V1(at_extract_metrics_ref_sql);

#define METRIC_COLS 19
#define N_KINDS 9

/* Enum label OIDs of metric_kind, looked up once per query */
typedef struct KindCache
{
	Oid			enum_type;
	Datum		kinds[N_KINDS];
} KindCache;

static KindCache *
kind_cache(FunctionCallInfo fcinfo, TupleDesc desc)
{
	KindCache  *kc = (KindCache *) fcinfo->flinfo->fn_extra;
	Oid			typ = TupleDescAttr(desc, 0)->atttypid;

	if (kc == NULL || kc->enum_type != typ)
	{
		kc = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(KindCache));
		kc->enum_type = typ;
		for (int i = 0; i < N_KINDS; i++)
			kc->kinds[i] = DirectFunctionCall2(enum_in,
											   CStringGetDatum(at_metric_kind_names[i]),
											   ObjectIdGetDatum(typ));
		fcinfo->flinfo->fn_extra = kc;
	}
	return kc;
}

static Datum
numeric_datum(const AtNum *v)
{
	char		buf[AT_NUM_STRLEN];

	/*
	 * Up to 15 digits, from an integer: the value and scale numeric_in()
	 * gives the decimal text, without parsing it (int64_div_fast_to_numeric
	 * multiplies by at most 1000, which 15 digits leave room for)
	 */
	if (v->ndig == 0)
		return NumericGetDatum(int64_to_numeric(0));
	if (v->ndig + (v->exp > 0 ? v->exp : 0) <= 15 && v->exp >= -15)
	{
		int64		i = 0;

		for (int k = 0; k < v->ndig; k++)
			i = i * 10 + (v->dig[k] - '0');
		for (int k = 0; k < v->exp; k++)
			i *= 10;
		if (v->neg)
			i = -i;
		return NumericGetDatum(v->exp < 0 ? int64_div_fast_to_numeric(i, -v->exp) : int64_to_numeric(i));
	}
	at_num_format(v, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* A day of the period, or NULL */
static bool
day_datum(const AtDay *d, Datum *out)
{
	if (d->year == 0)
		return false;
	*out = DateADTGetDatum(date2j(d->year, d->month, d->day) - POSTGRES_EPOCH_JDATE);
	return true;
}

static Datum
span_datum(const char *p, size_t len, bool *isnull)
{
	*isnull = p == NULL;
	return p ? at_pg_text_datum(p, len) : (Datum) 0;
}

static Datum extract_metrics(FunctionCallInfo fcinfo, const AtDay *ref);

Datum
at_extract_metrics_sql(PG_FUNCTION_ARGS)
{
	return extract_metrics(fcinfo, NULL);
}

/*
 * extract_metrics(text, reference_date): relative periods and dates resolve
 * against it.  Not strict: a NULL reference date means none (the pipeline
 * passes the published date, which a page may lack); a NULL text gives no
 * rows.
 */
Datum
at_extract_metrics_ref_sql(PG_FUNCTION_ARGS)
{
	DateADT		d;
	AtDay		ref;

	if (PG_ARGISNULL(0))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	if (PG_ARGISNULL(1))
		return extract_metrics(fcinfo, NULL);
	d = PG_GETARG_DATEADT(1);
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("reference date must be finite"),
				 errdetail("extract_metrics() resolves \"last year\" and the like against the reference date."),
				 errhint("Pass the article's published date, or call extract_metrics(text) without one.")));
	j2date(d + POSTGRES_EPOCH_JDATE, &ref.year, &ref.month, &ref.day);
	if (ref.year < 1 || ref.year > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("reference date %d-%02d-%02d is out of range", ref.year, ref.month, ref.day),
				 errdetail("The reference date must lie between the years 1 and 9999."),
				 errhint("Pass the article's published date.")));
	return extract_metrics(fcinfo, &ref);
}

static Datum
extract_metrics(FunctionCallInfo fcinfo, const AtDay *ref)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	size_t		len;
	const char *text;
	AtVec		metrics;
	AtCharCursor cur;
	KindCache  *kc;
	MemoryContext rowcxt,
				oldcxt;

	at_pg_require_utf8();
	text = at_pg_text_arg(fcinfo, 0, &len);
	InitMaterializedSRF(fcinfo, 0);
	if (rsinfo->setDesc->natts != METRIC_COLS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("type article_tools.metric has %d columns, but the installed library expects %d",
						rsinfo->setDesc->natts, METRIC_COLS),
				 errdetail("The extension's SQL objects are older than its shared library."),
				 errhint("Run ALTER EXTENSION article_tools UPDATE.")));
	kc = kind_cache(fcinfo, rsinfo->setDesc);

	at_vec_init(&metrics, &at_pg_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, len, ref, &metrics);

	/*
	 * Each row's values (text, numeric) are built in a context reset after
	 * the tuplestore has copied them: a long list of figures keeps one row's
	 * temporaries, not all of them, besides its rows.
	 */
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "extract_metrics row",
								   ALLOCSET_SMALL_SIZES);
	oldcxt = MemoryContextSwitchTo(rowcxt);
	at_char_cursor_init(&cur, text);
	for (size_t i = 0; i < metrics.len; i++)
	{
		AtMetric   *m = AT_VEC_AT(&metrics, AtMetric, i);
		Datum		values[METRIC_COLS];
		bool		nulls[METRIC_COLS];
		size_t		c0 = at_char_cursor_offset(&cur, m->start);
		size_t		c1 = at_char_cursor_offset(&cur, m->start + m->len);

		memset(nulls, true, sizeof(nulls));
		values[0] = kc->kinds[m->kind];
		nulls[0] = false;
		values[1] = at_pg_text_datum(text + m->start, m->len);
		nulls[1] = false;
		if (m->has_value)
		{
			values[2] = numeric_datum(&m->value);
			nulls[2] = false;
		}
		if (m->has_range)
		{
			values[3] = numeric_datum(&m->range_to);
			nulls[3] = false;
		}
		if (m->unit)
		{
			values[4] = at_pg_text_datum(m->unit, m->unit_len);
			nulls[4] = false;
		}
		if (m->currency[0])
		{
			values[5] = at_pg_text_datum(m->currency, strlen(m->currency));
			nulls[5] = false;
		}
		if (m->qualifier)
		{
			values[6] = CStringGetTextDatum(m->qualifier);
			nulls[6] = false;
		}
		if (m->change)
		{
			values[7] = m->period ? CStringGetTextDatum(psprintf("%s %s", m->change, m->period))
				: CStringGetTextDatum(m->change);
			nulls[7] = false;
		}
		if (m->kind == AT_MK_DATE && m->has_date)
		{
			values[8] = DateADTGetDatum(date2j(m->date.year, m->date.month, m->date.day) -
										POSTGRES_EPOCH_JDATE);
			nulls[8] = false;
		}
		if (m->equivalent_of > 0)
		{
			values[9] = Int32GetDatum(m->equivalent_of);
			nulls[9] = false;
		}
		values[10] = Int32GetDatum((int32) (i + 1));
		nulls[10] = false;
		if (m->sentence > 0)
		{
			values[11] = Int32GetDatum(m->sentence);
			nulls[11] = false;
		}
		values[12] = Int32GetDatum((int32) (c0 + 1));
		nulls[12] = false;
		values[13] = Int32GetDatum((int32) (c1 - c0));
		nulls[13] = false;
		values[14] = span_datum(m->per, m->per_len, &nulls[14]);
		values[15] = span_datum(m->measure, m->measure_len, &nulls[15]);
		values[16] = span_datum(m->holder, m->holder_len, &nulls[16]);
		nulls[17] = !day_datum(&m->time.start, &values[17]);
		nulls[18] = !day_datum(&m->time.end, &values[18]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextReset(rowcxt);
		/* rows of a long text may spill to disk: stay cancellable */
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(rowcxt);
	return (Datum) 0;
}

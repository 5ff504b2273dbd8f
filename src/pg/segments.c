/*
 * segments.c: article_tools.paragraphs(text) and article_tools.sentences(text).
 *
 * Both return (n int, position int, length int, text text) with positions
 * in characters, 1-based, so substr(input, position, length) = text.
 */
#include "glue.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "../engine/sentences.h"

PG_FUNCTION_INFO_V1(at_paragraphs);
PG_FUNCTION_INFO_V1(at_sentences);

static void
emit_spans(FunctionCallInfo fcinfo, const char *text, const AtVec *spans)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	AtCharCursor cur;

	at_char_cursor_init(&cur, text);
	for (size_t i = 0; i < spans->len; i++)
	{
		AtSpan	   *sp = AT_VEC_AT(spans, AtSpan, i);
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		size_t		c0 = at_char_cursor_offset(&cur, sp->start);
		size_t		c1 = at_char_cursor_offset(&cur, sp->start + sp->len);

		/* a huge input has millions of rows: stay cancellable while storing them */
		if ((i & 0x3FF) == 0)
			CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum((int32) (i + 1));
		values[1] = Int32GetDatum((int32) (c0 + 1));
		values[2] = Int32GetDatum((int32) (c1 - c0));
		values[3] = at_pg_text_datum(text + sp->start, sp->len);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

static Datum
segments(FunctionCallInfo fcinfo, bool sentences)
{
	size_t		len;
	const char *text;
	AtVec		spans;

	at_pg_require_utf8();
	text = at_pg_text_arg(fcinfo, 0, &len);
	/*
	 * The executor's expected descriptor, not get_call_result_type(): that
	 * one builds the descriptor in per-query memory and leaks ~500 bytes per
	 * call, which adds up over a query that calls us once per row.
	 */
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);

	at_vec_init(&spans, &at_pg_mem, sizeof(AtSpan));
	if (sentences)
		at_split_sentences(text, len, &spans);
	else
		at_split_paragraphs(text, len, &spans);
	emit_spans(fcinfo, text, &spans);
	return (Datum) 0;
}

Datum
at_paragraphs(PG_FUNCTION_ARGS)
{
	return segments(fcinfo, false);
}

Datum
at_sentences(PG_FUNCTION_ARGS)
{
	return segments(fcinfo, true);
}

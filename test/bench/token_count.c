/*
 * token_count.c: ts_token_count(parser, text), how many tokens any text
 * search parser finds in a text, for the benchmarks only; it is never
 * installed by `make install` (test/bench/module.sh builds it into the
 * benchmark's private install).
 *
 * ts_parse builds one row per token, which costs more than either parser,
 * so ts_parse mostly measures itself; this calls the parser's start,
 * gettoken and end functions directly and only counts.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "tsearch/ts_cache.h"
#include "utils/builtins.h"
#include "utils/regproc.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(at_bench_token_count);

Datum
at_bench_token_count(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	text	   *doc = PG_GETARG_TEXT_PP(1);
	TSParserCacheEntry *prs;
	void	   *state;
	char	   *token = NULL;
	int			toklen = 0;
	int64		n = 0;

	prs = lookup_ts_parser_cache(get_ts_parser_oid(stringToQualifiedNameList(name), false));
	state = DatumGetPointer(FunctionCall2(&prs->prsstart,
										  PointerGetDatum(VARDATA_ANY(doc)),
										  Int32GetDatum(VARSIZE_ANY_EXHDR(doc))));
	while (DatumGetInt32(FunctionCall3(&prs->prstoken, PointerGetDatum(state),
									   PointerGetDatum(&token),
									   PointerGetDatum(&toklen))) > 0)
	{
		CHECK_FOR_INTERRUPTS();
		n++;
	}
	FunctionCall1(&prs->prsend, PointerGetDatum(state));
	PG_RETURN_INT64(n);
}

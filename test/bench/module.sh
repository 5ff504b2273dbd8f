# test/bench/module.sh: the benchmarks' own helpers, which are not part of
# the extension: test/bench/null_parser.c (a parser that only cuts at
# spaces) and test/bench/token_count.c (ts_token_count).  Source it after
# test/lib/common.sh and at_bench_setup.
#
#   at_bench_module        builds both into the private install ($scratch/inst;
#                          the server loads a library when a function first
#                          needs it, so this works with the server running)
#   at_bench_module_sql    creates, in the current database, the function
#                          ts_token_count(parser text, document text) bigint
#                          and the text search parser null_parser

at_bench_module() {
	local inc lib
	inc=$("$PG_CONFIG" --includedir-server)
	lib=$scratch/inst$("$PG_CONFIG" --pkglibdir)
	cc -O2 -fPIC -shared -Wall -Werror -I"$inc" -o "$lib/at_bench_null.so" "$AT_ROOT/test/bench/null_parser.c" &&
		cc -O2 -fPIC -shared -Wall -Werror -I"$inc" -o "$lib/at_bench_count.so" "$AT_ROOT/test/bench/token_count.c"
}

at_bench_module_sql() {
	at_psql <<'SQL'
CREATE FUNCTION ts_token_count(parser text, document text) RETURNS bigint
    AS '$libdir/at_bench_count', 'at_bench_token_count' LANGUAGE C STRICT STABLE;
CREATE FUNCTION null_start(internal, int4) RETURNS internal AS '$libdir/at_bench_null', 'at_null_start' LANGUAGE C STRICT;
CREATE FUNCTION null_gettoken(internal, internal, internal) RETURNS internal AS '$libdir/at_bench_null', 'at_null_gettoken' LANGUAGE C STRICT;
CREATE FUNCTION null_end(internal) RETURNS void AS '$libdir/at_bench_null', 'at_null_end' LANGUAGE C STRICT;
CREATE FUNCTION null_lextype(internal) RETURNS internal AS '$libdir/at_bench_null', 'at_null_lextype' LANGUAGE C STRICT;
CREATE TEXT SEARCH PARSER null_parser (START = null_start, GETTOKEN = null_gettoken, END = null_end, LEXTYPES = null_lextype);
SQL
}

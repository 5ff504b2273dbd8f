#!/usr/bin/env bash
# Full-text search speed over ../shared/corpus/news (BBC + Wikinews, 5 MB):
#   ts_parse            news_parser vs the default parser, tokens/s (most of
#                       the time goes to building one row per token)
#   tokens              the same through ts_token_count (test/bench/token_count.c,
#                       built here, never installed): the parsers alone
#   parser only         to_tsvector with configurations that map no token
#                       type: the parser plus the core's fixed per-token work
#   to_tsvector         article_tools.news vs english
#   ceiling             ts_parse's own cost per row (ts_parse - ts_token_count)
#                       bounds the tokens/s of any parser through ts_parse;
#                       measured directly with test/bench/null_parser.c, a
#                       parser that only cuts at spaces (built here, never
#                       installed)
# Each query runs AT_BENCH_RUNS times (default 5) in a throwaway cluster with
# this checkout installed; the best time counts, timed inside the server.
#
#   test/bench/tsearch.sh        (or: make bench-tsearch)
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/fts/corpus.sh"
cd "$AT_ROOT"
RUNS=${AT_BENCH_RUNS:-5}

shared=$(at_shared_dir || true)
if [ -z "$shared" ] || [ ! -d "$shared/corpus/news" ]; then
	echo "bench-tsearch: skipped: ../shared/corpus/news is absent"
	exit 0
fi
at_bench_setup "TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C'" || exit 1
# The benchmark's own helpers (ts_token_count, null_parser), which are not
# part of the extension: test/bench/module.sh
. "$AT_ROOT/test/bench/module.sh"
at_bench_module || exit 1
at_psql -c "CREATE EXTENSION article_tools" || exit 1
fts_load_corpus "$shared" || exit 1
at_bench_module_sql || exit 1

at_psql -P pager=off -v runs="$RUNS" <<'SQL'
CREATE TEXT SEARCH CONFIGURATION bench_default_nomap (PARSER = pg_catalog."default");
CREATE TEXT SEARCH CONFIGURATION bench_news_nomap (PARSER = article_tools.news_parser);
CREATE FUNCTION pg_temp.best(q text, runs int, OUT seconds float8, OUT value numeric)
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
BEGIN
    seconds := 'Infinity';
    FOR i IN 1..runs LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO value;
        seconds := least(seconds, extract(epoch FROM clock_timestamp() - t0));
    END LOOP;
END $$;
CREATE TEMP TABLE r AS
SELECT name, (b).seconds, (b).value
FROM (VALUES
  ('ts_parse default', 'SELECT count(*) FROM fts_corpus, ts_parse(''default'', body)'),
  ('ts_parse news_parser', 'SELECT count(*) FROM fts_corpus, ts_parse(''article_tools.news_parser'', body)'),
  ('ts_parse null_parser', 'SELECT count(*) FROM fts_corpus, ts_parse(''null_parser'', body)'),
  ('tokens default', 'SELECT sum(ts_token_count(''default'', body)) FROM fts_corpus'),
  ('tokens news_parser', 'SELECT sum(ts_token_count(''article_tools.news_parser'', body)) FROM fts_corpus'),
  ('tokens null_parser', 'SELECT sum(ts_token_count(''null_parser'', body)) FROM fts_corpus'),
  ('parser only default', 'SELECT count(*) FROM fts_corpus WHERE length(to_tsvector(''bench_default_nomap'', body)) >= 0'),
  ('parser only news_parser', 'SELECT count(*) FROM fts_corpus WHERE length(to_tsvector(''bench_news_nomap'', body)) >= 0'),
  ('to_tsvector english', 'SELECT sum(length(to_tsvector(''english'', body))) FROM fts_corpus'),
  ('to_tsvector article_tools.news', 'SELECT sum(length(to_tsvector(''article_tools.news'', body))) FROM fts_corpus'))
  AS q(name, sql), LATERAL (SELECT pg_temp.best(q.sql, :runs) AS b) x;
SELECT (SELECT sum(octet_length(body)) FROM fts_corpus) / 1e6 AS mb \gset
-- the bench helper counts exactly what ts_parse returns (else its figures mean nothing)
SELECT bool_and(t.value = p.value) AS ts_token_count_same_as_ts_parse
FROM r t JOIN r p ON p.name = replace(t.name, 'tokens ', 'ts_parse ') WHERE t.name LIKE 'tokens %';
SELECT name, round(seconds::numeric, 3) AS seconds, round(:mb / seconds::numeric, 1) AS "MB/s",
       CASE WHEN name LIKE 'ts_parse%' OR name LIKE 'tokens%' THEN round(value / seconds::numeric) END AS "tokens/s"
FROM r;
SELECT round((SELECT value / seconds FROM r WHERE name = 'ts_parse news_parser')::numeric /
             (SELECT value / seconds FROM r WHERE name = 'ts_parse default')::numeric, 2) AS ts_parse_tokens_per_s_ratio,
       round((SELECT value / seconds FROM r WHERE name = 'tokens news_parser')::numeric /
             (SELECT value / seconds FROM r WHERE name = 'tokens default')::numeric, 2) AS parser_tokens_per_s_ratio,
       round((SELECT seconds FROM r WHERE name = 'parser only default')::numeric /
             (SELECT seconds FROM r WHERE name = 'parser only news_parser')::numeric, 2) AS parser_only_speed_ratio,
       round((SELECT seconds FROM r WHERE name = 'to_tsvector english')::numeric /
             (SELECT seconds FROM r WHERE name = 'to_tsvector article_tools.news')::numeric, 2) AS to_tsvector_speed_ratio;
-- The ceiling of ts_parse: what ts_parse costs beyond running the parser
-- (ts_parse - ts_token_count: a row per token, the same for every parser)
-- is paid even by a parser that costs nothing, so no parser passes one
-- row per that cost through ts_parse.  Load only adds time: the smaller of
-- the two parsers' per-row costs counts.
SELECT round(per_row * 1e9) AS ts_parse_ns_per_row,
       round(1 / per_row) AS ceiling_tokens_per_s,
       round(1 / per_row / dflt, 2) AS ceiling_over_default
FROM (SELECT least(((SELECT seconds FROM r WHERE name = 'ts_parse default') -
                    (SELECT seconds FROM r WHERE name = 'tokens default'))::numeric /
                   (SELECT value FROM r WHERE name = 'ts_parse default'),
                   ((SELECT seconds FROM r WHERE name = 'ts_parse news_parser') -
                    (SELECT seconds FROM r WHERE name = 'tokens news_parser'))::numeric /
                   (SELECT value FROM r WHERE name = 'ts_parse news_parser')) AS per_row,
             (SELECT value / seconds FROM r WHERE name = 'ts_parse default')::numeric AS dflt) x;
-- The same ceiling measured: a parser that only cuts at spaces, through
-- ts_parse.  Its tokens/s over the default parser's is the most any parser
-- can show in the ts_parse comparison on this machine in this run.
SELECT round((SELECT value / seconds FROM r WHERE name = 'ts_parse null_parser')::numeric /
             (SELECT value / seconds FROM r WHERE name = 'ts_parse default')::numeric, 2) AS null_parser_over_default_ts_parse,
       round((SELECT value / seconds FROM r WHERE name = 'ts_parse news_parser')::numeric /
             (SELECT value / seconds FROM r WHERE name = 'ts_parse null_parser')::numeric, 2) AS news_parser_share_of_ceiling;
SQL

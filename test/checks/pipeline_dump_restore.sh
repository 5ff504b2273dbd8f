#!/usr/bin/env bash
# pg_dump + pg_restore of a database that uses the processing pipeline
# (a plain and a partitioned attached table, both error modes, a recorded
# error) into a new database: the two databases must dump to the same text,
# and the pipeline must keep working in the restored one (trigger, config,
# cached statements built afresh).
#
# Runs against the cluster of test/run_tests.sh (PGHOST, PGPORT, PGUSER,
# AT_BINDIR).  Exit 0 = pass, 77 = skip, other = fail.
set -euo pipefail

: "${AT_BINDIR:?run from test/run_tests.sh}"
psql_() { "$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -At "$@"; }
src=at_pipeline_dump_src_$$
dst=at_pipeline_dump_dst_$$
tmp=$(mktemp -d "${TMPDIR:-/tmp}/at_pipeline_dump.XXXXXX")
cleanup() {
	"$AT_BINDIR/dropdb" --if-exists "$src" 2>/dev/null || true
	"$AT_BINDIR/dropdb" --if-exists "$dst" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "pipeline_dump_restore: $*" >&2; exit 1; }

"$AT_BINDIR/createdb" -T template0 -E UTF8 "$src"
psql_ -d "$src" -c "CREATE EXTENSION article_tools"
if [ "$(psql_ -d "$src" -c "SELECT to_regprocedure('article_tools.parse_article(text)') IS NULL")" = t ]; then
	echo "pipeline_dump_restore: skipped: article_tools.parse_article(text) is not built yet"
	exit 77
fi

psql_ -d "$src" <<'SQL' >/dev/null
SET client_min_messages = error;
CREATE SCHEMA newsroom;
CREATE TABLE newsroom.articles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file text NOT NULL,
    raw text);
INSERT INTO newsroom.articles (file, raw) VALUES
 ('a.txt', E'Nanhai Power expands\nBy ZHOU Lan | China Daily | Updated: 2024-03-18 09:12\n\nNanhai Power Co. Ltd said its exports rose 38.5 percent to 12.4 billion yuan in 2023.'),
 ('b.txt', E'BEIJING, Dec. 11 (Xinhua) -- China''s grain output reached 695.41 million tonnes in 2023, the National Bureau of Statistics said.');
SELECT article_tools.attach('newsroom.articles', 'raw');
INSERT INTO newsroom.articles (file, raw) VALUES
 ('c.txt', E'Tianhe Logistics opens rail hub\nUpdated: Oct 8, 2018\n\nTianhe Logistics Group opened a 2-billion-yuan hub in Chongqing, general manager Ma Jun said.');

CREATE TABLE public.feed (site text, num int, raw text, PRIMARY KEY (site, num)) PARTITION BY LIST (site);
CREATE TABLE public.feed_xinhua PARTITION OF public.feed FOR VALUES IN ('xinhua');
CREATE TABLE public.feed_rest PARTITION OF public.feed DEFAULT;
INSERT INTO public.feed VALUES ('xinhua', 1, 'HANGZHOU, June 3 (Xinhua) -- Qiantang Software Co. Ltd raised 600 million yuan.');
SELECT article_tools.attach('public.feed', 'raw', '{"on_error": "skip", "batch_size": 100}');
-- a recorded error: bodies over 60 characters are refused
ALTER TABLE public.feed_parsed ADD CONSTRAINT short_body CHECK (length(body) <= 60) NOT VALID;
INSERT INTO public.feed VALUES ('people', 1, 'Port throughput rose 6 percent.'),
    ('people', 2, repeat('A long article about trade in Ningbo and Zhoushan. ', 4));
SQL

[ "$(psql_ -d "$src" -c "SELECT count(*) FROM public.feed_errors")" = 1 ] || fail "setup: no error row recorded"

"$AT_BINDIR/pg_dump" -Fc -d "$src" -f "$tmp/src.dump"
"$AT_BINDIR/createdb" -T template0 -E UTF8 "$dst"
"$AT_BINDIR/pg_restore" --exit-on-error -d "$dst" "$tmp/src.dump" || fail "pg_restore failed"

# 1. the restored database dumps to the same text (schema, data, triggers,
#    the extension's config table)
for db in "$src" "$dst"; do
	"$AT_BINDIR/pg_dump" -Fp -d "$db" | grep -v -e '^-- Dumped' -e '^-- Started' -e '^-- Completed' -e '^.restrict ' -e '^.unrestrict ' > "$tmp/$db.sql"
done
if ! diff -u "$tmp/$src.sql" "$tmp/$dst.sql" > "$tmp/diff"; then
	head -50 "$tmp/diff" >&2
	fail "the restored database dumps differently"
fi
grep -q 'CREATE TRIGGER article_tools_process AFTER INSERT OR UPDATE OF raw ON newsroom.articles' "$tmp/$dst.sql" \
	|| fail "trigger missing from the dump"
grep -q '^COPY article_tools.attachments' "$tmp/$dst.sql" || fail "config table data missing from the dump"

# 2. the same rows, table by table
q_rows="SELECT string_agg(c, ',' ORDER BY c) FROM (
  SELECT format('%s:%s', r, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', r), false, true, '')))[1]::text) AS c
  FROM unnest(ARRAY['newsroom.articles', 'newsroom.articles_parsed', 'newsroom.articles_entities',
                    'newsroom.articles_metrics', 'newsroom.articles_errors', 'public.feed', 'public.feed_parsed',
                    'public.feed_entities', 'public.feed_metrics', 'public.feed_errors',
                    'newsroom.articles_metric_facts', 'newsroom.articles_entity_mentions']) r
  WHERE to_regclass(r) IS NOT NULL) s"
a=$(psql_ -d "$src" -c "$q_rows")
b=$(psql_ -d "$dst" -c "$q_rows")
[ "$a" = "$b" ] || fail "row counts differ: $a / $b"
q_cfg="SELECT string_agg(format('%s %s %s %s %s %s %s %s %s', relid, raw_column, key_columns, parsed, entities, metrics, errors, on_error, options), '; ' ORDER BY relid::text) FROM article_tools.attachments"
[ "$(psql_ -d "$src" -c "$q_cfg")" = "$(psql_ -d "$dst" -c "$q_cfg")" ] || fail "config differs"

# 3. the pipeline works in the restored database
out=$(psql_ -d "$dst" <<'SQL'
SET client_min_messages = error;
INSERT INTO newsroom.articles (file, raw) VALUES ('d.txt', 'SHANGHAI, June 1 (Xinhua) -- Harbor Bank of Ningbo hired 200 people.');
UPDATE newsroom.articles SET raw = 'BEIJING, May 13 (Xinhua) -- Air China added 4 routes.' WHERE file = 'a.txt';
DELETE FROM newsroom.articles WHERE file = 'b.txt';
INSERT INTO public.feed VALUES ('people', 3, repeat('Another long article about the port of Ningbo. ', 3));
UPDATE public.feed SET raw = 'Short now.' WHERE num = 2;
SELECT (SELECT count(*) FROM newsroom.articles) = (SELECT count(*) FROM newsroom.articles_parsed),
       (SELECT bool_and(p.title IS NOT DISTINCT FROM (article_tools.parse_article(a.raw)).title
                        AND p.body IS NOT DISTINCT FROM (article_tools.parse_article(a.raw)).body)
        FROM newsroom.articles a JOIN newsroom.articles_parsed p USING (id)),
       (SELECT count(*) FROM newsroom.articles_parsed p WHERE p.id = 2),  -- b.txt, deleted
       (SELECT string_agg(site || num, ',' ORDER BY num) FROM public.feed_errors),
       (SELECT count(*) FROM public.feed_parsed WHERE site = 'people');
SQL
)
[ "$out" = "t|t|0|people3|2" ] || fail "pipeline after restore: got '$out', want 't|t|0|people3|2'"
echo "pipeline_dump_restore: dump, restore and re-dump identical; pipeline works after restore"

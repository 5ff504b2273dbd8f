#!/usr/bin/env bash
# bench.sh: speed of parse_article on HTML pages, as MB/s and as the ratio
# to to_tsvector('english') over the same pages in the same run (timed inside
# the server, best of 3).  Pages: the UTF-8 pages of the evaluation sets in
# $AT_HTML_DATA (see README.md here); skips (exit 77) without them.
#
#   test/html/bench.sh [max-pages]      (default 400)
set -uo pipefail
AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"
data=${AT_HTML_DATA:-}
max=${1:-400}
if [ -z "$data" ] || [ ! -d "$data" ]; then
	echo "bench.sh: AT_HTML_DATA is not set to the evaluation data folder; skipped"
	exit 77
fi
at_bench_setup || exit 1

# name TAB base64(page) for pages that are valid UTF-8 already
n=0
: > "$scratch/pages.tsv"
for f in "$data"/trafilatura/tests/eval/*.html "$data"/readability/test/test-pages/*/source.html; do
	[ "$n" -ge "$max" ] && break
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || continue
	printf '%s\t%s\n' "$(basename "$(dirname "$f")")/$(basename "$f")" "$(base64 -w0 "$f")" >> "$scratch/pages.tsv"
	n=$((n + 1))
done
echo "bench: $n pages"

at_psql <<SQL
SET client_min_messages = warning;
CREATE EXTENSION article_tools;
CREATE TABLE b64 (name text, b text);
\copy b64 FROM '$scratch/pages.tsv'
CREATE TABLE pages AS SELECT name, convert_from(decode(b, 'base64'), 'UTF8') AS page FROM b64;
CREATE FUNCTION best_of_3(q text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; best float8 := 'infinity'; BEGIN
  FOR i IN 1..3 LOOP
    t0 := clock_timestamp(); EXECUTE q;
    best := least(best, extract(epoch FROM clock_timestamp() - t0));
  END LOOP;
  RETURN best;
END \$\$;
\pset footer off
SELECT count(*) AS pages, round(sum(octet_length(page)) / 1e6, 2) AS mb FROM pages;
WITH t AS (
  SELECT best_of_3('SELECT sum(length(to_tsvector(''english'', page)::text)) FROM pages') AS ts,
         best_of_3('SELECT sum((article_tools.parse_article(page)).words) FROM pages') AS html,
         (SELECT sum(octet_length(page)) FROM pages) AS bytes)
SELECT round((bytes / 1e6 / html)::numeric, 1) AS parse_article_mb_s,
       round((bytes / 1e6 / ts)::numeric, 1) AS to_tsvector_mb_s,
       round((ts / html)::numeric, 2) AS ratio_to_tsvector
FROM t;
SQL

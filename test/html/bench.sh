#!/usr/bin/env bash
# bench.sh: speed of parse_article on HTML pages, as MB/s and as the ratio
# to to_tsvector('english') over the same pages in the same run (timed inside
# the server, best of 3).  Pages: the UTF-8 pages of the evaluation sets in
# $AT_HTML_DATA (see README.md here); skips (exit 77) without them.
#
#   test/html/bench.sh [--callgrind] [max-pages]      (default 400)
#
# (Until the fifth 1.1 round the server could read pages with libxml2's HTML
# parser instead, for this comparison: 3.09 times english in instructions,
# against 5.32 with our tokenizer; docs/benchmarks.md.  That reader is now a
# test tool, test/html/libxml2_reader.c, never in the server.)
#
# --callgrind: instead of seconds, instructions (callgrind, in a single-user
# backend, as test/bench/callgrind_sql.sh) of each query's C function over
# the pages, and their ratio: a figure the machine's load does not change.
set -uo pipefail
AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
cd "$AT_ROOT"
. "$AT_ROOT/test/html/data.sh"
callgrind=false
if [ "${1:-}" = --callgrind ]; then
	callgrind=true
	shift
	command -v valgrind >/dev/null || { echo "bench.sh: valgrind is not installed; skipped"; exit 77; }
fi
max=${1:-400}
data=$(at_html_data bench.sh) || exit 77
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
SQL

if $callgrind; then
	at_stop_cluster
	mkdir -p "$scratch/cg"
	[ -n "${AT_RUN[*]}" ] && chown "$AT_CLUSTER_USER" "$scratch/cg"
	declare -A ir
	for c in english own; do
		if [ $c = english ]; then
			fn=to_tsvector_byid
			sql="SELECT sum(length(to_tsvector('english', page))) FROM pages;"
		else
			fn=at_parse_article_sql
			sql="SELECT sum((article_tools.parse_article(page)).words) FROM pages;"
		fi
		out=$scratch/cg/callgrind.$c.out
		# the first query warms the backend's caches; the last profile is the counted run
		printf '%s\n%s\n' "${sql/FROM pages/FROM (SELECT * FROM pages LIMIT 1) pages}" "$sql" |
			"${AT_RUN[@]}" valgrind --tool=callgrind --callgrind-out-file="$out" \
				--toggle-collect="$fn" --dump-before=pg_parse_query \
				"$AT_BINDIR/postgres" --single -D "$scratch/cluster/data" -c fsync=off bench > "$scratch/single.log" 2>&1
		ir[$c]=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out")
		[ -n "${ir[$c]}" ] || { cat "$scratch/single.log" >&2; exit 1; }
		echo "$c instructions: ${ir[$c]}"
	done
	awk -v a="${ir[english]}" -v b="${ir[own]}" \
		'BEGIN { printf "ratio_to_tsvector (instructions): %.2f\n", a / b }'
	exit 0
fi

at_psql <<SQL
SET client_min_messages = warning;
\pset footer off
WITH t AS (
  SELECT best_of_3('SELECT sum(length(to_tsvector(''english'', page)::text)) FROM pages') AS ts,
         best_of_3('SELECT sum((article_tools.parse_article(page)).words) FROM pages') AS html,
         (SELECT sum(octet_length(page)) FROM pages) AS bytes)
SELECT round((bytes / 1e6 / html)::numeric, 1) AS parse_article_mb_s,
       round((bytes / 1e6 / ts)::numeric, 1) AS to_tsvector_mb_s,
       round((ts / html)::numeric, 2) AS ratio_to_tsvector
FROM t;
SQL

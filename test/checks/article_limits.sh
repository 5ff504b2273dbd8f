#!/usr/bin/env bash
# parse_article on 1, 10 and 100 MB: time per MB stays flat (linear time),
# and statement_timeout cancels a 100 MB call while it runs.
# Run by test/run_tests.sh against its cluster (PGHOST, PGPORT, PGUSER, AT_BINDIR).
set -euo pipefail

AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
export PGOPTIONS="-c client_min_messages=warning"
psql=("$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -At)
db=at_article_limits

"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap '"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
psql_db=("${psql[@]}" -d "$db")

# One article with the usual page chrome, repeated to the size wanted, stored
# uncompressed so that the time measured is the parser's, not pglz's.
article="$AT_ROOT/test/fixtures/articles/xinhua-port-throughput.txt"
timings=$("${psql_db[@]}" -v art="$(cat "$article")" <<'SQL'
CREATE EXTENSION article_tools;
CREATE TABLE big (mb int PRIMARY KEY, raw text);
ALTER TABLE big ALTER COLUMN raw SET STORAGE EXTERNAL;
INSERT INTO big
SELECT mb, left(repeat(:'art' || E'\n\n', (mb * 1048576) / (length(:'art') + 2) + 1), mb * 1048576)
FROM unnest(ARRAY[1, 10, 100]) mb;
-- best of 2 runs per size, timed inside the server around the call only
CREATE FUNCTION time_parse(n int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t text;
    t0 timestamptz;
    best float8 := 1e9;
    w int;
BEGIN
    SELECT raw INTO t FROM big WHERE mb = n;
    FOR i IN 1..2 LOOP
        t0 := clock_timestamp();
        SELECT (article_tools.parse_article(t)).words INTO w;
        best := least(best, extract(epoch FROM clock_timestamp() - t0)::float8);
    END LOOP;
    RETURN best;
END $$;
SELECT mb, round(time_parse(mb)::numeric, 4) FROM unnest(ARRAY[1, 10, 100]) mb;
SQL
)
fail=0
while IFS='|' read -r mb secs; do
	echo "article_limits: $mb MB in $secs s, $(awk -v s="$secs" -v m="$mb" 'BEGIN { printf "%.4f s/MB, %.1f MB/s", s / m, m / s }')"
done <<< "$timings"
s10=$(awk -F'|' '$1 == 10 { print $2 }' <<< "$timings")
s100=$(awk -F'|' '$1 == 100 { print $2 }' <<< "$timings")
# linear: 100 MB may take at most 2x per MB what 10 MB takes (allowing for noise)
if awk -v a="$s10" -v b="$s100" 'BEGIN { exit !(b / 100 <= 2 * a / 10 + 0.001) }'; then
	echo "article_limits: time per MB is flat from 10 to 100 MB"
else
	echo "article_limits: FAILED: not linear (10 MB: $s10 s, 100 MB: $s100 s)"
	fail=1
fi

# statement_timeout cancels the 100 MB call long before it would finish
timeout_ms=$(awk -v b="$s100" 'BEGIN { t = int(b * 1000 / 4); print (t < 50 ? 50 : t) }')
out=$("${psql_db[@]}" -v ON_ERROR_STOP=0 2>&1 <<SQL
SET statement_timeout = '${timeout_ms}ms';
\\timing on
SELECT (article_tools.parse_article(raw)).words FROM big WHERE mb = 100;
SQL
) || true
elapsed=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<< "$out" | tail -n 1)
if grep -q "canceling statement due to statement timeout" <<< "$out" &&
	awk -v e="${elapsed:-1e9}" -v b="$s100" 'BEGIN { exit !(e < b * 1000 * 0.75) }'; then
	echo "article_limits: statement_timeout ${timeout_ms} ms cancelled the 100 MB call after ${elapsed} ms (a full run takes ${s100} s)"
else
	echo "article_limits: FAILED: statement_timeout did not cancel the call in time"
	echo "$out"
	fail=1
fi
exit $fail

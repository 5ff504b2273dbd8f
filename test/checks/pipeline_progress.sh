#!/usr/bin/env bash
# Progress of long pipeline runs: attach() on a table with rows, reprocess()
# and CALL backfill() send a NOTICE per batch with the rows done of the
# total, and a DETAIL with the rate and the time left (which pg_regress
# cannot show: it varies from run to run).
#
# Runs against the cluster of test/run_tests.sh (PGHOST, PGPORT, PGUSER,
# AT_BINDIR).  Exit 0 = pass, 77 = skip, other = fail.
set -uo pipefail

: "${AT_BINDIR:?run from test/run_tests.sh}"
db=at_pipeline_progress_$$
psql_() { "$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
trap '"$AT_BINDIR/dropdb" --if-exists "$db" 2>/dev/null' EXIT
"$AT_BINDIR/createdb" -T template0 -E UTF8 "$db" || exit 1
psql_ -c "CREATE EXTENSION article_tools" || exit 1
if [ "$(psql_ -At -c "SELECT to_regprocedure('article_tools.parse_article(text)') IS NULL")" = t ]; then
	echo "pipeline_progress: skipped: article_tools.parse_article(text) is not built yet"
	exit 77
fi

failed=0
# expect NAME OUTPUT BATCHES TOTAL PREFIX: BATCHES NOTICEs "PREFIX k of TOTAL
# rows", each followed by a DETAIL "N rows/s; about N s left"
expect() {
	local name=$1 out=$2 batches=$3 total=$4 prefix=$5 notices details
	notices=$(grep -cE "^NOTICE:  $prefix[0-9]+ of $total rows of public\.big" <<<"$out")
	details=$(grep -cE '^DETAIL:  [0-9]+ rows/s; about [0-9]+ s left$' <<<"$out")
	if [ "$notices" = "$batches" ] && [ "$details" = "$batches" ]; then
		echo "pipeline_progress: ok: $name ($notices NOTICEs with their rate)"
	else
		echo "pipeline_progress: FAILED: $name: $notices NOTICEs and $details DETAILs, want $batches of each" >&2
		echo "$out" | head -20 >&2
		failed=1
	fi
}

psql_ -c "CREATE TABLE big (id int PRIMARY KEY, raw text)" \
      -c "INSERT INTO big SELECT g, 'BEIJING, May 12 (Xinhua) -- Output of Nanhai Power rose ' || g || ' percent to 3 billion yuan.' FROM generate_series(1, 30) g" || exit 1
expect "attach, 30 rows in batches of 10" \
	"$(psql_ -c "SELECT article_tools.attach('big', 'raw', '{\"batch_size\": 10}')" 2>&1 >/dev/null)" 3 30 "article_tools: processed "
expect "reprocess" "$(psql_ -c "SELECT article_tools.reprocess('big')" 2>&1 >/dev/null)" 3 30 "article_tools: processed "
psql_ -c "SELECT article_tools.detach('big', true)" \
      -c "SELECT article_tools.attach('big', 'raw', '{\"process_existing\": false}')" >/dev/null || exit 1
expect "backfill, batches of 12" "$(psql_ -c "CALL article_tools.backfill('big', 0, 1, 12)" 2>&1 >/dev/null)" 3 30 "article_tools.backfill: "
# another session sees the committed batches while a backfill runs (a
# slow side-table trigger stretches each row to 0.1 s)
psql_ -c "TRUNCATE big_parsed, big_entities, big_metrics" \
      -c "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END \$\$" \
      -c "CREATE TRIGGER slow BEFORE INSERT ON big_parsed FOR EACH ROW EXECUTE FUNCTION slow()" || exit 1
psql_ -c "SET client_min_messages = warning" -c "CALL article_tools.backfill('big', 0, 1, 10)" >/dev/null &
bg=$!
partial=""
for _ in $(seq 1 100); do
	n=$(psql_ -At -c "SELECT count(*) FROM big_parsed")
	if [ "$n" -gt 0 ] && [ "$n" -lt 30 ]; then
		partial=$n
		break
	fi
	sleep 0.1
done
wait "$bg" || failed=1
done_rows=$(psql_ -At -c "SELECT count(*) FROM big_parsed")
if [ -n "$partial" ] && [ "$done_rows" = 30 ]; then
	echo "pipeline_progress: ok: another session saw $partial of 30 rows during the backfill, 30 after"
else
	echo "pipeline_progress: FAILED: no partial progress seen (${partial:-none}), $done_rows of 30 rows after" >&2
	failed=1
fi
exit $failed

#!/usr/bin/env bash
# Single-node backfill throughput: an attached table's existing rows
# processed by attach() in one session (one transaction, one core), by
# CALL article_tools.backfill(t, 0, 1), and by two sessions at once
# (backfill(t, 0, 2) and backfill(t, 1, 2)).  Rounds alternate; medians.
# Checks that the parallel backfill leaves the same side rows as attach().
#
#   test/scale/backfill.sh [COPIES] [ROUNDS]     (defaults 2, 3)
#
# The rows are the articles of ../shared/corpus/news (about 2,200) COPIES
# times over, read at run time.  Times are wall-clock on whatever else the
# machine runs: read the ratios of one run, not the seconds.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
copies=${1:-2}
rounds=${2:-3}

shared=$(at_shared_dir) || { echo "backfill: skipped: ../shared is absent"; exit 77; }
AT_SERVER_OPTS="-c autovacuum=off -c shared_buffers=256MB -c max_wal_size=4GB" at_bench_setup || exit 1
q() { at_psql -At "$@"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
cores=$(nproc)

at_bench_corpus_tsv "$shared" "$scratch/corpus.tsv"
q -c "CREATE EXTENSION article_tools" \
  -c "CREATE TEMP TABLE corpus (id int, file text, b64 text)" \
  -c "\\copy corpus FROM '$scratch/corpus.tsv'" \
  -c "CREATE TABLE src (id int PRIMARY KEY, raw text)" \
  -c "INSERT INTO src SELECT c.id + k * 100000, convert_from(decode(c.b64, 'base64'), 'UTF8') FROM corpus c, generate_series(0, $copies - 1) k" \
  -c "CREATE TABLE t (id int PRIMARY KEY, raw text)" || exit 1
n=$(q -c "SELECT count(*) FROM src")
echo "backfill: $n rows, $cores cores, $rounds rounds"

# fresh: empty t, detached, rows copied back in
fresh() {
	q -c "SET client_min_messages = warning" \
	  -c "SELECT article_tools.detach('t', true) FROM article_tools.attachments WHERE relid = 't'::regclass" \
	  -c "TRUNCATE t" -c "INSERT INTO t SELECT * FROM src" -c "VACUUM ANALYZE t" >/dev/null
}
declare -a r_attach r_one r_two
for ((r = 1; r <= rounds; r++)); do
	fresh
	t0=$EPOCHREALTIME
	q -c "SET client_min_messages = warning" -c "SELECT article_tools.attach('t', 'raw')" >/dev/null
	r_attach+=("$(since "$t0")")
	q -c "CREATE TABLE ref AS SELECT to_jsonb(p) - 'tsv' AS j FROM t_parsed p
	      UNION ALL SELECT to_jsonb(e) FROM t_entities e UNION ALL SELECT to_jsonb(m) FROM t_metrics m" 2>/dev/null

	fresh
	q -c "SET client_min_messages = warning" -c "SELECT article_tools.attach('t', 'raw', '{\"process_existing\": false}')" >/dev/null
	t0=$EPOCHREALTIME
	q -c "SET client_min_messages = warning" -c "CALL article_tools.backfill('t', 0, 1)"
	r_one+=("$(since "$t0")")

	fresh
	q -c "SET client_min_messages = warning" -c "SELECT article_tools.attach('t', 'raw', '{\"process_existing\": false}')" >/dev/null
	t0=$EPOCHREALTIME
	q -c "SET client_min_messages = warning" -c "CALL article_tools.backfill('t', 0, 2)" &
	q -c "SET client_min_messages = warning" -c "CALL article_tools.backfill('t', 1, 2)" &
	wait
	r_two+=("$(since "$t0")")
	echo "backfill: round $r: attach ${r_attach[-1]} s, 1 session ${r_one[-1]} s, 2 sessions ${r_two[-1]} s"
done

same=$(q -c "WITH d AS (SELECT to_jsonb(p) - 'tsv' AS j FROM t_parsed p
                        UNION ALL SELECT to_jsonb(e) FROM t_entities e UNION ALL SELECT to_jsonb(m) FROM t_metrics m)
             SELECT count(*) FROM ((TABLE d EXCEPT ALL TABLE ref) UNION ALL (TABLE ref EXCEPT ALL TABLE d)) x")
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
m_attach=$(median "${r_attach[@]}")
m_one=$(median "${r_one[@]}")
m_two=$(median "${r_two[@]}")
awk -v n="$n" -v a="$m_attach" -v o="$m_one" -v t="$m_two" 'BEGIN {
	printf "backfill: medians: attach %.2f s (%.0f rows/s), backfill 1 session %.2f s (%.0f rows/s), 2 sessions %.2f s (%.0f rows/s)\n", a, n / a, o, n / o, t, n / t
	printf "backfill: 2 sessions / attach speed-up %.2f x, 2 sessions / 1 session %.2f x\n", a / t, o / t }'
echo "backfill: side rows of the 2-session backfill differing from attach's: $same"
[ "$same" = 0 ]

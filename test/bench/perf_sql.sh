#!/usr/bin/env bash
# Where the wall time of a case goes: samples the backend (perf record -e
# cpu-clock, which needs no hardware counters) while it runs the case's
# query over the benchmark corpus, and prints the largest functions by self
# time and by inclusive time (the engine, the fmgr glue, detoasting, tuple
# building, the executor).  callgrind_sql.sh counts instructions; this
# measures time, which also pays for mispredicted branches and cache misses.
#
#   test/bench/perf_sql.sh [CASE [RUNS]]
#       CASE: metrics (default), english, entities, parse_article, news
#       RUNS: times the query runs while sampled (default 10)
#
# One session (in a throwaway cluster with this checkout installed) runs
# the query once to warm up (models, dictionaries, compiled patterns), then
# RUNS times while perf samples its backend only.  Needs perf and root (or
# a perf_event_paranoid that allows it); skips with a message otherwise.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
case=${1:-metrics}
runs=${2:-10}
TOP=${AT_PERF_TOP:-30}

declare -A q=(
	[english]="SELECT sum(length(to_tsvector('english', raw))) FROM corpus"
	[news]="SELECT sum(length(to_tsvector('article_tools.news', raw))) FROM corpus"
	[entities]="SELECT count(*) FROM corpus, LATERAL article_tools.extract_entities(raw)"
	[metrics]="SELECT count(*) FROM corpus c, LATERAL article_tools.extract_metrics(c.raw) m"
	[parse_article]="SELECT count((article_tools.parse_article(raw)).title) FROM corpus"
)
[ -n "${q[$case]:-}" ] || { echo "perf_sql: unknown case $case (one of: ${!q[*]})" >&2; exit 2; }
[[ $runs =~ ^[0-9]+$ ]] && [ "$runs" -gt 0 ] || { echo "perf_sql: RUNS must be a positive number" >&2; exit 2; }

shared=$(at_shared_dir || true)
if [ -z "$shared" ] || [ ! -d "$shared/corpus/news" ]; then
	echo "perf_sql: skipped: ../shared/corpus/news is absent"
	exit 0
fi
command -v perf >/dev/null || { echo "perf_sql: skipped: perf is not installed"; exit 0; }

at_bench_setup || exit 1
at_bench_load_corpus "$shared" >/dev/null || exit 1
out=$scratch/perf.data
pidfile=$scratch/backend.pid

# one session: its pid, a warm-up run, a pause for perf to attach, the runs
{
	echo "\\o $pidfile"
	echo "SELECT pg_backend_pid();"
	echo "\\o /dev/null"
	echo "${q[$case]};"
	echo "SELECT pg_sleep(1);"
	for ((i = 0; i < runs; i++)); do
		echo "${q[$case]};"
	done
} | at_psql -At >/dev/null &
session=$!
for ((i = 0; i < 600; i++)); do
	[ -s "$pidfile" ] && break
	sleep 0.1
done
pid=$(tr -d ' \n' < "$pidfile" 2>/dev/null)
[[ $pid =~ ^[0-9]+$ ]] || { echo "perf_sql: no backend pid" >&2; wait "$session"; exit 1; }
perf record -F 2000 -e cpu-clock -g -p "$pid" -o "$out" >/dev/null 2>"$scratch/perf.log" &
recorder=$!
wait "$session"
kill -INT "$recorder" 2>/dev/null
wait "$recorder"
if [ ! -s "$out" ]; then
	echo "perf_sql: skipped: perf recorded nothing ($(head -n 1 "$scratch/perf.log"))"
	exit 0
fi

echo "== $case: ${q[$case]} ($runs runs sampled)"
echo "-- by shared object (self)"
perf report -i "$out" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]'
echo "-- by function (self)"
perf report -i "$out" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -n "$TOP"
echo "-- by function (with callees; frame-pointer call graphs, inlined code counts in its caller)"
perf report -i "$out" --children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' |
	grep -vE ' 0x[0-9a-f]+ |PostgresMain|PostmasterMain|__libc_start|\] main ' | head -n "$TOP"

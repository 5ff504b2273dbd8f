#!/usr/bin/env bash
# Where the wall-clock time of a query goes: samples (perf record -e
# cpu-clock, which needs no hardware counters) of the one backend that runs
# a benchmark query over the corpus, the extension built with frame
# pointers.  Instruction counts (callgrind_sql.sh) miss what costs time but
# few instructions: cache misses, the executor, the SRF's tuples, palloc.
#
#   test/bench/perf.sh [CASE ...]     (default: english entities)
#       CASE: english, news, entities, metrics, parse_article, or an SQL
#       query over corpus(id, file, raw)
#
# For each case: one warm-up run of the query (model, dictionaries, caches),
# then AT_PERF_RUNS (default 5) runs sampled with perf record -p on that
# backend's pid.  Prints the query's seconds per run, the share of each
# shared object (extension, postgres, libc), then the functions with
# the most samples (self %, AT_PERF_TOP lines, default 25) and, with
# AT_PERF_CHILDREN=1, the largest inclusive ones too (call graphs through
# frame pointers: the extension's; the server's only if it has them).
# AT_PERF_KEEP=PREFIX keeps each perf.data as PREFIX.CASE.data.  Needs perf
# and root (or perf_event_paranoid <= 1).
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(english entities)
RUNS=${AT_PERF_RUNS:-5}
TOP=${AT_PERF_TOP:-25}

shared=$(at_bench_shared perf) || exit 0
command -v perf >/dev/null || { echo "perf: skipped: perf is not installed"; exit 0; }


# frame pointers in the extension, so that -g call graphs reach its functions
# (a clean build: objects built without them would be kept by make)
make -s clean >/dev/null 2>&1
export COPT="${COPT:-} -fno-omit-frame-pointer"
at_bench_setup || exit 1
at_bench_load_corpus "$shared" >/dev/null || exit 1
make -s clean >/dev/null 2>&1	# the next plain build must not keep these objects
mkdir -p "$scratch/perf"

for c in "${cases[@]}"; do
	sql=${AT_BENCH_SQL[$c]:-$c}
	name=$c
	[ -n "${AT_BENCH_SQL[$c]:-}" ] || name=query
	data=$scratch/perf/$name.data
	echo "== $name: $sql"
	# one session: warm-up, start perf on its own pid, the sampled runs, stop perf
	at_psql -At <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv AT_PERF_PID :pid
$sql;
\! perf record -q -e cpu-clock -F 2000 -g -p \$AT_PERF_PID -o $data >$scratch/perf/$name.log 2>&1 & echo \$! > $scratch/perf/pid; sleep 1
\timing on
$(for ((i = 0; i < RUNS; i++)); do echo "$sql;"; done)
\timing off
\! kill -INT \$(cat $scratch/perf/pid); sleep 2
SQL
	echo "-- by shared object (self)"
	perf report -i "$data" --no-children --sort dso --stdio -q -g none 2>/dev/null |
		grep -E '^ +[0-9.]+%'
	echo "-- self"
	perf report -i "$data" --no-children --sort symbol --stdio -q 2>/dev/null |
		grep -E '^ +[0-9.]+%' | head -n "$TOP"
	if [ "${AT_PERF_CHILDREN:-0}" = 1 ]; then
		echo "-- inclusive"
		perf report -i "$data" --children --sort symbol --stdio -q -g none 2>/dev/null |
			grep -E '^ +[0-9.]+%' | head -n "$TOP"
	fi
	[ -n "${AT_PERF_KEEP:-}" ] && cp "$data" "$AT_PERF_KEEP.$name.data"
done
exit 0

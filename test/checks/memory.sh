#!/usr/bin/env bash
# Memory of every SQL function (test/checks/lib/functions.list) over many
# articles in one query: the backend's memory must stay flat.
#
# For each function, two query shapes: the function in a correlated
# subquery / LATERAL-like per-row call (the query of the list), and, when
# the list gives a select-list expression, the function in the select list
# (set-returning functions run through ProjectSet there).  Each runs over
# 10,000 and over 100,000 generated articles (about 1.3 kB each, generated
# in SQL) in a fresh session.  Two measures, both printed:
#   - the server's own accounting: the same query reads the total size of
#     the backend's memory contexts (pg_backend_memory_contexts) at its
#     end, while everything it allocated (per-query memory included) is
#     still alive; it must not grow by 1 MB or more from 10,000 to 100,000
#     articles (that is 12 bytes per article: any palloc leak per call);
#   - the process: a sampler reads the backend's RssAnon from
#     /proc/<pid>/status every 50 ms; its peak must not grow by 32 MB or
#     more (catches malloc'd memory the contexts do not see; the allocator
#     keeps one-off plateaus of ~10 MB, so this bound is looser).
# work_mem is 64 kB in the probe so that the tuplestores of the harness
# (generate_series) spill to disk at both sizes instead of growing up to
# the default 4 MB in one run only.
# Env: AT_BINDIR, AT_ROOT, PGHOST, PGPORT, PGUSER (run_tests.sh).
set -uo pipefail
: "${AT_ROOT:?}" "${AT_BINDIR:?}"

db=at_check_memory
. "$AT_ROOT/test/checks/lib/limits.sh"

if [ ! -r /proc/self/status ]; then
	echo "memory: /proc/<pid>/status not readable here"
	exit 77
fi

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# probe SQL -> "idle_kB peak_kB context_bytes" of a fresh backend running
# SQL, whose last column is the context total
probe() {
	local sql=$1 bg pid= idle= peak=0 v out
	out=$(mktemp)
	PGAPPNAME=at_memory_probe psql_db -c "SET work_mem = '64kB'" -c "SELECT pg_catalog.pg_sleep(0.5)" -c "$sql" > "$out" 2>&1 &
	bg=$!
	for _ in $(seq 1 50); do
		pid=$(psql_db -c "SELECT pid FROM pg_catalog.pg_stat_activity WHERE application_name = 'at_memory_probe'")
		[ -n "$pid" ] && break
		sleep 0.05
	done
	while kill -0 "$bg" 2>/dev/null; do
		v=$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
		if [ -n "$v" ]; then
			[ -z "$idle" ] && idle=$v
			[ "$v" -gt "$peak" ] && peak=$v
		fi
		sleep 0.05
	done
	if ! wait "$bg"; then
		echo "ERROR $(tr '\n' ' ' < "$out")"
	else
		echo "${idle:-0} $peak $(tail -n 1 "$out" | cut -d'|' -f2)"
	fi
	rm -f "$out"
}

# check NAME SHAPE SQL-TEMPLATE (with :N for the number of articles)
check() {
	local name=$1 shape=$2 tpl=$3 r10 r100 i10 p10 c10 i100 p100 c100
	r10=$(probe "${tpl//:N/10000}")
	r100=$(probe "${tpl//:N/100000}")
	if [[ $r10 == ERROR* || $r100 == ERROR* ]]; then
		fail "$name ($shape): ${r10} ${r100}"
		return
	fi
	read -r i10 p10 c10 <<< "$r10"
	read -r i100 p100 c100 <<< "$r100"
	printf '  %-11s %-11s contexts %6d kB -> %6d kB (%+d kB); RssAnon idle %d kB, peak %6d kB -> %6d kB (%+d kB)\n' \
		"$name" "$shape" "$((c10 / 1024))" "$((c100 / 1024))" "$(((c100 - c10) / 1024))" \
		"$i100" "$p10" "$p100" "$((p100 - p10))"
	[ $((c100 - c10)) -ge 1048576 ] && fail "$name ($shape): memory contexts grow with the number of articles"
	[ $((p100 - p10)) -ge 32768 ] && fail "$name ($shape): RSS grows with the number of articles"
}

# the scalar subquery is an initplan run when the result row is formed,
# after the last article, while the query's memory is still allocated
ctx="(SELECT sum(total_bytes) FROM pg_catalog.pg_backend_memory_contexts)"
echo "memory: 10,000 -> 100,000 articles in one query"
while IFS='|' read -r name q expr mem; do
	art='at_limits.article(g)'
	if [ -n "$mem" ]; then
		mem=${mem//:CTX/$ctx}
		check "$name" "own query" "$mem"
	else
		check "$name" "per row" "SELECT sum((${q//\$1/$art})), $ctx FROM pg_catalog.generate_series(1, :N) g"
	fi
	if [ -n "$expr" ]; then
		check "$name" "select list" "SELECT count(*), $ctx FROM (SELECT ${expr//\$1/$art} FROM pg_catalog.generate_series(1, :N) g) x"
	fi
	psql_db -c "SELECT at_limits.cleanup()" >/dev/null
done < <(psql_db -c "SELECT name, q, coalesce(expr, ''), coalesce(mem, '') FROM at_limits.fns ORDER BY ord")

if [ "$failures" -gt 0 ]; then
	echo "memory: $failures failures"
	exit 1
fi
echo "memory: flat"

#!/usr/bin/env bash
# Instruction counts (callgrind) of the extension's functions over the
# benchmark corpus, each against to_tsvector('english') in the same kind of
# run: a speed ratio that does not depend on the machine's load (what
# test/bench/run.sh measures in seconds), and where the instructions go.
#
#   test/bench/callgrind_sql.sh [CASE ...]
#       (default: english entities metrics; also: parse_article news)
#
# Each case is one single-user backend (postgres --single, in a throwaway
# cluster with this checkout installed) that runs its query over the corpus
# twice, counting only the second run and only inside the case's C function
# (--toggle-collect; --dump-before starts a new profile at each query), so
# that loading the model or the dictionaries is not counted.  Prints the counts, english's count divided by each case's (the
# bench's ratio), and each case's largest functions (inclusive).  Needs
# valgrind; takes several minutes.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(english entities metrics)
TOP=${AT_CALLGRIND_TOP:-20}

shared=$(at_bench_shared callgrind_sql) || exit 0
command -v valgrind >/dev/null || { echo "callgrind_sql: skipped: valgrind is not installed"; exit 0; }

# case -> the C function to count
declare -A fn=(
	[english]=to_tsvector_byid
	[news]=to_tsvector_byid
	[entities]=at_extract_entities_sql
	[metrics]=at_extract_metrics_sql
	[parse_article]=at_parse_article_sql
)
for c in "${cases[@]}"; do
	[ -n "${fn[$c]:-}" ] || { echo "callgrind_sql: unknown case $c (one of: ${!fn[*]})" >&2; exit 2; }
done

at_bench_setup || exit 1
at_bench_load_corpus "$shared" || exit 1
at_stop_cluster
mkdir -p "$scratch/cg"
[ -n "${AT_RUN[*]}" ] && chown "$AT_CLUSTER_USER" "$scratch/cg"

declare -A ir
for c in "${cases[@]}"; do
	sql="${AT_BENCH_SQL[$c]};"
	out=$scratch/cg/callgrind.$c.out
	echo "== $c"
	# the first run warms the backend's caches (model, dictionaries, the regular
	# expressions compiled at first use, which one row may not reach); the second is counted
	# (the metrics query names corpus "c": the subquery takes that alias instead)
	warm=${sql/FROM corpus c,/FROM (SELECT * FROM corpus LIMIT 100) c,}
	[ "$warm" = "$sql" ] && warm=${sql/FROM corpus/FROM (SELECT * FROM corpus LIMIT 100) corpus}
	printf '%s\n%s\n' "$warm" "$sql" |
		"${AT_RUN[@]}" valgrind --tool=callgrind --callgrind-out-file="$out" \
			--toggle-collect="${fn[$c]}" --dump-before=pg_parse_query \
			"$AT_BINDIR/postgres" --single -D "$scratch/cluster/data" -c fsync=off bench > "$scratch/single.log" 2>&1
	# --dump-before starts a profile at each query: the last one is the counted run
	# (pg_parse_query, not the static exec_simple_query: a packaged postgres
	# exports no static symbols, and callgrind then never dumped, counting the
	# warm-up query and the model load too)
	# a query that failed (the warm-up too) would leave its work uncounted or counted twice
	if grep -q 'ERROR:' "$scratch/single.log"; then cat "$scratch/single.log" >&2; exit 1; fi
	ir[$c]=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out")
	[ -n "${ir[$c]}" ] || { cat "$scratch/single.log" >&2; exit 1; }
	echo "instructions: ${ir[$c]}"
	callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \( *[0-9.]+%\) ' | grep -vE 'PROGRAM TOTALS|\((100\.0|99\.[0-9]+)%\)' |
		sed -E 's/ \[[^]]*\]$//; s|/[^ ]*/src/|src/|' | head -n "$TOP"
	[ -n "${AT_CALLGRIND_KEEP:-}" ] && cp "$out" "$AT_CALLGRIND_KEEP.$c.out"
done
if [ -n "${ir[english]:-}" ]; then
	echo "== ratios (english instructions / case instructions; higher is faster)"
	for c in "${cases[@]}"; do
		[ "$c" = english ] && continue
		printf '%-16s %s\n' "$c" "$(awk -v a="${ir[english]}" -v b="${ir[$c]}" 'BEGIN { printf "%.2f", a / b }')"
	done
fi

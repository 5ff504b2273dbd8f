#!/usr/bin/env bash
# Instruction counts (callgrind) of to_tsvector over the benchmark corpus,
# article_tools.news against english: a speed ratio that does not depend on
# the machine's load, and where the instructions go.
#
#   test/bench/callgrind.sh [CONFIG ...]     (default: english article_tools.news)
#
# For each configuration, one single-user backend (postgres --single, in a
# throwaway cluster with this checkout installed) runs to_tsvector over the
# corpus twice: first on to_jsonb(raw), which goes through the same parser
# and dictionaries but not through to_tsvector_byid, so that per-backend
# caches are warm; then on raw, the only pass counted
# (--toggle-collect=to_tsvector_byid).  Prints the counts, the ratio of the
# first configuration's count to each other's, and the functions with the
# largest inclusive counts below to_tsvector_byid.  Needs valgrind; takes a few minutes.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(english article_tools.news)

shared=$(at_bench_shared callgrind) || exit 0
command -v valgrind >/dev/null || { echo "callgrind: skipped: valgrind is not installed"; exit 0; }
at_bench_setup || exit 1
at_bench_load_corpus "$shared" || exit 1
at_stop_cluster
# the server's user writes the profiles
mkdir -p "$scratch/cg"
[ -n "${AT_RUN[*]}" ] && chown "$AT_CLUSTER_USER" "$scratch/cg"

first=
for cfg in "${configs[@]}"; do
	out=$scratch/cg/callgrind.$cfg.out
	echo "== $cfg"
	printf "SELECT sum(length(to_tsvector('%s', to_jsonb(raw)))) FROM corpus;\nSELECT sum(length(to_tsvector('%s', raw))) FROM corpus;\n" "$cfg" "$cfg" |
		"${AT_RUN[@]}" valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect=to_tsvector_byid \
			"$AT_BINDIR/postgres" --single -D "$scratch/cluster/data" -c fsync=off bench > "$scratch/single.log" 2>&1
	ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$scratch/single.log")
	[ -n "$ir" ] || { cat "$scratch/single.log" >&2; exit 1; }
	echo "instructions: $ir"
	if [ -z "$first" ]; then
		first=$ir
	else
		echo "ratio ${configs[0]} / $cfg: $(awk -v a="$first" -v b="$ir" 'BEGIN { printf "%.2f", a / b }')"
	fi
	callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^ *[0-9,]+ \( *[0-9.]+%\) ' | grep -vE 'PROGRAM TOTALS|\((100\.0|99\.[0-9]+)%\)' |
		sed -E 's/ \[[^]]*\]$//; s|/[^ ]*/src/|src/|' | head -n 16
done

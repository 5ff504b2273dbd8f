#!/usr/bin/env bash
# The engine alone (no server), two revisions alternated: CPU seconds of
# build/engine_corpus over the benchmark corpus, and whether the outputs are
# byte-identical.  For speed-only changes: steadier than wall clock on a
# shared machine, and no cluster to start.
#
#   test/bench/engine_ab.sh [BASE [ROUNDS]]
#       BASE: a git revision (default: main); the other side is the work
#       tree as it is.  ROUNDS (default 5): alternated pairs, each running
#       the corpus AT_AB_N times (default 10) in one process (the model
#       loads once).  Mode AT_AB_MODE: entities (default), metrics or both.
#
# Prints each pair's user+system seconds, the median of each side and their
# ratio, then the md5 of both outputs (one run each, printed in full).
# Needs ../shared/corpus/news.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
base=${1:-main}
rounds=${2:-5}
n=${AT_AB_N:-10}
mode=${AT_AB_MODE:-entities}

shared=$(at_bench_shared engine_ab) || exit 0
tmp=$(mktemp -d /tmp/engine_ab.XXXX)
trap 'rm -rf "$tmp"' EXIT

find "$shared/corpus/news" -name '*.txt' | sort > "$tmp/files"
[ -s "$tmp/files" ] || { echo "engine_ab: no corpus files" >&2; exit 1; }

# the base revision in a scratch tree, both built the same way
git archive "$base" | tar -x -C "$tmp" --one-top-level=base || exit 1
make -s -C "$tmp/base" build/engine_corpus >/dev/null || exit 1
make -s build/engine_corpus >/dev/null || exit 1
a=$tmp/base/build/engine_corpus
b=$AT_ROOT/build/engine_corpus
data=$AT_ROOT/src/data

cpu() {
	/usr/bin/time -f '%U %S' "$1" "$data" "$mode" -n "$n" < "$tmp/files" 2>&1 >/dev/null |
		tail -1 | awk '{ printf "%.2f", $1 + $2 }'
}

echo "== $mode, $n rounds of the corpus a run; base $base against the work tree"
for ((r = 1; r <= rounds; r++)); do
	ta=$(cpu "$a")
	tb=$(cpu "$b")
	echo "pair $r: base $ta s  new $tb s"
	echo "$ta" >> "$tmp/a"
	echo "$tb" >> "$tmp/b"
done
ma=$(sort -n "$tmp/a" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
mb=$(sort -n "$tmp/b" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "median: base %.2f s  new %.2f s  new/base %.3f\n", a, b, b / a }'
# the base's data files: a model or list change is not a speed change
ha=$("$a" "$tmp/base/src/data" "$mode" < "$tmp/files" | md5sum | cut -d' ' -f1)
hb=$("$b" "$data" "$mode" < "$tmp/files" | md5sum | cut -d' ' -f1)
echo "output md5: base $ha  new $hb"
[ "$ha" = "$hb" ] && echo "outputs identical" || echo "outputs DIFFER"
exit 0

#!/usr/bin/env bash
# Digest of a function's whole output over the benchmark corpus, in a
# throwaway cluster running a private install of this checkout: run it on
# two checkouts to show that a speed change left the output byte-identical
# (every column of every row, in order).
#
#   test/bench/digest.sh [entities|metrics ...]     (default: entities)
#
# Prints, per function, the number of rows and the md5 of all of them
# (each row as text, after its article's id, ordered by id and position).
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/bench/corpus.sh"
cd "$AT_ROOT"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(entities)

shared=$(at_bench_shared digest) || exit 0
declare -A fn=([entities]=extract_entities [metrics]=extract_metrics)
for c in "${cases[@]}"; do
	[ -n "${fn[$c]:-}" ] || { echo "digest: unknown case $c (one of: ${!fn[*]})" >&2; exit 2; }
done
at_bench_setup || exit 1
at_bench_load_corpus "$shared" >/dev/null || exit 1
for c in "${cases[@]}"; do
	at_psql -At -F ' ' -c "SELECT '$c', count(*), md5(string_agg(c.id || ' ' || r::text, E'\n' ORDER BY c.id, r.ordinality))
		FROM corpus c, LATERAL article_tools.${fn[$c]}(c.raw) WITH ORDINALITY AS r" || exit 1
done

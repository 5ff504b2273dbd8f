#!/usr/bin/env bash
# Quality of extract_entities' engine: precision, recall and F1 per kind on
# the GMB dev split, the GUM Wikinews articles and the hand-annotated
# articles of test/entities/gold (scorer: test/entities/score_entities.c).
#
# Targets (issue #4): GMB F1 >= 0.85, GUM F1 >= 0.80, own articles >= 0.90.
# GUM is held to its target (last measured 0.830), the own articles to
# 0.92 (above their target, below the last measured 0.939).  GMB does
# not reach its target yet: this check prints the true figure with "TARGET
# NOT MET" and fails only when it falls below the last measured level (a
# regression guard, not a target); `make ner-score` (or AT_NER_STRICT=1)
# enforces every target and exits 1 while one is not met.
set -uo pipefail
AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$AT_ROOT"
shared=${AT_SHARED_DIR:-../shared}

make -s build/score_entities >/dev/null || { echo "cannot build the scorer"; exit 1; }
if [ "${AT_NER_STRICT:-0}" = 1 ]; then
	floors="gmb=0.85 gum=0.80"
else
	floors="gmb=0.835 gum=0.80"
fi
out=$(build/score_entities src/data "$shared" test/entities/gold gold=0.92 $floors)
rc=$?
echo "$out"
f1() { echo "$out" | awk -v s="$1" '$1 == s && $2 == "all" { print $8 }'; }
for t in gmb:0.85 gum:0.80; do
	set=${t%%:*} target=${t#*:}
	v=$(f1 "$set")
	[ -n "$v" ] || continue
	if awk -v v="$v" -v t="$target" 'BEGIN { exit !(v < t) }'; then
		echo "$set: F1 $v -- TARGET NOT MET ($target)"
	fi
done
if ! echo "$out" | grep -q '^gold  all'; then
	echo "the hand-annotated articles were not scored"
	exit 1
fi
exit $rc

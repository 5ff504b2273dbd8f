#!/usr/bin/env bash
# Quality of extract_entities' engine: precision, recall and F1 per kind,
# tuning and frozen test splits apart (issue #15; scorer:
# test/entities/score_entities.c, which says what each set is):
#   floor  GMB dev: a regression floor (0.835), no longer a target;
#   tune   GUM (16 of 24 documents), the 13 articles of test/entities/gold,
#          the 13 world-newswire articles of test/entities/world, wikigold
#          (97 of 145 documents);
#   test   GUM's frozen third (test/entities/splits/gum_test.txt), the 17
#          articles of test/entities/heldout, wikigold's frozen third, the
#          10 articles of test/entities/heldout2 (held2, fourth shift).
# Each set has a floor at or under its last measured figure; none is a
# tuning target.  `make ner-score` prints the same table.
set -uo pipefail
AT_ROOT=${AT_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$AT_ROOT"
shared=${AT_SHARED_DIR:-../shared}

make -s build/score_entities >/dev/null || { echo "cannot build the scorer"; exit 1; }
floors="gmb=0.835 gum=0.82 gum-test=0.85 gold=0.94 held-test=0.85 world=0.90 wiki=0.63 wiki-test=0.62 held2=0.80"
out=$(build/score_entities src/data "$shared" test/entities/gold $floors)
rc=$?
echo "$out"
for s in gold held-test held2; do
	if ! echo "$out" | grep -q "^$s  *[a-z]*  *all"; then
		echo "the hand-annotated articles ($s) were not scored"
		exit 1
	fi
done
exit $rc

#!/usr/bin/env bash
# What each stage of extract()'s rules does to a model's output: F1 of the
# tuning sets with every rule on, then with one stage off at a time (the
# difference: what that stage adds; negative: it costs).  Tuning sets only
# by default; never read a test set's errors through this.
#
#   test/entities/rule_diff.sh DATADIR [SET ...]     (default: gum gold world wiki)
#
# DATADIR holds the model and word lists (src/data, or a copy with another
# model).  Stage numbers are those of STAGE() in src/engine/entities.c;
# 22 is "sure" tagger spans (SURE_CONF) left alone by the rules; 23 is
# person_pairs and 24 place_pairs, run after craft_names; 25 halls_of_fame,
# after institutions; 26 unit_numbers, after place_pairs; 27 hyphen_places,
# after china_places; 28 title_tails, after the first clean; 29
# province_lists, after unit_numbers; 30 body_pairs, after person_pairs;
# 31 slash_credits, after body_pairs.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:?usage: rule_diff.sh DATADIR [SET ...]}
shift
want=" ${*:-gum gold world wiki} "
sets=""
# in the scorer's order, which is the order of its lines
for s in gmb gum gum-test gold held-test world wiki wiki-test; do
	[[ "$want" == *" $s "* ]] && sets="$sets $s"
done
shared=${AT_SHARED_DIR:-../shared}
make -s build/score_entities_rules >/dev/null
names=(headline_filter chinese_names pinyin_names head_runs hyphen_heads fill_places
	given_names parties in_places china_places unknown_acronyms acronyms dateline
	possessives firm_appositives clean_1 known_names sports_teams craft_names
	institutions clean_2 canonicals sure_spans person_pairs place_pairs halls_of_fame
	unit_numbers hyphen_places title_tails province_lists body_pairs slash_credits)
only=""
for s in $sets; do only="$only only=$s"; done
f1s() {
	NER_RULES_OFF=$1 nice build/score_entities_rules "$dir" "$shared" test/entities/gold $only |
		awk '$3 == "all" { printf "%s ", $9 }'
}
read -r -a base <<<"$(f1s "")"
printf '%-18s' "stage"; for s in $sets; do printf '%9s' "$s"; done; echo
printf '%-18s' "all rules"; for f in "${base[@]}"; do printf '%9s' "$f"; done; echo
for n in "${!names[@]}"; do
	read -r -a off <<<"$(f1s "$n")"
	printf '%-18s' "$n ${names[$n]}"
	for i in "${!off[@]}"; do
		printf '%9s' "$(awk -v a="${base[$i]}" -v b="${off[$i]}" 'BEGIN { printf "%+.3f", a - b }')"
	done
	echo
done

#!/usr/bin/env bash
# manifest.sh DATA: one line per scored page of the three evaluation sets in
# DATA (see README.md in this folder), tab-separated:
#   id  paths  title  author  date  with  without  expected
# id is SET/NAME (traf/, read/, hdate/); paths are candidate paths relative
# to DATA joined by U+001F (the scorer takes the first that exists); "-"
# marks a field the set does not give (an empty author means "no author",
# several authors are joined by "; "); with and without are trafilatura's
# must-include / must-exclude snippets joined by U+001F; expected is
# readability's expected.html ("-" elsewhere).  Needs jq.
set -euo pipefail
data=$1
clean='map(tostring | gsub("[\t\n\r]"; " ")) | @tsv'
if [ -f "$data/trafilatura/tests/evaldata.json" ]; then
	jq -r "to_entries[] | .value as \$v |
		[ (\"traf/\" + (\$v.file | sub(\"\\\\.html?\$\"; \"\"))),
		  (\"trafilatura/tests/eval/\" + \$v.file + \"\u001f\" + \"trafilatura/tests/cache/\" + \$v.file),
		  (if (\$v.title // \"\") != \"\" then \$v.title else \"-\" end),
		  (if \$v | has(\"author\") then (\$v.author // \"\" | if type == \"array\" then join(\"; \") else . end) else \"-\" end),
		  (if (\$v.date // \"\") != \"\" then \$v.date else \"-\" end),
		  (\$v.with | join(\"\u001f\")),
		  (\$v.without | join(\"\u001f\")),
		  \"-\" ] | $clean" "$data/trafilatura/tests/evaldata.json"
fi
if [ -d "$data/readability/test/test-pages" ]; then
	for d in "$data"/readability/test/test-pages/*/; do
		n=$(basename "$d")
		[ -f "$d/source.html" ] && [ -f "$d/expected-metadata.json" ] || continue
		jq -r --arg id "read/$n" --arg p "readability/test/test-pages/$n/source.html" \
			--arg e "readability/test/test-pages/$n/expected.html" \
			"[ \$id, \$p, ((.title // \"\") | if . == \"\" then \"-\" else . end), (.byline // \"\"),
			   ((.publishedTime // \"\") | if . == \"\" then \"-\" else .[0:10] end), \"\", \"\", \$e ] | $clean" \
			"$d/expected-metadata.json"
	done
fi
for j in eval_default.json eval_mediacloud_2020.json; do
	f=$data/htmldate/tests/$j
	[ -f "$f" ] || continue
	jq -r ".[] | [ (\"hdate/\" + (.file | sub(\"\\\\.html?\$\"; \"\"))),
		([\"eval\", \"cache\", \"test_set\"] | map(\"htmldate/tests/\" + . + \"/\") | join(\"\u001f\")) as \$dirs
		| (\$dirs | split(\"\u001f\") | map(. + \"\") | join(\"\u001f\")),
		\"-\", \"-\", .date, \"\", \"\", \"-\" ] | $clean" "$f" |
	awk -F'\t' -v OFS='\t' '{ n = split($2, d, "\037"); f = substr($1, 7) ".html"; p = "";
		for (i = 1; i <= n; i++) p = p (i > 1 ? "\037" : "") d[i] f; $2 = p; print }'
done

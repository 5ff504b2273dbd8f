#!/bin/sh
# wikigold_to_gmb.sh: the tuning part of wikigold (documents n mod 3 != 2;
# the others are the frozen test split of test/entities/wikigold) as extra
# training sentences in GMB's CSV format, for train_ner (NER_EXTRA=file):
#
#   src/tools/wikigold_to_gmb.sh test/entities/wikigold/wikigold.conll.txt > /tmp/wg.csv
#   NER_EXTRA=/tmp/wg.csv build/train_ner ...
#
# IO tags become BIO (a run of one tag is one name), PER/ORG/LOC become
# per/org/geo and MISC is no entity; text goes to Windows-1252 as GMB's is.
# Sentence numbers are 10k + 1 from 1,000,001: never GMB's dev or tune split.
set -eu
iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$1" | awk '
BEGIN { doc = 0; num = 1000001; first = 1; prev = "O"; print "Sentence #,Word,POS,Tag" }
/^-DOCSTART-/ { doc++; first = 1; prev = "O"; next }
/^[ \t]*$/ { if (!first) num += 10; first = 1; prev = "O"; next }
{
	if (doc % 3 == 2)
		next
	tag = $NF
	word = $0
	sub(/ [^ ]*$/, "", word)
	kind = tag ~ /PER$/ ? "per" : tag ~ /ORG$/ ? "org" : tag ~ /LOC$/ ? "geo" : ""
	out = "O"
	if (kind != "")
		out = (tag == prev && tag !~ /^B-/ ? "I-" : "B-") kind
	prev = kind != "" ? tag : "O"
	pos = word ~ /^[A-Z]/ ? "NNP" : "NN"
	gsub(/"/, "\"\"", word)
	if (word ~ /[,"]/)
		word = "\"" word "\""
	printf "%s,%s,%s,%s\n", first ? "Sentence: " num : "", word, pos, out
	first = 0
}'

# test/fts/corpus.sh: loads ../shared/corpus/news into a table for the
# full-text search check and benchmark.  Source it after test/lib/common.sh.
#
#   fts_load_corpus DIR   creates table fts_corpus(id, file, body) in the
#                         current database (PG* variables); files that are
#                         not UTF-8 are read as Latin-1.  Returns 1 when the
#                         corpus is absent.

fts_load_corpus() {
	local news=$1/corpus/news tmp f rc
	local -a files
	[ -d "$news" ] || return 1
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/fts_corpus.XXXXXX")
	chmod 755 "$tmp"
	files=("$news"/*/*/*.txt "$news"/wikinews-gum/*.txt)
	# the few files that are not UTF-8, converted from Latin-1
	while IFS= read -r f; do
		mkdir -p "$tmp/latin1/$(dirname "${f#"$news"/}")"
		iconv -f LATIN1 -t UTF-8 "$f" > "$tmp/latin1/${f#"$news"/}"
	done < <(LC_ALL=C.UTF-8 grep -laxv '.*' "${files[@]}")
	for i in "${!files[@]}"; do
		f=${files[$i]#"$news"/}
		[ -f "$tmp/latin1/$f" ] && files[$i]=$tmp/latin1/$f
	done
	# one CSV row per file: name, text (quotes doubled)
	awk -v news="$news/" -v conv="$tmp/latin1/" '
		function flush() { if (started) print "\"" buf "\"" }
		FNR == 1 { flush(); started = 1; name = FILENAME
			if (index(name, news) == 1) name = substr(name, length(news) + 1)
			if (index(name, conv) == 1) name = substr(name, length(conv) + 1)
			printf "%s,", name; buf = "" }
		{ gsub(/"/, "\"\""); buf = (FNR > 1 ? buf "\n" : "") $0 }
		END { flush() }' "${files[@]}" > "$tmp/corpus.csv"
	chmod 644 "$tmp/corpus.csv"
	at_psql -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS fts_corpus" \
		-c "CREATE TABLE fts_corpus (id serial PRIMARY KEY, file text NOT NULL, body text NOT NULL)" \
		-c "\\copy fts_corpus (file, body) FROM '$tmp/corpus.csv' WITH (FORMAT csv)" \
		-c "ANALYZE fts_corpus"
	rc=$?
	rm -rf "$tmp"
	return $rc
}

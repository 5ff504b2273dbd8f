# test/bench/corpus.sh: the benchmark corpus and its queries, shared by
# test/bench/run.sh, callgrind.sh, callgrind_sql.sh, perf.sh, digest.sh and
# pipeline.sh.  Source it from bash.
#
#   shared=$(at_bench_shared NAME) || exit 0
#       prints the ../shared folder; when it has no corpus/news, says
#       "NAME: skipped: ..." on standard error and returns 1.
#
#   AT_BENCH_SQL[CASE]
#       the query of each named case over corpus(id, file, raw), without its
#       semicolon: english, news, entities, metrics, parse_article.
#
#   at_bench_corpus_tsv SHARED OUT
#       writes one line "n<TAB>relative path<TAB>base64 of the text" per
#       article of SHARED/corpus/news/bbc and SHARED/corpus/news/wikinews-gum,
#       in file name order.  One BBC file (bbc/sport/199.txt) is not valid
#       UTF-8 (a Latin-1 pound sign): files that are not UTF-8 are converted
#       from Windows-1252 and their paths left in AT_BENCH_CONVERTED.
#
#   at_bench_load_corpus SHARED
#       creates the extension and the table corpus(id, file, raw) in the
#       cluster of at_psql, loaded from that file (written to
#       $scratch/corpus.tsv: the base64 goes through \copy without quoting
#       issues); returns psql's status.
at_bench_shared() {
	local shared
	shared=$(at_shared_dir || true)
	if [ -z "$shared" ] || [ ! -d "$shared/corpus/news" ]; then
		echo "$1: skipped: ../shared/corpus/news is absent (the benchmark corpus is not part of the repository)" >&2
		return 1
	fi
	echo "$shared"
}

declare -gA AT_BENCH_SQL=(
	[english]="SELECT sum(length(to_tsvector('english', raw))) FROM corpus"
	[news]="SELECT sum(length(to_tsvector('article_tools.news', raw))) FROM corpus"
	[entities]="SELECT count(*) FROM corpus, LATERAL article_tools.extract_entities(raw)"
	[metrics]="SELECT count(*) FROM corpus c, LATERAL article_tools.extract_metrics(c.raw) m"
	[parse_article]="SELECT count((article_tools.parse_article(raw)).title) FROM corpus"
)

at_bench_corpus_tsv() {
	local shared=$1 out=$2 f rel b64 n=0
	AT_BENCH_CONVERTED=()
	while IFS= read -r f; do
		rel=${f#"$shared/corpus/news/"}
		if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
			b64=$(base64 -w0 < "$f")
		else
			b64=$(iconv -f WINDOWS-1252 -t UTF-8 "$f" | base64 -w0)
			AT_BENCH_CONVERTED+=("$rel")
		fi
		n=$((n + 1))
		printf '%d\t%s\t%s\n' "$n" "$rel" "$b64"
	done < <(find "$shared/corpus/news/bbc" "$shared/corpus/news/wikinews-gum" -type f -name '*.txt' \
				! -name 'LICENSE*' ! -name 'README*' | LC_ALL=C sort) > "$out"
	chmod 644 "$out"
}

at_bench_load_corpus() {
	at_bench_corpus_tsv "$1" "$scratch/corpus.tsv"
	at_psql <<SQL
CREATE EXTENSION article_tools;
CREATE TABLE corpus (id int PRIMARY KEY, file text NOT NULL, raw text NOT NULL);
CREATE TEMP TABLE load (id int, file text, b64 text);
\\copy load FROM '$scratch/corpus.tsv'
INSERT INTO corpus SELECT id, file, convert_from(decode(b64, 'base64'), 'UTF8') FROM load;
VACUUM ANALYZE corpus;
SQL
}

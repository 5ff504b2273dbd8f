#!/usr/bin/env bash
# The stem cache never changes a result: over every article of
# ../shared/corpus/news (BBC and Wikinews), to_tsvector('article_tools.news')
# (words through article_tools.news_stem, the cached english_stem) must give
# byte for byte (tsvectorsend) the tsvector of the same configuration with
# words mapped straight to pg_catalog.english_stem (and the parts of
# compounds given to a news_compound dictionary whose WordDictionary is
# english_stem), and plainto_tsquery the same tsquery (tsquerysend).  Each comparison runs twice in one backend, so
# the second pass is served from a warm cache, in two databases: LC_CTYPE C
# (byte-wise lower-casing) and C.UTF-8 (wide-character lower-casing).  The
# corpus has more distinct word forms than the cache has entries, so
# entries are replaced on the way.
#
#   test/fts/stem_cache_same.sh [--digests FILE]
#
# --digests FILE also writes "file<TAB>md5 of the news tsvector" for every
# article (C database), to compare two checkouts (diff the two files).
# Runs in a throwaway cluster with this checkout installed.  Exit 0 same,
# 77 no corpus, 1 a difference.
set -uo pipefail

AT_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$AT_ROOT/test/lib/common.sh"
. "$AT_ROOT/test/fts/corpus.sh"
cd "$AT_ROOT"
digests=
[ "${1:-}" = --digests ] && digests=$(realpath -m "${2:?usage: $0 [--digests FILE]}")

shared=$(at_shared_dir || true)
if [ -z "$shared" ] || [ ! -d "$shared/corpus/news" ]; then
	echo "stem_cache_same: skipped: ../shared/corpus/news is absent"
	exit 77
fi
at_bench_setup || exit 1
status=0
for ctype in C C.UTF-8; do
	db=same_$(echo "$ctype" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
	at_psql -d postgres -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE '$ctype' LC_COLLATE 'C'" >/dev/null || exit 1
	export PGDATABASE=$db
	at_psql -c "CREATE EXTENSION article_tools" || exit 1
	fts_load_corpus "$shared" >/dev/null || exit 1
	echo "== LC_CTYPE $ctype"
	out=$(at_psql -At -F ' ' <<'SQL'
CREATE TEXT SEARCH CONFIGURATION news_nocache (COPY = article_tools.news);
CREATE TEXT SEARCH DICTIONARY news_compound_nocache (TEMPLATE = article_tools.news_compound,
    NumberDictionary = 'pg_catalog.simple', WordDictionary = 'pg_catalog.english_stem');
ALTER TEXT SEARCH CONFIGURATION news_nocache
    ALTER MAPPING REPLACE article_tools.news_stem WITH pg_catalog.english_stem;
ALTER TEXT SEARCH CONFIGURATION news_nocache
    ALTER MAPPING REPLACE article_tools.news_compound WITH news_compound_nocache;
-- the mapping differs in the dictionaries only, and no cached one is left
SELECT 'mapping', count(*) FILTER (WHERE a.mapdict <> b.mapdict), count(*),
       count(*) FILTER (WHERE b.mapdict IN ('article_tools.news_stem'::regdictionary,
                                            'article_tools.news_compound'::regdictionary))
FROM pg_ts_config_map a JOIN pg_ts_config_map b USING (maptokentype, mapseqno)
WHERE a.mapcfg = 'article_tools.news'::regconfig AND b.mapcfg = 'news_nocache'::regconfig;
SELECT 'word_forms', count(DISTINCT token)
FROM fts_corpus, ts_parse('article_tools.news_parser', body) WHERE tokid IN (1, 2, 9, 10, 11, 15, 16, 17);
CREATE TEMP TABLE ref AS
SELECT id, file, tsvectorsend(to_tsvector('news_nocache', body)) AS v,
       tsquerysend(plainto_tsquery('news_nocache', left(body, 3000))) AS q
FROM fts_corpus;
SELECT 'pass' || pass, count(*),
       count(*) FILTER (WHERE tsvectorsend(to_tsvector('article_tools.news', c.body)) = r.v),
       count(*) FILTER (WHERE tsquerysend(plainto_tsquery('article_tools.news', left(c.body, 3000))) = r.q),
       sum(octet_length(r.v))
FROM fts_corpus c JOIN ref r USING (id), generate_series(1, 2) pass
GROUP BY pass ORDER BY pass;
SQL
	) || exit 1
	while read -r what a b c d; do
		case $what in
		mapping)
			echo "  mapping: $a of $b dictionary entries differ (news_stem -> english_stem, news_compound -> one over english_stem)"
			[ "$a" -gt 0 ] && [ "$c" -eq 0 ] || { echo "  FAILED: the reference configuration does not bypass the cache"; status=1; } ;;
		word_forms)
			echo "  distinct word forms in the corpus: $a (the cache holds 16384)" ;;
		pass*)
			echo "  $what: $a articles ($d tsvector bytes): $b tsvectors and $c tsqueries byte-identical"
			[ "$a" = "$b" ] && [ "$a" = "$c" ] || { echo "  FAILED: the cache changed a result"; status=1; } ;;
		esac
	done <<<"$out"
	if [ -n "$digests" ] && [ "$ctype" = C ]; then
		at_psql -At -F $'\t' -c "SELECT file, md5(tsvectorsend(to_tsvector('article_tools.news', body))) FROM fts_corpus ORDER BY file" > "$digests" || exit 1
		echo "  digests of $(wc -l < "$digests") articles written to $digests"
	fi
done
[ $status -eq 0 ] && echo "stem_cache_same: ok" || echo "stem_cache_same: FAILED"
exit $status

#!/usr/bin/env bash
# Scores parse_article on real pages from ../shared (skips without it):
#   - the 24 Wikinews articles of corpus/news/wikinews-gum: title (the page's
#     first line), date (the "Weekday, Month D, YYYY" line, read by
#     PostgreSQL's to_date, not by us), and body recall (paragraphs of the
#     page after the date line that the body keeps verbatim);
#   - the two pages of samples/ against hand-made labels.
# Prints the figures; fails below the thresholds at the end.
set -euo pipefail

shared=${AT_SHARED_DIR:-}
if [ -z "$shared" ] || [ ! -d "$shared/corpus/news/wikinews-gum" ] || [ ! -d "$shared/samples" ]; then
	echo "article_quality: skipped: ../shared (wikinews-gum, samples) is absent"
	exit 77
fi
export PGOPTIONS="-c client_min_messages=warning"
psql=("$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
db=at_article_quality
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap '"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT

tsv=$(mktemp)
trap 'rm -f "$tsv"; "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
for f in "$shared"/corpus/news/wikinews-gum/GUM_*.txt "$shared"/samples/*.txt; do
	printf '%s\t%s\n' "$(basename "$f" .txt)" "$(base64 -w0 < "$f")"
done > "$tsv"
chmod 644 "$tsv"

out=$("${psql[@]}" -d "$db" -At -F ' ' <<SQL
CREATE EXTENSION article_tools;
CREATE TABLE page (name text PRIMARY KEY, raw text);
CREATE TEMP TABLE load (name text, b64 text);
\\copy load FROM '$tsv'
INSERT INTO page SELECT name, convert_from(decode(b64, 'base64'), 'UTF8') FROM load;
CREATE TABLE parsed AS SELECT name, raw, (article_tools.parse_article(raw)).* FROM page;

-- Wikinews: truth from the page layout (line 1 = title, then the date line)
CREATE TABLE wn AS
SELECT p.name, p.title, p.published, p.body,
       split_part(p.raw, E'\n', 1) AS true_title,
       to_date(substring(p.raw FROM '\n\w+day, (\w+ \d{1,2}, \d{4})'), 'FMMonth DD, YYYY') AS true_date,
       p.raw
FROM parsed p WHERE p.name LIKE 'GUM_news_%';
-- Wikinews marks photo captions with a credit ("... Image: NAME.") and ends
-- some articles with a "Sources" list and a "Categories:" line: those are
-- page chrome; every other paragraph after the date line is article text.
CREATE TABLE wn_para AS
SELECT w.name, g.n, g.text,
       strpos(w.body, regexp_replace(g.text, '^\w+day, \w+ \d{1,2}, \d{4} ', '')) > 0 AS kept,
       g.text ~ '\m(Image|Video): [^.]+\.?$' OR g.text ~ '^Categories:'
         OR g.n >= coalesce((SELECT min(s.n) FROM article_tools.paragraphs(w.raw) s
                             WHERE s.text = 'Sources'), 1e9) AS chrome
FROM wn w, article_tools.paragraphs(w.raw) g
WHERE g.n > 1 AND g.text !~ '^\w+day, \w+ \d{1,2}, \d{4}$';

SELECT 'wikinews_titles', count(*) FILTER (WHERE title = true_title), count(*) FROM wn;
SELECT 'wikinews_dates', count(*) FILTER (WHERE published = true_date), count(*) FROM wn;
SELECT 'wikinews_text_kept', count(*) FILTER (WHERE kept), count(*) FROM wn_para WHERE NOT chrome;
SELECT 'wikinews_chrome_removed', count(*) FILTER (WHERE NOT kept), count(*) FROM wn_para WHERE chrome;
SELECT 'removed', name, left(text, 90) FROM wn_para WHERE NOT kept AND NOT chrome ORDER BY name, n;
SELECT 'kept', name, left(text, 90) FROM wn_para WHERE kept AND chrome ORDER BY name, n;

-- samples: hand-made labels
CREATE TABLE label (name text, title text, published timestamp, authors text[], source text,
                    editor text, dateline text, paragraphs int);
INSERT INTO label VALUES
 ('china-daily-2019-04-29', 'Capital''s tech industrial influence goes global', '2019-04-29',
  '{Liang Kaiyan}', 'China Daily', NULL, NULL, 16),
 ('xinhua-2017-05-12', 'Interview: How Beijing district is supporting hi-tech companies along Belt and Road',
  '2017-05-12 17:14:34', NULL, 'Xinhua', 'Zhang Dongmiao', 'BEIJING, May 12 (Xinhua)', 14);
SELECT 'sample_fields',
       sum((p.title IS NOT DISTINCT FROM l.title)::int
         + (coalesce(p.published_at, p.published) IS NOT DISTINCT FROM l.published)::int
         + (p.authors IS NOT DISTINCT FROM l.authors)::int
         + (p.source IS NOT DISTINCT FROM l.source)::int
         + (p.editor IS NOT DISTINCT FROM l.editor)::int
         + (p.dateline IS NOT DISTINCT FROM l.dateline)::int
         + (p.paragraphs IS NOT DISTINCT FROM l.paragraphs)::int),
       7 * count(*)
FROM parsed p JOIN label l USING (name);
SQL
)
echo "$out" | grep -v '^removed \|^kept ' | sed 's/^/article_quality: /'
echo "$out" | grep '^removed ' | sed 's/^removed /article_quality: text left out of the body: /' || true
echo "$out" | grep '^kept ' | sed 's/^kept /article_quality: chrome kept in the body: /' || true
score() { awk -v k="$1" '$1 == k { print $2, $3 }' <<< "$out"; }
fail=0
check() {	# key, minimum fraction
	read -r got total < <(score "$1")
	if ! awk -v g="$got" -v t="$total" -v m="$2" 'BEGIN { exit !(t > 0 && g / t >= m) }'; then
		echo "article_quality: FAILED: $1 $got/$total is below $2"
		fail=1
	fi
}
check wikinews_titles 1.0
check wikinews_dates 1.0
check wikinews_text_kept 1.0
check wikinews_chrome_removed 0.9
check sample_fields 1.0
exit $fail

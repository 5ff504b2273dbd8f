#!/usr/bin/env bash
# Scores parse_article on the page fixtures of test/fixtures/pages/ (real
# page templates around team-written text; format in its README.md):
#   - fields right: title, published, published_at, updated, authors,
#     source, editor, dateline, section, url and captions, each page's gold
#     against the parsed row (NULL = NULL is right; arrays compare whole);
#   - chrome lines left: body paragraphs that are not gold body lines;
#   - paragraphs lost: gold body lines missing from the body.
# The frozen test split and the tuning split are reported apart.  Misses are
# listed for the tuning split only; AT_PAGES_SHOW_TEST=1 lists the test
# split's too (only once the test figures have been reported: tuning on
# them would void the split).
# Prints how far the test split is from the targets of issue 13 (>= 97% of
# fields right, 0 paragraphs lost, <= 1 chrome line left per 10 pages), and
# fails when either split falls below its regression floor: the level
# measured when the 30 harder catalogue pages joined the test split (test:
# 89.2% of fields, 13 paragraphs lost, 70 chrome lines left in 53 pages;
# tuning: 99.5%, none lost or left), raised by the third round (test: 96.1%,
# 4 lost, 21 left; tuning, 102 pages: 99.7%, none lost, one left: the
# one-word "NewsFeed" label of an Al Jazeera copy), and by the fourth (test:
# 96.7%, none lost, 15 left; tuning, 121 pages: 99.8%, none lost, the same
# one left), and by the fifth (test: 98.8% of fields in its one run, 99.0%
# after a disclosed fix of a regression that run showed, none lost, 3 left;
# tuning, 143 pages: 99.9%, none lost, the same one left).  Raise the floors
# as the parser improves.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/test/fixtures/pages
if ! ls "$dir"/*.gold >/dev/null 2>&1; then
	echo "article_pages: skipped: no fixtures in test/fixtures/pages"
	exit 77
fi
export PGOPTIONS="-c client_min_messages=warning"
psql=("$AT_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
db=at_article_pages
show_test=${AT_PAGES_SHOW_TEST:-0}
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
tsv=$(mktemp)
trap 'rm -f "$tsv"; "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
n=0
for g in "$dir"/*.gold; do
	t=${g%.gold}.txt
	[ -f "$t" ] || { echo "article_pages: $(basename "$g") has no page"; exit 1; }
	printf '%s\t%s\t%s\n' "$(basename "$g" .gold)" "$(base64 -w0 < "$t")" "$(base64 -w0 < "$g")"
	n=$((n + 1))
done > "$tsv"
chmod 644 "$tsv"
echo "article_pages: $n pages"

out=$("${psql[@]}" -d "$db" -At -F '|' <<SQL
CREATE EXTENSION article_tools;
CREATE TEMP TABLE load (name text, b64 text, gold64 text);
\\copy load FROM '$tsv'
CREATE TEMP TABLE page AS
SELECT name, convert_from(decode(b64, 'base64'), 'UTF8') AS raw,
       convert_from(decode(gold64, 'base64'), 'UTF8') AS gold
FROM load;

-- the gold file: "key: value" lines, "---", then one body paragraph a line
-- (an empty value is an absent one, as the fixtures' README says: "author:"
-- alone means no authors, not one NULL author)
CREATE TEMP TABLE gold_kv AS
SELECT p.name, k.n, k.m[1] AS key, nullif(k.m[2], '') AS value
FROM page p,
     regexp_matches(split_part(p.gold, E'\n---\n', 1), '^([a-z_]+):[ \t]*(.*?)[ \t]*$', 'gn')
       WITH ORDINALITY AS k(m, n);
CREATE TEMP TABLE gold AS
SELECT p.name,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'split') AS split,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'title') AS title,
       (SELECT value::date FROM gold_kv g WHERE g.name = p.name AND key = 'published') AS published,
       (SELECT value::timestamp FROM gold_kv g WHERE g.name = p.name AND key = 'published_at') AS published_at,
       (SELECT value::date FROM gold_kv g WHERE g.name = p.name AND key = 'updated') AS updated,
       (SELECT array_agg(value ORDER BY n) FILTER (WHERE value IS NOT NULL) FROM gold_kv g WHERE g.name = p.name AND key = 'author') AS authors,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'source') AS source,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'editor') AS editor,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'dateline') AS dateline,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'section') AS section,
       (SELECT value FROM gold_kv g WHERE g.name = p.name AND key = 'url') AS url,
       (SELECT array_agg(value ORDER BY n) FILTER (WHERE value IS NOT NULL) FROM gold_kv g WHERE g.name = p.name AND key = 'caption') AS captions,
       ARRAY(SELECT btrim(l, E' \t\r') FROM regexp_split_to_table(
                 substr(p.gold, strpos(p.gold, E'\n---\n') + 5), E'\n') AS l
             WHERE btrim(l, E' \t\r') <> '') AS body
FROM page p;
CREATE TEMP TABLE parsed AS
SELECT p.name, a.*,
       ARRAY(SELECT btrim(x.text, E' \t\r') FROM article_tools.paragraphs(coalesce(a.body, '')) x) AS paras
FROM page p, article_tools.parse_article(p.raw) a;

-- one row per page and field: right or not
CREATE TEMP TABLE field AS
SELECT g.name, g.split, f.field, f.ok, f.got, f.want
FROM gold g JOIN parsed p USING (name),
LATERAL (VALUES
  ('title', p.title IS NOT DISTINCT FROM g.title, p.title, g.title),
  ('published', p.published IS NOT DISTINCT FROM g.published, p.published::text, g.published::text),
  ('published_at', p.published_at IS NOT DISTINCT FROM g.published_at, p.published_at::text, g.published_at::text),
  ('updated', p.updated IS NOT DISTINCT FROM g.updated, p.updated::text, g.updated::text),
  ('authors', p.authors IS NOT DISTINCT FROM g.authors, p.authors::text, g.authors::text),
  ('source', p.source IS NOT DISTINCT FROM g.source, p.source, g.source),
  ('editor', p.editor IS NOT DISTINCT FROM g.editor, p.editor, g.editor),
  ('dateline', p.dateline IS NOT DISTINCT FROM g.dateline, p.dateline, g.dateline),
  ('section', p.section IS NOT DISTINCT FROM g.section, p.section, g.section),
  ('url', p.url IS NOT DISTINCT FROM g.url, p.url, g.url),
  ('captions', p.captions IS NOT DISTINCT FROM g.captions, p.captions::text, g.captions::text)
) AS f(field, ok, got, want);
CREATE TEMP TABLE left_over AS
SELECT g.name, g.split, x.para FROM gold g JOIN parsed p USING (name), unnest(p.paras) AS x(para)
WHERE x.para <> ALL (g.body);
CREATE TEMP TABLE lost AS
SELECT g.name, g.split, x.para FROM gold g JOIN parsed p USING (name), unnest(g.body) AS x(para)
WHERE x.para <> ALL (p.paras);

SELECT 'score', s.split, (SELECT count(*) FROM gold g WHERE g.split = s.split),
       (SELECT count(*) FILTER (WHERE ok) FROM field f WHERE f.split = s.split),
       (SELECT count(*) FROM field f WHERE f.split = s.split),
       (SELECT count(*) FROM left_over l WHERE l.split = s.split),
       (SELECT count(*) FROM lost l WHERE l.split = s.split)
FROM (VALUES ('test'), ('tune')) AS s(split);
SELECT 'field', f.split, f.field, count(*) FILTER (WHERE f.ok), count(*)
FROM field f WHERE f.split = 'tune' OR $show_test = 1
GROUP BY f.split, f.field ORDER BY f.split, f.field;
SELECT 'miss', split, name, field, coalesce(left(got, 80), 'NULL'), coalesce(left(want, 80), 'NULL')
FROM field WHERE NOT ok AND (split = 'tune' OR $show_test = 1) ORDER BY split, name, field;
SELECT 'left', split, name, left(para, 90) FROM left_over
WHERE split = 'tune' OR $show_test = 1 ORDER BY split, name;
SELECT 'lost', split, name, left(para, 90) FROM lost
WHERE split = 'tune' OR $show_test = 1 ORDER BY split, name;
SQL
)
fail=0
while IFS='|' read -r tag split pages right fields left lost; do
	[ "$tag" = score ] || continue
	pct=$(awk -v r="$right" -v f="$fields" 'BEGIN { printf "%.1f", f ? 100 * r / f : 0 }')
	echo "article_pages: $split split: $pages pages, fields right $right/$fields ($pct%), chrome lines left $left, paragraphs lost $lost"
	if [ "$split" = test ]; then
		min_pct=0.988 max_lost=0 max_left=3
		awk -v r="$right" -v f="$fields" 'BEGIN { exit !(f > 0 && r / f >= 0.97) }' ||
			echo "article_pages: target not met: test split fields right $pct% (target 97%)"
		[ "$lost" -eq 0 ] || echo "article_pages: target not met: test split lost $lost paragraphs (target 0)"
		awk -v l="$left" -v p="$pages" 'BEGIN { exit !(l * 10 <= p) }' ||
			echo "article_pages: target not met: test split left $left chrome lines in $pages pages (target 1 per 10)"
	else
		min_pct=0.998 max_lost=0 max_left=1
	fi
	awk -v r="$right" -v f="$fields" -v m="$min_pct" 'BEGIN { exit !(f > 0 && r / f >= m) }' ||
		{ echo "article_pages: FAILED: $split split fields right $pct% is below its floor $min_pct"; fail=1; }
	[ "$lost" -le "$max_lost" ] || { echo "article_pages: FAILED: $split split lost $lost paragraphs (floor $max_lost)"; fail=1; }
	[ "$left" -le "$max_left" ] || { echo "article_pages: FAILED: $split split left $left chrome lines (floor $max_left)"; fail=1; }
done <<< "$out"
grep '^field|' <<< "$out" | awk -F'|' '{ printf "article_pages:   %s %-13s %s/%s\n", $2, $3, $4, $5 }'
grep '^miss|' <<< "$out" | awk -F'|' '{ printf "article_pages: miss %s %s %s: got %s, want %s\n", $2, $3, $4, $5, $6 }' || true
grep '^left|' <<< "$out" | awk -F'|' '{ printf "article_pages: chrome left %s %s: %s\n", $2, $3, $4 }' || true
grep '^lost|' <<< "$out" | awk -F'|' '{ printf "article_pages: lost %s %s: %s\n", $2, $3, $4 }' || true
exit $fail

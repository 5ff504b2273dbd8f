-- parse_article(): every fixture layout, the parsed fields, and bad inputs.
SET search_path = article_tools, public;
SET DateStyle = 'ISO, YMD';

CREATE TEMP TABLE fixture (file text PRIMARY KEY, raw text NOT NULL);
\set f1 `cat test/fixtures/articles/cd-battery-exports.txt`
\set f2 `cat test/fixtures/articles/cdg-hk-fintech.txt`
\set f3 `cat test/fixtures/articles/ecns-tourism-rebound.txt`
\set f4 `cat test/fixtures/articles/gt-ev-charging.txt`
\set f5 `cat test/fixtures/articles/people-rail-freight.txt`
\set f6 `cat test/fixtures/articles/pressreader-steel-output.txt`
\set f7 `cat test/fixtures/articles/wikinews-wind-cooperative.txt`
\set f8 `cat test/fixtures/articles/xinhua-port-throughput.txt`
\set f9 `cat test/fixtures/articles/xinhua-wire-no-page-date.txt`
INSERT INTO fixture VALUES
  ('cd-battery-exports', :'f1'), ('cdg-hk-fintech', :'f2'),
  ('ecns-tourism-rebound', :'f3'), ('gt-ev-charging', :'f4'),
  ('people-rail-freight', :'f5'), ('pressreader-steel-output', :'f6'),
  ('wikinews-wind-cooperative', :'f7'), ('xinhua-port-throughput', :'f8'),
  ('xinhua-wire-no-page-date', :'f9');

-- the metadata of every fixture
\x on
SELECT f.file, a.title, a.published, a.published_at, a.updated, a.authors,
       a.source, a.editor, a.dateline, a.paragraphs, a.words, a.chrome_removed,
       a.lead
FROM fixture f, parse_article(f.raw) a
ORDER BY f.file;
\x off

-- whole bodies of three layouts: chrome gone, paragraphs unchanged and in order
SELECT (parse_article(raw)).body FROM fixture
WHERE file IN ('cdg-hk-fintech', 'ecns-tourism-rebound', 'xinhua-wire-no-page-date')
ORDER BY file;

-- every body paragraph is a paragraph of the raw page, verbatim
SELECT f.file,
       bool_and(strpos(f.raw, p.text) > 0) AS verbatim,
       count(*) = (parse_article(f.raw)).paragraphs AS counted
FROM fixture f, paragraphs((parse_article(f.raw)).body) p
GROUP BY f.file ORDER BY f.file;

-- the lead is the body's first paragraph; words are counted in the body
SELECT f.file,
       starts_with(a.body, a.lead) AS lead_first,
       a.words = (SELECT count(*) FROM regexp_matches(a.body, '\S*[[:alnum:]]\S*', 'g')) AS words_ok
FROM fixture f, parse_article(f.raw) a
ORDER BY f.file;

-- forms of date, byline, source and editor lines
SELECT x.form, a.published, a.published_at, a.updated, a.authors, a.source, a.editor, a.dateline
FROM (VALUES
  ('release time', E'A headline\n\nRelease time:2019.04.29\n\nBody.'),
  ('updated', E'A headline\n\nUpdated: Oct 8, 2018\n\nBody.'),
  ('month day year', E'A headline\n\nApril 2, 2020\n\nBody.'),
  ('bare timestamp', E'A headline\n\n2017-05-12 17:14:34\n\nBody.'),
  ('xinhua', E'A headline\n\nSource: Xinhua| 2017-05-12 17:14:34|Editor: Zhang Dongmiao\n\nBody.'),
  ('china daily', E'A headline\n\nBy Wang Lina | China Daily\n\nBody.'),
  ('dash by', E'A headline\n\n- By Wang Lina\n\nBody.'),
  ('two authors', E'A headline\n\nBy Chen Qing and Zhou Xin\n\nBody.'),
  ('iso', E'A headline\n\nPublished: 2019-04-29T10:00:00Z\n\nBody.'),
  ('wikinews', E'A headline\n\nSunday, August 2, 2015\n\nBody.'),
  ('dateline', E'A headline\n\nUpdated: 2017-05-13\n\nBEIJING, May 12 (Xinhua) -- Body.')
) AS x(form, raw), parse_article(x.raw) a;

-- NULL in, NULL out (STRICT)
SELECT parse_article(NULL) IS NULL AS is_null;

-- empty and white-space-only text: NULL fields, zero counts
SELECT * FROM parse_article('');
SELECT * FROM parse_article(E' \n\t\r\n\u00a0 \n');

-- binary junk that is valid UTF-8: an answer, no error
SELECT a.title IS NULL AS no_title, a.paragraphs, a.words > 0 AS has_words
FROM parse_article(E'\x01\x02\x7f\u0080\ufffd\ufeff\u200b \x1b[0m \u2028 garbage \\x00 \x05') a;
SELECT a.paragraphs, a.chrome_removed
FROM parse_article(repeat(E'\u00ff\u0100\u4e2d\x07|[](){}', 5000)) a;

-- unbalanced quotes and brackets
SELECT a.title, a.paragraphs, a.words
FROM parse_article(E'"Unclosed quote headline\n\n(By [Wang "Lina\n\n\u201cHe said it. \u2018Never.\n\nSource: ( Xinhua') a;

-- a 1 MB token
SELECT a.title IS NULL AS no_title, a.paragraphs, a.words, length(a.body) AS body_chars
FROM parse_article(repeat('x', 1024 * 1024)) a;

-- 1 MB of lines that each look like metadata or chrome
SELECT a.paragraphs, a.chrome_removed, a.authors, a.source
FROM parse_article(repeat(E'By Wang Lina | China Daily\nPrint E-mail\n', 25000)) a;

-- the column types
SELECT attname, format_type(atttypid, atttypmod)
FROM pg_attribute WHERE attrelid = 'article_tools.article'::regclass AND attnum > 0
ORDER BY attnum;

-- the 1.1 fields of every fixture
SELECT f.file, a.section, a.url, a.captions, a.tags
FROM fixture f, parse_article(f.raw) a
ORDER BY f.file;

-- a label above the headline is the section; widgets inside metadata lines
SELECT a.title, a.section, a.published, a.source, a.url, a.captions, a.paragraphs, a.chrome_removed
FROM parse_article(E'Home | Business\nNews and Policies\n\nCity opens new science park\n\n'
  'Updated: Sep 29, 2017 China Daily Print\nShare - WeChat\nAdjust font size:\n\n'
  'The city opened a science park for young companies on Friday, officials said.\n\n'
  'Workers prepare the opening ceremony on Friday. [Photo/Xinhua]\n\n'
  'More than 300 startups applied for space, the officials said.\n\n'
  'User name required\nChinanews App Download\nCopyright\u00a92024 China Daily\n'
  'https://www.example.com/a/201709/29/park.html\n') a;

-- chrome_lines(): the lines repeated across the pages of each site
CREATE TEMP TABLE site_page (site text, raw text);
INSERT INTO site_page VALUES
  ('a', E'Port handles more cargo\n\nBy Li Wei | Harbor Times\n\nThe port handled more cargo in May, it said.\n\nHarbor Times mobile edition\nAll content by Harbor Times staff'),
  ('a', E'Rail line opens\n\nBy Chen Qing | Harbor Times\n\nThe rail line opened on Monday, officials said.\n\nHarbor Times mobile edition\nAll content by Harbor Times staff'),
  ('a', E'Mall reopens after repairs\n\nBy Li Wei | Harbor Times\n\nThe mall reopened on Friday, its owner said.\n\nHarbor Times mobile edition'),
  ('b', E'Wind farm opens\n\nThe farm opened on Monday.'),
  ('b', E'Solar park expands\n\nThe park expanded on Monday.'),
  ('b', NULL);
SELECT site, article_tools.chrome_lines(raw) FROM site_page GROUP BY site ORDER BY site;
SELECT site, article_tools.chrome_lines(raw, 1.0) FROM site_page GROUP BY site ORDER BY site;
SELECT article_tools.chrome_lines(raw) IS NULL AS no_pages FROM site_page WHERE false;

-- parse_article(page, chrome): the repeated lines leave the body; the
-- byline that repeats stays metadata; a NULL list is no list
WITH c AS (SELECT site, article_tools.chrome_lines(raw) AS lines FROM site_page GROUP BY site)
SELECT p.site, a.title, a.authors, a.source, a.body, a.chrome_removed
FROM site_page p JOIN c USING (site), parse_article(p.raw, c.lines) a
WHERE p.raw IS NOT NULL ORDER BY p.site, a.title;
SELECT (parse_article(raw, NULL::text[])).body = (parse_article(raw)).body AS same_without_list
FROM site_page WHERE site = 'a';
SELECT parse_article(NULL, ARRAY['x']) IS NULL AS null_page;
SELECT (parse_article(E'Headline of a page\n\nSee the  offer\n\nThe text, it said.', ARRAY['See the offer', NULL])).body;

-- bad arguments
SELECT article_tools.chrome_lines(raw, 0) FROM site_page;
SELECT article_tools.chrome_lines(raw, 1.5) FROM site_page;
SELECT parse_article('x', ARRAY[['a', 'b'], ['c', 'd']]);

-- both forms are IMMUTABLE; the list form is not STRICT (a NULL list is no list)
SELECT p.oid::regprocedure, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p WHERE p.proname = 'parse_article'
  AND p.pronamespace = 'article_tools'::regnamespace ORDER BY 1::text;

-- a database that is not UTF8 cannot install the extension
SET client_min_messages = warning;
DROP DATABASE IF EXISTS at_latin1;
RESET client_min_messages;
CREATE DATABASE at_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c at_latin1
\set VERBOSITY default
CREATE EXTENSION article_tools;
\c contrib_regression
DROP DATABASE at_latin1;


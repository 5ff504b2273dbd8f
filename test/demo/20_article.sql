\echo
\echo '== parse_article: title, date, source and size of every article'
SET DateStyle = 'ISO, YMD';
SELECT left(a.file, 30) AS file, left(p.title, 44) AS title, p.published,
       left(p.source, 14) AS source, p.words, p.chrome_removed AS chrome
FROM articles a, article_tools.parse_article(a.raw) p
ORDER BY a.file;
\echo
\echo '== parse_article: every column of the first article (lead shortened to 100 characters)'
\x on
SELECT a.file, p.title, p.published, p.published_at, p.updated,
       array_to_string(p.authors, '; ') AS authors, p.source, p.editor, p.dateline,
       p.paragraphs, p.words, p.chrome_removed,
       CASE WHEN length(p.lead) > 100 THEN left(p.lead, 97) || '...' ELSE p.lead END AS lead
FROM articles a, article_tools.parse_article(a.raw) p
ORDER BY a.file LIMIT 1;
\x off
\echo
\echo '== parse_article: the clean body of the first article (page chrome and metadata lines removed)'
\pset format unaligned
\pset tuples_only on
SELECT p.body
FROM articles a, article_tools.parse_article(a.raw) p
ORDER BY a.file LIMIT 1;
\pset format aligned
\pset tuples_only off

\echo
\echo '== parse_article: the parsed row of every article (lead shortened to 160 characters)'
SET DateStyle = 'ISO, YMD';
\x on
SELECT a.file, p.title, p.published, p.published_at, p.updated,
       array_to_string(p.authors, '; ') AS authors, p.source, p.editor, p.dateline,
       p.paragraphs, p.words, p.chrome_removed AS chrome_lines_removed,
       CASE WHEN length(p.lead) > 160 THEN left(p.lead, 157) || '...' ELSE p.lead END AS lead
FROM articles a, article_tools.parse_article(a.raw) p
ORDER BY a.file;
\x off
\echo
\echo '== parse_article: the clean body of the first article'
SELECT a.file, p.body
FROM articles a, article_tools.parse_article(a.raw) p
ORDER BY a.file LIMIT 1;

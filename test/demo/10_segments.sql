\echo
\echo '== Paragraphs and sentences per article'
SELECT a.file,
       (SELECT count(*) FROM article_tools.paragraphs(a.raw)) AS paragraphs,
       (SELECT count(*) FROM article_tools.sentences(a.raw)) AS sentences
FROM articles a ORDER BY a.file;

\echo
\echo '== Entities: the most mentioned people, organizations and places per article'
SELECT a.file, e.kind, e.canonical, count(*) AS mentions,
       round(avg(e.score)::numeric, 2) AS score
FROM articles a, LATERAL article_tools.extract_entities(a.raw) e
GROUP BY a.file, e.kind, e.canonical
HAVING count(*) >= 1
ORDER BY a.file, mentions DESC, e.kind, e.canonical
\g (format=aligned)

\echo
\echo '== Entities: mentions with their canonical names (first article)'
SELECT e.n, e.kind, e.text, e.canonical, e.sentence, e.position, e.length
FROM (SELECT raw FROM articles ORDER BY file LIMIT 1) a,
     LATERAL article_tools.extract_entities(a.raw) e
ORDER BY e.n;

\echo
\echo '== Entities: the 5 most mentioned people, organizations and places of each article'
SELECT left(file, 30) AS file, kind, left(canonical, 40) AS entity, mentions
FROM (SELECT a.file, e.kind, e.canonical, count(*) AS mentions,
             row_number() OVER (PARTITION BY a.file ORDER BY count(*) DESC, e.canonical) AS k
      FROM articles a, LATERAL article_tools.extract_entities(a.raw) e
      GROUP BY a.file, e.kind, e.canonical) t
WHERE k <= 5
ORDER BY file, k;

\echo
\echo '== Entities: the first 10 mentions of the first article, as written and as canonical names'
SELECT e.n, e.kind, left(e.text, 30) AS text, left(e.canonical, 36) AS canonical,
       e.sentence, e.position, round(e.score::numeric, 2) AS score
FROM (SELECT raw FROM articles ORDER BY file LIMIT 1) a,
     LATERAL article_tools.extract_entities(a.raw) e
WHERE e.n <= 10
ORDER BY e.n;

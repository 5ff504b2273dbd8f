\echo
\echo '== Metrics: the first 5 figures of each article (all of them: SELECT * FROM article_tools.extract_metrics(raw))'
SELECT left(file, 30) AS file, n, kind, left(text, 32) AS text, value,
       coalesce(currency, left(unit, 16)) AS "unit/currency"
FROM (SELECT a.file, m.*
      FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m) f
WHERE n <= 5
ORDER BY file, n;

\echo
\echo '== Money by currency across all articles (amounts restated in another currency left out)'
SELECT m.currency, count(*) AS amounts, sum(m.value) AS total, max(m.value) AS largest
FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
WHERE m.kind = 'money' AND m.equivalent_of IS NULL
GROUP BY m.currency ORDER BY total DESC NULLS LAST;

SELECT EXISTS (SELECT FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
               WHERE m.kind IN ('percent', 'percentage_point') AND m.change IS NOT NULL) AS has_changes \gset
\if :has_changes
\echo
\echo '== Changes reported in percent (up to 3 per article)'
SELECT left(file, 30) AS file, left(text, 30) AS text, value, change
FROM (SELECT a.file, m.text, m.value, m.change,
             row_number() OVER (PARTITION BY a.file ORDER BY m.n) AS k
      FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
      WHERE m.kind IN ('percent', 'percentage_point') AND m.change IS NOT NULL) c
WHERE k <= 3
ORDER BY file, k;
\endif

\echo
\echo '== Metrics: every figure of each article (money, percent, counts, measures, years, dates)'
SELECT a.file, m.n, m.kind, m.text, m.value, m.range_to, m.unit, m.currency,
       m.qualifier, m.change, m.date_value, m.equivalent_of AS eq, m.sentence
FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
ORDER BY a.file, m.n;

\echo
\echo '== Money by currency across all articles (amounts restated in another currency left out)'
SELECT m.currency, count(*) AS amounts, sum(m.value) AS total, max(m.value) AS largest
FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
WHERE m.kind = 'money' AND m.equivalent_of IS NULL
GROUP BY m.currency ORDER BY total DESC NULLS LAST;

\echo
\echo '== Changes reported in percent (increase or decrease, with the period when stated)'
SELECT a.file, m.text, m.change
FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
WHERE m.kind IN ('percent', 'percentage_point') AND m.change IS NOT NULL
ORDER BY a.file, m.n;

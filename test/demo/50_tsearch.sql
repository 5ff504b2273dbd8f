-- Full-text search with the article_tools.news configuration.  The search
-- terms are taken from the loaded articles themselves (the most mentioned
-- name, an amount, a percentage and a date found in them, written another
-- way), so the sections work on any articles passed to test/demo.sh.
SELECT coalesce((
         SELECT e.canonical
         FROM articles a, LATERAL article_tools.extract_entities(a.raw) e
         WHERE e.kind <> 'person' OR e.canonical LIKE '% %'
         GROUP BY e.canonical
         ORDER BY count(DISTINCT a.id) DESC, count(*) DESC, e.canonical LIMIT 1), '') AS top_name
\gset
SELECT :'top_name' <> '' AS has_name \gset
\if :has_name
\echo
\echo '== Full-text search for the most mentioned name,' :'top_name' ', best first'
SELECT left(a.file, 30) AS file, round(ts_rank(v, q)::numeric, 3) AS rank,
       regexp_replace(ts_headline('article_tools.news', a.raw, q,
                   'MaxFragments=1, MaxWords=14, MinWords=6, StartSel=[, StopSel=]'), '\s+', ' ', 'g') AS headline
FROM articles a,
     to_tsvector('article_tools.news', a.raw) v,
     websearch_to_tsquery('article_tools.news', '"' || :'top_name' || '"') q
WHERE v @@ q
ORDER BY rank DESC, a.file
LIMIT 5;
\endif

-- an amount of the articles, written another way: "42.5 billion yuan" as
-- "CNY 42,500 million"
SELECT coalesce((
         SELECT m.text || E'\t' || m.currency || ' ' ||
                CASE WHEN m.value >= 1000000
                     THEN rtrim(to_char(m.value / 1000000, 'FM999,999,999,990.999'), '.') || ' million'
                     ELSE rtrim(to_char(m.value, 'FM999,999,999,990.99'), '.') END
         FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
         WHERE m.kind = 'money' AND m.range_to IS NULL AND m.value > 0 AND m.currency IS NOT NULL
         ORDER BY m.value DESC LIMIT 1), '') AS money
\gset
SELECT :'money' <> '' AS has_money, split_part(:'money', E'\t', 1) AS money_text,
       split_part(:'money', E'\t', 2) AS money_query \gset
\if :has_money
\echo
\echo '== An amount written another way: the query' :'money_query' 'finds' :'money_text'
SELECT left(a.file, 30) AS file,
       regexp_replace(ts_headline('article_tools.news', a.raw, q,
                   'MaxWords=14, MinWords=6, StartSel=[, StopSel=]'), '\s+', ' ', 'g') AS headline
FROM articles a, plainto_tsquery('article_tools.news', :'money_query') q
WHERE to_tsvector('article_tools.news', a.raw) @@ q
ORDER BY a.file;
\endif

-- a percentage and a date of the articles, written another way
SELECT coalesce((
         SELECT trim_scale(m.value)::text ||
                CASE WHEN m.text ILIKE '%per cent%' THEN ' percent' ELSE ' per cent' END
         FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
         WHERE m.kind = 'percent' AND m.range_to IS NULL AND m.value > 0
         ORDER BY a.file, m.n LIMIT 1), '') AS pct_query,
       coalesce((
         SELECT CASE WHEN m.text ~ '^\d{4}-' THEN to_char(m.date_value, 'FMMonth FMDD, YYYY')
                     ELSE to_char(m.date_value, 'YYYY-MM-DD') END
         FROM articles a, LATERAL article_tools.extract_metrics(a.raw) m
         WHERE m.kind = 'date' AND m.date_value IS NOT NULL
         ORDER BY a.file, m.n LIMIT 1), '') AS date_query
\gset
SELECT :'pct_query' <> '' OR :'date_query' <> '' AS has_pct_or_date,
       concat_ws(' or ', nullif('"' || :'pct_query' || '"', '""'),
                 nullif('"' || :'date_query' || '"', '""')) AS pd_query \gset
\if :has_pct_or_date
\echo
\echo '== A percentage and a date written another way:' :'pd_query'
SELECT left(a.file, 30) AS file,
       regexp_replace(ts_headline('article_tools.news', a.raw, q,
                   'MaxWords=14, MinWords=6, StartSel=[, StopSel=]'), '\s+', ' ', 'g') AS headline
FROM articles a, websearch_to_tsquery('article_tools.news', :'pd_query') q
WHERE to_tsvector('article_tools.news', a.raw) @@ q
ORDER BY a.file;
\endif

\echo
\echo '== Lexemes the news configuration adds to english, per article (amounts, percentages, dates, names)'
SELECT left(a.file, 30) AS file, count(*) AS added,
       left(string_agg(l.lexeme, ', ' ORDER BY l.lexeme)
              FILTER (WHERE l.lexeme ~ '^([a-z]{3}|pct|pp):|^\d{4}-\d\d'), 60) AS "amounts and dates"
FROM articles a,
     unnest(to_tsvector('article_tools.news', a.raw)) l
WHERE l.lexeme NOT IN (SELECT lexeme FROM unnest(to_tsvector('english', a.raw)))
GROUP BY a.file
ORDER BY a.file;

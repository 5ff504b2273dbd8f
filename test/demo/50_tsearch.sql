\echo
\echo '== Full-text search (article_tools.news): articles about exports or port throughput, best first'
SELECT a.file, round(ts_rank(v, q)::numeric, 3) AS rank,
       ts_headline('article_tools.news', a.raw, q,
                   'MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" ... "') AS headline
FROM articles a,
     to_tsvector('article_tools.news', a.raw) v,
     websearch_to_tsquery('article_tools.news', 'exports or throughput') q
WHERE v @@ q
ORDER BY rank DESC, a.file
LIMIT 5;

\echo
\echo '== A money query written another way: "RMB 42,500 million" finds "42.5 billion yuan"'
SELECT a.file,
       ts_headline('article_tools.news', a.raw, q, 'MaxWords=16, MinWords=6') AS headline
FROM articles a, plainto_tsquery('article_tools.news', 'RMB 42,500 million') q
WHERE to_tsvector('article_tools.news', a.raw) @@ q
ORDER BY a.file;

\echo
\echo '== Percentages and dates: "18.4 per cent" and "2018-10-08"'
SELECT a.file,
       ts_headline('article_tools.news', a.raw, q, 'MaxWords=16, MinWords=6') AS headline
FROM articles a, websearch_to_tsquery('article_tools.news', '"18.4 per cent" or "2018-10-08"') q
WHERE to_tsvector('article_tools.news', a.raw) @@ q
ORDER BY a.file;

\echo
\echo '== Lexemes the news configuration adds to english, per article (money, percentages, dates, names)'
SELECT a.file, count(*) AS added,
       string_agg(l.lexeme, ', ' ORDER BY l.lexeme) FILTER (WHERE l.lexeme ~ '^(cny|usd|eur|pct):') AS amounts
FROM articles a,
     unnest(to_tsvector('article_tools.news', a.raw)) l
WHERE l.lexeme NOT IN (SELECT lexeme FROM unnest(to_tsvector('english', a.raw)))
GROUP BY a.file
ORDER BY a.file;

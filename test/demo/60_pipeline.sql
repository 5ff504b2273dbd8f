-- Processing pipeline: attach the articles table, and the rows appear by
-- themselves in side tables, also for articles inserted afterwards.
\echo
\echo '== Processing pipeline: SELECT article_tools.attach(''articles'', ''raw'')'
SET client_min_messages = warning;
SELECT article_tools.attach('articles', 'raw') AS articles_processed;

-- one more article arrives: the trigger processes it in the same statement
INSERT INTO articles (file, raw) VALUES ('(inserted by the demo)', $a$Qiantang Software raises 600 million yuan in IPO
Source: Xinhua| 2024-06-03 10:15:02|Editor: Wang Yi

HANGZHOU, June 3 (Xinhua) -- Qiantang Software Co. Ltd raised 600 million yuan ($82.8 million) in its initial public offering on the Shanghai Stock Exchange on Monday, the company said.

The Hangzhou-based firm, which employs more than 1,200 engineers, will spend the money on research, chief executive Xu Ming told reporters.$a$);

\echo
\echo '== Side tables (one parsed row per article; entities, metrics and errors as found)'
SELECT c.relname AS side_table,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::bigint AS rows
FROM pg_class c
WHERE c.relname IN ('articles_parsed', 'articles_entities', 'articles_metrics', 'articles_errors')
ORDER BY c.relname;

\echo
\echo '== articles_parsed'
SELECT left(a.file, 30) AS file, p.published, left(p.source, 14) AS source, left(p.title, 44) AS title, p.words
FROM articles a JOIN articles_parsed p USING (id)
ORDER BY p.published NULLS LAST, a.file;

SELECT to_regclass('articles_metric_facts') IS NOT NULL AS has_metric_facts,
       to_regclass('articles_entity_mentions') IS NOT NULL AS has_entity_mentions,
       EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'articles_parsed'::regclass AND attname = 'tsv') AS has_tsv
\gset
\if :has_metric_facts
\echo
\echo '== BI view articles_metric_facts: money mentioned per month, by currency'
SELECT date_trunc('month', published)::date AS month, currency, count(*) AS amounts, sum(value) AS total
FROM articles_metric_facts
WHERE kind = 'money' AND published IS NOT NULL
GROUP BY 1, 2 ORDER BY 1, 2;
\endif
\if :has_entity_mentions
\echo
\echo '== BI view articles_entity_mentions: top organizations per source'
SELECT left(source, 20) AS source, left(entity, 40) AS entity, sum(mentions) AS mentions, count(*) AS articles
FROM articles_entity_mentions
WHERE kind = 'organization'
GROUP BY source, entity
ORDER BY source NULLS LAST, mentions DESC, entity
LIMIT 15;
\endif
\if :has_tsv
SELECT coalesce((SELECT entity FROM articles_entity_mentions
                 GROUP BY entity ORDER BY count(*) DESC, sum(mentions) DESC, entity LIMIT 1), '') AS top_entity \gset
\echo
\echo '== Full-text search over the parsed bodies (GIN index on articles_parsed.tsv) for' :'top_entity'
SELECT left(a.file, 30) AS file, left(p.title, 50) AS title
FROM articles a JOIN articles_parsed p USING (id)
WHERE p.tsv @@ websearch_to_tsquery('article_tools.news', '"' || :'top_entity' || '"')
ORDER BY a.file;
\endif

-- an update replaces the side rows; a delete removes them
UPDATE articles SET raw = raw || E'\n\nThe company also opened an office in Shenzhen.' WHERE file = '(inserted by the demo)';
DELETE FROM articles WHERE file = '(inserted by the demo)';
\echo
\echo '== After UPDATE and DELETE of the demo article: every article has exactly one parsed row'
SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM articles_parsed) AS parsed_rows;
RESET client_min_messages;

-- Processing pipeline: attach, the side tables, INSERT/UPDATE/DELETE/TRUNCATE,
-- COPY, reprocess, the BI views, privileges, detach.
--
-- The side tables must hold exactly what the functions return for each row:
-- side_mismatches() below compares them, so these tests do not depend on
-- what the extractors find, only on the pipeline storing it faithfully.
SET client_min_messages = notice;
\set SHOW_CONTEXT never

-- side_mismatches(tbl, raw, keys): expected side rows (from the functions)
-- versus stored side rows, per side table (sql/include/side_mismatches.sql)
\set ECHO none
\i sql/include/side_mismatches.sql
\set ECHO all

-- Articles written by the article_tools team in the style of the target
-- sites (the companies and people are fictional).
CREATE TABLE news (id int PRIMARY KEY, site text, raw text);
INSERT INTO news VALUES
(1, 'chinadaily', $a$Lithium battery exports surge as Nanhai Power expands
By ZHOU Lan | China Daily | Updated: 2024-03-18 09:12

Nanhai Power Co. Ltd said on Monday that its battery exports rose 38.5 percent year-on-year to 12.4 billion yuan ($1.72 billion) in 2023.

The Shenzhen-based company, which employs more than 8,000 people, plans to open two factories in Hungary and Mexico by 2026, chairman Liang Wenbo told reporters in Shenzhen.

"Demand in Europe is still growing," Liang said.

Share - WeChat
Copyright 1995 - 2024. All rights reserved.$a$),
(2, 'xinhua', $a$China's grain output hits record high
Source: Xinhua| 2023-12-11 16:05:31|Editor: Wang Yi

BEIJING, Dec. 11 (Xinhua) -- China's grain output reached a record 695.41 million tonnes in 2023, up 1.3 percent from the previous year, the National Bureau of Statistics said Monday.

The sown area of grain expanded by 0.5 percent, according to the bureau.$a$),
(3, 'chinadaily', $a$Tianhe Logistics opens rail hub in Chongqing
Updated: Oct 8, 2018

Tianhe Logistics Group opened a 2-billion-yuan rail freight hub in Chongqing on Sunday, the company said.

The hub will handle about 300,000 containers a year, said Ma Jun, general manager of Tianhe Logistics.$a$);

-- attach: existing rows are processed, their number returned
SELECT article_tools.attach('news', 'raw');

-- the side tables and views, keyed by the primary key, with cascading FKs
SELECT c.relname, c.relkind,
       (SELECT string_agg(format('%s %s%s', con.contype, con.confdeltype, con.confupdtype), ' ' ORDER BY con.contype)
        FROM pg_constraint con WHERE con.conrelid = c.oid) AS constraints
FROM pg_class c
WHERE c.relname LIKE 'news\_%' AND c.relkind IN ('r', 'v')
ORDER BY c.relname;
-- a GIN index over the tsvector (when the news configuration exists)
SELECT count(*) = (SELECT count(*) FROM pg_ts_config WHERE cfgname = 'news'
                   AND cfgnamespace = 'article_tools'::regnamespace) AS gin_as_expected
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
WHERE i.indrelid = 'news_parsed'::regclass AND am.amname = 'gin';
-- the columns are the key plus the functions' result columns
SELECT s.step,
       (SELECT array_agg(attname ORDER BY attnum) FROM pg_attribute
        WHERE attrelid = ('news_' || s.step)::regclass AND attnum > 0 AND attname NOT IN ('tsv'))
       = ARRAY['id']::name[] || (SELECT array_agg(a.attname ORDER BY a.attnum) FROM pg_type t
                                 JOIN pg_attribute a ON a.attrelid = t.typrelid
                                 WHERE t.oid = s.rettype AND a.attnum > 0 AND NOT a.attisdropped) AS columns_match
FROM article_tools._pipeline_steps() s;
SELECT relid, raw_column, key_columns, parsed, entities, metrics, errors, on_error, options
FROM article_tools.attachments;
-- the trigger, schema-qualified
SELECT tgname, tgtype, tgfoid::regprocedure FROM pg_trigger WHERE tgrelid = 'news'::regclass AND NOT tgisinternal;

SELECT * FROM side_mismatches('news', 'raw', '{id}');

-- INSERT: processed in the same statement
INSERT INTO news VALUES (4, 'xinhua', $a$BEIJING, May 12 (Xinhua) -- Sales of new energy vehicles rose 9.8 percent.$a$);
SELECT id, body IS NOT NULL AS has_body FROM news_parsed ORDER BY id;
-- UPDATE of the raw text replaces the side rows
UPDATE news SET raw = $a$Harbor Bank cuts rates
Updated: April 2, 2020

Harbor Bank of Ningbo lowered its lending rate by 25 basis points on Thursday.$a$ WHERE id = 3;
SELECT * FROM side_mismatches('news', 'raw', '{id}');
SELECT count(*) FROM news_entities WHERE id = 3 AND text LIKE 'Tianhe%';
-- UPDATE of another column does not touch the side rows; UPDATE of the key moves them
UPDATE news SET site = 'cd' WHERE id = 1;
UPDATE news SET id = 10 WHERE id = 1;
SELECT id FROM news_parsed ORDER BY id;
SELECT count(*) AS rows_of_old_key FROM news_entities WHERE id = 1;
SELECT * FROM side_mismatches('news', 'raw', '{id}');
-- NULL and empty raw text: a parsed row all the same, so no row goes missing
INSERT INTO news VALUES (5, 'x', NULL), (6, 'x', '');
SELECT id, title, body, paragraphs, words FROM news_parsed WHERE id IN (5, 6) ORDER BY id;
-- DELETE removes the side rows (foreign key cascade)
DELETE FROM news WHERE id IN (2, 6);
SELECT id FROM news_parsed ORDER BY id;
SELECT count(*) FROM news_metrics WHERE id = 2;
SELECT * FROM side_mismatches('news', 'raw', '{id}');

-- TRUNCATE: plain TRUNCATE is refused by the foreign keys (nothing is left
-- stale); TRUNCATE ... CASCADE empties the side tables with the table
TRUNCATE news;
TRUNCATE news CASCADE;
SELECT (SELECT count(*) FROM news_parsed) + (SELECT count(*) FROM news_entities)
     + (SELECT count(*) FROM news_metrics) + (SELECT count(*) FROM news_errors) AS side_rows;

-- COPY
COPY news (id, site, raw) FROM STDIN;
21	xinhua	HANGZHOU, June 3 (Xinhua) -- Qiantang Software Co. Ltd raised 600 million yuan in its initial public offering on Friday.\n\nThe Hangzhou company will spend the money on research, chief executive Xu Ming said.
22	chinadaily	Port throughput climbs\nUpdated: 2019.04.29\n\nThroughput at Ningbo-Zhoushan Port rose 6 percent to 1.12 billion tonnes last year.
\.
SELECT n.id, n.raw LIKE E'%\n\n%' AS paragraphs_decoded FROM news n JOIN news_parsed p USING (id) ORDER BY id;
-- a few hundred rows through psql's \copy (kept small: the suite also runs under valgrind in CI)
\copy news (id, site, raw) FROM PROGRAM 'seq 1000 1299 | sed "s/.*/&\tgen\tSHANGHAI, March 3 (Xinhua) -- Firm & Co. Ltd reported revenue of & million yuan in 2019, up 12 percent year-on-year.\\\\n\\\\nChen Wei, chairman of Firm & Co. Ltd, said sales in Shanghai rose./"'
SELECT count(*) AS articles, (SELECT count(*) FROM news_parsed) AS parsed,
       (SELECT count(DISTINCT id) FROM news_metrics) > 0 AS some_metrics,
       (SELECT count(DISTINCT id) FROM news_entities) > 0 AS some_entities
FROM news;
SELECT * FROM side_mismatches('news', 'raw', '{id}');

-- reprocess: the side tables are rebuilt from the raw text
WITH d AS (DELETE FROM news_metrics RETURNING 1) SELECT count(*) > 0 AS deleted FROM d;
SELECT article_tools.reprocess('news');
SELECT * FROM side_mismatches('news', 'raw', '{id}');

-- attach processes existing rows in batches, with a NOTICE per batch
CREATE TABLE batched (id int PRIMARY KEY, raw text);
INSERT INTO batched SELECT g, 'BEIJING, May 12 (Xinhua) -- Output rose ' || g || ' percent.' FROM generate_series(1, 5) g;
\set VERBOSITY terse
-- (terse: the NOTICEs' DETAIL gives the rate, which varies from run to run)
SELECT article_tools.attach('batched', 'raw', '{"batch_size": 2}');
\set VERBOSITY default
SELECT count(*) FROM batched_parsed;

-- BI views: figures and entities with the article's date and source
SELECT a.attname FROM pg_attribute a
WHERE a.attrelid = 'news_metric_facts'::regclass AND a.attnum <= 3 ORDER BY a.attnum;
SELECT a.attname FROM pg_attribute a
WHERE a.attrelid = 'news_entity_mentions'::regclass ORDER BY a.attnum;
-- one fact row per metric row, one mention row per (article, kind, entity)
SELECT (SELECT count(*) FROM news_metric_facts) = (SELECT count(*) FROM news_metrics) AS facts_complete,
       (SELECT sum(mentions) FROM news_entity_mentions) = (SELECT count(*) FROM news_entities) AS mentions_complete;
SELECT bool_and(f.published IS NOT DISTINCT FROM p.published AND f.source IS NOT DISTINCT FROM p.source) AS dated
FROM news_metric_facts f JOIN news_parsed p USING (id);
-- "figures per month and kind", "top entities": what a BI tool would ask
SELECT count(*) > 0 AS monthly_query_runs
FROM (SELECT date_trunc('month', published) AS month, kind, count(*)
      FROM news_metric_facts GROUP BY 1, 2) t;
SELECT count(*) > 0 AS top_entities_query_runs
FROM (SELECT kind, entity, sum(mentions) FROM news_entity_mentions
      GROUP BY kind, entity ORDER BY 3 DESC LIMIT 5) t;

-- a user with INSERT/UPDATE/DELETE on the table only: the trigger writes the
-- side tables as the table's owner
CREATE ROLE regress_pipeline_writer;
GRANT INSERT, UPDATE, DELETE, SELECT ON news TO regress_pipeline_writer;
SET ROLE regress_pipeline_writer;
INSERT INTO news VALUES (30, 'x', 'BEIJING, May 12 (Xinhua) -- Exports rose 3 percent.');
UPDATE news SET raw = raw || ' Imports fell.' WHERE id = 30;
DELETE FROM news WHERE id = 30;
-- ... but cannot attach or detach a table it does not own
SELECT article_tools.detach('news');
SELECT article_tools.attach('news', 'raw');
SELECT article_tools.reprocess('news');
SELECT article_tools._process_existing('news', 10);
RESET ROLE;
SELECT count(*) FROM news_parsed WHERE id = 30;
REVOKE ALL ON news FROM regress_pipeline_writer;
DROP ROLE regress_pipeline_writer;

-- attach refuses what it cannot handle, with a hint
CREATE TABLE nokey (raw text);
SELECT article_tools.attach('nokey', 'raw');
SELECT article_tools.attach('news', 'raw');
SELECT article_tools.attach('nokey', 'missing');
CREATE TABLE intraw (id int PRIMARY KEY, raw int);
SELECT article_tools.attach('intraw', 'raw');
CREATE TABLE textkey (code text PRIMARY KEY, raw text);
SELECT article_tools.attach('textkey', 'code');
SELECT article_tools.attach('nokey', 'raw', '{"on_error": "ignore"}');
SELECT article_tools.attach('nokey', 'raw', '{"retries": 3}');
SELECT article_tools.attach('nokey', 'raw', '[]');
CREATE VIEW v AS SELECT 1 AS id, 'x'::text AS raw;
SELECT article_tools.attach('v', 'raw');
CREATE TABLE clash (text int PRIMARY KEY, raw text);
SELECT article_tools.attach('clash', 'raw');
CREATE TABLE taken (id int PRIMARY KEY, raw text);
CREATE TABLE taken_parsed (x int);
SELECT article_tools.attach('taken', 'raw');
SELECT article_tools.reprocess('nokey');
SELECT article_tools.detach('nokey');
-- the trigger function alone
SELECT article_tools.process_article();
CREATE TRIGGER stray AFTER INSERT ON intraw FOR EACH ROW EXECUTE FUNCTION article_tools.process_article();
INSERT INTO intraw VALUES (1, 1);
CREATE TRIGGER stray_before BEFORE INSERT ON taken FOR EACH ROW EXECUTE FUNCTION article_tools.process_article();
INSERT INTO taken VALUES (1, 'x');
DROP TABLE nokey, intraw, textkey, clash, taken, taken_parsed;
DROP VIEW v;

-- detach keeps the side tables unless asked; after it, rows are no longer processed
SELECT article_tools.detach('batched');
INSERT INTO batched VALUES (6, 'BEIJING, May 12 (Xinhua) -- Output rose.');
SELECT count(*) FROM batched_parsed;
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'batched'::regclass AND NOT tgisinternal;
-- attaching again needs the old side tables gone
SELECT article_tools.attach('batched', 'raw');
DROP VIEW batched_metric_facts, batched_entity_mentions;
DROP TABLE batched_parsed, batched_entities, batched_metrics, batched_errors;
SELECT article_tools.attach('batched', 'raw');
SELECT article_tools.detach('batched', drop_tables => true);
SELECT count(*) FROM pg_class WHERE relname LIKE 'batched\_%';
SELECT relid FROM article_tools.attachments ORDER BY relid::text;
DROP TABLE batched;

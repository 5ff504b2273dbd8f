-- Processing pipeline on a partitioned table with a two-column key: rows
-- in every partition, rows moving between partitions, partitions attached
-- later.
\set SHOW_CONTEXT never
-- side_mismatches(tbl, raw, keys): expected side rows (from the functions)
-- versus stored side rows, per side table (sql/include/side_mismatches.sql)
\set ECHO none
\i sql/include/side_mismatches.sql
\set ECHO all

CREATE TABLE feed (site text, num int, raw text, PRIMARY KEY (site, num)) PARTITION BY LIST (site);
CREATE TABLE feed_xinhua PARTITION OF feed FOR VALUES IN ('xinhua');
-- a partition whose columns are in another order
CREATE TABLE feed_cd (raw text, num int NOT NULL, site text NOT NULL);
ALTER TABLE feed ATTACH PARTITION feed_cd FOR VALUES IN ('chinadaily');
INSERT INTO feed VALUES
    ('xinhua', 1, 'BEIJING, May 12 (Xinhua) -- China Eastern Airlines carried 9 million passengers in April.'),
    ('chinadaily', 1, $a$Harbor Bank profit rises
By LI Hua | China Daily | Updated: 2021-07-01

Harbor Bank of Ningbo said its net profit rose 12 percent to 3.2 billion yuan.$a$);
-- a partition cannot be attached on its own
SELECT article_tools.attach('feed_xinhua', 'raw');
SELECT article_tools.attach('feed', 'raw');
SELECT tgrelid::regclass, tgname FROM pg_trigger
WHERE tgfoid = 'article_tools.process_article'::regproc AND tgrelid::regclass::text LIKE 'feed%' ORDER BY 1::text;
SELECT site, num FROM feed_parsed ORDER BY 1, 2;
SELECT * FROM side_mismatches('feed', 'raw', '{site,num}');

INSERT INTO feed VALUES ('xinhua', 2, 'SHANGHAI, June 3 (Xinhua) -- Tianhe Logistics Group opened a hub.');
COPY feed (site, num, raw) FROM STDIN;
chinadaily	2	Port throughput climbs\nUpdated: 2019.04.29\n\nThroughput at Ningbo-Zhoushan Port rose 6 percent.
xinhua	3	HANGZHOU, June 3 (Xinhua) -- Qiantang Software Co. Ltd raised 600 million yuan.
\.
-- raw text changes in place
UPDATE feed SET raw = 'BEIJING, May 13 (Xinhua) -- Air China added 4 routes.' WHERE site = 'xinhua' AND num = 1;
-- a row moves to another partition: key only, and key with text
UPDATE feed SET site = 'chinadaily', num = 10 WHERE site = 'xinhua' AND num = 2;
UPDATE feed SET site = 'chinadaily', num = 11, raw = 'Changed while moving: Harbor Bank of Ningbo.' WHERE site = 'xinhua' AND num = 3;
SELECT site, num FROM feed_parsed ORDER BY 1, 2;
SELECT * FROM side_mismatches('feed', 'raw', '{site,num}');
-- a partition created later is covered
CREATE TABLE feed_other PARTITION OF feed DEFAULT;
INSERT INTO feed VALUES ('people', 1, 'BEIJING, May 12 -- Exports of Tianhe Logistics Group rose 3 percent.');
SELECT site, num FROM feed_parsed WHERE site = 'people';
-- DELETE and TRUNCATE ... CASCADE
DELETE FROM feed WHERE site = 'chinadaily' AND num = 10;
SELECT * FROM side_mismatches('feed', 'raw', '{site,num}');
SELECT count(*) FROM feed_parsed;
-- the views work on a two-column key
SELECT (SELECT count(*) FROM feed_metric_facts) = (SELECT count(*) FROM feed_metrics) AS facts_complete,
       (SELECT sum(mentions) FROM feed_entity_mentions) = (SELECT count(*) FROM feed_entities) AS mentions_complete;
SELECT article_tools.reprocess('feed');
SELECT * FROM side_mismatches('feed', 'raw', '{site,num}');
TRUNCATE feed CASCADE;
SELECT count(*) FROM feed_parsed;
SELECT article_tools.detach('feed', drop_tables => true);
SELECT count(*) FROM pg_trigger WHERE tgfoid = 'article_tools.process_article'::regproc AND tgrelid::regclass::text LIKE 'feed%';
DROP TABLE feed;

-- Processing pipeline: errors in both modes, and safety under a hostile
-- search_path.
--
-- A trigger on a side table stands for any ERROR raised while processing
-- an article (as the processing functions would for input they refuse): it rejects
-- bodies longer than 80 characters.
\set SHOW_CONTEXT never
-- side_mismatches(tbl, raw, keys): expected side rows (from the functions)
-- versus stored side rows, per side table (sql/include/side_mismatches.sql)
\set ECHO none
\i sql/include/side_mismatches.sql
\set ECHO all
CREATE FUNCTION reject_long_body() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF length(NEW.body) > 80 THEN
        RAISE EXCEPTION 'article body too long' USING ERRCODE = 'program_limit_exceeded',
            DETAIL = 'The limit is 80 characters.';
    END IF;
    RETURN NEW;
END
$$;

-- on_error = error (the default): the statement fails with the error, and
-- its CONTEXT names the row's key
CREATE TABLE strict_news (id int PRIMARY KEY, raw text);
INSERT INTO strict_news VALUES (1, 'BEIJING, May 12 (Xinhua) -- Exports rose 3 percent.');
SELECT article_tools.attach('strict_news', 'raw');
CREATE TRIGGER reject_long BEFORE INSERT ON strict_news_parsed FOR EACH ROW EXECUTE FUNCTION reject_long_body();
INSERT INTO strict_news VALUES (2, 'BEIJING, May 12 (Xinhua) -- Exports rose 3 percent.'),
    (3, repeat('The port handled more containers than in any earlier year. ', 3));
-- the error is the processing functions' own, with a CONTEXT line naming
-- the table, the row and the step (and not the generated statement)
\set SHOW_CONTEXT errors
INSERT INTO strict_news VALUES (3, repeat('The port handled more containers than in any earlier year. ', 3));
\set SHOW_CONTEXT never
-- the whole statement failed: no row stored, nothing half-processed
SELECT id FROM strict_news ORDER BY id;
SELECT id FROM strict_news_parsed ORDER BY id;
UPDATE strict_news SET raw = repeat('Long text about trade. ', 10) WHERE id = 1;
SELECT id, body FROM strict_news_parsed ORDER BY id;
-- COPY fails the same way
COPY strict_news FROM STDIN;
5	Short one.
6	This line is made long enough to break the check constraint on the body of the article, surely.
\.
SELECT count(*) FROM strict_news;
-- the error keeps its SQLSTATE; a handler finds the row in its context
DO $$
DECLARE
    ctx text;
BEGIN
    INSERT INTO strict_news VALUES (7, repeat('x ', 100));
EXCEPTION WHEN program_limit_exceeded THEN
    GET STACKED DIAGNOSTICS ctx = PG_EXCEPTION_CONTEXT;
    RAISE NOTICE 'caught %: %', SQLSTATE, SQLERRM;
    RAISE NOTICE 'context: %', (SELECT l FROM regexp_split_to_table(ctx, E'\n') l WHERE l LIKE 'article_tools%');
END
$$;
-- a multi-column key is named in full
\set SHOW_CONTEXT errors
CREATE TABLE strict_pair (site text, num int, raw text, PRIMARY KEY (site, num));
SELECT article_tools.attach('strict_pair', 'raw');
CREATE TRIGGER reject_long BEFORE INSERT ON strict_pair_parsed FOR EACH ROW EXECUTE FUNCTION reject_long_body();
INSERT INTO strict_pair VALUES ('xinhua', 42, repeat('Long text about trade. ', 10));
\set SHOW_CONTEXT never

-- on_error = skip: the row is stored, the error recorded, the statement goes on
CREATE TABLE lenient_news (id bigint PRIMARY KEY, raw varchar);
INSERT INTO lenient_news VALUES (1, 'BEIJING, May 12 (Xinhua) -- Exports rose 3 percent.'),
    (2, repeat('A long text about trade and ports. ', 5));
SELECT article_tools.attach('lenient_news', 'raw', '{"on_error": "skip"}');
CREATE TRIGGER reject_long BEFORE INSERT ON lenient_news_parsed FOR EACH ROW EXECUTE FUNCTION reject_long_body();
-- existing rows: processed again, the one that fails recorded
SELECT article_tools.reprocess('lenient_news');
SELECT id, sqlstate, message, detail IS NOT NULL AS has_detail, failed_at <= now() AS dated
FROM lenient_news_errors ORDER BY id;
INSERT INTO lenient_news VALUES (3, 'Short and fine.'), (4, repeat('Another long text about trade. ', 5)),
    (5, 'Also fine.');
COPY lenient_news FROM STDIN;
6	Fine too.
7	This line is made long enough to break the check constraint on the body of the article, surely.
\.
-- every row is stored; each one either has its side rows or an error row
SELECT l.id, p.id IS NOT NULL AS parsed, e.sqlstate
FROM lenient_news l LEFT JOIN lenient_news_parsed p USING (id) LEFT JOIN lenient_news_errors e USING (id)
ORDER BY l.id;
-- fixing the text processes the row and clears its error
UPDATE lenient_news SET raw = 'Now short.' WHERE id = 4;
-- breaking a good row removes its old side rows and records the error
UPDATE lenient_news SET raw = repeat('Suddenly long text about trade. ', 5) WHERE id = 1;
SELECT l.id, p.id IS NOT NULL AS parsed, e.sqlstate
FROM lenient_news l LEFT JOIN lenient_news_parsed p USING (id) LEFT JOIN lenient_news_errors e USING (id)
ORDER BY l.id;
SELECT count(*) AS side_rows_of_failed FROM lenient_news_entities WHERE id IN (SELECT id FROM lenient_news_errors);
-- deleting a failed row deletes its error row
DELETE FROM lenient_news WHERE id = 2;
SELECT id FROM lenient_news_errors ORDER BY id;
-- once the cause is gone, reprocess retries everything
DROP TRIGGER reject_long ON lenient_news_parsed;
SELECT article_tools.reprocess('lenient_news');
SELECT count(*) FROM lenient_news_errors;
SELECT * FROM side_mismatches('lenient_news', 'raw', '{id}');

-- a cancel (statement_timeout) is never swallowed by on_error = skip
SET statement_timeout = '100ms';
INSERT INTO lenient_news SELECT g, repeat('Cargo volume rose 5 percent in Ningbo. ', 200) FROM generate_series(100, 20000) g;
RESET statement_timeout;
SELECT count(*) FROM lenient_news WHERE id >= 100;
SELECT count(*) FROM lenient_news_errors;

-- search_path safety: a schema first on search_path with look-alike
-- functions, operators and a text search configuration must not be used
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.to_tsvector(regconfig, text) RETURNS tsvector
    LANGUAGE sql AS $$ SELECT 'hijacked'::tsvector $$;
CREATE FUNCTION hostile.to_tsvector(text) RETURNS tsvector
    LANGUAGE sql AS $$ SELECT 'hijacked'::tsvector $$;
CREATE FUNCTION hostile.parse_article(text) RETURNS article_tools.article
    LANGUAGE sql AS $$ SELECT NULL::article_tools.article $$;
CREATE FUNCTION hostile.extract_entities(text) RETURNS SETOF article_tools.entity
    LANGUAGE sql AS $$ SELECT NULL::article_tools.entity $$;
CREATE FUNCTION hostile.extract_metrics(text) RETURNS SETOF article_tools.metric
    LANGUAGE sql AS $$ SELECT NULL::article_tools.metric $$;
CREATE FUNCTION hostile.always(bigint, bigint) RETURNS boolean
    LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR hostile.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = hostile.always);
CREATE FUNCTION hostile.always(int, int) RETURNS boolean
    LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR hostile.= (LEFTARG = int, RIGHTARG = int, FUNCTION = hostile.always);
CREATE FUNCTION hostile.concat(text, text) RETURNS text
    LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE OPERATOR hostile.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = hostile.concat);
CREATE FUNCTION hostile.now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT 'epoch'::timestamptz $$;
CREATE TEXT SEARCH CONFIGURATION hostile.news (COPY = simple);
SET search_path = hostile, public, article_tools, pg_catalog;
-- the pipeline's statements are prepared anew under this search_path
CREATE TRIGGER reject_long BEFORE INSERT ON lenient_news_parsed FOR EACH ROW EXECUTE FUNCTION reject_long_body();
INSERT INTO lenient_news VALUES (50, 'SHANGHAI, June 1 (Xinhua) -- Tianhe Logistics Group hired 200 people.');
UPDATE lenient_news SET raw = 'Changed text, Harbor Bank of Ningbo.' WHERE id = 3;
INSERT INTO lenient_news VALUES (51, repeat('Long text under a hostile path. ', 5));
DELETE FROM lenient_news WHERE id = 5;
SELECT article_tools.attach('strict_news', 'raw');
SELECT article_tools.detach('strict_pair', true);
CREATE TABLE public.hostile_news (id int PRIMARY KEY, raw text);
INSERT INTO hostile_news VALUES (1, 'BEIJING, May 12 (Xinhua) -- Exports rose 3 percent.');
SELECT article_tools.attach('hostile_news', 'raw');
INSERT INTO hostile_news VALUES (2, 'Tianhe Logistics Group opened a hub in Chongqing.');
RESET search_path;
SELECT id, sqlstate, failed_at > 'epoch' AS real_time FROM lenient_news_errors ORDER BY id;
DROP TRIGGER reject_long ON lenient_news_parsed;
DELETE FROM lenient_news WHERE id = 51;
SELECT * FROM side_mismatches('lenient_news', 'raw', '{id}');
SELECT * FROM side_mismatches('hostile_news', 'raw', '{id}');
SELECT count(*) FROM lenient_news_parsed WHERE tsv = 'hijacked' OR title = 'hijacked';
-- views and side tables were created with pg_catalog operators
SELECT count(*) AS hostile_dependencies
FROM pg_depend d JOIN pg_namespace n ON n.nspname = 'hostile'
WHERE d.classid IN ('pg_rewrite'::regclass, 'pg_class'::regclass, 'pg_constraint'::regclass, 'pg_attrdef'::regclass)
  AND d.refobjid IN (SELECT oid FROM pg_proc WHERE pronamespace = n.oid
                     UNION ALL SELECT oid FROM pg_operator WHERE oprnamespace = n.oid);
SELECT article_tools.detach('hostile_news', true);
DROP TABLE hostile_news;
DROP SCHEMA hostile CASCADE;
SELECT article_tools.detach('strict_news', true);
SELECT article_tools.detach('lenient_news', true);
DROP TABLE strict_news, strict_pair, lenient_news;
DROP FUNCTION reject_long_body();

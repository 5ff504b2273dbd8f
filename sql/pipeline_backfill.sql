-- Processing pipeline: existing rows left for later (process_existing false),
-- backfill in slices that several sessions can run at once, refresh, the
-- progress NOTICEs, a hostile search_path, and NULL arguments.
SET client_min_messages = notice;
\set SHOW_CONTEXT never

-- stored side rows versus what the functions give, both ways (0 = same)
CREATE FUNCTION fill_mismatches(tbl regclass)
RETURNS TABLE (side text, differing bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
    -- the call the pipeline makes (with the article's date once
    -- extract_metrics(text, date) exists)
    metrics_call text := (SELECT article_tools._step_call(s.func, s.arg, 'a')
                          FROM article_tools._pipeline_steps() s WHERE s.step = 'metrics');
BEGIN
    RETURN QUERY EXECUTE format($q$
        WITH ep AS (SELECT t.id, to_jsonb(a) AS j FROM %1$s t, article_tools.parse_article(t.raw) a),
             sp AS (SELECT p.id, to_jsonb(p) - 'id' - 'tsv' AS j FROM %1$s_parsed p),
             ee AS (SELECT t.id, to_jsonb(x) AS j FROM %1$s t, article_tools.parse_article(t.raw) a,
                                                    article_tools.extract_entities(a.body) x),
             se AS (SELECT e.id, to_jsonb(e) - 'id' AS j FROM %1$s_entities e),
             em AS (SELECT t.id, to_jsonb(x) AS j FROM %1$s t, article_tools.parse_article(t.raw) a,
                                                    %2$s x),
             sm AS (SELECT m.id, to_jsonb(m) - 'id' AS j FROM %1$s_metrics m)
        SELECT 'parsed', (SELECT count(*) FROM ((TABLE ep EXCEPT ALL TABLE sp) UNION ALL (TABLE sp EXCEPT ALL TABLE ep)) d)
        UNION ALL
        SELECT 'entities', (SELECT count(*) FROM ((TABLE ee EXCEPT ALL TABLE se) UNION ALL (TABLE se EXCEPT ALL TABLE ee)) d)
        UNION ALL
        SELECT 'metrics', (SELECT count(*) FROM ((TABLE em EXCEPT ALL TABLE sm) UNION ALL (TABLE sm EXCEPT ALL TABLE em)) d)
        $q$, tbl, metrics_call);
END
$fn$;

CREATE TABLE fill (id int PRIMARY KEY, raw text);
INSERT INTO fill
SELECT g, format('BEIJING, May %s (Xinhua) -- Output of Nanhai Power Co. rose %s percent to %s billion yuan in 2023, chairman Liang Wenbo said in Shenzhen.',
                 1 + g % 28, g, g * 3)
FROM generate_series(1, 40) g;
INSERT INTO fill VALUES (41, NULL);

-- attach without processing the existing rows: they wait, new rows go
-- through the trigger as always
SELECT article_tools.attach('fill', 'raw', '{"process_existing": false}');
SELECT count(*) FROM fill_parsed;
INSERT INTO fill VALUES (42, 'SHANGHAI, June 1 (Xinhua) -- Tianhe Logistics Group hired 200 people.');
SELECT array_agg(id) FROM fill_parsed;

-- the slices split the 41 waiting rows without overlap, whatever their
-- number (a NULL text gets a parsed row of NULLs, as from the trigger)
SELECT k AS parts,
       (SELECT sum(article_tools._count_pending('fill', p, k)) FROM generate_series(0, k - 1) p) AS in_slices,
       article_tools._count_pending('fill', 0, 1) AS waiting
FROM generate_series(1, 4) k;

-- slice 0 of 2 in batches of 7: a NOTICE after each committed batch, rows
-- done of the total (the DETAIL with the rate varies from run to run)
\set VERBOSITY terse
CALL article_tools.backfill('fill', 0, 2, 7);
SELECT article_tools._count_pending('fill', 0, 2) AS left0, article_tools._count_pending('fill', 1, 2) AS left1;
CALL article_tools.backfill('fill', 1, 2, 7);
-- nothing left: no batch, no NOTICE
CALL article_tools.backfill('fill', 1, 2, 7);
\set VERBOSITY default
SELECT count(*) FROM fill_parsed;
SELECT * FROM fill_mismatches('fill');

-- refresh processes what is waiting in one call
CREATE TABLE later (id int PRIMARY KEY, raw text);
INSERT INTO later SELECT id, raw FROM fill WHERE id <= 5;
SELECT article_tools.attach('later', 'raw', '{"process_existing": false}');
SELECT article_tools.refresh('later');
SELECT article_tools.refresh('later');
SELECT * FROM fill_mismatches('later');

-- a batch interrupted by an error keeps the batches before it; the
-- backfill goes on where it stopped
TRUNCATE later_parsed, later_entities, later_metrics;
CREATE FUNCTION fail_on_3() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id = 3 THEN
        RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER fail_on_3 BEFORE INSERT ON later_parsed FOR EACH ROW EXECUTE FUNCTION fail_on_3();
\set VERBOSITY terse
CALL article_tools.backfill('later', 0, 1, 1);
\set VERBOSITY default
-- two batches of one row came before the refused one
SELECT count(*) AS kept FROM later_parsed;
DROP TRIGGER fail_on_3 ON later_parsed;
\set VERBOSITY terse
CALL article_tools.backfill('later', 0, 1, 1);
\set VERBOSITY default
SELECT * FROM fill_mismatches('later');

-- under a search_path with look-alike operators first
CREATE SCHEMA lookalike;
CREATE FUNCTION lookalike.always(int, int) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR lookalike.= (LEFTARG = int, RIGHTARG = int, FUNCTION = lookalike.always);
CREATE FUNCTION lookalike.always8(bigint, bigint) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR lookalike.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = lookalike.always8);
CREATE FUNCTION lookalike.plus(bigint, bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$;
CREATE OPERATOR lookalike.+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = lookalike.plus);
TRUNCATE fill_parsed, fill_entities, fill_metrics;
SET search_path = lookalike, public, pg_catalog;
\set VERBOSITY terse
CALL article_tools.backfill('fill', 0, 1, 20);
\set VERBOSITY default
RESET search_path;
SELECT * FROM fill_mismatches('fill');
DROP SCHEMA lookalike CASCADE;

-- a partitioned table: row positions repeat across partitions, so each
-- batch reads from the start; the rows are the same
CREATE TABLE pfill (id int PRIMARY KEY, raw text) PARTITION BY RANGE (id);
CREATE TABLE pfill_low PARTITION OF pfill FOR VALUES FROM (1) TO (21);
CREATE TABLE pfill_high PARTITION OF pfill FOR VALUES FROM (21) TO (100);
INSERT INTO pfill SELECT id, raw FROM fill;
SELECT article_tools.attach('pfill', 'raw', '{"process_existing": false}');
\set VERBOSITY terse
CALL article_tools.backfill('pfill', 0, 1, 15);
\set VERBOSITY default
SELECT * FROM fill_mismatches('pfill');
SELECT article_tools.detach('pfill', true);
DROP TABLE pfill;

-- the metrics step passes the article's date once extract_metrics(text,
-- date) exists, unless that one is STRICT (an undated article would get no
-- rows); tried with a stand-in where the real one is not installed yet
DO $$
DECLARE
    stand_in boolean := to_regprocedure('article_tools.extract_metrics(text, date)') IS NULL;
    is_strict boolean;
    got text;
    wrong text[] := '{}';
BEGIN
    IF stand_in THEN
        CREATE FUNCTION article_tools.extract_metrics(body text, reference_date date)
        RETURNS SETOF article_tools.metric LANGUAGE sql STABLE
        AS 'SELECT * FROM article_tools.extract_metrics(body)';
    END IF;
    FOR i IN 1 .. CASE WHEN stand_in THEN 2 ELSE 1 END LOOP
        SELECT p.proisstrict INTO is_strict FROM pg_proc p
        WHERE p.oid = 'article_tools.extract_metrics(text, date)'::regprocedure;
        SELECT s.arg INTO got FROM article_tools._pipeline_steps() s WHERE s.step = 'metrics';
        IF got IS DISTINCT FROM (CASE WHEN is_strict THEN 'body' ELSE 'body, published' END) THEN
            wrong := wrong || format('strict %s: %s', is_strict, got);
        END IF;
        IF stand_in THEN
            ALTER FUNCTION article_tools.extract_metrics(text, date) STRICT;
        END IF;
    END LOOP;
    IF stand_in THEN
        DROP FUNCTION article_tools.extract_metrics(text, date);
    END IF;
    RAISE NOTICE 'metrics step: %', CASE WHEN wrong = '{}' THEN 'as expected' ELSE wrong::text END;
END
$$;
SELECT article_tools._step_call('article_tools.extract_metrics(text)', 'body, published', 'a') AS call;

-- wrong arguments, with a message that says what to do
CALL article_tools.backfill('fill', 2, 2);
CALL article_tools.backfill('fill', 0, 0);
CALL article_tools.backfill(NULL);
SELECT article_tools.attach('fill', 'raw', '{"process_existing": "no"}');
SELECT article_tools.attach(NULL, 'raw');
SELECT article_tools.attach(to_regclass('no_such_table'), 'raw');
SELECT article_tools.attach('fill', NULL);
SELECT article_tools.reprocess(NULL);
SELECT article_tools.refresh(NULL);
SELECT article_tools.detach(NULL);
SELECT article_tools.refresh('pg_class');

SELECT article_tools.detach('later', true);
SELECT article_tools.detach('fill', true);
DROP TABLE later, fill;
DROP FUNCTION fail_on_3(), fill_mismatches(regclass);

-- article_tools 1.0 -> 1.1 (ALTER EXTENSION article_tools UPDATE TO '1.1').
--
-- Every change to an SQL object in this release has its statement here, in
-- the same order and with the same text as in the fresh install script
-- (src/sql/*.sql), so that an updated database dumps (pg_dump -s) exactly as
-- a fresh 1.1 install.  Columns added to a composite type go at its end.
\echo Use "ALTER EXTENSION article_tools UPDATE TO '1.1'" to load this file. \quit

-- parse_article: fields for section, URL, captions, tags and language
ALTER TYPE @extschema@.article ADD ATTRIBUTE section text;
ALTER TYPE @extschema@.article ADD ATTRIBUTE url text;
ALTER TYPE @extschema@.article ADD ATTRIBUTE captions text[];
ALTER TYPE @extschema@.article ADD ATTRIBUTE tags text[];
ALTER TYPE @extschema@.article ADD ATTRIBUTE language text;
COMMENT ON COLUMN @extschema@.article.section IS 'the section or category the page files the article under (breadcrumb or label), as written';
COMMENT ON COLUMN @extschema@.article.url IS 'the page''s own URL, when its text or markup carries one';
COMMENT ON COLUMN @extschema@.article.captions IS 'photo captions taken out of the body, in page order';
COMMENT ON COLUMN @extschema@.article.tags IS 'the page''s keywords or tags, when it gives them';
COMMENT ON COLUMN @extschema@.article.language IS 'the page''s language tag (such as en), when it gives one';


-- src/sql/70_comments.sql: descriptions of the schema, the row types' columns and the enums
COMMENT ON SCHEMA @extschema@ IS
'article_tools: news article parsing, entities, metrics, news text search and the attach() pipeline';

COMMENT ON TYPE @extschema@.entity_kind IS
'kind of an entity found by extract_entities(): person, organization or location';

COMMENT ON COLUMN @extschema@.article.title IS 'the headline: the first line that is not page chrome or metadata, when it reads as a headline';
COMMENT ON COLUMN @extschema@.article.published IS 'publication date: the page date, else its "Updated:" date, else the dateline''s month and day with the page year';
COMMENT ON COLUMN @extschema@.article.published_at IS 'publication date and time, when the page gives a time (as written; a time zone is not applied)';
COMMENT ON COLUMN @extschema@.article.updated IS 'the "Updated:" or "Last updated:" date';
COMMENT ON COLUMN @extschema@.article.authors IS 'byline names, in order';
COMMENT ON COLUMN @extschema@.article.source IS 'publisher or agency ("Xinhua", "China Daily")';
COMMENT ON COLUMN @extschema@.article.editor IS 'the "Editor:" or "Web editor:" name';
COMMENT ON COLUMN @extschema@.article.dateline IS 'the dateline without its dash ("BEIJING, May 12 (Xinhua)")';
COMMENT ON COLUMN @extschema@.article.body IS 'the article''s paragraphs, unchanged and in order, one blank line apart, without page chrome';
COMMENT ON COLUMN @extschema@.article.lead IS 'the first body paragraph that reads as prose';
COMMENT ON COLUMN @extschema@.article.paragraphs IS 'number of paragraphs in body';
COMMENT ON COLUMN @extschema@.article.words IS 'number of words in body (runs of non-space characters holding a letter or digit)';
COMMENT ON COLUMN @extschema@.article.chrome_removed IS 'lines of page chrome left out (share and print widgets, navigation, copyright, credited captions)';

COMMENT ON COLUMN @extschema@.metric.kind IS 'money, percent, percentage_point, count, quantity, year, date, ordinal or fraction';
COMMENT ON COLUMN @extschema@.metric.text IS 'the figure as written; substr(input, position, length) = text';
COMMENT ON COLUMN @extschema@.metric.value IS 'exact value, fully scaled (1.2 trillion is 1200000000000; 11 for 11%); NULL for dates';
COMMENT ON COLUMN @extschema@.metric.range_to IS 'upper end of a range ("10-15%" gives 15)';
COMMENT ON COLUMN @extschema@.metric.unit IS 'counts: the counted noun phrase; measures: a canonical unit (km, t, kWh); ages: years';
COMMENT ON COLUMN @extschema@.metric.currency IS 'ISO 4217 currency code of money (CNY, USD, EUR)';
COMMENT ON COLUMN @extschema@.metric.qualifier IS 'words that bound the figure: more than, about, nearly, up to, at least';
COMMENT ON COLUMN @extschema@.metric.change IS 'increase or decrease, with the period when stated ("increase year-on-year")';
COMMENT ON COLUMN @extschema@.metric.date_value IS 'the date, when year, month and day are known';
COMMENT ON COLUMN @extschema@.metric.equivalent_of IS 'for an amount restated in another currency, the n of the row it restates';
COMMENT ON COLUMN @extschema@.metric.n IS 'row number within the text, 1-based';
COMMENT ON COLUMN @extschema@.metric.sentence IS 'sentence number, 1-based, as article_tools.sentences() counts';
COMMENT ON COLUMN @extschema@.metric."position" IS 'position of text in the input, in characters, 1-based';
COMMENT ON COLUMN @extschema@.metric.length IS 'length of text, in characters';

COMMENT ON COLUMN @extschema@.entity.kind IS 'person, organization or location';
COMMENT ON COLUMN @extschema@.entity.text IS 'the mention as written; substr(input, position, length) = text';
COMMENT ON COLUMN @extschema@.entity.canonical IS 'the full name within the text (a later "Chen" is "Chen Hongbo"), or the user gazetteer''s canonical form';
COMMENT ON COLUMN @extschema@.entity.n IS 'ordinal of the mention within the text, 1-based';
COMMENT ON COLUMN @extschema@.entity.sentence IS 'sentence number, 1-based, as article_tools.sentences() counts';
COMMENT ON COLUMN @extschema@.entity."position" IS 'position of text in the input, in characters, 1-based';
COMMENT ON COLUMN @extschema@.entity.length IS 'length of text, in characters';
COMMENT ON COLUMN @extschema@.entity.score IS 'confidence from 0 to 1 (1 for user gazetteer terms)';

COMMENT ON COLUMN @extschema@.gazetteer.term IS 'words to find, matched exactly and case-sensitively on word boundaries';
COMMENT ON COLUMN @extschema@.gazetteer.kind IS 'the kind the term is reported as';
COMMENT ON COLUMN @extschema@.gazetteer.canonical IS 'the canonical name reported for the term (NULL: the term itself)';

-- parse_article(text, chrome text[]) and the chrome_lines() aggregates
-- Chrome a site repeats on every page: chrome_lines() collects the lines on
-- at least min_share of the pages it aggregates (an aggregate, so that
-- GROUP BY site gives one list per site), and parse_article(text, text[])
-- treats those lines as chrome.
CREATE FUNCTION @extschema@.parse_article(text, chrome text[])
RETURNS @extschema@.article
AS 'MODULE_PATHNAME', 'at_parse_article_chrome_sql'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parse_article(text, text[]) IS
'parse_article(page) with lines known to be chrome (from chrome_lines()): they are left out of the body wherever they stand, unless they carry a date, byline, source or editor; a NULL list is no list';

CREATE FUNCTION @extschema@._chrome_lines_add(internal, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_chrome_lines_add'
LANGUAGE C PARALLEL SAFE;

CREATE FUNCTION @extschema@._chrome_lines_add(internal, text, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_chrome_lines_add'
LANGUAGE C PARALLEL SAFE;

CREATE FUNCTION @extschema@._chrome_lines_result(internal)
RETURNS text[]
AS 'MODULE_PATHNAME', 'at_chrome_lines_result'
LANGUAGE C PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@._chrome_lines_add(internal, text) IS
'internal: the transition function of chrome_lines(text)';
COMMENT ON FUNCTION @extschema@._chrome_lines_add(internal, text, float8) IS
'internal: the transition function of chrome_lines(text, float8)';
COMMENT ON FUNCTION @extschema@._chrome_lines_result(internal) IS
'internal: the final function of chrome_lines()';

CREATE AGGREGATE @extschema@.chrome_lines(page text) (
    SFUNC = @extschema@._chrome_lines_add,
    STYPE = internal,
    FINALFUNC = @extschema@._chrome_lines_result,
    PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.chrome_lines(page text, min_share float8) (
    SFUNC = @extschema@._chrome_lines_add,
    STYPE = internal,
    FINALFUNC = @extschema@._chrome_lines_result,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.chrome_lines(text) IS
'the lines repeated on at least half of the pages aggregated (and on two or more), most frequent first: a site''s template lines, for parse_article(page, chrome)';
COMMENT ON AGGREGATE @extschema@.chrome_lines(text, float8) IS
'the lines repeated on at least min_share (0 to 1) of the pages aggregated (and on two or more), most frequent first, for parse_article(page, chrome)';
-- ==== pipeline: begin (src/sql/60_pipeline.sql) ====
-- Errors keep their own message with a CONTEXT line (trigger.c); attach()
-- split into helpers, refuses NULL, and on a Citus distributed table takes
-- the batch path (refresh); backfill in slices; extract_metrics(text, date)
-- used when installed.  The statements below are those of the fresh
-- install, in its order; _pipeline_statements gained an OUT column, so it is
-- dropped and created again.

-- The processing steps, as data: side table suffix, function, and its
-- arguments: 'raw' for the raw column, else columns of the parsed article
-- ('body', or 'body, published').  A step may list several candidates
-- (pref 1, 2, ...): the first whose function is installed with exactly those
-- argument types is used, and a step with none installed is left out.  So
-- extract_metrics(text, date) is used, with the article's date, as soon as
-- it exists, and extract_metrics(text) until then.  A STRICT candidate of
-- several arguments is passed over: it would give no rows at all for an
-- article without a date.
CREATE OR REPLACE FUNCTION @extschema@._pipeline_steps(
    OUT step pg_catalog.text, OUT func pg_catalog.regprocedure, OUT rettype pg_catalog.regtype,
    OUT arg pg_catalog.text)
RETURNS SETOF record
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT ON (s.ord) s.step, p.oid::pg_catalog.regprocedure,
           p.prorettype::pg_catalog.regtype, s.arg
    FROM (VALUES (1, 1, 'parsed', 'parse_article', 'raw', '25'),
                 (2, 1, 'entities', 'extract_entities', 'body', '25'),
                 (3, 1, 'metrics', 'extract_metrics', 'body, published', '25 1082'),
                 (3, 2, 'metrics', 'extract_metrics', 'body', '25'))
         AS s(ord, pref, step, fname, arg, argtypes)
    JOIN pg_catalog.pg_proc p
      ON p.pronamespace = '@extschema@'::pg_catalog.regnamespace
     AND p.proname = s.fname
     AND p.proargtypes = s.argtypes::pg_catalog.oidvector
     AND (NOT p.proisstrict OR p.pronargs = 1)
    ORDER BY s.ord, s.pref
$$;

-- The call of a step's function on the parsed article aliased "alias":
-- 'body, published' -> article_tools.extract_metrics(a.body, a.published)
CREATE OR REPLACE FUNCTION @extschema@._step_call(func pg_catalog.regprocedure, arg pg_catalog.text,
                                       alias pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.format('%s(%s)', func::pg_catalog.oid::pg_catalog.regproc,
        (SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', alias, pg_catalog.btrim(c)), ', ' ORDER BY o)
         FROM pg_catalog.unnest(pg_catalog.string_to_array(arg, ',')) WITH ORDINALITY AS u(c, o)))
$$;

-- The columns of a step's result type that a side table has (a table
-- attached under an older type version keeps working): "c1, c2" and
-- "x.c1, x.c2".
CREATE OR REPLACE FUNCTION @extschema@._side_columns(side pg_catalog.regclass, rettype pg_catalog.regtype,
    OUT cols pg_catalog.text, OUT vals pg_catalog.text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(t.attname), ', '),
           pg_catalog.string_agg('x.' || pg_catalog.quote_ident(t.attname), ', ')
    FROM @extschema@._type_columns(rettype) t
    WHERE EXISTS (SELECT FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid = side
                    AND a.attname = t.attname AND NOT a.attisdropped)
$$;

-- Whether a side table has a column (tsv, raw_md5 are optional).
CREATE OR REPLACE FUNCTION @extschema@._has_column(pg_catalog.regclass, pg_catalog.name)
RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                   WHERE a.attrelid = $1 AND a.attname = $2
                     AND a.attnum > 0 AND NOT a.attisdropped)
$$;

-- The distribution column of a Citus hash-distributed table; NULL for a
-- plain table or when Citus is not installed.  Another kind of Citus table
-- (reference, local) is refused: neither the trigger nor the co-located
-- batch path fits it.
CREATE OR REPLACE FUNCTION @extschema@._distribution_column(tbl pg_catalog.regclass)
RETURNS pg_catalog.name
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    method pg_catalog.text;
    col pg_catalog.name;
BEGIN
    IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN NULL;
    END IF;
    -- dynamic: the catalog exists only where Citus is installed
    EXECUTE 'SELECT d.partmethod::pg_catalog.text, a.attname
             FROM pg_catalog.pg_dist_partition d
             LEFT JOIN pg_catalog.pg_attribute a
               ON a.attrelid = d.logicalrelid
              AND a.attname = pg_catalog.column_to_column_name(d.logicalrelid, d.partkey)
             WHERE d.logicalrelid = $1'
        INTO method, col USING tbl;
    IF method IS NULL THEN
        RETURN NULL;
    END IF;
    IF method <> 'h' OR col IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
            MESSAGE = pg_catalog.format('article_tools: %s is a Citus reference or local table',
                                        @extschema@._qualified(tbl)),
            HINT = 'Attach a plain table, or a table distributed with create_distributed_table(table, column).';
    END IF;
    RETURN col;
END
$fn$;

-- The statements the trigger (and reprocess, backfill) run for an attached
-- table, with parameters $1..$k = the key columns, then:
--   insert_sql: $k+1 = raw text; inserts the side rows of one article
--   delete_sql: deletes the side rows (and the error row) of one key
--   error_sql:  $k+1 sqlstate, $k+2 message, $k+3 detail; records a failure
--   scan_sql:   no parameters; the keys and raw text of every row
--   pending_sql: $1 parts, $2 part, $3 limit, $4 a row position (tid);
--               keys, raw text and position of rows stored after $4 (on a
--               partitioned table: anywhere) of slice "part" (of "parts", by
--               a hash of the key) that have neither a parsed row nor an
--               error row (a NULL text too gets its parsed row, of NULLs)
DROP FUNCTION @extschema@._pipeline_statements(pg_catalog.regclass);
CREATE OR REPLACE FUNCTION @extschema@._pipeline_statements(tbl pg_catalog.regclass,
    OUT insert_sql pg_catalog.text, OUT delete_sql pg_catalog.text,
    OUT error_sql pg_catalog.text, OUT scan_sql pg_catalog.text,
    OUT key_columns pg_catalog.name[], OUT key_types pg_catalog.oid[],
    OUT raw_column pg_catalog.name, OUT on_error pg_catalog.text,
    OUT owner pg_catalog.oid, OUT errors_table pg_catalog.text,
    OUT side_tables pg_catalog.oid[], OUT pending_sql pg_catalog.text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments;
    nkeys integer;
    keys pg_catalog.text;          -- "k1", "k2"
    params pg_catalog.text;        -- $1, $2
    match pg_catalog.text;         -- "k1" = $1 AND ...
    ctes pg_catalog.text[] := '{}';
    dels pg_catalog.text[] := '{}';
    st record;
    side pg_catalog.regclass;
    sc record;
    vals pg_catalog.text;
    src pg_catalog.text;
    tkeys pg_catalog.text;         -- t."k1", t."k2"
BEGIN
    SELECT * INTO att FROM @extschema@.attachments a WHERE a.relid = tbl;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('table %s is not attached to the article_tools pipeline',
                                        @extschema@._qualified(tbl)),
            HINT = 'Attach it with article_tools.attach(table, raw_column).';
    END IF;

    SELECT pg_catalog.array_agg(k.attname ORDER BY k.ord),
           pg_catalog.array_agg(a.atttypid ORDER BY k.ord),
           pg_catalog.string_agg(pg_catalog.quote_ident(k.attname), ', ' ORDER BY k.ord),
           pg_catalog.string_agg('$' || k.ord, ', ' ORDER BY k.ord),
           pg_catalog.string_agg(pg_catalog.format('%I %s $%s', k.attname, kc.eq, k.ord),
                                 ' AND ' ORDER BY k.ord),
           pg_catalog.string_agg('t.' || pg_catalog.quote_ident(k.attname), ', ' ORDER BY k.ord)
      INTO key_columns, key_types, keys, params, match, tkeys
    FROM pg_catalog.unnest(att.key_columns) WITH ORDINALITY AS k(attname, ord)
    JOIN pg_catalog.pg_attribute a
      ON a.attrelid = tbl AND a.attname = k.attname
    LEFT JOIN @extschema@._key_columns(tbl) kc ON kc.attname = k.attname;
    nkeys := pg_catalog.cardinality(att.key_columns);
    IF match IS NULL OR pg_catalog.cardinality(key_types) <> nkeys THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('the primary key of %s no longer matches its article_tools attachment',
                                        @extschema@._qualified(tbl)),
            HINT = 'Detach the table and attach it again.';
    END IF;

    -- One statement: parse once (MATERIALIZED), then one INSERT per side
    -- table.  The INSERTs touch different tables, so their order is free.
    FOR st IN SELECT * FROM @extschema@._pipeline_steps() LOOP
        side := CASE st.step WHEN 'parsed' THEN att.parsed
                             WHEN 'entities' THEN att.entities
                             ELSE att.metrics END;
        CONTINUE WHEN side IS NULL;
        sc := @extschema@._side_columns(side, st.rettype);
        vals := sc.vals;
        IF st.step = 'parsed' THEN
            ctes := ctes || pg_catalog.format(
                'a AS MATERIALIZED (SELECT * FROM %s($%s::pg_catalog.text))',
                st.func::pg_catalog.oid::pg_catalog.regproc, nkeys + 1);
            src := 'a AS x';
            IF @extschema@._has_column(side, 'tsv')
               AND EXISTS (SELECT FROM pg_catalog.pg_ts_config c
                           WHERE c.cfgnamespace = '@extschema@'::pg_catalog.regnamespace
                             AND c.cfgname = 'news') THEN
                sc.cols := sc.cols || ', tsv';
                vals := vals ||
                    ', pg_catalog.to_tsvector(''@extschema@.news''::pg_catalog.regconfig, x.body)';
            END IF;
        ELSE
            src := 'a, ' || @extschema@._step_call(st.func, st.arg, 'a') || ' AS x';
        END IF;
        ctes := ctes || pg_catalog.format(
            'i_%s AS (INSERT INTO %s (%s, %s) SELECT %s, %s FROM %s)',
            st.step, @extschema@._qualified(side), keys, sc.cols, params, vals, src);
        dels := dels || pg_catalog.format(
            'd_%s AS (DELETE FROM %s WHERE %s)', st.step, @extschema@._qualified(side), match);
    END LOOP;

    insert_sql := 'WITH ' || pg_catalog.array_to_string(ctes, ', ')
                  || ' SELECT 1';
    delete_sql := 'WITH ' || pg_catalog.array_to_string(dels, ', ')
                  || pg_catalog.format(' DELETE FROM %s WHERE %s',
                                                            @extschema@._qualified(att.errors), match);
    error_sql := pg_catalog.format(
        'INSERT INTO %s AS e (%s, sqlstate, message, detail) VALUES (%s, $%s, $%s, $%s) '
        'ON CONFLICT (%s) DO UPDATE SET sqlstate = excluded.sqlstate, message = excluded.message, '
        'detail = excluded.detail, failed_at = pg_catalog.now()',
        @extschema@._qualified(att.errors), keys, params,
        nkeys + 1, nkeys + 2, nkeys + 3,
        keys);
    scan_sql := pg_catalog.format('SELECT %s, t.%I FROM %s %s t',
        tkeys, att.raw_column,
        CASE WHEN (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = tbl)
                  = 'p' THEN '' ELSE 'ONLY' END,
        @extschema@._qualified(tbl));
    -- the hash picks a slice of the keys, so that several sessions share a
    -- backfill without overlap; it runs under the caller's search_path
    pending_sql := pg_catalog.format('SELECT %s, t.%I, t.ctid FROM %s t WHERE %s',
        tkeys, att.raw_column, @extschema@._qualified(tbl),
        CASE WHEN (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = tbl) = 'p'
             THEN '$4::pg_catalog.tid IS NOT NULL'
             ELSE 't.ctid OPERATOR(pg_catalog.>) $4::pg_catalog.tid' END)
        || pg_catalog.format(
        ' AND NOT EXISTS (SELECT FROM %s p WHERE %s)'
        ' AND NOT EXISTS (SELECT FROM %s e WHERE %s)'
        ' AND ((pg_catalog.hashtext(ROW(%s)::pg_catalog.text)::pg_catalog.int8'
        ' OPERATOR(pg_catalog.&) 2147483647::pg_catalog.int8) OPERATOR(pg_catalog.%%) $1::pg_catalog.int8)'
        ' OPERATOR(pg_catalog.=) $2::pg_catalog.int8 LIMIT $3',
        @extschema@._qualified(att.parsed),
        (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I %s t.%I', k.attname, k.eq, k.attname), ' AND ')
         FROM @extschema@._key_columns(tbl) k),
        @extschema@._qualified(att.errors),
        (SELECT pg_catalog.string_agg(pg_catalog.format('e.%I %s t.%I', k.attname, k.eq, k.attname), ' AND ')
         FROM @extschema@._key_columns(tbl) k),
        tkeys);
    raw_column := att.raw_column;
    on_error := att.on_error;
    errors_table := @extschema@._qualified(att.errors);
    side_tables := ARRAY[att.parsed, att.entities, att.metrics, att.errors]::pg_catalog.oid[];
    SELECT c.relowner INTO owner FROM pg_catalog.pg_class c WHERE c.oid = tbl;
END
$fn$;

-- The batch path of a Citus distributed table (no trigger there; see
-- docs/scaling.md): statements that bring the side tables up to date with
-- the table, in the order to run them.  Each joins co-located shards on the
-- key, so Citus runs it on the workers, shard by shard in parallel.
--   1. with check_updates: side rows of articles whose text changed
--      (raw_md5 differs) go; this reads every article's text;
--   2. articles without a parsed row get their side rows, parsed last so
--      that "no parsed row" marks the articles still to do.
-- Deleted articles take their side rows with them (ON DELETE CASCADE).
CREATE OR REPLACE FUNCTION @extschema@._batch_statements(tbl pg_catalog.regclass, check_updates boolean)
RETURNS SETOF pg_catalog.text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments;
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
    qparsed pg_catalog.text;
    tkeys pg_catalog.text;
    st record;
    side pg_catalog.regclass;
    sc record;
    parse_call pg_catalog.text;
    stale pg_catalog.text;
    todo pg_catalog.text;
BEGIN
    SELECT * INTO att FROM @extschema@.attachments a WHERE a.relid = tbl;
    qparsed := @extschema@._qualified(att.parsed);
    SELECT pg_catalog.string_agg('t.' || pg_catalog.quote_ident(k), ', ' ORDER BY o) INTO tkeys
    FROM pg_catalog.unnest(att.key_columns) WITH ORDINALITY AS u(k, o);
    -- join conditions: "p.k = t.k AND ..." with the key's own operators
    stale := pg_catalog.format('%s AND p.raw_md5 IS DISTINCT FROM pg_catalog.md5(t.%I::pg_catalog.text)',
        (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I %s t.%I', k.attname, k.eq, k.attname), ' AND ')
         FROM @extschema@._key_columns(tbl) k), att.raw_column);
    todo := pg_catalog.format('NOT EXISTS (SELECT FROM %s p WHERE %s)', qparsed,
        (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I %s t.%I', k.attname, k.eq, k.attname), ' AND ')
         FROM @extschema@._key_columns(tbl) k));

    FOR side IN SELECT u.s FROM pg_catalog.unnest(ARRAY[att.entities, att.metrics, att.errors, att.parsed])
                                WITH ORDINALITY AS u(s, o)
                WHERE u.s IS NOT NULL AND check_updates ORDER BY u.o LOOP
        IF side = att.parsed THEN
            RETURN NEXT pg_catalog.format('DELETE FROM %s p USING %s t WHERE %s', qparsed, qtbl, stale);
            CONTINUE;
        END IF;
        RETURN NEXT pg_catalog.format('DELETE FROM %s s USING %s p, %s t WHERE %s AND %s',
            @extschema@._qualified(side), qparsed, qtbl,
            (SELECT pg_catalog.string_agg(pg_catalog.format('s.%I %s p.%I', k.attname, k.eq, k.attname), ' AND ')
             FROM @extschema@._key_columns(tbl) k), stale);
    END LOOP;

    SELECT s.func::pg_catalog.oid::pg_catalog.regproc INTO parse_call
    FROM @extschema@._pipeline_steps() s WHERE s.step = 'parsed';
    FOR st IN SELECT * FROM @extschema@._pipeline_steps() s ORDER BY s.step = 'parsed' LOOP
        side := CASE st.step WHEN 'parsed' THEN att.parsed
                             WHEN 'entities' THEN att.entities
                             ELSE att.metrics END;
        CONTINUE WHEN side IS NULL;
        sc := @extschema@._side_columns(side, st.rettype);
        IF st.step = 'parsed' THEN
            RETURN NEXT pg_catalog.format(
                'INSERT INTO %s (%s, %s%s, raw_md5) SELECT %s, %s%s, pg_catalog.md5(t.%I::pg_catalog.text) '
                'FROM %s t CROSS JOIN LATERAL %s(t.%I::pg_catalog.text) x WHERE %s',
                qparsed, pg_catalog.array_to_string(
                    ARRAY(SELECT pg_catalog.quote_ident(k) FROM pg_catalog.unnest(att.key_columns) k), ', '),
                sc.cols,
                CASE WHEN @extschema@._has_column(side, 'tsv') THEN ', tsv' ELSE '' END,
                tkeys, sc.vals,
                CASE WHEN @extschema@._has_column(side, 'tsv')
                     THEN ', pg_catalog.to_tsvector(''@extschema@.news''::pg_catalog.regconfig, x.body)' ELSE '' END,
                att.raw_column, qtbl, parse_call, att.raw_column, todo);
        ELSE
            RETURN NEXT pg_catalog.format(
                'INSERT INTO %s (%s, %s) SELECT %s, %s '
                'FROM %s t CROSS JOIN LATERAL %s(t.%I::pg_catalog.text) a CROSS JOIN LATERAL %s x WHERE %s',
                @extschema@._qualified(side), pg_catalog.array_to_string(
                    ARRAY(SELECT pg_catalog.quote_ident(k) FROM pg_catalog.unnest(att.key_columns) k), ', '),
                sc.cols, tkeys, sc.vals,
                qtbl, parse_call, att.raw_column, @extschema@._step_call(st.func, st.arg, 'a'), todo);
        END IF;
    END LOOP;
END
$fn$;

-- Processes every row of an attached table into its (empty) side tables;
-- NOTICE after each batch when there is more than one.
CREATE OR REPLACE FUNCTION @extschema@._process_existing(tbl pg_catalog.regclass, batch_size integer)
RETURNS bigint
AS 'MODULE_PATHNAME', 'at_process_existing'
LANGUAGE C STRICT;

-- Processes up to max_rows rows of slice "part" of "parts" that have no side
-- rows and no error row yet, stored after the row position "after";
-- returns how many, and the last position, where the next batch goes on.
CREATE OR REPLACE FUNCTION @extschema@._process_pending(tbl pg_catalog.regclass, part integer,
    parts integer, max_rows integer, after pg_catalog.tid,
    OUT processed bigint, OUT last pg_catalog.tid)
AS 'MODULE_PATHNAME', 'at_process_pending'
LANGUAGE C STRICT;

-- How many rows _process_pending would process in all.
CREATE OR REPLACE FUNCTION @extschema@._count_pending(tbl pg_catalog.regclass, part integer, parts integer)
RETURNS bigint
AS 'MODULE_PATHNAME', 'at_count_pending'
LANGUAGE C STRICT;

-- attach(), step by step: the options, the checks, the side tables, the
-- views, the attachment row, then the trigger (or, on a Citus distributed
-- table, the batch path).

-- The options of attach(), checked, with their defaults.
CREATE OR REPLACE FUNCTION @extschema@._attach_options(options pg_catalog.jsonb,
    OUT on_error pg_catalog.text, OUT batch_size integer, OUT process_existing boolean)
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad pg_catalog.text;
BEGIN
    IF options IS NULL OR pg_catalog.jsonb_typeof(options) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'article_tools.attach: options must be a JSON object',
            HINT = 'For example ''{"on_error": "skip"}''.';
    END IF;
    SELECT pg_catalog.string_agg(k, ', ') INTO bad
    FROM pg_catalog.jsonb_object_keys(options) k
    WHERE k <> ALL (ARRAY['on_error', 'batch_size', 'process_existing']);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.attach: unknown option %s', bad),
            HINT = 'The options are "on_error" ("error" or "skip"), "batch_size" (rows per batch when processing existing rows) and "process_existing" (false: leave existing rows to article_tools.backfill).';
    END IF;
    on_error := COALESCE(options ->> 'on_error', 'error');
    IF on_error <> ALL (ARRAY['error', 'skip']) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.attach: on_error must be "error" or "skip", not "%s"', on_error);
    END IF;
    batch_size := 10000;
    IF options ? 'batch_size' THEN
        IF pg_catalog.jsonb_typeof(options -> 'batch_size') <> 'number'
           OR (options ->> 'batch_size')::pg_catalog.numeric < 1
           OR (options ->> 'batch_size')::pg_catalog.numeric > 100000000 THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'article_tools.attach: batch_size must be a number from 1 to 100000000';
        END IF;
        batch_size := (options ->> 'batch_size')::pg_catalog.numeric::integer;
    END IF;
    process_existing := true;
    IF options ? 'process_existing' THEN
        IF pg_catalog.jsonb_typeof(options -> 'process_existing') <> 'boolean' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'article_tools.attach: process_existing must be true or false';
        END IF;
        process_existing := (options ->> 'process_existing')::boolean;
    END IF;
END
$fn$;

-- The table itself: a plain or partitioned table the caller owns, not yet
-- attached, and the parser is installed.
CREATE OR REPLACE FUNCTION @extschema@._attach_check_table(tbl pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel record;
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
BEGIN
    SELECT c.relkind, c.relispartition INTO rel FROM pg_catalog.pg_class c WHERE c.oid = tbl;
    IF rel.relkind <> ALL (ARRAY['r', 'p']::"char"[]) THEN
        RAISE EXCEPTION USING ERRCODE = 'wrong_object_type',
            MESSAGE = pg_catalog.format('article_tools.attach: %s is not a table', qtbl);
    END IF;
    IF rel.relispartition THEN
        RAISE EXCEPTION USING ERRCODE = 'wrong_object_type',
            MESSAGE = pg_catalog.format('article_tools.attach: %s is a partition', qtbl),
            HINT = 'Attach the partitioned table; its partitions follow.';
    END IF;
    IF NOT @extschema@._owns_table(tbl) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('article_tools.attach: must be owner of table %s', qtbl);
    END IF;
    IF EXISTS (SELECT FROM @extschema@.attachments a WHERE a.relid = tbl) THEN
        RAISE EXCEPTION USING ERRCODE = 'duplicate_object',
            MESSAGE = pg_catalog.format('article_tools.attach: %s is already attached', qtbl),
            HINT = 'Use article_tools.reprocess(table) to process its rows again, or article_tools.detach(table) first to change the options.';
    END IF;
    IF NOT EXISTS (SELECT FROM @extschema@._pipeline_steps() s WHERE s.step = 'parsed') THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_function',
            MESSAGE = 'article_tools.attach: function article_tools.parse_article(text) is missing',
            HINT = 'Update the extension: ALTER EXTENSION article_tools UPDATE.';
    END IF;
END
$fn$;

-- The raw column: exists, holds text (text, varchar, a domain over them),
-- and is not part of the key.
CREATE OR REPLACE FUNCTION @extschema@._attach_check_raw(tbl pg_catalog.regclass, raw_column pg_catalog.name)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    raw_type pg_catalog.regtype;
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
BEGIN
    SELECT a.atttypid::pg_catalog.regtype INTO raw_type
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = tbl AND a.attname = raw_column
      AND a.attnum > 0 AND NOT a.attisdropped;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_column',
            MESSAGE = pg_catalog.format('article_tools.attach: column "%s" of %s does not exist', raw_column, qtbl);
    END IF;
    IF (SELECT t.typcategory FROM pg_catalog.pg_type t
        WHERE t.oid = COALESCE(
            NULLIF((SELECT d.typbasetype FROM pg_catalog.pg_type d WHERE d.oid = raw_type), 0),
            raw_type)) <> 'S' THEN
        RAISE EXCEPTION USING ERRCODE = 'datatype_mismatch',
            MESSAGE = pg_catalog.format('article_tools.attach: column "%s" of %s has type %s, not text',
                                        raw_column, qtbl, raw_type),
            HINT = 'The raw article must be in a text or varchar column.';
    END IF;
    IF raw_column = ANY (SELECT k.attname FROM @extschema@._key_columns(tbl) k) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.attach: the raw column "%s" is part of the primary key of %s', raw_column, qtbl);
    END IF;
END
$fn$;

-- The primary key, which keys the side tables: present, and no column of
-- it has the name of a side table column.
CREATE OR REPLACE FUNCTION @extschema@._attach_check_key(tbl pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad pg_catalog.text;
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
BEGIN
    IF NOT EXISTS (SELECT FROM @extschema@._key_columns(tbl)) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_table_definition',
            MESSAGE = pg_catalog.format('article_tools.attach: table %s has no primary key', qtbl),
            HINT = pg_catalog.format('The side tables are keyed by the primary key of the table: add one, for example ALTER TABLE %s ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY.', qtbl);
    END IF;
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(k.attname), ', ') INTO bad
    FROM @extschema@._key_columns(tbl) k
    WHERE k.attname = ANY (ARRAY['tsv', 'raw_md5', 'sqlstate', 'message', 'detail', 'failed_at',
                                 'published', 'source', 'mentions']::pg_catalog.name[])
       OR EXISTS (SELECT FROM @extschema@._pipeline_steps() s, @extschema@._type_columns(s.rettype) c
                  WHERE c.attname = k.attname);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'duplicate_column',
            MESSAGE = pg_catalog.format('article_tools.attach: primary key column %s of %s has the name of a side table column', bad, qtbl),
            HINT = 'Rename the key column (ALTER TABLE ... RENAME COLUMN), then attach.';
    END IF;
END
$fn$;

-- The side tables' names, <table>_<suffix> in the table's schema: short
-- enough, and free.
CREATE OR REPLACE FUNCTION @extschema@._attach_check_names(tbl pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel record;
    suffix pg_catalog.text;
BEGIN
    SELECT c.relname, c.relnamespace, n.nspname INTO rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = tbl;
    FOREACH suffix IN ARRAY ARRAY['parsed', 'entities', 'metrics', 'errors', 'metric_facts', 'entity_mentions'] LOOP
        IF pg_catalog.octet_length(rel.relname || '_' || suffix) > 63 THEN
            RAISE EXCEPTION USING ERRCODE = 'name_too_long',
                MESSAGE = pg_catalog.format('article_tools.attach: the name of table %s is too long for its side tables (%s_%s)',
                                            @extschema@._qualified(tbl), rel.relname, suffix),
                HINT = 'Rename the table to at most 47 bytes.';
        END IF;
        IF EXISTS (SELECT FROM pg_catalog.pg_class c
                   WHERE c.relnamespace = rel.relnamespace
                     AND c.relname = rel.relname || '_' || suffix) THEN
            RAISE EXCEPTION USING ERRCODE = 'duplicate_table',
                MESSAGE = pg_catalog.format('article_tools.attach: %I.%I already exists', rel.nspname, rel.relname || '_' || suffix),
                HINT = 'Drop or rename it first (article_tools.detach(table, drop_tables => true) drops the side tables of an earlier attachment).';
        END IF;
    END LOOP;
END
$fn$;

-- "<schema>.<table>_<suffix>", quoted
CREATE OR REPLACE FUNCTION @extschema@._side_name(tbl pg_catalog.regclass, suffix pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.format('%I.%I', n.nspname, c.relname || '_' || suffix)
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = tbl
$$;

-- A new side table of a Citus distributed table: distributed by the same
-- column and co-located with it (each shard of the side table on the node
-- of the matching shard of the table), then the foreign key, which Citus
-- accepts between co-located tables.  Citus does not cascade updates of the
-- distribution column (it cannot be updated), so only ON DELETE CASCADE.
CREATE OR REPLACE FUNCTION @extschema@._distribute_side(side pg_catalog.regclass, tbl pg_catalog.regclass,
                                             distcol pg_catalog.name)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    keys pg_catalog.text := (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(k.attname), ', ')
                             FROM @extschema@._key_columns(tbl) k);
BEGIN
    -- dynamic: the function exists only where Citus is installed
    EXECUTE 'SELECT pg_catalog.create_distributed_table($1, $2, colocate_with => $3)'
        USING side, distcol::pg_catalog.text, tbl::pg_catalog.text;
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE',
        @extschema@._qualified(side), keys, @extschema@._qualified(tbl), keys);
END
$fn$;

-- The side table of one step: the key, the columns of the step's result
-- type, a foreign key to the table; for 'parsed' also the tsvector of the
-- body (with its GIN index) and, on a distributed table, the md5 of the raw
-- text that the batch path compares.
CREATE OR REPLACE FUNCTION @extschema@._create_side_table(tbl pg_catalog.regclass, step pg_catalog.text,
    func pg_catalog.regprocedure, rettype pg_catalog.regtype, distcol pg_catalog.name)
RETURNS pg_catalog.regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
    side pg_catalog.text := @extschema@._side_name(tbl, step);
    keydefs pg_catalog.text;
    keys pg_catalog.text;
    coldefs pg_catalog.text;
    extra pg_catalog.text := '';
    fk pg_catalog.text;
    with_tsv boolean;
    numbered boolean := EXISTS (SELECT FROM @extschema@._type_columns(rettype) c WHERE c.attname = 'n');
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.format('%I %s%s NOT NULL', k.attname, k.typ, k.coll), ', '),
           pg_catalog.string_agg(pg_catalog.quote_ident(k.attname), ', ')
      INTO keydefs, keys
    FROM @extschema@._key_columns(tbl) k;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', c.attname, c.typ), ', ') INTO coldefs
    FROM @extschema@._type_columns(rettype) c;
    IF coldefs IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'datatype_mismatch',
            MESSAGE = pg_catalog.format('article_tools.attach: %s does not return a composite type', func),
            HINT = 'Update the extension: ALTER EXTENSION article_tools UPDATE.';
    END IF;
    -- on a distributed table the foreign key comes after distribution
    fk := CASE WHEN distcol IS NULL
               THEN pg_catalog.format(', FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE ON UPDATE CASCADE',
                                      keys, qtbl, keys)
               ELSE '' END;
    IF step = 'parsed' THEN
        with_tsv := EXISTS (SELECT FROM @extschema@._type_columns(rettype) c WHERE c.attname = 'body')
                    AND EXISTS (SELECT FROM pg_catalog.pg_ts_config c
                                WHERE c.cfgnamespace = '@extschema@'::pg_catalog.regnamespace
                                  AND c.cfgname = 'news');
        IF with_tsv THEN
            extra := ', tsv pg_catalog.tsvector';
        END IF;
        IF distcol IS NOT NULL THEN
            extra := extra || ', raw_md5 pg_catalog.text';
        END IF;
        EXECUTE pg_catalog.format('CREATE TABLE %s (%s, %s%s, PRIMARY KEY (%s)%s)',
            side, keydefs, coldefs, extra, keys, fk);
    ELSE
        -- one row per extracted item: (key, n) when the type numbers them
        EXECUTE pg_catalog.format('CREATE TABLE %s (%s, %s%s%s)',
            side, keydefs, coldefs, fk,
            CASE WHEN numbered THEN pg_catalog.format(', PRIMARY KEY (%s, n)', keys) ELSE '' END);
    END IF;
    IF distcol IS NOT NULL THEN
        PERFORM @extschema@._distribute_side(side::pg_catalog.regclass, tbl, distcol);
    END IF;
    IF with_tsv THEN
        EXECUTE pg_catalog.format('CREATE INDEX ON %s USING gin (tsv)', side);
    ELSIF step <> 'parsed' AND NOT numbered THEN
        EXECUTE pg_catalog.format('CREATE INDEX ON %s (%s)', side, keys);
    END IF;
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', side,
        pg_catalog.format('%s of %s, one row per %s, kept by the article_tools pipeline',
                          func, qtbl, CASE WHEN step = 'parsed' THEN 'article' ELSE 'item' END));
    IF distcol IS NOT NULL AND step = 'parsed' THEN
        EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.raw_md5 IS %L', side,
            'md5 of the raw text this row was made from; article_tools.refresh processes the article again when it differs');
    END IF;
    RETURN side::pg_catalog.regclass;
END
$fn$;

-- The table of rows that could not be processed (on_error = skip).
CREATE OR REPLACE FUNCTION @extschema@._create_errors_table(tbl pg_catalog.regclass, distcol pg_catalog.name)
RETURNS pg_catalog.regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
    side pg_catalog.text := @extschema@._side_name(tbl, 'errors');
    keydefs pg_catalog.text;
    keys pg_catalog.text;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.format('%I %s%s NOT NULL', k.attname, k.typ, k.coll), ', '),
           pg_catalog.string_agg(pg_catalog.quote_ident(k.attname), ', ')
      INTO keydefs, keys
    FROM @extschema@._key_columns(tbl) k;
    EXECUTE pg_catalog.format(
        'CREATE TABLE %s (%s, sqlstate pg_catalog.text NOT NULL, message pg_catalog.text NOT NULL, '
        'detail pg_catalog.text, failed_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(), '
        'PRIMARY KEY (%s)%s)',
        side, keydefs, keys,
        CASE WHEN distcol IS NULL
             THEN pg_catalog.format(', FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE ON UPDATE CASCADE',
                                    keys, qtbl, keys)
             ELSE '' END);
    IF distcol IS NOT NULL THEN
        PERFORM @extschema@._distribute_side(side::pg_catalog.regclass, tbl, distcol);
    END IF;
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', side,
        pg_catalog.format('rows of %s that article_tools could not process (on_error = skip)', qtbl));
    RETURN side::pg_catalog.regclass;
END
$fn$;

-- The views for BI tools: every figure, and every entity per article, with
-- the article's date and source.
CREATE OR REPLACE FUNCTION @extschema@._create_views(tbl pg_catalog.regclass, parsed pg_catalog.regclass,
    entities pg_catalog.regclass, metrics pg_catalog.regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    qtbl pg_catalog.text := @extschema@._qualified(tbl);
    view pg_catalog.text;
    mcols pg_catalog.text;
    group_col pg_catalog.text;
    ecols pg_catalog.text := (SELECT pg_catalog.string_agg('e.' || pg_catalog.quote_ident(k.attname), ', ')
                              FROM @extschema@._key_columns(tbl) k);
    join_pe pg_catalog.text := (SELECT pg_catalog.string_agg(pg_catalog.format('e.%I %s p.%I', k.attname, k.eq, k.attname), ' AND ')
                                FROM @extschema@._key_columns(tbl) k);
BEGIN
    IF metrics IS NOT NULL THEN
        view := @extschema@._side_name(tbl, 'metric_facts');
        SELECT pg_catalog.string_agg('m.' || pg_catalog.quote_ident(c.attname), ', ') INTO mcols
        FROM @extschema@._pipeline_steps() s, @extschema@._type_columns(s.rettype) c
        WHERE s.step = 'metrics';
        EXECUTE pg_catalog.format(
            'CREATE VIEW %s AS SELECT %s, p.published, p.source, %s FROM %s m JOIN %s p ON %s',
            view, (SELECT pg_catalog.string_agg('m.' || pg_catalog.quote_ident(k.attname), ', ')
                   FROM @extschema@._key_columns(tbl) k),
            mcols, metrics, parsed,
            (SELECT pg_catalog.string_agg(pg_catalog.format('m.%I %s p.%I', k.attname, k.eq, k.attname), ' AND ')
             FROM @extschema@._key_columns(tbl) k));
        EXECUTE pg_catalog.format('COMMENT ON VIEW %s IS %L', view,
            pg_catalog.format('every figure of the articles of %s with the article''s date and source', qtbl));
    END IF;
    IF entities IS NOT NULL THEN
        -- one row per entity and article, named by its canonical form when
        -- the type has one
        view := @extschema@._side_name(tbl, 'entity_mentions');
        group_col := CASE WHEN EXISTS (SELECT FROM @extschema@._pipeline_steps() s, @extschema@._type_columns(s.rettype) c
                                       WHERE s.step = 'entities' AND c.attname = 'canonical')
                          THEN 'COALESCE(e.canonical, e.text)' ELSE 'e.text' END;
        EXECUTE pg_catalog.format(
            'CREATE VIEW %s AS SELECT %s, p.published, p.source, e.kind, %s AS entity, '
            'pg_catalog.count(*) AS mentions, pg_catalog.min(e.position) AS first_position '
            'FROM %s e JOIN %s p ON %s GROUP BY %s, p.published, p.source, e.kind, %s',
            view, ecols, group_col, entities, parsed, join_pe, ecols, group_col);
        EXECUTE pg_catalog.format('COMMENT ON VIEW %s IS %L', view,
            pg_catalog.format('people, organizations and places named in each article of %s, with their mention count', qtbl));
    END IF;
END
$fn$;

CREATE OR REPLACE FUNCTION @extschema@.attach(tbl pg_catalog.regclass, raw_column pg_catalog.name,
                                   options pg_catalog.jsonb DEFAULT '{}')
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    opt record;
    distcol pg_catalog.name;
    st record;
    tables pg_catalog.regclass[] := ARRAY[NULL, NULL, NULL, NULL]::pg_catalog.regclass[];
BEGIN
    -- not STRICT: a NULL from to_regclass('misspelt') must not attach
    -- nothing in silence
    IF tbl IS NULL OR raw_column IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
            MESSAGE = 'article_tools.attach: the table and the raw column must not be NULL',
            HINT = 'Name an existing table, for example article_tools.attach(''public.articles'', ''raw''); to_regclass() gives NULL for a table that does not exist.';
    END IF;
    opt := @extschema@._attach_options(options);
    PERFORM @extschema@._attach_check_table(tbl);
    PERFORM @extschema@._attach_check_raw(tbl, raw_column);
    PERFORM @extschema@._attach_check_key(tbl);
    PERFORM @extschema@._attach_check_names(tbl);
    distcol := @extschema@._distribution_column(tbl);
    IF distcol IS NOT NULL AND opt.on_error = 'skip' THEN
        RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
            MESSAGE = pg_catalog.format('article_tools.attach: on_error "skip" is not supported on the distributed table %s',
                                        @extschema@._qualified(tbl)),
            HINT = 'A distributed table is processed in set-based batches (article_tools.refresh), where one bad article fails the batch; attach it without options.';
    END IF;

    FOR st IN SELECT * FROM @extschema@._pipeline_steps() LOOP
        tables[CASE st.step WHEN 'parsed' THEN 1 WHEN 'entities' THEN 2 ELSE 3 END] :=
            @extschema@._create_side_table(tbl, st.step, st.func, st.rettype, distcol);
    END LOOP;
    tables[4] := @extschema@._create_errors_table(tbl, distcol);
    PERFORM @extschema@._create_views(tbl, tables[1], tables[2], tables[3]);

    INSERT INTO @extschema@.attachments
        (relid, raw_column, key_columns, parsed, entities, metrics, errors, on_error, options)
    VALUES (tbl, raw_column,
            (SELECT pg_catalog.array_agg(k.attname) FROM @extschema@._key_columns(tbl) k),
            tables[1], tables[2], tables[3], tables[4], opt.on_error, options);

    -- Citus runs row triggers on the shards, where this attachment and the
    -- side tables' names are unknown: a distributed table takes the batch
    -- path instead (docs/scaling.md).
    IF distcol IS NOT NULL THEN
        IF NOT opt.process_existing THEN
            RETURN 0;
        END IF;
        RETURN @extschema@.refresh(tbl);
    END IF;

    -- The trigger.  A partitioned table also gets DELETE: a row moving to
    -- another partition arrives as DELETE + INSERT, and its old side rows
    -- must go before the new ones come.
    EXECUTE pg_catalog.format(
        'CREATE TRIGGER article_tools_process AFTER INSERT OR UPDATE OF %I%s ON %s '
        'FOR EACH ROW EXECUTE FUNCTION @extschema@.process_article()',
        raw_column,
        CASE WHEN (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = tbl) = 'p'
             THEN ' OR DELETE' ELSE '' END,
        @extschema@._qualified(tbl));

    IF NOT opt.process_existing THEN
        RETURN 0;
    END IF;
    RETURN @extschema@._process_existing(tbl, opt.batch_size);
END
$fn$;

COMMENT ON FUNCTION @extschema@.attach(pg_catalog.regclass, pg_catalog.name, pg_catalog.jsonb) IS
'attach a table of raw articles to the processing pipeline: creates its side tables and views, installs the trigger (on a Citus distributed table: co-located side tables, kept by article_tools.refresh), processes existing rows (returns their number)';

-- The attachment of a table, for reprocess, refresh, backfill and detach,
-- which the caller (fn) must own.
CREATE OR REPLACE FUNCTION @extschema@._attachment_of(tbl pg_catalog.regclass, fn pg_catalog.text)
RETURNS @extschema@.attachments
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
            MESSAGE = pg_catalog.format('article_tools.%s: the table must not be NULL', fn),
            HINT = 'Name an attached table; article_tools.attachments lists them.';
    END IF;
    SELECT * INTO att FROM @extschema@.attachments a WHERE a.relid = tbl;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('article_tools.%s: table %s is not attached', fn, @extschema@._qualified(tbl)),
            HINT = 'Attach it with article_tools.attach(table, raw_column).';
    END IF;
    IF NOT @extschema@._owns_table(tbl) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('article_tools.%s: must be owner of table %s', fn, @extschema@._qualified(tbl));
    END IF;
    RETURN att;
END
$fn$;

CREATE OR REPLACE FUNCTION @extschema@.refresh(tbl pg_catalog.regclass, check_updates boolean DEFAULT true)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    sql pg_catalog.text;
    n bigint := 0;
BEGIN
    PERFORM @extschema@._attachment_of(tbl, 'refresh');
    IF @extschema@._distribution_column(tbl) IS NULL THEN
        -- the trigger keeps a plain table up to date; rows left from
        -- attach(..., '{"process_existing": false}') are processed here
        RETURN (@extschema@._process_pending(tbl, 0, 1, 2147483647, '(0,0)')).processed;
    END IF;
    FOR sql IN SELECT * FROM @extschema@._batch_statements(tbl, COALESCE(check_updates, true)) LOOP
        EXECUTE sql;
        GET DIAGNOSTICS n = ROW_COUNT;
    END LOOP;
    RETURN n;                   -- the last statement inserts the parsed rows
END
$fn$;

COMMENT ON FUNCTION @extschema@.refresh(pg_catalog.regclass, boolean) IS
'process the rows of an attached table that have no side rows yet and, on a Citus distributed table, those whose text changed (check_updates => false: only new rows, without reading every text); returns the number of articles processed';

-- Backfill of a plain attached table in slices that several sessions run at
-- once (one CALL per session, part 0 .. parts-1), committing after each
-- batch: a restart goes on where it stopped.  Each batch reads on from the
-- row position where the last one ended (so the whole backfill reads the
-- table about twice, not once per batch); a last pass from the start takes
-- rows a concurrent UPDATE moved back.
CREATE OR REPLACE PROCEDURE @extschema@.backfill(tbl pg_catalog.regclass, part integer DEFAULT 0,
                                      parts integer DEFAULT 1, batch_size integer DEFAULT 1000)
LANGUAGE plpgsql
AS $fn$
-- no SET clause (it would forbid the COMMIT): every name is qualified
DECLARE
    total bigint;
    done bigint := 0;
    r record;
    after pg_catalog.tid := '(0,0)';
    started pg_catalog.timestamptz := pg_catalog.clock_timestamp();
    secs pg_catalog.float8;
BEGIN
    PERFORM @extschema@._attachment_of(tbl, 'backfill');
    IF parts IS NULL OR part IS NULL OR batch_size IS NULL
       OR parts OPERATOR(pg_catalog.<) 1 OR part OPERATOR(pg_catalog.<) 0
       OR part OPERATOR(pg_catalog.>=) parts OR batch_size OPERATOR(pg_catalog.<) 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.backfill: part must be from 0 to parts - 1 and batch_size at least 1 (part %s, parts %s, batch_size %s)',
                                        part, parts, batch_size),
            HINT = 'Run CALL article_tools.backfill(table, 0, 2) in one session and CALL article_tools.backfill(table, 1, 2) in another.';
    END IF;
    IF @extschema@._distribution_column(tbl) IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'feature_not_supported',
            MESSAGE = pg_catalog.format('article_tools.backfill: %s is a distributed table', @extschema@._qualified(tbl)),
            HINT = 'Use SELECT article_tools.refresh(table): Citus runs it on all shards in parallel.';
    END IF;
    total := @extschema@._count_pending(tbl, part, parts);
    LOOP
        r := @extschema@._process_pending(tbl, part, parts, batch_size, after);
        IF r.processed OPERATOR(pg_catalog.=) 0 THEN
            EXIT WHEN after OPERATOR(pg_catalog.=) '(0,0)'::pg_catalog.tid;
            after := '(0,0)';
            CONTINUE;
        END IF;
        after := r.last;
        done := done OPERATOR(pg_catalog.+) r.processed;
        COMMIT;
        secs := pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) started);
        RAISE NOTICE USING
            MESSAGE = pg_catalog.format('article_tools.backfill: %s of %s rows of %s (part %s of %s)',
                                        done, total, @extschema@._qualified(tbl), part, parts),
            DETAIL = pg_catalog.format('%s rows/s; about %s s left',
                pg_catalog.round((done::pg_catalog.float8 OPERATOR(pg_catalog./) GREATEST(secs, 0.001))::pg_catalog.numeric),
                pg_catalog.round((GREATEST(total OPERATOR(pg_catalog.-) done, 0)::pg_catalog.float8
                                  OPERATOR(pg_catalog.*) secs OPERATOR(pg_catalog./) done)::pg_catalog.numeric));
    END LOOP;
END
$fn$;

COMMENT ON PROCEDURE @extschema@.backfill(pg_catalog.regclass, integer, integer, integer) IS
'process the rows of an attached table that have no side rows yet, in slice part of parts (run one CALL per session to use several cores), committing after each batch of batch_size rows';

CREATE OR REPLACE FUNCTION @extschema@.reprocess(tbl pg_catalog.regclass)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments := @extschema@._attachment_of(tbl, 'reprocess');
BEGIN
    EXECUTE pg_catalog.format('TRUNCATE %s',
        (SELECT pg_catalog.string_agg(@extschema@._qualified(s), ', ')
         FROM pg_catalog.unnest(ARRAY[att.parsed, att.entities, att.metrics, att.errors]) s
         WHERE s IS NOT NULL));
    IF @extschema@._distribution_column(tbl) IS NOT NULL THEN
        RETURN @extschema@.refresh(tbl);
    END IF;
    RETURN @extschema@._process_existing(tbl,
        COALESCE((att.options ->> 'batch_size')::pg_catalog.numeric::integer, 10000));
END
$fn$;

COMMENT ON FUNCTION @extschema@.reprocess(pg_catalog.regclass) IS
'process every row of an attached table again (after an extension update, or to retry rows recorded in <table>_errors); returns the number of rows';

CREATE OR REPLACE FUNCTION @extschema@.detach(tbl pg_catalog.regclass, drop_tables boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments := @extschema@._attachment_of(tbl, 'detach');
BEGIN
    IF @extschema@._distribution_column(tbl) IS NULL THEN
        EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS article_tools_process ON %s', @extschema@._qualified(tbl));
    END IF;
    DELETE FROM @extschema@.attachments a WHERE a.relid = tbl;
    IF drop_tables THEN
        EXECUTE pg_catalog.format('DROP VIEW IF EXISTS %s, %s',
            @extschema@._side_name(tbl, 'metric_facts'), @extschema@._side_name(tbl, 'entity_mentions'));
        EXECUTE pg_catalog.format('DROP TABLE %s',
            (SELECT pg_catalog.string_agg(@extschema@._qualified(s), ', ')
             FROM pg_catalog.unnest(ARRAY[att.parsed, att.entities, att.metrics, att.errors]) s
             WHERE s IS NOT NULL));
    END IF;
END
$fn$;

COMMENT ON FUNCTION @extschema@.detach(pg_catalog.regclass, boolean) IS
'stop processing a table: removes the trigger and the attachment; with drop_tables also drops the side tables and views';
-- ==== pipeline: end ====

-- metrics (issue 16): fractions are a kind of their own
ALTER TYPE @extschema@.metric_kind ADD VALUE 'fraction';

COMMENT ON TYPE @extschema@.metric_kind IS
'kind of a figure found by extract_metrics(); a fraction (half, two-thirds) has its value as a share, 0.5, 0.666..., never summed with counts';

-- metrics (issue 16): what each figure is per, measures, whose it is and when
ALTER TYPE @extschema@.metric ADD ATTRIBUTE per text;
ALTER TYPE @extschema@.metric ADD ATTRIBUTE measure text;
ALTER TYPE @extschema@.metric ADD ATTRIBUTE holder text;
ALTER TYPE @extschema@.metric ADD ATTRIBUTE period_start date;
ALTER TYPE @extschema@.metric ADD ATTRIBUTE period_end date;

COMMENT ON TYPE @extschema@.metric IS
'a figure of an article: kind, surface text, exact value (fully scaled), range, unit or counted noun, ISO currency, qualifier, change, date, the row it restates (equivalent_of = n), sentence number, 1-based character position, and what it is per, measures, whose it is and when';

COMMENT ON COLUMN @extschema@.metric.per IS
'what a price or rate is per, as written: ton for "$183 per ton", year for "two new unicorns a year"; NULL for a total';
COMMENT ON COLUMN @extschema@.metric.measure IS
'the measured property, as written in the sentence: revenue, retail sales, unicorns, research and development fees; NULL when the sentence does not say';
COMMENT ON COLUMN @extschema@.metric.holder IS
'whose figure it is, as written in the sentence: Huawei, the city, high-tech firms in the park; NULL when the sentence does not say';
COMMENT ON COLUMN @extschema@.metric.period_start IS
'first day of the time the figure refers to (in 2021: 2021-01-01); NULL when open (by 2025) or unknown; relative periods need extract_metrics(text, reference_date)';
COMMENT ON COLUMN @extschema@.metric.period_end IS
'last day of the time the figure refers to (in 2021: 2021-12-31); NULL when open (since January) or unknown';

CREATE FUNCTION @extschema@.extract_metrics(text, reference_date date)
RETURNS SETOF @extschema@.metric
AS 'MODULE_PATHNAME', 'at_extract_metrics_ref_sql'
LANGUAGE C CALLED ON NULL INPUT IMMUTABLE PARALLEL SAFE COST 50 ROWS 15;

COMMENT ON FUNCTION @extschema@.extract_metrics(text, date) IS
'extract_metrics(text) with relative periods (this year, last month, in the first quarter) and dates (last Friday, May 3) resolved against reference_date, the article''s published date; a NULL reference_date leaves them unresolved, a NULL text gives no rows';

-- ---------------------------------------------------------------------
-- text search (src/sql/50_tsearch.sql): ts_token_count was a benchmark
-- helper, not a user function; the benchmark now builds its own
-- (test/bench/token_count.c).
-- ---------------------------------------------------------------------
DROP FUNCTION @extschema@.ts_token_count(text, text);

-- ---------------------------------------------------------------------
-- text search (src/sql/50_tsearch.sql): the stem_cache template and the
-- news_stem dictionary (english_stem with a per-backend cache of frequent
-- words, the same lexemes), which the news configuration now maps words to.
-- ---------------------------------------------------------------------
CREATE FUNCTION @extschema@.stem_cache_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_stem_cache_init'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.stem_cache_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_stem_cache_lexize'
LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE @extschema@.stem_cache (
    INIT = @extschema@.stem_cache_init,
    LEXIZE = @extschema@.stem_cache_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE @extschema@.stem_cache IS
'the answers of another single-word dictionary (option Dictionary), cached per backend for frequent words; the same lexemes, faster';

CREATE TEXT SEARCH DICTIONARY @extschema@.news_stem (
    TEMPLATE = @extschema@.stem_cache,
    Dictionary = 'pg_catalog.english_stem'
);

COMMENT ON TEXT SEARCH DICTIONARY @extschema@.news_stem IS
'pg_catalog.english_stem with a bounded per-backend cache of frequent words (16384 words, 1 MB): the same lexemes';

ALTER TEXT SEARCH CONFIGURATION @extschema@.news
    ALTER MAPPING FOR asciiword, word, asciihword, hword, hword_asciipart, hword_part
    WITH @extschema@.news_stem, @extschema@.news_compound;

-- The parts of compounds are words too: they go through news_stem's cache.
-- (Both options, in this order, as the fresh CREATE lists them.)
ALTER TEXT SEARCH DICTIONARY @extschema@.news_compound (
    NumberDictionary = 'pg_catalog.simple',
    WordDictionary = '@extschema@.news_stem'
);

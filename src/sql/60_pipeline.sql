-- Processing pipeline: attach(), detach(), reprocess() and the row trigger
-- process_article() that fills side tables next to a user's table of raw
-- articles.
--
-- The side tables' columns come from the result types of the processing
-- functions (parse_article, extract_entities, extract_metrics), so a
-- column added to a type appears in tables attached afterwards.  The
-- statements the trigger runs are generated here, from the catalogs, each
-- time a backend first needs them (see src/pg/trigger.c), so renaming a
-- table or a side table keeps working.
--
-- Every function here runs with search_path = pg_catalog, pg_temp, so its
-- operators and functions resolve in pg_catalog only; the statements it
-- generates for the trigger, which runs under the caller's search_path,
-- spell every function, type, configuration and operator with its schema.

-- Owners of attached tables who are not superusers use the schema too.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- One row per attached table.  Dumped by pg_dump with the extension.
CREATE TABLE @extschema@.attachments (
    relid pg_catalog.regclass PRIMARY KEY,
    raw_column pg_catalog.name NOT NULL,
    key_columns pg_catalog.name[] NOT NULL,
    parsed pg_catalog.regclass NOT NULL,
    entities pg_catalog.regclass,
    metrics pg_catalog.regclass,
    errors pg_catalog.regclass NOT NULL,
    on_error pg_catalog.text NOT NULL DEFAULT 'error'
        CHECK (on_error = ANY (ARRAY['error', 'skip'])),
    options pg_catalog.jsonb NOT NULL DEFAULT '{}',
    attached_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now()
);

COMMENT ON TABLE @extschema@.attachments IS
'tables attached to the article_tools processing pipeline (managed by article_tools.attach and article_tools.detach)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.attachments', '');

-- Anyone may read the attachments; a row may only be written by a member of
-- the role owning the attached table (attach/detach are SECURITY INVOKER).
CREATE FUNCTION @extschema@._owns_table(pg_catalog.regclass)
RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.pg_has_role(c.relowner, 'USAGE')
    FROM pg_catalog.pg_class c WHERE c.oid = $1
$$;

ALTER TABLE @extschema@.attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY attachments_read ON @extschema@.attachments FOR SELECT USING (true);
CREATE POLICY attachments_insert ON @extschema@.attachments FOR INSERT
    WITH CHECK (@extschema@._owns_table(relid));
CREATE POLICY attachments_update ON @extschema@.attachments FOR UPDATE
    USING (@extschema@._owns_table(relid)) WITH CHECK (@extschema@._owns_table(relid));
CREATE POLICY attachments_delete ON @extschema@.attachments FOR DELETE
    USING (@extschema@._owns_table(relid));
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.attachments TO PUBLIC;

-- The processing steps, as data: side table suffix, function, and the
-- argument it reads ('raw' for the raw column, 'body' for the parsed body).
-- A step whose function is not installed is left out.
CREATE FUNCTION @extschema@._pipeline_steps(
    OUT step pg_catalog.text, OUT func pg_catalog.regprocedure, OUT rettype pg_catalog.regtype,
    OUT arg pg_catalog.text)
RETURNS SETOF record
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.step, p.oid::pg_catalog.regprocedure, p.prorettype::pg_catalog.regtype, s.arg
    FROM (VALUES (1, 'parsed', 'parse_article', 'raw'),
                 (2, 'entities', 'extract_entities', 'body'),
                 (3, 'metrics', 'extract_metrics', 'body')) AS s(ord, step, fname, arg)
    JOIN pg_catalog.pg_proc p
      ON p.pronamespace = '@extschema@'::pg_catalog.regnamespace
     AND p.proname = s.fname
     AND p.proargtypes = '25'::pg_catalog.oidvector
    ORDER BY s.ord
$$;

-- Attributes of a composite type, in order.
CREATE FUNCTION @extschema@._type_columns(pg_catalog.regtype,
    OUT attname pg_catalog.name, OUT typ pg_catalog.text)
RETURNS SETOF record
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid
    WHERE t.oid = $1 AND a.attnum > 0
      AND NOT a.attisdropped
    ORDER BY a.attnum
$$;

-- Primary key of a table: column names, their types, and for each the
-- equality operator of its index operator class, written OPERATOR(s.=) so
-- that no search_path is consulted.
CREATE FUNCTION @extschema@._key_columns(pg_catalog.regclass,
    OUT attname pg_catalog.name, OUT typ pg_catalog.text, OUT typoid pg_catalog.oid,
    OUT coll pg_catalog.text, OUT eq pg_catalog.text)
RETURNS SETOF record
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT a.attname,
           pg_catalog.format_type(a.atttypid, a.atttypmod),
           a.atttypid,
           CASE WHEN a.attcollation <> 0
                 AND a.attcollation <> t.typcollation
                THEN pg_catalog.format(' COLLATE %I.%I', cn.nspname, co.collname) ELSE '' END,
           pg_catalog.format('OPERATOR(%I.%s)', opn.nspname, op.oprname)
    FROM pg_catalog.pg_index i
    CROSS JOIN LATERAL pg_catalog.generate_subscripts(i.indkey, 1) AS k(pos)
    JOIN pg_catalog.pg_attribute a
      ON a.attrelid = i.indrelid
     AND a.attnum = i.indkey[k.pos]
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[k.pos]
    JOIN pg_catalog.pg_amop am
      ON am.amopfamily = oc.opcfamily
     AND am.amoplefttype = oc.opcintype
     AND am.amoprighttype = oc.opcintype
     AND am.amopstrategy = 3
    JOIN pg_catalog.pg_operator op ON op.oid = am.amopopr
    JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
    LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
    LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
    WHERE i.indrelid = $1 AND i.indisprimary
    ORDER BY k.pos
$$;

-- "schema"."name" of a relation, whatever the search_path
CREATE FUNCTION @extschema@._qualified(pg_catalog.regclass)
RETURNS pg_catalog.text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.format('%I.%I', n.nspname, c.relname)
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = $1
$$;

-- The statements the trigger (and reprocess) run for an attached table, with
-- parameters $1..$k = the key columns, then:
--   insert_sql: $k+1 = raw text; inserts the side rows of one article
--   delete_sql: deletes the side rows (and the error row) of one key
--   error_sql:  $k+1 sqlstate, $k+2 message, $k+3 detail; records a failure
--   scan_sql:   no parameters; the keys and raw text of every row
CREATE FUNCTION @extschema@._pipeline_statements(tbl pg_catalog.regclass,
    OUT insert_sql pg_catalog.text, OUT delete_sql pg_catalog.text,
    OUT error_sql pg_catalog.text, OUT scan_sql pg_catalog.text,
    OUT key_columns pg_catalog.name[], OUT key_types pg_catalog.oid[],
    OUT raw_column pg_catalog.name, OUT on_error pg_catalog.text,
    OUT owner pg_catalog.oid, OUT errors_table pg_catalog.text,
    OUT side_tables pg_catalog.oid[])
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
    cols pg_catalog.text;
    vals pg_catalog.text;
    src pg_catalog.text;
    has_tsv boolean;
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
                                 ' AND ' ORDER BY k.ord)
      INTO key_columns, key_types, keys, params, match
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
        -- the type's columns that the side table has (a table attached under
        -- an older type version keeps working)
        SELECT pg_catalog.string_agg(pg_catalog.quote_ident(t.attname), ', '),
               pg_catalog.string_agg('x.' || pg_catalog.quote_ident(t.attname), ', ')
          INTO cols, vals
        FROM @extschema@._type_columns(st.rettype) t
        WHERE EXISTS (SELECT FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = side
                        AND a.attname = t.attname AND NOT a.attisdropped);
        IF st.step = 'parsed' THEN
            ctes := ctes || pg_catalog.format(
                'a AS MATERIALIZED (SELECT * FROM %s($%s::pg_catalog.text))',
                st.func::pg_catalog.oid::pg_catalog.regproc, nkeys + 1);
            src := 'a AS x';
            has_tsv := EXISTS (SELECT FROM pg_catalog.pg_attribute a
                               WHERE a.attrelid = side
                                 AND a.attname = 'tsv' AND NOT a.attisdropped)
                       AND EXISTS (SELECT FROM pg_catalog.pg_ts_config c
                                   WHERE c.cfgnamespace = '@extschema@'::pg_catalog.regnamespace
                                     AND c.cfgname = 'news');
            IF has_tsv THEN
                cols := cols || ', tsv';
                vals := vals ||
                    ', pg_catalog.to_tsvector(''@extschema@.news''::pg_catalog.regconfig, x.body)';
            END IF;
        ELSE
            src := pg_catalog.format('a, %s(a.body) AS x', st.func::pg_catalog.oid::pg_catalog.regproc);
        END IF;
        ctes := ctes || pg_catalog.format(
            'i_%s AS (INSERT INTO %s (%s, %s) SELECT %s, %s FROM %s)',
            st.step, @extschema@._qualified(side), keys, cols, params, vals, src);
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
        (SELECT pg_catalog.string_agg('t.' || pg_catalog.quote_ident(k), ', ' ORDER BY o)
         FROM pg_catalog.unnest(att.key_columns) WITH ORDINALITY AS u(k, o)),
        att.raw_column,
        CASE WHEN (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = tbl)
                  = 'p' THEN '' ELSE 'ONLY' END,
        @extschema@._qualified(tbl));
    raw_column := att.raw_column;
    on_error := att.on_error;
    errors_table := @extschema@._qualified(att.errors);
    side_tables := ARRAY[att.parsed, att.entities, att.metrics, att.errors]::pg_catalog.oid[];
    SELECT c.relowner INTO owner FROM pg_catalog.pg_class c WHERE c.oid = tbl;
END
$fn$;

-- The trigger.  Runs the statements above as the owner of the table (like
-- the foreign key triggers), so users allowed to write the table need no
-- privileges on the side tables.
CREATE FUNCTION @extschema@.process_article()
RETURNS trigger
AS 'MODULE_PATHNAME', 'at_process_article'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.process_article() IS
'row trigger installed by article_tools.attach: fills the side tables of an attached table';

-- Processes every row of an attached table into its (empty) side tables;
-- NOTICE after each batch when there is more than one.
CREATE FUNCTION @extschema@._process_existing(tbl pg_catalog.regclass, batch_size integer)
RETURNS bigint
AS 'MODULE_PATHNAME', 'at_process_existing'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.attach(tbl pg_catalog.regclass, raw_column pg_catalog.name,
                                   options pg_catalog.jsonb DEFAULT '{}')
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    rel record;
    raw_type pg_catalog.regtype;
    mode pg_catalog.text;
    batch integer;
    bad pg_catalog.text;
    keydefs pg_catalog.text;
    keys pg_catalog.text;
    nkeys integer;
    join_pm pg_catalog.text;
    join_pe pg_catalog.text;
    base pg_catalog.text;
    qtbl pg_catalog.text;
    st record;
    coldefs pg_catalog.text;
    tables pg_catalog.regclass[] := ARRAY[NULL, NULL, NULL, NULL]::pg_catalog.regclass[];
    side_name pg_catalog.text;
    has_body boolean;
    mcols pg_catalog.text;
    group_col pg_catalog.text;
    news_config boolean;
BEGIN
    -- options
    IF options IS NULL OR pg_catalog.jsonb_typeof(options) <> 'object' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'article_tools.attach: options must be a JSON object',
            HINT = 'For example ''{"on_error": "skip"}''.';
    END IF;
    SELECT pg_catalog.string_agg(k, ', ') INTO bad
    FROM pg_catalog.jsonb_object_keys(options) k
    WHERE k <> ALL (ARRAY['on_error', 'batch_size']);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.attach: unknown option %s', bad),
            HINT = 'The options are "on_error" ("error" or "skip") and "batch_size" (rows per batch when processing existing rows).';
    END IF;
    mode := COALESCE(options ->> 'on_error', 'error');
    IF mode <> ALL (ARRAY['error', 'skip']) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.attach: on_error must be "error" or "skip", not "%s"', mode);
    END IF;
    IF options ? 'batch_size' THEN
        IF pg_catalog.jsonb_typeof(options -> 'batch_size') <> 'number'
           OR (options ->> 'batch_size')::pg_catalog.numeric < 1
           OR (options ->> 'batch_size')::pg_catalog.numeric > 100000000 THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = 'article_tools.attach: batch_size must be a number from 1 to 100000000';
        END IF;
        batch := (options ->> 'batch_size')::pg_catalog.numeric::integer;
    ELSE
        batch := 10000;
    END IF;

    -- the table
    SELECT c.relkind, c.relname, n.nspname, c.relispartition INTO rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = tbl;
    qtbl := @extschema@._qualified(tbl);
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

    -- the raw column: any string type (text, varchar, a domain over them)
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

    -- the primary key
    SELECT pg_catalog.string_agg(pg_catalog.format('%I %s%s NOT NULL', k.attname, k.typ, k.coll), ', '),
           pg_catalog.string_agg(pg_catalog.quote_ident(k.attname), ', '),
           pg_catalog.count(*),
           pg_catalog.string_agg(pg_catalog.format('m.%I %s p.%I', k.attname, k.eq, k.attname), ' AND '),
           pg_catalog.string_agg(pg_catalog.format('e.%I %s p.%I', k.attname, k.eq, k.attname), ' AND ')
      INTO keydefs, keys, nkeys, join_pm, join_pe
    FROM @extschema@._key_columns(tbl) k;
    IF nkeys = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_table_definition',
            MESSAGE = pg_catalog.format('article_tools.attach: table %s has no primary key', qtbl),
            HINT = pg_catalog.format('The side tables are keyed by the primary key of the table: add one, for example ALTER TABLE %s ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY.', qtbl);
    END IF;
    IF raw_column = ANY (SELECT k.attname FROM @extschema@._key_columns(tbl) k) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('article_tools.attach: the raw column "%s" is part of the primary key of %s', raw_column, qtbl);
    END IF;
    -- key columns must not collide with the columns of the side tables
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.quote_ident(k.attname), ', ') INTO bad
    FROM @extschema@._key_columns(tbl) k
    WHERE k.attname = ANY (ARRAY['tsv', 'sqlstate', 'message', 'detail', 'failed_at',
                                                      'published', 'source', 'mentions']::pg_catalog.name[])
       OR EXISTS (SELECT FROM @extschema@._pipeline_steps() s, @extschema@._type_columns(s.rettype) c
                  WHERE c.attname = k.attname);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'duplicate_column',
            MESSAGE = pg_catalog.format('article_tools.attach: primary key column %s of %s has the name of a side table column', bad, qtbl),
            HINT = 'Rename the key column (ALTER TABLE ... RENAME COLUMN), then attach.';
    END IF;

    -- side table names: <table>_<suffix>, in the table's schema
    base := rel.relname;
    FOREACH side_name IN ARRAY ARRAY['parsed', 'entities', 'metrics', 'errors', 'metric_facts', 'entity_mentions'] LOOP
        IF pg_catalog.octet_length(base || '_' || side_name)
           > 63 THEN
            RAISE EXCEPTION USING ERRCODE = 'name_too_long',
                MESSAGE = pg_catalog.format('article_tools.attach: the name of table %s is too long for its side tables (%s_%s)', qtbl, base, side_name),
                HINT = 'Rename the table to at most 47 bytes.';
        END IF;
        IF EXISTS (SELECT FROM pg_catalog.pg_class c
                   WHERE c.relnamespace = (SELECT c2.relnamespace FROM pg_catalog.pg_class c2 WHERE c2.oid = tbl)
                     AND c.relname = base || '_' || side_name) THEN
            RAISE EXCEPTION USING ERRCODE = 'duplicate_table',
                MESSAGE = pg_catalog.format('article_tools.attach: %I.%I already exists', rel.nspname, base || '_' || side_name),
                HINT = 'Drop or rename it first (article_tools.detach(table, drop_tables => true) drops the side tables of an earlier attachment).';
        END IF;
    END LOOP;

    news_config := EXISTS (SELECT FROM pg_catalog.pg_ts_config c
                           WHERE c.cfgnamespace = '@extschema@'::pg_catalog.regnamespace
                             AND c.cfgname = 'news');

    -- side tables, columns from the functions' result types
    FOR st IN SELECT * FROM @extschema@._pipeline_steps() LOOP
        SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', c.attname, c.typ), ', ') INTO coldefs
        FROM @extschema@._type_columns(st.rettype) c;
        IF coldefs IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'datatype_mismatch',
                MESSAGE = pg_catalog.format('article_tools.attach: %s does not return a composite type', st.func);
        END IF;
        side_name := pg_catalog.format('%I.%I', rel.nspname, base || '_' || st.step);
        IF st.step = 'parsed' THEN
            has_body := EXISTS (SELECT FROM @extschema@._type_columns(st.rettype) c WHERE c.attname = 'body');
            EXECUTE pg_catalog.format(
                'CREATE TABLE %s (%s, %s%s, PRIMARY KEY (%s), '
                'FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE ON UPDATE CASCADE)',
                side_name, keydefs, coldefs,
                CASE WHEN news_config AND has_body THEN ', tsv pg_catalog.tsvector' ELSE '' END,
                keys, keys, qtbl, keys);
            IF news_config AND has_body THEN
                EXECUTE pg_catalog.format('CREATE INDEX ON %s USING gin (tsv)', side_name);
            END IF;
            tables[1] := side_name::pg_catalog.regclass;
        ELSE
            -- one row per extracted item: (key, n) when the type numbers them
            EXECUTE pg_catalog.format(
                'CREATE TABLE %s (%s, %s, FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE ON UPDATE CASCADE%s)',
                side_name, keydefs, coldefs, keys, qtbl, keys,
                CASE WHEN EXISTS (SELECT FROM @extschema@._type_columns(st.rettype) c WHERE c.attname = 'n')
                     THEN pg_catalog.format(', PRIMARY KEY (%s, n)', keys) ELSE '' END);
            IF NOT EXISTS (SELECT FROM @extschema@._type_columns(st.rettype) c WHERE c.attname = 'n') THEN
                EXECUTE pg_catalog.format('CREATE INDEX ON %s (%s)', side_name, keys);
            END IF;
            IF st.step = 'entities' THEN
                tables[2] := side_name::pg_catalog.regclass;
            ELSE
                tables[3] := side_name::pg_catalog.regclass;
            END IF;
        END IF;
        EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', side_name,
            pg_catalog.format('%s of %s, one row per %s, kept by the article_tools pipeline',
                              st.func, qtbl, CASE WHEN st.step = 'parsed' THEN 'article' ELSE 'item' END));
    END LOOP;

    side_name := pg_catalog.format('%I.%I', rel.nspname, base || '_errors');
    EXECUTE pg_catalog.format(
        'CREATE TABLE %s (%s, sqlstate pg_catalog.text NOT NULL, message pg_catalog.text NOT NULL, '
        'detail pg_catalog.text, failed_at pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now(), '
        'PRIMARY KEY (%s), FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE ON UPDATE CASCADE)',
        side_name, keydefs, keys, keys, qtbl, keys);
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', side_name,
        pg_catalog.format('rows of %s that article_tools could not process (on_error = skip)', qtbl));
    tables[4] := side_name::pg_catalog.regclass;

    -- views for BI tools
    IF tables[3] IS NOT NULL THEN
        SELECT pg_catalog.string_agg('m.' || pg_catalog.quote_ident(c.attname), ', ') INTO mcols
        FROM @extschema@._pipeline_steps() s, @extschema@._type_columns(s.rettype) c
        WHERE s.step = 'metrics';
        EXECUTE pg_catalog.format(
            'CREATE VIEW %I.%I AS SELECT %s, p.published, p.source, %s FROM %s m JOIN %s p ON %s',
            rel.nspname, base || '_metric_facts',
            (SELECT pg_catalog.string_agg('m.' || pg_catalog.quote_ident(k.attname), ', ')
             FROM @extschema@._key_columns(tbl) k),
            mcols, tables[3], tables[1], join_pm);
        EXECUTE pg_catalog.format('COMMENT ON VIEW %I.%I IS %L', rel.nspname, base || '_metric_facts',
            pg_catalog.format('every figure of the articles of %s with the article''s date and source', qtbl));
    END IF;
    IF tables[2] IS NOT NULL THEN
        -- one row per entity and article, named by its canonical form when the
        -- type has one
        group_col := CASE WHEN EXISTS (SELECT FROM @extschema@._pipeline_steps() s, @extschema@._type_columns(s.rettype) c
                                       WHERE s.step = 'entities' AND c.attname = 'canonical')
                          THEN 'COALESCE(e.canonical, e.text)' ELSE 'e.text' END;
        EXECUTE pg_catalog.format(
            'CREATE VIEW %I.%I AS SELECT %s, p.published, p.source, e.kind, %s AS entity, '
            'pg_catalog.count(*) AS mentions, pg_catalog.min(e.position) AS first_position '
            'FROM %s e JOIN %s p ON %s GROUP BY %s, p.published, p.source, e.kind, %s',
            rel.nspname, base || '_entity_mentions',
            (SELECT pg_catalog.string_agg('e.' || pg_catalog.quote_ident(k.attname), ', ')
             FROM @extschema@._key_columns(tbl) k),
            group_col, tables[2], tables[1], join_pe,
            (SELECT pg_catalog.string_agg('e.' || pg_catalog.quote_ident(k.attname), ', ')
             FROM @extschema@._key_columns(tbl) k),
            group_col);
        EXECUTE pg_catalog.format('COMMENT ON VIEW %I.%I IS %L', rel.nspname, base || '_entity_mentions',
            pg_catalog.format('people, organizations and places named in each article of %s, with their mention count', qtbl));
    END IF;

    INSERT INTO @extschema@.attachments
        (relid, raw_column, key_columns, parsed, entities, metrics, errors, on_error, options)
    VALUES (tbl, raw_column,
            (SELECT pg_catalog.array_agg(k.attname) FROM @extschema@._key_columns(tbl) k),
            tables[1], tables[2], tables[3], tables[4], mode, options);

    -- The trigger.  A partitioned table also gets DELETE: a row moving to
    -- another partition arrives as DELETE + INSERT, and its old side rows
    -- must go before the new ones come.
    EXECUTE pg_catalog.format(
        'CREATE TRIGGER article_tools_process AFTER INSERT OR UPDATE OF %I%s ON %s '
        'FOR EACH ROW EXECUTE FUNCTION @extschema@.process_article()',
        raw_column, CASE WHEN rel.relkind = 'p' THEN ' OR DELETE' ELSE '' END, qtbl);

    RETURN @extschema@._process_existing(tbl, batch);
END
$fn$;

COMMENT ON FUNCTION @extschema@.attach(pg_catalog.regclass, pg_catalog.name, pg_catalog.jsonb) IS
'attach a table of raw articles to the processing pipeline: creates its side tables and views, installs the trigger, processes existing rows (returns their number)';

CREATE FUNCTION @extschema@.reprocess(tbl pg_catalog.regclass)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments;
BEGIN
    SELECT * INTO att FROM @extschema@.attachments a WHERE a.relid = tbl;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('article_tools.reprocess: table %s is not attached', @extschema@._qualified(tbl)),
            HINT = 'Attach it with article_tools.attach(table, raw_column).';
    END IF;
    IF NOT @extschema@._owns_table(tbl) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('article_tools.reprocess: must be owner of table %s', @extschema@._qualified(tbl));
    END IF;
    EXECUTE pg_catalog.format('TRUNCATE %s',
        (SELECT pg_catalog.string_agg(@extschema@._qualified(s), ', ')
         FROM pg_catalog.unnest(ARRAY[att.parsed, att.entities, att.metrics, att.errors]) s
         WHERE s IS NOT NULL));
    RETURN @extschema@._process_existing(tbl,
        COALESCE((att.options ->> 'batch_size')::pg_catalog.numeric::integer, 10000));
END
$fn$;

COMMENT ON FUNCTION @extschema@.reprocess(pg_catalog.regclass) IS
'process every row of an attached table again (after an extension update, or to retry rows recorded in <table>_errors); returns the number of rows';

CREATE FUNCTION @extschema@.detach(tbl pg_catalog.regclass, drop_tables boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    att @extschema@.attachments;
    nsp pg_catalog.name;
    base pg_catalog.name;
BEGIN
    SELECT * INTO att FROM @extschema@.attachments a WHERE a.relid = tbl;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('article_tools.detach: table %s is not attached', @extschema@._qualified(tbl));
    END IF;
    IF NOT @extschema@._owns_table(tbl) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = pg_catalog.format('article_tools.detach: must be owner of table %s', @extschema@._qualified(tbl));
    END IF;
    EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS article_tools_process ON %s', @extschema@._qualified(tbl));
    DELETE FROM @extschema@.attachments a WHERE a.relid = tbl;
    IF drop_tables THEN
        SELECT n.nspname, c.relname INTO nsp, base
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.oid = tbl;
        EXECUTE pg_catalog.format('DROP VIEW IF EXISTS %I.%I, %I.%I',
            nsp, base || '_metric_facts', nsp, base || '_entity_mentions');
        EXECUTE pg_catalog.format('DROP TABLE %s',
            (SELECT pg_catalog.string_agg(@extschema@._qualified(s), ', ')
             FROM pg_catalog.unnest(ARRAY[att.parsed, att.entities, att.metrics, att.errors]) s
             WHERE s IS NOT NULL));
    END IF;
END
$fn$;

COMMENT ON FUNCTION @extschema@.detach(pg_catalog.regclass, boolean) IS
'stop processing a table: removes the trigger and the attachment; with drop_tables also drops the side tables and views';

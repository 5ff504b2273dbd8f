-- Scores extract_metrics() on the held-out set (test/metrics/heldout/).
-- Run by test/checks/metrics_heldout.sh from the project root; psql
-- variables: show_test (1 = also list test-split misses), floor_f1,
-- floor_fields (minimum test-split F1 and share for measure/holder/period).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET search_path = article_tools, public;

CREATE TEMP TABLE ho_art (file text, split text, ref date);
\copy ho_art FROM PROGRAM 'sed "/^#/d" test/metrics/heldout/articles.tsv'
CREATE TEMP TABLE ho_load (file text, b64 text);
\copy ho_load FROM PROGRAM 'cd test/metrics/heldout/articles && for f in *.txt; do printf "%s\t" "${f%.txt}"; base64 -w0 "$f"; echo; done'
-- ln keeps the file's line order: gid must follow it (the k-th gold figure
-- of a value pairs with the k-th row), whatever plan the join below takes
CREATE TEMP TABLE ho_gold_raw (ln serial, file text, text text, kind text, value text, range_to text,
    unit text, per text, measure text, holder text, period_start text, period_end text);
\copy ho_gold_raw (file, text, kind, value, range_to, unit, per, measure, holder, period_start, period_end) FROM PROGRAM 'sed "/^#/d" test/metrics/heldout/gold.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')

CREATE TEMP TABLE ho_gold AS
SELECT g.file, a.split, row_number() OVER (ORDER BY g.ln) AS gid, g.text, g.kind,
       round(g.value::numeric, 6) AS v, round(nullif(g.range_to, '')::numeric, 6) AS r,
       nullif(g.unit, '') AS unit, nullif(g.per, '') AS per, nullif(g.measure, '') AS measure,
       nullif(g.holder, '') AS holder, nullif(g.period_start, '')::date AS ps,
       nullif(g.period_end, '')::date AS pe
FROM ho_gold_raw g JOIN ho_art a USING (file);

-- every row, through the reference-date overload when it exists; columns
-- this version lacks read as NULL (to_jsonb of the row)
SELECT to_regprocedure('article_tools.extract_metrics(text,date)') IS NOT NULL AS has_ref \gset
-- The headline (the first line) is not scored: its figures restate the
-- body's, rounded ("up 5.5 pct"), and the gold set leaves them out.
CREATE TEMP TABLE ho_rows (file text, n int, j jsonb);
\if :has_ref
INSERT INTO ho_rows SELECT a.file, m.n, to_jsonb(m)
FROM ho_art a JOIN ho_load l USING (file),
     LATERAL extract_metrics(convert_from(decode(l.b64, 'base64'), 'UTF8'), a.ref) m;
\else
INSERT INTO ho_rows SELECT a.file, m.n, to_jsonb(m)
FROM ho_art a JOIN ho_load l USING (file),
     LATERAL extract_metrics(convert_from(decode(l.b64, 'base64'), 'UTF8')) m;
\endif
CREATE TEMP TABLE ho_pred AS
SELECT file, n, j->>'kind' AS kind, j->>'text' AS text, round((j->>'value')::numeric, 6) AS v,
       round((j->>'range_to')::numeric, 6) AS r, j->>'unit' AS unit, j->>'per' AS per,
       j->>'measure' AS measure, j->>'holder' AS holder,
       (j->>'period_start')::date AS ps, (j->>'period_end')::date AS pe
FROM ho_rows
WHERE j->>'kind' IN ('money', 'percent', 'percentage_point', 'count', 'quantity', 'fraction')
  AND j->>'value' IS NOT NULL
  AND (j->>'position')::int > (SELECT length(split_part(convert_from(decode(l.b64, 'base64'), 'UTF8'), E'\n', 1))
                                FROM ho_load l WHERE l.file = ho_rows.file);

-- one row per gold figure: the k-th gold figure of a value in an article
-- pairs with the k-th row of that value
CREATE TEMP TABLE ho_pair AS
WITH g AS (SELECT *, row_number() OVER (PARTITION BY file, v, r ORDER BY gid) AS k FROM ho_gold),
     p AS (SELECT *, row_number() OVER (PARTITION BY file, v, r ORDER BY n) AS k FROM ho_pred)
SELECT g.gid, p.n FROM g JOIN p ON p.file = g.file AND p.v = g.v
    AND p.r IS NOT DISTINCT FROM g.r AND p.k = g.k;

CREATE FUNCTION pg_temp.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(regexp_replace(regexp_replace(lower(btrim(t)), '\s+', ' ', 'g'),
                          '^(the|its|their|a|an) ', ''), '''s$', '')
$$;
CREATE FUNCTION pg_temp.ok(gold text, got text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN gold IS NULL THEN got IS NULL
                ELSE pg_temp.norm(got) = ANY (SELECT pg_temp.norm(x) FROM unnest(string_to_array(gold, ';')) x) END
$$;

CREATE TEMP TABLE ho_scored AS
SELECT g.*, p.n IS NOT NULL AS found, p.text AS got_text,
       p.kind AS got_kind, p.unit AS got_unit, p.per AS got_per, p.measure AS got_measure,
       p.holder AS got_holder, p.ps AS got_ps, p.pe AS got_pe,
       coalesce(p.kind = g.kind, false) AS kind_ok,
       coalesce(pg_temp.ok(g.unit, p.unit), false) AS unit_ok,
       coalesce(p.n IS NOT NULL AND pg_temp.ok(g.per, p.per), false) AS per_ok,
       coalesce(p.n IS NOT NULL AND pg_temp.ok(g.measure, p.measure), false) AS measure_ok,
       coalesce(p.n IS NOT NULL AND pg_temp.ok(g.holder, p.holder), false) AS holder_ok,
       coalesce(p.n IS NOT NULL AND g.ps IS NOT DISTINCT FROM p.ps AND g.pe IS NOT DISTINCT FROM p.pe, false) AS period_ok
FROM ho_gold g LEFT JOIN ho_pair x USING (gid)
     LEFT JOIN ho_pred p ON p.file = g.file AND p.n = x.n;

CREATE TEMP TABLE ho_report AS
SELECT a.split, count(*) AS gold,
       (SELECT count(*) FROM ho_pred p JOIN ho_art b USING (file) WHERE b.split = a.split) AS rows,
       count(*) FILTER (WHERE found) AS found,
       count(*) FILTER (WHERE kind_ok) AS kind, count(*) FILTER (WHERE unit IS NOT NULL) AS units,
       count(*) FILTER (WHERE unit IS NOT NULL AND unit_ok) AS unit,
       count(*) FILTER (WHERE per_ok) AS per, count(*) FILTER (WHERE measure_ok) AS measure,
       count(*) FILTER (WHERE holder_ok) AS holder, count(*) FILTER (WHERE period_ok) AS period
FROM ho_scored s JOIN ho_art a USING (file, split) GROUP BY a.split;

\echo '== held-out metrics: exact-value F1 and fields (share of gold figures right)'
SELECT split, gold, rows, found,
       round(found::numeric / nullif(rows, 0), 3) AS precision,
       round(found::numeric / gold, 3) AS recall,
       round(2.0 * found / nullif(gold + rows, 0), 3) AS f1,
       round(kind::numeric / gold, 3) AS kind, round(unit::numeric / nullif(units, 0), 3) AS unit,
       round(per::numeric / gold, 3) AS per, round(measure::numeric / gold, 3) AS measure,
       round(holder::numeric / gold, 3) AS holder, round(period::numeric / gold, 3) AS period
FROM ho_report ORDER BY split = 'test', split;

\echo '== tuning splits: gold figures not right (value, kind, per, measure, holder or period)'
SELECT file, text, kind, v, r, per, measure, holder, ps, pe,
       CASE WHEN found THEN concat_ws(' ', CASE WHEN NOT kind_ok THEN 'kind:' || got_kind END,
            CASE WHEN NOT per_ok THEN 'per:' || coalesce(got_per, '-') END,
            CASE WHEN NOT measure_ok THEN 'measure:' || coalesce(got_measure, '-') END,
            CASE WHEN NOT holder_ok THEN 'holder:' || coalesce(got_holder, '-') END,
            CASE WHEN NOT period_ok THEN 'period:' || coalesce(got_ps::text, '-') || '..' || coalesce(got_pe::text, '-') END)
            ELSE 'NOT FOUND' END AS got
FROM ho_scored
WHERE (split <> 'test' OR :show_test = 1)
  AND NOT (found AND kind_ok AND per_ok AND measure_ok AND holder_ok AND period_ok)
ORDER BY split, gid;
\echo '== tuning splits: rows that match no gold figure'
SELECT p.file, p.kind, p.text, p.v, p.r, p.unit
FROM ho_pred p JOIN ho_art a USING (file)
WHERE (a.split <> 'test' OR :show_test = 1)
  AND NOT EXISTS (SELECT 1 FROM ho_pair x JOIN ho_gold g USING (gid) WHERE g.file = p.file AND x.n = p.n)
ORDER BY a.split, p.file, p.n;

-- the floors: test-split F1, and measure/holder/period shares
SELECT (2.0 * found / nullif(gold + rows, 0)) >= :floor_f1
       AND measure::numeric / gold >= :floor_fields
       AND holder::numeric / gold >= :floor_fields
       AND period::numeric / gold >= :floor_fields AS pass
FROM ho_report WHERE split = 'test' \gset
\if :pass
\echo 'metrics_heldout: test split above its floors'
\else
\echo 'metrics_heldout: FAIL: test split below its floors'
SELECT 1/0 AS below_floor;
\endif

-- Scores extract_metrics() against the Microsoft Recognizers-Text English specs.
-- Run by test/checks/metrics_conformance.sh, which sets the psql variables
-- number, percent, currency, dimension (the JSON files), declined and units
-- (paths of the TSV files next to this one).
--
-- Held-out split (frozen before this round's tuning, issue 16): in every spec
-- file, every third case (0-based index idx % 3 = 2) is the test split; the
-- rest is the tuning split.  Rules are written from tuning cases only; the
-- failing-case lists show tuning cases, and test-split failures only when
-- AT_CONFORMANCE_SHOW_TEST is set.  Scores are reported per split and over
-- all cases (the headline, where a declined case counts as a miss).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE TEMP TABLE spec (file text, idx int, input text, ns_dotnet bool, results jsonb);
INSERT INTO spec
SELECT f.file, (t.ord - 1)::int, t.e->>'Input',
       coalesce(t.e->>'NotSupported', '') ~* 'dotnet', t.e->'Results'
FROM (VALUES ('Number', :'number'::jsonb), ('Percent', :'percent'::jsonb),
             ('Currency', :'currency'::jsonb), ('Dimension', :'dimension'::jsonb)) f(file, doc),
     jsonb_array_elements(f.doc) WITH ORDINALITY t(e, ord);

CREATE FUNCTION pg_temp.split(idx int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN idx % 3 = 2 THEN 'test' ELSE 'tune' END $$;
\getenv show_test AT_CONFORMANCE_SHOW_TEST
\if :{?show_test}
\else
\set show_test ''
\endif
SELECT coalesce(:'show_test', '') NOT IN ('', '0') AS show_test \gset

CREATE TEMP TABLE declined (file text, idx int, reason text);
\copy declined FROM PROGRAM 'sed "/^#/d" "$AT_METRICS_DECLINED"'
CREATE TEMP TABLE units (spec_unit text, ours text);
\copy units FROM PROGRAM 'sed "/^#/d" "$AT_METRICS_UNITS"'

-- every row extract_metrics() gives for every input
CREATE TEMP TABLE got AS
SELECT s.file, s.idx, m.*
FROM spec s, LATERAL article_tools.extract_metrics(s.input) m;

-- every expected result, with its value as numeric (NULL when the spec has
-- none).  no_value: the spec expects a mention whose resolution has no value
-- (JSON null, or the string "null" in PercentModel: "a small percent").
CREATE TEMP TABLE expect AS
SELECT s.file, s.idx, r.ord, r.e->>'Text' AS text,
       CASE WHEN replace(r.e->'Resolution'->>'value', '%', '') ~ '^-?[0-9.]+(E[-+]?[0-9]+)?$'
            THEN replace(r.e->'Resolution'->>'value', '%', '')::numeric END AS value,
       coalesce(r.e->'Resolution'->>'value', 'null') = 'null' AS no_value,
       r.e->'Resolution'->>'unit' AS unit,
       r.e->'Resolution'->>'isoCurrency' AS iso
FROM spec s, jsonb_array_elements(s.results) WITH ORDINALITY r(e, ord);

-- Is an expected result found?  Same value (or the upper end of a range),
-- and the same currency / unit where the spec gives one.  Values the
-- reference computes in binary floating point (15 or more significant
-- digits: 2/3, 1.1^23) are compared to 13 significant digits.  Cents, pence,
-- pennies and satoshis: the spec counts subunits, extract_metrics() the main
-- unit (a satoshi is 1e-8 bitcoin).
-- A result the spec gives with no value is found by a row of the file's
-- kind with no value and the same text (case aside, as the spec lower-cases
-- some texts), and the same currency or unit where the spec gives one.
CREATE FUNCTION pg_temp.same(want numeric, have numeric) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN length(regexp_replace(want::text, '[^0-9]|^[-0.]+', '', 'g')) >= 15
                THEN abs(want - have) <= abs(want) * 1e-13
                ELSE want = have END
$$;

CREATE FUNCTION pg_temp.subunits(unit text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN unit IN ('Cent', 'Pence', 'Penny') THEN 100
                WHEN unit = 'Satoshi' THEN 100000000 ELSE 1 END::numeric
$$;

CREATE TEMP TABLE found AS
SELECT x.*, EXISTS (
    SELECT 1 FROM got g
    WHERE g.file = x.file AND g.idx = x.idx AND x.no_value
      AND g.value IS NULL AND lower(g.text) = lower(x.text)
      AND CASE x.file
            WHEN 'Percent' THEN g.kind = 'percent'
            WHEN 'Currency' THEN g.kind = 'money' AND (x.iso IS NULL OR g.currency = x.iso)
            WHEN 'Dimension' THEN g.kind = 'quantity'
                 AND g.unit = (SELECT u.ours FROM units u WHERE u.spec_unit = x.unit)
            ELSE false
          END
) OR EXISTS (
    SELECT 1 FROM got g
    WHERE g.file = x.file AND g.idx = x.idx AND x.value IS NOT NULL
      AND CASE x.file
            WHEN 'Number' THEN (pg_temp.same(x.value, g.value) OR pg_temp.same(x.value, g.range_to))
            WHEN 'Percent' THEN g.kind = 'percent' AND (pg_temp.same(x.value, g.value) OR pg_temp.same(x.value, g.range_to))
            WHEN 'Currency' THEN g.kind = 'money'
                 AND x.value IN (g.value * pg_temp.subunits(x.unit), g.range_to * pg_temp.subunits(x.unit))
                 AND (x.iso IS NULL OR g.currency = x.iso)
            WHEN 'Dimension' THEN g.kind = 'quantity' AND (pg_temp.same(x.value, g.value) OR pg_temp.same(x.value, g.range_to))
                 AND g.unit = (SELECT u.ours FROM units u WHERE u.spec_unit = x.unit)
          END) AS ok
FROM expect x;

-- A case passes when all its results are found; a negative case (no
-- results) when no row of the file's kind comes out.
CREATE TEMP TABLE scored AS
SELECT s.file, s.idx, s.input, s.ns_dotnet, d.reason AS declined,
       CASE WHEN jsonb_array_length(s.results) = 0 THEN
                NOT EXISTS (SELECT 1 FROM got g WHERE g.file = s.file AND g.idx = s.idx
                              AND g.kind::text = ANY (CASE s.file
                                    WHEN 'Number' THEN ARRAY['count']
                                    WHEN 'Percent' THEN ARRAY['percent', 'percentage_point']
                                    WHEN 'Currency' THEN ARRAY['money']
                                    ELSE ARRAY['quantity'] END))
            ELSE (SELECT bool_and(f.ok) FROM found f WHERE f.file = s.file AND f.idx = s.idx)
       END AS pass
FROM spec s LEFT JOIN declined d ON d.file = s.file AND d.idx = s.idx;

CREATE TEMP TABLE report AS
SELECT file,
       count(*) FILTER (WHERE NOT ns_dotnet) AS cases,
       count(*) FILTER (WHERE NOT ns_dotnet AND pass) AS passed,
       count(*) FILTER (WHERE NOT ns_dotnet AND declined IS NOT NULL) AS declined,
       count(*) FILTER (WHERE NOT ns_dotnet AND declined IS NULL) AS supported,
       count(*) FILTER (WHERE NOT ns_dotnet AND declined IS NULL AND pass) AS supported_passed,
       count(*) FILTER (WHERE ns_dotnet) AS dotnet_unsupported,
       count(*) FILTER (WHERE ns_dotnet AND pass) AS dotnet_unsupported_passed,
       t.target
FROM scored JOIN (VALUES ('Number', 95), ('Percent', 95), ('Currency', 95), ('Dimension', 95)) t(f, target)
     ON t.f = scored.file
GROUP BY file, t.target;

\echo
\echo '== failing cases (not declined; tuning split, and test split when AT_CONFORMANCE_SHOW_TEST is set)'
SELECT s.file, s.idx, pg_temp.split(s.idx) AS split, left(s.input, 90) AS input,
       (SELECT string_agg(coalesce(x.text, '') || '=' || coalesce(x.value::text, 'null') ||
                          coalesce(' ' || x.iso, '') || coalesce(' ' || x.unit, ''), '; ')
          FROM found x WHERE x.file = s.file AND x.idx = s.idx AND NOT x.ok) AS missing,
       (SELECT string_agg(g.kind || ':' || coalesce(g.value::text, '') || coalesce(' ' || g.currency, '') ||
                          coalesce(' ' || g.unit, ''), '; ')
          FROM got g WHERE g.file = s.file AND g.idx = s.idx) AS got
FROM scored s
WHERE NOT s.pass AND s.declined IS NULL AND NOT s.ns_dotnet
  AND (pg_temp.split(s.idx) = 'tune' OR :'show_test'::boolean)
ORDER BY s.file, s.idx;
SELECT count(*) AS "failing test-split cases not shown" FROM scored s
WHERE NOT s.pass AND s.declined IS NULL AND NOT s.ns_dotnet
  AND pg_temp.split(s.idx) = 'test' AND NOT :'show_test'::boolean;

\echo '== declined cases that pass anyway (remove them from the declined list)'
SELECT file, idx, left(input, 60) AS input FROM scored
WHERE declined IS NOT NULL AND pass AND NOT ns_dotnet ORDER BY file, idx;

\echo '== scores (cases the reference .NET implementation marks NotSupported are not scored)'
SELECT file, cases, passed,
       round(100.0 * passed / cases, 1) AS "score %",
       declined,
       round(100.0 * supported_passed / nullif(supported, 0), 1) AS "score excl. declined %",
       target AS "target %",
       dotnet_unsupported || ' (' || dotnet_unsupported_passed || ' pass)' AS "not scored"
FROM report ORDER BY file;

\echo '== scores by split (all cases; a declined case counts as a miss)'
SELECT file,
       round(100.0 * count(*) FILTER (WHERE pass AND pg_temp.split(idx) = 'test') /
             count(*) FILTER (WHERE pg_temp.split(idx) = 'test'), 1) AS "test %",
       count(*) FILTER (WHERE pass AND pg_temp.split(idx) = 'test') || '/' ||
       count(*) FILTER (WHERE pg_temp.split(idx) = 'test') AS test,
       round(100.0 * count(*) FILTER (WHERE pass AND pg_temp.split(idx) = 'tune') /
             count(*) FILTER (WHERE pg_temp.split(idx) = 'tune'), 1) AS "tuning %",
       count(*) FILTER (WHERE pass AND pg_temp.split(idx) = 'tune') || '/' ||
       count(*) FILTER (WHERE pg_temp.split(idx) = 'tune') AS tuning,
       round(100.0 * count(*) FILTER (WHERE pass) / count(*), 1) AS "all %"
FROM scored WHERE NOT ns_dotnet GROUP BY file ORDER BY file;

-- the check fails when a file's score (declined cases excluded) is below
-- target: a regression guard (every supported case passes today).  Issue 16's
-- target is 95% of all cases with a declined case as a miss ("all %" above);
-- what stands between is the declined list, each with its reason.
SELECT count(*) > 0 AS below_target FROM report
WHERE 100.0 * supported_passed / nullif(supported, 0) < target \gset
\if :below_target
\echo 'FAIL: a conformance score is below its target'
DO $$ BEGIN RAISE EXCEPTION 'conformance score below target'; END $$;
\endif

-- DateTime (issue 16): scored, no target yet.  extract_metrics() reads
-- calendar dates (kind 'date', resolved against the case's reference date);
-- a case whose results include a type it does not give as a row is declined
-- with the type's reason and counts as a miss in the headline score.
-- The file starts with a byte order mark.
\set datetime `sed '1s/^\xEF\xBB\xBF//' "$AT_METRICS_DATETIME"`
CREATE TEMP TABLE dt AS
SELECT (t.ord - 1)::int AS idx, t.e->>'Input' AS input,
       (t.e->'Context'->>'ReferenceDateTime')::timestamp::date AS ref,
       coalesce(t.e->>'NotSupported', '') ~* 'dotnet' AS ns_dotnet,
       coalesce(t.e->'Results', '[]'::jsonb) AS results
FROM jsonb_array_elements(:'datetime'::jsonb) WITH ORDINALITY t(e, ord);

CREATE TEMP TABLE dt_reason (type text, reason text);
INSERT INTO dt_reason VALUES
  ('datetimeV2.daterange', 'a period alone is no figure: periods come as period_start/period_end of a figure'),
  ('datetimeV2.datetimerange', 'a time of day is no figure'),
  ('datetimeV2.datetime', 'a time of day is no figure'),
  ('datetimeV2.time', 'a time of day is no figure'),
  ('datetimeV2.timerange', 'a time of day is no figure'),
  ('datetimeV2.duration', 'a duration is a quantity only with a number ("3 years"), in its own unit, not seconds'),
  ('datetimeV2.set', 'a recurrence ("every week") is no figure'),
  ('datetimeV2.timezone', 'a time zone is no figure');

CREATE TEMP TABLE dt_got AS
SELECT d.idx, m.text, m.date_value
FROM dt d, LATERAL (SELECT * FROM article_tools.extract_metrics(d.input, d.ref) WHERE d.ref IS NOT NULL
                    UNION ALL SELECT * FROM article_tools.extract_metrics(d.input) WHERE d.ref IS NULL) m
WHERE m.kind = 'date';

CREATE TEMP TABLE dt_scored AS
SELECT d.idx, d.input, d.ns_dotnet,
       (SELECT min(r.reason) FROM jsonb_array_elements(d.results) x JOIN dt_reason r ON r.type = x->>'TypeName') AS declined,
       CASE WHEN jsonb_array_length(d.results) = 0 THEN NOT EXISTS (SELECT 1 FROM dt_got g WHERE g.idx = d.idx)
            ELSE (SELECT bool_and(EXISTS (
                      SELECT 1 FROM dt_got g, jsonb_array_elements(x->'Resolution'->'values') v
                      WHERE g.idx = d.idx AND x->>'TypeName' = 'datetimeV2.date'
                        AND (g.date_value::text = v->>'value'
                             -- an impossible date ("Feb 30"): a date row with no value, same text
                             OR (v->>'value' = 'not resolved' AND g.date_value IS NULL
                                 AND lower(g.text) = lower(x->>'Text')))))
                  FROM jsonb_array_elements(d.results) x) END AS pass
FROM dt d;

\echo '== DateTime: declined types (each counts as a miss)'
SELECT declined AS reason, count(*) AS cases, count(*) FILTER (WHERE pass) AS pass_anyway
FROM dt_scored WHERE NOT ns_dotnet AND declined IS NOT NULL GROUP BY 1 ORDER BY 2 DESC;
\echo '== DateTime: dates missed (not declined)'
SELECT s.idx, left(s.input, 70) AS input,
       (SELECT string_agg(x->>'Text' || '=' || (x->'Resolution'->'values'->0->>'value'), '; ')
          FROM jsonb_array_elements((SELECT results FROM dt WHERE dt.idx = s.idx)) x) AS expected,
       (SELECT string_agg(g.text || '=' || coalesce(g.date_value::text, 'null'), '; ') FROM dt_got g WHERE g.idx = s.idx) AS got
FROM dt_scored s WHERE NOT s.pass AND s.declined IS NULL AND NOT s.ns_dotnet
  AND (pg_temp.split(s.idx) = 'tune' OR :'show_test'::boolean) ORDER BY s.idx;
SELECT count(*) AS "DateTime: dates missed in the test split, not shown" FROM dt_scored s
WHERE NOT s.pass AND s.declined IS NULL AND NOT s.ns_dotnet AND pg_temp.split(s.idx) = 'test' AND NOT :'show_test'::boolean;
\echo '== DateTime score (no target yet; all cases, then test and tuning split)'
SELECT 'all' AS split, count(*) FILTER (WHERE NOT ns_dotnet) AS cases,
       count(*) FILTER (WHERE pass AND NOT ns_dotnet) AS passed,
       round(100.0 * count(*) FILTER (WHERE pass AND NOT ns_dotnet) / count(*) FILTER (WHERE NOT ns_dotnet), 1) AS "score %",
       count(*) FILTER (WHERE declined IS NOT NULL AND NOT ns_dotnet) AS declined,
       round(100.0 * count(*) FILTER (WHERE pass AND declined IS NULL AND NOT ns_dotnet) /
             nullif(count(*) FILTER (WHERE declined IS NULL AND NOT ns_dotnet), 0), 1) AS "score excl. declined %",
       count(*) FILTER (WHERE ns_dotnet) AS "not scored (.NET NotSupported)"
FROM dt_scored
UNION ALL
SELECT pg_temp.split(idx), count(*) FILTER (WHERE NOT ns_dotnet),
       count(*) FILTER (WHERE pass AND NOT ns_dotnet),
       round(100.0 * count(*) FILTER (WHERE pass AND NOT ns_dotnet) / count(*) FILTER (WHERE NOT ns_dotnet), 1),
       count(*) FILTER (WHERE declined IS NOT NULL AND NOT ns_dotnet),
       round(100.0 * count(*) FILTER (WHERE pass AND declined IS NULL AND NOT ns_dotnet) /
             nullif(count(*) FILTER (WHERE declined IS NULL AND NOT ns_dotnet), 0), 1),
       count(*) FILTER (WHERE ns_dotnet)
FROM dt_scored GROUP BY 1 ORDER BY 1;

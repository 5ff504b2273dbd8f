-- Metrics: every figure in an article as a typed row.

CREATE TYPE @extschema@.metric_kind AS ENUM (
    'money', 'percent', 'percentage_point', 'count', 'quantity', 'year',
    'date', 'ordinal', 'fraction');

COMMENT ON TYPE @extschema@.metric_kind IS
'kind of a figure found by extract_metrics(); a fraction (half, two-thirds) has its value as a share, 0.5, 0.666..., never summed with counts';

CREATE TYPE @extschema@.metric AS (
    kind @extschema@.metric_kind,
    text text,
    value pg_catalog.numeric,
    range_to pg_catalog.numeric,
    unit text,
    currency character(3),
    qualifier text,
    change text,
    date_value date,
    equivalent_of integer,
    n integer,
    sentence integer,
    "position" integer,
    length integer);

COMMENT ON TYPE @extschema@.metric IS
'a figure of an article: kind, surface text, exact value (fully scaled), range, unit or counted noun, ISO currency, qualifier, change, date, the row it restates (equivalent_of = n), sentence number and 1-based character position';

CREATE FUNCTION @extschema@.extract_metrics(text)
RETURNS SETOF @extschema@.metric
AS 'MODULE_PATHNAME', 'at_extract_metrics_sql'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE COST 50 ROWS 15;

COMMENT ON FUNCTION @extschema@.extract_metrics(text) IS
'money, percentages, percentage points, counts, measures, years, dates and ordinals of a news text, with exact values and 1-based character positions';

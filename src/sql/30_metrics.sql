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
    length integer,
    per text,
    measure text,
    holder text,
    period_start date,
    period_end date);

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

CREATE FUNCTION @extschema@.extract_metrics(text)
RETURNS SETOF @extschema@.metric
AS 'MODULE_PATHNAME', 'at_extract_metrics_sql'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE COST 50 ROWS 15;

COMMENT ON FUNCTION @extschema@.extract_metrics(text) IS
'money, percentages, percentage points, counts, measures, years, dates and ordinals of a news text, with exact values and 1-based character positions';

CREATE FUNCTION @extschema@.extract_metrics(text, reference_date date)
RETURNS SETOF @extschema@.metric
AS 'MODULE_PATHNAME', 'at_extract_metrics_ref_sql'
LANGUAGE C CALLED ON NULL INPUT IMMUTABLE PARALLEL SAFE COST 50 ROWS 15;

COMMENT ON FUNCTION @extschema@.extract_metrics(text, date) IS
'extract_metrics(text) with relative periods (this year, last month, in the first quarter) and dates (last Friday, May 3) resolved against reference_date, the article''s published date; a NULL reference_date leaves them unresolved, a NULL text gives no rows';

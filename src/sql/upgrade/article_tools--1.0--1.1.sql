-- article_tools 1.0 -> 1.1 (ALTER EXTENSION article_tools UPDATE TO '1.1').
--
-- Every change to an SQL object in this release has its statement here, in
-- the same order and with the same text as in the fresh install script
-- (src/sql/*.sql), so that an updated database dumps (pg_dump -s) exactly as
-- a fresh 1.1 install.  Columns added to a composite type go at its end.
\echo Use "ALTER EXTENSION article_tools UPDATE TO '1.1'" to load this file. \quit


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

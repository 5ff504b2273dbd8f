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

-- article_tools 1.0 -> 1.1 (ALTER EXTENSION article_tools UPDATE TO '1.1').
--
-- Every change to an SQL object in this release has its statement here, in
-- the same order and with the same text as in the fresh install script
-- (src/sql/*.sql), so that an updated database dumps (pg_dump -s) exactly as
-- a fresh 1.1 install.  Columns added to a composite type go at its end.
\echo Use "ALTER EXTENSION article_tools UPDATE TO '1.1'" to load this file. \quit


-- ---------------------------------------------------------------------
-- text search (src/sql/50_tsearch.sql): ts_token_count was a benchmark
-- helper, not a user function; the benchmark now builds its own
-- (test/bench/token_count.c).
-- ---------------------------------------------------------------------
DROP FUNCTION @extschema@.ts_token_count(text, text);


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


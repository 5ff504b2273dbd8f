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

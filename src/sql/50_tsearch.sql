-- Full-text search: the news_parser text search parser, the news_compound
-- dictionary and the news configuration.

CREATE FUNCTION @extschema@.news_prs_start(internal, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_news_prs_start'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.news_prs_nexttoken(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_news_prs_nexttoken'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.news_prs_end(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'at_news_prs_end'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.news_prs_lextype(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_news_prs_lextype'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.news_prs_headline(internal, internal, tsquery)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_news_prs_headline'
LANGUAGE C STRICT;

CREATE TEXT SEARCH PARSER @extschema@.news_parser (
    START = @extschema@.news_prs_start,
    GETTOKEN = @extschema@.news_prs_nexttoken,
    END = @extschema@.news_prs_end,
    LEXTYPES = @extschema@.news_prs_lextype,
    HEADLINE = @extschema@.news_prs_headline
);

COMMENT ON TEXT SEARCH PARSER @extschema@.news_parser IS
'the default parser''s 23 token types with the same ids, plus money, percent, date, cjk and name for news text';

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

CREATE FUNCTION @extschema@.news_compound_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_news_compound_init'
LANGUAGE C STRICT;

CREATE FUNCTION @extschema@.news_compound_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_news_compound_lexize'
LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE @extschema@.news_compound (
    INIT = @extschema@.news_compound_init,
    LEXIZE = @extschema@.news_compound_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE @extschema@.news_compound IS
'canonical lexemes for money, percentages, dates and names found by news_parser';

-- The parts of compounds are words too: they go through news_stem's cache
-- (created first: CREATE checks the options by running init).
CREATE TEXT SEARCH DICTIONARY @extschema@.news_compound (
    TEMPLATE = @extschema@.news_compound,
    NumberDictionary = 'pg_catalog.simple',
    WordDictionary = '@extschema@.news_stem'
);

COMMENT ON TEXT SEARCH DICTIONARY @extschema@.news_compound IS
'money (cny:3000000000000), percentages (pct:11), dates (2018-10-08) and names (xi jinping); other tokens pass to the next dictionary';

CREATE TEXT SEARCH CONFIGURATION @extschema@.news (PARSER = @extschema@.news_parser);

COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.news IS
'English news: the english configuration plus money, percentages, dates, names and CJK';

-- As english: words are stemmed (english_stem, through the cache
-- news_stem), numbers and addresses kept as written.
-- news_compound is listed for the types a compound's parts can have: the
-- core hands it the parts that follow a compound only when it is in their
-- mapping.  Listed last, it costs ordinary words nothing.
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
    ADD MAPPING FOR asciiword, word, asciihword, hword, hword_asciipart, hword_part
    WITH @extschema@.news_stem, @extschema@.news_compound;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
    ADD MAPPING FOR numword, numhword, hword_numpart, file, sfloat, float, int, uint, version
    WITH pg_catalog.simple, @extschema@.news_compound;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
    ADD MAPPING FOR email, url, host, url_path
    WITH pg_catalog.simple;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
    ADD MAPPING FOR money, percent, date, name
    WITH @extschema@.news_compound;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
    ADD MAPPING FOR cjk
    WITH pg_catalog.simple, @extschema@.news_compound;

-- parse_article: a scraped news page as a typed row.

CREATE TYPE @extschema@.article AS (
    title text,                 -- the headline
    published date,             -- publication date (page date, else "Updated:", else dateline + page year)
    published_at timestamp,     -- publication date and time, when the page gives a time (as written, no zone)
    updated date,               -- "Updated:" date
    authors text[],             -- byline names, in order
    source text,                -- publisher or agency ("Xinhua", "China Daily")
    editor text,                -- "Editor:" name
    dateline text,              -- "BEIJING, May 12 (Xinhua)"
    body text,                  -- article paragraphs without page chrome, one blank line apart
    lead text,                  -- first paragraph that reads as prose
    paragraphs integer,         -- paragraphs in body
    words integer,              -- words in body
    chrome_removed integer,     -- lines of page chrome left out (share, print, copyright, captions...)
    section text,               -- breadcrumb or category ("Business"), added in 1.1
    url text,                   -- the page's own URL, when it carries one
    captions text[],            -- photo captions taken out of the body
    tags text[],                -- the page's keywords or tags
    language text               -- language tag ("en"), when the page gives one
);

COMMENT ON COLUMN @extschema@.article.section IS 'the section or category the page files the article under (breadcrumb or label), as written';
COMMENT ON COLUMN @extschema@.article.url IS 'the page''s own URL, when its text or markup carries one';
COMMENT ON COLUMN @extschema@.article.captions IS 'photo captions taken out of the body, in page order';
COMMENT ON COLUMN @extschema@.article.tags IS 'the page''s keywords or tags, when it gives them';
COMMENT ON COLUMN @extschema@.article.language IS 'the page''s language tag (such as en), when it gives one';

COMMENT ON TYPE @extschema@.article IS
'a news article parsed by article_tools.parse_article';

CREATE FUNCTION @extschema@.parse_article(text)
RETURNS @extschema@.article
AS 'MODULE_PATHNAME', 'at_parse_article_sql'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parse_article(text) IS
'title, dates, byline, source, editor, dateline and clean body of a scraped news page';

-- Chrome a site repeats on every page: chrome_lines() collects the lines on
-- at least min_share of the pages it aggregates (an aggregate, so that
-- GROUP BY site gives one list per site), and parse_article(text, text[])
-- treats those lines as chrome.
CREATE FUNCTION @extschema@.parse_article(text, chrome text[])
RETURNS @extschema@.article
AS 'MODULE_PATHNAME', 'at_parse_article_chrome_sql'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parse_article(text, text[]) IS
'parse_article(page) with lines known to be chrome (from chrome_lines()): they are left out of the body wherever they stand, unless they carry a date, byline, source or editor; a NULL list is no list';

CREATE FUNCTION @extschema@._chrome_lines_add(internal, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_chrome_lines_add'
LANGUAGE C PARALLEL SAFE;

CREATE FUNCTION @extschema@._chrome_lines_add(internal, text, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'at_chrome_lines_add'
LANGUAGE C PARALLEL SAFE;

CREATE FUNCTION @extschema@._chrome_lines_result(internal)
RETURNS text[]
AS 'MODULE_PATHNAME', 'at_chrome_lines_result'
LANGUAGE C PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@._chrome_lines_add(internal, text) IS
'internal: the transition function of chrome_lines(text)';
COMMENT ON FUNCTION @extschema@._chrome_lines_add(internal, text, float8) IS
'internal: the transition function of chrome_lines(text, float8)';
COMMENT ON FUNCTION @extschema@._chrome_lines_result(internal) IS
'internal: the final function of chrome_lines()';

CREATE AGGREGATE @extschema@.chrome_lines(page text) (
    SFUNC = @extschema@._chrome_lines_add,
    STYPE = internal,
    FINALFUNC = @extschema@._chrome_lines_result,
    PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.chrome_lines(page text, min_share float8) (
    SFUNC = @extschema@._chrome_lines_add,
    STYPE = internal,
    FINALFUNC = @extschema@._chrome_lines_result,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.chrome_lines(text) IS
'the lines repeated on at least half of the pages aggregated (and on two or more), most frequent first: a site''s template lines, for parse_article(page, chrome)';
COMMENT ON AGGREGATE @extschema@.chrome_lines(text, float8) IS
'the lines repeated on at least min_share (0 to 1) of the pages aggregated (and on two or more), most frequent first, for parse_article(page, chrome)';

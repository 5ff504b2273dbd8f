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

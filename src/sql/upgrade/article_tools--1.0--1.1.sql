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
COMMENT ON COLUMN @extschema@.article.section IS 'the section or category the page files the article under (breadcrumb or label), as written';
COMMENT ON COLUMN @extschema@.article.url IS 'the page''s own URL, when its text or markup carries one';
COMMENT ON COLUMN @extschema@.article.captions IS 'photo captions taken out of the body, in page order';
COMMENT ON COLUMN @extschema@.article.tags IS 'the page''s keywords or tags, when it gives them';
COMMENT ON COLUMN @extschema@.article.language IS 'the page''s language tag (such as en), when it gives one';


-- src/sql/70_comments.sql: descriptions of the schema, the row types' columns and the enums
COMMENT ON SCHEMA @extschema@ IS
'article_tools: news article parsing, entities, metrics, news text search and the attach() pipeline';

COMMENT ON TYPE @extschema@.entity_kind IS
'kind of an entity found by extract_entities(): person, organization or location';

COMMENT ON COLUMN @extschema@.article.title IS 'the headline: the first line that is not page chrome or metadata, when it reads as a headline';
COMMENT ON COLUMN @extschema@.article.published IS 'publication date: the page date, else its "Updated:" date, else the dateline''s month and day with the page year';
COMMENT ON COLUMN @extschema@.article.published_at IS 'publication date and time, when the page gives a time (as written; a time zone is not applied)';
COMMENT ON COLUMN @extschema@.article.updated IS 'the "Updated:" or "Last updated:" date';
COMMENT ON COLUMN @extschema@.article.authors IS 'byline names, in order';
COMMENT ON COLUMN @extschema@.article.source IS 'publisher or agency ("Xinhua", "China Daily")';
COMMENT ON COLUMN @extschema@.article.editor IS 'the "Editor:" or "Web editor:" name';
COMMENT ON COLUMN @extschema@.article.dateline IS 'the dateline without its dash ("BEIJING, May 12 (Xinhua)")';
COMMENT ON COLUMN @extschema@.article.body IS 'the article''s paragraphs, unchanged and in order, one blank line apart, without page chrome';
COMMENT ON COLUMN @extschema@.article.lead IS 'the first body paragraph that reads as prose';
COMMENT ON COLUMN @extschema@.article.paragraphs IS 'number of paragraphs in body';
COMMENT ON COLUMN @extschema@.article.words IS 'number of words in body (runs of non-space characters holding a letter or digit)';
COMMENT ON COLUMN @extschema@.article.chrome_removed IS 'lines of page chrome left out (share and print widgets, navigation, copyright, credited captions)';

COMMENT ON COLUMN @extschema@.metric.kind IS 'money, percent, percentage_point, count, quantity, year, date or ordinal';
COMMENT ON COLUMN @extschema@.metric.text IS 'the figure as written; substr(input, position, length) = text';
COMMENT ON COLUMN @extschema@.metric.value IS 'exact value, fully scaled (1.2 trillion is 1200000000000; 11 for 11%); NULL for dates';
COMMENT ON COLUMN @extschema@.metric.range_to IS 'upper end of a range ("10-15%" gives 15)';
COMMENT ON COLUMN @extschema@.metric.unit IS 'counts: the counted noun phrase; measures: a canonical unit (km, t, kWh); ages: years';
COMMENT ON COLUMN @extschema@.metric.currency IS 'ISO 4217 currency code of money (CNY, USD, EUR)';
COMMENT ON COLUMN @extschema@.metric.qualifier IS 'words that bound the figure: more than, about, nearly, up to, at least';
COMMENT ON COLUMN @extschema@.metric.change IS 'increase or decrease, with the period when stated ("increase year-on-year")';
COMMENT ON COLUMN @extschema@.metric.date_value IS 'the date, when year, month and day are known';
COMMENT ON COLUMN @extschema@.metric.equivalent_of IS 'for an amount restated in another currency, the n of the row it restates';
COMMENT ON COLUMN @extschema@.metric.n IS 'row number within the text, 1-based';
COMMENT ON COLUMN @extschema@.metric.sentence IS 'sentence number, 1-based, as article_tools.sentences() counts';
COMMENT ON COLUMN @extschema@.metric."position" IS 'position of text in the input, in characters, 1-based';
COMMENT ON COLUMN @extschema@.metric.length IS 'length of text, in characters';

COMMENT ON COLUMN @extschema@.entity.kind IS 'person, organization or location';
COMMENT ON COLUMN @extschema@.entity.text IS 'the mention as written; substr(input, position, length) = text';
COMMENT ON COLUMN @extschema@.entity.canonical IS 'the full name within the text (a later "Chen" is "Chen Hongbo"), or the user gazetteer''s canonical form';
COMMENT ON COLUMN @extschema@.entity.n IS 'ordinal of the mention within the text, 1-based';
COMMENT ON COLUMN @extschema@.entity.sentence IS 'sentence number, 1-based, as article_tools.sentences() counts';
COMMENT ON COLUMN @extschema@.entity."position" IS 'position of text in the input, in characters, 1-based';
COMMENT ON COLUMN @extschema@.entity.length IS 'length of text, in characters';
COMMENT ON COLUMN @extschema@.entity.score IS 'confidence from 0 to 1 (1 for user gazetteer terms)';

COMMENT ON COLUMN @extschema@.gazetteer.term IS 'words to find, matched exactly and case-sensitively on word boundaries';
COMMENT ON COLUMN @extschema@.gazetteer.kind IS 'the kind the term is reported as';
COMMENT ON COLUMN @extschema@.gazetteer.canonical IS 'the canonical name reported for the term (NULL: the term itself)';

-- parse_article(text, chrome text[]) and the chrome_lines() aggregates
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

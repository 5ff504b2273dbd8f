-- Descriptions of the schema, the row types' columns and the enums, so that
-- psql (\d+) and BI tools show what each column holds.  New columns are
-- commented in their own piece, where they are added.

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

COMMENT ON COLUMN @extschema@.metric.kind IS 'money, percent, percentage_point, count, quantity, year, date, ordinal or fraction';
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

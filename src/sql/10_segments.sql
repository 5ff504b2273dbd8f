-- Paragraph and sentence segmentation.

CREATE FUNCTION @extschema@.paragraphs(text,
    OUT n integer, OUT "position" integer, OUT length integer, OUT text text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'at_paragraphs'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION @extschema@.paragraphs(text) IS
'paragraphs of a text (blank-line separated, or one per line when the text has no blank line), with 1-based character positions';

CREATE FUNCTION @extschema@.sentences(text,
    OUT n integer, OUT "position" integer, OUT length integer, OUT text text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'at_sentences'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE ROWS 50;

COMMENT ON FUNCTION @extschema@.sentences(text) IS
'sentences of a text, aware of abbreviations (U.S., Co. Ltd, Dr.), decimals and quotes, with 1-based character positions';

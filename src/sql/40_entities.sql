-- Named entities: people, organizations and locations.

CREATE TYPE @extschema@.entity_kind AS ENUM ('person', 'organization', 'location');

CREATE TYPE @extschema@.entity AS (
    kind @extschema@.entity_kind,
    text text,
    canonical text,
    n integer,
    sentence integer,
    "position" integer,
    length integer,
    score real
);

COMMENT ON TYPE @extschema@.entity IS
'an entity mention: kind, surface text, canonical name within the text, ordinal n, sentence number (as sentences()), 1-based character position and length, confidence 0..1';

-- Terms users add: they win over the model.  Read once per session (or by
-- reload_gazetteer()); dumped by pg_dump as user data.
CREATE TABLE @extschema@.gazetteer (
    term text PRIMARY KEY CHECK (pg_catalog.length(term) OPERATOR(pg_catalog.>) 0),
    kind @extschema@.entity_kind NOT NULL,
    canonical text
);

COMMENT ON TABLE @extschema@.gazetteer IS
'user terms for extract_entities (exact, case-sensitive token match); read at the first call in a session or by article_tools.reload_gazetteer()';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.gazetteer', '');

GRANT SELECT ON @extschema@.gazetteer TO PUBLIC;

CREATE FUNCTION @extschema@.extract_entities(text)
RETURNS SETOF @extschema@.entity
AS 'MODULE_PATHNAME', 'at_extract_entities_sql'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE ROWS 30;

COMMENT ON FUNCTION @extschema@.extract_entities(text) IS
'people, organizations and locations of a news text (averaged-perceptron tagger trained on GMB, gazetteers and rules), with canonical names within the text';

CREATE FUNCTION @extschema@.reload_gazetteer()
RETURNS integer
AS 'MODULE_PATHNAME', 'at_reload_gazetteer'
LANGUAGE C STRICT VOLATILE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.reload_gazetteer() IS
're-reads article_tools.gazetteer in this session; returns the number of terms';

CREATE FUNCTION @extschema@.entity_model_info(
    OUT load_ms double precision, OUT memory_bytes bigint,
    OUT buckets integer, OUT user_terms integer)
AS 'MODULE_PATHNAME', 'at_entity_model_info'
LANGUAGE C STRICT VOLATILE PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.entity_model_info() IS
'the entity model of this session: load time (ms), memory held, hash buckets, user terms loaded';

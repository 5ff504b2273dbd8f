-- label: extract_entities
-- units: entities
-- target: 2
SELECT count(*) FROM corpus, LATERAL article_tools.extract_entities(raw);

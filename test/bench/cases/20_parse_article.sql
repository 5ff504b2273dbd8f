-- label: parse_article
-- units: words
-- target: 3
SELECT sum((article_tools.parse_article(raw)).words) FROM corpus;

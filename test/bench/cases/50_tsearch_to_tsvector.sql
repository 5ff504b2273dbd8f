-- label: to_tsvector_news
-- target: 1
-- to_tsvector('article_tools.news') must be at least as fast as the english baseline
SELECT sum(length(to_tsvector('article_tools.news', raw))) FROM corpus;

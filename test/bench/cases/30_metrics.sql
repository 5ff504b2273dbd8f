-- label: extract_metrics
-- units: metrics
-- target: 3
-- every figure of every article: all rows of the set-returning function are
-- produced (money, percent, counts, measures, years, dates, ordinals)
SELECT count(*) FROM corpus c, LATERAL article_tools.extract_metrics(c.raw) m;

-- extract_metrics(): every figure of every article of the corpus (rows are
-- materialised and counted, so the work is the whole SRF per article).
SELECT count(*) FROM corpus c, LATERAL article_tools.extract_metrics(c.raw) m;

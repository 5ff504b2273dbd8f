-- The extension as pg_regress creates it (REGRESS_OPTS --load-extension):
-- every file of the suite runs alone, e.g. make installcheck REGRESS=metrics.
SELECT extname, extversion, nspname AS schema, extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'article_tools';

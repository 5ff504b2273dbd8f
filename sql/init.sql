-- Create the extension for the rest of the regression suite.
CREATE EXTENSION article_tools;
SELECT extname, extversion, nspname AS schema, extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'article_tools';

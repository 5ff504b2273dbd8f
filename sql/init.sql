-- The extension as pg_regress creates it (REGRESS_OPTS --load-extension):
-- every file of the suite runs alone, e.g. make installcheck REGRESS=metrics.
SELECT extname, extversion, nspname AS schema, extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'article_tools';

-- Every type, and every column of the row types, has a description (BI
-- tools and \d+ show them): none may be listed here.
SELECT t.typname AS type, a.attname AS column_without_comment
FROM pg_type t
LEFT JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
WHERE t.typnamespace = 'article_tools'::regnamespace
  AND (t.typtype = 'e' OR (t.typtype = 'c' AND t.typrelid IN
       (SELECT oid FROM pg_class WHERE relkind = 'c')))
  AND (obj_description(t.oid, 'pg_type') IS NULL
       OR (a.attnum IS NOT NULL AND col_description(t.typrelid, a.attnum) IS NULL))
ORDER BY 1, 2;
SELECT obj_description('article_tools'::regnamespace, 'pg_namespace') IS NOT NULL AS schema_has_comment;

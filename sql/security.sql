-- A hostile search_path cannot change what the extension computes, and no
-- function runs with its owner's rights.
SET client_min_messages = warning;

-- no SECURITY DEFINER anywhere in the extension
SELECT count(*) AS security_definer_functions
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'article_tools'
WHERE p.prosecdef;

-- every function written in SQL or PL/pgSQL pins its search_path to
-- pg_catalog, pg_temp, so a name it leaves unqualified (an operator, a
-- built-in) cannot resolve to a look-alike; C functions have no such names
SELECT l.lanname, count(*) AS functions,
       count(*) FILTER (WHERE p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp']) AS pinned
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'article_tools'
WHERE p.prokind <> 'p'
GROUP BY l.lanname ORDER BY l.lanname;
-- procedures cannot pin it (a SET clause forbids their COMMIT): they spell
-- every function and operator with its schema instead (OPERATOR(pg_catalog.+))
SELECT p.proname, p.proconfig IS NULL AS unpinned
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'article_tools'
WHERE p.prokind = 'p' ORDER BY p.proname;

-- reference results under a clean search_path
CREATE TEMP TABLE sec_input AS
SELECT E'Battery sales rise\n\nUpdated: Oct 8, 2018\n\nBy Wang Lina | China Daily\n\n'
       'Sales in Jiangsu province hit 42.5 billion yuan ($6.2 billion), up 18.4 percent, '
       'said Liu Jianping of the Jiangsu Commerce Department. "Demand doubled," Liu said.' AS raw;
CREATE TEMP TABLE sec_ref AS
SELECT (SELECT row(a.*)::text FROM article_tools.parse_article(raw) a) AS article,
       (SELECT string_agg(m::text, ';' ORDER BY m.n) FROM article_tools.extract_metrics(raw) m) AS metrics,
       (SELECT string_agg(e::text, ';' ORDER BY e.n) FROM article_tools.extract_entities(raw) e) AS entities,
       (SELECT string_agg(s::text, ';' ORDER BY s.n) FROM article_tools.sentences(raw) s) AS sentences,
       to_tsvector('article_tools.news', raw)::text AS tsv
FROM sec_input;

-- a schema of look-alikes placed first on search_path
CREATE SCHEMA evil;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION evil.length(text) RETURNS integer LANGUAGE sql AS $$ SELECT -1 $$;
CREATE FUNCTION evil.substr(text, integer, integer) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION evil.to_tsvector(regconfig, text) RETURNS tsvector LANGUAGE sql AS $$ SELECT 'hijacked'::tsvector $$;
CREATE FUNCTION evil.text_eq(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
CREATE FUNCTION evil.text_cat(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE OPERATOR evil.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_cat);
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;

SET search_path = evil, public, article_tools, pg_catalog;
-- the look-alikes are live for this session ...
SELECT lower('ABC') AS lower_is_hijacked, 'a' = 'a' AS eq_is_hijacked;
-- ... but the extension's results do not change (compared with pg_catalog's =,
-- since a bare = now means evil.=)
SELECT (SELECT row(a.*)::text FROM article_tools.parse_article(raw) a) OPERATOR(pg_catalog.=) article AS same_article,
       (SELECT string_agg(m::text, ';' ORDER BY m.n) FROM article_tools.extract_metrics(raw) m) OPERATOR(pg_catalog.=) metrics AS same_metrics,
       (SELECT string_agg(e::text, ';' ORDER BY e.n) FROM article_tools.extract_entities(raw) e) OPERATOR(pg_catalog.=) entities AS same_entities,
       pg_catalog.to_tsvector('article_tools.news', raw)::text OPERATOR(pg_catalog.=) tsv AS same_tsvector
FROM sec_input, sec_ref;

RESET search_path;
DROP SCHEMA evil CASCADE;
DROP FUNCTION public.lower(text);

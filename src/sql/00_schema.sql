-- article_tools: install script, assembled by the Makefile from src/sql/*.sql.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION article_tools" to load this file. \quit

-- The text engine reads UTF-8 only: refuse to install anywhere else.
DO $at$
BEGIN
    IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'feature_not_supported',
            MESSAGE = 'article_tools requires a database with UTF8 encoding',
            DETAIL = pg_catalog.format('The current database encoding is %s.',
                                       pg_catalog.getdatabaseencoding()),
            HINT = 'Create the database with ENCODING ''UTF8'' (for example from template0) and install article_tools there.';
    END IF;
END
$at$;

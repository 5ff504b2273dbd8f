-- Helpers for test/checks/complexity.sh (schema at_cx in a database of its
-- own).  Inputs are built in SQL from the units of complexity.units.
CREATE SCHEMA at_cx;

CREATE TABLE at_cx.fns (ord int PRIMARY KEY, name text, q text);
CREATE TABLE at_cx.units (ord int PRIMARY KEY, name text, u text);

-- The unit repeated to kb kilobytes (whole units only)
CREATE FUNCTION at_cx.input(u text, kb int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT pg_catalog.repeat(u, kb * 1024 / pg_catalog.octet_length(u))
$$;

-- The query of a function, or (ref) the same query with PostgreSQL's own
-- configuration and parser (null when it has none): a reference that tells
-- a limit of the core apart from one of ours
CREATE FUNCTION at_cx.query(fn_ord int, ref bool) RETURNS text LANGUAGE sql STABLE AS $$
SELECT CASE WHEN NOT ref THEN f.q
	WHEN f.q LIKE '%article_tools.news%' THEN
		pg_catalog.replace(pg_catalog.replace(f.q, '''article_tools.news_parser''', '''default'''),
			'''article_tools.news''', '''english''')
	END
FROM at_cx.fns f WHERE f.ord = fn_ord
$$;

-- CPU time of this backend in ns (Linux /proc/self/schedstat, readable by
-- a superuser), or null: other processes on a busy machine do not count.
-- It advances at scheduler ticks (4 ms at HZ=250), so at_cx.run adds up
-- runs until far more than a tick has been spent.
CREATE FUNCTION at_cx.cpu_ns() RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
	RETURN pg_catalog.split_part(pg_catalog.pg_read_file('/proc/self/schedstat'), ' ', 1)::numeric;
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END
$$;

-- Milliseconds per run of function fn_ord (or its reference) over unit
-- unit_ord repeated to kb kB: the CPU time of as many runs as it takes to
-- spend min_ms (at most max_reps runs), divided by their number.  Without
-- schedstat: the fastest run by the wall clock.
CREATE FUNCTION at_cx.run(fn_ord int, unit_ord int, kb int, min_ms float8, max_reps int,
	ref bool DEFAULT false)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	q text := at_cx.query(fn_ord, ref);
	s text := at_cx.input((SELECT x.u FROM at_cx.units x WHERE x.ord = unit_ord), kb);
	c0 numeric := at_cx.cpu_ns();
	t0 timestamptz;
	ms float8;
	best float8;
	spent float8 := 0;
	runs int := 0;
	r numeric;
BEGIN
	IF q IS NULL THEN
		RETURN NULL;
	END IF;
	LOOP
		t0 := pg_catalog.clock_timestamp();
		EXECUTE q INTO r USING s;
		ms := EXTRACT(epoch FROM pg_catalog.clock_timestamp() - t0) * 1000;
		best := LEAST(best, ms);
		runs := runs + 1;
		IF c0 IS NOT NULL THEN
			spent := (at_cx.cpu_ns() - c0) / 1000000;
		ELSE
			spent := spent + ms;
		END IF;
		EXIT WHEN spent >= min_ms OR runs >= max_reps;
	END LOOP;
	RETURN CASE WHEN c0 IS NOT NULL THEN spent / runs ELSE best END;
END
$$;

-- Drops the functions whose query names something that does not exist (a
-- feature not merged yet) and returns their names; warms up the rest and
-- their references (library, model and pattern loading are not measured).
CREATE FUNCTION at_cx.prepare() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	f record;
	r numeric;
BEGIN
	FOR f IN SELECT * FROM at_cx.fns ORDER BY ord LOOP
		BEGIN
			EXECUTE f.q INTO r USING 'Warm up. BEIJING, Oct. 8 (Xinhua) -- Li said exports rose 5.2 percent.'::text;
			IF at_cx.query(f.ord, true) IS NOT NULL THEN
				EXECUTE at_cx.query(f.ord, true) INTO r USING 'Warm up.'::text;
			END IF;
		EXCEPTION WHEN undefined_function OR undefined_table OR undefined_object
				OR invalid_schema_name OR undefined_parameter THEN
			DELETE FROM at_cx.fns WHERE ord = f.ord;
			RETURN NEXT f.name || ' (' || SQLERRM || ')';
		END;
	END LOOP;
END
$$;

-- Helpers for test/checks/limits.sh and memory.sh (schema at_limits in
-- their own database).  Inputs are generated in SQL, never read from files.
CREATE SCHEMA at_limits;

-- Team-written news paragraphs in the target style: numbers, money, quotes,
-- abbreviations, dates, a dateline and page chrome.
CREATE FUNCTION at_limits.news_block(i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT pg_catalog.format(
 E'BEIJING, Oct. %s (Xinhua) -- China''s exports of lithium batteries rose %s.%s percent year-on-year to 42.5 billion yuan ($6.2 billion) in the first three quarters, the Ministry of Commerce said on Monday. '
 || E'"Demand from German and French carmakers has doubled since 2016," said Liu Jianping, deputy director of the department, at a press conference in Beijing.\n\n'
 || E'Contemporary Amperex Technology Co. Ltd, the country''s largest maker, plans to open a 1.8 billion-euro plant in Erfurt by 2022; its shares closed at 91.35 yuan (up %s%%) on the Shenzhen Stock Exchange. '
 || E'Dr. Wang of Tsinghua University told China Daily that U.S. tariffs (announced on Sept. 24) had "little effect" on the sector.\n\n'
 || E'Updated: 2018-10-%s 09:%s | By Wang Lina | China Daily | Print E-mail\n\n',
 i % 28 + 1, i % 40, i % 10, i % 9 + 1, i % 28 + 10, i % 50 + 10)
$$;

-- About mb megabytes (2^20 bytes) of news text.
CREATE FUNCTION at_limits.news(mb float8) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	block text := at_limits.news_block(7);
BEGIN
	RETURN pg_catalog.repeat(block, pg_catalog.ceil(mb * 1048576 / pg_catalog.octet_length(block))::int);
END
$$;

-- One article of about 1.3 kB, different for every i.
CREATE FUNCTION at_limits.article(i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT 'Battery exports climb ' || i || E'\n\n' || at_limits.news_block(i)
$$;

-- Pathological inputs, about mb megabytes each (see limits.sh).
CREATE FUNCTION at_limits.edge(kind text, mb float8) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	n int := pg_catalog.ceil(mb * 1048576)::int;
BEGIN
	CASE kind
	WHEN 'token' THEN		-- one word, no space or punctuation
		RETURN pg_catalog.repeat('x', n);
	WHEN 'digits' THEN		-- one number
		RETURN pg_catalog.repeat('9', n);
	WHEN 'dotted' THEN		-- one token of abbreviations and decimals: U.S.1.2.U.S.
		RETURN pg_catalog.repeat('U.S.1.', n / 6);
	WHEN 'numbers' THEN		-- news figures, about 150,000 per MB (1,500,000 at 10 MB)
		RETURN pg_catalog.repeat((SELECT pg_catalog.string_agg(
				CASE g % 4 WHEN 0 THEN g::text WHEN 1 THEN '$' || (g % 1000) || '.5'
				           WHEN 2 THEN (g % 100) || '%' ELSE '1,' || pg_catalog.lpad((g % 1000)::text, 3, '0') END, ' ')
			FROM pg_catalog.generate_series(1, 1000) g) || ' ', n / 6800);
	WHEN 'brackets' THEN	-- nesting n / 2 deep
		RETURN pg_catalog.repeat('(', n / 2) || pg_catalog.repeat(')', n / 2);
	WHEN 'quotes' THEN		-- quotes of every kind, opened and never closed
		RETURN pg_catalog.repeat(E'"\u201c\u2018\u00ab[{''', n / 12);
	WHEN 'quoted' THEN		-- nested quoted sentences
		RETURN pg_catalog.repeat(E'\u201cHe said "it grew. ', n / 24) || pg_catalog.repeat(E'" Yes.\u201d ', n / 24);
	WHEN 'blank' THEN		-- white space of every kind and blank lines only
		RETURN pg_catalog.repeat(E' \t\n\r\n\u00a0\u3000\n', n / 10);
	WHEN 'dots' THEN		-- terminal punctuation only
		RETURN pg_catalog.repeat(E'. ! ? \u2026 \u3002 ', n / 12);
	WHEN 'lines' THEN		-- one-character lines, no blank line
		RETURN pg_catalog.repeat(E'A.\n', n / 3);
	ELSE
		RAISE EXCEPTION 'unknown kind %', kind;
	END CASE;
END
$$;

-- Every code point of every Unicode plane (0 to 16) except surrogates and
-- NUL, each followed by a space: about 5.4 MB.
CREATE FUNCTION at_limits.planes() RETURNS text LANGUAGE sql AS $$
SELECT pg_catalog.string_agg(pg_catalog.chr(c) || ' ', '')
FROM pg_catalog.generate_series(1, 1114111) c
WHERE c NOT BETWEEN 55296 AND 57343
$$;

-- CPU time of this backend in ns (Linux /proc/self/schedstat, readable by
-- a superuser), or null.  The scaling test measures CPU time rather than
-- wall time so that other processes on a busy machine do not skew it.
CREATE FUNCTION at_limits.cpu_ns() RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
	RETURN pg_catalog.split_part(pg_catalog.pg_read_file('/proc/self/schedstat'), ' ', 1)::numeric;
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END
$$;

-- Milliseconds (of CPU when available, else wall clock) of the fastest of
-- reps runs of q over s.
CREATE FUNCTION at_limits.run_ms(q text, s text, reps int DEFAULT 1) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	c0 numeric;
	best float8;
	ms float8;
	r numeric;
BEGIN
	FOR i IN 1..reps LOOP
		c0 := at_limits.cpu_ns();
		t0 := pg_catalog.clock_timestamp();
		EXECUTE q INTO r USING s;
		IF c0 IS NOT NULL THEN
			ms := (at_limits.cpu_ns() - c0) / 1000000;
		ELSE
			ms := EXTRACT(epoch FROM pg_catalog.clock_timestamp() - t0) * 1000;
		END IF;
		best := LEAST(best, ms);
	END LOOP;
	RETURN best;
END
$$;

-- Runs q over mb MB of news text reps times, until a cancel or a timeout
-- stops it.  ready_ms: the input was built that long after the statement
-- began (a stop before that is no measure: caught_at stays null and
-- early is set); caught_at: epoch seconds when query_canceled arrived
-- (null when nothing stopped it); timeout_latency_ms: how long after the
-- statement_timeout was due it arrived.  signal_ready sets
-- application_name so that another session knows when to cancel.
CREATE FUNCTION at_limits.cancel_probe(q text, mb float8, reps int, signal_ready bool,
	OUT ready_ms float8, OUT caught_at float8, OUT timeout_latency_ms float8, OUT early bool)
LANGUAGE plpgsql AS $$
DECLARE
	s text;
	r numeric;
BEGIN
	early := false;
	BEGIN
		s := at_limits.news(mb);
		ready_ms := EXTRACT(epoch FROM pg_catalog.clock_timestamp() - pg_catalog.statement_timestamp()) * 1000;
		IF signal_ready THEN
			PERFORM pg_catalog.set_config('application_name', 'at_limits_probe_running', false);
		END IF;
		FOR i IN 1..reps LOOP
			EXECUTE q INTO r USING s;
		END LOOP;
	EXCEPTION WHEN query_canceled THEN
		IF ready_ms IS NULL THEN
			early := true;
			RETURN;
		END IF;
		caught_at := EXTRACT(epoch FROM pg_catalog.clock_timestamp());
		timeout_latency_ms := (caught_at - EXTRACT(epoch FROM pg_catalog.statement_timestamp())) * 1000
			- EXTRACT(epoch FROM pg_catalog.current_setting('statement_timeout')::interval) * 1000;
	END;
END
$$;

-- The functions under test, loaded by the scripts from sql_functions.list.
CREATE TABLE at_limits.fns (ord int, name text, q text, expr text, mem text);

-- Runs every function of at_limits.fns over one input and returns, per
-- function, the fastest of reps runs in ms less the harness's own time, or 'ERROR <sqlstate> <message>'
-- when it raised an error (a crash ends the session instead).
CREATE FUNCTION at_limits.bench(s text, reps int, OUT name text, OUT result text)
RETURNS SETOF record LANGUAGE plpgsql AS $$
DECLARE
	f record;
	r numeric;
	-- what the harness itself costs per run (plpgsql copies the argument
	-- for EXECUTE ... USING): subtracted from every function's time
	base float8 := at_limits.run_ms('SELECT pg_catalog.octet_length($1)', s, reps);
BEGIN
	-- one-off costs (loading the library, the model, compiling patterns)
	-- are paid here, not by the first measured run
	FOR f IN SELECT * FROM at_limits.fns ORDER BY ord LOOP
		EXECUTE f.q INTO r USING 'Warm up. BEIJING, Oct. 8 (Xinhua) -- Li said exports rose 5.2 percent.'::text;
	END LOOP;
	PERFORM at_limits.cleanup();
	FOR f IN SELECT * FROM at_limits.fns ORDER BY ord LOOP
		name := f.name;
		BEGIN
			result := GREATEST(at_limits.run_ms(f.q, s, reps) - base, 0)::text;
		EXCEPTION WHEN query_canceled THEN
			RAISE;
		WHEN OTHERS THEN
			result := 'ERROR ' || SQLSTATE || ' ' || SQLERRM;
		END;
		RETURN NEXT;
	END LOOP;
END
$$;

-- The trigger pipeline, when present: a table attached to it (the
-- "pipeline" line of sql_functions.list inserts into it), emptied by
-- at_limits.cleanup() between measurements.
DO $$
BEGIN
	IF pg_catalog.to_regprocedure('article_tools.attach(regclass,name,jsonb)') IS NOT NULL THEN
		CREATE TABLE at_limits.docs (id bigserial PRIMARY KEY, raw text);
		PERFORM article_tools.attach('at_limits.docs', 'raw');
	END IF;
END
$$;

CREATE FUNCTION at_limits.cleanup() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t regclass;
BEGIN
	IF pg_catalog.to_regclass('at_limits.docs') IS NULL THEN
		RETURN;
	END IF;
	PERFORM pg_catalog.set_config('client_min_messages', 'warning', true);
	FOR t IN SELECT c.oid::regclass FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'at_limits' AND c.relkind = 'r' AND c.relname <> 'fns'
	LOOP
		EXECUTE pg_catalog.format('TRUNCATE %s CASCADE', t);
	END LOOP;
END
$$;

-- Drops the lines of at_limits.fns whose query names something that does
-- not exist (a feature not merged yet), with a notice.
CREATE FUNCTION at_limits.drop_missing() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	f record;
	r numeric;
BEGIN
	FOR f IN SELECT * FROM at_limits.fns ORDER BY ord LOOP
		BEGIN
			EXECUTE f.q INTO r USING 'x'::text;
		EXCEPTION WHEN undefined_function OR undefined_table OR undefined_object
				OR invalid_schema_name OR undefined_parameter THEN
			DELETE FROM at_limits.fns WHERE name = f.name;
			RETURN NEXT f.name || ' (' || SQLERRM || ')';
		END;
	END LOOP;
	PERFORM at_limits.cleanup();
END
$$;

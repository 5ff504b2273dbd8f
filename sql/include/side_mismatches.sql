-- Included by sql/pipeline*.sql (\i), so that each of them runs alone.
-- expected side rows (from the functions) versus stored side rows, per side
-- table: "differing" counts rows present on one side only (0 = identical)
CREATE OR REPLACE FUNCTION side_mismatches(tbl regclass, raw text, keys text[])
RETURNS TABLE (side text, same_count boolean, has_rows boolean, differing bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
    kj text := (SELECT string_agg(format('%L, t.%I', k, k), ', ') FROM unnest(keys) k);
    steps text[][] := ARRAY[
        ['parsed', 'SELECT jsonb_build_object(%1$s) || to_jsonb(a) AS j FROM %2$s t, article_tools.parse_article(t.%3$I) a'],
        ['entities', 'SELECT jsonb_build_object(%1$s) || to_jsonb(x) AS j FROM %2$s t, article_tools.parse_article(t.%3$I) a, article_tools.extract_entities(a.body) x'],
        ['metrics', 'SELECT jsonb_build_object(%1$s) || to_jsonb(x) AS j FROM %2$s t, article_tools.parse_article(t.%3$I) a, '
                    || (SELECT article_tools._step_call(s.func, s.arg, 'a') FROM article_tools._pipeline_steps() s WHERE s.step = 'metrics')
                    || ' x']];
    s text[];
BEGIN
    FOREACH s SLICE 1 IN ARRAY steps LOOP
        CONTINUE WHEN to_regclass(tbl::text || '_' || s[1]) IS NULL;
        RETURN QUERY EXECUTE format(
            'WITH e AS (' || s[2] || '), g AS (SELECT to_jsonb(p) - ''tsv'' AS j FROM %4$s p)
             SELECT %5$L, (SELECT count(*) FROM e) = (SELECT count(*) FROM g), (SELECT count(*) > 0 FROM g),
                    (SELECT count(*) FROM ((SELECT j FROM e EXCEPT ALL SELECT j FROM g)
                                           UNION ALL (SELECT j FROM g EXCEPT ALL SELECT j FROM e)) d)',
            kj, tbl, raw, tbl::text || '_' || s[1], s[1]);
    END LOOP;
    -- the tsvector is the body's in article_tools.news
    IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = (tbl::text || '_parsed')::regclass AND attname = 'tsv') THEN
        RETURN QUERY EXECUTE format(
            'SELECT ''tsv'', true, count(*) > 0,
                    count(*) FILTER (WHERE tsv IS DISTINCT FROM to_tsvector(''article_tools.news'', body))
             FROM %s', tbl::text || '_parsed');
    END IF;
END
$fn$;

-- Full-text search: news_parser, the news_compound dictionary and the news
-- configuration.  Sample sentences are team-written in the style of the
-- target articles.
SET search_path = public;

-- token types: the default parser's 23 with the same ids and aliases, then the news types
SELECT n.tokid, n.alias, n.description, d.alias IS NOT DISTINCT FROM n.alias AS same_as_default
FROM ts_token_type('article_tools.news_parser') n
LEFT JOIN ts_token_type('default') d USING (tokid)
ORDER BY n.tokid;

-- ts_parse: compounds come first, then their parts
SELECT * FROM ts_parse('article_tools.news_parser',
  'President Xi Jinping said exports rose 11% to 3,000 billion yuan on Oct 8, 2018.');
SELECT * FROM ts_parse('article_tools.news_parser', 'state-of-the-art 中国经济 中');

-- without news text the tokens are those of the default parser
WITH t(s) AS (VALUES
  ('See www.example.com/a/b.html?x=1 or http://x.org:80/p, mail j.smith@mail.com.'),
  ('v1.2.3 1.5 -3 +4.5 2e10 -1.2.3 the U.S. index.html ~/x ../y covid-19 19-year-old'),
  ('<b class="x">bold</b> &amp; &#x26; <!-- c --> <script>var a-1;</script>ok'))
SELECT s,
       (SELECT array_agg(tokid || ':' || token) FROM ts_parse('default', s)) =
       (SELECT array_agg(tokid || ':' || token) FROM ts_parse('article_tools.news_parser', s)) AS same
FROM t;

-- ts_debug shows the dictionaries of each token
SELECT alias, token, dictionaries, dictionary, lexemes
FROM ts_debug('article_tools.news', 'US$42.5 billion for Bank of China');

-- normalisation: every way of writing the same amount, percentage or date
SELECT ts_lexize('article_tools.news_compound', x) AS lexemes, x
FROM unnest(ARRAY['3 trillion yuan', '3,000 billion yuan', 'RMB 3 trillion',
                  '$42.5 billion', 'US$42.5 billion', '11 percent', '11 per cent', '11%',
                  'Oct 8, 2018', '2018-10-08', '2018.10.08', 'Xi Jinping', 'plain']) x;

-- to_tsvector: the english lexemes, plus the canonical ones
SELECT to_tsvector('article_tools.news',
  'Xi Jinping met them. Sales hit 3,000 billion yuan, up 11 per cent on Oct 8, 2018.');
SELECT to_tsvector('english',
  'Xi Jinping met them. Sales hit 3,000 billion yuan, up 11 per cent on Oct 8, 2018.');
-- names keep the positions english gives their words
SELECT to_tsvector('article_tools.news', 'Premier Li Keqiang met Ursula von der Leyen in Brussels');
SELECT to_tsvector('english', 'Premier Li Keqiang met Ursula von der Leyen in Brussels');

-- the three query forms
SELECT websearch_to_tsquery('article_tools.news', '3 trillion yuan') AS websearch,
       plainto_tsquery('article_tools.news', 'RMB 3 trillion') AS plain,
       phraseto_tsquery('article_tools.news', 'up 11 per cent') AS phrase;

-- a query written one way finds a text written another way
WITH docs(id, body) AS (VALUES
  (1, 'Retail sales hit 3,000 billion yuan last year.'),
  (2, 'The fund raised US$42.5 billion.'),
  (3, 'Output rose 11% on 2018.10.08, Xi Jinping said.'),
  (4, 'Nothing about money here.')),
q(name, query) AS (VALUES
  ('websearch 3 trillion yuan', websearch_to_tsquery('article_tools.news', '3 trillion yuan')),
  ('plain RMB 3 trillion', plainto_tsquery('article_tools.news', 'RMB 3 trillion')),
  ('phrase 3 trillion yuan', phraseto_tsquery('article_tools.news', '3 trillion yuan')),
  ('plain $42.5 billion', plainto_tsquery('article_tools.news', '$42.5 billion')),
  ('phrase 11 per cent', phraseto_tsquery('article_tools.news', '11 per cent')),
  ('plain Oct 8, 2018', plainto_tsquery('article_tools.news', 'Oct 8, 2018')),
  ('websearch "Xi Jinping"', websearch_to_tsquery('article_tools.news', '"Xi Jinping"')),
  ('websearch yuan', websearch_to_tsquery('article_tools.news', 'yuan')))
SELECT q.name, array_agg(d.id ORDER BY d.id) FILTER (WHERE to_tsvector('article_tools.news', d.body) @@ q.query) AS matches
FROM q CROSS JOIN docs d GROUP BY q.name ORDER BY q.name;

-- ts_rank
SELECT id, round(ts_rank(to_tsvector('article_tools.news', body),
                         websearch_to_tsquery('article_tools.news', 'yuan sales')) :: numeric, 4) AS rank
FROM (VALUES (1, 'Sales of cars hit 3 trillion yuan; sales of phones grew.'),
             (2, 'The yuan weakened.'),
             (3, 'Sales fell.')) d(id, body)
ORDER BY rank DESC, id;

-- ts_headline: the text comes back exactly, matches are marked, the new types too
SELECT ts_headline('article_tools.news',
  'President Xi Jinping said sales hit 3,000 billion yuan and 中国经济 grew.',
  plainto_tsquery('article_tools.news', 'RMB 3 trillion'));
SELECT ts_headline('article_tools.news',
  'President Xi Jinping said sales hit 3,000 billion yuan and 中国经济 grew.',
  websearch_to_tsquery('article_tools.news', '"Xi Jinping"'), 'HighlightAll=true');
SELECT ts_headline('article_tools.news',
  'President Xi Jinping said sales hit 3,000 billion yuan and 中国经济 grew.',
  to_tsquery('article_tools.news', 'grew | 国经'), 'HighlightAll=true, StartSel=[, StopSel=]');
SELECT ts_headline('article_tools.news',
  'The state-of-the-art plant opened in 2018. Output rose 11% in the first year. ' ||
  'Analysts expect output to rise again. Exports of batteries rose faster than output of cars.',
  to_tsquery('article_tools.news', 'output & rise'),
  'MaxFragments=2, MaxWords=8, MinWords=3, FragmentDelimiter=" ... "');
SELECT ts_headline('article_tools.news', 'A state-of-the-art plant.',
  to_tsquery('article_tools.news', 'state-of-the-art'));
-- every byte of the text comes back with HighlightAll and no match
SELECT ts_headline('article_tools.news', x, to_tsquery('nomatchatall'), 'HighlightAll=true') = x AS same
FROM (VALUES ('Tabs	and  spaces, <b>tags</b>, &amp; entities, http://a.com/x?y=1 and 3,000 billion yuan!'),
             ('中国经济 grew 11% on Oct 8, 2018 — said Xi Jinping.')) t(x);

-- a GIN index serves the queries
CREATE TABLE fts_docs (id int PRIMARY KEY, body text);
INSERT INTO fts_docs
SELECT i, CASE WHEN i % 100 = 0 THEN 'Sales hit 3,000 billion yuan in year ' || i
               ELSE 'Routine filler sentence number ' || i END
FROM generate_series(1, 2000) i;
CREATE INDEX fts_docs_tsv ON fts_docs USING gin (to_tsvector('article_tools.news', body));
ANALYZE fts_docs;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM fts_docs
WHERE to_tsvector('article_tools.news', body) @@ websearch_to_tsquery('article_tools.news', '3 trillion yuan');
SELECT count(*) FROM fts_docs
WHERE to_tsvector('article_tools.news', body) @@ websearch_to_tsquery('article_tools.news', '3 trillion yuan');
SELECT count(*) FROM fts_docs
WHERE to_tsvector('article_tools.news', body) @@ plainto_tsquery('article_tools.news', 'RMB 3 trillion');
RESET enable_seqscan;
DROP TABLE fts_docs;

-- limits
SELECT to_tsvector('article_tools.news', '') AS empty, to_tsvector('article_tools.news', NULL) AS null_in;
-- 2047 bytes is a word; 2048 and more is no lexeme (and, unlike the default parser, no NOTICE)
SELECT length(to_tsvector('article_tools.news', repeat('a', 2047) || ' b')) AS two_lexemes,
       to_tsvector('article_tools.news', repeat('a', 2048) || ' b') AS one_lexeme;
SELECT to_tsvector('article_tools.news', repeat('a', 10 * 1024 * 1024) || ' tail') AS ten_mb_token;
SELECT length(ts_headline('article_tools.news', repeat('x', 5000) || ' word', to_tsquery('word'), 'HighlightAll=true')) AS headline_length;
-- positions stop at 16383, as in core
SELECT max(p) AS max_position
FROM unnest(to_tsvector('article_tools.news', (SELECT string_agg('w' || i, ' ') FROM generate_series(1, 20000) i))) u,
     unnest(u.positions) p;
-- nested tag-like junk and unterminated comments are blanks, in linear time
SELECT count(*) AS tokens FROM ts_parse('article_tools.news_parser', repeat('<a <b <!-- ', 20000));
SELECT to_tsvector('article_tools.news', repeat('<', 10000) || 'word' || repeat('<!--', 10000));
-- invalid URLs
SELECT to_tsvector('article_tools.news', 'http://exa mple.com/ https://a..b/c ftp://x.y:99999999999/p http:// mailto:@x www.-bad-.com/x');

-- news_stem: english_stem behind a per-backend cache; every answer, asked
-- twice (the second from the cache), is english_stem's: stems, stop words,
-- case, non-ASCII, a word too long to cache and the empty string
SELECT w, ts_lexize('article_tools.news_stem', w) AS cached,
       ts_lexize('article_tools.news_stem', w) IS NOT DISTINCT FROM ts_lexize('english_stem', w) AS same_first,
       ts_lexize('article_tools.news_stem', w) IS NOT DISTINCT FROM ts_lexize('english_stem', w) AS same_again
FROM unnest(ARRAY['Running', 'running', 'THE', 'the', 'Ministries', 'café', 'naïvely',
                  repeat('internationalisation', 3), '']) w;
-- a cache of a dictionary that does not know every word passes its NULL on,
-- and a change to the cached dictionary empties the cache at once
CREATE TEXT SEARCH DICTIONARY tsearch_simple (TEMPLATE = pg_catalog.simple, StopWords = english);
CREATE TEXT SEARCH DICTIONARY tsearch_cached (TEMPLATE = article_tools.stem_cache, Dictionary = 'tsearch_simple');
SELECT ts_lexize('tsearch_cached', 'Word') AS word, ts_lexize('tsearch_cached', 'The') AS stop_word;
ALTER TEXT SEARCH DICTIONARY tsearch_simple (Accept = false);
SELECT ts_lexize('tsearch_cached', 'Word') AS word, ts_lexize('tsearch_cached', 'The') AS stop_word;
SELECT ts_lexize('tsearch_cached', 'Word') IS NULL AS still_unknown;
-- bad definitions
CREATE TEXT SEARCH DICTIONARY tsearch_bad (TEMPLATE = article_tools.stem_cache);
CREATE TEXT SEARCH DICTIONARY tsearch_bad (TEMPLATE = article_tools.stem_cache, Dictionary = 'english_stem', Size = 10);
CREATE TEXT SEARCH DICTIONARY tsearch_bad (TEMPLATE = article_tools.stem_cache, Dictionary = 'no_such_dictionary');
DROP TEXT SEARCH DICTIONARY tsearch_cached;
DROP TEXT SEARCH DICTIONARY tsearch_simple;

-- PCRE2 limits: a pattern that hits its match limit gives a clean ERROR
-- with SQLSTATE 54000 (program_limit_exceeded), never a silent non-match.
-- No shipped pattern comes near the default limit (10,000,000) on any input
-- (README "Robustness"), so the test lowers it with the setting
-- article_tools.regex_match_limit, which can only be lowered.
SET client_min_messages = warning;
CREATE TEMP TABLE rl_input (k text, raw text);
INSERT INTO rl_input VALUES
 ('news', E'Exports rise again\n\nBEIJING, Oct. 8 (Xinhua) -- China''s exports rose 4 percent, the ministry said.'),
 -- a short line the legal-notice pattern backtracks over (a reproduction
 -- notice without its end: thousands of steps)
 ('app', E'Exports rise again\n\nreproduction ' || repeat('without ', 12) || E'rights\n\nExports rose 4 percent, the ministry said.');

-- the default: both parse
SELECT k, a.title, a.dateline FROM rl_input, article_tools.parse_article(raw) a ORDER BY k;

-- a lowered limit: the ordinary line still parses, the other one is an error
SET article_tools.regex_match_limit = 100;
SELECT a.title, a.dateline FROM rl_input, article_tools.parse_article(raw) a WHERE k = 'news';
SELECT a.title FROM rl_input, article_tools.parse_article(raw) a WHERE k = 'app';
\set VERBOSITY sqlstate
SELECT a.title FROM rl_input, article_tools.parse_article(raw) a WHERE k = 'app';
\set VERBOSITY default
-- a caller can catch it by its condition name
DO $$
BEGIN
	PERFORM article_tools.parse_article(raw) FROM rl_input WHERE k = 'app';
	RAISE NOTICE 'no error';
EXCEPTION WHEN program_limit_exceeded THEN
	RAISE WARNING 'caught %: %', SQLSTATE, SQLERRM;
END
$$;

-- back to the default: the same input parses again
RESET article_tools.regex_match_limit;
SELECT a.title FROM rl_input, article_tools.parse_article(raw) a WHERE k = 'app';

-- the setting cannot raise the limit, nor switch it off
SET article_tools.regex_match_limit = 10000001;
SET article_tools.regex_match_limit = 0;
SHOW article_tools.regex_match_limit;

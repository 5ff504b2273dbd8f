-- label: news_parser_tokens
-- units: tokens
-- the news parser alone (no row per token, unlike ts_parse); compare with default_parser_tokens
SELECT sum(ts_token_count('article_tools.news_parser', raw)) FROM corpus;

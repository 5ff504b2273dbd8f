-- label: default_parser_tokens
-- units: tokens
-- PostgreSQL's default parser alone, the reference for news_parser_tokens
SELECT sum(ts_token_count('default', raw)) FROM corpus;

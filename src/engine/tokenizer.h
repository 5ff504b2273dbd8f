/*
 * tokenizer.h: the news-aware text search tokenizer behind
 * article_tools.news_parser.
 *
 * Token types 1..23 have the ids, aliases and meaning of PostgreSQL's
 * default parser (src/backend/tsearch/wparser_def.c), so a configuration
 * built on this tokenizer accepts the same ALTER MAPPING commands.  Types
 * 24..28 are news types.  Compound tokens (hyphenated words, URLs, money,
 * percentages, dates, names) are followed by the tokens of their parts, as
 * the default parser does for hyphenated words; CJK runs come as
 * overlapping bigrams (a lone character as a unigram).
 *
 * Every byte of the input belongs to some token, so ts_headline can give
 * the text back.  No token is longer than AT_TOK_MAX_LEN bytes: longer runs
 * (which PostgreSQL would drop with a NOTICE) come as blank pieces.
 *
 * A hand-written scanner, linear in the input: no regular expressions, no
 * allocation.
 */
#ifndef AT_TOKENIZER_H
#define AT_TOKENIZER_H

#include "common.h"

#include "toktypes.h"

/* Longest token returned (PostgreSQL ignores words of 2048 bytes or more) */
#define AT_TOK_MAX_LEN 2047

typedef struct AtTokType
{
	const char *alias;
	const char *descr;
} AtTokType;

/* Indexed by token type; entry 0 is empty */
extern const AtTokType at_tok_types[AT_TOK_LAST + 1];

/* True for compound types whose parts follow them as separate tokens */
extern bool at_tok_is_compound(int type);

/* Flags for at_tok_init */
#define AT_TOK_NEWS		0x01		/* news types; without it, the default parser's tokens */

typedef struct AtTokenizer
{
	const char *s;
	size_t		len;
	size_t		pos;			/* where the next token starts */
	unsigned	flags;
	int			mode;			/* what the next token is (tokenizer.c); 0: a new one */
	bool		ignore;			/* inside <script> or <style> */
	bool		wanthost;		/* scanning the host of an e-mail address */
	bool		comment_eof;
	bool		blank_cont;		/* a blank was cut at a compound's end */	/* an unterminated <!-- was seen: no later one ends */
	size_t		plain_until;	/* no compound starts before this byte */
	size_t		aux_end;		/* end of the current CJK run / long run / URL host */
	size_t		aux2;			/* end of the URL path */
	int			rtype;			/* scratch: type found by the scanners */
	size_t		cw_pos;			/* the first word of a failed name: where, */
	size_t		cw_end;			/* its end (0: none), */
	int			cw_type;		/* its type */
	size_t		url_slash;		/* scratch: byte of the '/' after a URL's host */
	size_t		host_fail_from;	/* the last host scan that failed read from here */
	size_t		host_fail_at;	/* to here without a fallback (tokenizer.c, host) */
	unsigned	ticks;			/* interrupt check counter */
} AtTokenizer;

extern void at_tok_init(AtTokenizer *t, const char *s, size_t len, unsigned flags);

/*
 * Next token: returns its type (> 0) and sets *start and *len (bytes), or
 * returns 0 at the end of the input.
 */
extern int	at_tok_next(AtTokenizer *t, size_t *start, size_t *len);

/* True when the word lists the tokenizer bisects are in order (unit tests) */
extern bool at_tok_tables_sorted(void);

#endif							/* AT_TOKENIZER_H */

/*
 * ftsnorm.h: money, percentages and dates for full-text search: where
 * they are (for the tokenizer) and their canonical lexemes (for the
 * article_tools.news_compound dictionary).
 *
 *   3 trillion yuan, 3,000 billion yuan, RMB 3 trillion  -> cny:3000000000000
 *   $42.5 billion, US$42.5 billion                        -> usd:42500000000
 *   11 percent, 11 per cent, 11%                          -> pct:11
 *   Oct 8, 2018, 2018-10-08, 2018.10.08                   -> 2018-10-08
 *
 * Money and percentages are recognised here (a small scanner over a table
 * of currency words); dates by the shared recogniser in dates.h.
 */
#ifndef AT_FTSNORM_H
#define AT_FTSNORM_H

#include "common.h"

#define AT_FTS_MAX_SPELLED 3

typedef struct AtFtsCanon
{
	int			type;			/* AT_TOK_MONEY, AT_TOK_PERCENT or AT_TOK_DATE */
	char		id[96];			/* canonical lexeme: cny:3000000000000, pct:11, 2018-10-08 */

	/*
	 * The canonical wording ("3", "trillion", "yuan"), so a query that
	 * spells the amount in words finds every way of writing it.
	 */
	int			nspelled;
	char		spelled[AT_FTS_MAX_SPELLED][64];
} AtFtsCanon;

/*
 * A money amount, percentage or date starting exactly at byte pos: returns
 * its length in bytes and fills *out, or returns 0 (*out is then
 * undefined).  The caller decides where an expression may start (a token
 * boundary).
 */
extern size_t at_fts_match(const char *s, size_t len, size_t pos, AtFtsCanon *out);

/* True when s[0..len) is exactly one such expression; fills *out */
extern bool at_fts_canon(const char *s, size_t len, AtFtsCanon *out);

/* True when the byte at s[pos] may start an expression (fast filter) */
extern bool at_fts_may_start(const char *s, size_t len, size_t pos);

/* True when the word lists bisected here are in byte order (unit tests) */
extern bool at_fts_tables_sorted(void);

#endif							/* AT_FTSNORM_H */

/*
 * regex.h: PCRE2 patterns compiled once per process, JIT-compiled, with
 * match data reused between calls and match/depth limits always set.
 *
 * Declare a pattern as static data next to the code that uses it:
 *
 *     static AtRegex re_date = AT_REGEX("(\\d{4})-(\\d{2})-(\\d{2})", 0);
 *
 * and match it with at_regex_match().  The first use compiles it (memory from
 * malloc: compiled patterns live as long as the backend), later uses only run
 * it.  Subjects must be valid UTF-8 (checked once by the caller) and start
 * offsets must be character boundaries: matching skips PCRE2's UTF check.
 */
#ifndef AT_REGEX_H
#define AT_REGEX_H

#include "common.h"

/* Options for AT_REGEX (mapped to PCRE2 options) */
#define AT_RE_CASELESS	0x01
#define AT_RE_MULTILINE	0x02
#define AT_RE_UNICODE	0x04	/* UTF + UCP: \w, \d and case folding over Unicode */
#define AT_RE_ANCHORED	0x08

/* Limits: a match that needs more fails with AT_ERR_REGEX_LIMIT */
#define AT_RE_MATCH_LIMIT	10000000
#define AT_RE_DEPTH_LIMIT	10000
#define AT_RE_MAX_GROUPS	16

typedef struct AtRegex
{
	const char *source;
	unsigned	options;
	bool		compiled;
	bool		jit;
	void	   *code;			/* pcre2_code * */
	void	   *match_data;		/* pcre2_match_data * */
} AtRegex;

#define AT_REGEX(src, opts) {(src), (opts), false, false, NULL, NULL}

typedef struct AtMatch
{
	int			ngroups;		/* groups set, including group 0 */
	/* byte offsets; start == SIZE_MAX for an unset group */
	size_t		start[AT_RE_MAX_GROUPS];
	size_t		end[AT_RE_MAX_GROUPS];
} AtMatch;

/*
 * Search subject[0..len) from byte offset 'from'.  Returns 1 on a match
 * (filling *m), 0 on no match, or a negative AtStatus on error
 * (-AT_ERR_REGEX_LIMIT, -AT_ERR_REGEX_INTERNAL).
 */
extern int	at_regex_match(AtRegex *re, const char *subject, size_t len,
						   size_t from, AtMatch *m);

/* Compile now (e.g. at load time); returns AT_OK or an error */
extern AtStatus at_regex_compile(AtRegex *re);

/*
 * Lower the match limit of every pattern (1 .. AT_RE_MATCH_LIMIT; other
 * values restore the default).  The SQL setting
 * article_tools.regex_match_limit calls it: no shipped pattern comes near the
 * default on any input, so this is how tests (and cautious DBAs) reach the
 * limit error.
 */
extern void at_regex_set_match_limit(long limit);

#endif							/* AT_REGEX_H */

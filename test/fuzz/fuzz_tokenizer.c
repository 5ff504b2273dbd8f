/*
 * fuzz_tokenizer: the text search tokenizer (at_tok_init / at_tok_next,
 * behind article_tools.news_parser, to_tsvector and ts_headline) in both
 * modes, and at_fts_match / at_fts_canon (the news_compound dictionary).
 *
 * Invariants: the token stream ends; every token lies in the input on
 * character boundaries, is not longer than AT_TOK_MAX_LEN and has a known
 * type; tokens start in order, and the tokens that are not parts of a
 * compound cover the input without gap or overlap, except that CJK pairs
 * overlap by one character (every byte belongs to some token, so
 * ts_headline can give the text back); canonical lexemes
 * are NUL-terminated.
 */
#include "fuzz.h"
#include "fuzz_starts.h"
#include "../../src/engine/tokenizer.h"
#include "../../src/engine/ftsnorm.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_canon(const AtFtsCanon *c)
{
	FUZZ_ASSERT(c->type == AT_TOK_MONEY || c->type == AT_TOK_PERCENT || c->type == AT_TOK_DATE);
	FUZZ_ASSERT(memchr(c->id, '\0', sizeof(c->id)) != NULL && c->id[0] != '\0');
	FUZZ_ASSERT(c->nspelled >= 0 && c->nspelled <= AT_FTS_MAX_SPELLED);
	for (int i = 0; i < c->nspelled; i++)
		FUZZ_ASSERT(memchr(c->spelled[i], '\0', sizeof(c->spelled[i])) != NULL);
}

static void
tokens(const char *s, size_t len, unsigned flags)
{
	AtTokenizer t;
	size_t		start,
				tlen,
				covered = 0,	/* end of the last non-part token */
				prev_start = 0,
				compound_end = 0,
				last_start = 0,	/* start of the last non-part token */
				count = 0;
	int			type,
				last_type = 0;

	at_tok_init(&t, s, len, flags);
	while ((type = at_tok_next(&t, &start, &tlen)) > 0)
	{
		FUZZ_ASSERT(++count <= 8 * len + 8);	/* it ends */
		FUZZ_ASSERT(type <= AT_TOK_LAST);
		FUZZ_ASSERT(flags & AT_TOK_NEWS || type <= AT_TOK_LAST_DEFAULT);
		FUZZ_ASSERT(tlen > 0 && tlen <= AT_TOK_MAX_LEN);
		fuzz_check_span(s, len, start, tlen);
		FUZZ_ASSERT(start >= prev_start);
		prev_start = start;
		if (start < compound_end)
		{
			/* a part of the compound before it */
			FUZZ_ASSERT(start + tlen <= compound_end);
			continue;
		}
		if (type == AT_TOK_CJK && last_type == AT_TOK_CJK && start > last_start &&
			start < covered)
		{
			/* overlapping CJK pairs: this one starts at the previous one's second character */
			FUZZ_ASSERT(start + tlen > covered);
			covered = start + tlen;
			last_start = start;
			continue;
		}
		FUZZ_ASSERT(start == covered);
		covered = start + tlen;
		last_type = type;
		last_start = start;
		if (at_tok_is_compound(type))
			compound_end = start + tlen;
	}
	FUZZ_ASSERT(covered == len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s,
			   *starts;

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	tokens(s, len, AT_TOK_NEWS);
	tokens(s, len, 0);
	starts = fuzz_alloc(NULL, len ? len : 1);
	fuzz_token_starts(s, len, starts);
	for (size_t p = 0; p < len; p++)
	{
		AtFtsCanon	c;
		size_t		n;

		if (!starts[p] || !at_fts_may_start(s, len, p))
			continue;
		memset(&c, 0, sizeof(c));
		n = at_fts_match(s, len, p, &c);
		if (n == 0)
			continue;
		fuzz_check_span(s, len, p, n);
		check_canon(&c);
		memset(&c, 0, sizeof(c));
		if (at_fts_canon(s + p, n, &c))
			check_canon(&c);
	}
	fuzz_mem_reset();
	return 0;
}

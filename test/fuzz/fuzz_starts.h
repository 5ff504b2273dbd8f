/*
 * fuzz_starts.h: where the news tokenizer tries its token scanners
 * (at_fts_match, and through it at_metric_token_at): at each position where
 * it starts a token from its base state (t->mode 0) past the end of the
 * last compound (plain_until), not inside a hyphenated word whose parts it
 * returns, nor inside the pieces of an over-long token.  fuzz_metrics and
 * fuzz_tokenizer call the scanners exactly there.  Calling them at every
 * byte would make a harness, not the engine, quadratic on a 64 kB run, and
 * -timeout would report it.
 */
#ifndef AT_FUZZ_STARTS_H
#define AT_FUZZ_STARTS_H

#include "fuzz.h"
#include "../../src/engine/tokenizer.h"

/* Marks starts[p] for every such start; starts has len bytes */
static inline void
fuzz_token_starts(const char *s, size_t len, char *starts)
{
	AtTokenizer t;
	size_t		start,
				tlen;

	memset(starts, 0, len);
	at_tok_init(&t, s, len, AT_TOK_NEWS);
	for (;;)
	{
		if (t.mode == 0 && t.pos < len && t.pos >= t.plain_until)
			starts[t.pos] = 1;
		if (at_tok_next(&t, &start, &tlen) <= 0)
			break;
	}
}

#endif							/* AT_FUZZ_STARTS_H */

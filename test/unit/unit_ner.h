/*
 * unit_ner.h: the tagger tests' sentence of one text (tokenised as the
 * tagger tokenises it, on malloc'd memory) and the random numbers of their
 * random models.
 */
#ifndef AT_UNIT_NER_H
#define AT_UNIT_NER_H

#include "../../src/engine/ner.h"

#include <string.h>

typedef struct UtNerSent
{
	AtVec		toks;
	AtBuf		norm;
	AtNerSent	s;
} UtNerSent;

/* u->s: the tokens of the whole of text */
static inline void
ut_ner_sent(UtNerSent *u, const char *text)
{
	at_vec_init(&u->toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&u->norm, &at_malloc_mem, 64);
	at_ner_tokenize(text, 0, strlen(text), &u->toks, &u->norm);
	u->s.text = text;
	u->s.norm = u->norm.data;
	u->s.toks = u->toks.data;
	u->s.n = u->toks.len;
}

static inline void
ut_ner_sent_free(UtNerSent *u)
{
	at_free(&at_malloc_mem, u->toks.data);
	at_free(&at_malloc_mem, u->norm.data);
}

/* The next state of a 64-bit linear congruential generator (Knuth's MMIX) */
static inline unsigned long long
ut_lcg(unsigned long long *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state;
}

#endif							/* AT_UNIT_NER_H */

/*
 * ner_memo.h: the tagger's hot path shares the hashes of a sentence's
 * words and shapes between neighbouring tokens (each token's features
 * read the words two to each side).  Internal to ner_features.c and
 * ner_decode.c; at_ner_features() itself keeps no memo.
 */
#ifndef AT_NER_MEMO_H
#define AT_NER_MEMO_H

#include "ner.h"

#define AT_NER_MEMO_SLOTS 8		/* a power of 2 above the window of 5 tokens */

/* Word and shape hashes of recent tokens of one sentence, by token index */
typedef struct AtNerHashMemo
{
	size_t		tok[AT_NER_MEMO_SLOTS];	/* token index + 1 whose word hash the slot holds; 0: none */
	size_t		stok[AT_NER_MEMO_SLOTS];	/* the same for the shape hash (not every word needs one) */
	uint64_t	word[AT_NER_MEMO_SLOTS];
	uint64_t	shape[AT_NER_MEMO_SLOTS];
	const uint64_t *wh;			/* word hashes at_ner_annotate_hashed() kept (0: none), or NULL */
} AtNerHashMemo;

/* Empty memo: set before the first token of each sentence (wh: see AtNerHashMemo) */
static inline void
at_ner_memo_reset(AtNerHashMemo *memo, const uint64_t *wh)
{
	for (int k = 0; k < AT_NER_MEMO_SLOTS; k++)
		memo->tok[k] = memo->stok[k] = 0;
	memo->wh = wh;
}

/* at_ner_features() with the word and shape hashes kept in memo */
extern int	at_ner_features_memo(const AtNerSent *s, size_t i, uint64_t *out,
								 AtNerHashMemo *memo);

/*
 * A word without a capital inside a name is a short connector: "of", "and",
 * "the", "de", "bin", "'s", "&", "-" (GMB has few others: "group",
 * "airport").
 */
static inline bool
at_ner_connector(const AtNerSent *s, size_t i)
{
	const AtNerToken *t = &s->toks[i];
	char		c;

	if (t->normlen > 3 || (t->flags & AT_TOK_ANYUPPER))
		return false;
	if (t->flags & AT_TOK_ALPHA)
		return true;
	/* strchr("&-/", c) != NULL, its terminating NUL included */
	c = s->norm[t->norm];
	return t->normlen == 1 && (c == '&' || c == '-' || c == '/' || c == '\0');
}

/* at_ner_tagmask(), inline for the decoder's walk over a sentence */
static inline uint32_t
at_ner_tagmask_inline(const AtNerSent *s, size_t i)
{
	const uint32_t inside = (1u << AT_TAG_I_PER) | (1u << AT_TAG_I_ORG) | (1u << AT_TAG_I_LOC);

	if (s->toks[i].flags & AT_TOK_ANYUPPER)
		return (1u << AT_NTAGS) - 1;
	if (at_ner_connector(s, i) && i >= 1 &&
		((s->toks[i - 1].flags & AT_TOK_ANYUPPER) ||
		 (i >= 2 && at_ner_connector(s, i - 1) && (s->toks[i - 2].flags & AT_TOK_ANYUPPER))))
		return AT_NER_ONLY_O | inside;
	return AT_NER_ONLY_O;
}

#endif							/* AT_NER_MEMO_H */

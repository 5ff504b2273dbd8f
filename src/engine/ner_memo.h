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
} AtNerHashMemo;

/* Empty memo: set before the first token of each sentence */
static inline void
at_ner_memo_reset(AtNerHashMemo *memo)
{
	for (int k = 0; k < AT_NER_MEMO_SLOTS; k++)
		memo->tok[k] = memo->stok[k] = 0;
}

/* at_ner_features() with the word and shape hashes kept in memo */
extern int	at_ner_features_memo(const AtNerSent *s, size_t i, uint64_t *out,
								 AtNerHashMemo *memo);

#endif							/* AT_NER_MEMO_H */

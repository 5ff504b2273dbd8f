/*
 * gmb.h: the GMB named-entity corpus (ner_dataset.csv) as tagged sentences,
 * shared by the trainer (src/tools/train_ner.c) and the scorer
 * (test/entities/score_entities.c).
 *
 * Mapping to the extension's kinds: per -> person, org -> organization,
 * geo -> location, gpe -> location when it names a place (a proper noun,
 * "Iraq", "Britain") and nothing when it is a nationality word (POS JJ,
 * NNS or NNPS: "Iraqi", "British", "Palestinians"); tim, art, eve, nat ->
 * nothing.  Person spans lose leading titles ("President Bush" -> "Bush",
 * "Mr. Sharon" -> "Sharon"), as the extension reports names without titles.
 *
 * Split: sentence numbers divisible by 10 are the dev set (4,795
 * sentences), the rest train.
 */
#ifndef AT_GMB_H
#define AT_GMB_H

#include "../engine/ner.h"

typedef struct GmbSent
{
	int			num;			/* "Sentence: N" */
	int			n;				/* tokens */
	char	   *text;			/* tokens joined by one space (UTF-8) */
	uint32_t   *tstart;			/* byte offset of each token in text */
	uint32_t   *tlen;
	uint8_t    *gold;			/* AT_TAG_* per token */
} GmbSent;

#define GMB_IS_DEV(num) ((num) % 10 == 0)

/*
 * Tuning split, carved out of the training part (train_ner ... tune): the
 * choices of features, epochs and buckets were compared on it, never on
 * the dev split.
 */
#define GMB_IS_TUNE(num) ((num) % 10 == 5)

/* sentences of extra corpora (NER_EXTRA) are numbered from here on */
#define GMB_EXTRA_BASE 1000000

/* Reads the corpus; returns the number of sentences, -1 on error */
extern long gmb_read(const char *path, const AtGazetteer *gz, GmbSent **out);

/*
 * Tagger view of one sentence: tokens built from the corpus tokens (not
 * re-tokenised), annotated with gazetteer classes.
 */
extern void gmb_sentence(const GmbSent *g, const AtGazetteer *gz, AtVec *toks,
						 AtBuf *norm, AtNerSent *s);

#endif							/* AT_GMB_H */

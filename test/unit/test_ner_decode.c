/*
 * test_ner_decode.c: the Viterbi decoder of the entity tagger
 * (src/engine/ner_decode.c) finds the best tag sequence: checked against
 * enumerating every allowed sequence of short sentences under random
 * weights.
 */
#include "unit.h"
#include "unit_ner.h"

#include <stdlib.h>

#define NB		1024			/* buckets of the random model */
#define MAXLEN	6

static unsigned long long rng = 42;

static float
rnd(void)
{
	return (float) ((ut_lcg(&rng) >> 40) % 2001) - 1000.0f;
}

/* Score of a tag sequence as the decoder defines it; -1e30 if not allowed */
static float
path_score(const AtNerWeights *w, const AtNerSent *s, float em[][AT_TAG_ROW],
		   const uint8_t *tags)
{
	float		sc = 0;
	int			prev = AT_TAG_O;

	for (size_t i = 0; i < s->n; i++)
	{
		uint32_t	mask = at_ner_tagmask(s, i);

		if (!(mask & (1u << tags[i])) || !at_ner_allowed(prev, tags[i]))
			return -1e30f;
		/* tokens that may only be O are not scored */
		if (mask != AT_NER_ONLY_O)
			sc += em[i][tags[i]] + w->trans[prev][tags[i]];
		prev = tags[i];
	}
	return sc;
}

static float
best_by_enumeration(const AtNerWeights *w, const AtNerSent *s,
					float em[][AT_TAG_ROW])
{
	uint8_t		tags[MAXLEN] = {0};
	float		best = -1e30f;

	for (;;)
	{
		float		sc = path_score(w, s, em, tags);
		size_t		k;

		if (sc > best)
			best = sc;
		for (k = 0; k < s->n && ++tags[k] == AT_NTAGS; k++)
			tags[k] = 0;
		if (k == s->n)
			return best;
	}
}

UT_TEST(ner_viterbi_finds_the_best_path)
{
	static const char *const texts[] = {
		"Bank of China said",
		"the Bank of the West",
		"Mr. Chen Hongbo , of",
		"in Iraq and Afghanistan",
		"IBM & Co. Ltd",
		"he said that it",
		"New York - based ABC",
	};
	float	   *wf = malloc(sizeof(float) * NB * AT_TAG_ROW);

	for (int round = 0; round < 20; round++)
	{
		AtNerWeights w;

		for (size_t k = 0; k < (size_t) NB * AT_TAG_ROW; k++)
			wf[k] = rnd();
		at_ner_weights_init(&w, NULL, wf, NB);
		for (size_t ti = 0; ti < sizeof(texts) / sizeof(texts[0]); ti++)
		{
			UtNerSent	u;
			const AtNerSent *s = &u.s;
			uint8_t		tags[MAXLEN];
			uint32_t	back[MAXLEN];
			float		em[MAXLEN][AT_TAG_ROW];

			ut_ner_sent(&u, texts[ti]);
			UT_CHECK(s->n >= 4 && s->n <= MAXLEN);
			if (s->n > MAXLEN)
				continue;
			for (size_t i = 0; i < s->n; i++)
				at_ner_token_scores(&w, s, i, em[i]);
			at_ner_viterbi(&w, s, tags, back, NULL);
			UT_CHECK(path_score(&w, s, em, tags) >= best_by_enumeration(&w, s, em) - 1e-2f);
			ut_ner_sent_free(&u);
		}
	}
	free(wf);
}

/* A word without a capital may continue a name only as a short connector */
UT_TEST(ner_tagmask_connectors)
{
	UtNerSent	u;
	const AtNerSent *s = &u.s;

	ut_ner_sent(&u, "the Bank of the West said");
	UT_EQ_INT(s->n, 6);
	UT_EQ_INT(at_ner_tagmask(s, 0), AT_NER_ONLY_O);	/* the */
	UT_EQ_INT(at_ner_tagmask(s, 1), (1u << AT_NTAGS) - 1);	/* Bank */
	UT_CHECK(at_ner_tagmask(s, 2) & (1u << AT_TAG_I_ORG));	/* of */
	UT_CHECK(!(at_ner_tagmask(s, 2) & (1u << AT_TAG_B_ORG)));
	UT_CHECK(at_ner_tagmask(s, 3) & (1u << AT_TAG_I_ORG));	/* the */
	UT_EQ_INT(at_ner_tagmask(s, 5), AT_NER_ONLY_O);	/* said */
	ut_ner_sent_free(&u);
}

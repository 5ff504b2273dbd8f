/*
 * test_ner_quant.c: the tagger's quantised-weight path (src/engine/
 * ner_decode.c: buckets mixed four at a time with AVX2 where the processor
 * has it, int16 rows summed two at a time with SSE2) gives the same token
 * scores as the plain path: at_ner_token_scores() (one bucket at a time)
 * and float weights holding the same integers.
 */
#include "unit.h"
#include "unit_ner.h"

#include <stdlib.h>

#define NB		4096			/* buckets of the random model */
#define MAXTOK	64

static unsigned long long rng = 7;

/* A weight in [-3000, 3000]: sums of 48 stay exact in a float */
static int16_t
rnd_weight(void)
{
	return (int16_t) ((long) ((ut_lcg(&rng) >> 33) % 6001) - 3000);
}

UT_TEST(ner_quantised_scores_match_plain_sums)
{
	static const char *const texts[] = {
		"Bank of China said on Monday that Mr. Chen Hongbo , of the Bank of the West , met IBM & Co. Ltd",
		"The U.S. and the U.K. sent troops ; New York - based ABC News reported it",
		"in Iraq and Afghanistan , said President Barack Obama",
		"A",
		"he said that it was late",
	};
	int16_t    *q = calloc((size_t) NB * AT_TAG_ROW, sizeof(int16_t));
	float	   *f = calloc((size_t) NB * AT_TAG_ROW, sizeof(float));

	for (int round = 0; round < 5; round++)
	{
		AtNerWeights wq,
					wf;

		/* the padding weight stays 0, as the model file leaves it */
		for (size_t b = 0; b < NB; b++)
			for (int t = 0; t < AT_NTAGS; t++)
			{
				q[b * AT_TAG_ROW + t] = rnd_weight();
				f[b * AT_TAG_ROW + t] = q[b * AT_TAG_ROW + t];
			}
		at_ner_weights_init(&wq, q, NULL, NB);
		at_ner_weights_init(&wf, NULL, f, NB);
		for (size_t ti = 0; ti < sizeof(texts) / sizeof(texts[0]); ti++)
		{
			UtNerSent	u;
			const AtNerSent *s = &u.s;
			uint8_t		tq[MAXTOK],
						tf[MAXTOK];
			uint32_t	back[MAXTOK];
			float		emq[MAXTOK][AT_TAG_ROW],
						emf[MAXTOK][AT_TAG_ROW];

			ut_ner_sent(&u, texts[ti]);
			UT_CHECK(s->n >= 1 && s->n <= MAXTOK);
			if (s->n > MAXTOK)
				continue;
			at_ner_viterbi(&wq, s, tq, back, &emq[0][0]);
			at_ner_viterbi(&wf, s, tf, back, &emf[0][0]);
			UT_CHECK(memcmp(tq, tf, s->n) == 0);
			for (size_t i = 0; i < s->n; i++)
			{
				float		sq[AT_TAG_ROW],
							sf[AT_TAG_ROW];

				if (at_ner_tagmask(s, i) == AT_NER_ONLY_O)
					continue;
				at_ner_token_scores(&wq, s, i, sq);
				at_ner_token_scores(&wf, s, i, sf);
				UT_CHECK(memcmp(emq[i], sq, sizeof(sq)) == 0);
				UT_CHECK(memcmp(sq, sf, sizeof(sq)) == 0);
				UT_CHECK(memcmp(emf[i], sf, sizeof(sf)) == 0);
			}
			ut_ner_sent_free(&u);
		}
	}
	free(q);
	free(f);
}

/*
 * test_ner_quant.c: the tagger's quantised-weight path (src/engine/
 * ner_decode.c: buckets mixed four at a time with AVX2 where the processor
 * has it, int16 rows summed two at a time with SSE2) gives the same token
 * scores as the plain path: at_ner_token_scores() (one bucket at a time)
 * and float weights holding the same integers.
 */
#include "unit.h"
#include "../../src/engine/ner.h"

#include <stdlib.h>

#define NB		4096			/* buckets of the random model */
#define MAXTOK	64

static unsigned long long rng = 7;

/* A weight in [-3000, 3000]: sums of 48 stay exact in a float */
static int16_t
rnd_weight(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int16_t) ((long) ((rng >> 33) % 6001) - 3000);
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
			AtVec		toks;
			AtBuf		norm;
			AtNerSent	s;
			uint8_t		tq[MAXTOK],
						tf[MAXTOK];
			uint32_t	back[MAXTOK];
			float		emq[MAXTOK][AT_TAG_ROW],
						emf[MAXTOK][AT_TAG_ROW];

			at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
			at_buf_init(&norm, &at_malloc_mem, 64);
			at_ner_tokenize(texts[ti], 0, strlen(texts[ti]), &toks, &norm);
			s.text = texts[ti];
			s.norm = norm.data;
			s.toks = toks.data;
			s.n = toks.len;
			UT_CHECK(s.n >= 1 && s.n <= MAXTOK);
			if (s.n > MAXTOK)
				continue;
			at_ner_viterbi(&wq, &s, tq, back, &emq[0][0]);
			at_ner_viterbi(&wf, &s, tf, back, &emf[0][0]);
			UT_CHECK(memcmp(tq, tf, s.n) == 0);
			for (size_t i = 0; i < s.n; i++)
			{
				float		sq[AT_TAG_ROW],
							sf[AT_TAG_ROW];

				if (at_ner_tagmask(&s, i) == AT_NER_ONLY_O)
					continue;
				at_ner_token_scores(&wq, &s, i, sq);
				at_ner_token_scores(&wf, &s, i, sf);
				UT_CHECK(memcmp(emq[i], sq, sizeof(sq)) == 0);
				UT_CHECK(memcmp(sq, sf, sizeof(sq)) == 0);
				UT_CHECK(memcmp(emf[i], sf, sizeof(sf)) == 0);
			}
			at_free(&at_malloc_mem, toks.data);
			at_free(&at_malloc_mem, norm.data);
		}
	}
	free(q);
	free(f);
}

/*
 * fuzz_sentences: at_split_paragraphs, at_split_sentences and
 * at_sentence_of (SQL paragraphs() and sentences()).
 *
 * Invariants: paragraphs and sentences are non-empty, trimmed, ordered,
 * non-overlapping and on character boundaries; every sentence lies inside
 * one paragraph; at_sentence_of finds the sentence holding each offset.
 */
#include "fuzz.h"
#include "../../src/engine/sentences.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s;
	AtVec		paras,
				sents;
	size_t		pi = 0;

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);

	at_vec_init(&paras, &fuzz_mem, sizeof(AtSpan));
	at_split_paragraphs(s, len, &paras);
	fuzz_check_spans(s, len, &paras, 0, len, true, true);

	at_vec_init(&sents, &fuzz_mem, sizeof(AtSpan));
	at_split_sentences(s, len, &sents);
	fuzz_check_spans(s, len, &sents, 0, len, true, true);

	/* every sentence inside one paragraph (both lists are ordered) */
	for (size_t i = 0; i < sents.len; i++)
	{
		AtSpan	   *se = AT_VEC_AT(&sents, AtSpan, i);

		while (pi < paras.len &&
			   AT_VEC_AT(&paras, AtSpan, pi)->start +
			   AT_VEC_AT(&paras, AtSpan, pi)->len <= se->start)
			pi++;
		FUZZ_ASSERT(pi < paras.len);
		FUZZ_ASSERT(se->start >= AT_VEC_AT(&paras, AtSpan, pi)->start);
		FUZZ_ASSERT(se->start + se->len <=
					AT_VEC_AT(&paras, AtSpan, pi)->start +
					AT_VEC_AT(&paras, AtSpan, pi)->len);

		/* lookup of the first and last byte finds this sentence */
		FUZZ_ASSERT(at_sentence_of(&sents, se->start) == (long) i);
		FUZZ_ASSERT(at_sentence_of(&sents, se->start + se->len - 1) == (long) i);
	}
	FUZZ_ASSERT(at_sentence_of(&sents, len) == -1);

	/* the same input gives the same spans */
	{
		AtVec		again;

		at_vec_init(&again, &fuzz_mem, sizeof(AtSpan));
		at_split_sentences(s, len, &again);
		FUZZ_ASSERT(again.len == sents.len);
		if (sents.len)
			FUZZ_ASSERT(memcmp(again.data, sents.data, sents.len * sizeof(AtSpan)) == 0);
	}

	fuzz_mem_reset();
	return 0;
}

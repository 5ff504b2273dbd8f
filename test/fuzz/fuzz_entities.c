/*
 * fuzz_entities: at_extract_entities (SQL extract_entities()) with the
 * installed model and gazetteers (src/data, or $AT_DATA_DIR) and a small
 * table of user terms.
 *
 * Invariants: entities lie in the input on character boundaries, in text
 * order, with a known kind, a finite score, a sentence number that is not
 * negative and a canonical name that is valid UTF-8.
 */
#include "fuzz.h"
#include "../../src/engine/ner.h"

#include <math.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static AtNerModel model;
static AtPhraseTable user;
static bool loaded = false;

static void
load(void)
{
	const char *dir = getenv("AT_DATA_DIR");
	static const char *const terms[][2] = {
		{"Shengjing360", "Shengjing360 Science and Technology"},
		{"CATL", "Contemporary Amperex Technology"},
		{"Erfurt", "Erfurt"},
	};

	if (!dir)
		dir = "src/data";
	if (at_ner_model_load(&model, &fuzz_keep_mem, dir) != AT_OK)
	{
		fprintf(stderr, "fuzz_entities: cannot load the model from %s (set AT_DATA_DIR)\n", dir);
		exit(1);
	}
	at_phrase_init(&user, false);
	for (size_t i = 0; i < AT_LENGTHOF(terms); i++)
		at_phrase_add(&user, &fuzz_keep_mem, terms[i][0], strlen(terms[i][0]),
					  i == 2 ? AT_NER_LOC : AT_NER_ORG, terms[i][1], strlen(terms[i][1]));
	loaded = true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s;
	AtVec		out;
	size_t		prev = 0;

	if (!loaded)
		load();
	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	at_vec_init(&out, &fuzz_mem, sizeof(AtEntity));
	at_extract_entities(&model, (size & 1) ? &user : NULL, s, len, &fuzz_mem, &out);
	for (size_t i = 0; i < out.len; i++)
	{
		AtEntity   *e = AT_VEC_AT(&out, AtEntity, i);

		FUZZ_ASSERT(e->kind >= AT_NER_PERSON && e->kind <= AT_NER_LOC);
		FUZZ_ASSERT(e->len > 0);
		fuzz_check_span(s, len, e->start, e->len);
		FUZZ_ASSERT(e->start >= prev);
		prev = e->start;
		FUZZ_ASSERT(e->sentence >= 0);
		FUZZ_ASSERT(isfinite(e->score));
		FUZZ_ASSERT(e->canonical != NULL);
		FUZZ_ASSERT(at_utf8_valid(e->canonical, strlen(e->canonical)));
	}
	fuzz_mem_reset();
	return 0;
}

/*
 * Robustness regressions: inputs that once crashed, hit undefined
 * behaviour or a pattern limit (found by the fuzz targets in test/fuzz/ or
 * the SQL limits checks), minimal versions written by the team.  They run
 * under ASan+UBSan in CI (make unit-san).
 */
#include "unit.h"
#include "../../src/engine/ner.h"
#include "../../src/engine/regex.h"
#include "../fuzz/fuzz.h"		/* fuzz_mem: a memory context for the engine */


/* nested repetition: each 'a' costs a frame of backtracking state */
static AtRegex re_deep = AT_REGEX("^(?:(a)|b)*c$", 0);
static AtRegex re_deep_nojit_like = AT_REGEX("^(?:a(?=a|$)|b)*+c", 0);

UT_TEST(robust_regex_depth_limit)
{
	size_t		n = 2000000;
	char	   *s = malloc(n);
	AtMatch		m;
	int			rc;

	memset(s, 'a', n);
	/* a deep match fails cleanly with the limit status, never a wrong 0 */
	rc = at_regex_match(&re_deep, s, n, 0, &m);
	UT_EQ_INT(rc, -AT_ERR_REGEX_LIMIT);
	/* a possessive loop needs no backtracking state: a plain no-match */
	rc = at_regex_match(&re_deep_nojit_like, s, n, 0, &m);
	UT_EQ_INT(rc, 0);
	free(s);
}

/* extract_entities over text without a single mention once called qsort(NULL, 0) */
UT_TEST(robust_entities_no_mention)
{
	AtNerModel	model;
	static const char *const texts[] = {
		"", "no names here, only lower-case words.", "\n\n\n", "12 34 %",
	};
	AtVec		out;

	/* everything, the model too, in one arena freed at the end */
	if (at_ner_model_load(&model, &fuzz_mem, "src/data") != AT_OK)
	{
		UT_CHECK(!"model in src/data");
		fuzz_mem_reset();
		return;
	}
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
	{
		at_vec_init(&out, &fuzz_mem, sizeof(AtEntity));
		at_extract_entities(&model, NULL, texts[i], strlen(texts[i]), &fuzz_mem, &out);
		UT_EQ_INT(out.len, 0);
	}
	fuzz_mem_reset();
}

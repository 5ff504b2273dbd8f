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

/*
 * Linear time on repeated units (pasted tables, long runs).  The engine is
 * built with -DAT_COUNT_STEPS for the unit tests: its scanners count every
 * byte they look at (numbers.h), so the growth is measured exactly, not
 * timed.  A quadratic scanner makes 16x the steps for 4x the input; the
 * limit leaves room for nothing but the ends of the runs.  Each unit is a
 * case a scanner once read quadratically.
 */
#ifdef AT_COUNT_STEPS
#include "../../src/engine/metrics.h"
#include "../../src/engine/tokenizer.h"

static const char *const linear_units[] = {
	"1,", "1.1.1,", "1,1.1,", "1.1.1-", "12,34,5", "12,34,", "1,000,",
	"1,000,000,", "1 000 ", "1\xc2\xa0" "000,", "1.", "1e", "5m ", "$1,",
	"one and ", "two thirds ", "12:30, ", "Oct 8, ", "1/2/", "1-", "a1.",
};

/* Steps of one entry point over the unit repeated to n bytes */
static unsigned long long
linear_steps(int fn, const char *unit, size_t n)
{
	size_t		ul = strlen(unit),
				len = n / ul * ul;
	char	   *s = malloc(len + 1);
	unsigned long long before = at_scan_steps;

	for (size_t i = 0; i < len; i += ul)
		memcpy(s + i, unit, ul);
	if (fn == 0)
	{
		AtVec		out;

		at_vec_init(&out, &fuzz_mem, sizeof(AtMetric));
		at_extract_metrics(s, len, &out);
	}
	else
	{
		AtTokenizer t;
		size_t		st,
					tl;

		at_tok_init(&t, s, len, fn == 1 ? AT_TOK_NEWS : 0);
		while (at_tok_next(&t, &st, &tl) > 0)
			;
	}
	fuzz_mem_reset();
	free(s);
	return at_scan_steps - before;
}

UT_TEST(robust_linear_steps)
{
	static const char *const fns[] = {"at_extract_metrics", "news tokenizer", "default tokenizer"};

	for (size_t u = 0; u < sizeof(linear_units) / sizeof(linear_units[0]); u++)
		for (int fn = 0; fn < 3; fn++)
		{
			unsigned long long a = linear_steps(fn, linear_units[u], 16384),
						b = linear_steps(fn, linear_units[u], 65536);

			/* 4x the input: at most 4.5x the steps */
			if (b * 2 > a * 9)
				ut_fail(__FILE__, __LINE__, "%s on \"%s\" repeated: %llu steps at 16 KB, %llu at 64 KB (%.1fx)",
						fns[fn], linear_units[u], a, b, (double) b / (double) (a ? a : 1));
		}
}
#endif

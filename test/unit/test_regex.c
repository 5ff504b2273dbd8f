/*
 * Unit tests of the PCRE2 wrapper.
 */
#include "unit.h"
#include "../../src/engine/regex.h"

static AtRegex re_iso = AT_REGEX("(\\d{4})-(\\d{2})-(\\d{2})", 0);
static AtRegex re_word = AT_REGEX("\\b(\\w+)\\b", AT_RE_UNICODE | AT_RE_CASELESS);
static AtRegex re_bad = AT_REGEX("(unclosed", 0);
static AtRegex re_catastrophic = AT_REGEX("^(a+)+$", 0);

UT_TEST(regex_groups)
{
	const char *s = "on 2017-05-12 at";
	AtMatch		m;

	UT_EQ_INT(at_regex_match(&re_iso, s, strlen(s), 0, &m), 1);
	UT_EQ_INT(m.start[0], 3);
	UT_EQ_INT(m.end[0], 13);
	UT_EQ_SPAN(s, m.start[2], m.end[2] - m.start[2], "05");
	UT_EQ_INT(at_regex_match(&re_iso, s, strlen(s), 4, &m), 0);
	/* compiled once, reused */
	UT_CHECK(re_iso.compiled);
}

UT_TEST(regex_unicode)
{
	const char *s = "\xe2\x82\xac caf\xc3\xa9";
	AtMatch		m;

	UT_EQ_INT(at_regex_match(&re_word, s, strlen(s), 0, &m), 1);
	UT_EQ_SPAN(s, m.start[1], m.end[1] - m.start[1], "caf\xc3\xa9");
}

UT_TEST(regex_errors)
{
	char		buf[64];
	AtMatch		m;

	UT_EQ_INT(at_regex_match(&re_bad, "x", 1, 0, &m), -AT_ERR_REGEX_INTERNAL);
	/* catastrophic backtracking stops at the match limit */
	memset(buf, 'a', 40);
	buf[40] = 'b';
	UT_EQ_INT(at_regex_match(&re_catastrophic, buf, 41, 0, &m), -AT_ERR_REGEX_LIMIT);
}

/*
 * unit.h: a very small unit test harness for the text engine.
 *
 * Each test is a function declared with UT_TEST(name); it registers itself
 * before main() runs, so a new test file needs no list to be edited.  A test
 * passes when none of its checks fail.  The runner prints one line per
 * failing check and ends with "N passed, N failed".
 */
#ifndef AT_UNIT_H
#define AT_UNIT_H

#include <stdio.h>
#include <string.h>

typedef void (*ut_fn) (void);

extern void ut_register(const char *name, ut_fn fn);
extern void ut_fail(const char *file, int line, const char *fmt, ...)
			__attribute__((format(printf, 3, 4)));

#define UT_TEST(name) \
	static void ut_##name(void); \
	__attribute__((constructor)) static void ut_reg_##name(void) \
	{ ut_register(#name, ut_##name); } \
	static void ut_##name(void)

#define UT_CHECK(cond) \
	do { if (!(cond)) ut_fail(__FILE__, __LINE__, "check failed: %s", #cond); } while (0)

#define UT_EQ_INT(a, b) \
	do { long long ut_a = (long long) (a), ut_b = (long long) (b); \
		 if (ut_a != ut_b) ut_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, ut_a, ut_b); \
	} while (0)

#define UT_EQ_STR(a, b) \
	do { const char *ut_a = (a), *ut_b = (b); \
		 if (ut_a == NULL || ut_b == NULL ? ut_a != ut_b : strcmp(ut_a, ut_b) != 0) \
			 ut_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, \
					 ut_a ? ut_a : "(null)", ut_b ? ut_b : "(null)"); \
	} while (0)

/* Compare a byte span of text with an expected string */
#define UT_EQ_SPAN(text, start, len, b) \
	do { const char *ut_b = (b); size_t ut_l = (len); \
		 if (strlen(ut_b) != ut_l || memcmp((text) + (start), ut_b, ut_l) != 0) \
			 ut_fail(__FILE__, __LINE__, "span \"%.*s\", expected \"%s\"", \
					 (int) ut_l, (text) + (start), ut_b); \
	} while (0)

/* Directory of ../shared relative to the project root, or NULL if absent */
extern const char *ut_shared_dir(void);

#endif							/* AT_UNIT_H */

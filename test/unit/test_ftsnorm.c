/*
 * Unit tests of ftsnorm.c's own filters (the canonical lexemes are tested
 * in test_tokenizer.c).
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "../../src/engine/ftsnorm.h"

UT_TEST(ftsnorm_tables_sorted)
{
	UT_CHECK(at_fts_tables_sorted());
}

/*
 * Number words start an expression ("eleven percent"), every one of them
 * (the first, the last and the middle of the bisected list); prefixes,
 * extensions and ordinary words do not.
 */
UT_TEST(ftsnorm_number_words_may_start)
{
	static const char *const yes[] = {
		"eight", "eighteen", "eighty", "eleven", "fifteen", "fifty", "five",
		"forty", "four", "fourteen", "half", "hundred", "nine", "nineteen",
		"ninety", "one", "seven", "seventeen", "seventy", "six", "sixteen",
		"sixty", "ten", "thirteen", "thirty", "three", "twelve", "twenty",
		"two", "zero"};
	static const char *const no[] = {
		"eigh", "eights", "eightyone", "fourty", "thre", "threes", "tw", "twos",
		"zeros", "aaa", "the", "said", "zzz"};

	for (size_t i = 0; i < AT_LENGTHOF(yes); i++)
	{
		char		buf[64];

		snprintf(buf, sizeof(buf), "%s percent", yes[i]);
		if (!at_fts_may_start(buf, strlen(buf), 0))
			UT_EQ_STR(yes[i], "(may start)");
	}
	for (size_t i = 0; i < AT_LENGTHOF(no); i++)
	{
		char		buf[64];

		snprintf(buf, sizeof(buf), "%s percent", no[i]);
		if (at_fts_may_start(buf, strlen(buf), 0))
			UT_EQ_STR(no[i], "(may not start)");
	}
}

/*
 * at_word_in() (common.c): the indexed lookup of lists of 8 words or more
 * compares only the entries of the word's length; lengths of 255 bytes and
 * more share one slot of the index.
 */
#include "unit.h"
#include "../../src/engine/common.h"

#include <string.h>

#define LONG_WORD_LEN 300

static char long_word[LONG_WORD_LEN + 1];
static char longer_word[LONG_WORD_LEN + 2];

UT_TEST(word_in_by_length)
{
	static const char *list[] = {
		"a", "an", "and", "apple", "applesauce", "b", "be", "bee", "been", "zebra",
		"per cent", NULL
	};
	static const char *short_list[] = {"one", "two"};
	size_t		n;

	memset(long_word, 'q', LONG_WORD_LEN);
	memset(longer_word, 'q', LONG_WORD_LEN + 1);
	list[11] = long_word;
	n = 12;
	UT_CHECK(at_word_in("and", 3, list, n));
	UT_CHECK(at_word_in("AND", 3, list, n));
	UT_CHECK(at_word_in("Applesauce", 10, list, n));
	UT_CHECK(at_word_in("Per cent", 8, list, n));
	UT_CHECK(!at_word_in("ant", 3, list, n));
	UT_CHECK(!at_word_in("appl", 4, list, n));
	UT_CHECK(!at_word_in("applesauces", 11, list, n));
	UT_CHECK(!at_word_in("", 0, list, n));
	UT_CHECK(at_word_in("andromeda", 3, list, n));	/* the first len bytes */
	UT_CHECK(at_word_in(long_word, LONG_WORD_LEN, list, n));
	UT_CHECK(!at_word_in(long_word, 255, list, n));
	UT_CHECK(!at_word_in(longer_word, LONG_WORD_LEN + 1, list, n));
	/* short lists are scanned */
	UT_CHECK(at_word_in("Two", 3, short_list, 2));
	UT_CHECK(!at_word_in("tw", 2, short_list, 2));
}

/*
 * Unit tests of UTF-8 handling and character classes.
 */
#include "unit.h"
#include "../../src/engine/utf8.h"

UT_TEST(utf8_decode_and_validate)
{
	uint32_t	cp;

	UT_EQ_INT(at_utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	UT_EQ_INT(cp, 0x20AC);
	UT_EQ_INT(at_utf8_decode("\xc0\xaf", 2, &cp), 1);	/* overlong */
	UT_EQ_INT(cp, 0xFFFD);
	UT_EQ_INT(at_utf8_decode("\xed\xa0\x80", 3, &cp), 1);	/* surrogate */
	UT_EQ_INT(at_utf8_decode("\xe2\x82", 2, &cp), 1);	/* truncated */
	UT_CHECK(at_utf8_valid("caf\xc3\xa9 \xe4\xb8\xad", 9));
	UT_CHECK(!at_utf8_valid("\xa3" "5", 2));
	UT_EQ_INT(at_utf8_count("caf\xc3\xa9", 5), 4);
}

UT_TEST(utf8_decode_prev)
{
	const char *s = "a\xc3\xa9\xe4\xb8\xad";
	uint32_t	cp;

	UT_EQ_INT(at_utf8_decode_prev(s, 6, &cp), 3);
	UT_EQ_INT(cp, 0x4E2D);
	UT_EQ_INT(at_utf8_decode_prev(s, 3, &cp), 2);
	UT_EQ_INT(cp, 0xE9);
	UT_EQ_INT(at_utf8_decode_prev(s, 1, &cp), 1);
	UT_EQ_INT(cp, 'a');
}

UT_TEST(utf8_char_cursor)
{
	const char *s = "\xc2\xa3" "5 \xe4\xb8\xad\xe5\x9b\xbd x";
	AtCharCursor cur;

	at_char_cursor_init(&cur, s);
	UT_EQ_INT(at_char_cursor_offset(&cur, 2), 1);
	UT_EQ_INT(at_char_cursor_offset(&cur, 4), 3);
	UT_EQ_INT(at_char_cursor_offset(&cur, 11), 6);
	UT_EQ_INT(at_char_cursor_offset(&cur, 2), 1);	/* backwards */
	UT_EQ_INT(at_char_cursor_offset(&cur, 0), 0);
}

/* long steps (the cursor counts eight bytes at a time) agree with at_utf8_count */
UT_TEST(utf8_char_cursor_long)
{
	const char *s = "The \xe2\x80\x9c" "BBC\xe2\x80\x9d said \xc2\xa3" "5bn for \xe4\xb8\xad\xe5\x9b\xbd "
		"and Zo\xc3\xab Ba\xc3\xaf" "l, plain ASCII text that runs on for a while. \xf0\x9f\x98\x80" " end";
	size_t		len = strlen(s);
	AtCharCursor cur;

	at_char_cursor_init(&cur, s);
	for (size_t off = 0; off <= len; off++)
	{
		if (off < len && (((const unsigned char *) s)[off] & 0xC0) == 0x80)
			continue;
		UT_EQ_INT(at_char_cursor_offset(&cur, off), at_utf8_count(s, off));
	}
	for (size_t step = 1; step < 40; step += 7)
	{
		at_char_cursor_init(&cur, s);
		for (size_t off = 0; off <= len; off += step)
		{
			while (off < len && (((const unsigned char *) s)[off] & 0xC0) == 0x80)
				off++;
			UT_EQ_INT(at_char_cursor_offset(&cur, off), at_utf8_count(s, off));
		}
	}
	at_char_cursor_init(&cur, s);
	UT_EQ_INT(at_char_cursor_offset(&cur, len), at_utf8_count(s, len));
}

UT_TEST(utf8_classes)
{
	UT_CHECK(at_cp_is_upper(0xC9));	/* É */
	UT_CHECK(at_cp_is_lower(0xE9));
	UT_CHECK(at_cp_is_upper(0x160));	/* Š */
	UT_CHECK(at_cp_is_lower(0x161));
	UT_CHECK(at_cp_is_cjk(0x4E2D));
	UT_CHECK(at_cp_is_alpha(0x4E2D));
	UT_CHECK(at_cp_is_space(0x3000));
	UT_CHECK(at_cp_is_space(0xA0));
	UT_CHECK(!at_cp_is_alpha(0xD7));
	UT_CHECK(at_cp_is_dash(0x2014));
}

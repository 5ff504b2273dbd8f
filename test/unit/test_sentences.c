/*
 * Unit tests of paragraph and sentence segmentation.
 */
#include "unit.h"
#include "../../src/engine/sentences.h"

#include <stdlib.h>

static AtVec
split(const char *text, bool sentences)
{
	AtVec		v;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtSpan));
	if (sentences)
		at_split_sentences(text, strlen(text), &v);
	else
		at_split_paragraphs(text, strlen(text), &v);
	return v;
}

#define SPAN(v, i) AT_VEC_AT(&(v), AtSpan, i)

UT_TEST(paragraphs_blank_lines)
{
	const char *t = "Title\n\n  First para\ncontinues.\n\n\nSecond.\n";
	AtVec		v = split(t, false);

	UT_EQ_INT(v.len, 3);
	UT_EQ_SPAN(t, SPAN(v, 0)->start, SPAN(v, 0)->len, "Title");
	UT_EQ_SPAN(t, SPAN(v, 1)->start, SPAN(v, 1)->len, "First para\ncontinues.");
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len, "Second.");
	free(v.data);
}

/* Scraped pages separate paragraphs with lines holding only &nbsp; or U+3000 */
UT_TEST(paragraphs_unicode_blank_lines)
{
	const char *t = "First line\nstill first.\n\xc2\xa0\nSecond.\n\xe3\x80\x80 \t\nThird.";
	AtVec		v = split(t, false);

	UT_EQ_INT(v.len, 3);
	UT_EQ_SPAN(t, SPAN(v, 0)->start, SPAN(v, 0)->len, "First line\nstill first.");
	UT_EQ_SPAN(t, SPAN(v, 1)->start, SPAN(v, 1)->len, "Second.");
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len, "Third.");
	free(v.data);
}

UT_TEST(paragraphs_one_per_line)
{
	const char *t = "One.\r\nTwo.\n  Three.";
	AtVec		v = split(t, false);

	UT_EQ_INT(v.len, 3);
	UT_EQ_SPAN(t, SPAN(v, 0)->start, SPAN(v, 0)->len, "One.");
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len, "Three.");
	free(v.data);
}

UT_TEST(paragraphs_empty)
{
	AtVec		v = split("", false);

	UT_EQ_INT(v.len, 0);
	v = split(" \n\t\n ", false);
	UT_EQ_INT(v.len, 0);
	free(v.data);
}

UT_TEST(sentences_abbreviations)
{
	const char *t = "Dr. Li met Mr. Smith in the U.S. capital. Sales rose 9.8 percent. "
		"Shengjing360 Science and Technology Co. Ltd, a platform, grew. "
		"He moved to the U.S. The firm followed.";
	AtVec		v = split(t, true);

	UT_EQ_INT(v.len, 5);
	UT_EQ_SPAN(t, SPAN(v, 0)->start, SPAN(v, 0)->len,
			   "Dr. Li met Mr. Smith in the U.S. capital.");
	UT_EQ_SPAN(t, SPAN(v, 1)->start, SPAN(v, 1)->len, "Sales rose 9.8 percent.");
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len,
			   "Shengjing360 Science and Technology Co. Ltd, a platform, grew.");
	UT_EQ_SPAN(t, SPAN(v, 3)->start, SPAN(v, 3)->len, "He moved to the U.S.");
	UT_EQ_SPAN(t, SPAN(v, 4)->start, SPAN(v, 4)->len, "The firm followed.");
	free(v.data);
}

UT_TEST(sentences_quotes)
{
	const char *t = "\"We grew fast. We will grow more,\" Chen said. "
		"He added: \u201cIt works. It scales.\u201d Then he left! Why? Nobody knows...";
	AtVec		v = split(t, true);

	UT_EQ_INT(v.len, 5);
	UT_EQ_SPAN(t, SPAN(v, 0)->start, SPAN(v, 0)->len,
			   "\"We grew fast. We will grow more,\" Chen said.");
	UT_EQ_SPAN(t, SPAN(v, 1)->start, SPAN(v, 1)->len,
			   "He added: \u201cIt works. It scales.\u201d");
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len, "Then he left!");
	UT_EQ_SPAN(t, SPAN(v, 3)->start, SPAN(v, 3)->len, "Why?");
	UT_EQ_SPAN(t, SPAN(v, 4)->start, SPAN(v, 4)->len, "Nobody knows...");
	free(v.data);
}

UT_TEST(sentences_lowercase_and_paragraphs)
{
	const char *t = "Prices fell approx. five percent, e.g. in steel.\n\nNew paragraph";
	AtVec		v = split(t, true);

	UT_EQ_INT(v.len, 2);
	UT_EQ_SPAN(t, SPAN(v, 1)->start, SPAN(v, 1)->len, "New paragraph");
	UT_EQ_INT(at_sentence_of(&v, 3), 0);
	UT_EQ_INT(at_sentence_of(&v, strlen(t) - 1), 1);
	UT_EQ_INT(at_sentence_of(&v, 49), -1);
	free(v.data);
}

UT_TEST(sentences_unbalanced_quote)
{
	/* an unclosed quote holds breaks only until the paragraph ends */
	const char *t = "\"Open quote. Still open.\n\nNext para. Two.";
	AtVec		v = split(t, true);

	UT_EQ_INT(v.len, 3);
	free(v.data);
}

/* Scraped pages: a line without final punctuation before a capitalised line */
UT_TEST(sentences_line_items)
{
	const char *t = "Source: Xinhua| 2017-05-12 17:14:34|Editor: Zhang Dongmiao\n"
		"Video PlayerClose\n\n"
		"The plan was\nannounced on Monday.\nBut Mr.\nSmith left.";
	AtVec		v = split(t, true);

	UT_EQ_INT(v.len, 4);
	UT_EQ_SPAN(t, SPAN(v, 0)->start, SPAN(v, 0)->len,
			   "Source: Xinhua| 2017-05-12 17:14:34|Editor: Zhang Dongmiao");
	UT_EQ_SPAN(t, SPAN(v, 1)->start, SPAN(v, 1)->len, "Video PlayerClose");
	/* a lower-case next line goes on; "Mr." is left to the abbreviation rule */
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len, "The plan was\nannounced on Monday.");
	UT_EQ_SPAN(t, SPAN(v, 3)->start, SPAN(v, 3)->len, "But Mr.\nSmith left.");
	free(v.data);
}

/* Hard-wrapped prose: a name may run across a line break */
UT_TEST(sentences_wrapped_text)
{
	const char *t =
		"The company said on Monday that its new plant in the south would open\n"
		"next year, and that the chairman of the board, Chen Hongbo and Li Wei\n"
		"Ming, would attend the ceremony with officials of the local government\n"
		"and the provincial development commission. It is the second plant.\n\n"
		"Short line\nNext line";
	AtVec		v = split(t, true);

	UT_EQ_INT(v.len, 3);
	UT_EQ_INT(SPAN(v, 0)->start, 0);
	UT_EQ_SPAN(t, SPAN(v, 2)->start, SPAN(v, 2)->len, "Short line\nNext line");
	free(v.data);
}

/*
 * fuzz_article: at_parse_article (SQL parse_article()) and
 * at_classify_line.
 *
 * Invariants: the status is AT_OK or a limit error; every span lies in the
 * input on character boundaries; the body is valid UTF-8 and the lead lies
 * in it; dates have months 1-12 and days that exist; counts are not
 * negative.
 */
#include "fuzz.h"
#include "../../src/engine/article.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_date(const AtDate *d)
{
	FUZZ_ASSERT(d->month >= 1 && d->month <= 12);
	if (d->has_day)
	{
		FUZZ_ASSERT(d->day >= 1);
		if (d->has_year)
			FUZZ_ASSERT(d->day <= at_days_in_month(d->year, d->month));
	}
	if (d->has_time)
		FUZZ_ASSERT(d->hour >= 0 && d->hour <= 23 && d->minute >= 0 &&
					d->minute <= 59 && d->second >= 0 && d->second <= 60);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s;
	AtArticle	a;
	AtStatus	st;

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	memset(&a, 0, sizeof(a));
	st = at_parse_article(s, len, &fuzz_mem, &a);
	FUZZ_ASSERT(st == AT_OK || st == AT_ERR_REGEX_LIMIT || st == AT_ERR_TOO_LARGE);
	if (st == AT_OK)
	{
		/*
		 * Spans point into a.base: the input for a text page, a decoded
		 * copy (NUL-terminated) for an HTML page.
		 */
		const char *base = a.base ? a.base : s;
		size_t		blen = base == s ? len : strlen(base);

		FUZZ_ASSERT(at_utf8_valid(base, blen));
		fuzz_check_span(base, blen, a.title.start, a.title.len);
		fuzz_check_span(base, blen, a.source.start, a.source.len);
		fuzz_check_span(base, blen, a.editor.start, a.editor.len);
		fuzz_check_span(base, blen, a.dateline.start, a.dateline.len);
		for (size_t i = 0; i < a.authors.len; i++)
		{
			AtSpan	   *sp = AT_VEC_AT(&a.authors, AtSpan, i);

			FUZZ_ASSERT(sp->len > 0);
			fuzz_check_span(base, blen, sp->start, sp->len);
		}
		FUZZ_ASSERT(at_utf8_valid(a.body.data ? a.body.data : "", a.body.len));
		/* one-paragraph-per-line text gets blank lines between paragraphs */
		FUZZ_ASSERT(a.body.len <= 2 * len + 2);
		fuzz_check_span(a.body.data ? a.body.data : "", a.body.len, a.lead.start, a.lead.len);
		FUZZ_ASSERT(a.paragraphs >= 0 && a.words >= 0 && a.chrome_removed >= 0);
		FUZZ_ASSERT((a.paragraphs == 0) == (a.body.len == 0));
		if (a.has_published)
			check_date(&a.published);
		if (a.has_updated)
			check_date(&a.updated);
	}

	/* each line on its own */
	for (size_t p = 0; p < len;)
	{
		const char *nl = memchr(s + p, '\n', len - p);
		size_t		e = nl ? (size_t) (nl - s) : len;
		AtLineKind	k = at_classify_line(s + p, e - p);

		FUZZ_ASSERT(k >= AT_LINE_BLANK && k <= AT_LINE_CHROME);
		p = e + 1;
	}
	FUZZ_ASSERT(at_count_words(s, len) >= 0);

	fuzz_mem_reset();
	return 0;
}

/*
 * fuzz_html: the HTML path of at_parse_article (SQL parse_article() on an
 * HTML page), and at_looks_like_html.
 *
 * Inputs with an odd first byte get "<!DOCTYPE html>" in front, so news text
 * seeds reach the HTML path too.  Invariants: the status is AT_OK or
 * AT_ERR_TOO_LARGE; every span lies in a->base on character boundaries and
 * is not empty where a list holds it; the body is valid UTF-8 with no blank
 * line at either end and the lead in it; paragraphs is 0 exactly when the
 * body is empty; dates exist; counts are not negative.
 */
#include "fuzz.h"
#include "../../src/engine/html.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_date(const AtDate *d)
{
	FUZZ_ASSERT(d->month >= 1 && d->month <= 12);
	FUZZ_ASSERT(d->day >= 1 && d->day <= at_days_in_month(d->year, d->month));
	if (d->has_time)
		FUZZ_ASSERT(d->hour >= 0 && d->hour <= 23 && d->minute >= 0 &&
					d->minute <= 59 && d->second >= 0 && d->second <= 60);
}

static void
check_list(const char *base, size_t blen, const AtVec *v)
{
	for (size_t i = 0; i < v->len; i++)
	{
		AtSpan	   *sp = AT_VEC_AT(v, AtSpan, i);

		FUZZ_ASSERT(sp->len > 0);
		fuzz_check_span(base, blen, sp->start, sp->len);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len,
				blen;
	char	   *s,
			   *page;
	AtArticle	a;
	AtStatus	st;
	static const char doctype[] = "<!DOCTYPE html>";

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	if (size > 0 && (data[0] & 1))
	{
		page = fuzz_alloc(NULL, len + sizeof(doctype));
		memcpy(page, doctype, sizeof(doctype) - 1);
		memcpy(page + sizeof(doctype) - 1, s, len);
		len += sizeof(doctype) - 1;
	}
	else
		page = s;
	(void) at_looks_like_html(page, len);
	memset(&a, 0, sizeof(a));
	st = at_parse_html(page, len, &fuzz_mem, &a);
	FUZZ_ASSERT(st == AT_OK || st == AT_ERR_TOO_LARGE);
	if (st == AT_OK)
	{
		FUZZ_ASSERT(a.base != NULL);
		blen = strlen(a.base);
		FUZZ_ASSERT(at_utf8_valid(a.base, blen));
		fuzz_check_span(a.base, blen, a.title.start, a.title.len);
		fuzz_check_span(a.base, blen, a.source.start, a.source.len);
		fuzz_check_span(a.base, blen, a.url.start, a.url.len);
		fuzz_check_span(a.base, blen, a.section.start, a.section.len);
		fuzz_check_span(a.base, blen, a.language.start, a.language.len);
		fuzz_check_span(a.base, blen, a.editor.start, a.editor.len);
		fuzz_check_span(a.base, blen, a.dateline.start, a.dateline.len);
		check_list(a.base, blen, &a.authors);
		check_list(a.base, blen, &a.captions);
		check_list(a.base, blen, &a.tags);
		FUZZ_ASSERT(at_utf8_valid(a.body.data ? a.body.data : "", a.body.len));
		FUZZ_ASSERT((a.paragraphs == 0) == (a.body.len == 0));
		if (a.body.len)
		{
			FUZZ_ASSERT(a.body.data[0] != '\n' && a.body.data[a.body.len - 1] != '\n');
			FUZZ_ASSERT(a.lead.len > 0);
		}
		fuzz_check_span(a.body.data ? a.body.data : "", a.body.len, a.lead.start, a.lead.len);
		FUZZ_ASSERT(a.paragraphs >= 0 && a.words >= 0 && a.chrome_removed >= 0);
		if (a.has_published)
			check_date(&a.published);
		if (a.has_updated)
			check_date(&a.updated);
	}
	fuzz_mem_reset();
	return 0;
}

/*
 * fuzz_html: the HTML path of at_parse_article (SQL parse_article() on an
 * HTML page), and at_looks_like_html.
 *
 * Inputs with an odd first byte get "<!DOCTYPE html>" in front, so news text
 * seeds reach the HTML path too.  Invariants: the status is AT_OK or
 * AT_ERR_TOO_LARGE; every span lies in a->base on character boundaries and
 * is not empty where a list holds it; the body is valid UTF-8 with no blank
 * line at either end and the lead in it; paragraphs is 0 exactly when the
 * body is empty; dates exist; counts are not negative.  They are checked
 * for both readers (our own tokenizer, then libxml2's HTML parser through
 * the test tool test/html/libxml2_reader.c).  And with
 * libxml2 the pre-pass changes nothing: with at_html_prepass_all off (only
 * script and style bodies taken out) the row is the same, on pages of under
 * 250 tags (more could reach the 256 open elements at which the parse
 * stops, which content taken out does not count).
 */
#include "fuzz.h"
#include "../../src/engine/html.h"
#include "../html/libxml2_reader.h"

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

static void
same_span(const AtArticle *a, AtSpan x, const AtArticle *b, AtSpan y)
{
	FUZZ_ASSERT(x.len == y.len && memcmp(a->base + x.start, b->base + y.start, x.len) == 0);
}

static void
same_list(const AtArticle *a, const AtVec *x, const AtArticle *b, const AtVec *y)
{
	FUZZ_ASSERT(x->len == y->len);
	for (size_t i = 0; i < x->len; i++)
		same_span(a, *AT_VEC_AT(x, AtSpan, i), b, *AT_VEC_AT(y, AtSpan, i));
}

static void
same_date(bool ha, const AtDate *a, bool hb, const AtDate *b)
{
	FUZZ_ASSERT(ha == hb);
	if (ha)
		FUZZ_ASSERT(a->year == b->year && a->month == b->month && a->day == b->day &&
					a->hour == b->hour && a->minute == b->minute && a->second == b->second &&
					a->has_year == b->has_year && a->has_day == b->has_day &&
					a->has_time == b->has_time);
}

/* The row of page without the pre-pass's attribute, comment and content cuts equals a */
static void
check_prepass(const char *page, size_t len, const AtArticle *a)
{
	AtArticle	b;
	size_t		tags = 0;

	for (size_t i = 0; i < len && tags < 250; i++)
		tags += page[i] == '<';
	if (tags >= 250)
		return;
	at_html_prepass_all = false;
	memset(&b, 0, sizeof(b));
	FUZZ_ASSERT(at_parse_html(page, len, &fuzz_mem, &b) == AT_OK);
	at_html_prepass_all = true;
	same_span(a, a->title, &b, b.title);
	same_span(a, a->source, &b, b.source);
	same_span(a, a->editor, &b, b.editor);
	same_span(a, a->dateline, &b, b.dateline);
	same_span(a, a->section, &b, b.section);
	same_span(a, a->url, &b, b.url);
	same_span(a, a->language, &b, b.language);
	same_list(a, &a->authors, &b, &b.authors);
	same_list(a, &a->captions, &b, &b.captions);
	same_list(a, &a->tags, &b, &b.tags);
	same_date(a->has_published, &a->published, b.has_published, &b.published);
	same_date(a->has_updated, &a->updated, b.has_updated, &b.updated);
	FUZZ_ASSERT(a->body.len == b.body.len &&
				(a->body.len == 0 || memcmp(a->body.data, b.body.data, a->body.len) == 0));
	FUZZ_ASSERT(a->lead.start == b.lead.start && a->lead.len == b.lead.len);
	FUZZ_ASSERT(a->paragraphs == b.paragraphs && a->words == b.words &&
				a->chrome_removed == b.chrome_removed);
}

/* The invariants of one parse of page with the tokenizer chosen */
static void
check_parse(const char *page, size_t len)
{
	size_t		blen;
	AtArticle	a;
	AtStatus	st;

	memset(&a, 0, sizeof(a));
	st = at_parse_html(page, len, &fuzz_mem, &a);
	FUZZ_ASSERT(st == AT_OK || st == AT_ERR_TOO_LARGE);
	if (st != AT_OK)
		return;
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
	if (h_read_page_hook)
		check_prepass(page, len, &a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s,
			   *page;
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
	at_html_use_libxml2(false);
	check_parse(page, len);
	at_html_use_libxml2(true);
	check_parse(page, len);
	fuzz_mem_reset();
	return 0;
}

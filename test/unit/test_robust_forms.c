/*
 * Robustness of the forms added in release 1.2 (fractions and shares, feet
 * and inches, relative dates, labels above values, glued fields, hard
 * wraps, measure/holder/period, respectively lists): every prefix of each
 * form, in a buffer of exactly its length (text from the server has no
 * terminator), through every entry point that reads it.  Under ASan
 * (make unit-san) a read one byte past the end fails; here every span must
 * stay inside the input on character boundaries, and resolved dates exist,
 * also against the reference dates at the ends of the range SQL accepts.
 */
#include <stdlib.h>

#include "unit.h"
#include "../../src/engine/article.h"
#include "../../src/engine/chrome.h"
#include "../../src/engine/dates.h"
#include "../../src/engine/metrics.h"
#include "../../src/engine/numbers.h"
#include "../../src/engine/periods.h"
#include "../fuzz/fuzz.h"		/* fuzz_mem: a memory context for the engine */

/* Team-written snippets of the new forms; each is cut at every length */
static const char *const forms[] = {
	"One in five adults, 1 in 10, nine in 10 and two out of three rose.",
	"three twenty-firsts, one hundred thirty-fifths, a millionth, two thirds of a million",
	"The player is 6 ft 2 in tall, 5 feet and 11 inches, 6 ft 2 in",
	"next Monday, this coming Friday, this past Sunday, previous Tuesday, yesterday",
	"By Express News Service\nSource:\nXinhua\nUpdated\nJun 3, 2024, 08:15 PM\n",
	" date 2024-01-02 Headline here\n date 2024-01\n",
	"2024-04-18 09:15:42Xinhua\n21-05-2024Straits\nMandy Ho12 Jun 2023\nPublished3rd April 2020\n",
	"05-08-20 14:32 BJT\n2023-03-21 HKT 18:32\nHongKong Comment(3)\n4 hours ago | #7L2K | 0\n",
	"Investment from France and the United Kingdom rose 84.1 percent and 81.6 percent respectively",
	"Sales rose 5 percent, with exports rising 9.8 percent and imports down 2 percent, while",
	"Analysts expect exports to fall; the company expects its revenue to",
	"The water rose three metres in the\ncounty of the province on Monday, and\nofficials said the rescue teams were\nsent.\n",
	"Copyright \xc2\xa9 2022 South China Morning Post Publishers Ltd. All rights",
	"had doubled since 2021. (Yonhap)\n- Li Wei\n\xe2\x80\xa2 NAME\nMarket voices on:\n",
	"in Tokyo, Japan, December 28, 2023. REUTERS/Kim Kyung-Hoon/File Photo",
	"\xe6\x9d\xa5\xe6\xba\x90\xef\xbc\x9a\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe\n\xe9\x98\x85\xe8\xaf\xbb\xe6\x9b\xb4\xe5\xa4\x9a\n",
	"Feb 29 was a Thursday; as of Saturday, by Monday, from January to October",
	"lower than that of September, more than 300 billion yuan in 2023, said in a filing on Wednesday",
	"the University of Hong Kong, chipmaker SMIC, Unisound, a speech recognition firm, said",
};

/* reference dates: none, ordinary, leap day, SQL's limits (years 1 and 9999) */
static const AtDay refs[] = {{2024, 3, 15}, {2024, 2, 29}, {1, 1, 1}, {9999, 12, 31}};

static void
check_ptr(const char *s, size_t len, const char *p, size_t n)
{
	if (p == NULL)
		return;
	UT_CHECK(p >= s && p <= s + len);
	if (p >= s && p <= s + len)
		UT_CHECK(n <= len - (size_t) (p - s));
}

static void
check_day(const AtDay *d)
{
	if (d->year == 0)
		return;
	UT_CHECK(d->month >= 1 && d->month <= 12);
	if (d->month >= 1 && d->month <= 12)
		UT_CHECK(d->day >= 1 && d->day <= at_days_in_month(d->year, d->month));
}

static void
metrics_of(const char *s, size_t len, const AtDay *ref)
{
	AtVec		out;

	at_vec_init(&out, &fuzz_mem, sizeof(AtMetric));
	at_extract_metrics_ref(s, len, ref, &out);
	for (size_t i = 0; i < out.len; i++)
	{
		const AtMetric *m = AT_VEC_AT(&out, AtMetric, i);

		UT_CHECK(m->len > 0 && m->start + m->len <= len);
		check_ptr(s, len, m->per, m->per_len);
		check_ptr(s, len, m->measure, m->measure_len);
		check_ptr(s, len, m->holder, m->holder_len);
		check_day(&m->time.start);
		check_day(&m->time.end);
		if (m->has_date)
		{
			UT_CHECK(m->date.month >= 1 && m->date.month <= 12);
			if (m->date.month >= 1 && m->date.month <= 12)
				UT_CHECK(m->date.day >= 1 && m->date.day <= at_days_in_month(m->date.year, m->date.month));
		}
	}
}

/* every entry point over s[0, len), a buffer of exactly len bytes */
static void
read_all(const char *s, size_t len)
{
	AtArticle	a;
	AtStatus	st = AT_OK;
	AtDate		d;

	metrics_of(s, len, NULL);
	for (size_t r = 0; r < sizeof(refs) / sizeof(refs[0]); r++)
		metrics_of(s, len, &refs[r]);
	memset(&a, 0, sizeof(a));
	UT_EQ_INT(at_parse_article(s, len, &fuzz_mem, &a), AT_OK);
	UT_CHECK(a.title.start + a.title.len <= len && a.source.start + a.source.len <= len);
	(void) at_chrome_line(s, 0, len, &st);
	UT_CHECK(at_chrome_caption_end(s, 0, len) <= len);
	(void) at_chrome_credit_line(s, 0, len);
	UT_CHECK(at_scraper_prefix(s, 0, len, &d) <= len);
	(void) at_classify_line(s, len);
	for (size_t p = 0; p < len; p++)
	{
		AtNumber	num;
		AtPeriodSpan ps;
		size_t		skip = 0;

		memset(&d, 0, sizeof(d));
		UT_CHECK(at_match_date(s, len, p, &d) <= len - p);
		UT_CHECK(at_match_time(s, len, p, &d) <= len - p);
		UT_CHECK(at_scan_number(s, len, p, 0, &num, &skip) <= len - p);
		UT_CHECK(at_period_span_at(s, 0, len, p, &refs[0], &ps) <= len - p);
	}
	fuzz_mem_reset();
}

UT_TEST(robust_new_forms_every_prefix)
{
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
	{
		size_t		n = strlen(forms[f]);

		for (size_t k = 1; k <= n; k++)
		{
			char	   *s;

			/* cut on character boundaries only: the input is valid UTF-8 */
			if (k < n && ((unsigned char) forms[f][k] & 0xC0) == 0x80)
				continue;
			s = malloc(k);
			memcpy(s, forms[f], k);
			read_all(s, k);
			free(s);
		}
	}
}

/* "YYYY-MM-DD" of the first date metric of text against the reference date, or "" */
static const char *
first_date(const char *text, int y, int mo, int d)
{
	static char buf[32];
	AtDay		ref = {y, mo, d};
	AtVec		v;

	buf[0] = '\0';
	at_vec_init(&v, &fuzz_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, strlen(text), &ref, &v);
	for (size_t i = 0; i < v.len; i++)
	{
		const AtMetric *m = AT_VEC_AT(&v, AtMetric, i);

		if (m->kind == AT_MK_DATE && m->has_date)
		{
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", m->date.year, m->date.month, m->date.day);
			break;
		}
	}
	fuzz_mem_reset();
	return buf;
}

/*
 * Relative dates at the ends of the reference dates SQL accepts (years 1
 * to 9999) step over them into the next or previous year, a date that
 * exists (PostgreSQL's dates reach far beyond): no wrap, no day 0.
 */
UT_TEST(robust_relative_dates_at_range_ends)
{
	/* 9999-12-31 is a Friday, 0001-01-01 a Monday (proleptic Gregorian) */
	UT_EQ_STR(first_date("Talks resume next Monday.", 9999, 12, 31), "10000-01-03");
	UT_EQ_STR(first_date("Talks resume this coming Friday.", 9999, 12, 31), "10000-01-07");
	UT_EQ_STR(first_date("Talks ended yesterday.", 1, 1, 1), "0000-12-31");
	UT_EQ_STR(first_date("Talks ended this past Sunday.", 1, 1, 8), "0001-01-07");
	UT_EQ_STR(first_date("Talks ended yesterday.", 2024, 3, 1), "2024-02-29");
	UT_EQ_STR(first_date("Talks ended previous Tuesday.", 2024, 3, 1), "2024-02-20");
}

/*
 * The number scanner's steps (numbers.h, -DAT_COUNT_STEPS) over this
 * round's number forms repeated: shares ("one in five", whose "in" reads a
 * second number), denominators ("twenty-firsts", "two thirds of a
 * million"), feet and inches (a second number after the unit).  4x the
 * input, at most 4.5x the steps, as test_robust.c asks of older units.
 */
#ifdef AT_COUNT_STEPS
static const char *const new_linear_units[] = {
	"one in five ", "1 in 1 in ", "9 in 10,", "6 ft 2 in ", "6 ft 2 ", "5 feet and 11 inches ",
	"three twenty-firsts ", "one hundred thirty-fifths ", "two thirds of a million ",
	"a millionth ", "twenty-", "one in ",
};

static unsigned long long
metrics_steps(const char *unit, size_t n, const AtDay *ref)
{
	size_t		ul = strlen(unit),
				len = n / ul * ul;
	char	   *s = malloc(len);
	unsigned long long before = at_scan_steps;
	AtVec		out;

	for (size_t i = 0; i < len; i += ul)
		memcpy(s + i, unit, ul);
	at_vec_init(&out, &fuzz_mem, sizeof(AtMetric));
	at_extract_metrics_ref(s, len, ref, &out);
	fuzz_mem_reset();
	free(s);
	return at_scan_steps - before;
}

UT_TEST(robust_new_forms_linear_steps)
{
	for (size_t u = 0; u < sizeof(new_linear_units) / sizeof(new_linear_units[0]); u++)
		for (int r = 0; r < 2; r++)
		{
			const AtDay *ref = r ? &refs[0] : NULL;
			unsigned long long a = metrics_steps(new_linear_units[u], 16384, ref),
						b = metrics_steps(new_linear_units[u], 65536, ref);

			if (b * 2 > a * 9)
				ut_fail(__FILE__, __LINE__, "extract_metrics%s on \"%s\" repeated: %llu steps at 16 KB, %llu at 64 KB (%.1fx)",
						r ? " with a reference date" : "", new_linear_units[u], a, b,
						(double) b / (double) (a ? a : 1));
		}
}
#endif

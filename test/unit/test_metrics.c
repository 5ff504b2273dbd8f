/*
 * Unit tests of the metrics recogniser and its token API (metrics.h).
 */
#include "unit.h"
#include "../../src/engine/metrics.h"

#include <stdlib.h>

typedef struct Found
{
	AtVec		v;
	const char *text;
} Found;

static Found
extract(const char *text)
{
	Found		f;

	f.text = text;
	at_vec_init(&f.v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics(text, strlen(text), &f.v);
	return f;
}

static void
done(Found *f)
{
	free(f->v.data);
}

#define M(f, i) AT_VEC_AT(&(f).v, AtMetric, i)

static const char *
val(const AtNum *n)
{
	static char buf[4][AT_NUM_STRLEN];
	static int	k;

	k = (k + 1) % 4;
	at_num_format(n, buf[k]);
	return buf[k];
}

static const char *
unit(const AtMetric *m)
{
	static char buf[128];

	if (m->unit == NULL)
		return "";
	snprintf(buf, sizeof(buf), "%.*s", (int) m->unit_len, m->unit);
	return buf;
}

/* lexeme of the token starting at the first occurrence of 'at' in text */
static const char *
token(const char *text, const char *at, size_t *len)
{
	static AtMetricToken t;
	const char *p = strstr(text, at);

	if (at_metric_token_at(text, strlen(text), (size_t) (p - text), &t) == 0)
		return "";
	if (len)
		*len = t.len;
	return t.lexeme;
}

UT_TEST(metrics_money)
{
	Found		f = extract("Exports hit 42.5 billion yuan ($6.2 billion) and RMB 3 trillion in 2018.");

	UT_EQ_INT(f.v.len, 4);
	UT_EQ_INT(M(f, 0)->kind, AT_MK_MONEY);
	UT_EQ_SPAN(f.text, M(f, 0)->start, M(f, 0)->len, "42.5 billion yuan");
	UT_EQ_STR(val(&M(f, 0)->value), "42500000000");
	UT_EQ_STR(M(f, 0)->currency, "CNY");
	UT_EQ_STR(M(f, 1)->currency, "USD");
	UT_EQ_INT(M(f, 1)->equivalent_of, 1);
	UT_EQ_STR(val(&M(f, 2)->value), "3000000000000");
	UT_EQ_INT(M(f, 3)->kind, AT_MK_YEAR);
	done(&f);

	f = extract("a 1.5 billion-U.S.-dollar fund, a 10-billion-yuan plan and HK$30.5 billion");
	UT_EQ_INT(f.v.len, 3);
	UT_EQ_STR(M(f, 0)->currency, "USD");
	UT_EQ_STR(val(&M(f, 1)->value), "10000000000");
	UT_EQ_STR(M(f, 2)->currency, "HKD");
	done(&f);
}

UT_TEST(metrics_yen_or_yuan)
{
	Found		f = extract("Sony, based in Tokyo, made \xc2\xa5" "300 billion, Japanese media said.");

	UT_EQ_STR(M(f, 0)->currency, "JPY");
	done(&f);
	f = extract("The Chinese firm raised \xc2\xa5" "2 billion.");
	UT_EQ_STR(M(f, 0)->currency, "CNY");
	done(&f);
}

UT_TEST(metrics_percent_change)
{
	Found		f = extract("Sales were up 9 percent year-on-year. A year-on-year rise of 18.4% "
							"was reported. Profit fell 2.5 percentage points.");

	UT_EQ_INT(f.v.len, 3);
	UT_EQ_INT(M(f, 0)->kind, AT_MK_PERCENT);
	UT_EQ_STR(M(f, 0)->change, "increase");
	UT_EQ_STR(M(f, 0)->period, "year-on-year");
	UT_EQ_INT(M(f, 0)->sentence, 1);
	UT_EQ_STR(M(f, 1)->period, "year-on-year");
	UT_EQ_INT(M(f, 2)->kind, AT_MK_PERCENTAGE_POINT);
	UT_EQ_STR(M(f, 2)->change, "decrease");
	UT_EQ_INT(M(f, 2)->sentence, 3);
	done(&f);

	/* "set up" is no increase */
	f = extract("It set up a 1.5 billion yuan fund.");
	UT_CHECK(M(f, 0)->change == NULL);
	done(&f);
}

UT_TEST(metrics_counts)
{
	Found		f = extract("More than 2,300 AI-related firms and 19 such events; three to four teams; "
							"Liu Jianping, 56, said.");

	UT_EQ_INT(f.v.len, 4);
	UT_EQ_STR(unit(M(f, 0)), "AI-related firms");
	UT_EQ_STR(M(f, 0)->qualifier, "more than");
	UT_EQ_STR(unit(M(f, 1)), "such events");
	UT_EQ_STR(val(&M(f, 2)->value), "3");
	UT_EQ_STR(val(&M(f, 2)->range_to), "4");
	UT_EQ_INT(M(f, 3)->kind, AT_MK_QUANTITY);
	UT_EQ_STR(unit(M(f, 3)), "years");
	done(&f);
}

/* Ages are quantities in years, however written */
UT_TEST(metrics_ages)
{
	Found		f = extract("A 14-year-old boy, a man aged 30 and a woman 45 years old met two-year "
							"olds and 3 managed funds.");

	/* "two-year olds": a spelled modifier, no figure */
	UT_EQ_INT(f.v.len, 4);
	if (f.v.len != 4)
		return;
	for (int i = 0; i < 3; i++)
	{
		UT_EQ_INT(M(f, i)->kind, AT_MK_QUANTITY);
		UT_EQ_STR(unit(M(f, i)), "years");
	}
	UT_EQ_STR(val(&M(f, 1)->value), "30");
	UT_EQ_INT(M(f, 3)->kind, AT_MK_COUNT);
	UT_EQ_STR(unit(M(f, 3)), "managed funds");
	done(&f);
}

/* A version after its name is no figure; a counted noun after it makes a count */
UT_TEST(metrics_versions)
{
	Found		f = extract("With industry 4.0 and Web 3.0, the web 3 sites grew.");

	UT_EQ_INT(f.v.len, 1);
	UT_EQ_INT(M(f, 0)->kind, AT_MK_COUNT);
	UT_EQ_STR(unit(M(f, 0)), "sites");
	done(&f);
}

UT_TEST(metrics_years_dates_ordinals)
{
	Found		f = extract("During the 13th Five-Year Plan (2016-20), by 2030, on Oct 8, 2018.");

	UT_EQ_INT(f.v.len, 4);
	UT_EQ_INT(M(f, 0)->kind, AT_MK_ORDINAL);
	UT_EQ_STR(unit(M(f, 0)), "Five-Year Plan");
	UT_EQ_INT(M(f, 1)->kind, AT_MK_YEAR);
	UT_EQ_STR(val(&M(f, 1)->range_to), "2020");
	UT_EQ_INT(M(f, 2)->kind, AT_MK_YEAR);
	UT_EQ_INT(M(f, 3)->kind, AT_MK_DATE);
	UT_CHECK(M(f, 3)->has_date);
	UT_EQ_INT(M(f, 3)->date.day, 8);
	done(&f);

	/* no figures from phone numbers and footer lines */
	f = extract("Tel: 86-10-6499 2018\nCopyright 1995 - 2018 China Daily\ncall 010-6499-1234 now");
	UT_EQ_INT(f.v.len, 0);
	done(&f);
}

UT_TEST(metrics_measures)
{
	Found		f = extract("3.2 billion tonnes, a 45-acre farm, 1,200 MW, 120 km/h, 5 billion kWh");

	UT_EQ_INT(f.v.len, 5);
	UT_EQ_STR(unit(M(f, 0)), "t");
	UT_EQ_STR(val(&M(f, 0)->value), "3200000000");
	UT_EQ_STR(unit(M(f, 1)), "acre");
	UT_EQ_STR(unit(M(f, 2)), "MW");
	UT_EQ_STR(unit(M(f, 3)), "km/h");
	UT_EQ_STR(unit(M(f, 4)), "kWh");
	done(&f);
}

UT_TEST(metrics_bad_input)
{
	char	   *big = malloc(20001);
	Found		f;

	f = extract("1,2,3 $ 99.02.7% 1e999 yuan");
	UT_EQ_INT(f.v.len, 3);		/* 1, 2 and "3 $": clean rows */
	done(&f);
	memset(big, '9', 20000);
	big[20000] = '\0';
	f = extract(big);
	UT_EQ_INT(f.v.len, 0);
	done(&f);
	memset(big, '%', 20000);
	f = extract(big);
	UT_EQ_INT(f.v.len, 0);
	done(&f);
	f = extract("");
	UT_EQ_INT(f.v.len, 0);
	done(&f);
	/* every span stays inside the text and in order */
	f = extract("\xc2\xbd \xe2\x82\xac \xc2\xa3 \xe5\x85\x83 \xe2\x88\x92" "5 - 7 -- $$ 5$ US$ HK$.");
	for (size_t i = 0; i < f.v.len; i++)
		UT_CHECK(M(f, i)->start + M(f, i)->len <= strlen(f.text));
	done(&f);
	free(big);
}

UT_TEST(metrics_tokens)
{
	size_t		l = 0;

	/* the same amount written four ways gives one lexeme */
	UT_EQ_STR(token("It spent 3 trillion yuan.", "3", &l), "cny:3000000000000");
	UT_EQ_INT(l, 15);
	UT_EQ_STR(token("It spent 3,000 billion yuan.", "3", NULL), "cny:3000000000000");
	UT_EQ_STR(token("It spent RMB 3 trillion.", "RMB", NULL), "cny:3000000000000");
	UT_EQ_STR(token("It spent 3-trillion-yuan.", "3", NULL), "cny:3000000000000");
	UT_EQ_STR(token("up $42.5 billion", "$", NULL), "usd:42500000000");
	UT_EQ_STR(token("up US$42.5 billion", "US$", NULL), "usd:42500000000");
	UT_EQ_STR(token("USD 42.5bn", "USD", NULL), "usd:42500000000");
	UT_EQ_STR(token("11 percent", "11", NULL), "pct:11");
	UT_EQ_STR(token("11 per cent", "11", NULL), "pct:11");
	UT_EQ_STR(token("11%", "11", NULL), "pct:11");
	UT_EQ_STR(token("eleven percent", "eleven", NULL), "pct:11");
	UT_EQ_STR(token("-2.5%", "-", NULL), "pct:-2.5");
	UT_EQ_STR(token("0.25 percentage points", "0", NULL), "pp:0.25");
	UT_EQ_STR(token("on Oct 8, 2018,", "Oct", NULL), "2018-10-08");
	UT_EQ_STR(token("on 8 October 2018", "8", NULL), "2018-10-08");
	UT_EQ_STR(token("2018-10-08", "2", NULL), "2018-10-08");
	UT_EQ_STR(token("2018.10.08", "2", NULL), "2018-10-08");
	UT_EQ_STR(token("in April 2020", "April", NULL), "2020-04");
	/* no tokens: counts, years, plain words */
	UT_EQ_STR(token("120 companies", "1", NULL), "");
	UT_EQ_STR(token("in 2018", "2", NULL), "");
	UT_EQ_STR(token("the company", "the", NULL), "");
	UT_CHECK(!at_metric_token_may_start("the", 3, 0));
	UT_CHECK(at_metric_token_may_start("5", 1, 0));
}

/*
 * Random texts built from pieces that trip recognisers (digits, separators,
 * currency symbols, number words, units): spans stay inside the text and in
 * order, every position's token stays inside the text.  Deterministic.
 */
UT_TEST(metrics_random_pieces)
{
	static const char *const pieces[] = {
		"1", "23", "456", "7,890", ".", ",", "-", "/", " ", "  ", "\n", "%", "$", "US$",
		"\xc2\xa5", "\xe2\x82\xac", "\xc2\xbd", "\xe2\x80\xaf", "yuan", "billion", "million",
		"k", "m", "bn", "percent", "per cent", "percentage points", "one", "twenty", "-five",
		"and a half", "hundred", "a", "dozen", "over", "out of", "to", "Oct", "May", "2018",
		"th", "km", "tonnes", "sq", "(", ")", "e", "^", "x10^", "Copyright", "Tel:", "up", "fell",
		"more than", "\xe5\x85\x83", "RMB", "HK$", "years", "COVID-", "http://", "@",
	};
	uint32_t	seed = 12345;
	char		buf[512];

	for (int iter = 0; iter < 3000; iter++)
	{
		size_t		n = 0;
		Found		f;
		size_t		last_end = 0;

		while (n < 400)
		{
			const char *p;
			size_t		pl;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % AT_LENGTHOF(pieces)];
			pl = strlen(p);
			if (n + pl >= sizeof(buf) - 1 || (seed & 0x7) == 0)
				break;
			memcpy(buf + n, p, pl);
			n += pl;
		}
		buf[n] = '\0';
		f = extract(buf);
		for (size_t i = 0; i < f.v.len; i++)
		{
			UT_CHECK(M(f, i)->start >= last_end);
			UT_CHECK(M(f, i)->start + M(f, i)->len <= n);
			last_end = M(f, i)->start + M(f, i)->len;
		}
		done(&f);
		for (size_t pos = 0; pos < n; pos++)
		{
			AtMetricToken t;
			size_t		l = at_metric_token_at(buf, n, pos, &t);

			UT_CHECK(pos + l <= n);
		}
	}
}

/* Issue 16, item 1: what is a figure, and what it counts */
UT_TEST(metrics_precision)
{
	Found		f = extract("Half of the 300 companies showcased projects, about one-third in one or two "
							"years, two-thirds of them; the two sides met in the first half of 2023. "
							"It cost $183 per ton and 3,870 yuan a ton, up from a year earlier. "
							"One said twenty-foot containers for nine consecutive years, 2.32 million electric vehicles.");
	const char *want[][3] = {
		{"fraction", "0.5", ""}, {"count", "300", "companies"}, {"fraction", "0.333333333333333", ""},
		{"quantity", "1", "years"}, {"fraction", "0.666666666666667", ""}, {"year", "2023", ""},
		{"money", "183", ""}, {"money", "3870", ""}, {"count", "2320000", "electric vehicles"},
	};

	UT_EQ_INT(f.v.len, (int) AT_LENGTHOF(want));
	for (size_t i = 0; i < f.v.len && i < AT_LENGTHOF(want); i++)
	{
		UT_EQ_STR(at_metric_kind_names[M(f, i)->kind], want[i][0]);
		UT_EQ_STR(val(&M(f, i)->value), want[i][1]);
		UT_EQ_STR(unit(M(f, i)), want[i][2]);
	}
	if (f.v.len == AT_LENGTHOF(want))
	{
		UT_EQ_STR(val(&M(f, 3)->range_to), "2");
		UT_EQ_SPAN(f.text, M(f, 6)->start, M(f, 6)->len, "$183 per ton");
		UT_EQ_INT((int) M(f, 6)->per_len, 3);
		UT_EQ_SPAN(f.text, M(f, 7)->start, M(f, 7)->len, "3,870 yuan a ton");
	}
	done(&f);
}

static const char *
field(const char *p, size_t len)
{
	static char buf[4][128];
	static int	k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%.*s", p ? (int) len : 0, p ? p : "");
	return buf[k];
}

/* Chrome lines by the shared classifier (chrome.h), the measure and holder rules of this round */
UT_TEST(metrics_chrome_and_subjects)
{
	AtDay		ref = {2024, 5, 21};
	Found		f;

	/* a whole-line decision: a sentence that names copyright or Tel Aviv is text */
	f = extract("3 comments\nCopyright 2024 China Daily. All rights reserved.\n"
				"Lessons on copyright cost schools 5 million pounds.\nA bomb in Tel Aviv killed 4 people.\n");
	UT_EQ_INT(f.v.len, 2);
	UT_EQ_STR(val(&M(f, 0)->value), "5000000");
	UT_EQ_STR(val(&M(f, 1)->value), "4");
	done(&f);
	/* a line of a figure alone is no chrome here, and a caption keeps its figures */
	f = extract("100%\nWorkers load 300 containers at the port. [Photo/Xinhua]\n");
	UT_EQ_INT(f.v.len, 2);
	done(&f);

	f.text = "The installed capacity of wind power in China reached 441 million kilowatts by the end of April.\n"
		"The sown area of grain in the country was 118.97 million hectares.\n"
		"Its revenue dropped 44 percent to 175.5 billion yuan, the company said.\n"
		"A total of 1,250 new enterprises were set up in the province.\n"
		"The country had built 3.75 million 5G base stations.\n"
		"Revenue rose 24.3 percent during the May Day holiday.\n";
	at_vec_init(&f.v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref(f.text, strlen(f.text), &ref, &f.v);
	UT_EQ_INT(f.v.len, 7);
	UT_EQ_STR(field(M(f, 0)->measure, M(f, 0)->measure_len), "installed capacity of wind power");
	UT_EQ_STR(field(M(f, 0)->holder, M(f, 0)->holder_len), "China");
	UT_EQ_STR(field(M(f, 1)->measure, M(f, 1)->measure_len), "sown area of grain");
	UT_EQ_STR(field(M(f, 1)->holder, M(f, 1)->holder_len), "the country");
	UT_EQ_STR(field(M(f, 2)->holder, M(f, 2)->holder_len), "the company");
	UT_EQ_STR(field(M(f, 3)->holder, M(f, 3)->holder_len), "the company");
	UT_EQ_STR(field(M(f, 4)->holder, M(f, 4)->holder_len), "the province");
	UT_EQ_STR(unit(M(f, 5)), "5G base stations");
	UT_EQ_STR(field(M(f, 6)->measure, M(f, 6)->measure_len), "Revenue");
	UT_EQ_INT(M(f, 6)->time.start.year, 0);	/* "May Day" is no month */
	done(&f);

	/*
	 * A clause that opens with "and": the ", and the company" test must not
	 * look before the first token (it read t[-1]; a Citus backend crashed on
	 * a BBC article, ASan reports it here)
	 */
	f = extract("And its sales rose 12 percent.\nand its revenue fell 3 percent, and the company said so.\n");
	UT_EQ_INT(f.v.len, 2);
	done(&f);
}

/*
 * Unit tests of period expressions (periods.h) and of measure, holder and
 * period of figures (measures.h through at_extract_metrics_ref()).
 */
#include "unit.h"
#include "../../src/engine/metrics.h"
#include "../../src/engine/periods.h"

#include <stdlib.h>

/* The first period of text, as "YYYY-MM-DD..YYYY-MM-DD" ("-" for an open end), or "" */
static const char *
first_period(const char *text, const AtDay *ref)
{
	static char buf[64];
	AtVec		v;
	const AtPeriod *p;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtPeriodSpan));
	at_find_periods(text, 0, strlen(text), ref, &v);
	buf[0] = '\0';
	if (v.len > 0)
	{
		p = &AT_VEC_AT(&v, AtPeriodSpan, 0)->period;
		if (p->start.year)
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d..", p->start.year, p->start.month, p->start.day);
		else
			snprintf(buf, sizeof(buf), "-..");
		if (p->end.year)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%04d-%02d-%02d",
					 p->end.year, p->end.month, p->end.day);
		else
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "-");
	}
	free(v.data);
	return buf;
}

UT_TEST(periods_absolute_and_relative)
{
	AtDay		ref = {2024, 4, 16};	/* a Tuesday */

	UT_EQ_STR(first_period("revenue rose in 2021", NULL), "2021-01-01..2021-12-31");
	UT_EQ_STR(first_period("in the second half of 2022", NULL), "2022-07-01..2022-12-31");
	UT_EQ_STR(first_period("in the first quarter of this year", &ref), "2024-01-01..2024-03-31");
	UT_EQ_STR(first_period("in the first quarter of this year", NULL), "");
	UT_EQ_STR(first_period("sales last year", &ref), "2023-01-01..2023-12-31");
	UT_EQ_STR(first_period("in the January-May period", &ref), "2023-01-01..2023-05-31");
	UT_EQ_STR(first_period("in the January-March period", &ref), "2024-01-01..2024-03-31");
	UT_EQ_STR(first_period("the first two months", &ref), "2024-01-01..2024-02-29");
	UT_EQ_STR(first_period("by March", &ref), "-..2024-03-31");
	UT_EQ_STR(first_period("by the end of 2023", NULL), "-..2023-12-31");
	UT_EQ_STR(first_period("since January", &ref), "2024-01-01..-");
	UT_EQ_STR(first_period("last month", &ref), "2024-03-01..2024-03-31");
	UT_EQ_STR(first_period("it rose on Monday", &ref), "2024-04-15..2024-04-15");
	UT_EQ_STR(first_period("in late 2022", NULL), "2022-09-01..2022-12-31");
	UT_EQ_STR(first_period("as of the end of 2023", NULL), "-..2023-12-31");
	UT_EQ_STR(first_period("as of March", &ref), "-..2024-03-31");
	UT_EQ_STR(first_period("as it was", &ref), "");
	UT_EQ_STR(first_period("buyers as of Saturday", &ref), "-..2024-04-13");
	/* a quarter named by its last month; a day after "as of" and "by" (the end only) */
	UT_EQ_STR(first_period("for the December quarter", &ref), "2023-10-01..2023-12-31");
	UT_EQ_STR(first_period("in the March quarter", &ref), "2024-01-01..2024-03-31");
	UT_EQ_STR(first_period("in the May quarter", &ref), "2023-05-01..2023-05-31");
	UT_EQ_STR(first_period("as of Dec. 3", &ref), "-..2023-12-03");
	UT_EQ_STR(first_period("by March 31", &ref), "-..2024-03-31");
	UT_EQ_STR(first_period("by May 2025", &ref), "-..2025-05-31");
	/* a day with "on"; no period: a date alone, a name that looks like a month */
	UT_EQ_STR(first_period("it opened on May 1", &ref), "2023-05-01..2023-05-01");
	UT_EQ_STR(first_period("it opened on Jan 1, 2020", &ref), "2020-01-01..2020-01-01");
	UT_EQ_STR(first_period("May 1 was the day", &ref), "");
	UT_EQ_STR(first_period("Yu Jun said", &ref), "");
}

UT_TEST(periods_weekdays)
{
	AtDay		ref = {2024, 2, 28};	/* a Wednesday */
	AtDay		d;

	UT_CHECK(at_weekday_date_at("last Friday", 11, 0, &ref, &d) == 11);
	UT_EQ_INT(d.day, 23);
	UT_CHECK(at_weekday_date_at("on Wednesday", 12, 0, &ref, &d) == 12);
	UT_EQ_INT(d.day, 28);
	UT_CHECK(at_weekday_date_at("last Wednesday", 14, 0, &ref, &d) == 14);
	UT_EQ_INT(d.day, 21);
	UT_CHECK(at_weekday_date_at("Friday", 6, 0, &ref, &d) == 0);	/* no placing word */
	UT_EQ_INT(at_day_of_week(&ref), 2);
}

static const char *
span(const char *p, size_t len)
{
	static char buf[4][128];
	static int	k;

	k = (k + 1) % 4;
	if (p == NULL)
		return "";
	snprintf(buf[k], sizeof(buf[k]), "%.*s", (int) len, p);
	return buf[k];
}

UT_TEST(measures_of_figures)
{
	const char *text = "China's retail sales rose 4.7 percent to 12.03 trillion yuan in the first quarter. "
		"Huawei spent $22.8 billion on research and development last year, while its net profit jumped "
		"144.5 percent. Domestic tourists made 474 million trips, up 34.3 percent. "
		"The GDP of Guangdong Province reached 13.57 trillion yuan in 2023.";
	AtDay		ref = {2024, 4, 16};
	AtVec		v;
	struct
	{
		const char *text,
				   *measure,
				   *holder;
		int			sy;
	}			want[] = {
		{"4.7 percent", "retail sales", "China", 2024},
		{"12.03 trillion yuan", "retail sales", "China", 2024},
		{"$22.8 billion", "research and development", "Huawei", 2023},
		{"144.5 percent", "net profit", "Huawei", 2023},
		{"474 million trips", "trips", "Domestic tourists", 0},
		{"34.3 percent", "trips", "Domestic tourists", 0},
		{"13.57 trillion yuan", "GDP", "Guangdong Province", 2023},
	};
	size_t		k = 0;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, strlen(text), &ref, &v);
	for (size_t i = 0; i < v.len; i++)
	{
		AtMetric   *m = AT_VEC_AT(&v, AtMetric, i);

		if (m->kind == AT_MK_YEAR || m->kind == AT_MK_DATE)
			continue;
		if (k >= AT_LENGTHOF(want))
		{
			UT_CHECK(k < AT_LENGTHOF(want));
			break;
		}
		UT_EQ_SPAN(text, m->start, m->len, want[k].text);
		UT_EQ_STR(span(m->measure, m->measure_len), want[k].measure);
		UT_EQ_STR(span(m->holder, m->holder_len), want[k].holder);
		UT_EQ_INT(m->time.start.year, want[k].sy);
		k++;
	}
	UT_EQ_INT(k, AT_LENGTHOF(want));
	free(v.data);
}

/* The rules of the third round: one sentence each, the figure's measure, holder and period */
typedef struct MeasureCase
{
	const char *text,
			   *fig,
			   *measure,
			   *holder,
			   *period;
} MeasureCase;

/* Measure, holder and period of the figure fig of text, against the expected ones */
static void
check_measure_case(const AtDay *ref, const MeasureCase *mc)
{
	AtVec		v;
	const char *text = mc->text;
	bool		seen = false;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, strlen(text), ref, &v);
	for (size_t i = 0; i < v.len; i++)
	{
		AtMetric   *m = AT_VEC_AT(&v, AtMetric, i);
		char		per[64] = "";

		if (strlen(mc->fig) != m->len || strncmp(text + m->start, mc->fig, m->len) != 0)
			continue;
		seen = true;
		if (m->time.start.year || m->time.end.year)
		{
			if (m->time.start.year)
				snprintf(per, sizeof(per), "%04d-%02d-%02d..", m->time.start.year, m->time.start.month,
						 m->time.start.day);
			else
				snprintf(per, sizeof(per), "-..");
			if (m->time.end.year)
				snprintf(per + strlen(per), sizeof(per) - strlen(per), "%04d-%02d-%02d",
						 m->time.end.year, m->time.end.month, m->time.end.day);
		}
		UT_EQ_STR(span(m->measure, m->measure_len), mc->measure);
		UT_EQ_STR(span(m->holder, m->holder_len), mc->holder);
		UT_EQ_STR(per, mc->period);
	}
	UT_CHECK(seen);
	free(v.data);
}

UT_TEST(measures_third_round)
{
	AtDay		ref = {2025, 10, 20};
	MeasureCase cases[] = {
		/* a Reuters dateline with one hyphen */
		{"HANOI, Dec 6 (Reuters) - Vietnam's exports rose 15.2% in September.", "15.2%",
		"exports", "Vietnam", "2025-09-01..2025-09-30"},
		/* an unlisted verb before its figure, after an apposition */
		{"The plant, which opened in 2019, now employs about 20,000 workers.", "20,000 workers",
		"workers", "The plant", ""},
		/* "by" + agent; "of" + agent */
		{"Research and development spending by local companies hit 86 billion yuan last year.",
			"86 billion yuan", "Research and development spending", "local companies", "2024-01-01..2024-12-31"},
		{"Average daily output of key steel mills was 1.96 million tons in early October.",
			"1.96 million tons", "Average daily output", "key steel mills", "2025-10-01..2025-10-10"},
		/* a source verb: the measure, no holder */
		{"Analysts expect output to fall by another 2 percent in 2026.", "2 percent", "output", "",
		"2026-01-01..2026-12-31"},
		/* a range after "from"; "in NAME," ends a clause without a holder */
		{"From January to September, a total of 3,120 enterprises were set up in Jiangsu, an increase of 14.8 percent.",
			"14.8 percent", "enterprises", "Jiangsu", "2025-01-01..2025-09-30"},
		/* a later clause's period does not reach back; ", though" opens a clause */
		{"Russia took 1.1 million vehicles, though shipments to the country fell 8 percent in the third quarter.",
			"1.1 million vehicles", "vehicles", "Russia", ""},
		/* the day a report was made is no period */
		{"Revenue increased 7.3 percent to 178.9 billion yuan, the company said in a filing on Wednesday.",
			"7.3 percent", "Revenue", "", ""},
		/* an absolute phrase after ", with" */
		{"Fixed-asset investment in the city increased 4.4 percent, with investment in manufacturing rising 9.8 percent.",
			"9.8 percent", "investment in manufacturing", "the city", ""},
		{"Shares of chipmakers rose on Monday, with SMIC gaining 3.2 percent in Hong Kong.", "3.2 percent",
		"Shares of chipmakers", "SMIC", "2025-10-20..2025-10-20"},
		/* respectively */
		{"Investment from France and the United Kingdom rose 84.1 percent and 81.6 percent respectively.",
			"81.6 percent", "Investment", "the United Kingdom", ""},
		/* the possessor of the whole, when the clause names no holder; not the world */
		{"Green tea made up about four-fifths of the province's shipments.", "four-fifths",
		"Green tea", "the province", ""},
		{"The indicators accounted for 55.7 percent of the world's total.", "55.7 percent", "indicators", "", ""},
		/* a ratio is one measure; a participle after a possessive is no verb */
		{"The ratio of R&D expenditure to GDP rose to 2.68 percent, up 0.1 percentage points from 2023.",
			"2.68 percent", "ratio of R&D expenditure to GDP", "", ""},
		{"By the end of June, the country's installed solar capacity had reached 710 gigawatts.", "710 gigawatts",
		"installed solar capacity", "the country", "-..2025-06-30"},
		/* a participle before the verb; an ordinal in a name; a source subject */
		{"The floor area of new commercial homes sold declined 15.8 percent.", "15.8 percent",
		"floor area of new commercial homes sold", "", ""},
		{"The 136th China Import and Export Fair attracted 130,000 overseas buyers.", "130,000 overseas buyers",
		"overseas buyers", "The 136th China Import and Export Fair", ""},
		{"The report also listed 315 potential unicorns in Hangzhou, up 26 from a year earlier.",
			"315 potential unicorns", "potential unicorns", "Hangzhou", ""},
		/* "than" before a period: a base */
		{"The growth rate was 0.1 percentage points lower than that of September.", "0.1 percentage points",
		"growth rate", "", ""},
		/* a figure that modifies a noun */
		{"Each voucher offers a 30 yuan discount.", "30 yuan", "discount", "Each voucher", ""},
		/* a quoted clause; a source verb with "its"; no verb after "was" */
		{"\"Sales rose 20 percent this year,\" said Wang Lei.", "20 percent", "Sales", "", "2025-01-01..2025-12-31"},
		{"The company expects its revenue to exceed 10 billion yuan in 2026.", "10 billion yuan", "revenue",
		"The company", "2026-01-01..2026-12-31"},
		{"The value of the deals was estimated at 3 billion dollars.", "3 billion dollars", "value", "the deals", ""},
		/* a share of the total taken by a thing; an absolute phrase of a count */
		{"Domestic films took 83.8 percent of the total, with 50 films earning more than 100 million yuan each.",
			"83.8 percent", "Domestic films", "", ""},
		{"Domestic films took 83.8 percent of the total, with 50 films earning more than 100 million yuan each.",
			"100 million yuan", "films", "", ""},
		/* a place opening the clause; a name after "in" before a period; "on the Chinese mainland" */
		{"In Heilongjiang province, online sales of rice jumped 40 percent.", "40 percent",
		"online sales of rice", "Heilongjiang province", ""},
		{"Some 52,000 enterprises were set up in China during the January-September period.", "52,000 enterprises",
		"enterprises", "China", "2025-01-01..2025-09-30"},
		{"There were 1.41 billion people on the Chinese mainland at the end of 2024.", "1.41 billion people",
		"people", "the Chinese mainland", "-..2024-12-31"},
		/* a base figure takes no period of the clause */
		{"BYD's share rose to 25.6 percent in August from 22.1 percent a year ago.", "22.1 percent", "share", "BYD", ""},
		/* things counted in places; the residents of a place */
		{"Parcels in the central and western regions grew faster, rising 27 percent.", "27 percent", "Parcels",
		"the central and western regions", ""},
		{"The per capita disposable income of rural residents in China reached 10,551 yuan.", "10,551 yuan",
		"per capita disposable income", "rural residents in China", ""},
		/* a count after "across" is counted on its own; the possessor opening a clause */
		{"Venture capital investment totaled 21.3 billion yuan, spread across 260 deals.", "260 deals", "deals", "", ""},
		{"Of the park's 1,800 high-tech enterprises, about 70 percent are SMEs.", "70 percent",
		"high-tech enterprises", "the park", ""},
		/* the counted noun of the count before; a base figure */
		{"Nio delivered 18,012 vehicles in September, and Xpeng delivered 20,115.", "20,115", "vehicles", "Xpeng",
		"2025-09-01..2025-09-30"},
	};

	for (size_t c = 0; c < AT_LENGTHOF(cases); c++)
		check_measure_case(&ref, &cases[c]);
}

/* Sentence shapes of the v* tuning articles (fourth metrics round) */
UT_TEST(measures_fourth_round)
{
	AtDay		ref = {2025, 10, 20};
	MeasureCase cases[] = {
		/* the counted noun after "a record"; a bracketed abbreviation is no part of the measure */
		{"Hong Kong welcomed a record 3.6 million visitors in July.", "3.6 million visitors", "visitors",
		"Hong Kong", "2025-07-01..2025-07-31"},
		{"The consumer price index (CPI) rose 0.4 percent in September.", "0.4 percent", "consumer price index",
		"", "2025-09-01..2025-09-30"},
		/* an institution's forecast has no holder; a firm's is its own */
		{"The board expects 45 million arrivals next year.", "45 million arrivals", "arrivals", "",
		"2026-01-01..2026-12-31"},
		/* a passive agent, and the change after it */
		{"A total of 12 billion yuan was invested by private firms in the province in the first half, up 8 percent.",
			"8 percent", "invested", "private firms", "2025-01-01..2025-06-30"},
		/* a topic opening; a name after "followed by"; an origin */
		{"As for state-owned firms, their exports rose 3.1 percent.", "3.1 percent", "exports", "state-owned firms", ""},
		{"Guangdong's GDP reached 6.5 trillion yuan, followed by Jiangsu with 6.1 trillion yuan.", "6.1 trillion yuan",
		"GDP", "Jiangsu", ""},
		{"Foreign direct investment in actual use in the city reached 1.2 billion dollars, of which 400 million dollars came from Singapore.",
			"400 million dollars", "Foreign direct investment in actual use", "Singapore", ""},
		{"Foreign direct investment in actual use in the city reached 1.2 billion dollars.", "1.2 billion dollars",
		"Foreign direct investment in actual use", "the city", ""},
		{"Of the total, 2.1 million tourists came from the mainland.", "2.1 million tourists", "tourists",
		"the mainland", ""},
		/* a list of names as one subject, split by "respectively" */
		{"Fujian, Zhejiang and Shandong were the top three, with 12 percent, 10 percent and 9 percent respectively.",
			"10 percent", "", "Zhejiang", ""},
		/* "the June quarter"; a base with a change noun keeps its period */
		{"Revenue rose 5% to $3.1 billion in the June quarter.", "$3.1 billion", "Revenue", "",
		"2025-04-01..2025-06-30"},
		{"The PPI fell 2.1 percent, compared with a 1.8 percent decline in August.", "2.1 percent", "PPI", "", ""},
		{"The PPI fell 2.1 percent, compared with a 1.8 percent decline in August.", "1.8 percent", "PPI", "",
		"2025-08-01..2025-08-31"},
		{"Couriers handled 150 billion parcels as of Oct. 10.", "150 billion parcels", "parcels", "Couriers",
		"-..2025-10-10"},
		{"Reserves fell to 3.2 trillion dollars at the end of September, down 1.67 percent from the end of August.",
			"1.67 percent", "Reserves", "", "-..2025-09-30"},
		/* a table of "A: N" lines under a heading */
		{"Output by province in the first half:\nShanxi: 640 million tons\nInner Mongolia: 590 million tons\n",
			"590 million tons", "Output", "Inner Mongolia", "2025-01-01..2025-06-30"},
		/* a period ending the subject; a place after a priced thing; a part with a subject of its own */
		{"The box office so far this year has reached 40 billion yuan.", "40 billion yuan", "box office", "",
		"2025-01-01..2025-12-31"},
		{"Benchmark copper on the London Metal Exchange traded at $9,800 a ton on Monday.", "$9,800 a ton",
		"Benchmark copper", "the London Metal Exchange", "2025-10-20..2025-10-20"},
		{"Property investment fell 10 percent to 7.9 trillion yuan, of which residential investment was 6 trillion yuan.",
			"6 trillion yuan", "residential investment", "", ""},
		{"Of the total, 5 billion yuan went into infrastructure projects.", "5 billion yuan", "infrastructure projects",
		"", ""},
		{"Floor space of new homes sold shrank 12 percent.", "12 percent", "Floor space of new homes sold", "", ""},
		/* an absolute "with" phrase after a clause without figures: the possessor of its property holds it */
		{"Chongqing's economy grew the fastest, with retail sales rising 3.8 percent.", "3.8 percent", "retail sales",
		"Chongqing", ""},
		{"Travel services grew the fastest, with imports of travel services rising 39 percent.", "39 percent",
		"imports of travel services", "", ""},
		/* an adjective with a preposition after the head */
		{"The company's net profit attributable to shareholders rose 15 percent to 4.5 billion yuan.", "15 percent",
		"net profit attributable to shareholders", "The company", ""},
		/* a count inside the subject after "in"; a place after "in the"; a participle before a measure */
		{"The average price of new homes in 70 major cities fell 0.5 percent in August.", "0.5 percent",
		"average price of new homes", "70 major cities", "2025-08-01..2025-08-31"},
		{"The average price of new homes in 70 major cities fell 0.5 percent in August.", "70 major cities",
		"major cities", "", "2025-08-01..2025-08-31"},
		{"Investment in fixed assets in the western region grew 4.1 percent.", "4.1 percent",
		"Investment in fixed assets", "the western region", ""},
		{"The city received 120 million tourist visits, generating tourism revenue of 180 billion yuan.",
			"180 billion yuan", "tourism revenue", "The city", ""},
		/* a list after a preposition is one subject */
		{"Sales of cars, phones and appliances rose 16.8 percent.", "16.8 percent", "Sales of cars, phones and appliances",
		"", ""},
	};

	for (size_t c = 0; c < AT_LENGTHOF(cases); c++)
		check_measure_case(&ref, &cases[c]);
}

/* A sentence longer than the token window, and figures at the very end: no reads past the text */
UT_TEST(measures_long_sentence)
{
	size_t		n = 20000;
	char	   *text = malloc(n + 32);
	AtVec		v;

	for (size_t i = 0; i < n; i += 20)
		memcpy(text + i, "sales rose 4 percent", 20);
	memcpy(text + n, " and 5 firms", 13);
	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, n + 12, NULL, &v);
	UT_CHECK(v.len >= 1000);
	free(v.data);
	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref("Its revenue of", 14, NULL, &v);
	UT_EQ_INT(v.len, 0);
	free(v.data);
	free(text);
}

/*
 * Unit tests of exact decimals and the numeral scanners.
 */
#include "unit.h"
#include "../../src/engine/numbers.h"
#include "../../src/engine/metrics.h"

#include <stdlib.h>

/* Value of the number at the start of t, formatted; "" when none */
static const char *
num(const char *t, int flags, size_t *used)
{
	static char buf[AT_NUM_STRLEN];
	AtNumber	n;
	size_t		skip,
				l = at_scan_number(t, strlen(t), 0, flags, &n, &skip);

	if (used)
		*used = l ? l : skip;
	if (l == 0)
		return "";
	at_num_format(&n.value, buf);
	return buf;
}

UT_TEST(numbers_digits)
{
	size_t		u;

	UT_EQ_STR(num("42", 0, NULL), "42");
	UT_EQ_STR(num("1,234,567 people", 0, &u), "1234567");
	UT_EQ_INT(u, 9);
	UT_EQ_STR(num("1 234 567.89", 0, NULL), "1234567.89");
	UT_EQ_STR(num("40\xe2\x80\xaf" "000 jobs", 0, NULL), "40000");
	UT_EQ_STR(num("12,34,567.89", 0, NULL), "1234567.89");
	UT_EQ_STR(num(".08", 0, NULL), "0.08");
	UT_EQ_STR(num("4.800", 0, NULL), "4.8");
	UT_EQ_STR(num("1,2,3", 0, &u), "1");
	UT_EQ_INT(u, 1);
	UT_EQ_STR(num("0.5", 0, NULL), "0.5");
}

UT_TEST(numbers_scales)
{
	UT_EQ_STR(num("1.2 trillion", 0, NULL), "1200000000000");
	UT_EQ_STR(num("42.5 billion yuan", 0, NULL), "42500000000");
	UT_EQ_STR(num("10k", 0, NULL), "10000");
	UT_EQ_STR(num("2.5bn", 0, NULL), "2500000000");
	UT_EQ_STR(num("10 bln", 0, NULL), "10000000000");
	UT_EQ_STR(num("3 mln", 0, NULL), "3000000");
	UT_EQ_STR(num("5m", AT_NUMF_MONEY, NULL), "5000000");
	UT_EQ_STR(num("5m", 0, NULL), "5");
	UT_EQ_STR(num("10M.", 0, NULL), "10000000");
	UT_EQ_STR(num("322 hundred", 0, NULL), "32200");
	UT_EQ_STR(num("1,674.5 million", 0, NULL), "1674500000");
	UT_EQ_STR(num("10-billion-yuan", 0, NULL), "10000000000");
	UT_EQ_STR(num("3 lakh crore", 0, NULL), "3000000000000");
	UT_EQ_STR(num("3 millions", 0, NULL), "3000000");
	UT_EQ_STR(num("3 millionaires", 0, NULL), "3");
	UT_EQ_STR(num("5 miles", 0, NULL), "5");
	UT_EQ_STR(num("1.3e6", 0, NULL), "1300000");
	UT_EQ_STR(num("3 dozens", 0, NULL), "36");
	UT_EQ_STR(num("2 thousands people", 0, NULL), "2000");
	UT_EQ_STR(num("1.5 millions yuan", 0, NULL), "1500000");
}

UT_TEST(numbers_spelled)
{
	UT_EQ_STR(num("two", 0, NULL), "2");
	UT_EQ_STR(num("twenty-five", 0, NULL), "25");
	UT_EQ_STR(num("fifty - two", 0, NULL), "52");
	UT_EQ_STR(num("one hundred and sixty-one", 0, NULL), "161");
	UT_EQ_STR(num("twenty-one trillion and three hundred", 0, NULL), "21000000000300");
	UT_EQ_STR(num("two hundred and two thousand", 0, NULL), "202000");
	UT_EQ_STR(num("two  thousand  and  two hundred", 0, NULL), "2200");
	UT_EQ_STR(num("two thousands people", 0, NULL), "2000");
	UT_EQ_STR(num("three millions yuan", 0, NULL), "3000000");
	/* a plural scale opens no number */
	UT_EQ_STR(num("thousands of people", 0, NULL), "");
	UT_EQ_STR(num("a dozen", 0, NULL), "12");
	UT_EQ_STR(num("half a  dozen", 0, NULL), "6");
	UT_EQ_STR(num("three hundred and two dozens", 0, NULL), "324");
	UT_EQ_STR(num("two thirds", 0, NULL), "0.666666666666667");
	UT_EQ_STR(num("one and a half", 0, NULL), "1.5");
	UT_EQ_STR(num("five and a half million", 0, NULL), "5500000");
	UT_EQ_STR(num("two hundred point zero three", 0, NULL), "200.03");
	UT_EQ_STR(num("two hundred point seventy-one", 0, NULL), "200.71");
	UT_EQ_STR(num("a half", 0, NULL), "0.5");
	UT_EQ_STR(num("three-nought-four", 0, NULL), "3");
	UT_EQ_STR(num("a", 0, NULL), "");
	UT_EQ_STR(num("dozens of", 0, NULL), "");
	UT_EQ_STR(num("one hundred and three quarters", 0, NULL), "100.75");
}

UT_TEST(numbers_fractions)
{
	UT_EQ_STR(num("\xc2\xbd", 0, NULL), "0.5");
	UT_EQ_STR(num("3/4", 0, NULL), "0.75");
	UT_EQ_STR(num("2 1/4", 0, NULL), "2.25");
	UT_EQ_STR(num("10 1/2 miles", 0, NULL), "10.5");
	UT_EQ_STR(num("24/7", 0, NULL), "24");
}

/* Ordinal denominators beyond tenth, and a share of a scale */
UT_TEST(numbers_ordinal_denominators)
{
	size_t		u;

	UT_EQ_STR(num("a twenty-first", 0, NULL), "0.0476190476190476");
	UT_EQ_STR(num("one twenty-fifth of the budget", 0, &u), "0.04");
	UT_EQ_INT(u, 16);
	UT_EQ_STR(num("three twenty firsts", 0, NULL), "0.142857142857143");
	UT_EQ_STR(num("twenty twenty fifths", 0, NULL), "0.8");
	UT_EQ_STR(num("twenty fifths", 0, NULL), "4");
	UT_EQ_STR(num("one hundred thirty-fifths", 0, NULL), "2.85714285714286");
	UT_EQ_STR(num("a hundred thousand trillionths", 0, NULL), "0.0000001");
	UT_EQ_STR(num("a millionth of a second", 0, NULL), "0.000001");
	UT_EQ_STR(num("ninety-five hundred fifths", 0, NULL), "1900");
	UT_EQ_STR(num("two hundred thirty two and a thirtieth", 0, NULL), "232.033333333333");
	UT_EQ_STR(num("two thirds of a million people", 0, &u), "666666.666666667");
	UT_EQ_INT(u, 23);
	UT_EQ_STR(num("a third of the people", 0, &u), "0.333333333333333");
	UT_EQ_INT(u, 7);
	/* a singular ordinal before a noun is a rank, and takes no other numerator */
	UT_EQ_STR(num("a twenty-first century", 0, NULL), "");
	UT_EQ_STR(num("one hundredth anniversary", 0, &u), "1");
	UT_EQ_INT(u, 3);
	UT_EQ_STR(num("one twentieth birthday", 0, &u), "1");
	UT_EQ_INT(u, 3);
	UT_EQ_STR(num("three twenty-first", 0, &u), "3");
	UT_EQ_INT(u, 5);
	/* "seconds" is a time: no compound denominator */
	UT_EQ_STR(num("two fifty seconds", 0, &u), "2");
}

UT_TEST(numbers_rejects)
{
	size_t		u;
	char	   *big = malloc(2101);

	UT_EQ_STR(num("99.02.7%", 0, &u), "");
	UT_EQ_INT(u, 7);
	UT_EQ_STR(num("1e999 yuan", 0, &u), "");
	UT_EQ_INT(u, 5);
	memset(big, '7', 2000);
	strcpy(big + 2000, " yuan");
	UT_EQ_STR(num(big, 0, &u), "");
	UT_EQ_INT(u, 2000);
	/* 60 digits fit, 61 do not */
	memset(big, '9', 38);
	big[38] = '\0';
	UT_EQ_INT(strlen(num(big, 0, NULL)), 38);
	memset(big, '9', 39);
	big[39] = '\0';
	UT_EQ_STR(num(big, 0, NULL), "");
	/* scaling past the limit is rejected, not wrapped */
	memset(big, '9', 55);
	strcpy(big + 55, " trillion");
	UT_EQ_STR(num(big, 0, NULL), "");
	free(big);
}

UT_TEST(numbers_arith)
{
	AtNum		a,
				b;
	char		buf[AT_NUM_STRLEN];

	at_num_from_u64(&a, 999);
	at_num_from_digits(&b, "0", 1, "001", 3);
	UT_CHECK(at_num_add(&a, &b));
	at_num_format(&a, buf);
	UT_EQ_STR(buf, "999.001");
	UT_CHECK(at_num_mul_u32(&a, 1000));
	at_num_format(&a, buf);
	UT_EQ_STR(buf, "999001");
	at_num_from_u64(&a, 1);
	UT_CHECK(at_num_div_u32(&a, 3));
	at_num_format(&a, buf);
	UT_EQ_STR(buf, "0.333333333333333");
	at_num_from_u64(&a, 2);
	at_num_from_u64(&b, 10);
	UT_CHECK(at_num_cmp(&a, &b) < 0);
	UT_CHECK(at_num_cmp(&b, &a) > 0);
	at_num_from_digits(&a, "1", 1, "5", 1);
	at_num_from_digits(&b, "1", 1, "50", 2);
	UT_EQ_INT(at_num_cmp(&a, &b), 0);
	at_num_from_u64(&a, 20);
	UT_CHECK(at_num_div_u32(&a, 5));
	at_num_format(&a, buf);
	UT_EQ_STR(buf, "4");
}

UT_TEST(numbers_continuations)
{
	UT_EQ_STR(num("3 million and a half", 0, NULL), "3500000");
	UT_EQ_STR(num("two million and three fifths", 0, NULL), "2600000");
	UT_EQ_STR(num("five billion and three quarters", 0, NULL), "5750000000");
	UT_EQ_STR(num("one billion and a half million", 0, NULL), "1000500000");
	UT_EQ_STR(num("half a million", 0, NULL), "500000");
	UT_EQ_STR(num("quarter million", 0, NULL), "250000");
	UT_EQ_STR(num("half of them", 0, NULL), "");
	UT_EQ_STR(num("4 thousand 3 hundred and 21", 0, NULL), "4321");
	UT_EQ_STR(num("one over three", 0, NULL), "0.333333333333333");
	UT_EQ_STR(num("2 over 3 days", 0, NULL), "2");
	UT_EQ_STR(num("two out of five hundred tvs", 0, NULL), "0.004");
	UT_EQ_STR(num("forty two and a third", 0, NULL), "42.3333333333333");
	UT_EQ_STR(num("two hundred and fifty-four hundredths", 0, NULL), "200.54");
	UT_EQ_STR(num("1.1^23", 0, NULL), "8.95430243255237");	/* exact: 8.954302432552374... */
	UT_EQ_STR(num("2.5^-1", 0, NULL), "0.4");
	UT_EQ_STR(num("1.3x10^6", 0, NULL), "1300000");
	UT_EQ_STR(num("6.23x10^-4", 0, NULL), "0.000623");
	UT_EQ_STR(num("2  1/4", 0, NULL), "2.25");
}

/* The digits as the scanner reads them, for the "5m yuan" look in metrics */
UT_TEST(numbers_digits_end)
{
	static const struct
	{
		const char *text;
		size_t		end;
	}			cases[] = {
		{"1,234,567.8m yuan", 11}, {"12,34,567m", 9}, {".5m", 2}, {"5m", 1},
		{"1,2m", 1},			/* no group: the numeral is "1" */
		{"1 000m", 1},			/* groups after a space are not looked at */
		{"1,1,1,1,1,", 1}, {"1.1.1m", 3}, {"x5", 0}, {"", 0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		UT_EQ_INT(at_numeral_digits_end(cases[i].text, strlen(cases[i].text), 0), cases[i].end);
}

/* Over-long runs fail after a bounded read and skip as a whole when asked */
UT_TEST(numbers_long_runs)
{
	size_t		n = 20000,
				skip,
				u;
	char	   *s = malloc(n + 1);
	AtNumber	out;

	/* 1,000,000,... with 64 groups: more digits than any value has */
	strcpy(s, "1");
	for (int i = 0; i < 64; i++)
		strcat(s, ",000");
	UT_EQ_INT(at_scan_number(s, strlen(s), 0, 0, &out, &skip), 0);
	UT_EQ_INT(skip, strlen(s));
	UT_EQ_INT(at_scan_number(s, strlen(s), 0, 0, &out, NULL), 0);
	/* a value has at most 60 digits: 19 groups (58 digits) are one */
	strcpy(s, "1");
	for (int i = 0; i < 19; i++)
		strcat(s, ",000");
	UT_EQ_STR(num(s, 0, &u), "1000000000000000000000000000000000000000000000000000000000");
	UT_EQ_INT(u, strlen(s));
	/* Indian grouping stops after 10 pairs */
	UT_EQ_STR(num("1,00,00,00,00,00,00,00,00,00,00,000", 0, NULL), "100000000000000000000000");
	UT_EQ_STR(num("1,00,00,00,00,00,00,00,00,00,00,00,000", 0, &u), "1");
	UT_EQ_INT(u, 1);
	/* a run of 20000 digits is no number; the skip covers it */
	memset(s, '7', n);
	s[n] = '\0';
	UT_EQ_INT(at_scan_number(s, n, 0, 0, &out, &skip), 0);
	UT_EQ_INT(skip, n);
	free(s);
}

/* forms of the Recognizers-Text Number spec, examples written for the kind */
UT_TEST(numbers_conformance_forms)
{
	/* a larger scale takes a spoken tail after "and"; digits there may be another figure */
	UT_EQ_STR(num("4 million and three hundred", 0, NULL), "4000300");
	UT_EQ_STR(num("2 lakh and fifty", 0, NULL), "200050");
	UT_EQ_STR(num("2 million and 500,000 people", 0, NULL), "2000000");
	UT_EQ_STR(num("2 million and three million", 0, NULL), "2000000");
	/* a numerator and a compound ordinal denominator */
	UT_EQ_STR(num("two one hundred thirds", 0, NULL), "0.0194174757281553");
	UT_EQ_STR(num("one three hundred and tenth", 0, NULL), "0.0032258064516129");
	UT_EQ_STR(num("one hundred fifth", 0, NULL), "100");
	/* a doubled minus in an exponent is a plus */
	UT_EQ_STR(num("2^--3", 0, NULL), "8");
	UT_EQ_STR(num("2^-+2", 0, NULL), "0.25");
}

/*
 * Math-text fractions and a grouped giga, declined before (test/metrics/
 * declined.tsv): supported where no news form reads otherwise.
 */
UT_TEST(numbers_math_fractions)
{
	size_t		u;

	/* "and" joins a tens word and a unit only before the fraction */
	UT_EQ_STR(num("twenty and three and three fifths", 0, &u), "23.6");
	UT_EQ_INT(u, 33);
	UT_EQ_STR(num("forty and two and a half", 0, NULL), "42.5");
	UT_EQ_STR(num("twenty and three fifths", 0, NULL), "20.6");
	UT_EQ_STR(num("twenty and three", 0, &u), "20");
	UT_EQ_INT(u, 6);
	UT_EQ_STR(num("twenty and three children", 0, &u), "20");
	UT_EQ_INT(u, 6);
	UT_EQ_STR(num("one hundred and thirty and two fifths", 0, NULL), "130.4");
	/* a cardinal, a scale and a unit ordinal after "hundred": a compound denominator */
	UT_EQ_STR(num("one hundred one thousand fifths", 0, NULL), "0.0995024875621891");
	UT_EQ_STR(num("two hundred three thousand sixths", 0, NULL), "0.0665335994677312");
	UT_EQ_STR(num("one million two thousand two hundred three fifths", 0, NULL), "200440.6");
	UT_EQ_STR(num("three hundred one thousandths", 0, NULL), "0.301");
	UT_EQ_STR(num("two hundred thousand", 0, NULL), "200000");
	UT_EQ_STR(num("one hundred one thousand people", 0, NULL), "101000");
	/* a plural scale in an "out of" denominator */
	UT_EQ_STR(num("two out of five hundreds tvs", 0, &u), "0.004");
	UT_EQ_INT(u, 24);
	UT_EQ_STR(num("one out of ten thousands", 0, NULL), "0.0001");
	UT_EQ_STR(num("two out of five households", 0, &u), "0.4");
	UT_EQ_INT(u, 15);
	UT_EQ_STR(num("five hundreds", 0, &u), "5");
	UT_EQ_INT(u, 4);
}

UT_TEST(numbers_grouped_giga)
{
	size_t		u;

	UT_EQ_STR(num("1,674.5 G", 0, &u), "1674500000000");
	UT_EQ_INT(u, 9);
	UT_EQ_STR(num("1,200 G", 0, NULL), "1200000000000");
	/* generation and port-speed names are not grouped: no giga */
	UT_EQ_STR(num("10G", 0, &u), "10");
	UT_EQ_INT(u, 2);
	UT_EQ_STR(num("5G networks", 0, &u), "5");
	UT_EQ_INT(u, 1);
	UT_EQ_STR(num("5.5G", 0, &u), "5.5");
	UT_EQ_INT(u, 3);
	UT_EQ_STR(num("5.5 G networks", 0, &u), "5.5");
	UT_EQ_INT(u, 3);
	UT_EQ_STR(num("400 G optical modules", 0, &u), "400");
	UT_EQ_INT(u, 3);
	/* a grouped number before a word that starts with G */
	UT_EQ_STR(num("1,000 G-class cars", 0, &u), "1000");
	UT_EQ_INT(u, 5);
	UT_EQ_STR(num("1,000 Germans", 0, &u), "1000");
	UT_EQ_INT(u, 5);
}

/* The metric rows of text, "kind value unit; ..." */
static const char *
rows(const char *text)
{
	static char buf[512];
	AtVec		v;
	size_t		n = 0;

	buf[0] = '\0';
	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics(text, strlen(text), &v);
	for (size_t i = 0; i < v.len && n < sizeof(buf) - 100; i++)
	{
		AtMetric   *m = AT_VEC_AT(&v, AtMetric, i);
		char		val[AT_NUM_STRLEN + 1];

		val[m->has_value ? at_num_format(&m->value, val) : 0] = '\0';
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%s %s %.*s", i ? "; " : "",
							   at_metric_kind_names[m->kind], val,
							   m->unit ? (int) m->unit_len : 0, m->unit ? m->unit : "");
	}
	free(v.data);
	return buf;
}

/* news forms the forms above must not change */
UT_TEST(numbers_news_forms_kept)
{
	UT_EQ_STR(rows("5G networks reached 300 cities."), "count 300 cities");
	UT_EQ_STR(rows("Shipments of 400G optical modules rose to 1,200 units."), "count 1200 units");
	UT_EQ_STR(rows("COVID-19 cases rose to 1,200."), "count 1200 ");
	UT_EQ_STR(rows("The plan:\n- 1 million users\n- 2 new plants"),
			  "count 1000000 users; count 2 new plants");
	UT_EQ_STR(rows("The two sides had twenty and three ships."), "count 3 ships");
	UT_EQ_STR(rows("Two out of five households own a car."), "fraction 0.4 ");
}

/* a satoshi is a hundred-millionth of a bitcoin; "Satoshi" is a name */
UT_TEST(numbers_satoshi)
{
	UT_EQ_STR(rows("The fee fell to 2 satoshis."), "money 0.00000002 ");
	UT_EQ_STR(rows("Satoshi Nakamoto mined 1 million bitcoins."), "money 1000000 ");
	UT_EQ_STR(rows("He met 2 Satoshi fans."), "count 2 Satoshi fans");
}

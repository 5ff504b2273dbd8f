/*
 * Unit tests of the number and unit forms extract_metrics() reads for
 * conformance (issue 16 item 3), seen as metrics: value, kind and unit.
 */
#include "unit.h"
#include "../../src/engine/metrics.h"

#include <stdlib.h>

/* "kind value unit" of every metric of text, joined by "; " */
static const char *
rows(const char *text)
{
	static char buf[512];
	AtVec		v;
	size_t		n = 0;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics(text, strlen(text), &v);
	buf[0] = '\0';
	for (size_t i = 0; i < v.len; i++)
	{
		AtMetric   *m = &((AtMetric *) v.data)[i];
		char		num[AT_NUM_STRLEN];

		num[m->has_value ? at_num_format(&m->value, num) : 0] = '\0';
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%s %s %.*s", i ? "; " : "",
							   at_metric_kind_names[m->kind], num, (int) m->unit_len,
							   m->unit ? m->unit : "");
		if (n >= sizeof(buf))
			break;
	}
	free(v.data);
	return buf;
}

UT_TEST(metric_forms_feet_inches)
{
	UT_EQ_STR(rows("He is 6 feet 2 inches tall."), "quantity 6.166666666666667 ft");
	UT_EQ_STR(rows("The length is 12 ft 2 in more or less"), "quantity 12.166666666666667 ft");
	UT_EQ_STR(rows("he is 5 feet and 2 inches."), "quantity 5.166666666666667 ft");
	/* twelve inches or more are no inches of a foot */
	UT_EQ_STR(rows("a wall 5 feet 14 inches thick"), "quantity 5 ft; quantity 14 in");
	/* bare "in" before a name or a number is a preposition, not inches */
	UT_CHECK(strncmp(rows("The barrier rose 6 ft 2 in Beijing last year."), "quantity 6 ft", 13) == 0 &&
			 strstr(rows("The barrier rose 6 ft 2 in Beijing last year."), "6.1666") == NULL);
	UT_CHECK(strstr(rows("The water rose 6 ft 2 in 10 minutes."), "6.1666") == NULL);
	UT_EQ_STR(rows("He stands 6 ft 2 in tall."), "quantity 6.166666666666667 ft");
}

UT_TEST(metric_forms_fractions)
{
	UT_EQ_STR(rows("A third of a million people left."), "count 333333.333333333 people");
	UT_EQ_STR(rows("It took a millionth of a second."), "fraction 0.000001 ");
	UT_EQ_STR(rows("The city marked its one hundredth anniversary."), "");
	UT_EQ_STR(rows("It is a twenty-first century approach."), "");
}

UT_TEST(metric_forms_shares)
{
	UT_EQ_STR(rows("About one in five adults smoke."), "fraction 0.2 ");
	UT_EQ_STR(rows("1 in 4 children live in poverty."), "fraction 0.25 ");
	UT_EQ_STR(rows("Two out of five people agree."), "fraction 0.4 ");
	/* a rate in time, a year, an idiom: no share */
	UT_CHECK(strstr(rows("He scored 2 in 10 minutes."), "fraction") == NULL);
	UT_CHECK(strstr(rows("It was 1 in 2018."), "fraction") == NULL);
	UT_CHECK(strstr(rows("He scored 2 in 3 games."), "fraction") == NULL);
	UT_CHECK(strstr(rows("It is a one in a million chance."), "fraction") == NULL);
}

/* "text=YYYY-MM-DD" of every date of text against the reference date */
static const char *
dates(const char *text, int y, int mo, int d)
{
	static char buf[512];
	AtDay		ref = {y, mo, d};
	AtVec		v;
	size_t		n = 0;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, strlen(text), &ref, &v);
	buf[0] = '\0';
	for (size_t i = 0; i < v.len; i++)
	{
		AtMetric   *m = &((AtMetric *) v.data)[i];

		if (m->kind != AT_MK_DATE)
			continue;
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%.*s=%04d-%02d-%02d", n ? "; " : "",
							   (int) m->len, text + m->start, m->has_date ? m->date.year : 0,
							   m->has_date ? m->date.month : 0, m->has_date ? m->date.day : 0);
		if (n >= sizeof(buf))
			break;
	}
	free(v.data);
	return buf;
}

UT_TEST(metric_forms_relative_dates)
{
	/* 2019-01-31 is a Thursday */
	UT_EQ_STR(dates("Talks resume next Monday.", 2019, 1, 31), "next Monday=2019-02-04");
	UT_EQ_STR(dates("It opens this coming Thursday.", 2019, 1, 31), "this coming Thursday=2019-02-07");
	UT_EQ_STR(dates("It closed this past Wednesday.", 2019, 1, 31), "this past Wednesday=2019-01-30");
	UT_EQ_STR(dates("It met on the previous Wednesday.", 2019, 1, 31), "previous Wednesday=2019-01-23");
	UT_EQ_STR(dates("Yesterday, the firm said it sold the unit.", 2021, 1, 1), "Yesterday=2020-12-31");
	UT_EQ_STR(dates("It said yesterday it had sold the unit.", 2019, 3, 1), "yesterday=2019-02-28");
	/* "today" and "tomorrow" are as often "nowadays" and "the future" */
	UT_EQ_STR(dates("The web of today will be gone tomorrow.", 2019, 3, 1), "");
	/* a name or a possessive is no date */
	UT_EQ_STR(dates("He read Sunday Yesterday and yesterday's papers.", 2019, 3, 1), "");
	/* "Feb 29" is in the latest leap year */
	UT_EQ_STR(dates("It opened on Feb 29.", 2019, 3, 5), "Feb 29=2016-02-29");
}

UT_TEST(metric_forms_relative_dates_need_a_reference)
{
	{
		AtVec		v;
		const char *t = "The vote was yesterday.";

		at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
		at_extract_metrics(t, strlen(t), &v);
		UT_EQ_INT(v.len, 0);
		free(v.data);
	}
}

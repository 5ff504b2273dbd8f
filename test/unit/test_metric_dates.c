/*
 * Unit tests of date rows of extract_metrics() (metrics.c) in forms of the
 * Recognizers-Text DateTime spec that news uses too.
 */
#include "unit.h"
#include "../../src/engine/metrics.h"

#include <stdlib.h>

/* The date rows of text against ref 2024-05-15: "text=YYYY-MM-DD; ..." */
static const char *
dates(const char *text)
{
	static char buf[512];
	AtDay		ref = {2024, 5, 15};
	AtVec		v;
	size_t		n = 0;

	buf[0] = '\0';
	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics_ref(text, strlen(text), &ref, &v);
	for (size_t i = 0; i < v.len && n < sizeof(buf) - 100; i++)
	{
		AtMetric   *m = AT_VEC_AT(&v, AtMetric, i);

		if (m->kind != AT_MK_DATE)
			continue;
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%.*s=", n ? "; " : "", (int) m->len, text + m->start);
		if (m->has_date)
			n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%04d-%02d-%02d",
								   m->date.year, m->date.month, m->date.day);
	}
	free(v.data);
	return buf;
}

/* the year of a day and month after "of" */
UT_TEST(metric_dates_year_of)
{
	UT_EQ_STR(dates("It opened on July 4th of 1995."), "July 4th of 1995=1995-07-04");
	UT_EQ_STR(dates("It opened on the 4th of July of 1995."), "4th of July of 1995=1995-07-04");
	UT_EQ_STR(dates("Sales began on March 3 of last year."), "March 3 of last year=2023-03-03");
	UT_EQ_STR(dates("Sales began on 3 March of this year."), "3 March of this year=2024-03-03");
	UT_EQ_STR(dates("It opened on March 3 of 2023, and sales rose."), "March 3 of 2023=2023-03-03");
	/* no year after "of": the day and month alone, resolved as before */
	UT_EQ_STR(dates("On March 3 of the plan's second year"), "March 3=2024-03-03");
	UT_EQ_STR(dates("The March 3 of 20,000 people"), "March 3=2024-03-03");
	/* an impossible day in that year: the year is not taken */
	UT_EQ_STR(dates("It opened on Feb 29 of 2023."), "Feb 29=2024-02-29");
}

/* a weekday listed after a placed one: the first such day after it */
UT_TEST(metric_dates_listed_weekday)
{
	/* the reference, 2024-05-15, is a Wednesday */
	UT_EQ_STR(dates("Prices fell on Monday and Tuesday."),
			  "on Monday=2024-05-13; Tuesday=2024-05-14");
	UT_EQ_STR(dates("Talks were held on Friday and Monday."),
			  "on Friday=2024-05-10; Monday=2024-05-13");
	UT_EQ_STR(dates("Talks resume next Monday or Tuesday."),
			  "next Monday=2024-05-20; Tuesday=2024-05-21");
	/* one step back only, and only after a weekday that is a date */
	UT_EQ_STR(dates("Talks on Monday and Tuesday and Wednesday."),
			  "on Monday=2024-05-13; Tuesday=2024-05-14");
	UT_EQ_STR(dates("Monday and Tuesday were busy."), "");
	UT_EQ_STR(dates("The Monday and Tuesday sessions"), "");
	UT_EQ_STR(dates("on Mon and Tue"), "");
}

/* one-day holidays: with a year, or placed by a word like a weekday */
UT_TEST(metric_dates_holidays)
{
	UT_EQ_STR(dates("Sales rose on Black Friday 2010."), "Black Friday 2010=2010-11-26");
	UT_EQ_STR(dates("Sales rose on Black Friday."), "Black Friday=2023-11-24");
	UT_EQ_STR(dates("Easter Sunday 2018 was quiet."), "Easter Sunday 2018=2018-04-01");
	UT_EQ_STR(dates("Good Friday 2024 was quiet."), "Good Friday 2024=2024-03-29");
	UT_EQ_STR(dates("It closed on Easter Monday."), "Easter Monday=2024-04-01");
	UT_EQ_STR(dates("Thanksgiving Day 2023 traffic"), "Thanksgiving Day 2023=2023-11-23");
	UT_EQ_STR(dates("It opened on Christmas Day of 2023."), "Christmas Day of 2023=2023-12-25");
	UT_EQ_STR(dates("It opened on New Year\xe2\x80\x99s Day, 2024, with guests."),
			  "New Year\xe2\x80\x99s Day, 2024=2024-01-01");
	UT_EQ_STR(dates("The shops stay shut until Boxing Day."), "Boxing Day=2023-12-26");
	UT_EQ_STR(dates("Sales on Singles' Day rose."), "Singles' Day=2023-11-11");
	/* a name or title with no placing word and no year is no date */
	UT_EQ_STR(dates("The horror classic Halloween returns."), "");
	UT_EQ_STR(dates("the film Born on the Fourth of July"), "");
	UT_EQ_STR(dates("Sales on Black Fridays rose."), "");
	UT_EQ_STR(dates("the Christmas season"), "");
}

/*
 * Unit tests of the forms extract_metrics() reads for the Recognizers-Text
 * conformance specs (issue 16 item 3), seen as metrics: kind, value (empty
 * when none), unit and text.  Examples are written for the kind, not copied
 * from the specs.
 */
#include "unit.h"
#include "../../src/engine/metrics.h"

#include <stdlib.h>

/* "kind value unit [text]" of every metric of text, joined by "; " */
static const char *
rows(const char *text)
{
	static char buf[512];
	AtVec		v;
	size_t		n = 0;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics(text, strlen(text), &v);
	buf[0] = '\0';
	for (size_t i = 0; i < v.len && n < sizeof(buf); i++)
	{
		AtMetric   *m = &((AtMetric *) v.data)[i];
		char		num[AT_NUM_STRLEN];

		num[m->has_value ? at_num_format(&m->value, num) : 0] = '\0';
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%s %s %.*s [%.*s]", i ? "; " : "",
							   at_metric_kind_names[m->kind], num, (int) m->unit_len,
							   m->unit ? m->unit : "", (int) m->len, text + m->start);
	}
	free(v.data);
	return buf;
}

/* a share the text names but does not give: a percent row with no value */
UT_TEST(conformance_percent_mentions)
{
	UT_EQ_STR(rows("The percentage of households with broadband doubled."), "percent   [percentage]");
	UT_EQ_STR(rows("Only a very small percent of applicants get in."), "percent   [percent]");
	UT_EQ_STR(rows("Ask what % of the budget goes to rent."), "percent   [%]");
	/* with a figure, the figure; percentage points are no share */
	UT_EQ_STR(rows("It rose 4 per cent."), "percent 4  [4 per cent]");
	UT_EQ_STR(rows("Rates moved by some percentage points."), "");
	/* "a percent" is one, "half a percent" half of one, "two-tenths of a percent" its fraction */
	UT_EQ_STR(rows("Stocks fell more than a percent."), "percent 1  [a percent]");
	UT_EQ_STR(rows("It was up half a percent."), "percent 0.5  [half a percent]");
	UT_EQ_STR(rows("Prices rose two-tenths of a percent."), "percent 0.2  [two-tenths of a percent]");
	UT_EQ_STR(rows("It moved a fraction of a percent."), "percent   [a percent]");
	/* no determiner, or a percent sign inside a word or an address: nothing */
	UT_EQ_STR(rows("Percentage growth slowed."), "");
	UT_EQ_STR(rows("See example.com/a?q=x%20y%2F"), "");
}

/* degrees and turns are angles after a verb of turning; elsewhere counted */
UT_TEST(conformance_angles)
{
	UT_EQ_STR(rows("The screen can swivel 180 degrees."), "quantity 180 deg [180 degrees]");
	UT_EQ_STR(rows("Tilt it back 15 degrees."), "quantity 15 deg [15 degrees]");
	UT_EQ_STR(rows("Spin the dial 2 turns."), "quantity 2 turn [2 turns]");
	UT_EQ_STR(rows("Give the valve a quarter turn."), "quantity 0.25 turn [a quarter turn]");
	UT_EQ_STR(rows("The arm moved 1.2rad."), "quantity 1.2 rad [1.2rad]");
	UT_EQ_STR(rows("It was 31 degrees in the shade."), "count 31 degrees [31 degrees]");
}

/* inch and foot marks: the double prime always, a straight quote before a word of size */
UT_TEST(conformance_inch_marks)
{
	UT_EQ_STR(rows("a 65\" wide panel"), "quantity 65 in [65\"]");
	UT_EQ_STR(rows("a 27\xe2\x80\xb3 monitor"), "quantity 27 in [27\xe2\x80\xb3]");
	UT_EQ_STR(rows("She is 5' 4\" tall."), "quantity 5.333333333333333 ft [5' 4\"]");
	/* a quotation mark */
	UT_CHECK(strstr(rows("He said \"10\" long ago."), "quantity") == NULL);
}

/* "75 -300mm": a hyphen after a blank and before digits is a dash */
UT_TEST(conformance_spaced_dash)
{
	UT_EQ_STR(rows("a 24 -70mm zoom"), "quantity 24 mm [24 -70mm]");
	UT_EQ_STR(rows("lows of -5 -10 degrees"), "count -5  [-5]; count -10 degrees [-10 degrees]");
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
	for (size_t i = 0; i < v.len && n < sizeof(buf); i++)
	{
		AtMetric   *m = &((AtMetric *) v.data)[i];

		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%s:%.*s=%04d-%02d-%02d", n ? "; " : "",
							   at_metric_kind_names[m->kind], (int) m->len, text + m->start,
							   m->has_date ? m->date.year : 0, m->has_date ? m->date.month : 0,
							   m->has_date ? m->date.day : 0);
	}
	free(v.data);
	return buf;
}

UT_TEST(conformance_dates)
{
	/* a weekday and an ordinal day: the nearest such date (2023-10-13 and 2024-09-13 are Fridays) */
	UT_EQ_STR(dates("The vote is on Fri 13th.", 2023, 11, 20), "date:Fri 13th=2023-10-13");
	UT_EQ_STR(dates("The vote is on Fri 13th.", 2024, 8, 20), "date:Fri 13th=2024-09-13");
	UT_EQ_STR(dates("a Friday the 13th film", 2024, 8, 20), "ordinal:13th film=0000-00-00");
	/* a weekday placed by a week (2024-08-21 is a Wednesday) */
	UT_EQ_STR(dates("They meet next week Thursday.", 2024, 8, 21), "date:next week Thursday=2024-08-29");
	UT_EQ_STR(dates("They met on Monday of last week.", 2024, 8, 21), "date:Monday of last week=2024-08-12");
	UT_EQ_STR(dates("He told This Week Sunday that", 2024, 8, 21), "");
	UT_EQ_STR(dates("They met on Monday.", 2024, 8, 21), "date:on Monday=2024-08-19");
	/* a year after a comma set off by blanks */
	UT_EQ_STR(dates("It closed on Jan. 9 , 2001 .", 2024, 8, 20), "date:Jan. 9 , 2001=2001-01-09");
	/* a duration before or after a date moves it */
	UT_EQ_STR(dates("It ended 3 weeks after March 1, 2020.", 2024, 8, 20),
			  "date:3 weeks after March 1, 2020=2020-03-22");
	UT_EQ_STR(dates("Polls close two months before Jan 31, 2021.", 2024, 8, 20),
			  "date:two months before Jan 31, 2021=2020-11-30");
	/* a length of time from a date is no offset */
	UT_EQ_STR(dates("It will close for five days from March 1, 2020.", 2024, 8, 20),
			  "quantity:five days=0000-00-00; date:March 1, 2020=2020-03-01");
	UT_EQ_STR(dates("It lasted 3 weeks, and on March 1, 2020 ended.", 2024, 8, 20),
			  "quantity:3 weeks=0000-00-00; date:March 1, 2020=2020-03-01");
}

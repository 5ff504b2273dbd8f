/*
 * Unit tests of the metrics recognisers' precision on unseen news text
 * (issue 16): names and labels, compound units, coordinations, bare
 * ratios, fractions with an approximator, and rates named around a figure.
 */
#include "unit.h"
#include "../../src/engine/metrics.h"

#include <stdlib.h>

static AtVec
rec_extract(const char *text)
{
	AtVec		v;

	at_vec_init(&v, &at_malloc_mem, sizeof(AtMetric));
	at_extract_metrics(text, strlen(text), &v);
	return v;
}

/* "kind value unit per" of every figure but years and dates, "; " between */
static const char *
rec_rows(const char *text)
{
	static char buf[1024];
	AtVec		v = rec_extract(text);
	size_t		n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < v.len; i++)
	{
		const AtMetric *m = AT_VEC_AT(&v, AtMetric, i);
		char		num[AT_NUM_STRLEN + 1];

		if (m->kind == AT_MK_YEAR || m->kind == AT_MK_DATE)
			continue;
		num[at_num_format(&m->value, num)] = '\0';
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%s%s %s %.*s %.*s", n ? "; " : "",
							   at_metric_kind_names[m->kind], num,
							   m->unit ? (int) m->unit_len : 1, m->unit ? m->unit : "-",
							   m->per ? (int) m->per_len : 1, m->per ? m->per : "-");
	}
	free(v.data);
	return buf;
}

UT_TEST(recognisers_per_around_figure)
{
	/* a bracketed conversion between the figure and "per": both are per ton */
	UT_EQ_STR(rec_rows("Prices fell to 73,500 yuan ($10,350) per ton on Monday."),
			  "money 73500 - ton; money 10350 - ton");
	/* the rate named before the price, and the base after it */
	UT_EQ_STR(rec_rows("The average price per parcel fell to 7.5 yuan, down from 8.2 yuan a year earlier."),
			  "money 7.5 - parcel; money 8.2 - parcel");
	UT_EQ_STR(rec_rows("Per capita spending per trip was 1,004.6 yuan."), "money 1004.6 - trip");
	/* "per capita" names no unit; a base after a comma and other words is no base */
	UT_EQ_STR(rec_rows("Per capita income was 27,561 yuan."), "money 27561 - -");
	UT_EQ_STR(rec_rows("Steel cost 845 yuan per ton, while the fund raised 30 yuan."),
			  "money 845 - ton; money 30 - -");
	/* only a price takes a rate named before it */
	UT_EQ_STR(rec_rows("The wage is $4.85 per hour for a worker aged 22."),
			  "money 4.85 - hour; quantity 22 years -");
}

UT_TEST(recognisers_shares_and_ratios)
{
	/* a fraction word with an approximator is a share without "of" */
	UT_EQ_STR(rec_rows("Module prices dropped, down nearly half from a year earlier."),
			  "fraction 0.5 - -");
	UT_EQ_STR(rec_rows("Sales fell by almost a third in March."), "fraction 0.333333333333333 - -");
	/* ... but not a duration: "nearly half an hour" */
	UT_EQ_STR(rec_rows("After nearly half an hour, the team left."), "");
	/* a bare decimal without a counted noun is a ratio or index, not a count */
	UT_EQ_STR(rec_rows("The ratio of urban to rural income narrowed to 2.61 from 2.65 a year earlier."), "");
	UT_EQ_STR(rec_rows("The index rose to 51.8 in May, and 4.12 million visitors came."),
			  "count 4120000 visitors -");
}

UT_TEST(recognisers_counted_noun_phrase)
{
	/* a coordination runs to its plural head, an acronym included */
	UT_EQ_STR(rec_rows("The park had 2,400 specialized and sophisticated SMEs by then."),
			  "count 2400 specialized and sophisticated SMEs -");
	UT_EQ_STR(rec_rows("It has 42 ethnic minority MPs now."), "count 42 ethnic minority MPs -");
	/* a coordinator never ends the counted noun */
	UT_EQ_STR(rec_rows("They made 3 documentary and Feature films."), "count 3 documentary -");
}

UT_TEST(recognisers_names_and_units)
{
	/* a number in a name or label is no figure */
	UT_EQ_STR(rec_rows("The price of the Model 3 in China dropped to 231,900 yuan."), "money 231900 - -");
	UT_EQ_STR(rec_rows("Ticket sales on the 12306 platform exceeded 30 million per day."),
			  "count 30000000 - day");
	UT_EQ_STR(rec_rows("He told BBC Radio 4 that the FTSE 100 fell, as the 169,000 figure showed."), "");
	UT_EQ_STR(rec_rows("Air Deccan will buy 15 new ATR 72-500 and lease more."), "count 15 new -");
	/* ... but counted things stay: plurals, plurals without an "s", a grouped figure after a place */
	UT_EQ_STR(rec_rows("Of the 14,000 people contract staff, the 300 staff left, in Scotland 53,000."),
			  "count 14000 people contract staff -; count 300 staff -; count 53000 - -");
	UT_EQ_STR(rec_rows("Of the 80-odd resorts, the 2,400 SMEs."), "count 80 odd -; count 2400 SMEs -");
	/* a compound of "tons" is a unit of measure, not a counted noun */
	UT_EQ_STR(rec_rows("Completions reached 36.3 million deadweight tons in the first three quarters."),
			  "quantity 36300000 dwt -");
}

UT_TEST(recognisers_references_and_day_ranges)
{
	/* a spelled small number after a possessive refers to things named, like "its two" */
	UT_EQ_STR(rec_rows("Occupancy at the resort's two hotels averaged 85 percent."), "percent 85 - -");
	UT_EQ_STR(rec_rows("Occupancy at the resorts' two hotels and the city\xe2\x80\x99s three parks rose."), "");
	/* ... a digit figure after a possessive stays */
	UT_EQ_STR(rec_rows("The resort's 2 hotels had 300 rooms."), "count 2 hotels -; count 300 rooms -");
	/* the end day of a date range is no count */
	UT_EQ_STR(rec_rows("Airports handled 2.3 million passenger trips from Feb 10 to 17."),
			  "count 2300000 passenger trips -");
	UT_EQ_STR(rec_rows("A hearing scheduled for February 16 and 17 will rule."), "");
	/* ... but a count after a weekday is a count */
	UT_EQ_STR(rec_rows("There were 43 on Sunday and 15 on Monday."), "count 43 - -; count 15 - -");
}

UT_TEST(recognisers_age_bounds)
{
	/* "aged 60 or above" bounds a group: no figure; "aged 30" stays an age */
	UT_EQ_STR(rec_rows("The city had 5.68 million residents aged 60 or above."),
			  "count 5680000 residents -");
	UT_EQ_STR(rec_rows("The wage for those aged 22 and over rose; a man aged 30 was hurt."),
			  "quantity 30 years -");
}

UT_TEST(recognisers_kitchen_measures)
{
	/* a kitchen measure with a scale counts servings; without one it is a volume */
	UT_EQ_STR(rec_rows("The chain sold 332 million cups of coffee."), "count 332000000 cups -");
	UT_EQ_STR(rec_rows("Add 2 cups of flour."), "quantity 2 cup -");
}

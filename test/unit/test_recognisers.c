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
	UT_EQ_STR(rec_rows("The wage is $4.85 per hour for those aged 22 and above."),
			  "money 4.85 - hour; quantity 22 years -");
}

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
	/* no determiner, or a percent sign inside a word or an address: nothing */
	UT_EQ_STR(rows("Percentage growth slowed."), "");
	UT_EQ_STR(rows("See example.com/a?q=x%20y%2F"), "");
}

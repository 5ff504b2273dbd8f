/*
 * fuzz_metrics: at_extract_metrics (SQL extract_metrics()) and
 * at_metric_token_at (the tokenizer's money/percent/date tokens).
 *
 * Invariants: every metric's span lies in the input on character
 * boundaries, metrics come in text order, the kind is known, the counted
 * noun either points into the input or is a static string, the currency is
 * empty or three capital letters, values format, equivalent_of refers to
 * an earlier metric, sentence numbers are positive; tokens stay inside the
 * input and their lexemes are NUL-terminated printable ASCII.
 *
 * The input's last byte picks the reference date of extract_metrics(text,
 * date), or none: relative dates ("next Monday", "yesterday") and periods
 * resolve only against one, at the ends of the range SQL accepts too
 * (years 1 and 9999).  Per, measure and holder point into the input on
 * character boundaries; a resolved date and the days of the period exist.
 */
#include "fuzz.h"
#include "fuzz_starts.h"
#include "../../src/engine/metrics.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* reference dates: ordinary, month and year ends, a leap day, SQL's limits */
static const AtDay refs[] = {
	{2024, 3, 15}, {2023, 12, 31}, {2024, 2, 29}, {1, 1, 1}, {9999, 12, 31},
	{2000, 1, 1}, {2021, 6, 30},
};

/* A day that exists, or year 0 (open, unknown) */
static void
check_day(const AtDay *d)
{
	if (d->year == 0)
		return;
	FUZZ_ASSERT(d->month >= 1 && d->month <= 12);
	FUZZ_ASSERT(d->day >= 1 && d->day <= at_days_in_month(d->year, d->month));
}

/* A span given as a pointer: NULL, or inside s on character boundaries */
static void
check_ptr_span(const char *s, size_t len, const char *p, size_t n)
{
	if (p == NULL)
		return;
	FUZZ_ASSERT(p >= s && p <= s + len);
	fuzz_check_span(s, len, (size_t) (p - s), n);
}

static void
check_num(const AtNum *n)
{
	char		buf[AT_NUM_STRLEN + 1];

	FUZZ_ASSERT(n->ndig <= AT_NUM_MAXDIG);
	FUZZ_ASSERT(at_num_format(n, buf) < AT_NUM_STRLEN);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s,
			   *starts;
	AtVec		out;
	size_t		prev_start = 0;
	size_t		r = size > 0 ? data[size - 1] % (AT_LENGTHOF(refs) + 1) : 0;

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	at_vec_init(&out, &fuzz_mem, sizeof(AtMetric));
	at_extract_metrics_ref(s, len, r < AT_LENGTHOF(refs) ? &refs[r] : NULL, &out);
	for (size_t i = 0; i < out.len; i++)
	{
		AtMetric   *m = AT_VEC_AT(&out, AtMetric, i);

		FUZZ_ASSERT(m->len > 0);
		fuzz_check_span(s, len, m->start, m->len);
		FUZZ_ASSERT(m->start >= prev_start);
		prev_start = m->start;
		FUZZ_ASSERT((int) m->kind >= AT_MK_MONEY && m->kind <= AT_MK_FRACTION);
		FUZZ_ASSERT(at_metric_kind_names[m->kind] != NULL);
		if (m->unit && m->unit >= s && m->unit <= s + len)
			fuzz_check_span(s, len, (size_t) (m->unit - s), m->unit_len);
		else if (m->unit)
			FUZZ_ASSERT(strlen(m->unit) == m->unit_len);
		FUZZ_ASSERT(m->currency[3] == '\0');
		if (m->currency[0])
			for (int c = 0; c < 3; c++)
				FUZZ_ASSERT(m->currency[c] >= 'A' && m->currency[c] <= 'Z');
		if (m->has_value)
			check_num(&m->value);
		if (m->has_range)
			check_num(&m->range_to);
		FUZZ_ASSERT(m->equivalent_of >= 0 && (size_t) m->equivalent_of <= out.len);
		FUZZ_ASSERT(m->equivalent_of != (int) i + 1);
		FUZZ_ASSERT(m->sentence >= 1);
		if (m->has_date)
			FUZZ_ASSERT(m->date.month >= 1 && m->date.month <= 12 &&
						m->date.day >= 1 && m->date.day <= 31);
		if (m->has_date && m->date.year != 0)
			FUZZ_ASSERT(m->date.day <= at_days_in_month(m->date.year, m->date.month));
		check_ptr_span(s, len, m->per, m->per_len);
		check_ptr_span(s, len, m->measure, m->measure_len);
		check_ptr_span(s, len, m->holder, m->holder_len);
		check_day(&m->time.start);
		check_day(&m->time.end);
	}

	starts = fuzz_alloc(NULL, len ? len : 1);
	fuzz_token_starts(s, len, starts);
	for (size_t p = 0; p < len; p++)
	{
		AtMetricToken t;
		size_t		n;

		if (!starts[p] || !at_metric_token_may_start(s, len, p))
			continue;
		memset(&t, 0, sizeof(t));
		n = at_metric_token_at(s, len, p, &t);
		if (n == 0)
			continue;
		fuzz_check_span(s, len, p, n);
		FUZZ_ASSERT(t.len == n);
		FUZZ_ASSERT(t.kind > AT_MTOK_NONE && t.kind <= AT_MTOK_DATE);
		FUZZ_ASSERT(t.lexeme_len < AT_MTOK_LEXEME_MAX && t.lexeme[t.lexeme_len] == '\0');
		FUZZ_ASSERT(strlen(t.lexeme) == t.lexeme_len);
		for (size_t c = 0; c < t.lexeme_len; c++)
			FUZZ_ASSERT(t.lexeme[c] > ' ' && (unsigned char) t.lexeme[c] < 0x7f);
	}
	fuzz_mem_reset();
	return 0;
}

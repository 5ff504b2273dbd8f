/*
 * fuzz_dates: at_match_date, at_match_time, at_month_at and at_weekday_at
 * at every character of the input (the article parser and the metrics
 * call them at candidate positions).
 *
 * Invariants: a match stays inside the input and ends on a character
 * boundary; its fields are in range (months 1-12, days that exist in that
 * month, hours 0-23, minutes and seconds 0-59/60).
 */
#include "fuzz.h"
#include "../../src/engine/dates.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		len;
	char	   *s;

	fuzz_begin();
	s = fuzz_valid_utf8(data, size, &len);
	for (size_t p = 0; p < len; p++)
	{
		AtDate		d;
		size_t		n,
					wlen;
		int			k;

		if (!fuzz_is_boundary(s, len, p))
			continue;
		memset(&d, 0, sizeof(d));
		n = at_match_date(s, len, p, &d);
		if (n > 0)
		{
			fuzz_check_span(s, len, p, n);
			FUZZ_ASSERT(d.month >= 1 && d.month <= 12);
			if (d.has_day)
			{
				FUZZ_ASSERT(d.day >= 1 && d.day <= 31);
				if (d.has_year)
					FUZZ_ASSERT(d.day <= at_days_in_month(d.year, d.month));
			}
			if (d.has_time)
				FUZZ_ASSERT(d.hour >= 0 && d.hour <= 23 && d.minute >= 0 && d.minute <= 59);
		}
		memset(&d, 0, sizeof(d));
		n = at_match_time(s, len, p, &d);
		if (n > 0)
		{
			fuzz_check_span(s, len, p, n);
			FUZZ_ASSERT(d.hour >= 0 && d.hour <= 23 && d.minute >= 0 &&
						d.minute <= 59 && d.second >= 0 && d.second <= 60);
		}
		wlen = 0;
		k = at_month_at(s, len, p, &wlen);
		if (k > 0)
		{
			FUZZ_ASSERT(k <= 12);
			fuzz_check_span(s, len, p, wlen);
		}
		wlen = 0;
		k = at_weekday_at(s, len, p, &wlen);
		if (k > 0)
		{
			FUZZ_ASSERT(k <= 7);
			fuzz_check_span(s, len, p, wlen);
		}
	}
	fuzz_mem_reset();
	return 0;
}

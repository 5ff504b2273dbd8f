/*
 * periods.h: the time a figure refers to, read from the words of its
 * sentence ("in 2021", "in the first quarter of this year", "last year",
 * "the January-May period", "by March", "in the second half of 2022",
 * "on Monday") and resolved to calendar days.
 *
 * A relative period ("this year", "last month", "in March" with no year)
 * needs a reference date (the article's published date); without one it is
 * left unresolved.  Absolute periods ("in 2021") resolve without one.
 */
#ifndef AT_PERIODS_H
#define AT_PERIODS_H

#include "common.h"

/* A calendar day; year 0 = none */
typedef struct AtDay
{
	int			year,
				month,
				day;
} AtDay;

/* A period: start and end days, either may be open (year 0): "by 2025" has no start */
typedef struct AtPeriod
{
	AtDay		start;
	AtDay		end;
} AtPeriod;

/* A period expression found in a text */
typedef struct AtPeriodSpan
{
	size_t		start;			/* byte span of the expression */
	size_t		len;
	AtPeriod	period;
	bool		base;			/* a base of comparison: "from last year", "a year earlier" */
} AtPeriodSpan;

/*
 * Every period expression that starts a word in s[from, to), appended to
 * out (initialised for AtPeriodSpan) in text order.  ref may be NULL.  Only
 * resolved periods are appended.  Linear in to - from.
 */
extern void at_find_periods(const char *s, size_t from, size_t to, const AtDay *ref,
							AtVec *out);

/*
 * The period expression starting at the word at p of the sentence s[from,
 * to), if any: fills ps (with its base flag) and returns its length, else 0.
 * Reads a bounded window.
 */
extern size_t at_period_span_at(const char *s, size_t from, size_t to, size_t p,
								const AtDay *ref, AtPeriodSpan *ps);

/*
 * A weekday with a word that places it ("on Monday", "last Friday", "this
 * Tuesday") starting at pos: its length, and *day resolved against ref
 * (the latest such weekday on or before ref; "last" is strictly before).
 * Returns 0 when there is none; *day is zero when ref is NULL.
 */
extern size_t at_weekday_date_at(const char *s, size_t len, size_t pos, const AtDay *ref,
								 AtDay *day);

/* Day of the week, 0 = Monday */
extern int	at_day_of_week(const AtDay *d);
/* d moved by n days (proleptic Gregorian) */
extern AtDay at_day_add(const AtDay *d, long n);

#endif							/* AT_PERIODS_H */

/*
 * Unit tests of the shared date recogniser.
 */
#include "unit.h"
#include "../../src/engine/dates.h"

/* Matches s at 0; checks the consumed length and the fields */
static AtDate
md(const char *s, size_t *n)
{
	AtDate		d;

	*n = at_match_date(s, strlen(s), 0, &d);
	return d;
}

#define DATE_IS(s, len, y, m, dd, hy, hd) \
	do { size_t n_; AtDate d_ = md((s), &n_); \
		 UT_EQ_INT(n_, (len)); UT_EQ_INT(d_.year, (y)); UT_EQ_INT(d_.month, (m)); \
		 UT_EQ_INT(d_.day, (dd)); UT_EQ_INT(d_.has_year, (hy)); UT_EQ_INT(d_.has_day, (hd)); \
	} while (0)

#define TIME_IS(s, len, h, mi, se) \
	do { size_t n_; AtDate d_ = md((s), &n_); \
		 UT_EQ_INT(n_, (len)); UT_CHECK(d_.has_time); UT_EQ_INT(d_.hour, (h)); \
		 UT_EQ_INT(d_.minute, (mi)); UT_EQ_INT(d_.second, (se)); \
	} while (0)

#define NO_DATE(s) \
	do { size_t n_; md((s), &n_); \
		 if (n_ != 0) ut_fail(__FILE__, __LINE__, "\"%s\" matched %zu bytes", (s), n_); \
	} while (0)

UT_TEST(dates_numeric)
{
	DATE_IS("2019.04.29", 10, 2019, 4, 29, true, true);
	DATE_IS("2019-04-29 and more", 10, 2019, 4, 29, true, true);
	DATE_IS("2019/4/9|x", 8, 2019, 4, 9, true, true);
	DATE_IS("2019\xe5\xb9\xb4" "4\xe6\x9c\x88" "29\xe6\x97\xa5", 16, 2019, 4, 29, true, true);
	NO_DATE("2019-04.29");		/* mixed separators */
	NO_DATE("2019-13-01");
	NO_DATE("2019-02-29");		/* not a leap year */
	DATE_IS("2020-02-29", 10, 2020, 2, 29, true, true);
	NO_DATE("1900-02-29");		/* century, not a leap year */
	DATE_IS("2000-02-29", 10, 2000, 2, 29, true, true);
	NO_DATE("2019-04-31");
	NO_DATE("2019.04.29.1");	/* a version number */
	NO_DATE("12019-04-29");
	NO_DATE("2019-04-29abc");
	NO_DATE("2019-04");
}

UT_TEST(dates_either_order)
{
	size_t		n;

	/* month first when both readings are dates, and either_order says so */
	UT_CHECK(md("05-06-2024", &n).either_order);
	UT_EQ_INT(md("05/06/2024", &n).month, 5);
	UT_CHECK(!md("21-05-2024", &n).either_order);	/* day first: the only reading */
	UT_CHECK(!md("05-21-2024", &n).either_order);	/* month first: the only reading */
	UT_CHECK(!md("05.06.2024", &n).either_order);	/* dotted: always day first */
	UT_CHECK(!md("06-06-2024", &n).either_order);	/* the same date either way */
}

UT_TEST(dates_times)
{
	TIME_IS("2017-05-12 17:14:34|Editor", 19, 17, 14, 34);
	TIME_IS("2019-04-29T10:00:00Z", 20, 10, 0, 0);
	TIME_IS("2019-04-29T10:00:00+08:00 x", 25, 10, 0, 0);
	TIME_IS("2019-04-29T10:00:00.123Z", 24, 10, 0, 0);
	TIME_IS("2019-04-29 09:05", 16, 9, 5, 0);
	TIME_IS("Oct 8, 2018, 5:30 pm.", 20, 17, 30, 0);
	TIME_IS("October 8, 2018 at 10 a.m. UTC", 30, 10, 0, 0);
	TIME_IS("2018-10-08 12:00 am", 19, 0, 0, 0);
	/* a bad time is not consumed; the date stays */
	DATE_IS("2019-04-29 25:00", 10, 2019, 4, 29, true, true);
	DATE_IS("2019-04-29 10 people", 10, 2019, 4, 29, true, true);
	DATE_IS("2019-04-29 10:61", 10, 2019, 4, 29, true, true);
	/* two-digit years: day first, only with a time; a zone before the time */
	TIME_IS("05-08-20 14:32 BJT", 18, 14, 32, 0);
	DATE_IS("05-08-20 14:32", 14, 2020, 8, 5, true, true);
	NO_DATE("05-08-20 and more");
	TIME_IS("2023-03-21 HKT 18:32", 20, 18, 32, 0);
}

UT_TEST(dates_month_names)
{
	DATE_IS("Oct 8, 2018", 11, 2018, 10, 8, true, true);
	DATE_IS("Oct. 8, 2018", 12, 2018, 10, 8, true, true);
	DATE_IS("October 8, 2018.", 15, 2018, 10, 8, true, true);
	DATE_IS("October 8 2018", 14, 2018, 10, 8, true, true);
	DATE_IS("October 8th, 2018", 17, 2018, 10, 8, true, true);
	DATE_IS("Sept. 30, 2019", 14, 2019, 9, 30, true, true);
	DATE_IS("8 October 2018", 14, 2018, 10, 8, true, true);
	DATE_IS("8th Oct. 2018", 13, 2018, 10, 8, true, true);
	DATE_IS("1st of May, 2019", 16, 2019, 5, 1, true, true);
	DATE_IS("May 12 (Xinhua)", 6, 0, 5, 12, false, true);
	DATE_IS("12 May", 6, 0, 5, 12, false, true);
	DATE_IS("April 2020 saw", 10, 2020, 4, 0, true, false);
	DATE_IS("April, 2020", 11, 2020, 4, 0, true, false);
	DATE_IS("Feb 29", 6, 0, 2, 29, false, true);
	NO_DATE("Feb 29, 2019");
	NO_DATE("Feb 30");
	NO_DATE("may 12");			/* a verb */
	NO_DATE("May");
	NO_DATE("May 123");
	NO_DATE("Mayday 12");
	NO_DATE("Decimal 12");
	NO_DATE("Apr.12");
	DATE_IS("MAY 12, 2019", 12, 2019, 5, 12, true, true);
}

UT_TEST(dates_weekdays)
{
	DATE_IS("Monday, August 2, 2015", 22, 2015, 8, 2, true, true);
	DATE_IS("Sunday, August 2, 2015\n", 22, 2015, 8, 2, true, true);
	DATE_IS("Mon 8 Oct 2018", 14, 2018, 10, 8, true, true);
	DATE_IS("Thurs., Oct. 8", 14, 0, 10, 8, false, true);
	NO_DATE("Monday");
	NO_DATE("Monday, the board");
	NO_DATE("Sunday 12");
}

UT_TEST(dates_positions_and_words)
{
	const char *s = "Updated: Oct 8, 2018 09:00";
	size_t		wl;
	AtDate		d;

	UT_EQ_INT(at_match_date(s, strlen(s), 9, &d), 17);
	UT_EQ_INT(d.hour, 9);
	UT_EQ_INT(at_match_date(s, strlen(s), 0, &d), 0);
	UT_EQ_INT(at_match_date(s, 3, 9, &d), 0);	/* length bounds the match */
	UT_EQ_INT(at_match_date(s, strlen(s), 100, &d), 0);
	UT_EQ_INT(at_month_at("Sept. 30", 8, 0, &wl), 9);
	UT_EQ_INT(wl, 5);
	UT_EQ_INT(at_month_at("January", 7, 0, &wl), 1);
	UT_EQ_INT(wl, 7);
	UT_EQ_INT(at_month_at("May.", 4, 0, &wl), 5);
	UT_EQ_INT(wl, 3);			/* "May." ends a sentence */
	UT_EQ_INT(at_month_at("Marching", 8, 0, &wl), 0);
	UT_EQ_INT(at_weekday_at("Tues.", 5, 0, &wl), 2);
	UT_EQ_INT(at_days_in_month(2024, 2), 29);
	UT_EQ_INT(at_days_in_month(2023, 2), 28);
	UT_EQ_INT(at_days_in_month(2023, 13), 0);
	/* a date cut by the end of the input */
	UT_EQ_INT(at_match_date("2019-04-2", 9, 0, &d), 9);
	UT_EQ_INT(d.day, 2);
	UT_EQ_INT(at_match_date("Oct 8, 201", 10, 0, &d), 5);
	UT_EQ_INT(at_match_date("", 0, 0, &d), 0);
}

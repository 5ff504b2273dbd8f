/*
 * dates.h: the shared recogniser of calendar dates (and a time after them)
 * in the forms news pages write them.
 *
 *   2019.04.29   2019-04-29   2019/4/29   2017-05-12 17:14:34
 *   2019-04-29T10:00:00Z   2019-04-29T10:00:00+08:00
 *   04-Jan-2022   11-03-2022 (month first when ambiguous)   29/04/2019
 *   05-08-20 14:32 (two-digit year: day first, and only with a time)
 *   Oct 8, 2018   Oct. 8, 2018   October 8, 2018   October 8th, 2018
 *   8 October 2018   8th Oct. 2018   Monday, August 2, 2015
 *   May 12 (no year)   April 2020 (no day)   2019年4月29日
 *
 * Month names must start with a capital letter ("may" is a verb).  Ranges
 * are validated (month 1-12, day within its month, leap years, hour 0-23,
 * minute and second 0-59).  A match never ends inside a word or number.
 * The caller decides where a date may start (usually after a non-alphanumeric
 * character).  Used by parse_article, the metrics extractor and full-text
 * search, so the API below is stable; add to it, never change it.
 */
#ifndef AT_DATES_H
#define AT_DATES_H

#include "common.h"

typedef struct AtDate
{
	int			year,
				month,
				day,
				hour,
				minute,
				second;
	bool		has_year,
				has_day,
				has_time,
				either_order;	/* numeric, read month first, but day first is a date too */
} AtDate;

/*
 * Recognise a date (and an optional time after it) starting exactly at byte
 * pos of s[0..len); returns the number of bytes consumed, or 0 when there is
 * none.  Validates ranges (month 1-12, day within the month, leap years).
 * A leading weekday ("Monday, ") is part of the match.  Fields not present
 * are 0 (year, day, time) with the has_ flags false.
 */
extern size_t at_match_date(const char *s, size_t len, size_t pos, AtDate *out);

/*
 * Month name or abbreviation (January, Jan, Jan., Sept) at pos: 1..12 or 0;
 * *wlen = bytes consumed (including the abbreviation's period).  The word
 * must start with a capital letter and end at a word boundary.
 */
extern int	at_month_at(const char *s, size_t len, size_t pos, size_t *wlen);

/* Weekday name or abbreviation (Monday, Mon, Mon.) at pos: 1..7 (Monday = 1) or 0 */
extern int	at_weekday_at(const char *s, size_t len, size_t pos, size_t *wlen);

/* Days in a month of a year (February of leap years has 29) */
extern int	at_days_in_month(int year, int month);

/*
 * Recognise only a time of day at pos: 17:14, 17:14:34, 5:30 pm, 10 a.m.
 * Sets hour/minute/second and has_time of *out (other fields untouched).
 */
extern size_t at_match_time(const char *s, size_t len, size_t pos, AtDate *out);

#endif							/* AT_DATES_H */

/*
 * dates.c: recognition of calendar dates and times of day (see dates.h).
 *
 * A small hand-written scanner rather than a regular expression: it is
 * called at many positions of every article (metrics, full-text search), it
 * must validate what it reads, and month and weekday words are data.
 */
#include "dates.h"
#include "utf8.h"

#include <string.h>

typedef struct AtWord
{
	const char *word;			/* lower case */
	int			value;
	bool		abbrev;			/* may be followed by a period that belongs to it */
} AtWord;

static const AtWord month_words[] = {
	{"january", 1, false}, {"jan", 1, true},
	{"february", 2, false}, {"feb", 2, true},
	{"march", 3, false}, {"mar", 3, true},
	{"april", 4, false}, {"apr", 4, true},
	{"may", 5, false},
	{"june", 6, false}, {"jun", 6, true},
	{"july", 7, false}, {"jul", 7, true},
	{"august", 8, false}, {"aug", 8, true},
	{"september", 9, false}, {"sept", 9, true}, {"sep", 9, true},
	{"october", 10, false}, {"oct", 10, true},
	{"november", 11, false}, {"nov", 11, true},
	{"december", 12, false}, {"dec", 12, true},
};

static const AtWord weekday_words[] = {
	{"monday", 1, false}, {"mon", 1, true},
	{"tuesday", 2, false}, {"tues", 2, true}, {"tue", 2, true},
	{"wednesday", 3, false}, {"wed", 3, true},
	{"thursday", 4, false}, {"thurs", 4, true}, {"thur", 4, true}, {"thu", 4, true},
	{"friday", 5, false}, {"fri", 5, true},
	{"saturday", 6, false}, {"sat", 6, true},
	{"sunday", 7, false}, {"sun", 7, true},
};

/* Ordinal suffixes after a day number: 1st, 2nd, 3rd, 8th */
static const char *const ordinal_suffixes[] = {"st", "nd", "rd", "th"};

/* Zone names accepted after a time (the offset is not applied) */
static const char *const zone_words[] = {
	"AEDT", "AEST", "BJT", "BST", "CEST", "CET", "CST", "EDT", "EST", "ET", "GMT",
	"HKT", "ICT", "IST", "JST", "KST", "MSK", "PDT", "PST", "PT", "SAST", "SGT",
	"UTC", "WIB",
};

/* CJK date markers: year, month, day */
#define CJK_YEAR	"\xe5\xb9\xb4"
#define CJK_MONTH	"\xe6\x9c\x88"
#define CJK_DAY		"\xe6\x97\xa5"

static inline bool
is_digit(const char *s, size_t len, size_t pos)
{
	return pos < len && s[pos] >= '0' && s[pos] <= '9';
}

/* True when a letter or digit (of any script) or '_' starts at pos */
static bool
word_char_at(const char *s, size_t len, size_t pos)
{
	return at_alnum_at(s, len, pos) || (pos < len && s[pos] == '_');
}

/* Reads min..max digits at *pos when no further digit follows; returns the count */
static int
read_number(const char *s, size_t len, size_t *pos, int min, int max, int *val)
{
	size_t		p = *pos;
	int			n = 0,
				v = 0;

	while (p < len && s[p] >= '0' && s[p] <= '9' && n <= max)
	{
		v = v * 10 + (s[p] - '0');
		p++;
		n++;
	}
	if (n < min || n > max)
		return 0;
	*pos = p;
	*val = v;
	return n;
}

/*
 * By initial, bit i: table[i] starts with it (n <= 32), built on first use:
 * a word is compared only with the entries of its initial
 */
static const uint32_t *
initial_index(uint32_t *ix, bool *built, const AtWord *table, size_t n)
{
	if (!*built)
	{
		for (size_t i = 0; i < n; i++)
			ix[table[i].word[0] - 'a'] |= UINT32_C(1) << i;
		*built = true;
	}
	return ix;
}

_Static_assert(AT_LENGTHOF(month_words) <= 32 && AT_LENGTHOF(weekday_words) <= 32,
			   "initial_index(): a bit per entry");

/* Letters [A-Za-z]+ at pos looked up in a word table (caseless); ix: initial_index() */
static int
word_at(const char *s, size_t len, size_t pos, const AtWord *table, const uint32_t *ix,
		bool need_capital, size_t *wlen)
{
	size_t		e = pos;

	if (pos >= len || !at_is_ascii_alpha((unsigned char) s[pos]))
		return 0;
	if (need_capital && !(s[pos] >= 'A' && s[pos] <= 'Z'))
		return 0;
	/* the letters, at most 12, eight bytes at a time (utf8.h) */
	e += at_ascii_run(s, len - pos > 12 ? pos + 12 : len, pos, false);
	if (word_char_at(s, len, e))
		return 0;
	for (uint32_t set = ix[(s[pos] | 0x20) - 'a']; set; set &= set - 1)
	{
		int			i = __builtin_ctz(set);
		const char *w = table[i].word;
		size_t		wl = e - pos;

		/* no strlen: this runs for every capitalised word the metrics scan tries */
		for (size_t j = 0; j < wl; j++)
			if (w[j] == '\0' || (s[pos + j] | 0x20) != w[j])
				goto next;
		if (w[wl] != '\0')
			continue;
		if (table[i].abbrev && e < len && s[e] == '.')
			e++;
		*wlen = e - pos;
		return table[i].value;
next:	;
	}
	return 0;
}

int
at_month_at(const char *s, size_t len, size_t pos, size_t *wlen)
{
	static uint32_t ix[26];
	static bool built;
	size_t		dummy;

	return word_at(s, len, pos, month_words,
				   initial_index(ix, &built, month_words, AT_LENGTHOF(month_words)), true,
				   wlen ? wlen : &dummy);
}

int
at_weekday_at(const char *s, size_t len, size_t pos, size_t *wlen)
{
	static uint32_t ix[26];
	static bool built;
	size_t		dummy;

	return word_at(s, len, pos, weekday_words,
				   initial_index(ix, &built, weekday_words, AT_LENGTHOF(weekday_words)), true,
				   wlen ? wlen : &dummy);
}

int
at_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
		return 29;
	return days[month - 1];
}

static size_t
skip_spaces(const char *s, size_t len, size_t pos)
{
	while (pos < len && (s[pos] == ' ' || s[pos] == '\t'))
		pos++;
	/* NBSP, common in scraped pages */
	while (pos + 1 < len && (unsigned char) s[pos] == 0xc2 && (unsigned char) s[pos + 1] == 0xa0)
	{
		pos += 2;
		while (pos < len && (s[pos] == ' ' || s[pos] == '\t'))
			pos++;
	}
	return pos;
}

static bool
match_lit(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t		l = strlen(lit);

	return pos + l <= len && memcmp(s + pos, lit, l) == 0;
}

/* Ordinal suffix after a day number; returns bytes (0 if none) */
static size_t
ordinal_at(const char *s, size_t len, size_t pos)
{
	for (size_t i = 0; i < AT_LENGTHOF(ordinal_suffixes); i++)
		if (pos + 2 <= len && (s[pos] | 0x20) == ordinal_suffixes[i][0] &&
			(s[pos + 1] | 0x20) == ordinal_suffixes[i][1] &&
			!word_char_at(s, len, pos + 2))
			return 2;
	return 0;
}

/* am/pm marker at pos: "am", "pm", "a.m.", "p.m." (any case); 1 am, 2 pm, 0 none */
static int
ampm_at(const char *s, size_t len, size_t pos, size_t *wlen)
{
	char		c;

	if (pos + 2 > len)
		return 0;
	c = s[pos] | 0x20;
	if (c != 'a' && c != 'p')
		return 0;
	if ((s[pos + 1] | 0x20) == 'm' && !word_char_at(s, len, pos + 2))
	{
		*wlen = 2;
		return c == 'a' ? 1 : 2;
	}
	if (pos + 4 <= len && s[pos + 1] == '.' && (s[pos + 2] | 0x20) == 'm' && s[pos + 3] == '.')
	{
		*wlen = 4;
		return c == 'a' ? 1 : 2;
	}
	return 0;
}

size_t
at_match_time(const char *s, size_t len, size_t pos, AtDate *out)
{
	size_t		p = pos,
				w;
	int			h,
				mi = 0,
				se = 0,
				ap;
	bool		colon = false;

	if (!read_number(s, len, &p, 1, 2, &h))
		return 0;
	if (p + 2 < len && s[p] == ':' && is_digit(s, len, p + 1))
	{
		p++;
		if (read_number(s, len, &p, 2, 2, &mi) == 0 || mi > 59)
			return 0;
		colon = true;
		if (p + 2 < len && s[p] == ':' && is_digit(s, len, p + 1))
		{
			p++;
			if (read_number(s, len, &p, 2, 2, &se) == 0 || se > 59)
				return 0;
			/* fractions of a second */
			if (p + 1 < len && s[p] == '.' && is_digit(s, len, p + 1))
			{
				p++;
				while (is_digit(s, len, p))
					p++;
			}
		}
	}
	/* am / pm */
	{
		size_t		q = skip_spaces(s, len, p);

		ap = ampm_at(s, len, q, &w);
		if (ap)
		{
			if (h < 1 || h > 12)
				return 0;
			h = (h % 12) + (ap == 2 ? 12 : 0);
			p = q + w;
		}
		else if (!colon)
			return 0;			/* a bare number is not a time */
	}
	if (h > 23)
		return 0;
	/* time zone: Z, +08:00, +0800, or a zone word */
	if (p < len && s[p] == 'Z' && !word_char_at(s, len, p + 1))
		p++;
	else if (p + 3 <= len && (s[p] == '+' || s[p] == '-') &&
			 is_digit(s, len, p + 1) && is_digit(s, len, p + 2))
	{
		size_t		q = p + 3;

		if (q < len && s[q] == ':')
			q++;
		if (is_digit(s, len, q) && is_digit(s, len, q + 1))
			q += 2;
		else if (s[q - 1] == ':')
			q--;
		if (!is_digit(s, len, q))
			p = q;
	}
	else
	{
		size_t		q = skip_spaces(s, len, p);

		for (size_t i = 0; i < AT_LENGTHOF(zone_words); i++)
		{
			size_t		z = q + strlen(zone_words[i]);

			if (q == p || !match_lit(s, len, q, zone_words[i]))
				continue;
			/* GMT+8, UTC+08:00 */
			if (z + 1 < len && (s[z] == '+' || s[z] == '-') && is_digit(s, len, z + 1))
			{
				z++;
				while (is_digit(s, len, z) && z - q < 12)
					z++;
				if (z + 2 < len && s[z] == ':' && is_digit(s, len, z + 1))
					z += 3;
			}
			if (!word_char_at(s, len, z))
			{
				p = z;
				break;
			}
		}
	}
	if (word_char_at(s, len, p) || (p < len && s[p] == ':'))
		return 0;
	out->hour = h;
	out->minute = mi;
	out->second = se;
	out->has_time = true;
	return p - pos;
}

/*
 * "06.10 GMT" after a date (The Guardian's form): hours and minutes with a
 * dot, only when a zone word follows, as "6.10" alone is a number.
 */
static size_t
dotted_time(const char *s, size_t len, size_t pos, AtDate *out)
{
	size_t		p = pos,
				q;
	int			h,
				mi;

	if (!read_number(s, len, &p, 1, 2, &h) || h > 23 || p + 3 > len || s[p] != '.')
		return 0;
	p++;
	if (read_number(s, len, &p, 2, 2, &mi) != 2 || mi > 59)
		return 0;
	q = skip_spaces(s, len, p);
	if (q == p)
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(zone_words); i++)
	{
		size_t		z = q + strlen(zone_words[i]);

		if (match_lit(s, len, q, zone_words[i]) && !word_char_at(s, len, z))
		{
			out->hour = h;
			out->minute = mi;
			out->second = 0;
			out->has_time = true;
			return z - pos;
		}
	}
	return 0;
}

/* An optional time after a date ending at p: "T10:00Z", " 17:14:34", ", 10:15 am", " at 9 pm" */
static size_t
time_after(const char *s, size_t len, size_t p, bool iso, AtDate *out)
{
	size_t		q,
				n;

	if (iso && p < len && s[p] == 'T')
	{
		n = at_match_time(s, len, p + 1, out);
		return n ? p + 1 + n : p;
	}
	q = p;
	if (q < len && s[q] == ',')
		q++;
	if (skip_spaces(s, len, q) == q)
		return p;
	q = skip_spaces(s, len, q);
	/* "Jun 7, 2022 - 14:01" */
	if (q + 1 < len && s[q] == '-' && s[q + 1] == ' ')
		q = skip_spaces(s, len, q + 1);
	if (match_lit(s, len, q, "at ") )
		q = skip_spaces(s, len, q + 3);
	n = at_match_time(s, len, q, out);
	if (n == 0)
		n = dotted_time(s, len, q, out);
	/* "2023-03-21 HKT 18:32": the zone before the time */
	for (size_t i = 0; n == 0 && i < AT_LENGTHOF(zone_words); i++)
	{
		size_t		z = q + strlen(zone_words[i]);

		if (match_lit(s, len, q, zone_words[i]) && z < len && s[z] == ' ' &&
			(n = at_match_time(s, len, skip_spaces(s, len, z), out)) > 0)
			n += skip_spaces(s, len, z) - q;
	}
	return n ? q + n : p;
}

static bool
valid_day(int year, bool has_year, int month, int day)
{
	if (month < 1 || month > 12 || day < 1)
		return false;
	return day <= at_days_in_month(has_year ? year : 2000, month);
}

/* 2019-04-29, 2019.04.29, 2019/4/29, 2019年4月29日 */
static size_t
numeric_date(const char *s, size_t len, size_t pos, AtDate *d)
{
	size_t		p = pos;
	int			y,
				m,
				day;
	char		sep;

	if (read_number(s, len, &p, 4, 4, &y) == 0 || y < 1000 || y > 2999)
		return 0;
	if (match_lit(s, len, p, CJK_YEAR))
	{
		p += 3;
		if (!read_number(s, len, &p, 1, 2, &m) || !match_lit(s, len, p, CJK_MONTH))
			return 0;
		p += 3;
		if (!read_number(s, len, &p, 1, 2, &day) || !match_lit(s, len, p, CJK_DAY))
			return 0;
		p += 3;
	}
	else
	{
		if (p >= len || (s[p] != '-' && s[p] != '.' && s[p] != '/'))
			return 0;
		sep = s[p++];
		if (!read_number(s, len, &p, 1, 2, &m) || p >= len || s[p] != sep)
			return 0;
		p++;
		if (!read_number(s, len, &p, 1, 2, &day))
			return 0;
		/* 2019.04.29.5 or 2019-04-29-01 are not dates */
		if (p + 1 < len && s[p] == sep && is_digit(s, len, p + 1))
			return 0;
	}
	if (!valid_day(y, true, m, day))
		return 0;
	d->year = y;
	d->month = m;
	d->day = day;
	d->has_year = d->has_day = true;
	p = time_after(s, len, p, true, d);
	if (word_char_at(s, len, p))
		return 0;
	return p - pos;
}

/*
 * 05-08-20 14:32: a two-digit year, day first (as CCTV writes it), only
 * with a time after it: "05-08-20" alone may be a score or a code.  The
 * year is 20YY.
 */
static size_t
two_digit_year_date(const char *s, size_t len, size_t pos, AtDate *d)
{
	size_t		p = pos,
				q;
	int			day,
				m,
				y;
	char		sep;
	AtDate		t;

	if (read_number(s, len, &p, 2, 2, &day) != 2 || p >= len)
		return 0;
	sep = s[p];
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	p++;
	if (read_number(s, len, &p, 2, 2, &m) != 2 || p >= len || s[p] != sep)
		return 0;
	p++;
	if (read_number(s, len, &p, 2, 2, &y) != 2)
		return 0;
	if (!valid_day(2000 + y, true, m, day))
		return 0;
	memset(&t, 0, sizeof(t));
	q = time_after(s, len, p, false, &t);
	if (q == p || word_char_at(s, len, q))
		return 0;
	d->year = 2000 + y;
	d->month = m;
	d->day = day;
	d->hour = t.hour;
	d->minute = t.minute;
	d->second = t.second;
	d->has_time = true;
	d->has_year = d->has_day = true;
	return q - pos;
}

/*
 * 04-Jan-2022 (day, month name, year with dashes), and 11-03-2022 or
 * 11/03/2022: month first when both numbers could be the month (as
 * CCTV, CGTN and press-reader references write them), else day first;
 * either_order says that the other reading is a date too (a caller that
 * knows the site writes day first swaps them).
 * With dots (03.02.2018) the day always comes first: dotted dates are the
 * European day-month-year form, and no English-language site writes them
 * month first.
 */
static size_t
short_numeric_date(const char *s, size_t len, size_t pos, AtDate *d)
{
	size_t		p = pos,
				wl,
				n;
	int			a,
				b,
				y;
	char		sep;
	bool		either = false;

	if (!read_number(s, len, &p, 1, 2, &a) || p + 1 >= len)
		return 0;
	if ((n = two_digit_year_date(s, len, pos, d)) > 0)
		return n;
	sep = s[p];
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	p++;
	if (sep == '-' && (b = at_month_at(s, len, p, &wl)) > 0)
		p += wl;
	else
	{
		if (!read_number(s, len, &p, 1, 2, &b))
			return 0;
		if (a <= 12 && sep != '.')
		{
			int			m = a;

			either = b <= 12 && b != a;
			a = b;
			b = m;
		}
	}
	/* now a is the day, b the month */
	if (p >= len || s[p] != sep)
		return 0;
	p++;
	if (read_number(s, len, &p, 4, 4, &y) == 0 || y < 1000 || y > 2999)
		return 0;
	if (p + 1 < len && s[p] == sep && is_digit(s, len, p + 1))
		return 0;
	if (!valid_day(y, true, b, a))
		return 0;
	d->year = y;
	d->month = b;
	d->day = a;
	d->has_year = d->has_day = true;
	d->either_order = either;
	p = time_after(s, len, p, false, d);
	if (word_char_at(s, len, p))
		return 0;
	return p - pos;
}

/* A year after a month or day: ", 2018" or " 2018"; returns the new position or 0 */
static size_t
year_after(const char *s, size_t len, size_t p, int *year)
{
	size_t		q = p;

	if (q < len && s[q] == ',')
		q++;
	q = skip_spaces(s, len, q);
	if (q == p || !is_digit(s, len, q))
		return 0;
	if (read_number(s, len, &q, 4, 4, year) == 0 || *year < 1000 || *year > 2999)
		return 0;
	if (word_char_at(s, len, q))
		return 0;
	return q;
}

/*
 * After the month and day of a named-month date ending at p: an optional
 * year and time; validates the day.  Returns the bytes from pos, or 0.
 */
static size_t
day_month_end(const char *s, size_t len, size_t pos, size_t p, int m, int day, AtDate *d)
{
	int			y;
	size_t		q = year_after(s, len, p, &y);

	if (q)
	{
		if (!valid_day(y, true, m, day))
			return 0;
		d->year = y;
		d->has_year = true;
		p = q;
	}
	else if (!valid_day(0, false, m, day))
		return 0;
	d->month = m;
	d->day = day;
	d->has_day = true;
	p = time_after(s, len, p, false, d);
	return p - pos;
}

/* October 8, 2018 / Oct. 8 2018 / May 12 / April 2020 */
static size_t
month_first(const char *s, size_t len, size_t pos, AtDate *d)
{
	size_t		wl,
				p,
				q;
	int			m,
				day,
				y;

	m = at_month_at(s, len, pos, &wl);
	if (!m)
		return 0;
	p = skip_spaces(s, len, pos + wl);
	if (p == pos + wl && !(p < len && s[p] == ','))
		return 0;
	/* April 2020, April, 2020 */
	q = year_after(s, len, pos + wl, &y);
	if (q)
	{
		d->year = y;
		d->month = m;
		d->has_year = true;
		return q - pos;
	}
	if (!read_number(s, len, &p, 1, 2, &day))
		return 0;
	p += ordinal_at(s, len, p);
	if (word_char_at(s, len, p))
		return 0;
	return day_month_end(s, len, pos, p, m, day, d);
}

/* 8 October 2018 / 8th Oct. 2018 / 8 October */
static size_t
day_first(const char *s, size_t len, size_t pos, AtDate *d)
{
	size_t		p = pos,
				q,
				wl;
	int			day,
				m;

	if (!read_number(s, len, &p, 1, 2, &day))
		return 0;
	p += ordinal_at(s, len, p);
	q = skip_spaces(s, len, p);
	if (q == p)
		return 0;
	if (match_lit(s, len, q, "of "))
		q = skip_spaces(s, len, q + 3);
	m = at_month_at(s, len, q, &wl);
	if (!m)
		return 0;
	p = q + wl;
	return day_month_end(s, len, pos, p, m, day, d);
}

size_t
at_match_date(const char *s, size_t len, size_t pos, AtDate *out)
{
	AtDate		d;
	size_t		p = pos,
				wl,
				n;

	memset(&d, 0, sizeof(d));
	if (pos >= len)
		return 0;

	/* Monday, August 2, 2015 / Mon 8 Oct 2018 */
	if (at_weekday_at(s, len, p, &wl))
	{
		p += wl;
		if (p < len && s[p] == ',')
			p++;
		if (skip_spaces(s, len, p) == p)
			return 0;
		p = skip_spaces(s, len, p);
	}

	if (is_digit(s, len, p))
	{
		n = numeric_date(s, len, p, &d);
		if (!n)
			n = short_numeric_date(s, len, p, &d);
		if (!n)
			n = day_first(s, len, p, &d);
	}
	else
		n = month_first(s, len, p, &d);
	if (!n)
		return 0;
	if (out)
		*out = d;
	return p + n - pos;
}

/*
 * periods.c: period expressions of a sentence, resolved to calendar days
 * (see periods.h).
 *
 * A small grammar read word by word at each word start:
 *
 *   [by (the end of) | at the end of | since | in | during | for | on]
 *   [the] ( first|second|third|fourth (quarter|half) [of YEAR]
 *         | first N months|quarters [of YEAR]
 *         | first week of MONTH
 *         | MONTH[-MONTH | and MONTH | to MONTH] [period] [YEAR | of YEAR]
 *         | early|mid|late MONTH [YEAR]
 *         | Q1..Q4 [YEAR] | H1, H2 [YEAR]
 *         | YEAR | this|last|next month )
 *   YEAR = 2021 | this year | last year | next year | the previous year
 *
 * "by" and "at the end of" keep only the end ("by March"), "since" only the
 * start.  A month, quarter or half with no year is the latest one that
 * starts on or before the reference date.  Each attempt reads a bounded
 * number of words, so the scan is linear.
 */
#include "periods.h"
#include "dates.h"
#include "numbers.h"

#include <stdint.h>
#include <string.h>

/* Words before a period that make it the base of a comparison: "up from last year" */
static const char *const base_before[] = {
	"from", "than", "with", "versus", "vs", "period",
};

/* Words after a period that make it a base: "93.9 percent of the 2019 level" */
static const char *const base_after[] = {
	"level", "levels", "figure", "figures", "delivery", "contract", "contracts",
};

/* Words before a day that make it the day of the report: "said on Tuesday" */
static const char *const report_verbs[] = {
	"said", "says", "announced", "reported", "showed", "released", "disclosed", "told",
	"added", "noted", "stated",
};

static const char *const ordinal_words[] = {"first", "second", "third", "fourth"};

/* Edges of a period after "the": "from the end of September" is a base like "from September" */
static const char *const edge_words[] = {"the end", "the start", "the beginning", "the middle"};

typedef struct Cur
{
	const char *s;
	size_t		len;
	size_t		p;				/* next word */
	size_t		end;			/* end of the last word read */
} Cur;

/* An ASCII letter or digit; two range tests and no branch (it runs at every byte of a word) */
static inline bool
alnum(char c)
{
	unsigned char u = (unsigned char) c;

	return ((unsigned) ((u | 0x20) - 'a') < 26) | ((unsigned) (u - '0') < 10);
}

static void
skip_blanks(Cur *c)
{
	while (c->p < c->len && (c->s[c->p] == ' ' || c->s[c->p] == '\t'))
		c->p++;
}

/* The words w (lower case, single spaces) at c->p, caseless; on a match step over them */
static bool
eat_words(Cur *c, const char *w)
{
	size_t		p = c->p;

	for (; *w; w++, p++)
	{
		char		ch;

		if (p >= c->len)
			return false;
		ch = c->s[p];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char) (ch | 0x20);
		if (ch != *w)
			return false;
	}
	if (p < c->len && alnum(c->s[p]))
		return false;
	c->end = p;
	c->p = p;
	skip_blanks(c);
	return true;
}

/*
 * eat_words(), with its first letter tested in line: a period expression is
 * tried as a chain of phrases, and most fail there without a call
 */
static AT_ALWAYS_INLINE bool
eat(Cur *c, const char *w)
{
	if (w[0] != '\0')
	{
		char		ch;

		if (c->p >= c->len)
			return false;
		ch = c->s[c->p];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char) (ch | 0x20);
		if (ch != w[0])
			return false;
	}
	return eat_words(c, w);
}

/* A year 1900..2100 in four digits */
static bool
eat_year(Cur *c, int *year)
{
	const char *s = c->s;
	size_t		p = c->p;
	int			y = 0;

	for (int i = 0; i < 4; i++)
	{
		if (p + i >= c->len || s[p + i] < '0' || s[p + i] > '9')
			return false;
		y = y * 10 + (s[p + i] - '0');
	}
	if ((p + 4 < c->len && alnum(s[p + 4])) || y < 1900 || y > 2100)
		return false;
	c->end = p + 4;
	c->p = p + 4;
	skip_blanks(c);
	*year = y;
	return true;
}

/*
 * A month name at c->p (capitalised): 1..12, or 0.  A bare abbreviation
 * ("Jun", "Mar") is a month only with its period or a number after it:
 * alone it is as often a name ("Yu Jun").
 */
static int
eat_month(Cur *c)
{
	size_t		ml,
				q;
	int			m = at_month_at(c->s, c->len, c->p, &ml);
	static const char *const short_names[] = {"may", "june", "july"};

	if (m <= 0)
		return 0;
	/* "May Day", "the May Day holiday": a holiday's name, not the month */
	for (q = c->p + ml; q < c->len && q < c->p + ml + 4 && c->s[q] == ' '; q++)
		;
	if (q > c->p + ml && q + 3 <= c->len && memcmp(c->s + q, "Day", 3) == 0 &&
		(q + 3 == c->len || !at_is_ascii_alpha((unsigned char) c->s[q + 3])))
		return 0;
	if (ml <= 4 && c->s[c->p + ml - 1] != '.' &&
		!at_word_in(c->s + c->p, ml, short_names, AT_LENGTHOF(short_names)))
	{
		for (q = c->p + ml; q < c->len && c->s[q] == ' '; q++)
			;
		if (q >= c->len || c->s[q] < '0' || c->s[q] > '9')
			return 0;
	}
	c->end = c->p + ml;
	c->p += ml;
	skip_blanks(c);
	return m;
}

/*
 * YEAR: "2021", "this year", "last year", "next year", "the previous year".
 * *year = 0 when it needs the reference date and there is none.
 */
static bool
eat_year_ref(Cur *c, const AtDay *ref, int *year)
{
	int			shift;

	if (eat_year(c, year))
		return true;
	if (eat(c, "this year") || eat(c, "the year"))
		shift = 0;
	else if (eat(c, "last year") || eat(c, "the previous year") || eat(c, "the past year"))
		shift = -1;
	else if (eat(c, "next year") || eat(c, "the coming year"))
		shift = 1;
	else
		return false;
	*year = ref ? ref->year + shift : 0;
	return true;
}

/*
 * The year of a period ending in month m when the text names none: the
 * latest such period that has ended by the reference month ("in the
 * January-May period" read in April is last year's)
 */
static int
implied_year(const AtDay *ref, int m)
{
	if (ref == NULL)
		return 0;
	return m > ref->month ? ref->year - 1 : ref->year;
}

/* [YEAR | of YEAR], else the implied year of a period ending in last_month; 0 when unknown */
static int
year_after(Cur *c, const AtDay *ref, int last_month)
{
	int			y;
	Cur			save = *c;

	if (eat_year_ref(c, ref, &y))
		return y;
	if (c->p < c->len && c->s[c->p] == ',')
	{
		/* "March, 2022" */
		Cur			t = *c;

		t.p++;
		skip_blanks(&t);
		if (eat_year(&t, &y))
		{
			*c = t;
			return y;
		}
	}
	if (eat(c, "of") && eat_year_ref(c, ref, &y))
		return y;
	*c = save;
	return implied_year(ref, last_month);
}

static void
set_months(AtPeriod *out, int y, int m1, int m2)
{
	out->start = (AtDay) {y, m1, 1};
	out->end = (AtDay) {y, m2, at_days_in_month(y, m2)};
}

/* "first", "second", ...: 1..4, or 0 */
static int
eat_ordinal(Cur *c)
{
	for (int i = 0; i < (int) AT_LENGTHOF(ordinal_words); i++)
		if (eat(c, ordinal_words[i]))
			return i + 1;
	return 0;
}

/* A count of months: "two", "10": 1..12, or 0 */
static int
eat_small_number(Cur *c)
{
	size_t		wl;
	int			v = -1;

	if (c->p < c->len && c->s[c->p] >= '0' && c->s[c->p] <= '9')
	{
		v = c->s[c->p] - '0';
		wl = 1;
		if (c->p + 1 < c->len && c->s[c->p + 1] >= '0' && c->s[c->p + 1] <= '9')
		{
			v = v * 10 + (c->s[c->p + 1] - '0');
			wl = 2;
		}
		if (c->p + wl < c->len && alnum(c->s[c->p + wl]))
			return 0;
	}
	else
		v = at_number_word_at(c->s, c->len, c->p, &wl);
	if (v < 1 || v > 12)
		return 0;
	c->end = c->p + wl;
	c->p += wl;
	skip_blanks(c);
	return v;
}

/* "first quarter", "second half", "first five months", "first week of May" */
static bool
ordinal_period(Cur *c, const AtDay *ref, int ord, AtPeriod *out)
{
	int			y,
				n,
				m;

	if (eat(c, "quarter"))
	{
		y = year_after(c, ref, 3 * ord);
		set_months(out, y, 3 * ord - 2, 3 * ord);
		return y != 0;
	}
	if (ord <= 2 && eat(c, "half"))
	{
		y = year_after(c, ref, 6 * ord);
		set_months(out, y, 6 * ord - 5, 6 * ord);
		return y != 0;
	}
	if (ord != 1)
		return false;
	if (eat(c, "week of") && (m = eat_month(c)) > 0)
	{
		y = year_after(c, ref, m);
		out->start = (AtDay) {y, m, 1};
		out->end = (AtDay) {y, m, 7};
		return y != 0;
	}
	if ((n = eat_small_number(c)) == 0)
		return false;
	if (eat(c, "months"))
	{
		y = year_after(c, ref, n);
		set_months(out, y, 1, n);
		return y != 0;
	}
	if (n <= 4 && eat(c, "quarters"))
	{
		y = year_after(c, ref, 3 * n);
		set_months(out, y, 1, 3 * n);
		return y != 0;
	}
	return false;
}

/* "March", "January-May period", "January and February", "March 2022", "late January" */
static bool
month_period(Cur *c, const AtDay *ref, AtPeriod *out)
{
	int			part = 0,		/* 1 early, 2 mid, 3 late */
				m1,
				m2,
				y;

	if (eat(c, "early"))
		part = 1;
	else if (eat(c, "mid") || eat(c, "mid-"))
		part = 2;
	else if (eat(c, "late"))
		part = 3;
	if ((m1 = eat_month(c)) == 0)
	{
		/* "late 2022": the last third of the year */
		if (part && eat_year(c, &y))
		{
			set_months(out, y, part == 1 ? 1 : part == 2 ? 5 : 9, part == 1 ? 4 : part == 2 ? 8 : 12);
			return true;
		}
		return false;
	}
	m2 = m1;
	if (part == 0 && c->end < c->len && (c->s[c->end] == '-' || c->s[c->end] == '/'))
	{
		Cur			t = *c;

		t.p = c->end + 1;
		if ((m2 = eat_month(&t)) > m1)
			*c = t;
		else
			m2 = m1;
	}
	else if (part == 0)
	{
		Cur			t = *c;

		if ((eat(&t, "and") || eat(&t, "to") || eat(&t, "through")) && (m2 = eat_month(&t)) > m1)
			*c = t;
		else
			m2 = m1;
	}
	/* "the September quarter" (Reuters, company results): the quarter that ends in the month */
	if (part == 0 && m2 == m1 && m1 % 3 == 0 && eat(c, "quarter"))
		m1 -= 2;
	/* "May 1": a day, a date and no period */
	else if (c->p < c->len && c->s[c->p] >= '0' && c->s[c->p] <= '9')
	{
		Cur			t = *c;
		int			yy;

		if (!eat_year(&t, &yy))
			return false;
	}
	eat(c, "period");
	y = year_after(c, ref, m2);
	if (y == 0)
		return false;
	set_months(out, y, m1, m2);
	if (part == 1)
		out->end.day = 10;
	else if (part == 2)
	{
		out->start.day = 11;
		out->end.day = 20;
	}
	else if (part == 3)
		out->start.day = 21;
	return true;
}

/* The period after the prefix words */
static bool
period_body(Cur *c, const AtDay *ref, AtPeriod *out)
{
	int			ord,
				y;
	Cur			save;

	eat(c, "the");
	save = *c;
	if ((ord = eat_ordinal(c)) > 0)
		return ordinal_period(c, ref, ord, out);
	*c = save;
	if (c->p + 1 < c->len && (c->s[c->p] == 'Q' || c->s[c->p] == 'H') &&
		c->s[c->p + 1] >= '1' && c->s[c->p + 1] <= (c->s[c->p] == 'Q' ? '4' : '2') &&
		!(c->p + 2 < c->len && alnum(c->s[c->p + 2])))
	{
		int			k = c->s[c->p + 1] - '0',
					span = c->s[c->p] == 'Q' ? 3 : 6;

		c->end = c->p + 2;
		c->p += 2;
		skip_blanks(c);
		y = year_after(c, ref, span * k);
		set_months(out, y, span * (k - 1) + 1, span * k);
		return y != 0;
	}
	if (month_period(c, ref, out))
		return true;
	*c = save;
	if (eat_year_ref(c, ref, &y))
	{
		set_months(out, y, 1, 12);
		return y != 0;
	}
	if (ref)
	{
		int			shift,
					m;

		if (eat(c, "this month"))
			shift = 0;
		else if (eat(c, "last month") || eat(c, "the previous month"))
			shift = -1;
		else if (eat(c, "next month"))
			shift = 1;
		else
			return false;
		m = ref->month + shift;
		y = ref->year;
		if (m < 1)
		{
			m = 12;
			y--;
		}
		else if (m > 12)
		{
			m = 1;
			y++;
		}
		set_months(out, y, m, m);
		return true;
	}
	return false;
}

/* Words that may open a period expression (besides month names and years) */
static const char *const start_words[] = {
	"by", "at", "as", "since", "in", "during", "for", "over", "on", "last", "this", "next",
	"the", "first", "second", "third", "fourth", "early", "mid", "late", "until",
	"previous", "past", "coming", "end", "through", "till",
};

/* by lower-case initial: bit k = a start word or month name of k letters */
static uint32_t may_start_lens[27];

/*
 * Bytes a period can start with, as may_start() reads them: '1' and '2' (a
 * year), 'Q' and 'H' ("Q3", "H1"), and the letters of an initial above
 * (both cases).  Built with may_start_lens.
 */
static bool may_start_byte[256];
static bool may_start_built;

/*
 * start_words by initial, each as its letters in a uint64_t (little-endian,
 * zero-padded: every start word has at most 8): may_start() compares a word
 * with the few of its initial in one step each, not through at_word_in()
 * (it runs at every word of a sentence with figures).  Built with
 * may_start_lens; start_packed_all is false when a word did not fit, and
 * may_start() then uses at_word_in().
 */
#define START_PER_INITIAL 6
static uint64_t start_packed[26][START_PER_INITIAL];
static uint8_t start_npacked[26];
static bool start_packed_all = true;

static AT_NOINLINE void
may_start_build(void)
{
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	};

	/* a word of letters is never all ones: an unused slot matches none */
	memset(start_packed, 0xFF, sizeof(start_packed));
	for (size_t i = 0; i < AT_LENGTHOF(start_words); i++)
	{
		size_t		l = strlen(start_words[i]);
		int			k = start_words[i][0] - 'a';

		may_start_lens[k] |= 1u << l;
		if (l <= 8 && start_npacked[k] < START_PER_INITIAL)
			start_packed[k][start_npacked[k]++] = at_pack_folded(start_words[i], 0, l, l);
		else
			start_packed_all = false;
	}
	for (size_t i = 0; i < AT_LENGTHOF(months); i++)
		may_start_lens[months[i][0] - 'a'] |= 1u << strlen(months[i]);
	may_start_byte['1'] = may_start_byte['2'] = may_start_byte['Q'] = may_start_byte['H'] = true;
	for (int k = 0; k < 26; k++)
		if (may_start_lens[k])
			may_start_byte['a' + k] = may_start_byte['A' + k] = true;
	may_start_built = true;
}

/*
 * Can a period expression start at the word s[pos, e)?  A cheap look first:
 * the lengths the start words and month names have for each initial (built
 * once from the lists), then the lists themselves.
 *
 * Always inlined: it runs at every word of a sentence with figures.
 */
static AT_ALWAYS_INLINE bool
may_start(const char *s, size_t len, size_t pos, size_t e)
{
	uint32_t   *len_mask = may_start_lens;
	size_t		ml,
				wl = e - pos;
	char		c = s[pos];
	int			k;

	if (!may_start_built)
		may_start_build();
	if (c >= '0' && c <= '9')
		return wl == 4 && (c == '1' || c == '2');
	if ((c == 'Q' || c == 'H') && wl == 2)
		return true;
	k = (c | 0x20) - 'a';
	if (k < 0 || k > 25 || wl > 9 || !((len_mask[k] >> wl) & 1))
		return false;
	if (c >= 'A' && c <= 'Z' && wl >= 3)
	{
		static const char prefixes[][4] = {
			"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
		};
		char		b = (char) (s[pos + 1] | 0x20),
					d = (char) (s[pos + 2] | 0x20);

		for (size_t i = 0; i < AT_LENGTHOF(prefixes); i++)
			if (prefixes[i][0] == (char) (c | 0x20) && prefixes[i][1] == b && prefixes[i][2] == d)
				return at_month_at(s, len, pos, &ml) > 0;
	}
	if (!start_packed_all)
		return at_word_in(s + pos, wl, start_words, AT_LENGTHOF(start_words));
	if (wl <= 8)
	{
		uint64_t	v = at_pack_folded(s, pos, wl, len);
		bool		hit = false;

		/* all slots of the initial, without an exit per slot (unused ones never match) */
		for (int i = 0; i < START_PER_INITIAL; i++)
			hit |= start_packed[k][i] == v;
		return hit;
	}
	return false;
}

/* "Jan 1", "May 3, 2023", "Dec. 3" at c: the day (a day with no year the latest on or before ref) */
static bool
month_day(Cur *c, const AtDay *ref, AtDay *out)
{
	int			m,
				d = 0,
				y;
	size_t		q;

	if ((m = eat_month(c)) == 0 && (m = at_month_at(c->s, c->len, c->p, &q)) > 0)
	{
		c->end = c->p + q;
		c->p += q;
		skip_blanks(c);
	}
	if (m <= 0)
		return false;
	while (c->p < c->len && c->s[c->p] >= '0' && c->s[c->p] <= '9' && d < 100)
		d = d * 10 + (c->s[c->p++] - '0');
	if (d < 1 || (c->p < c->len && alnum(c->s[c->p])))
		return false;
	c->end = c->p;
	y = 0;
	if (c->p + 1 < c->len && c->s[c->p] == ',')
	{
		Cur			t = *c;

		t.p++;
		skip_blanks(&t);
		if (eat_year(&t, &y))
			*c = t;
		else
			y = 0;
	}
	if (y == 0)
	{
		if (ref == NULL)
			return false;
		y = (m > ref->month || (m == ref->month && d > ref->day)) ? ref->year - 1 : ref->year;
	}
	if (d > at_days_in_month(y, m))
		return false;
	*out = (AtDay) {y, m, d};
	return true;
}

/* A period expression at pos: its length, or 0 */
static size_t
period_at(const char *s, size_t len, size_t pos, const AtDay *ref, AtPeriod *out)
{
	Cur			c = {s, len, pos, pos};
	int			mode = 0;		/* 1: end only, 2: start only */
	AtDay		day;
	size_t		n;

	memset(out, 0, sizeof(*out));
	/* a leading word that needs a period after it: look at the next word first ("the company") */
	{
		static const char *const leads[] = {
			"by", "at", "as", "since", "in", "during", "for", "over", "on", "through", "until",
			"till", "the",
		};
		size_t		e = pos,
					q,
					qe;

		e += at_ascii_run(s, len, e, true);
		if (at_word_in(s + pos, e - pos, leads, AT_LENGTHOF(leads)))
		{
			for (q = e; q < len && (s[q] == ' ' || s[q] == '\t'); q++)
				;
			qe = q + at_ascii_run(s, len, q, true);
			/* "as of the end of 2023", "as of March" */
			if (qe == q || !((s[q] >= 'A' && s[q] <= 'Z') || may_start(s, len, q, qe) ||
							 (e - pos == 2 && (s[pos] | 0x20) == 'a' && qe - q == 2 && s[q] == 'o' && s[q + 1] == 'f')))
				return 0;
		}
	}
	if ((n = at_weekday_date_at(s, len, pos, ref, &day)) > 0)
	{
		if (day.year == 0)
			return 0;
		out->start = out->end = day;
		/* "as of Saturday", "by Monday": the end only, like "by March" */
		if (eat(&c, "as of") || eat(&c, "by") || eat(&c, "until"))
			out->start = (AtDay) {0, 0, 0};
		return n;
	}
	if (eat(&c, "by the end of") || eat(&c, "at the end of") || eat(&c, "by end of") ||
		eat(&c, "at end of") || eat(&c, "as of the end of") ||
		eat(&c, "as of") || eat(&c, "by") ||
		eat(&c, "through") || eat(&c, "until") || eat(&c, "till"))
		mode = 1;
	else if (eat(&c, "since the start of") || eat(&c, "since the beginning of"))
	{
		int			y;

		/* "since the start of the year" */
		if (!eat_year_ref(&c, ref, &y) || y == 0)
			return 0;
		out->start = (AtDay) {y, 1, 1};
		return c.end - pos;
	}
	else if (eat(&c, "since"))
		mode = 2;
	else if (eat(&c, "on"))
	{
		/* "on Jan 1", "on May 3, 2023": a day */
		if (!month_day(&c, ref, &day))
			return 0;
		out->start = out->end = day;
		return c.end - pos;
	}
	else if (!eat(&c, "in"))
		(void) (eat(&c, "during") || eat(&c, "for") || eat(&c, "over"));
	/* "as of Dec. 3", "by March 31": the end only, a day */
	if (mode == 1)
	{
		Cur			t = c;

		if (month_day(&t, ref, &day))
		{
			out->end = day;
			return t.end - pos;
		}
	}
	/* the body's first word (after "the") must be one that can start it */
	{
		Cur			t = c;
		size_t		e;

		eat(&t, "the");
		for (e = t.p; e < len && alnum(s[e]); e++)
			;
		if (e == t.p || !may_start(s, len, t.p, e))
			return 0;
	}
	if (!period_body(&c, ref, out))
		return 0;
	if (mode == 1)
		out->start = (AtDay) {0, 0, 0};
	else if (mode == 2)
		out->end = (AtDay) {0, 0, 0};
	return c.end - pos;
}

/* Days since 1970-01-01 (proleptic Gregorian) */
static long
days_from_civil(int y, int m, int d)
{
	long		era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (unsigned) ((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long) doe - 719468;
}

static AtDay
civil_from_days(long z)
{
	long		era;
	unsigned	doe,
				yoe,
				doy,
				mp;
	int			y,
				m,
				d;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned) (z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (int) yoe + (int) era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int) (doy - (153 * mp + 2) / 5 + 1);
	m = (int) (mp < 10 ? mp + 3 : mp - 9);
	return (AtDay) {y + (m <= 2), m, d};
}

AtDay
at_day_add(const AtDay *d, long n)
{
	return civil_from_days(days_from_civil(d->year, d->month, d->day) + n);
}

int
at_day_of_week(const AtDay *d)
{
	long		z = days_from_civil(d->year, d->month, d->day);

	/* 1970-01-01 was a Thursday (3 with Monday = 0) */
	return (int) (((z % 7) + 7 + 3) % 7);
}

size_t
at_weekday_date_at(const char *s, size_t len, size_t pos, const AtDay *ref, AtDay *day)
{
	Cur			c = {s, len, pos, pos};
	bool		last = false;
	size_t		wl;
	int			wd;
	long		z;
	int			back;

	memset(day, 0, sizeof(*day));
	if (eat(&c, "last"))
		last = true;
	else if (!(eat(&c, "on") || eat(&c, "this") || eat(&c, "since") || eat(&c, "by") ||
			   eat(&c, "until") || eat(&c, "as of")))
		return 0;
	if ((wd = at_weekday_at(s, len, c.p, &wl)) <= 0 || wl < 6)
		return 0;				/* full names only: "Sun", "Sat" are names too */
	if (ref)
	{
		z = days_from_civil(ref->year, ref->month, ref->day);
		back = (at_day_of_week(ref) - (wd - 1) + 7) % 7;
		if (back == 0 && last)
			back = 7;
		*day = civil_from_days(z - back);
	}
	return c.p + wl - pos;
}

/* Where the blanks before p begin */
static size_t
blanks_before(const char *s, size_t from, size_t p)
{
	while (p > from && (s[p - 1] == ' ' || s[p - 1] == '\t'))
		p--;
	return p;
}

/*
 * The word of letters and digits before *p (blanks between): sets *p to its
 * start and returns its length, 0 where punctuation or from comes first
 */
static size_t
word_before(const char *s, size_t from, size_t *p)
{
	size_t		e = blanks_before(s, from, *p);

	*p = e;
	while (*p > from && alnum(s[*p - 1]))
		(*p)--;
	return e - *p;
}

/*
 * Walks back from pos over at most max words of the same clause (only
 * blanks between them): true, with *at the word's start, at the first word
 * that is_word accepts
 */
static bool
clause_word_before(const char *s, size_t from, size_t pos, int max,
				   bool (*is_word) (const char *w, size_t len), size_t *at)
{
	size_t		p = pos,
				wl;

	for (int words = 0; words < max && (wl = word_before(s, from, &p)) > 0; words++)
		if (is_word(s + p, wl))
		{
			*at = p;
			return true;
		}
	return false;
}

static bool
is_which_who(const char *w, size_t len)
{
	return (len == 5 && strncmp(w, "which", 5) == 0) || (len == 3 && strncmp(w, "who", 3) == 0);
}

/* ", which" or ", who" opens the clause of pos (within a few words before it) */
static bool
relative_clause_before(const char *s, size_t from, size_t pos)
{
	size_t		p;

	if (!clause_word_before(s, from, pos, 6, is_which_who, &p))
		return false;
	p = blanks_before(s, from, p);
	return p > from && s[p - 1] == ',';
}

static bool
is_report_verb(const char *w, size_t len)
{
	return at_word_in(w, len, report_verbs, AT_LENGTHOF(report_verbs));
}

/*
 * A report verb a few words before pos, in the same clause: "said in a
 * filing on Wednesday", "told reporters on Monday"
 */
static bool
report_verb_before(const char *s, size_t from, size_t pos)
{
	size_t		p;

	return clause_word_before(s, from, pos, 5, is_report_verb, &p);
}

static bool
is_than(const char *w, size_t len)
{
	return len == 4 && strncmp(w, "than", 4) == 0;
}

/*
 * "than" a few words before pos, in the same clause: "lower than that of
 * September", "higher than the whole of last year": a base of comparison
 */
static bool
than_before(const char *s, size_t from, size_t pos)
{
	/* "more than 300 billion yuan in 2023": a qualifier of a figure */
	static const char *const qual[] = {"more", "less", "fewer", "no", "rather", "other"};
	size_t		p,
				wl;

	if (!clause_word_before(s, from, pos, 4, is_than, &p))
		return false;
	wl = word_before(s, from, &p);
	return !at_word_in(s + p, wl, qual, AT_LENGTHOF(qual));
}

/* A range in the span s[p, p + n): "January to October" (after "from" it is no base) */
static bool
span_is_range(const char *s, size_t p, size_t n)
{
	for (size_t i = p; i + 4 <= p + n; i++)
		if (s[i] == ' ' && ((s[i + 1] == 't' && s[i + 2] == 'o' && s[i + 3] == ' ') ||
							(i + 9 <= p + n && memcmp(s + i, " through ", 9) == 0)))
			return true;
	return false;
}

/* at_period_span_at() past its gate: the period at p and the words around it */
static AT_NOINLINE size_t
period_span(const char *s, size_t from, size_t to, size_t p, const AtDay *ref,
			AtPeriodSpan *ps)
{
	AtPeriod	per;
	size_t		n,
				b = p,
				e;

	if ((n = period_at(s, to, p, ref, &per)) == 0)
		return 0;
	ps->start = p;
	ps->len = n;
	ps->period = per;
	/* the word before: "from last year", "the same period last year" */
	while (b > from && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	e = b;
	while (b > from && alnum(s[b - 1]))
		b--;
	/* "from the end of September": the word before "the end of" */
	for (size_t k = 0; k < AT_LENGTHOF(edge_words) && e - b == 2 && (s[b] | 0x20) == 'o' && (s[b + 1] | 0x20) == 'f'; k++)
	{
		size_t		wl = strlen(edge_words[k]);

		if (b >= from + wl + 1 && strncmp(s + b - wl - 1, edge_words[k], wl) == 0 &&
			(b - wl - 1 == from || !alnum(s[b - wl - 2])))
		{
			b -= wl + 1;
			while (b > from && (s[b - 1] == ' ' || s[b - 1] == '\t'))
				b--;
			e = b;
			while (b > from && alnum(s[b - 1]))
				b--;
			break;
		}
	}
	ps->base = e > b && at_word_in(s + b, e - b, base_before, AT_LENGTHOF(base_before));
	/* "From January to October, ...": a range, no base of comparison */
	if (ps->base && e - b == 4 && (s[b] | 0x20) == 'f' && span_is_range(s, p, n))
		ps->base = false;
	/* "the bureau said on Sunday", "said in a filing on Wednesday": when it was said, not what the figure covers */
	ps->base |= per.start.year == per.end.year && per.start.month == per.end.month &&
		per.start.day == per.end.day && per.start.year != 0 && report_verb_before(s, from, p);
	ps->base |= than_before(s, from, p);
	/* in a relative clause: "the promotion, which ended on Saturday" */
	ps->base |= relative_clause_before(s, from, p);
	/* the word after: "the 2019 level" */
	for (e = p + n; e < to && (s[e] == ' ' || s[e] == '\t'); e++)
		;
	for (b = e; e < to && alnum(s[e]); e++)
		;
	ps->base |= e > b && at_word_in(s + b, e - b, base_after, AT_LENGTHOF(base_after));
	return n;
}

/*
 * It runs at every word of a sentence with figures and most words cannot
 * start a period: the gate (may_start()) in a small frame, the rest apart.
 */
size_t
at_period_span_at(const char *s, size_t from, size_t to, size_t p, const AtDay *ref,
				  AtPeriodSpan *ps)
{
	size_t		n;

	if (!may_start_built)
		may_start_build();
	/* most words fail on their first byte, before their length is known */
	if (p >= to || !may_start_byte[(unsigned char) s[p]])
		return 0;
	n = p + at_ascii_run(s, to, p, true);
	if (!may_start(s, to, p, n))
		return 0;
	return period_span(s, from, to, p, ref, ps);
}

void
at_find_periods(const char *s, size_t from, size_t to, const AtDay *ref, AtVec *out)
{
	size_t		p = from;
	unsigned	iter = 0;

	while (p < to)
	{
		AtPeriodSpan ps;
		size_t		n;

		if ((++iter & 0x3FF) == 0)
			AT_CHECK_INTERRUPTS();
		if (!alnum(s[p]) || (p > from && alnum(s[p - 1])))
		{
			p++;
			continue;
		}
		if ((n = at_period_span_at(s, from, to, p, ref, &ps)) > 0)
		{
			*(AtPeriodSpan *) at_vec_push(out) = ps;
			p += n;
			continue;
		}
		while (p < to && alnum(s[p]))
			p++;
	}
}

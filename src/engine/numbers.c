/*
 * numbers.c: exact decimal values and the numeral scanners (see numbers.h).
 *
 * Arithmetic works on short arrays of decimal digits: the values of news
 * text have a handful of digits, so schoolbook loops are both simple and
 * fast, and every result is exact (fractions aside) with explicit limits
 * instead of overflow.
 */
#include "numbers.h"
#include "utf8.h"

#include <string.h>

#define WORK_DIGITS 160			/* scratch size, > MAXINT - MINEXP + slack */

#ifdef AT_COUNT_STEPS
unsigned long long at_scan_steps;
#endif

/* ---- exact decimals ----------------------------------------------------- */

void
at_num_zero(AtNum *n)
{
	n->neg = false;
	n->ndig = 0;
	n->exp = 0;
}

/*
 * Store digit values d[0..nd) (0..9, most significant first) times 10^exp,
 * stripping leading and trailing zeros and checking the limits.
 */
static bool
num_store(AtNum *n, const uint8_t *d, int nd, int exp, bool neg)
{
	int			i = 0;

	while (i < nd && d[i] == 0)
		i++;
	while (nd > i && d[nd - 1] == 0)
	{
		nd--;
		exp++;
	}
	if (nd == i)
	{
		at_num_zero(n);
		return true;
	}
	if (nd - i > AT_NUM_MAXDIG || exp < AT_NUM_MINEXP || (nd - i) + exp > AT_NUM_MAXINT)
		return false;
	n->neg = neg;
	n->ndig = (uint8_t) (nd - i);
	n->exp = (int16_t) exp;
	for (int k = 0; k < n->ndig; k++)
		n->dig[k] = (char) ('0' + d[i + k]);
	return true;
}

void
at_num_from_u64(AtNum *n, uint64_t v)
{
	uint8_t		d[20];
	int			nd = 0;

	do
	{
		d[19 - nd++] = (uint8_t) (v % 10);
		v /= 10;
	} while (v);
	(void) num_store(n, d + 20 - nd, nd, 0, false);
}

bool
at_num_from_digits(AtNum *n, const char *intpart, size_t nint,
				   const char *frac, size_t nfrac)
{
	uint8_t		d[WORK_DIGITS];
	int			nd = 0;

	while (nint > 0 && *intpart == '0')
	{
		intpart++;
		nint--;
	}
	while (nfrac > 0 && frac[nfrac - 1] == '0')
		nfrac--;
	if (nint > AT_NUM_MAXINT || nfrac > (size_t) -AT_NUM_MINEXP)
		return false;
	for (size_t i = 0; i < nint; i++)
		d[nd++] = (uint8_t) (intpart[i] - '0');
	for (size_t i = 0; i < nfrac; i++)
		d[nd++] = (uint8_t) (frac[i] - '0');
	return num_store(n, d, nd, -(int) nfrac, false);
}

bool
at_num_mul_pow10(AtNum *n, int k)
{
	int			exp;

	if (n->ndig == 0)
		return true;
	if (k > 1000 || k < -1000)
		return false;
	exp = n->exp + k;
	if (exp < AT_NUM_MINEXP || n->ndig + exp > AT_NUM_MAXINT)
		return false;
	n->exp = (int16_t) exp;
	return true;
}

bool
at_num_mul_u32(AtNum *n, uint32_t m)
{
	uint8_t		d[AT_NUM_MAXDIG + 12];
	int			nd = AT_NUM_MAXDIG + 12;
	uint64_t	carry = 0;
	int			pos = nd;

	for (int i = n->ndig - 1; i >= 0; i--)
	{
		uint64_t	t = (uint64_t) (n->dig[i] - '0') * m + carry;

		d[--pos] = (uint8_t) (t % 10);
		carry = t / 10;
	}
	while (carry)
	{
		d[--pos] = (uint8_t) (carry % 10);
		carry /= 10;
	}
	return num_store(n, d + pos, nd - pos, n->exp, n->neg);
}

bool
at_num_div_u32(AtNum *n, uint32_t dv)
{
	uint8_t		q[WORK_DIGITS];
	int			nq = 0,
				sig = 0;
	uint64_t	rem = 0;
	int			exp = n->exp;

	if (dv == 0)
		return false;
	for (int i = 0; i < n->ndig; i++)
	{
		rem = rem * 10 + (uint64_t) (n->dig[i] - '0');
		q[nq] = (uint8_t) (rem / dv);
		rem %= dv;
		if (q[nq] || sig)
			sig++;
		nq++;
	}
	/* continue below the last digit until exact or precise enough */
	while (rem && sig < AT_NUM_FRAC_DIGITS + 1 && nq < WORK_DIGITS - 1)
	{
		rem *= 10;
		q[nq] = (uint8_t) (rem / dv);
		rem %= dv;
		if (q[nq] || sig)
			sig++;
		nq++;
		exp--;
	}
	if (rem || sig > AT_NUM_FRAC_DIGITS)
	{
		/* inexact: round half up to AT_NUM_FRAC_DIGITS significant digits */
		int			first = 0,
					keep;

		while (first < nq && q[first] == 0)
			first++;
		keep = first + AT_NUM_FRAC_DIGITS;
		if (keep < nq)
		{
			bool		up = q[keep] >= 5;

			exp += nq - keep;
			nq = keep;
			for (int i = nq - 1; up && i >= 0; i--)
			{
				if (q[i] == 9)
					q[i] = 0;
				else
				{
					q[i]++;
					up = false;
				}
			}
			if (up)
			{
				memmove(q + 1, q, nq);
				q[0] = 1;
				nq++;
			}
		}
	}
	return num_store(n, q, nq, exp, n->neg);
}

bool
at_num_add(AtNum *n, const AtNum *b)
{
	uint8_t		d[WORK_DIGITS];
	int			e,
				la,
				lb,
				nd;

	if (b->ndig == 0)
		return true;
	if (n->ndig == 0)
	{
		*n = *b;
		return true;
	}
	e = AT_MIN(n->exp, b->exp);
	la = n->ndig + (n->exp - e);
	lb = b->ndig + (b->exp - e);
	nd = AT_MAX(la, lb) + 1;
	if (nd > WORK_DIGITS)
		return false;
	memset(d, 0, nd);
	/* right-align both, the last digit of each at its exponent */
	for (int i = 0; i < n->ndig; i++)
		d[nd - la + i] += (uint8_t) (n->dig[i] - '0');
	for (int i = 0; i < b->ndig; i++)
		d[nd - lb + i] += (uint8_t) (b->dig[i] - '0');
	for (int i = nd - 1; i > 0; i--)
	{
		if (d[i] >= 10)
		{
			d[i] -= 10;
			d[i - 1]++;
		}
	}
	return num_store(n, d, nd, e, n->neg);
}

int
at_num_cmp(const AtNum *a, const AtNum *b)
{
	int			sa = a->ndig == 0 ? 0 : (a->neg ? -1 : 1);
	int			sb = b->ndig == 0 ? 0 : (b->neg ? -1 : 1);
	int			ma,
				mb,
				r = 0;

	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (sa == 0)
		return 0;
	ma = a->ndig + a->exp;		/* magnitude: digits before the point */
	mb = b->ndig + b->exp;
	if (ma != mb)
		r = ma < mb ? -1 : 1;
	else
	{
		for (int i = 0; i < AT_MAX(a->ndig, b->ndig) && r == 0; i++)
		{
			char		ca = i < a->ndig ? a->dig[i] : '0';
			char		cb = i < b->ndig ? b->dig[i] : '0';

			if (ca != cb)
				r = ca < cb ? -1 : 1;
		}
	}
	return sa < 0 ? -r : r;
}

bool
at_num_is_integer(const AtNum *n)
{
	return n->exp >= 0;
}

bool
at_num_to_i64(const AtNum *n, int64_t *out)
{
	int64_t		v = 0;

	if (n->exp < 0 || n->ndig + n->exp > 18)
		return false;
	for (int i = 0; i < n->ndig; i++)
		v = v * 10 + (n->dig[i] - '0');
	for (int i = 0; i < n->exp; i++)
		v *= 10;
	*out = n->neg ? -v : v;
	return true;
}

size_t
at_num_format(const AtNum *n, char *buf)
{
	char	   *p = buf;
	int			point;

	if (n->ndig == 0)
	{
		strcpy(buf, "0");
		return 1;
	}
	if (n->neg)
		*p++ = '-';
	point = n->ndig + n->exp;	/* digits before the decimal point */
	if (n->exp >= 0)
	{
		memcpy(p, n->dig, n->ndig);
		p += n->ndig;
		memset(p, '0', n->exp);
		p += n->exp;
	}
	else if (point <= 0)
	{
		*p++ = '0';
		*p++ = '.';
		memset(p, '0', -point);
		p += -point;
		memcpy(p, n->dig, n->ndig);
		p += n->ndig;
	}
	else
	{
		memcpy(p, n->dig, point);
		p += point;
		*p++ = '.';
		memcpy(p, n->dig + point, n->ndig - point);
		p += n->ndig - point;
	}
	*p = '\0';
	return (size_t) (p - buf);
}

/* ---- word tables -------------------------------------------------------- */

typedef enum WordType
{
	W_UNIT,						/* zero .. nine */
	W_TEEN,						/* ten .. nineteen */
	W_TENS,						/* twenty .. ninety */
	W_HUNDRED,
	W_SCALE,					/* thousand, million, ... (value = power of ten) */
	W_DOZEN
} WordType;

typedef struct NumberWord
{
	const char *word;
	WordType	type;
	int			value;
} NumberWord;

static const NumberWord number_words[] = {
	{"zero", W_UNIT, 0}, {"nought", W_UNIT, 0}, {"naught", W_UNIT, 0},
	{"one", W_UNIT, 1}, {"two", W_UNIT, 2}, {"three", W_UNIT, 3},
	{"four", W_UNIT, 4}, {"five", W_UNIT, 5}, {"six", W_UNIT, 6},
	{"seven", W_UNIT, 7}, {"eight", W_UNIT, 8}, {"nine", W_UNIT, 9},
	{"ten", W_TEEN, 10}, {"eleven", W_TEEN, 11}, {"twelve", W_TEEN, 12},
	{"thirteen", W_TEEN, 13}, {"fourteen", W_TEEN, 14}, {"fifteen", W_TEEN, 15},
	{"sixteen", W_TEEN, 16}, {"seventeen", W_TEEN, 17}, {"eighteen", W_TEEN, 18},
	{"nineteen", W_TEEN, 19},
	{"twenty", W_TENS, 20}, {"thirty", W_TENS, 30}, {"forty", W_TENS, 40},
	{"fifty", W_TENS, 50}, {"sixty", W_TENS, 60}, {"seventy", W_TENS, 70},
	{"eighty", W_TENS, 80}, {"ninety", W_TENS, 90},
	{"hundred", W_HUNDRED, 100},
	{"thousand", W_SCALE, 3}, {"million", W_SCALE, 6}, {"billion", W_SCALE, 9},
	{"trillion", W_SCALE, 12},
	/* "two thousands people", "three millions yuan": a plural scale after a numeral (a scale never opens a number) */
	{"thousands", W_SCALE, 3}, {"millions", W_SCALE, 6}, {"billions", W_SCALE, 9},
	{"trillions", W_SCALE, 12},
	{"dozen", W_DOZEN, 12}, {"dozens", W_DOZEN, 12},
	{"dzs", W_DOZEN, 12}, {"dozs", W_DOZEN, 12},
};

/* number_word() indexes the table with 64-bit sets */
typedef char number_words_fit_a_bit_set[AT_LENGTHOF(number_words) <= 64 ? 1 : -1];

/* Denominators of spelled fractions: "two thirds", "a half" */
typedef struct FractionWord
{
	const char *word;
	int			den;
} FractionWord;

static const FractionWord fraction_words[] = {
	{"half", 2}, {"halves", 2}, {"third", 3}, {"thirds", 3},
	{"quarter", 4}, {"quarters", 4}, {"fourth", 4}, {"fourths", 4},
	{"fifth", 5}, {"fifths", 5}, {"sixth", 6}, {"sixths", 6},
	{"seventh", 7}, {"sevenths", 7}, {"eighth", 8}, {"eighths", 8},
	{"ninth", 9}, {"ninths", 9}, {"tenth", 10}, {"tenths", 10},
	{"hundredth", 100}, {"hundredths", 100}, {"thousandth", 1000},
	{"thousandths", 1000},
};

/*
 * Denominators that are ordinals too ("a twenty-first century", "the one
 * hundredth anniversary"): read in the singular or with a plural "s".
 * Unit ordinals count only as the end of a compound ("twenty-first");
 * "second" is left out: "two fifty seconds" is a time.
 */
static const FractionWord unit_ordinals[] = {
	{"first", 1}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
	{"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9},
};

static const FractionWord ordinal_denominators[] = {
	{"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13}, {"fourteenth", 14},
	{"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18},
	{"nineteenth", 19}, {"twentieth", 20}, {"thirtieth", 30}, {"fortieth", 40},
	{"fiftieth", 50}, {"sixtieth", 60}, {"seventieth", 70}, {"eightieth", 80},
	{"ninetieth", 90},
};

/* "millionths": a denominator that is a power of ten (den is that power) */
static const FractionWord scale_ordinals[] = {
	{"millionth", 6}, {"billionth", 9}, {"trillionth", 12},
};

/* Scale words and abbreviations after a numeral */
typedef struct ScaleWord
{
	const char *word;			/* compared case-sensitively when exact_case */
	int			pow10;
	bool		exact_case;
	bool		attached_only;	/* only right after the digits: 10k, 1.2b */
	bool		money_only;		/* only in money context (5m = 5 million) */
	bool		spaced_ok;		/* may follow after a space */
	bool		grouped_only;	/* only after a grouped numeral: 1,674.5 G */
} ScaleWord;

/* at_scan_scale() flag of at_scan_number(): the numeral has thousands separators */
#define NUMF_GROUPED	0x100

static const ScaleWord scale_words[] = {
	{"hundred", 2, false, false, false, true, false},
	{"thousand", 3, false, false, false, true, false},
	{"million", 6, false, false, false, true, false},
	{"billion", 9, false, false, false, true, false},
	{"trillion", 12, false, false, false, true, false},
	/* "2 thousands people", as "3 dozens": the plural some writers use */
	{"thousands", 3, false, false, false, true, false},
	{"millions", 6, false, false, false, true, false},
	{"billions", 9, false, false, false, true, false},
	{"trillions", 12, false, false, false, true, false},
	{"lakh", 5, false, false, false, true, false},
	{"crore", 7, false, false, false, true, false},
	{"bn", 9, false, false, false, true, false},
	{"bln", 9, false, false, false, true, false},
	{"tln", 12, false, false, false, true, false},
	{"trn", 12, false, false, false, true, false},
	{"mln", 6, false, false, false, true, false},
	{"mn", 6, false, false, false, true, false},
	{"mil", 6, false, true, false, false, false},
	{"MM", 6, true, true, false, false, false},
	{"k", 3, false, false, false, true, false},
	{"K", 3, true, true, false, false, false},
	{"M", 6, true, false, false, true, false},
	/* giga: generation and port-speed names (5G, 5.5G, 400G) are never grouped */
	{"G", 9, true, false, false, true, true},
	{"b", 9, true, true, false, false, false},
	{"B", 9, true, true, true, false, false},
	{"m", 6, true, true, true, false, false},
};

/* ---- character helpers -------------------------------------------------- */

/*
 * Words longer than this are no word of the tables (the longest has 11
 * letters): word_len stops there, so a long letter run is not read whole
 * from every place a number is tried.
 */
#define WORD_WINDOW 32

/*
 * Length of an ASCII letter run at pos, at most WORD_WINDOW; eight bytes at
 * a time (utf8.h): a loop that ends at a different byte for every word
 * mispredicted its exit at most calls
 */
static size_t
word_len(const char *s, size_t len, size_t pos)
{
	size_t		stop = pos >= len ? pos : len - pos > WORD_WINDOW ? pos + WORD_WINDOW : len;
	size_t		n = at_ascii_run(s, stop, pos, false);

#ifdef AT_COUNT_STEPS
	at_scan_steps += n;			/* a step per letter, as the byte loop counted */
#endif
	return n;
}

static bool
word_is(const char *s, size_t wl, const char *w)
{
	size_t		i;

	/* no strlen: this runs for every word tried against the tables */
	for (i = 0; i < wl; i++)
		if (w[i] == '\0' || (s[i] | 0x20) != w[i])
			return false;
	return w[i] == '\0';
}

/*
 * Spaces between the words of a number: ASCII blanks and no-break spaces,
 * at most AT_SCAN_WINDOW bytes of them (more do not join two words into one
 * number)
 */
static size_t
skip_blanks(const char *s, size_t len, size_t pos)
{
	size_t		stop = len - pos > AT_SCAN_WINDOW ? pos + AT_SCAN_WINDOW : len;

	while (pos < stop)
	{
		AT_SCAN_STEP();
		if (s[pos] == ' ' || s[pos] == '\t')
			pos++;
		else if (pos + 1 < len && (unsigned char) s[pos] == 0xC2 && (unsigned char) s[pos + 1] == 0xA0)
			pos += 2;
		else
			break;
	}
	return pos;
}

/* A digit-group separator other than the comma: thin, narrow, figure, no-break space */
static size_t
space_sep_at(const char *s, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *) s + pos;

	AT_SCAN_STEP();
	if (pos >= len)
		return 0;
	if (u[0] == ' ')
		return 1;
	if (pos + 1 < len && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (pos + 2 < len && u[0] == 0xE2 && u[1] == 0x80 &&
		(u[2] == 0xAF || u[2] == 0x89 || u[2] == 0x87))
		return 3;
	return 0;
}

/* Exactly n digits at pos, not followed by another digit */
static bool
exact_digits(const char *s, size_t len, size_t pos, int n)
{
	for (int i = 0; i < n; i++)
		if (!at_digit_at(s, len, pos + i))
			return false;
	return !at_digit_at(s, len, pos + n);
}

/* Vulgar fraction characters */
typedef struct VulgarFraction
{
	uint32_t	cp;
	int			num,
				den;
} VulgarFraction;

static const VulgarFraction vulgar_fractions[] = {
	{0x00BD, 1, 2}, {0x00BC, 1, 4}, {0x00BE, 3, 4}, {0x2153, 1, 3},
	{0x2154, 2, 3}, {0x2155, 1, 5}, {0x2156, 2, 5}, {0x2157, 3, 5},
	{0x2158, 4, 5}, {0x2159, 1, 6}, {0x215A, 5, 6}, {0x215B, 1, 8},
	{0x215C, 3, 8}, {0x215D, 5, 8}, {0x215E, 7, 8}, {0x2150, 1, 7},
	{0x2151, 1, 9}, {0x2152, 1, 10},
};

static int
vulgar_at(const char *s, size_t len, size_t pos, AtNum *val)
{
	uint32_t	cp;
	int			n;

	if (pos >= len || (unsigned char) s[pos] < 0xC2)
		return 0;
	n = at_utf8_decode(s + pos, len - pos, &cp);
	for (size_t i = 0; i < AT_LENGTHOF(vulgar_fractions); i++)
	{
		if (vulgar_fractions[i].cp == cp)
		{
			at_num_from_u64(val, (uint64_t) vulgar_fractions[i].num);
			at_num_div_u32(val, (uint32_t) vulgar_fractions[i].den);
			return n;
		}
	}
	return 0;
}

/* ---- digit numerals ----------------------------------------------------- */

/*
 * Steps over a malformed run of digits and separators.  This reads the
 * whole run, so it runs only for a caller that asked for *skip and steps
 * over the run (see AT_SCAN_WINDOW).
 */
static size_t
malformed_run(const char *s, size_t len, size_t pos)
{
	size_t		p = pos;

	while (p < len && (at_digit_at(s, len, p) ||
					   ((s[p] == '.' || s[p] == ',') && at_digit_at(s, len, p + 1))))
	{
		p++;
		if ((p & 0xFFF) == 0)
			AT_CHECK_INTERRUPTS();
	}
	return p - pos;
}

/* Sets *skip to the malformed run at pos when the caller wants it; returns 0 */
static size_t
malformed(const char *s, size_t len, size_t pos, size_t *skip)
{
	if (skip)
		*skip = malformed_run(s, len, pos);
	return 0;
}

#define MAX_RAW_DIGITS 400		/* longer digit runs are not figures */

/*
 * Digits of a grouped integer part: a value has at most AT_NUM_MAXINT, and
 * only a first group of zeros adds to them, so more groups are never read
 */
#define MAX_GROUPED_DIGITS (AT_NUM_MAXINT + 3)

/* The digits of a digit numeral, without separators */
typedef struct NumeralDigits
{
	char		ip[MAX_RAW_DIGITS + 1];	/* integer part */
	char		fp[MAX_RAW_DIGITS + 1];	/* decimals */
	size_t		ni,
				nf,
				run;			/* digits before the first separator */
	bool		grouped,
				decimal;
} NumeralDigits;

/* Digits at pos, reading at most max + 1 of them */
static size_t
digit_run(const char *s, size_t len, size_t pos, size_t max)
{
	size_t		p = pos;

	while (p - pos <= max && at_digit_at(s, len, p))
		p++;
	return p - pos;
}

/* Comma groups after the first group: 1,234,567 and 12,34,567 (Indian) */
static size_t
comma_groups(const char *s, size_t len, size_t p, NumeralDigits *d, bool *bad)
{
	if (exact_digits(s, len, p + 1, 3))
	{
		while (p < len && s[p] == ',' && exact_digits(s, len, p + 1, 3))
		{
			if (d->ni + 3 > MAX_GROUPED_DIGITS)
			{
				*bad = true;
				return p;
			}
			memcpy(d->ip + d->ni, s + p + 1, 3);
			d->ni += 3;
			p += 4;
		}
		d->grouped = true;
	}
	else if (d->run <= 2 && exact_digits(s, len, p + 1, 2))
	{
		/* Indian grouping: 12,34,567, with at most 10 pairs */
		size_t		q = p;
		size_t		n2 = 0;

		while (n2 <= 10 && q < len && s[q] == ',' && exact_digits(s, len, q + 1, 2))
		{
			q += 3;
			n2++;
		}
		if (n2 <= 10 && q < len && s[q] == ',' && exact_digits(s, len, q + 1, 3))
		{
			for (size_t r = p; r < q + 4; r++)
				if (at_digit_at(s, len, r))
					d->ip[d->ni++] = s[r];
			p = q + 4;
			d->grouped = true;
		}
	}
	return p;
}

/* Groups after a thin, narrow, figure or no-break space: 1 234 567 */
static size_t
space_groups(const char *s, size_t len, size_t p, NumeralDigits *d, bool *bad)
{
	size_t		w = space_sep_at(s, len, p),
				w0 = w;

	if (!w || !exact_digits(s, len, p + w, 3))
		return p;
	while (p < len && (w = space_sep_at(s, len, p)) == w0 && exact_digits(s, len, p + w, 3))
	{
		if (d->ni + 3 > MAX_GROUPED_DIGITS)
		{
			*bad = true;
			return p;
		}
		memcpy(d->ip + d->ni, s + p + w, 3);
		d->ni += 3;
		p += w + 3;
	}
	d->grouped = true;
	return p;
}

/*
 * The digits of a numeral at pos: integer part, groups (after a space too
 * when spaced), decimals.  Returns the end; sets *bad when the text is
 * digits but no figure (too many digits, 99.02.7, 192.168.1.2).
 */
static size_t
numeral_digits(const char *s, size_t len, size_t pos, bool spaced, NumeralDigits *d,
			   bool *bad)
{
	size_t		p;

	*bad = false;
	d->ni = d->nf = 0;
	d->grouped = d->decimal = false;
	d->run = digit_run(s, len, pos, MAX_RAW_DIGITS);
	if (d->run > MAX_RAW_DIGITS)
	{
		*bad = true;
		return pos;
	}
	memcpy(d->ip, s + pos, d->run);
	d->ni = d->run;
	p = pos + d->run;
	/* thousands separators, only after a first group of 1..3 digits */
	if (d->run >= 1 && d->run <= 3 && p < len)
	{
		if (s[p] == ',')
			p = comma_groups(s, len, p, d, bad);
		else if (spaced)
			p = space_groups(s, len, p, d, bad);
		if (*bad)
			return p;
	}
	/* decimals */
	if (p < len && s[p] == '.' && at_digit_at(s, len, p + 1))
	{
		size_t		f0 = p + 1;

		d->nf = digit_run(s, len, f0, MAX_RAW_DIGITS);
		p = f0 + d->nf;
		if (d->nf > MAX_RAW_DIGITS ||
			(!d->grouped && p < len && s[p] == '.' && at_digit_at(s, len, p + 1)))
		{
			/* 99.02.7, 192.168.1.2: not a figure */
			*bad = true;
			return p;
		}
		memcpy(d->fp, s + f0, d->nf);
		d->decimal = true;
	}
	return p;
}

size_t
at_numeral_digits_end(const char *s, size_t len, size_t pos)
{
	NumeralDigits d;
	bool		bad;

	return numeral_digits(s, len, pos, false, &d, &bad);
}

static size_t
scan_numeral(const char *s, size_t len, size_t pos, AtNumber *out, size_t *skip)
{
	NumeralDigits d;
	size_t		p,
				run;
	bool		bad;
	AtNum		frac;

	memset(out, 0, sizeof(*out));
	/* vulgar fraction alone: ½ */
	run = vulgar_at(s, len, pos, &out->value);
	if (run)
	{
		out->fraction = true;
		out->len = out->numeral_len = run;
		return run;
	}
	p = numeral_digits(s, len, pos, true, &d, &bad);
	if (bad)
		return malformed(s, len, pos, skip);
	if (d.ni == 0 && d.nf == 0)
		return 0;
	if (!at_num_from_digits(&out->value, d.ip, d.ni, d.fp, d.nf))
		return malformed(s, len, pos, skip);
	out->grouped = d.grouped;
	out->decimal = d.decimal;
	run = d.run;
	out->int_digits = (int) d.ni;
	/* exponent: 1.3e6, 12.32e+14 */
	if (!out->grouped && p + 1 < len && (s[p] == 'e' || s[p] == 'E'))
	{
		size_t		q = p + 1;
		bool		eneg = false;
		int			e = 0,
					ne = 0;

		if (s[q] == '+' || s[q] == '-')
			eneg = s[q++] == '-';
		while (at_digit_at(s, len, q) && ne < 6)
		{
			e = e * 10 + (s[q++] - '0');
			ne++;
		}
		if (ne > 0 && !at_alnum_at(s, len, q))
		{
			if (ne > 3 || !at_num_mul_pow10(&out->value, eneg ? -e : e))
			{
				if (skip)
					*skip = q - pos;	/* 1e999: too large, not a figure */
				return 0;
			}
			p = q;
		}
	}
	/* fractions: 3/4, 2 1/4, 2½ */
	if (!out->grouped && !out->decimal && run <= 3)
	{
		size_t		q = p;
		size_t		w = space_sep_at(s, len, q);
		size_t		vl;

		if ((vl = vulgar_at(s, len, q, &frac)) != 0)
		{
			at_num_add(&out->value, &frac);
			out->fraction = true;
			p = q + vl;
		}
		else if (q < len && s[q] == '/' && at_digit_at(s, len, q + 1))
		{
			/* a/b with a < b: a proper fraction, not 24/7 or a date */
			size_t		r = q + 1;
			uint32_t	den = 0;
			int64_t		num;

			while (at_digit_at(s, len, r) && r - q <= 4)
				den = den * 10 + (uint32_t) (s[r++] - '0');
			if (!at_digit_at(s, len, r) && !(r < len && s[r] == '/') &&
				at_num_to_i64(&out->value, &num) && num > 0 && (uint64_t) num < den && den <= 1000)
			{
				at_num_div_u32(&out->value, den);
				out->fraction = true;
				p = r;
			}
		}
		else if ((w == 1 && at_digit_at(s, len, q + 1)) ||
				 (w == 1 && q + 1 < len && s[q + 1] == ' ' && at_digit_at(s, len, q + 2)))
		{
			/* mixed number: 10 1/2 */
			size_t		r = q + (s[q + 1] == ' ' ? 2 : 1);
			uint32_t	a = 0,
						b = 0;

			while (at_digit_at(s, len, r) && r - q <= 3)
				a = a * 10 + (uint32_t) (s[r++] - '0');
			if (r < len && s[r] == '/' && at_digit_at(s, len, r + 1))
			{
				r++;
				while (at_digit_at(s, len, r) && b < 1000)
					b = b * 10 + (uint32_t) (s[r++] - '0');
				if (!at_digit_at(s, len, r) && !(r < len && s[r] == '/') && a > 0 && a < b)
				{
					at_num_from_u64(&frac, a);
					at_num_div_u32(&frac, b);
					at_num_add(&out->value, &frac);
					out->fraction = true;
					p = r;
				}
			}
		}
	}
	out->len = out->numeral_len = p - pos;
	return p - pos;
}

/* ---- spelled-out numbers ------------------------------------------------ */

static const NumberWord *
number_word(const char *s, size_t len, size_t pos, size_t *wl)
{
	/*
	 * Entries by initial: a bit set per letter, built once (backend-lifetime
	 * data, read-only afterwards); this runs for most words of a text.
	 */
	static uint64_t by_initial_len[26][10];	/* entries of that initial and length */
	static bool built = false;
	int			c;
	uint64_t	set;

	if (!built)
	{
		for (size_t i = 0; i < AT_LENGTHOF(number_words); i++)
		{
			size_t		l = strlen(number_words[i].word);

			/* longer entries are never looked up (below) */
			if (l < 10)
				by_initial_len[number_words[i].word[0] - 'a'][l] |= UINT64_C(1) << i;
		}
		built = true;
	}
	*wl = word_len(s, len, pos);
	if (*wl < 3 || *wl > 9)
		return NULL;
	c = (s[pos] | 0x20) - 'a';
	if (c < 0 || c >= 26)
		return NULL;
	for (set = by_initial_len[c][*wl]; set; set &= set - 1)
	{
		int			i = __builtin_ctzll(set);

		if (word_is(s + pos, *wl, number_words[i].word))
			return &number_words[i];
	}
	return NULL;
}

int
at_number_word_at(const char *s, size_t len, size_t pos, size_t *wlen)
{
	const NumberWord *w = number_word(s, len, pos, wlen);

	if (w == NULL || w->type == W_SCALE || w->type == W_DOZEN)
		return -1;
	return w->value;
}

/* Bit k: an entry number_word() looks up starts with the three letters of index k */
static uint64_t number_prefixes[(26 * 26 * 26 + 63) / 64];
static bool number_prefixes_built = false;

static AT_NOINLINE bool
number_prefixes_build(const char *s, size_t len, size_t pos)
{
	for (size_t i = 0; i < AT_LENGTHOF(number_words); i++)
	{
		const char *w = number_words[i].word;
		size_t		l = strlen(w);
		unsigned	k = ((unsigned) (w[0] - 'a') * 26 + (unsigned) (w[1] - 'a')) * 26 + (unsigned) (w[2] - 'a');

		if (l >= 3 && l <= 9)
			number_prefixes[k / 64] |= UINT64_C(1) << (k % 64);
	}
	number_prefixes_built = true;
	return at_number_word_prefix(s, len, pos);
}

/*
 * Could a number word start at pos?  Its first three letters are those of
 * an entry: a bit per three-letter prefix, built once (out of line, so that
 * this test saves no registers).  Exact as a no: where it says false,
 * at_number_word_at() finds no word either.  Most words of a text end here
 * without being measured.
 */
bool
at_number_word_prefix(const char *s, size_t len, size_t pos)
{
	unsigned	a,
				b,
				c,
				k;

	if (!number_prefixes_built)
		return number_prefixes_build(s, len, pos);
	if (len < 3 || pos > len - 3)
		return false;
	a = (unsigned) ((s[pos] | 0x20) - 'a');
	b = (unsigned) ((s[pos + 1] | 0x20) - 'a');
	c = (unsigned) ((s[pos + 2] | 0x20) - 'a');
	if (a >= 26 || b >= 26 || c >= 26)
		return false;			/* not three ASCII letters */
	k = (a * 26 + b) * 26 + c;
	return (number_prefixes[k / 64] >> (k % 64)) & 1;
}

/* A denominator: divide by den and by 10^pow10 */
typedef struct Denominator
{
	uint32_t	den;
	int			pow10;
	bool		plural;
	bool		ordinal;		/* reads as an ordinal adjective too */
	size_t		len;
} Denominator;

/* The word at pos is w, or w with a plural "s" */
static bool
word_or_plural(const char *s, size_t wl, const char *w, bool *plural)
{
	if (word_is(s, wl, w))
	{
		*plural = false;
		return true;
	}
	if (wl > 1 && (s[wl - 1] | 0x20) == 's' && word_is(s, wl - 1, w))
	{
		*plural = true;
		return true;
	}
	return false;
}

static int
ordinal_in(const char *s, size_t wl, const FractionWord *tab, size_t n, bool *plural)
{
	for (size_t i = 0; i < n; i++)
		if (word_or_plural(s, wl, tab[i].word, plural))
			return tab[i].den;
	return 0;
}

static size_t next_word(const char *s, size_t len, size_t pos);

/*
 * The denominator at pos: "thirds", "a hundredth", "twenty-firsts",
 * "thirtieth", "trillionths".  Fills d and returns its length, or 0.
 */
static size_t
denominator_at(const char *s, size_t len, size_t pos, Denominator *d)
{
	size_t		wl,
				ul;
	const NumberWord *w = number_word(s, len, pos, &wl);
	int			v;
	char		last;

	memset(d, 0, sizeof(*d));
	if (w && w->type == W_TENS)
	{
		/* "twenty-first", "thirty fifths" */
		size_t		q = next_word(s, len, pos + wl);

		ul = word_len(s, len, q);
		if (q > pos + wl && (v = ordinal_in(s + q, ul, unit_ordinals, AT_LENGTHOF(unit_ordinals), &d->plural)) > 0)
		{
			d->den = (uint32_t) (w->value + v);
			d->ordinal = true;
			return d->len = q + ul - pos;
		}
		return 0;
	}
	wl = word_len(s, len, pos);
	if (wl < 4 || wl > 12)
		return 0;
	/* every denominator word ends in "h", "half", "halves", "third", "quarter" (+ "s") */
	last = s[pos + wl - 1] | 0x20;
	if (last == 's')
		last = s[pos + wl - 2] | 0x20;
	if (last != 'h' && last != 'f' && last != 'e' && last != 'd' && last != 'r')
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(fraction_words); i++)
		if (word_is(s + pos, wl, fraction_words[i].word))
		{
			d->den = (uint32_t) fraction_words[i].den;
			d->plural = (s[pos + wl - 1] | 0x20) == 's';
			d->ordinal = d->den > 10;	/* hundredth, thousandth */
			return d->len = wl;
		}
	if (last != 'h')
		return 0;
	if ((v = ordinal_in(s + pos, wl, ordinal_denominators, AT_LENGTHOF(ordinal_denominators), &d->plural)) > 0)
		d->den = (uint32_t) v;
	else if ((v = ordinal_in(s + pos, wl, scale_ordinals, AT_LENGTHOF(scale_ordinals), &d->plural)) > 0)
	{
		d->den = 1;
		d->pow10 = v;
	}
	else
		return 0;
	d->ordinal = true;
	return d->len = wl;
}

static size_t scan_spelled_integer(const char *s, size_t len, size_t pos, uint64_t *value,
								   WordType *last_out, int *scale_out, uint64_t *tail_out,
								   bool *tail_after_and, int *and_scale_out);

/*
 * A compound ordinal denominator at pos: a spelled hundred or thousand,
 * optionally "and", and an ordinal below a hundred: "one hundred fifth"
 * (105), "two thousand and thirtieth".  Fills d and returns its length, or 0.
 */
static size_t
compound_denominator_at(const char *s, size_t len, size_t pos, Denominator *d)
{
	uint64_t	v,
				tail;
	WordType	last;
	int			scale,
				and_scale;
	bool		after_and;
	size_t		n = scan_spelled_integer(s, len, pos, &v, &last, &scale, &tail, &after_and, &and_scale),
				q,
				wl,
				m;

	if (n == 0 || (last != W_HUNDRED && last != W_SCALE) || v >= 1000000000)
		return 0;
	q = skip_blanks(s, len, pos + n);
	wl = word_len(s, len, q);
	if (q > pos + n && word_is(s + q, wl, "and"))
		q = skip_blanks(s, len, q + wl);
	wl = word_len(s, len, q);
	/* no "half" or "quarter": "two hundred and a half", "three hundred quarters" */
	if (q == pos + n || q >= len || (s[q] | 0x20) == 'h' || (s[q] | 0x20) == 'q' ||
		(m = denominator_at(s, len, q, d)) == 0 || d->pow10 != 0 || d->den >= 100)
		return 0;
	d->den += (uint32_t) v;
	d->ordinal = true;
	return d->len = q + m - pos;
}

/*
 * Does a numerator of num take the denominator d ending at end?  A plural
 * takes any; a singular that is an ordinal too takes one only ("one
 * twenty-fifth"), and only with no word after it other than "of": "a
 * twenty-first century", "the one hundredth anniversary" are ranks.
 */
static bool
denominator_fits(const char *s, size_t len, const Denominator *d, uint64_t num, size_t end)
{
	size_t		q,
				wl;

	if (num == 0 || !d->ordinal || d->plural)
		return num > 0;
	if (num != 1)
		return false;
	q = skip_blanks(s, len, end);
	wl = word_len(s, len, q);
	return wl == 0 || word_is(s + q, wl, "of");
}

/* f = num / d; false when out of range */
static bool
divide_by(AtNum *f, uint64_t num, const Denominator *d)
{
	at_num_from_u64(f, num);
	return at_num_div_u32(f, d->den) && at_num_mul_pow10(f, -d->pow10);
}

/* Position of the next word after a separator of spelled numbers (blank or hyphen) */
static size_t
next_word(const char *s, size_t len, size_t pos)
{
	size_t		p = skip_blanks(s, len, pos);

	if (p < len && s[p] == '-')
		p = skip_blanks(s, len, p + 1);
	return p;
}

/* "a"/"an" at pos as a word */
static bool
article_at(const char *s, size_t len, size_t pos, size_t *wl)
{
	*wl = word_len(s, len, pos);
	return word_is(s + pos, *wl, "a") || word_is(s + pos, *wl, "an");
}

/*
 * The gates of scan_spelled() and scan_spelled_integer() for an article at
 * pos: a denominator after it ("a fifth") or a hundred, scale or dozen ("a
 * million", "a dozen").  Most articles have none: the metrics scan asks
 * this before trying a figure at each.
 */
bool
at_article_number_at(const char *s, size_t len, size_t pos)
{
	size_t		wl = word_len(s, len, pos),
				q = skip_blanks(s, len, pos + wl),
				nl;
	const NumberWord *w;
	Denominator dn;

	if (q > pos + wl && denominator_at(s, len, q, &dn) != 0)
		return true;
	w = number_word(s, len, next_word(s, len, pos + wl), &nl);
	return w != NULL && (w->type == W_HUNDRED || w->type == W_SCALE || w->type == W_DOZEN);
}

/*
 * The integer part of a spelled number: "twenty-one trillion and three
 * hundred", "a dozen".  Returns the bytes consumed (0 if none) and the value.
 */
static size_t
scan_spelled_integer(const char *s, size_t len, size_t pos, uint64_t *value,
					 WordType *last_out, int *scale_out, uint64_t *tail_out, bool *tail_after_and,
					 int *and_scale_out)
{
	uint64_t	total = 0,
				group = 0;
	int			last = -1;		/* WordType of the last word, -1 none, -2 "a", -3 "and" */
	int			last_scale = 100;
	size_t		p = pos,
				end = 0,
				wl;
	uint64_t	committed = 0;
	uint64_t	tail = 0,
				committed_tail = 0;
	bool		after_and = false,
				committed_after_and = false;
	int			committed_last = -1;
	int			and_scale = 0,
				committed_and_scale = 0,
				committed_scale = 0;

	if (article_at(s, len, p, &wl))
	{
		size_t		q = next_word(s, len, p + wl);
		const NumberWord *w = number_word(s, len, q, &wl);

		if (w == NULL || (w->type != W_HUNDRED && w->type != W_SCALE && w->type != W_DOZEN))
			return 0;
		group = 1;
		last = -2;
		p = q;
	}
	for (;;)
	{
		const NumberWord *w = number_word(s, len, p, &wl);
		bool		ok = false;

		if (w == NULL)
		{
			/* "and" between a hundred/scale and what follows */
			if ((last == W_HUNDRED || last == W_SCALE) && word_is(s + p, wl, "and"))
			{
				size_t		q = skip_blanks(s, len, p + wl);
				const NumberWord *n2 = number_word(s, len, q, &wl);

				if (q > p + 3 && n2 && (n2->type == W_UNIT || n2->type == W_TEEN || n2->type == W_TENS) &&
					n2->value != 0)
				{
					and_scale = last == W_SCALE ? last_scale : 0;
					last = -3;
					p = q;
					continue;
				}
			}
			break;
		}
		switch (w->type)
		{
			case W_UNIT:
				if (w->value == 0)
					ok = last == -1;
				else
					ok = last == -1 || last == W_TENS || last == W_HUNDRED || last == W_SCALE || last == -3;
				if (ok)
				{
					if (last != W_TENS)
					{
						after_and = last == -3;
						tail = 0;
					}
					group += (uint64_t) w->value;
					tail += (uint64_t) w->value;
				}
				break;
			case W_TEEN:
			case W_TENS:
				ok = last == -1 || last == W_HUNDRED || last == W_SCALE || last == -3;
				if (ok)
				{
					group += (uint64_t) w->value;
					tail = (uint64_t) w->value;
					after_and = last == -3;
				}
				break;
			case W_HUNDRED:
				ok = (last == W_UNIT || last == W_TEEN || last == -2 ||
					  (last == W_TENS)) && group > 0 && group < 100;
				if (ok)
				{
					group *= 100;
					tail = 0;
				}
				break;
			case W_SCALE:
				ok = (last == W_UNIT || last == W_TEEN || last == W_TENS ||
					  last == W_HUNDRED || last == -2) && group > 0 && w->value < last_scale;
				if (ok)
				{
					uint64_t	m = 1;

					for (int i = 0; i < w->value; i++)
						m *= 10;
					if (group > UINT64_MAX / m / 10)
						ok = false;
					else
					{
						total += group * m;
						group = 0;
						last_scale = w->value;
						tail = 0;
					}
				}
				break;
			case W_DOZEN:
				ok = (last == W_UNIT || last == W_TEEN || last == W_TENS || last == -2) && group > 0;
				if (ok)
				{
					if (last == -2)
						tail = 1;
					group = group - tail + tail * 12;
					tail = 0;
				}
				break;
		}
		if (!ok)
			break;
		/* zero and dozens end a number; so does a unit after a unit */
		last = (int) w->type;
		p += wl;
		end = p;
		committed = total + group;
		committed_last = last;
		committed_tail = tail;
		committed_after_and = after_and;
		committed_and_scale = and_scale;
		committed_scale = w->type == W_SCALE ? w->value : 0;
		if (w->type == W_DOZEN || (w->type == W_UNIT && w->value == 0))
			break;
		p = next_word(s, len, p);
	}
	if (end == 0)
		return 0;
	*value = committed;
	*last_out = (WordType) committed_last;
	*scale_out = committed_scale;
	*and_scale_out = committed_and_scale;
	*tail_out = committed_tail;
	*tail_after_and = committed_after_and;
	return end - pos;
}

/*
 * "and a half", "and three fifths", "and fifty-four hundredths", optionally
 * followed by a scale word ("and a half million"): the fraction times that
 * scale, else times 10^scale (the scale of the number before, so "two
 * million and a half" is 2500000).  Returns the end, or 0.
 */
static size_t
and_fraction(const char *s, size_t len, size_t pos, AtNum *f, int scale, bool take_scale)
{
	size_t		q = skip_blanks(s, len, pos),
				wl = word_len(s, len, q),
				r,
				al,
				t,
				m;
	uint64_t	num = 0;
	int			pw;
	Denominator d;

	if (q == pos || !word_is(s + q, wl, "and"))
		return 0;
	r = skip_blanks(s, len, q + wl);
	if (r == q + wl)
		return 0;
	if (article_at(s, len, r, &al))
		num = 1;
	else
	{
		WordType	lw;
		int			sc,
					asc;
		uint64_t	tl;
		bool		ta;

		al = scan_spelled_integer(s, len, r, &num, &lw, &sc, &tl, &ta, &asc);
		if (al == 0 || sc)
			return 0;
	}
	t = next_word(s, len, r + al);
	if (t == r + al || (wl = denominator_at(s, len, t, &d)) == 0 ||
		(d.pow10 == 0 && num >= d.den) || !denominator_fits(s, len, &d, num, t + wl) ||
		!divide_by(f, num, &d))
		return 0;
	t += wl;
	m = at_scan_scale(s, len, t, 0, &pw);
	if (take_scale && m && pw >= 3 && word_len(s, len, skip_blanks(s, len, t)) >= 5)
	{
		scale = pw;
		t += m;
	}
	if (!at_num_mul_pow10(f, scale))
		return 0;
	return t;
}

/* Digits spoken after "point": "zero three", "seventy-one" */
static size_t
scan_spoken_decimals(const char *s, size_t len, size_t pos, char *digits, size_t *nd)
{
	size_t		p = pos,
				end = 0,
				wl;
	const NumberWord *w;

	*nd = 0;
	w = number_word(s, len, p, &wl);
	if (w && (w->type == W_TEEN || w->type == W_TENS))
	{
		int			v = w->value;

		p += wl;
		end = p;
		if (w->type == W_TENS)
		{
			size_t		q = next_word(s, len, p);
			const NumberWord *u = number_word(s, len, q, &wl);

			if (u && u->type == W_UNIT && u->value > 0)
			{
				v += u->value;
				end = q + wl;
			}
		}
		digits[(*nd)++] = (char) ('0' + v / 10);
		digits[(*nd)++] = (char) ('0' + v % 10);
		return end - pos;
	}
	while (w && w->type == W_UNIT && *nd < 30)
	{
		digits[(*nd)++] = (char) ('0' + w->value);
		p += wl;
		end = p;
		p = next_word(s, len, p);
		w = number_word(s, len, p, &wl);
	}
	return end ? end - pos : 0;
}

/*
 * A spelled number with its fraction: "one and a half", "two thirds",
 * "a half", "two hundred point zero three", "half a dozen".
 */
/*
 * "two thirds of a million", "a third of a billion": a share of a scale is
 * that many; out holds the fraction read at pos.  Returns the new length.
 */
static size_t
fraction_of_scale(const char *s, size_t len, size_t pos, AtNumber *out)
{
	size_t		p = pos + out->len,
				q = skip_blanks(s, len, p),
				wl = word_len(s, len, q),
				al,
				m;
	int			pw;

	if (q == p || !word_is(s + q, wl, "of"))
		return out->len;
	q = skip_blanks(s, len, q + wl);
	if (!article_at(s, len, q, &al) || (m = at_scan_scale(s, len, q + al, 0, &pw)) == 0 || pw < 3 ||
		word_len(s, len, skip_blanks(s, len, q + al)) < 5 || !at_num_mul_pow10(&out->value, pw))
		return out->len;
	out->has_scale = true;
	out->len = out->numeral_len = q + al + m - pos;
	return out->len;
}

/*
 * "one hundred one thousand fifths": after a numerator that ends in
 * "hundred", a cardinal, a scale and a unit ordinal are one compound ordinal
 * denominator ("one thousand fifth", the 1005th), as "one hundred fifth" is
 * in "one one hundred fifth" and the tens word is in "one hundred
 * thirty-fifths".  end is where the integer read from pos ends; f gets the
 * fraction.  Returns the end of the denominator, or 0.
 */
static size_t
hundred_then_compound(const char *s, size_t len, size_t pos, size_t end, AtNum *f)
{
	for (size_t p = pos; p < end;)
	{
		size_t		wl = word_len(s, len, p),
					q,
					m;
		uint64_t	num,
					tl;
		WordType	lw;
		int			sc,
					asc;
		bool		ta;
		Denominator dn;

		if (wl == 0)
			return 0;
		q = next_word(s, len, p + wl);
		if (word_is(s + p, wl, "hundred") && q > p + wl && q < end &&
			(m = compound_denominator_at(s, len, q, &dn)) != 0 && dn.plural && q + m > end &&
			scan_spelled_integer(s, p + wl, pos, &num, &lw, &sc, &tl, &ta, &asc) == p + wl - pos &&
			divide_by(f, num, &dn))
			return q + m;
		p = q;
	}
	return 0;
}

/*
 * "twenty and three and three fifths": in a spoken mixed number "and" joins
 * a tens word and a unit as it joins a hundred and what follows ("one
 * hundred and thirty and two fifths").  Only with the fraction after it:
 * "twenty and three" alone is two numbers, a list or a range.  iv is the
 * integer read up to p (ending in a tens word); v gets the whole value.
 * Returns the end, or 0.
 */
static size_t
tens_and_unit_fraction(const char *s, size_t len, size_t p, uint64_t iv, AtNum *v)
{
	size_t		q = skip_blanks(s, len, p),
				wl = word_len(s, len, q),
				r,
				fe;
	const NumberWord *w;
	AtNum		f;

	if (q == p || !word_is(s + q, wl, "and"))
		return 0;
	r = skip_blanks(s, len, q + wl);
	if (r == q + wl || (w = number_word(s, len, r, &wl)) == NULL || w->type != W_UNIT || w->value == 0 ||
		(fe = and_fraction(s, len, r + wl, &f, 0, false)) == 0)
		return 0;
	at_num_from_u64(v, iv + (uint64_t) w->value);
	at_num_add(v, &f);
	return fe;
}

static size_t
scan_spelled(const char *s, size_t len, size_t pos, AtNumber *out)
{
	uint64_t	iv = 0,
				tail = 0;
	WordType	last = W_UNIT;
	bool		tail_after_and = false;
	int			end_scale = 0,
				and_scale = 0;
	size_t		n,
				p,
				wl,
				q,
				tw;
	int			den;
	Denominator dn;

	memset(out, 0, sizeof(*out));
	/* half a dozen */
	wl = word_len(s, len, pos);
	if (word_is(s + pos, wl, "half"))
	{
		size_t		a,
					al;

		a = skip_blanks(s, len, pos + wl);
		if (article_at(s, len, a, &al))
		{
			q = skip_blanks(s, len, a + al);
			wl = word_len(s, len, q);
			if (word_is(s + q, wl, "dozen"))
			{
				at_num_from_u64(&out->value, 6);
				out->spelled = true;
				out->len = out->numeral_len = q + wl - pos;
				return out->len;
			}
		}
	}
	wl = word_len(s, len, pos);
	if (word_is(s + pos, wl, "half") || word_is(s + pos, wl, "quarter"))
	{
		/* "half a million", "quarter million": the scale is read by the caller */
		size_t		a = skip_blanks(s, len, pos + wl),
					al,
					end = pos + wl;
		int			pw;

		if (article_at(s, len, a, &al) && a > end)
			end = a + al;
		if (at_scan_scale(s, len, end, 0, &pw) == 0 || pw < 3 || word_len(s, len, skip_blanks(s, len, end)) < 5)
			return 0;
		at_num_from_u64(&out->value, 1);
		at_num_div_u32(&out->value, s[pos] == 'h' || s[pos] == 'H' ? 2 : 4);
		out->spelled = out->fraction = true;
		out->len = out->numeral_len = end - pos;
		return out->len;
	}
	/* "a half", "a fifth": an article and a fraction word */
	if (article_at(s, len, pos, &wl))
	{
		q = skip_blanks(s, len, pos + wl);
		if (q > pos + wl && (n = denominator_at(s, len, q, &dn)) != 0 &&
			denominator_fits(s, len, &dn, 1, q + n) &&
			(dn.den != 4 || (at_scan_scale(s, len, q + n, 0, &(int) {0}) > 0 && word_len(s, len, skip_blanks(s, len, q + n)) >= 5)) &&
			divide_by(&out->value, 1, &dn))
		{
			out->spelled = out->fraction = true;
			out->len = out->numeral_len = q + n - pos;
			return fraction_of_scale(s, len, pos, out);
		}
	}
	n = scan_spelled_integer(s, len, pos, &iv, &last, &end_scale, &tail, &tail_after_and, &and_scale);
	if (n == 0)
		return 0;
	at_num_from_u64(&out->value, iv);
	out->spelled = true;
	p = pos + n;

	/*
	 * "two thirds", "three quarters": a numerator and a denominator; after
	 * "and" a single unit is the numerator alone ("one hundred and three
	 * quarters" is 100.75).
	 */
	q = next_word(s, len, p);
	tw = p;
	while (tw > pos && p - tw < 8 && at_is_ascii_alpha((unsigned char) s[tw - 1]))
		tw--;
	if (last == W_SCALE && (n = hundred_then_compound(s, len, pos, p, &out->value)) != 0)
	{
		out->fraction = true;
		p = n;
	}
	else if (last == W_TENS && !tail_after_and && iv > tail && tw < p &&
		(wl = denominator_at(s, len, tw, &dn)) > p - tw && dn.plural &&
		divide_by(&out->value, iv - tail, &dn))
	{
		/* "one hundred thirty-fifths": the tens word opens the denominator */
		out->fraction = true;
		p = tw + wl;
	}
	else if (q > p && iv > 0 &&
			 (wl = denominator_at(s, len, q, &dn)) != 0 &&
			 (last == W_UNIT || last == W_TEEN || last == W_TENS || dn.plural) &&
			 !(iv == 1 && dn.den == 2) && denominator_fits(s, len, &dn, iv, q + wl) &&
			 ((tail_after_and && dn.pow10 == 0 && tail < dn.den) || iv < 1000 || dn.plural))
	{
		den = (int) dn.den;
		if (tail_after_and && dn.pow10 == 0 && tail < (uint64_t) den)
		{
			/* "five billion and three quarters": of a billion */
			AtNum		f;
			int			pw;
			size_t		sl = at_scan_scale(s, len, q + wl, 0, &pw);

			at_num_from_u64(&out->value, iv - tail);
			at_num_from_u64(&f, tail);
			at_num_div_u32(&f, (uint32_t) den);

			/* "one billion and three quarters million": of a million */
			if (and_scale > 0 && sl && pw >= 3 && word_len(s, len, skip_blanks(s, len, q + wl)) >= 5)
			{
				and_scale = pw;
				wl += sl;
			}
			at_num_mul_pow10(&f, and_scale);
			at_num_add(&out->value, &f);
		}
		else if (!divide_by(&out->value, iv, &dn))
			return 0;
		out->fraction = true;
		p = q + wl;
	}
	else if (q > p && iv > 0 && (last == W_UNIT || last == W_TEEN || last == W_TENS) &&
			 (wl = compound_denominator_at(s, len, q, &dn)) != 0 &&
			 denominator_fits(s, len, &dn, iv, q + wl) && divide_by(&out->value, iv, &dn))
	{
		/* "one one hundred fifth": a numerator and a compound ordinal */
		out->fraction = true;
		p = q + wl;
	}
	else
	{
		/* "one and a half", "two million and three fifths" */
		AtNum		f;
		size_t		fe = and_fraction(s, len, p, &f, end_scale, end_scale > 0);

		q = skip_blanks(s, len, p);
		wl = word_len(s, len, q);
		if (fe)
		{
			at_num_add(&out->value, &f);
			out->fraction = true;
			p = fe;
		}
		else if (last == W_TENS && (fe = tens_and_unit_fraction(s, len, p, iv, &out->value)) != 0)
		{
			out->fraction = true;
			p = fe;
		}
		/* "two hundred point zero three" */
		else if (q > p && word_is(s + q, wl, "point"))
		{
			char		d[32];
			size_t		nd,
						r = skip_blanks(s, len, q + wl),
						m;

			if (r > q + wl && (m = scan_spoken_decimals(s, len, r, d, &nd)) > 0)
			{
				char		ib[24];
				int			ni = 0;
				uint64_t	t = iv;
				AtNum		v;

				do
				{
					ib[ni++] = (char) ('0' + t % 10);
					t /= 10;
				} while (t);
				for (int i = 0; i < ni / 2; i++)
				{
					char		c = ib[i];

					ib[i] = ib[ni - 1 - i];
					ib[ni - 1 - i] = c;
				}
				if (at_num_from_digits(&v, ib, (size_t) ni, d, nd))
				{
					out->value = v;
					out->decimal = true;
					p = r + m;
				}
			}
		}
	}
	out->len = out->numeral_len = p - pos;
	return out->fraction ? fraction_of_scale(s, len, pos, out) : out->len;
}

/* ---- scale words -------------------------------------------------------- */

size_t
at_scan_scale(const char *s, size_t len, size_t pos, int flags, int *pow10)
{
	size_t		p = pos;
	bool		attached = true;
	bool		hyphen = false;

	if (p < len && (s[p] == ' ' || (unsigned char) s[p] == 0xC2))
	{
		p = skip_blanks(s, len, p);
		attached = false;
	}
	else if (p < len && s[p] == '-' && at_alpha_at(s, len, p + 1))
	{
		p++;
		attached = false;
		hyphen = true;
	}
	if (!at_alpha_at(s, len, p))
		return 0;
	for (size_t i = 0; i < AT_LENGTHOF(scale_words); i++)
	{
		const ScaleWord *w = &scale_words[i];
		size_t		wl;
		size_t		e;
		bool		match;

		if ((w->word[0] | 0x20) != (s[p] | 0x20))
			continue;
		wl = strlen(w->word);
		e = p + wl;

		if (e > len)
			continue;
		if (w->exact_case)
			match = memcmp(s + p, w->word, wl) == 0;
		else
			match = word_is(s + p, wl, w->word);
		if (!match)
			continue;
		if (w->attached_only && !attached)
			continue;
		if (!attached && !w->spaced_ok)
			continue;
		if (hyphen && wl < 5)
			continue;			/* 10-billion-yuan, not 10-k */
		if (w->money_only && !(flags & AT_NUMF_MONEY))
			continue;
		if (w->grouped_only && !(flags & NUMF_GROUPED))
			continue;
		/* the word ends here: "million" but not "millions" or "miles" */
		if (at_alnum_at(s, len, e))
			continue;
		/* a spaced one-letter abbreviation must stand alone: "2.33 k", not "5 k-pop" */
		if (!attached && wl == 1 && e < len && (s[e] == '-' || s[e] == '.' || s[e] == '\''))
			continue;
		*pow10 = w->pow10;
		return e - pos;
	}
	return 0;
}

/* ---- numbers ------------------------------------------------------------ */

/* Round to sig significant digits, half up (results of divisions and powers) */
static void
num_round_sig(AtNum *n, int sig)
{
	uint8_t		d[AT_NUM_MAXDIG + 1];
	int			nd = n->ndig;
	bool		up;

	if (nd <= sig)
		return;
	for (int i = 0; i < sig; i++)
		d[i + 1] = (uint8_t) (n->dig[i] - '0');
	d[0] = 0;
	up = n->dig[sig] >= '5';
	for (int i = sig; up && i >= 1; i--)
	{
		if (d[i] == 9)
			d[i] = 0;
		else
		{
			d[i]++;
			up = false;
		}
	}
	if (up)
		d[0] = 1;
	(void) num_store(n, d, sig + 1, n->exp + (nd - sig), n->neg);
}

/* n *= b, exactly; false when the product needs more than AT_NUM_MAXDIG digits */
static bool
num_mul(AtNum *n, const AtNum *b)
{
	uint8_t		d[2 * AT_NUM_MAXDIG + 2];
	int			nd = n->ndig + b->ndig;

	if (n->ndig == 0 || b->ndig == 0)
	{
		at_num_zero(n);
		return true;
	}
	memset(d, 0, sizeof(d));
	for (int i = n->ndig - 1; i >= 0; i--)
	{
		int			carry = 0;

		for (int j = b->ndig - 1; j >= 0; j--)
		{
			int			t = d[i + j + 1] + (n->dig[i] - '0') * (b->dig[j] - '0') + carry;

			d[i + j + 1] = (uint8_t) (t % 10);
			carry = t / 10;
		}
		d[i] = (uint8_t) (d[i] + carry);
	}
	return num_store(n, d, nd, n->exp + b->exp, n->neg != b->neg);
}

/*
 * Powers after a numeral: 1.1^23, 2.5^-1, 1.3x10^6.  Returns the end (p
 * when there is none); *bad is set when the power cannot be computed.
 */
static size_t
power_suffix(const char *s, size_t len, size_t p, AtNum *v, bool *bad)
{
	size_t		q = p;
	bool		ten = false,
				eneg = false;
	int			k = 0,
				nk = 0;

	*bad = false;
	if (q + 3 < len && (s[q] == 'x' || s[q] == 'X') && s[q + 1] == '1' && s[q + 2] == '0' && s[q + 3] == '^')
	{
		ten = true;
		q += 4;
	}
	else if (q + 4 < len && (unsigned char) s[q] == 0xC3 && (unsigned char) s[q + 1] == 0x97 &&
			 s[q + 2] == '1' && s[q + 3] == '0' && s[q + 4] == '^')
	{
		ten = true;
		q += 5;
	}
	else if (q < len && s[q] == '^')
		q++;
	else
		return p;
	/* the exponent's sign; a doubled minus is a plus ("1.1^--23") */
	for (int i = 0; i < 2 && q < len && (s[q] == '+' || s[q] == '-'); i++)
		eneg ^= s[q++] == '-';
	while (at_digit_at(s, len, q) && nk < 4)
	{
		k = k * 10 + (s[q++] - '0');
		nk++;
	}
	if (nk == 0 || at_digit_at(s, len, q) || at_alnum_at(s, len, q))
		return p;
	if (ten)
	{
		if (!at_num_mul_pow10(v, eneg ? -k : k))
			*bad = true;
		return q;
	}
	if (k > 60)
	{
		*bad = true;
		return q;
	}
	{
		AtNum		base = *v,
					r;
		int64_t		dv;

		at_num_from_u64(&r, 1);
		for (int i = 0; i < k; i++)
			if (!num_mul(&r, &base))
			{
				*bad = true;
				return q;
			}
		if (eneg)
		{
			/* 1 / (D * 10^e) = (1 / D) * 10^-e, for a D that fits a divisor */
			int			e = r.exp;
			bool		neg = r.neg;

			r.exp = 0;
			r.neg = false;
			if (!at_num_to_i64(&r, &dv) || dv <= 0 || dv > (int64_t) UINT32_MAX)
			{
				*bad = true;
				return q;
			}
			at_num_from_u64(&r, 1);
			if (!at_num_div_u32(&r, (uint32_t) dv) || !at_num_mul_pow10(&r, -e))
			{
				*bad = true;
				return q;
			}
			r.neg = neg;
		}
		num_round_sig(&r, AT_NUM_FRAC_DIGITS);
		*v = r;
	}
	return q;
}

/*
 * Words of time or events after "one in five": "2 in 10 minutes", "scored
 * 3 in 4 games", "four in eight attempts" are rates, no shares
 */
static const char *const share_rate_words[] = {
	"appearances", "attempts", "day", "days", "decade", "decades", "fixtures", "games",
	"hour", "hours", "innings", "matches", "minute", "minutes", "month", "months", "outings",
	"races", "second", "seconds", "seasons", "starts", "tries", "week", "weeks", "year",
	"years",
};

/*
 * "one in five adults", "1 in 4", "nine in 10": N of every M, a share.  p is
 * after the numerator, r after "in".  M is a whole number above N, no year
 * ("1 in 2018") and no idiom ("one in a million"), with no word of time
 * or events after it.  Returns the end, else p.
 */
static size_t
share_in(const char *s, size_t len, size_t p, size_t r, int flags, AtNumber *out)
{
	AtNumber	whole;
	size_t		q = skip_blanks(s, len, r),
				n,
				e,
				wl;
	int64_t		num,
				dv;

	if (q == r || article_at(s, len, q, &wl) || !at_num_to_i64(&out->value, &num) || num < 1 || out->value.neg ||
		(n = at_scan_number(s, len, q, flags | AT_NUMF_NO_CONT | AT_NUMF_NO_SCALE, &whole, NULL)) == 0 ||
		whole.fraction || whole.decimal || !at_num_to_i64(&whole.value, &dv) || dv <= num ||
		dv > 1000000 || (!whole.spelled && !whole.grouped && whole.int_digits == 4) ||
		at_alnum_at(s, len, q + n))
		return p;
	e = skip_blanks(s, len, q + n);
	wl = word_len(s, len, e);
	if (at_word_in(s + e, wl, share_rate_words, AT_LENGTHOF(share_rate_words)))
		return p;
	if (!at_num_div_u32(&out->value, (uint32_t) dv))
		return p;
	out->fraction = out->share = true;
	return q + n;
}

/*
 * "two out of five hundreds": a spelled denominator may take its scale word
 * in the plural (non-standard, but the whole is the count out of which);
 * reading "five" and leaving "hundreds" is right for no text.  n is the
 * length of the number at pos; returns its new length.
 */
static size_t
plural_scale(const char *s, size_t len, size_t pos, size_t n, AtNum *v)
{
	size_t		q = skip_blanks(s, len, pos + n),
				wl = word_len(s, len, q);
	int			pw;

	if (q == pos + n || wl < 8 || (s[q + wl - 1] | 0x20) != 's' ||
		at_scan_scale(s, q + wl - 1, q, 0, &pw) != wl - 1 || !at_num_mul_pow10(v, pw))
		return n;
	return q + wl - pos;
}

/*
 * What may follow a complete number: "and a half" after a scale, the rest
 * of a digits-and-words number ("4 thousand 3 hundred and 21"), or a
 * denominator ("one over three", "two out of five hundred").
 */
static size_t
number_continuation(const char *s, size_t len, size_t p, int flags, int total_pow,
					AtNumber *out)
{
	AtNum		f;
	AtNumber	rest;
	size_t		fe,
				q,
				wl,
				rn;

	if (flags & AT_NUMF_NO_CONT)
		return p;
	if (out->has_scale && total_pow >= 3 && (fe = and_fraction(s, len, p, &f, total_pow, true)) > 0)
	{
		at_num_add(&out->value, &f);
		out->fraction = true;
		return fe;
	}
	q = skip_blanks(s, len, p);
	if (q == p)
		return p;
	wl = word_len(s, len, q);
	/* after a larger scale only the spoken form: "6 crore and two hundred" */
	if (!out->spelled && out->has_scale && total_pow >= 2 && at_num_is_integer(&out->value) &&
		(total_pow <= 3 || word_is(s + q, wl, "and")))
	{
		AtNum		lim;

		if (word_is(s + q, wl, "and"))
			q = skip_blanks(s, len, q + wl);
		rn = at_scan_number(s, len, q, flags, &rest, NULL);
		at_num_from_u64(&lim, 1);
		at_num_mul_pow10(&lim, total_pow);
		if (rn && rest.value.ndig > 0 && at_num_is_integer(&rest.value) && !rest.fraction &&
			!rest.decimal && at_num_cmp(&rest.value, &lim) < 0 && (total_pow <= 3 || rest.spelled))
		{
			rest.has_scale = false;
			at_num_add(&out->value, &rest.value);
			return q + rn;
		}
		return p;
	}
	if (word_is(s + q, wl, "in") && !(flags & AT_NUMF_MONEY) && !out->fraction && !out->has_scale && !out->decimal)
		return share_in(s, len, p, q + wl, flags, out);
	/* one over three, 2000 over 3 (at the end of a phrase), two out of five */
	if (at_num_is_integer(&out->value) && !out->fraction && !out->has_scale &&
		(word_is(s + q, wl, "over") || (out->spelled && word_is(s + q, wl, "out"))))
	{
		size_t		r = skip_blanks(s, len, q + wl);
		int64_t		dv;

		if (s[q] == 'o' && word_is(s + q, wl, "out"))
		{
			size_t		ol = word_len(s, len, r);

			if (r == q + wl || !word_is(s + r, ol, "of"))
				return p;
			r = skip_blanks(s, len, r + ol);
		}
		if (r == q + wl && !word_is(s + q, wl, "out"))
			return p;
		rn = at_scan_number(s, len, r, flags | AT_NUMF_NO_CONT, &rest, NULL);
		if (rn && rest.spelled && !rest.has_scale && !rest.fraction)
			rn = plural_scale(s, len, r, rn, &rest.value);
		if (rn == 0 || !at_num_to_i64(&rest.value, &dv) || dv <= 0 || dv > 1000000000 ||
			rest.fraction || rest.decimal)
			return p;
		if (word_is(s + q, wl, "out") && at_num_cmp(&out->value, &rest.value) >= 0)
			return p;		/* "five out of three": two numbers */
		if (word_is(s + q, wl, "over"))
		{
			size_t		e = skip_blanks(s, len, r + rn);

			if (e < len && (at_alpha_at(s, len, e) || at_digit_at(s, len, e)))
				return p;		/* "2 over 3 days" is no fraction */
		}
		if (!at_num_div_u32(&out->value, (uint32_t) dv))
			return p;
		out->fraction = true;
		out->share = s[q] == 'o' && word_is(s + q, wl, "out");
		return r + rn;
	}
	return p;
}


size_t
at_scan_number(const char *s, size_t len, size_t pos, int flags, AtNumber *out,
			   size_t *skip)
{
	size_t		n,
				p;
	int			pow,
				total_pow = 0;
	int			nscales = 0;

	/* *skip only when asked for: computing it may read a whole run */
	if (skip)
		*skip = 0;
	if (pos >= len)
		return 0;
	if (at_digit_at(s, len, pos) || (s[pos] == '.' && at_digit_at(s, len, pos + 1)) ||
		(unsigned char) s[pos] >= 0xC2)
		n = scan_numeral(s, len, pos, out, skip);
	else if (at_alpha_at(s, len, pos) && !(flags & AT_NUMF_NO_SPELLED))
		n = scan_spelled(s, len, pos, out);
	else
		return 0;
	if (n == 0)
		return 0;
	p = pos + n;
	if (!out->spelled)
	{
		bool		bad;
		size_t		q = power_suffix(s, len, p, &out->value, &bad);

		if (bad)
		{
			if (skip)
				*skip = q - pos;
			return 0;
		}
		if (q != p)
		{
			p = q;
			flags |= AT_NUMF_NO_SCALE;
		}
	}
	/* scale words: "2.5 million", "322 hundred", "three lakh crore", "10k" */
	while (!(flags & AT_NUMF_NO_SCALE) && nscales < 2)
	{
		size_t		m = at_scan_scale(s, len, p, flags | (out->grouped ? NUMF_GROUPED : 0), &pow);

		if (m == 0)
			break;
		/* spelled integers take their own scales ("two million"), fractions do not */
		if (nscales > 0 && pow >= total_pow && !(total_pow == 5 && pow == 7))
			break;
		if (!at_num_mul_pow10(&out->value, pow))
		{
			if (skip)
				*skip = p + m - pos;
			return 0;
		}
		total_pow += pow;
		nscales++;
		p += m;
		out->has_scale = true;
	}
	/* "3 dozens" */
	if (!out->spelled || out->fraction)
	{
		size_t		q = skip_blanks(s, len, p);
		size_t		wl = word_len(s, len, q);
		const NumberWord *w = (q > p) ? number_word(s, len, q, &wl) : NULL;

		if (w && w->type == W_DOZEN && !out->decimal && !out->has_scale &&
			at_num_mul_u32(&out->value, 12))
			p = q + wl;
	}
	/* "3 million and a half", "4 thousand 3 hundred and 21", "one over three" */
	if (!(flags & AT_NUMF_NO_SCALE))
		p = number_continuation(s, len, p, flags, total_pow, out);
	if (out->fraction)
		num_round_sig(&out->value, AT_NUM_FRAC_DIGITS);
	out->len = p - pos;
	return out->len;
}

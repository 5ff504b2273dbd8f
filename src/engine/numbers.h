/*
 * numbers.h: numerals of English news text as exact decimals.
 *
 *   42,500   1 234 567 (thin or narrow no-break space too)   12,34,567.89
 *   .08   4.800   ½   2 1/4   1.3e6   1.2 trillion   10k   $5m   2.5bn   10 bln
 *   two   twenty-five   one hundred and six   a dozen   three dozens
 *   two thirds   one and a half   five and a half million   two hundred point zero three
 *
 * Values are kept as decimal digit strings with a power-of-ten exponent, so
 * "1.2 trillion" is exactly 1200000000000 and no double is ever involved.
 * A value needs at most AT_NUM_MAXDIG significant digits and a magnitude
 * below 10^AT_NUM_MAXINT; anything beyond (a 2000-digit number, 1e999) is
 * rejected cleanly: the scanners report it as "not a number" and skip it.
 * Only inexact results are those of fractions (2/3), rounded to
 * AT_NUM_FRAC_DIGITS significant digits.
 */
#ifndef AT_NUMBERS_H
#define AT_NUMBERS_H

#include "common.h"
#include "utf8.h"

#define AT_NUM_MAXDIG		38	/* significant digits */
#define AT_NUM_MAXINT		60	/* digits before the decimal point */
#define AT_NUM_MINEXP		(-40)	/* smallest power of ten of the last digit */
#define AT_NUM_FRAC_DIGITS	15	/* significant digits kept by a division */
#define AT_NUM_STRLEN		(AT_NUM_MAXINT + 48)	/* at_num_format buffer size */

/* value = (-1)^neg * dig[0..ndig) * 10^exp; zero has ndig 0 */
typedef struct AtNum
{
	bool		neg;
	uint8_t		ndig;
	int16_t		exp;
	char		dig[AT_NUM_MAXDIG];	/* ASCII digits, no leading or trailing zero */
} AtNum;

extern void at_num_zero(AtNum *n);
extern void at_num_from_u64(AtNum *n, uint64_t v);

/*
 * From digit strings (ASCII digits only): integer part and fraction part.
 * False when the value does not fit the limits above.
 */
extern bool at_num_from_digits(AtNum *n, const char *intpart, size_t nint,
							   const char *frac, size_t nfrac);

/* In-place arithmetic; false (n unspecified) when the result does not fit */
extern bool at_num_mul_pow10(AtNum *n, int k);
extern bool at_num_mul_u32(AtNum *n, uint32_t m);
extern bool at_num_div_u32(AtNum *n, uint32_t d);	/* rounds to AT_NUM_FRAC_DIGITS if inexact */
extern bool at_num_add(AtNum *n, const AtNum *b);	/* both non-negative */

extern int	at_num_cmp(const AtNum *a, const AtNum *b);
extern bool at_num_is_integer(const AtNum *n);
/* The value as an int64 when it is an integer of at most 18 digits */
extern bool at_num_to_i64(const AtNum *n, int64_t *out);

/* Plain decimal ("1200000000000", "-0.08"); buf holds AT_NUM_STRLEN; returns length */
extern size_t at_num_format(const AtNum *n, char *buf);

/*
 * Bounded re-reading.  The scanners are called at every place a number may
 * start, so one long run (a pasted table "1,1,1,...", a 64 KB digit run) is
 * looked at from many starts.  Rule: a scanner that fails reads at most a
 * bounded window (AT_SCAN_WINDOW bytes, plus the blanks between the words of
 * a number) from its start.  It stops reading as soon as no match is
 * possible any more; reading a whole run is only allowed where the caller
 * then steps over that run (the *skip of at_scan_number, computed only when
 * asked for).  Then every byte is read a bounded number of times, and the
 * callers stay linear in the input.  test_robust.c counts the steps.
 */
#define AT_SCAN_WINDOW		1024

/*
 * Step counter for the unit tests (compiled with -DAT_COUNT_STEPS): the
 * character tests below, the scanners' loops and the tokenizer's character
 * classes count one step per byte looked at, so a test can check that the
 * work grows linearly with the input.  Compiled out elsewhere.
 */
#ifdef AT_COUNT_STEPS
extern unsigned long long at_scan_steps;
#define AT_SCAN_STEP()		(at_scan_steps++)
#else
#define AT_SCAN_STEP()		((void) 0)
#endif

/* Character tests shared by the numeral and metric scanners (bounds-checked) */
static inline bool
at_digit_at(const char *s, size_t len, size_t pos)
{
	AT_SCAN_STEP();
	return pos < len && s[pos] >= '0' && s[pos] <= '9';
}

static inline bool
at_alpha_at(const char *s, size_t len, size_t pos)
{
	AT_SCAN_STEP();
	return pos < len && at_is_ascii_alpha((unsigned char) s[pos]);
}

/* at_alnum_at (a letter of any script or a digit at pos) is in utf8.h */

/* ---- scanners ----------------------------------------------------------- */

/* Flags for at_scan_number */
#define AT_NUMF_MONEY		0x01	/* money context: "5m" is 5 million, not 5 metres */
#define AT_NUMF_NO_SPELLED	0x02	/* digits only */
#define AT_NUMF_NO_SCALE	0x04	/* no scale word after the numeral */
#define AT_NUMF_NO_CONT		0x08	/* no continuation: "and a half", "over three" */

typedef struct AtNumber
{
	AtNum		value;			/* scaled */
	size_t		len;			/* bytes consumed from pos */
	bool		spelled;		/* written in words (at least partly) */
	bool		has_scale;		/* a scale word or abbreviation was applied */
	bool		grouped;		/* digits with thousands separators */
	bool		decimal;		/* has a fractional part */
	bool		fraction;		/* ½, 3/4, two thirds */
	bool		share;			/* "one in five", "two out of three": N of every M */
	size_t		numeral_len;	/* bytes of the numeral before any scale word */
	int			int_digits;		/* digits of a plain digit numeral's integer part */
} AtNumber;

/*
 * A number starting exactly at pos: a digit numeral (with separators,
 * decimals, exponent, fraction), or spelled-out words, each optionally
 * followed by scale words ("2.5 million", "two hundred thousand", "10k").
 * Returns bytes consumed, or 0.  When the text at pos looks like a number but
 * is malformed or too large (99.02.7, a 2000-digit run, 1e999), returns 0 and
 * sets *skip (if not NULL) to the bytes the caller should step over, so that
 * no piece of it is read as a number either.  Pass NULL unless the caller
 * does step over *skip: finding it reads the whole malformed run.
 */
extern size_t at_scan_number(const char *s, size_t len, size_t pos, int flags,
							 AtNumber *out, size_t *skip);

/*
 * End of the digits of a digit numeral at pos as at_scan_number reads them:
 * the integer part, comma groups (1,234,567 and 12,34,567) and decimals,
 * but no group after a space, fraction, exponent or scale.  pos when there
 * are none.  Reads a bounded window (see AT_SCAN_WINDOW), unlike a plain
 * loop over digits, commas and points, which reads all of "1,1,1,..." from
 * every start.  The value is not checked: the result is an upper bound of
 * what a successful scan reads there.
 */
extern size_t at_numeral_digits_end(const char *s, size_t len, size_t pos);

/*
 * A scale word or abbreviation at pos (after optional spaces when it is a
 * word): thousand, million, billion, trillion, bn, mn, mln, bln, tln, lakh,
 * crore, k, M, MM, b (attached), m (attached, money context only).  Returns
 * bytes consumed and the power of ten in *pow10, or 0.
 */
extern size_t at_scan_scale(const char *s, size_t len, size_t pos, int flags,
							int *pow10);

/* Lower-case spelled number word at pos ("twenty"): its value, or -1 (*wlen set) */
extern int	at_number_word_at(const char *s, size_t len, size_t pos, size_t *wlen);

/* Could a number word start at pos?  (false: at_number_word_at() finds none) */
extern bool at_number_word_prefix(const char *s, size_t len, size_t pos);

/* Could a number start at the article "a"/"an" at pos?  (false: at_scan_number() reads none) */
extern bool at_article_number_at(const char *s, size_t len, size_t pos);

#endif							/* AT_NUMBERS_H */

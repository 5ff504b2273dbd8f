/*
 * ftsnorm.c: money, percentages and dates for full-text search (see
 * ftsnorm.h).
 *
 * Amounts are kept as decimal digit strings, never as floating point, so
 * "3,000 billion" and "3 trillion" give the very same lexeme.
 */
#include "ftsnorm.h"

#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "tokenizer.h"
#include "utf8.h"

typedef struct Currency
{
	const char *text;			/* as written */
	const char *code;			/* ISO 4217, lower case */
	bool		needs_scale;	/* ambiguous word: money only with a scale word */
} Currency;

/* Written before the amount; longest first where one is a prefix of another */
static const Currency cur_prefix[] = {
	{"US$", "usd", false}, {"US $", "usd", false}, {"HK$", "hkd", false}, {"S$", "sgd", false}, {"A$", "aud", false},
	{"C$", "cad", false}, {"NZ$", "nzd", false}, {"$", "usd", false}, {"\xe2\x82\xac", "eur", false},
	{"\xc2\xa3", "gbp", false}, {"RMB", "cny", false}, {"CNY", "cny", false}, {"USD", "usd", false},
	{"EUR", "eur", false}, {"GBP", "gbp", false}, {"JPY", "jpy", false}, {"HKD", "hkd", false},
};

/* Written after the amount (after one space) */
static const Currency cur_suffix[] = {
	{"yuan", "cny", false}, {"renminbi", "cny", false}, {"RMB", "cny", false}, {"CNY", "cny", false},
	{"Hong Kong dollars", "hkd", false}, {"U.S. dollars", "usd", false}, {"US dollars", "usd", false},
	{"dollars", "usd", false}, {"dollar", "usd", false}, {"USD", "usd", false},
	{"euros", "eur", false}, {"euro", "eur", false}, {"EUR", "eur", false},
	{"pounds", "gbp", true}, {"yen", "jpy", false}, {"won", "krw", true},
	{"rupees", "inr", false},
};

/* The word a query would use for each currency (spelled form) */
static const struct
{
	const char *code;
	const char *word;
}			cur_word[] = {
	{"cny", "yuan"}, {"usd", "dollar"}, {"eur", "euro"}, {"gbp", "pound"},
	{"jpy", "yen"}, {"hkd", "dollar"}, {"krw", "won"}, {"inr", "rupee"},
};

typedef struct Scale
{
	const char *text;
	int			exp;
	bool		attached;		/* only written right after the digits (5bn) */
} Scale;

static const Scale scales[] = {
	{"thousand", 3, false}, {"million", 6, false}, {"billion", 9, false}, {"trillion", 12, false},
	{"mln", 6, false}, {"bln", 9, false}, {"bn", 9, false}, {"tn", 12, false},
	{"k", 3, true}, {"m", 6, true},
};

static const char *const percent_words[] = {"percent", "per cent", "pct", "Percent"};

static inline bool
is_digit_at(const char *s, size_t len, size_t p)
{
	return p < len && s[p] >= '0' && s[p] <= '9';
}

static inline bool
is_alnum_at(const char *s, size_t len, size_t p)
{
	uint32_t	cp;

	if (p >= len)
		return false;
	if ((unsigned char) s[p] < 0x80)
		return at_is_ascii_alpha((unsigned char) s[p]) || is_digit_at(s, len, p);
	at_utf8_decode(s + p, len - p, &cp);
	return at_cp_is_alpha(cp);
}

/* Does the literal w occur at p and end at a word boundary? */
static size_t
word_at(const char *s, size_t len, size_t p, const char *w)
{
	size_t		n;

	if (p >= len || s[p] != w[0])
		return 0;
	n = strlen(w);
	if (p + n > len || memcmp(s + p, w, n) != 0)
		return 0;
	/* a word must not continue (symbols like $ may be followed by anything) */
	if (at_is_ascii_alpha((unsigned char) w[n - 1]) && is_alnum_at(s, len, p + n))
		return 0;
	return n;
}

/*
 * A number: 3, 3,000, 42.5, 1,234,567.89.  Appends its digits (without
 * separators) to digits, sets *fraclen; returns bytes consumed or 0.
 */
static size_t
number_at(const char *s, size_t len, size_t p, char *digits, size_t cap,
		  int *fraclen)
{
	size_t		q = p,
				nd = 0,
				run = 0;

	*fraclen = 0;
	if (!is_digit_at(s, len, q))
		return 0;
	while (is_digit_at(s, len, q))
	{
		if (nd + 1 < cap)
			digits[nd++] = s[q];
		q++;
		run++;
	}
	/* thousands groups, only after a run of 1-3 digits */
	if (run <= 3)
	{
		while (q + 3 < len + 0 && s[q] == ',' && is_digit_at(s, len, q + 1) &&
			   is_digit_at(s, len, q + 2) && is_digit_at(s, len, q + 3) &&
			   !is_digit_at(s, len, q + 4))
		{
			for (int i = 1; i <= 3; i++)
				if (nd + 1 < cap)
					digits[nd++] = s[q + i];
			q += 4;
		}
	}
	if (q + 1 < len && s[q] == '.' && is_digit_at(s, len, q + 1))
	{
		q++;
		while (is_digit_at(s, len, q))
		{
			if (nd + 1 < cap)
				digits[nd++] = s[q];
			(*fraclen)++;
			q++;
		}
	}
	digits[nd] = '\0';
	/* not part of a version, a longer number or a word */
	if (is_digit_at(s, len, q) ||
		(q + 1 < len && (s[q] == '.' || s[q] == ',') && is_digit_at(s, len, q + 1)))
		return 0;
	return q - p;
}

/*
 * Decimal string of digits * 10^exp (exp may be negative), without leading
 * zeros or trailing fractional zeros.
 */
static void
decimal_string(const char *digits, int exp, char *out, size_t cap)
{
	char		buf[96];
	size_t		n = strlen(digits),
				o = 0;
	long		intlen = (long) n + exp;	/* digits before the point */
	size_t		start,
				end;

	if (n + (exp > 0 ? (size_t) exp : 0) + 4 >= sizeof(buf))
	{
		snprintf(out, cap, "0");
		return;
	}
	if (intlen <= 0)
	{
		buf[o++] = '0';
		buf[o++] = '.';
		for (long i = 0; i < -intlen; i++)
			buf[o++] = '0';
		memcpy(buf + o, digits, n);
		o += n;
	}
	else
	{
		for (long i = 0; i < intlen; i++)
			buf[o++] = (size_t) i < n ? digits[i] : '0';
		if ((size_t) intlen < n)
		{
			buf[o++] = '.';
			memcpy(buf + o, digits + intlen, n - intlen);
			o += n - intlen;
		}
	}
	buf[o] = '\0';
	/* trim */
	start = 0;
	while (buf[start] == '0' && buf[start + 1] != '\0' && buf[start + 1] != '.')
		start++;
	end = o;
	if (strchr(buf, '.'))
	{
		while (end > 0 && buf[end - 1] == '0')
			end--;
		if (end > 0 && buf[end - 1] == '.')
			end--;
	}
	buf[end] = '\0';
	snprintf(out, cap, "%s", buf + start);
}

static const char *
currency_word(const char *code)
{
	for (size_t i = 0; i < AT_LENGTHOF(cur_word); i++)
		if (strcmp(cur_word[i].code, code) == 0)
			return cur_word[i].word;
	return code;
}

static void
add_spelled(AtFtsCanon *out, const char *w)
{
	if (out->nspelled < AT_FTS_MAX_SPELLED)
		snprintf(out->spelled[out->nspelled++], sizeof(out->spelled[0]), "%s", w);
}

/* Spelled form of an amount: mantissa and scale word */
static void
spell_amount(const char *digits, int exp, AtFtsCanon *out)
{
	char		amount[64];
	char		mant[64];
	size_t		intlen;
	static const struct
	{
		int			exp;
		const char *word;
	}			big[] = {{12, "trillion"}, {9, "billion"}, {6, "million"}};

	decimal_string(digits, exp, amount, sizeof(amount));
	intlen = strcspn(amount, ".");
	for (size_t i = 0; i < AT_LENGTHOF(big); i++)
	{
		if (intlen > (size_t) big[i].exp)
		{
			decimal_string(digits, exp - big[i].exp, mant, sizeof(mant));
			add_spelled(out, mant);
			add_spelled(out, big[i].word);
			return;
		}
	}
	add_spelled(out, amount);
}

/* Optional scale after the number: " billion" or attached "bn" */
static size_t
scale_at(const char *s, size_t len, size_t p, int *exp)
{
	*exp = 0;
	for (size_t i = 0; i < AT_LENGTHOF(scales); i++)
	{
		size_t		n;

		if (scales[i].attached)
			n = word_at(s, len, p, scales[i].text);
		else if (p < len && s[p] == ' ')
		{
			n = word_at(s, len, p + 1, scales[i].text);
			if (n)
				n++;
		}
		else
			n = word_at(s, len, p, scales[i].text);
		if (n)
		{
			*exp = scales[i].exp;
			return n;
		}
	}
	return 0;
}

static size_t
money_at(const char *s, size_t len, size_t p, AtFtsCanon *out)
{
	const Currency *cur = NULL;
	size_t		q = p,
				n;
	char		digits[48];
	int			fraclen,
				exp;

	for (size_t i = 0; i < AT_LENGTHOF(cur_prefix); i++)
	{
		const char *w = cur_prefix[i].text;
		size_t		wl = strlen(w);

		if (q + wl <= len && memcmp(s + q, w, wl) == 0)
		{
			cur = &cur_prefix[i];
			q += wl;
			/* codes need a space or a digit after them; symbols take an optional space */
			if (q < len && s[q] == ' ')
				q++;
			else if (at_is_ascii_alpha((unsigned char) w[wl - 1]) && !is_digit_at(s, len, q))
				cur = NULL;
			break;
		}
	}
	if (cur == NULL)
		q = p;
	n = number_at(s, len, q, digits, sizeof(digits), &fraclen);
	if (n == 0)
		return 0;
	q += n;
	q += scale_at(s, len, q, &exp);
	if (cur == NULL)
	{
		if (q >= len || s[q] != ' ')
			return 0;
		for (size_t i = 0; i < AT_LENGTHOF(cur_suffix); i++)
		{
			n = word_at(s, len, q + 1, cur_suffix[i].text);
			if (n && (!cur_suffix[i].needs_scale || exp > 0))
			{
				cur = &cur_suffix[i];
				q += 1 + n;
				break;
			}
		}
		if (cur == NULL)
			return 0;
	}
	out->type = AT_TOK_MONEY;
	{
		char		amount[64];

		decimal_string(digits, exp - fraclen, amount, sizeof(amount));
		snprintf(out->id, sizeof(out->id), "%s:%s", cur->code, amount);
	}
	out->nspelled = 0;
	spell_amount(digits, exp - fraclen, out);
	add_spelled(out, currency_word(cur->code));
	return q - p;
}

static size_t
percent_at(const char *s, size_t len, size_t p, AtFtsCanon *out)
{
	char		digits[48];
	char		num[64];
	int			fraclen;
	size_t		q = p,
				n = number_at(s, len, p, digits, sizeof(digits), &fraclen);

	if (n == 0)
		return 0;
	q += n;
	if (q < len && s[q] == '%')
		q++;
	else if (q + 3 <= len && memcmp(s + q, "\xef\xbc\x85", 3) == 0)	/* fullwidth % */
		q += 3;
	else
	{
		size_t		w = 0;

		if (q < len && s[q] == ' ')
		{
			for (size_t i = 0; i < AT_LENGTHOF(percent_words) && !w; i++)
				w = word_at(s, len, q + 1, percent_words[i]);
		}
		if (!w)
			return 0;
		q += 1 + w;
	}
	decimal_string(digits, -fraclen, num, sizeof(num));
	out->type = AT_TOK_PERCENT;
	snprintf(out->id, sizeof(out->id), "pct:%s", num);
	out->nspelled = 0;
	add_spelled(out, num);
	add_spelled(out, "percent");
	return q - p;
}

static size_t
date_at(const char *s, size_t len, size_t p, AtFtsCanon *out)
{
	AtDate		d;
	size_t		n = at_match_date(s, len, p, &d);

	if (n == 0 || !d.has_year || d.month < 1)
		return 0;
	out->type = AT_TOK_DATE;
	out->nspelled = 0;
	if (d.has_day)
		snprintf(out->id, sizeof(out->id), "%04d-%02d-%02d", d.year, d.month, d.day);
	else
		snprintf(out->id, sizeof(out->id), "%04d-%02d", d.year, d.month);
	return n;
}

bool
at_fts_may_start(const char *s, size_t len, size_t pos)
{
	unsigned char c;

	if (pos >= len)
		return false;
	c = (unsigned char) s[pos];
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '$' ||
		c == 0xE2 || c == 0xC2;
}

size_t
at_fts_match(const char *s, size_t len, size_t pos, AtFtsCanon *out)
{
	AtFtsCanon	c;
	size_t		best = 0,
				n,
				letters = 0;
	bool		digit;

	if (!at_fts_may_start(s, len, pos))
		return 0;
	digit = s[pos] >= '0' && s[pos] <= '9';
	if (!digit)
	{
		/* a word: a month or weekday name (3-9 letters) or a currency code (3) */
		while (pos + letters < len && at_is_ascii_alpha((unsigned char) s[pos + letters]))
			letters++;
		if (letters > 9)
			return 0;
	}
	memset(out, 0, sizeof(*out));
	/* longest match wins; dates first so a tie goes to the date */
	if ((digit || letters >= 3) && (n = date_at(s, len, pos, &c)) > best)
	{
		best = n;
		*out = c;
	}
	if (digit && (n = percent_at(s, len, pos, &c)) > best)
	{
		best = n;
		*out = c;
	}
	if ((digit || letters <= 3) && (n = money_at(s, len, pos, &c)) > best)
	{
		best = n;
		*out = c;
	}
	return best;
}

bool
at_fts_canon(const char *s, size_t len, AtFtsCanon *out)
{
	return len > 0 && at_fts_match(s, len, 0, out) == len;
}

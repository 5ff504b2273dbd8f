/*
 * ftsnorm.c: money, percentages and dates for full-text search (see
 * ftsnorm.h).
 *
 * The expressions and their canonical lexemes come from the metrics
 * engine's token API (metrics.h, which reads dates with dates.h); this file
 * adds the canonical wording and the types of the tokenizer.  Amounts are
 * decimal digit strings, never floating point, so "3,000 billion" and
 * "3 trillion" give the very same lexeme.
 */
#include "ftsnorm.h"

#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "metrics.h"
#include "toktypes.h"
#include "utf8.h"

/* The word a query would use for each currency (spelled form) */
static const struct
{
	const char *code;
	const char *word;
}			cur_word[] = {
	{"cny", "yuan"}, {"usd", "dollar"}, {"eur", "euro"}, {"gbp", "pound"},
	{"jpy", "yen"}, {"hkd", "dollar"}, {"krw", "won"}, {"inr", "rupee"},
	{"aud", "dollar"}, {"cad", "dollar"}, {"sgd", "dollar"}, {"nzd", "dollar"},
	{"twd", "dollar"}, {"rub", "rubl"}, {"chf", "franc"},
};

static const char *
currency_word(const char *code)
{
	for (size_t i = 0; i < AT_LENGTHOF(cur_word); i++)
		if (strcmp(cur_word[i].code, code) == 0)
			return cur_word[i].word;
	return NULL;
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

static void
add_spelled(AtFtsCanon *out, const char *w)
{
	if (out->nspelled < AT_FTS_MAX_SPELLED)
		snprintf(out->spelled[out->nspelled++], sizeof(out->spelled[0]), "%.63s", w);
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

/*
 * Digits of a decimal string without its point, and the power of ten that
 * gives the value back: "42.5" -> "425", -1.  False for anything else.
 */
static bool
split_decimal(const char *num, char *digits, size_t cap, int *exp)
{
	size_t		n = 0;
	bool		point = false;

	*exp = 0;
	for (const char *c = num; *c; c++)
	{
		if (*c == '.' && !point)
			point = true;
		else if (*c >= '0' && *c <= '9' && n + 1 < cap)
		{
			digits[n++] = *c;
			if (point)
				(*exp)--;
		}
		else
			return false;
	}
	digits[n] = '\0';
	return n > 0;
}

/*
 * Lower-case words that may start an amount (eleven percent), with their
 * lengths, in byte order (is_number_word bisects; at_fts_tables_sorted
 * checks).
 */
#define W(w) {w, sizeof(w) - 1}
static const struct
{
	const char *w;
	size_t		len;
}			number_words[] = {
	W("eight"), W("eighteen"), W("eighty"), W("eleven"), W("fifteen"),
	W("fifty"), W("five"), W("forty"), W("four"), W("fourteen"), W("half"),
	W("hundred"), W("nine"), W("nineteen"), W("ninety"), W("one"), W("seven"),
	W("seventeen"), W("seventy"), W("six"), W("sixteen"), W("sixty"), W("ten"),
	W("thirteen"), W("thirty"), W("three"), W("twelve"), W("twenty"), W("two"),
	W("zero"),
};
#undef W

/*
 * A spelled number in lower case at pos (eleven, hundred).  Called at most
 * word starts (the, that, said...): bisect rather than scan the list.
 */
static bool
is_number_word(const char *s, size_t len, size_t pos)
{
	size_t		n = 0,
				lo = 0,
				hi = AT_LENGTHOF(number_words);

	while (pos + n < len && s[pos + n] >= 'a' && s[pos + n] <= 'z' && n < 10)
		n++;
	if (n < 3 || n > 9)
		return false;
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		size_t		wl = number_words[mid].len;
		int			c = (unsigned char) s[pos] - (unsigned char) number_words[mid].w[0];

		/* most steps differ in the first letter: no call for them */
		if (c == 0)
			c = memcmp(s + pos, number_words[mid].w, n < wl ? n : wl);
		if (c == 0)
			c = (n > wl) - (n < wl);
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

bool
at_fts_tables_sorted(void)
{
	for (size_t i = 1; i < AT_LENGTHOF(number_words); i++)
	{
		size_t		a = number_words[i - 1].len,
					b = number_words[i].len;
		int			c = memcmp(number_words[i - 1].w, number_words[i].w, a < b ? a : b);

		if (c > 0 || (c == 0 && a >= b))
			return false;
	}
	return true;
}

/*
 * The first three letters of every month and weekday word of dates.c
 * (january/jan ... december/dec, monday/mon ... sunday/sun, sept, tues,
 * thur, thurs), all 3 to 9 letters long: at_month_at and at_weekday_at
 * compare the word with each of their 41 words, and most capitalised words
 * fail this test at once.  test_tokenizer.c checks every word still passes.
 */
static const char month_weekday_prefixes[][4] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static bool
may_be_month_or_weekday(const char *w, size_t n)
{
	char		a,
				b,
				c;

	if (n < 3 || n > 9)
		return false;
	a = w[0] | 0x20;
	b = w[1] | 0x20;
	c = w[2] | 0x20;
	for (size_t i = 0; i < AT_LENGTHOF(month_weekday_prefixes); i++)
		if (month_weekday_prefixes[i][0] == a && month_weekday_prefixes[i][1] == b &&
			month_weekday_prefixes[i][2] == c)
			return true;
	return false;
}

/*
 * A cheaper filter than the metrics engine's own, called at every token
 * start: digits, symbols, capitalised words no longer than a month name,
 * and number words.
 */
bool
at_fts_may_start(const char *s, size_t len, size_t pos)
{
	unsigned char c;
	size_t		n = 0;

	if (pos >= len)
		return false;
	c = (unsigned char) s[pos];
	if (c >= '0' && c <= '9')
		return true;
	if (c >= 'a' && c <= 'z')
		return is_number_word(s, len, pos) && at_metric_token_may_start(s, len, pos);
	if (c >= 'A' && c <= 'Z')
	{
		size_t		wlen;
		bool		caps = true;

		/* a currency code (RMB, USD), a prefix (US$, HK$), a month or weekday name */
		while (pos + n < len && at_is_ascii_alpha((unsigned char) s[pos + n]) && n < 10)
		{
			caps = caps && s[pos + n] <= 'Z';
			n++;
		}
		if (!((caps && n <= 3) || (pos + n < len && s[pos + n] == '$') ||
			  (may_be_month_or_weekday(s + pos, n) &&
			   (at_month_at(s, len, pos, &wlen) > 0 || at_weekday_at(s, len, pos, &wlen) > 0))))
			return false;
	}
	else if (c != '$' && c < 0x80)
		return false;
	return at_metric_token_may_start(s, len, pos);
}

size_t
at_fts_match(const char *s, size_t len, size_t pos, AtFtsCanon *out)
{
	AtMetricToken m;
	size_t		n;
	const char *value;
	char		digits[64];
	int			exp;

	if (!at_fts_may_start(s, len, pos))
		return 0;
	/* only at the start of a word or number */
	if (pos > 0 && pos <= len && (at_is_ascii_alpha((unsigned char) s[pos - 1]) ||
								  (s[pos - 1] >= '0' && s[pos - 1] <= '9')))
		return 0;
	/* after the filters: most calls end above, and *out is about 300 bytes */
	memset(out, 0, sizeof(*out));
	n = at_metric_token_at(s, len, pos, &m);
	if (n == 0 || m.lexeme_len == 0 || m.lexeme_len >= sizeof(out->id))
		return 0;
	memcpy(out->id, m.lexeme, m.lexeme_len);
	out->id[m.lexeme_len] = '\0';
	value = strchr(out->id, ':');
	value = value ? value + 1 : out->id;
	switch (m.kind)
	{
		case AT_MTOK_MONEY:
			out->type = AT_TOK_MONEY;
			if (split_decimal(value, digits, sizeof(digits), &exp))
			{
				char		code[8];
				const char *word;

				spell_amount(digits, exp, out);
				snprintf(code, sizeof(code), "%.*s", (int) (value - 1 - out->id), out->id);
				if ((word = currency_word(code)) != NULL)
					add_spelled(out, word);
			}
			break;
		case AT_MTOK_PERCENT:
		case AT_MTOK_PERCENTAGE_POINT:
			out->type = AT_TOK_PERCENT;
			add_spelled(out, value);
			if (m.kind == AT_MTOK_PERCENT)
				add_spelled(out, "percent");
			else
			{
				add_spelled(out, "percentage");
				add_spelled(out, "point");
			}
			break;
		case AT_MTOK_DATE:
			out->type = AT_TOK_DATE;
			break;
		default:
			return 0;
	}
	return n;
}

bool
at_fts_canon(const char *s, size_t len, AtFtsCanon *out)
{
	return len > 0 && at_fts_match(s, len, 0, out) == len;
}

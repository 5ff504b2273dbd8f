/*
 * metrics.h: every figure in a news article as a typed record (money,
 * percentages, counts, measures, years, dates, ordinals), and a token-level
 * entry point for the full-text search parser.
 *
 * Two entry points:
 *
 *   at_extract_metrics()   whole text -> AtMetric records (extract_metrics())
 *   at_metric_token_at()   one position -> money / percent / date token with
 *                          a canonical lexeme (the news-aware tokenizer)
 *
 * Values are exact decimals (numbers.h), never doubles.  Offsets are bytes.
 * Both entry points read UTF-8 (validated by the caller) and never read
 * outside s[0..len).
 */
#ifndef AT_METRICS_H
#define AT_METRICS_H

#include "common.h"
#include "dates.h"
#include "numbers.h"
#include "periods.h"

/* Order and names match the SQL enum article_tools.metric_kind */
typedef enum AtMetricKind
{
	AT_MK_MONEY = 0,
	AT_MK_PERCENT,
	AT_MK_PERCENTAGE_POINT,
	AT_MK_COUNT,
	AT_MK_QUANTITY,
	AT_MK_YEAR,
	AT_MK_DATE,
	AT_MK_ORDINAL,
	AT_MK_FRACTION				/* "half", "two-thirds": value 0.5, 0.666... */
} AtMetricKind;

extern const char *const at_metric_kind_names[];	/* "money", "percent", ... */

/*
 * Ordered to leave no padding, lengths 32-bit: 248 bytes.  A list of 100,000
 * figures is one array of them, grown by doubling: at 248 bytes its 131,072
 * entries stay under glibc's largest mmap threshold (32 MiB), so a second
 * call reuses the heap instead of mapping and zeroing fresh pages.
 */
typedef struct AtMetric
{
	size_t		start;			/* byte span of the surface text */
	size_t		len;
	AtMetricKind kind;
	int			sentence;		/* 1-based sentence number */
	int			equivalent_of;	/* 1-based index of the metric this one restates, 0 = none */
	char		currency[4];	/* ISO 4217, "" when none */
	/* counted noun phrase (points into the text) or canonical unit (static) */
	const char *unit;
	/* what a rate or price is per: "$183 per ton" -> "ton" (points into the text) */
	const char *per;
	/* what the figure measures and whose it is, as written (point into the text) */
	const char *measure;
	const char *holder;
	uint32_t	unit_len;
	uint32_t	per_len;
	uint32_t	measure_len;
	uint32_t	holder_len;
	const char *qualifier;		/* "more than", "about", ... or NULL (static) */
	const char *change;			/* "increase" / "decrease" or NULL (static) */
	const char *period;			/* "year-on-year", ... or NULL (static) */
	/* the time it refers to (periods.h); year 0 = open or unknown */
	AtPeriod	time;
	AtDate		date;			/* date and month-year fields (see dates.h) */
	AtNum		value;			/* fully scaled: 2 trillion -> 2000000000000 */
	AtNum		range_to;		/* upper end of a range */
	bool		has_value;
	bool		has_range;		/* range_to is set */
	bool		has_date;		/* date: year, month, day all known */
} AtMetric;

/*
 * All metrics of s[0..len), appended to out (initialised for AtMetric) in
 * text order; spans never overlap.  Linear in len; calls
 * AT_CHECK_INTERRUPTS() as it goes.
 */
extern void at_extract_metrics(const char *s, size_t len, AtVec *out);

/*
 * The same, with a reference date (the article's published date; NULL for
 * none) against which relative periods ("last year") and dates ("last
 * Friday", "May 3") are resolved.
 */
extern void at_extract_metrics_ref(const char *s, size_t len, const AtDay *ref, AtVec *out);

/* ---- token API for the full-text search parser ------------------------- */

typedef enum AtMetricTokenKind
{
	AT_MTOK_NONE = 0,
	AT_MTOK_MONEY,				/* lexeme "cny:3000000000000", "usd:42500000000" */
	AT_MTOK_PERCENT,			/* lexeme "pct:11", "pct:-2.5" */
	AT_MTOK_PERCENTAGE_POINT,	/* lexeme "pp:1.5" */
	AT_MTOK_DATE				/* lexeme "2018-10-08"; month and year only: "2018-10" */
} AtMetricTokenKind;

#define AT_MTOK_LEXEME_MAX 160	/* fits every lexeme with its NUL */

typedef struct AtMetricToken
{
	AtMetricTokenKind kind;
	size_t		len;			/* bytes of s the expression covers, from pos */
	size_t		lexeme_len;
	char		lexeme[AT_MTOK_LEXEME_MAX];	/* NUL-terminated, lower case ASCII */
} AtMetricToken;

/*
 * Recognise a money, percent, percentage-point or date expression starting
 * exactly at byte pos of s[0..len).  Returns its length in bytes (also in
 * out->len) and fills out, or returns 0 (out->kind = AT_MTOK_NONE).
 *
 * Equivalent surface forms give the same lexeme:
 *   "3 trillion yuan", "3,000 billion yuan", "RMB 3 trillion", "¥3 trillion"
 *   (yuan context), "3-trillion-yuan"                     -> cny:3000000000000
 *   "$42.5 billion", "US$42.5 billion", "42.5 billion U.S. dollars",
 *   "USD 42.5bn"                                          -> usd:42500000000
 *   "11 percent", "11 per cent", "11%", "eleven percent"  -> pct:11
 *   "Oct 8, 2018", "8 October 2018", "2018-10-08", "2018.10.08"
 *                                                          -> 2018-10-08
 * Money in an unknown currency ("50 cents" aside, which is usd) uses "xxx:".
 * For a range ("$5-6 billion", "10-15%") the lexeme is the lower end and the
 * length covers the whole range.
 *
 * Cheap to call: positions that cannot start an expression (see
 * at_metric_token_may_start) are rejected after a byte or two.  A caller
 * that wants a match only at token starts should also check that pos does
 * not follow a letter or digit; this function does not look behind pos
 * except to decide yen vs yuan for "¥" (a few hundred bytes around pos).
 */
extern size_t at_metric_token_at(const char *s, size_t len, size_t pos,
								 AtMetricToken *out);

/*
 * True when an expression may start at pos: an ASCII digit, a currency
 * symbol ($ € £ ¥ ₹ ₩ ...), an upper-case ASCII letter (RMB, US$, HK$, USD,
 * month names), or a lower-case spelled number (eleven percent).  A fast
 * pre-filter; at_metric_token_at() applies it itself.
 */
extern bool at_metric_token_may_start(const char *s, size_t len, size_t pos);

#endif							/* AT_METRICS_H */

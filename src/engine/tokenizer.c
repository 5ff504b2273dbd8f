/*
 * tokenizer.c: the news-aware text search tokenizer (see tokenizer.h).
 *
 * The first part reproduces the token boundaries and types of PostgreSQL's
 * default parser.  That parser is a table-driven state machine that pushes
 * a state before trying a longer reading (a host after "word.", a
 * hyphenated word after "word-") and pops back when the attempt fails.
 * Here each attempt is a small loop that returns the end of the token or
 * FAIL; the loops remember the last point they may fall back to instead of
 * keeping a stack, so nothing here recurses more than two levels deep and
 * a 10 MB token is scanned in linear time.
 *
 * The second part adds the news types on top: before the ordinary scan at
 * a token start it looks for a money amount, percentage, date or
 * multi-word name; when one is found the compound token is returned and
 * the ordinary tokens of its span follow.  Runs of CJK characters become
 * overlapping bigrams.
 */
#include "tokenizer.h"

#include <string.h>
#include <strings.h>

#include "ftsnorm.h"
#include "numbers.h"			/* AT_SCAN_STEP, the scanners' rule */
#include "utf8.h"

#define FAIL ((size_t) -1)

/* Internal flag: CJK characters are their own kind (news mode, and its sub-scans) */
#define AT_TOK_CJK_KIND 0x100

const AtTokType at_tok_types[AT_TOK_LAST + 1] = {
	{"", ""},
	{"asciiword", "Word, all ASCII"},
	{"word", "Word, all letters"},
	{"numword", "Word, letters and digits"},
	{"email", "Email address"},
	{"url", "URL"},
	{"host", "Host"},
	{"sfloat", "Scientific notation"},
	{"version", "Version number"},
	{"hword_numpart", "Hyphenated word part, letters and digits"},
	{"hword_part", "Hyphenated word part, all letters"},
	{"hword_asciipart", "Hyphenated word part, all ASCII"},
	{"blank", "Space symbols"},
	{"tag", "XML tag"},
	{"protocol", "Protocol head"},
	{"numhword", "Hyphenated word, letters and digits"},
	{"asciihword", "Hyphenated word, all ASCII"},
	{"hword", "Hyphenated word, all letters"},
	{"url_path", "URL path"},
	{"file", "File or path name"},
	{"float", "Decimal notation"},
	{"int", "Signed integer"},
	{"uint", "Unsigned integer"},
	{"entity", "XML entity"},
	{"money", "Amount of money with its currency, followed by its parts"},
	{"percent", "Percentage, followed by its parts"},
	{"date", "Calendar date, followed by its parts"},
	{"cjk", "Chinese, Japanese or Korean characters, as overlapping pairs"},
	{"name", "Multi-word proper name, followed by its words"},
};

bool
at_tok_is_compound(int type)
{
	switch (type)
	{
		case AT_TOK_URL:
		case AT_TOK_NUMHWORD:
		case AT_TOK_ASCIIHWORD:
		case AT_TOK_HWORD:
		case AT_TOK_MONEY:
		case AT_TOK_PERCENT:
		case AT_TOK_DATE:
		case AT_TOK_NAME:
			return true;
		default:
			return false;
	}
}

/* What at_tok_next returns next */
enum
{
	M_BASE,						/* an ordinary token */
	M_HYPHEN_PARTS,				/* the parts of a hyphenated word */
	M_URL_HOST,					/* the host of a URL just returned */
	M_URL_PATH,					/* then its path */
	M_CJK,						/* bigrams of a CJK run */
	M_LONG						/* pieces of an over-long token */
};

/* Character kinds */
enum
{
	K_EOF,
	K_LET,						/* ASCII letter */
	K_DIG,						/* ASCII digit */
	K_ALPHA,					/* other letter */
	K_SPEC,						/* zero-width mark that continues a word */
	K_CJK,						/* Han, kana, Hangul (news mode; letters otherwise) */
	K_OTHER
};

static unsigned char ascii_kind[128];

static void
init_ascii_kind(void)
{
	if (ascii_kind['a'] == K_LET)
		return;
	for (int c = 0; c < 128; c++)
		ascii_kind[c] = (c >= '0' && c <= '9') ? K_DIG :
			at_is_ascii_alpha((unsigned char) c) ? K_LET : K_OTHER;
}

/* Combining marks and zero-width characters (display width 0) */
static bool
cp_is_special(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
		(cp >= 0x0591 && cp <= 0x05C7) || (cp >= 0x0610 && cp <= 0x061A) ||
		(cp >= 0x064B && cp <= 0x065F) || (cp >= 0x200B && cp <= 0x200F) ||
		(cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
		(cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
		(cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF;
}

static int
kind_slow(const AtTokenizer *t, size_t p, int *n)
{
	uint32_t	cp;

	*n = at_utf8_decode(t->s + p, t->len - p, &cp);
	if ((t->flags & (AT_TOK_NEWS | AT_TOK_CJK_KIND)) && at_cp_is_cjk(cp))
		return K_CJK;
	if (at_cp_is_alpha(cp))
		return K_ALPHA;
	if (cp_is_special(cp))
		return K_SPEC;
	return K_OTHER;
}

static inline int
kind(const AtTokenizer *t, size_t p, int *n)
{
	unsigned char c;

	AT_SCAN_STEP();
	if (p >= t->len)
	{
		*n = 0;
		return K_EOF;
	}
	c = (unsigned char) t->s[p];
	if (c < 0x80)
	{
		*n = 1;
		return ascii_kind[c];
	}
	return kind_slow(t, p, n);
}

static inline int
kind1(const AtTokenizer *t, size_t p)
{
	int			n;

	return kind(t, p, &n);
}

/* Byte tests; each counts a step in the unit tests (AT_SCAN_STEP) */
#define CH(t, p)		(AT_SCAN_STEP(), (p) < (t)->len ? (unsigned char) (t)->s[p] : 0)
#define IS_EOF(t, p)	((p) >= (t)->len)
#define IS_LET(t, p)	(AT_SCAN_STEP(), (p) < (t)->len && at_is_ascii_alpha((unsigned char) (t)->s[p]))
#define IS_DIG(t, p)	(AT_SCAN_STEP(), (p) < (t)->len && (t)->s[p] >= '0' && (t)->s[p] <= '9')
#define IS_ALPHA_K(k)	((k) == K_LET || (k) == K_ALPHA)
#define IS_ALNUM_K(k)	((k) == K_LET || (k) == K_ALPHA || (k) == K_DIG)

static inline void
tick(AtTokenizer *t)
{
	if ((++t->ticks & 0xFFF) == 0)
		AT_CHECK_INTERRUPTS();
}

static size_t scan_default(AtTokenizer *t, size_t p);

/* ---- hosts, e-mail, URLs ------------------------------------------------ */

enum
{
	HS_FD,						/* after a '.': first char of a label */
	HS_DS,						/* one letter of a possible top-level label */
	HS_D,						/* two or more letters: a host may end here */
	HS_AN,						/* after '-' or '_' inside a label */
	HS_H						/* inside a label that has a digit */
};

static size_t email_host(AtTokenizer *t, size_t p);
static size_t furl(AtTokenizer *t, size_t p, size_t slash);

static inline size_t
host_ok(AtTokenizer *t, size_t p)
{
	t->rtype = AT_TOK_HOST;
	return p;
}

/* The part after "@": a host; returns the end of the e-mail address or FAIL */
static size_t
email(AtTokenizer *t, size_t p)
{
	size_t		r;

	if (t->wanthost)
		return FAIL;			/* no address inside the host of another */
	t->wanthost = true;
	r = email_host(t, p);
	t->wanthost = false;
	if (r == FAIL || t->rtype != AT_TOK_HOST)
		return FAIL;
	t->rtype = AT_TOK_EMAIL;
	return r;
}

/*
 * Port after "host:": digits, then possibly a URL path.
 */
static size_t
port(AtTokenizer *t, size_t p)
{
	size_t		r;

	if (!IS_DIG(t, p))
		return FAIL;
	while (IS_DIG(t, p))
		p++;
	if (!IS_EOF(t, p) && !t->wanthost && CH(t, p) == '/')
	{
		r = furl(t, p + 1, p);
		if (r != FAIL)
			return r;
	}
	return host_ok(t, p);
}

/*
 * Continue a host from state st at p.  nd is the last place a host could
 * end where leaving it was not forced by a digit; a failure further on
 * falls back there (the default parser pops back to that state).
 *
 * A failed scan is remembered (host_fail_from, host_fail_at), because the
 * next tokens start inside what it read: "1.1.1-1.1.1-..." is a version,
 * a blank and a version again, and each would scan the whole run as a
 * host.  After a digit or a '.' the state no longer depends on where the
 * scan started (HS_H, HS_FD), so a scan that reaches such a byte inside
 * the failed span fails at the same place and falls back to its own nd.
 * Nested scans (the host of an e-mail address) neither use nor set it.
 */
static size_t
host(AtTokenizer *t, int st, size_t p)
{
	size_t		nd = FAIL,
				from = p,
				r;

	for (;; p++)
	{
		bool		eof,
					let,
					dig;
		unsigned char c;

		if (!t->wanthost && p > t->host_fail_from && p <= t->host_fail_at &&
			(IS_DIG(t, p - 1) || CH(t, p - 1) == '.'))
		{
			/* as the remembered scan from here on: it reached host_fail_at */
			if (from < t->host_fail_from)
				t->host_fail_from = from;
			return nd != FAIL ? host_ok(t, nd) : FAIL;
		}
		eof = IS_EOF(t, p);
		c = CH(t, p);
		let = IS_LET(t, p);
		dig = IS_DIG(t, p);

		switch (st)
		{
			case HS_FD:
				if (let)
					st = HS_DS;
				else if (dig)
					st = HS_H;
				else
					goto fail;
				break;
			case HS_DS:
				if (let)
					st = HS_D;
				else if (dig)
					st = HS_H;
				else if (c == '-' || c == '_')
					st = HS_AN;
				else if (c == '.')
					st = HS_FD;
				else if (c == '@' && !eof)
				{
					r = email(t, p + 1);
					if (r != FAIL)
						return r;
					goto fail;
				}
				else
					goto fail;
				break;
			case HS_D:
				if (eof)
					return host_ok(t, p);
				if (let)
					break;
				if (dig)
				{
					st = HS_H;
					break;
				}
				if (c == ':')
				{
					r = port(t, p + 1);
					return r != FAIL ? r : host_ok(t, p);
				}
				if (c == '-' || c == '_')
				{
					nd = p;
					st = HS_AN;
					break;
				}
				if (c == '.')
				{
					nd = p;
					st = HS_FD;
					break;
				}
				if (c == '@')
				{
					r = email(t, p + 1);
					return r != FAIL ? r : host_ok(t, p);
				}
				if (!t->wanthost && c == '/')
				{
					r = furl(t, p + 1, p);
					if (r != FAIL)
						return r;
				}
				return host_ok(t, p);
			case HS_AN:
				if (let || dig)
					st = HS_H;
				else
					goto fail;
				break;
			case HS_H:
				if (let || dig)
					break;
				if (c == '@' && !eof)
				{
					r = email(t, p + 1);
					if (r != FAIL)
						return r;
					goto fail;
				}
				if (c == '.')
					st = HS_FD;
				else if (c == '-' || c == '_')
					st = HS_AN;
				else
					goto fail;
				break;
		}
	}
fail:
	if (nd == FAIL && !t->wanthost && p > from)
	{
		t->host_fail_from = from;
		t->host_fail_at = p;
	}
	return nd != FAIL ? host_ok(t, nd) : FAIL;
}

/* The host of an e-mail address: the first token at p must be a host */
static size_t
email_host(AtTokenizer *t, size_t p)
{
	size_t		q = p;
	unsigned char c;

	if (IS_LET(t, q))
	{
		while (IS_LET(t, q))
			q++;
		c = CH(t, q);
		if (IS_EOF(t, q))
			return FAIL;
		if (c == '.')
			return host(t, HS_FD, q + 1);
		if (c == '-' || c == '_')
			return host(t, HS_AN, q + 1);
		if (IS_DIG(t, q))
			return host(t, HS_H, q + 1);
		return FAIL;
	}
	if (IS_DIG(t, q))
	{
		while (IS_DIG(t, q))
			q++;
		c = CH(t, q);
		if (IS_EOF(t, q))
			return FAIL;
		if (c == '.')
			return host(t, HS_FD, q + 1);
		if (c == '-' || c == '_')
			return host(t, HS_AN, q + 1);
		if (IS_LET(t, q))
			return host(t, HS_H, q + 1);
	}
	return FAIL;
}

/* ---- file names and paths ------------------------------------------------ */

enum
{
	FS_FIRST,					/* after '/' */
	FS_TWIDDLE,					/* after '~' */
	FS_PATH_FIRST,				/* after "/." */
	FS_PATH_SECOND,				/* after ".." */
	FS_FILE,					/* inside a name */
	FS_NEXT						/* after '.' inside a name */
};

static size_t
file_scan(AtTokenizer *t, int st, size_t p)
{
	size_t		fb = FAIL;

	for (;; p++)
	{
		unsigned char c = CH(t, p);
		bool		eof = IS_EOF(t, p);
		bool		an_ = IS_LET(t, p) || IS_DIG(t, p) || c == '_';

		tick(t);
		switch (st)
		{
			case FS_FIRST:
				if (an_)
					st = FS_FILE;
				else if (c == '.')
					st = FS_PATH_FIRST;
				else if (c == '~')
					st = FS_TWIDDLE;
				else
					goto fail;
				break;
			case FS_TWIDDLE:
				if (an_)
					st = FS_FILE;
				else if (c == '/')
					st = FS_FIRST;
				else
					goto fail;
				break;
			case FS_PATH_FIRST:
				if (an_)
					st = FS_FILE;
				else if (c == '.')
					st = FS_PATH_SECOND;
				else if (c == '/')
					st = FS_FIRST;
				else
					goto fail;
				break;
			case FS_PATH_SECOND:
				if (eof)
					goto done;
				if (c == '/')
				{
					fb = p;
					st = FS_FIRST;
					break;
				}
				if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
					goto done;
				goto fail;
			case FS_FILE:
				if (eof)
					goto done;
				if (an_ || c == '-')
					break;
				if (c == '.')
				{
					fb = p;
					st = FS_NEXT;
					break;
				}
				if (c == '/')
				{
					fb = p;
					st = FS_FIRST;
					break;
				}
				goto done;
			case FS_NEXT:
				if (an_)
					st = FS_FILE;
				else
					goto fail;
				break;
		}
	}
done:
	t->rtype = AT_TOK_FILE;
	return p;
fail:
	if (fb == FAIL)
		return FAIL;
	t->rtype = AT_TOK_FILE;
	return fb;
}

static inline bool
is_urlchar(const AtTokenizer *t, size_t p)
{
	unsigned char c = CH(t, p);

	/* printable ASCII except what RFC 3986 does not allow in a URL */
	return !IS_EOF(t, p) && c > 0x20 && c < 0x7F && strchr("\"<>\\^`{|}", c) == NULL;
}

/* After "host/": a URL when URL characters follow */
static size_t
furl(AtTokenizer *t, size_t p, size_t slash)
{
	if (!is_urlchar(t, p))
		return FAIL;
	while (is_urlchar(t, p))
	{
		p++;
		tick(t);
	}
	t->rtype = AT_TOK_URL;
	t->url_slash = slash;
	return p;
}

/* ---- numbers ---------------------------------------------------------- */

/* After 'e' or 'E': exponent digits with an optional sign */
static size_t
mantissa(AtTokenizer *t, size_t p)
{
	if (CH(t, p) == '+' || CH(t, p) == '-')
		p++;
	if (!IS_DIG(t, p))
		return FAIL;
	while (IS_DIG(t, p))
		p++;
	t->rtype = AT_TOK_SFLOAT;
	return p;
}

/* Digits after "1." then maybe more ".digits": a version */
static size_t
version_tail(AtTokenizer *t, size_t p)
{
	for (;;)
	{
		while (IS_DIG(t, p))
			p++;
		if (CH(t, p) == '.' && IS_DIG(t, p + 1))
			p += 2;
		else
			break;
	}
	t->rtype = AT_TOK_VERSION;
	return p;
}

/* Fraction digits of an unsigned decimal (p after the first one) */
static size_t
udecimal(AtTokenizer *t, size_t p)
{
	size_t		r;

	while (IS_DIG(t, p))
		p++;
	if (CH(t, p) == '.' && IS_DIG(t, p + 1))
		return version_tail(t, p + 2);
	if (CH(t, p) == 'e' || CH(t, p) == 'E')
	{
		r = mantissa(t, p + 1);
		if (r != FAIL)
			return r;
	}
	t->rtype = AT_TOK_FLOAT;
	return p;
}

static size_t numword(AtTokenizer *t, size_t p);

/* Digits from p (the first one already consumed) */
static size_t
uint_scan(AtTokenizer *t, size_t p)
{
	size_t		r;
	unsigned char c;
	int			k;

	while (IS_DIG(t, p))
		p++;
	if (IS_EOF(t, p))
		goto done;
	c = CH(t, p);
	switch (c)
	{
		case '.':
			r = host(t, HS_FD, p + 1);
			if (r != FAIL)
				return r;
			if (IS_DIG(t, p + 1))
				return udecimal(t, p + 2);
			goto done;
		case 'e':
		case 'E':
			r = mantissa(t, p + 1);
			if (r != FAIL)
				return r;
			r = host(t, HS_H, p + 1);
			if (r != FAIL)
				return r;
			return numword(t, p + 1);
		case '-':
		case '_':
			r = host(t, HS_AN, p + 1);
			return r != FAIL ? r : (t->rtype = AT_TOK_UINT, p);
		case '@':
			r = email(t, p + 1);
			return r != FAIL ? r : (t->rtype = AT_TOK_UINT, p);
		case '/':
			r = file_scan(t, FS_FIRST, p + 1);
			return r != FAIL ? r : (t->rtype = AT_TOK_UINT, p);
		default:
			break;
	}
	k = kind1(t, p);
	if (k == K_LET)
	{
		r = host(t, HS_H, p + 1);
		if (r != FAIL)
			return r;
		return numword(t, p + 1);
	}
	if (k == K_ALPHA || k == K_SPEC)
		return numword(t, p);
done:
	t->rtype = AT_TOK_UINT;
	return p;
}

/* '-' or '+' at p */
static size_t
signed_scan(AtTokenizer *t, size_t p)
{
	size_t		q,
				r;

	if (!IS_DIG(t, p + 1))
		return FAIL;
	q = p + 1;
	while (IS_DIG(t, q))
		q++;
	if (CH(t, q) == '.' && IS_DIG(t, q + 1))
	{
		q += 2;
		while (IS_DIG(t, q))
			q++;
		if (CH(t, q) == '.' && IS_DIG(t, q + 1))
		{
			/* -1.2.3: the sign is a blank and a version follows */
			t->rtype = AT_TOK_BLANK;
			return p + 1;
		}
		if (CH(t, q) == 'e' || CH(t, q) == 'E')
		{
			r = mantissa(t, q + 1);
			if (r != FAIL)
				return r;
		}
		t->rtype = AT_TOK_FLOAT;
		return q;
	}
	if (CH(t, q) == 'e' || CH(t, q) == 'E')
	{
		r = mantissa(t, q + 1);
		if (r != FAIL)
			return r;
	}
	t->rtype = AT_TOK_INT;
	return q;
}

/* ---- words ------------------------------------------------------------ */

enum
{
	HY_FIRST_ASCII,
	HY_FIRST_WORD,
	HY_FIRST_NUM,
	HY_LOOKAHEAD,				/* digits after '-': need a letter to go on */
	HY_ASCII,
	HY_WORD,
	HY_NUM
};

/* A hyphenated word after "word-"; returns its end or FAIL */
static size_t
hyphen(AtTokenizer *t, int st, size_t p)
{
	size_t		fb = FAIL;
	int			fbtype = 0,
				n,
				k;

	for (;; p += n)
	{
		k = kind(t, p, &n);
		tick(t);
		switch (st)
		{
			case HY_FIRST_ASCII:
				if (k == K_LET)
					st = HY_ASCII;
				else if (k == K_ALPHA)
					st = HY_WORD;
				else if (k == K_DIG)
					st = HY_LOOKAHEAD;
				else
					goto fail;
				break;
			case HY_FIRST_WORD:
				if (IS_ALPHA_K(k))
					st = HY_WORD;
				else if (k == K_DIG)
					st = HY_LOOKAHEAD;
				else
					goto fail;
				break;
			case HY_FIRST_NUM:
				if (IS_ALPHA_K(k))
					st = HY_NUM;
				else if (k == K_DIG)
					st = HY_LOOKAHEAD;
				else
					goto fail;
				break;
			case HY_LOOKAHEAD:
				if (k == K_DIG)
					break;
				if (IS_ALPHA_K(k) || k == K_SPEC)
					st = HY_NUM;
				else
					goto fail;
				break;
			case HY_ASCII:
				if (k == K_LET)
					break;
				if (k == K_ALPHA || k == K_SPEC)
					st = HY_WORD;
				else if (k == K_DIG)
					st = HY_NUM;
				else if (k == K_OTHER && CH(t, p) == '-')
				{
					fb = p;
					fbtype = AT_TOK_ASCIIHWORD;
					st = HY_FIRST_ASCII;
				}
				else
				{
					t->rtype = AT_TOK_ASCIIHWORD;
					return p;
				}
				break;
			case HY_WORD:
				if (IS_ALPHA_K(k) || k == K_SPEC)
					break;
				if (k == K_DIG)
					st = HY_NUM;
				else if (k == K_OTHER && CH(t, p) == '-')
				{
					fb = p;
					fbtype = AT_TOK_HWORD;
					st = HY_FIRST_WORD;
				}
				else
				{
					t->rtype = AT_TOK_HWORD;
					return p;
				}
				break;
			case HY_NUM:
				if (IS_ALNUM_K(k) || k == K_SPEC)
					break;
				if (k == K_OTHER && CH(t, p) == '-')
				{
					fb = p;
					fbtype = AT_TOK_NUMHWORD;
					st = HY_FIRST_NUM;
				}
				else
				{
					t->rtype = AT_TOK_NUMHWORD;
					return p;
				}
				break;
		}
		if (n == 0)
			goto fail;
	}
fail:
	if (fb == FAIL)
		return FAIL;
	t->rtype = fbtype;
	return fb;
}

static size_t
numword(AtTokenizer *t, size_t p)
{
	size_t		r;
	int			n,
				k;

	for (;;)
	{
		k = kind(t, p, &n);
		if (IS_ALNUM_K(k) || k == K_SPEC)
		{
			p += n;
			tick(t);
			continue;
		}
		if (k == K_OTHER)
		{
			r = FAIL;
			switch (CH(t, p))
			{
				case '@':
					r = email(t, p + 1);
					break;
				case '/':
					r = file_scan(t, FS_FIRST, p + 1);
					break;
				case '.':
					r = file_scan(t, FS_NEXT, p + 1);
					break;
				case '-':
					r = hyphen(t, HY_FIRST_NUM, p + 1);
					break;
			}
			if (r != FAIL)
				return r;
		}
		t->rtype = AT_TOK_NUMWORD;
		return p;
	}
}

/* Letters, at least one of them not ASCII */
static size_t
word(AtTokenizer *t, size_t p)
{
	size_t		r;
	int			n,
				k;

	for (;;)
	{
		k = kind(t, p, &n);
		if (IS_ALPHA_K(k) || k == K_SPEC)
		{
			p += n;
			tick(t);
			continue;
		}
		if (k == K_DIG)
			return numword(t, p + 1);
		if (k == K_OTHER && CH(t, p) == '-')
		{
			r = hyphen(t, HY_FIRST_WORD, p + 1);
			if (r != FAIL)
				return r;
		}
		t->rtype = AT_TOK_WORD;
		return p;
	}
}

/* ASCII letters from p (the first one already consumed) */
static size_t
asciiword(AtTokenizer *t, size_t p)
{
	size_t		r;
	int			k;

	while (IS_LET(t, p))
		p++;
	if (IS_EOF(t, p))
		goto done;
	switch (CH(t, p))
	{
		case '.':
			r = host(t, HS_FD, p + 1);
			if (r == FAIL)
				r = file_scan(t, FS_NEXT, p + 1);
			if (r != FAIL)
				return r;
			goto done;
		case '-':
			r = host(t, HS_AN, p + 1);
			if (r == FAIL)
				r = hyphen(t, HY_FIRST_ASCII, p + 1);
			if (r != FAIL)
				return r;
			goto done;
		case '_':
			r = host(t, HS_AN, p + 1);
			if (r != FAIL)
				return r;
			goto done;
		case '@':
			r = email(t, p + 1);
			if (r != FAIL)
				return r;
			goto done;
		case ':':
			if (CH(t, p + 1) == '/' && CH(t, p + 2) == '/' && p + 2 < t->len)
			{
				t->rtype = AT_TOK_PROTOCOL;
				return p + 3;
			}
			goto done;
		case '/':
			r = file_scan(t, FS_FIRST, p + 1);
			if (r != FAIL)
				return r;
			goto done;
		default:
			break;
	}
	k = kind1(t, p);
	if (k == K_DIG)
	{
		r = host(t, HS_H, p + 1);
		if (r != FAIL)
			return r;
		return numword(t, p + 1);
	}
	if (k == K_ALPHA || k == K_SPEC)
		return word(t, p);
done:
	t->rtype = AT_TOK_ASCIIWORD;
	return p;
}

/* ---- markup ------------------------------------------------------------- */

static inline bool
is_xdigit(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* &amp; &#38; &#x26; */
static size_t
entity(AtTokenizer *t, size_t p)
{
	size_t		q = p + 1;
	int			n,
				k;

	if (CH(t, q) == '#')
	{
		q++;
		if (CH(t, q) == 'x' || CH(t, q) == 'X')
		{
			q++;
			if (!is_xdigit(CH(t, q)))
				return FAIL;
			while (is_xdigit(CH(t, q)))
				q++;
		}
		else
		{
			if (!IS_DIG(t, q))
				return FAIL;
			while (IS_DIG(t, q))
				q++;
		}
	}
	else
	{
		if (!(IS_LET(t, q) || CH(t, q) == ':' || CH(t, q) == '_'))
			return FAIL;
		for (q++;; q += n)
		{
			unsigned char c = CH(t, q);

			k = kind(t, q, &n);
			if (IS_ALNUM_K(k) || (k == K_OTHER && (c == ':' || c == '_' || c == '.' || c == '-')))
				continue;
			break;
		}
	}
	if (CH(t, q) != ';' || IS_EOF(t, q))
		return FAIL;
	t->rtype = AT_TOK_ENTITY;
	return q + 1;
}

static bool
tag_space(const AtTokenizer *t, size_t p)
{
	unsigned char c = CH(t, p);
	uint32_t	cp;

	if (IS_EOF(t, p))
		return false;
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	at_utf8_decode(t->s + p, t->len - p, &cp);
	return at_cp_is_space(cp) && cp != 0xA0 && cp != 0x2007 && cp != 0x202F;
}

/* <script> and <style> switch to ignoring text until their end tag */
static void
special_tags(AtTokenizer *t, size_t start, size_t p)
{
	size_t		n = p - start;
	const char *s = t->s + start;

	if (n == 8 && strncasecmp(s, "</script", 8) == 0)
		t->ignore = false;
	else if (n == 7 && strncasecmp(s, "</style", 7) == 0)
		t->ignore = false;
	else if (n == 7 && strncasecmp(s, "<script", 7) == 0)
		t->ignore = true;
	else if (n == 6 && strncasecmp(s, "<style", 6) == 0)
		t->ignore = true;
}

enum
{
	TG_NAME,
	TG_BEGIN_END,
	TG_IN,
	TG_QUOTE1,
	TG_QUOTE2,
	TG_COMMENT,
	TG_CLOSE1,
	TG_CLOSE2
};

/* '<' at p: a tag, a comment or <!DOCTYPE ...>; returns its end or FAIL */
static size_t
tag(AtTokenizer *t, size_t p)
{
	size_t		start = p,
				q = p + 1;
	int			st,
				n,
				k;
	unsigned char c = CH(t, q);

	if (IS_EOF(t, q))
		return FAIL;
	if (c == '/')
	{
		if (!IS_LET(t, q + 1))
			return FAIL;
		q += 2;
		st = TG_NAME;
	}
	else if (c == '!')
	{
		if (CH(t, q + 1) == '-' && CH(t, q + 2) == '-' && q + 2 < t->len)
		{
			if (t->comment_eof)
				return FAIL;
			q += 3;
			st = TG_COMMENT;
		}
		else if (CH(t, q + 1) == 'D' || CH(t, q + 1) == 'd')
		{
			q += 2;
			st = TG_IN;
		}
		else
			return FAIL;
	}
	else if (c == '?')
	{
		if (CH(t, q + 1) != 'x')
			return FAIL;
		q += 2;
		st = TG_IN;
	}
	else if (IS_LET(t, q) || c == ':' || c == '_')
	{
		q++;
		st = TG_NAME;
	}
	else
		return FAIL;

	for (;; q += n)
	{
		k = kind(t, q, &n);
		c = CH(t, q);
		tick(t);
		if (k == K_EOF)
		{
			if (st >= TG_COMMENT)
				t->comment_eof = true;
			return FAIL;
		}
		switch (st)
		{
			case TG_NAME:
				if (c == '/')
					st = TG_BEGIN_END;
				else if (c == '>')
				{
					special_tags(t, start, q);
					goto end;
				}
				else if (tag_space(t, q))
				{
					special_tags(t, start, q);
					st = TG_IN;
				}
				else if (IS_ALNUM_K(k) || c == ':' || c == '_' || c == '.' || c == '-')
					;
				else
					return FAIL;
				break;
			case TG_BEGIN_END:
				if (c == '>')
					goto end;
				return FAIL;
			case TG_IN:
				if (c == '>')
				{
					special_tags(t, start, q);
					goto end;
				}
				if (c == '\'')
					st = TG_QUOTE1;
				else if (c == '"')
					st = TG_QUOTE2;
				else if (k == K_LET || k == K_DIG || (c && strchr("=-_#/:.&?%~", c)))
					;
				else if (tag_space(t, q))
					special_tags(t, start, q);
				else
					return FAIL;
				break;
			case TG_QUOTE1:
			case TG_QUOTE2:
				if (c == '\\')
				{
					/* the escaped character is skipped */
					if (IS_EOF(t, q + 1))
						return FAIL;
					q++;
					kind(t, q, &n);
				}
				else if (c == (st == TG_QUOTE1 ? '\'' : '"'))
					st = TG_IN;
				break;
			case TG_COMMENT:
				if (c == '-')
					st = TG_CLOSE1;
				break;
			case TG_CLOSE1:
				st = c == '-' ? TG_CLOSE2 : TG_COMMENT;
				break;
			case TG_CLOSE2:
				if (c == '>')
					goto end;
				if (c != '-')
					st = TG_COMMENT;
				break;
		}
	}
end:
	t->rtype = AT_TOK_TAG;
	return q + 1;
}

/* ---- the default parser's tokens ------------------------------------ */

static bool compound_starts(AtTokenizer *t, size_t p);

/* Blank: the first character, then anything that cannot start a token */
static size_t
blank(AtTokenizer *t, size_t p)
{
	int			n,
				k;
	size_t		stop = p < t->plain_until ? t->plain_until : t->len;

	kind(t, p, &n);
	for (p += n;; p += n)
	{
		unsigned char c;

		k = kind(t, p, &n);
		if (k == K_EOF)
			break;
		if (p == stop)
		{
			/* a compound's parts end with it; the rest is still blank */
			t->blank_cont = true;
			break;
		}
		c = CH(t, p);
		if (c == '<')
			break;
		if (t->ignore)
			continue;
		if (c == '-' || c == '+' || c == '&' || c == '/')
			break;
		if (IS_ALNUM_K(k) || k == K_CJK)
			break;
		/* a money amount may start with a symbol: it starts a token */
		if ((t->flags & AT_TOK_NEWS) && p >= t->plain_until &&
			(c == '$' || c == 0xE2 || c == 0xC2) && compound_starts(t, p))
			break;
		tick(t);
	}
	t->rtype = AT_TOK_BLANK;
	return p;
}

/*
 * The token the default parser finds at p, from its base state.  Sets
 * t->rtype; hyphenated words and URLs are returned whole (the caller then
 * returns their parts).
 */
static size_t
scan_default(AtTokenizer *t, size_t p)
{
	size_t		r;
	int			n,
				k;
	unsigned char c;

	k = kind(t, p, &n);
	if (k == K_EOF)
		return FAIL;
	c = CH(t, p);
	if (c == '<')
	{
		r = tag(t, p);
		if (r != FAIL)
			return r;
		return blank(t, p);
	}
	if (t->ignore)
		return blank(t, p);
	switch (k)
	{
		case K_LET:
			return asciiword(t, p + 1);
		case K_ALPHA:
			return word(t, p + n);
		case K_DIG:
			return uint_scan(t, p + 1);
		default:
			break;
	}
	r = FAIL;
	switch (c)
	{
		case '-':
		case '+':
			r = signed_scan(t, p);
			break;
		case '&':
			r = entity(t, p);
			break;
		case '~':
			r = file_scan(t, FS_TWIDDLE, p + 1);
			break;
		case '/':
			r = file_scan(t, FS_FIRST, p + 1);
			break;
		case '.':
			if (CH(t, p + 1) == '.' && p + 1 < t->len)
				r = file_scan(t, FS_PATH_SECOND, p + 2);
			else if (CH(t, p + 1) == '/' && p + 1 < t->len)
				r = file_scan(t, FS_FIRST, p + 2);
			break;
	}
	if (r != FAIL)
		return r;
	return blank(t, p);
}

/* ---- news types --------------------------------------------------------- */

/*
 * True when the ordinary tokens from p tile p..end exactly, so the parts
 * of a compound never reach outside it.
 */
static bool
tiles(AtTokenizer *t, size_t p, size_t end)
{
	AtTokenizer sub = *t;
	size_t		st,
				len;

	sub.flags = (t->flags & ~AT_TOK_NEWS) | AT_TOK_CJK_KIND;
	sub.cw_end = 0;
	sub.pos = p;
	sub.mode = M_BASE;
	sub.plain_until = end;
	while (sub.pos < end)
	{
		if (at_tok_next(&sub, &st, &len) == 0)
			return false;
	}
	return sub.pos == end && sub.mode == M_BASE;
}

static bool
compound_starts(AtTokenizer *t, size_t p)
{
	AtFtsCanon	c;
	size_t		n = at_fts_match(t->s, t->len, p, &c);

	return n > 0 && tiles(t, p, p + n);
}

typedef struct WordLen
{
	const char *w;
	size_t		len;
} WordLen;

#define W(w) {w, sizeof(w) - 1}

/*
 * Capitalised words that do not start or continue a name, in byte order
 * (in_list bisects; at_tok_tables_sorted checks): function words, titles
 * ("President Xi Jinping" is the name Xi Jinping), weekdays and months.
 */
static const WordLen name_stop[] = {
	W("A"), W("About"), W("According"), W("After"), W("Also"), W("Although"),
	W("Ambassador"), W("An"), W("And"), W("April"), W("As"), W("At"),
	W("August"), W("Because"), W("Before"), W("Both"), W("But"), W("By"),
	W("Chairman"), W("Chairwoman"), W("Chancellor"), W("Commissioner"),
	W("December"), W("Despite"), W("Dr"), W("During"), W("Each"), W("Every"),
	W("February"), W("For"), W("Friday"), W("From"), W("Governor"), W("He"),
	W("Her"), W("Here"), W("His"), W("How"), W("However"), W("I"), W("If"),
	W("In"), W("It"), W("Its"), W("January"), W("July"), W("June"), W("Last"),
	W("March"), W("May"), W("Mayor"), W("Meanwhile"), W("Minister"),
	W("Monday"), W("More"), W("Most"), W("Mr"), W("Mrs"), W("Ms"), W("My"),
	W("Next"), W("No"), W("Not"), W("November"), W("Now"), W("October"),
	W("Of"), W("On"), W("Or"), W("Our"), W("Premier"), W("President"),
	W("Prof"), W("Professor"), W("Saturday"), W("Secretary"), W("Senator"),
	W("September"), W("She"), W("Since"), W("Sir"), W("So"), W("Some"),
	W("Spokesman"), W("Spokeswoman"), W("Such"), W("Sunday"), W("That"),
	W("The"), W("Their"), W("There"), W("These"), W("They"), W("This"),
	W("Those"), W("Though"), W("Thursday"), W("Thus"), W("To"), W("Tuesday"),
	W("Under"), W("Vice"), W("We"), W("Wednesday"), W("What"), W("When"),
	W("Where"), W("Which"), W("While"), W("Who"), W("Why"), W("With"),
	W("Yet"), W("You"), W("Your"),
};

/*
 * Lower-case words allowed inside a name (Bank of China, Ursula von der
 * Leyen), in byte order
 */
static const WordLen name_link[] = {
	W("al"), W("bin"), W("da"), W("de"), W("del"), W("der"), W("di"), W("du"),
	W("la"), W("le"), W("of"), W("van"), W("von"),
};

#undef W

/* Byte order of a word of a list and s[0..len), as strcmp */
static int
cmp_word(const WordLen *w, const char *s, size_t len)
{
	int			c = memcmp(w->w, s, w->len < len ? w->len : len);

	return c != 0 ? c : (w->len > len) - (w->len < len);
}

/* s[0..len) in a list kept in byte order (called at every capitalised word) */
static bool
in_list(const WordLen *list, size_t n, const char *s, size_t len)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		int			c = cmp_word(&list[mid], s, len);

		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool
list_sorted(const WordLen *list, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (cmp_word(&list[i - 1], list[i].w, list[i].len) >= 0)
			return false;
	return true;
}

bool
at_tok_tables_sorted(void)
{
	return list_sorted(name_stop, AT_LENGTHOF(name_stop)) &&
		list_sorted(name_link, AT_LENGTHOF(name_link));
}

#define NAME_MAX_WORDS 6

/*
 * A capitalised word at p that ends where the default parser ends it:
 * returns its end or FAIL.  Hyphenated words (Jean-Claude) count.
 */
static size_t
cap_word(AtTokenizer *t, size_t p)
{
	uint32_t	cp;
	size_t		r;
	bool		ignore = t->ignore;

	if (IS_EOF(t, p))
		return FAIL;
	at_utf8_decode(t->s + p, t->len - p, &cp);
	if (!at_cp_is_upper(cp))
		return FAIL;
	r = scan_default(t, p);
	t->ignore = ignore;
	if (r == FAIL)
		return FAIL;
	switch (t->rtype)
	{
		case AT_TOK_ASCIIWORD:
		case AT_TOK_WORD:
		case AT_TOK_ASCIIHWORD:
		case AT_TOK_HWORD:
			break;
		default:
			return FAIL;
	}
	if (in_list(name_stop, AT_LENGTHOF(name_stop), t->s + p, r - p))
		return FAIL;
	return r;
}

/* A name of two or more capitalised words at p: returns its end or FAIL */
static size_t
name_at(AtTokenizer *t, size_t p)
{
	size_t		end,
				q,
				w;
	int			words = 1;

	end = cap_word(t, p);
	if (end == FAIL)
		return FAIL;
	/* the first word is scanned again next if this is no name: keep it */
	t->cw_pos = p;
	t->cw_end = end;
	t->cw_type = t->rtype;
	for (;;)
	{
		if (CH(t, end) != ' ')
			break;
		q = end + 1;
		w = cap_word(t, q);
		if (w == FAIL)
		{
			/* a linking word, then a capitalised word */
			size_t		l = q;

			while (IS_LET(t, l) && CH(t, l) >= 'a')
				l++;
			if (l == q || !in_list(name_link, AT_LENGTHOF(name_link), t->s + q, l - q) ||
				CH(t, l) != ' ')
				break;
			w = cap_word(t, l + 1);
			if (w == FAIL)
				break;
		}
		end = w;
		if (++words > NAME_MAX_WORDS)
			return FAIL;		/* a title in capitals rather than a name */
	}
	return words >= 2 ? end : FAIL;
}

/* ---- the tokenizer ------------------------------------------------------ */

/* Initials of the number words that may start an amount (eleven percent): e f h n o s t z */
#define NUMBER_WORD_INITIALS ((1u << ('e' - 'a')) | (1u << ('f' - 'a')) | (1u << ('h' - 'a')) | \
							  (1u << ('n' - 'a')) | (1u << ('o' - 'a')) | (1u << ('s' - 'a')) | \
							  (1u << ('t' - 'a')) | (1u << ('z' - 'a')))

void
at_tok_init(AtTokenizer *t, const char *s, size_t len, unsigned flags)
{
	init_ascii_kind();
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->len = len;
	t->flags = flags;
	t->mode = M_BASE;
}

static int
emit(AtTokenizer *t, int type, size_t start, size_t end, size_t *ostart, size_t *olen)
{
	*ostart = start;
	*olen = end - start;
	return type;
}

/* Parts of a hyphenated word: word parts and the hyphens between them */
static int
hyphen_part(AtTokenizer *t, size_t *start, size_t *len)
{
	size_t		p = t->pos,
				q;
	int			n,
				k = kind(t, p, &n),
				type;

	if (k == K_LET || k == K_ALPHA || k == K_DIG)
	{
		q = p;
		if (k == K_DIG)
		{
			while (IS_DIG(t, q))
				q++;
			k = kind(t, q, &n);
			if (!(IS_ALPHA_K(k) || k == K_SPEC))
				return -1;		/* plain number: back to the base state */
			type = AT_TOK_HWORD_NUMPART;
		}
		else
			type = k == K_LET ? AT_TOK_HWORD_ASCIIPART : AT_TOK_HWORD_PART;
		for (;; q += n)
		{
			k = kind(t, q, &n);
			if (k == K_LET)
				continue;
			if (k == K_ALPHA || k == K_SPEC)
			{
				if (type == AT_TOK_HWORD_ASCIIPART)
					type = AT_TOK_HWORD_PART;
				continue;
			}
			if (k == K_DIG)
			{
				type = AT_TOK_HWORD_NUMPART;
				continue;
			}
			break;
		}
		t->pos = q;
		return emit(t, type, p, q, start, len);
	}
	if (CH(t, p) == '-' && !IS_EOF(t, p))
	{
		k = kind(t, p + 1, &n);
		if (IS_ALNUM_K(k) || k == K_SPEC)
		{
			t->pos = p + 1;
			return emit(t, AT_TOK_BLANK, p, p + 1, start, len);
		}
	}
	return -1;
}

/* Split point of a long run: at most AT_TOK_MAX_LEN bytes, on a character boundary */
static size_t
long_piece_end(const AtTokenizer *t, size_t p)
{
	size_t		e = p + AT_TOK_MAX_LEN;

	if (e >= t->aux_end)
		return t->aux_end;
	while (e > p && ((unsigned char) t->s[e] & 0xC0) == 0x80)
		e--;
	return e;
}

/* Returned by the stages of at_tok_next when the mode changed: look again */
#define TOK_AGAIN (-1)

/*
 * The next piece of a compound already returned (its parts, a URL's host
 * and path, CJK bigrams, blank pieces of an over-long token), in the mode
 * the compound set; TOK_AGAIN when the mode changed.
 */
static int
compound_piece(AtTokenizer *t, size_t *start, size_t *len)
{
	size_t		p = t->pos,
				r;
	int			type,
				n;

	switch (t->mode)
	{
		case M_HYPHEN_PARTS:
			type = hyphen_part(t, start, len);
			if (type > 0 && *len > AT_TOK_MAX_LEN)
			{
				t->mode = M_LONG;
				t->aux2 = M_HYPHEN_PARTS;
				t->aux_end = t->pos;
				t->pos = *start;
				return TOK_AGAIN;
			}
			if (type > 0)
				return type;
			t->mode = M_BASE;
			return TOK_AGAIN;
		case M_URL_HOST:
			t->mode = M_URL_PATH;
			if (t->aux_end - p > AT_TOK_MAX_LEN)
			{
				/* blank pieces up to the path (M_LONG keeps aux_end) */
				t->mode = M_LONG;
				t->aux2 = M_URL_PATH;
				return TOK_AGAIN;
			}
			return emit(t, AT_TOK_HOST, p, t->aux_end, start, len);
		case M_URL_PATH:
			{
				/* the path as the default parser reads it after a host: URL characters */
				size_t		q = t->aux_end + 1;

				while (is_urlchar(t, q))
					q++;
				t->mode = M_BASE;
				t->pos = q;
				if (q - t->aux_end > AT_TOK_MAX_LEN)
				{
					t->pos = t->aux_end;
					t->mode = M_LONG;
					t->aux2 = M_BASE;
					t->aux_end = q;
					return TOK_AGAIN;
				}
				return emit(t, AT_TOK_URL_PATH, t->aux_end, q, start, len);
			}
		case M_CJK:
			{
				int			n2;

				kind(t, p, &n);
				if (p + n >= t->aux_end)
				{
					t->mode = M_BASE;
					t->pos = t->aux_end;
					return TOK_AGAIN;
				}
				kind(t, p + n, &n2);
				t->pos = p + n;
				if (p + n + n2 >= t->aux_end)
				{
					t->mode = M_BASE;
					t->pos = t->aux_end;
				}
				return emit(t, AT_TOK_CJK, p, p + n + n2, start, len);
			}
		case M_LONG:
			if (p >= t->aux_end)
			{
				t->mode = (int) t->aux2;
				return TOK_AGAIN;
			}
			r = long_piece_end(t, p);
			t->pos = r;
			return emit(t, AT_TOK_BLANK, p, r, start, len);
		default:
			return TOK_AGAIN;	/* M_BASE: not called for it */
	}
}

/* The rest of a blank cut at the end of a compound, or 0 when none is left */
static int
blank_rest(AtTokenizer *t, size_t p, size_t *start, size_t *len)
{
	size_t		q = p;
	int			n;

	t->blank_cont = false;
	while (!IS_EOF(t, q))
	{
		int			k = kind(t, q, &n);
		unsigned char c = CH(t, q);

		if (c == '<' || (!t->ignore && (c == '-' || c == '+' || c == '&' || c == '/' ||
										 IS_ALNUM_K(k) || k == K_CJK)))
			break;
		q += n;
	}
	if (q == p)
		return 0;
	t->pos = q;
	return emit(t, AT_TOK_BLANK, p, q, start, len);
}

/*
 * A token of the news types at p: a CJK run (TOK_AGAIN when its bigrams
 * follow), a money amount, percentage or date, a name; 0 when none.
 */
static int
news_token(AtTokenizer *t, size_t p, size_t *start, size_t *len)
{
	int			n,
				k = kind(t, p, &n);
	size_t		r;

	if (k == K_CJK)
	{
		size_t		q = p;

		while (kind(t, q, &n) == K_CJK)
			q += n;
		t->aux_end = q;
		kind(t, p, &n);
		if (p + n == q)
		{
			t->pos = q;
			return emit(t, AT_TOK_CJK, p, q, start, len);
		}
		t->mode = M_CJK;
		return TOK_AGAIN;
	}
	if ((t->flags & AT_TOK_NEWS) && p >= t->plain_until)
	{
		AtFtsCanon c;
		unsigned char b = CH(t, p);

		/* bytes that may start an amount or a date: digits, capitals, symbols, number words */
		size_t		m = ((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || b == '$' ||
						 b >= 0x80 || (b >= 'a' && b <= 'z' && ((NUMBER_WORD_INITIALS >> (b - 'a')) & 1))) ?
			at_fts_match(t->s, t->len, p, &c) : 0;

		if (m > 0 && m <= AT_TOK_MAX_LEN && tiles(t, p, p + m))
		{
			t->plain_until = p + m;
			return emit(t, c.type, p, p + m, start, len);
		}
		if ((b >= 'A' && b <= 'Z') || (b >= 0x80 && k == K_ALPHA))
		{
			r = name_at(t, p);
			if (r != FAIL && r - p <= AT_TOK_MAX_LEN)
			{
				t->plain_until = r;
				return emit(t, AT_TOK_NAME, p, r, start, len);
			}
		}
	}
	return 0;
}

/*
 * The default parser's token at p; a compound (hyphenated word, URL) or an
 * over-long token sets the mode for its pieces (TOK_AGAIN when the
 * compound itself is too long to be returned).
 */
static int
default_token(AtTokenizer *t, size_t p, size_t *start, size_t *len)
{
	size_t		r;
	int			type;

	if (t->cw_pos == p && t->cw_end != 0)
	{
		/* the first word of a failed name, scanned already */
		r = t->cw_end;
		type = t->cw_type;
	}
	else
	{
		r = scan_default(t, p);
		if (r == FAIL)
			return 0;			/* cannot happen before the end */
		type = t->rtype;
	}
	t->cw_end = 0;
	if (type == AT_TOK_ASCIIHWORD || type == AT_TOK_HWORD || type == AT_TOK_NUMHWORD)
	{
		/* the compound, then its parts from its start */
		t->mode = M_HYPHEN_PARTS;
		t->pos = p;
		if (r - p > AT_TOK_MAX_LEN)
			return TOK_AGAIN;
		return emit(t, type, p, r, start, len);
	}
	if (type == AT_TOK_URL)
	{
		t->mode = M_URL_HOST;
		t->aux_end = t->url_slash;
		t->pos = p;
		if (r - p > AT_TOK_MAX_LEN)
			return TOK_AGAIN;
		return emit(t, type, p, r, start, len);
	}
	if (r - p > AT_TOK_MAX_LEN)
	{
		t->mode = M_LONG;
		t->aux2 = M_BASE;
		t->aux_end = r;
		return TOK_AGAIN;
	}
	t->pos = r;
	return emit(t, type, p, r, start, len);
}

/*
 * In stages: the pieces of a compound returned before, else from the base
 * state the rest of a cut blank, a token of the news types, and the
 * default parser's token.
 */
int
at_tok_next(AtTokenizer *t, size_t *start, size_t *len)
{
	for (;;)
	{
		size_t		p = t->pos;
		int			type;

		if (t->mode != M_BASE)
		{
			type = compound_piece(t, start, len);
			if (type == TOK_AGAIN)
				continue;
			return type;
		}
		if (p >= t->len)
			return 0;
		tick(t);
		if (t->blank_cont && (type = blank_rest(t, p, start, len)) > 0)
			return type;
		if ((t->flags & (AT_TOK_NEWS | AT_TOK_CJK_KIND)) && !t->ignore)
		{
			type = news_token(t, p, start, len);
			if (type == TOK_AGAIN)
				continue;
			if (type > 0)
				return type;
		}
		type = default_token(t, p, start, len);
		if (type == TOK_AGAIN)
			continue;
		return type;
	}
}

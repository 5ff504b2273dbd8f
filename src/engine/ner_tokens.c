/*
 * ner_tokens.c: tokens of raw news text shaped like the Penn Treebank
 * tokens of the GMB training corpus, so that the tagger's word, affix and
 * neighbour features learned there apply to real articles.
 *
 * White space separates chunks; a chunk loses its leading and trailing
 * punctuation as separate tokens, a final period stays on abbreviations
 * (U.S., Mr., Co., initials), clitics split off ("China 's", "do n't"),
 * dashes other than the hyphen separate words, hyphenated words stay whole.
 */
#include "ner.h"
#include "utf8.h"

#include <string.h>

#define MAX_NORM 96

/* Abbreviations that keep their final period (lower case, without it) */
static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr",
	"sen", "rep", "gov", "pres", "jr", "sr", "st", "co", "corp", "inc", "ltd",
	"bros", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "vs", "etc", "mt", "ft", "ave", "rev", "hon",
	"messrs", "adm", "maj", "plc", "dept", "univ", "assn", "est", "approx"
};

static inline bool
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return at_is_ascii_alpha((unsigned char) cp) || (cp >= '0' && cp <= '9');
	return at_cp_is_alpha(cp);
}

static inline int
first_bit(char c)
{
	return (unsigned) (c - 'a') < 26 ? c - 'a' : 26;
}

static bool
is_abbrev(const char *s, size_t len)
{
	char		low[8];
	uint32_t	cp;

	/*
	 * Bit c of firsts[n]: a word of the list has n letters and starts with
	 * 'a' + c (bit 26: with another byte); most words end the test there
	 */
	static uint32_t firsts[sizeof(low)];
	static bool firsts_set = false;

	/* has an inner period already: U.S, e.g, U.N */
	if (memchr(s, '.', len) != NULL)
		return true;
	/* one capital letter: an initial */
	if (at_utf8_decode(s, len, &cp) == (int) len && at_cp_is_upper(cp))
		return true;
	if (len >= sizeof(low))
		return false;
	if (!firsts_set)
	{
		for (size_t i = 0; i < AT_LENGTHOF(abbrevs); i++)
			if (strlen(abbrevs[i]) < sizeof(low))
				firsts[strlen(abbrevs[i])] |= 1u << first_bit(abbrevs[i][0]);
		firsts_set = true;
	}
	for (size_t i = 0; i < len; i++)
		low[i] = (char) ((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	low[len] = '\0';
	if (!((firsts[len] >> first_bit(low[0])) & 1))
		return false;
	for (size_t i = 0; i < AT_LENGTHOF(abbrevs); i++)
		if (abbrevs[i][0] == low[0] && strcmp(low, abbrevs[i]) == 0)
			return true;
	return false;
}

/* Appends a shape character, runs collapsed ("Xx", "d.d") */
static inline void
shape_push(AtNerToken *t, char sh)
{
	if (t->shapelen < sizeof(t->shape) &&
		(t->shapelen == 0 || t->shape[t->shapelen - 1] != sh))
		t->shape[t->shapelen++] = sh;
}

void
at_ner_add_token(const char *text, size_t s, size_t e, AtVec *toks, AtBuf *norm)
{
	AtNerToken *t;
	size_t		p = s;
	int			letters = 0,
				lowers = 0;
	size_t		lasthyph = 0;
	char	   *out;
	size_t		n = 0;

	if (e <= s)
		return;
	/* at_vec_push and at_buf_reserve without a call: once per token */
	if (toks->len < toks->cap)
	{
		t = (AtNerToken *) toks->data + toks->len++;
		memset(t, 0, sizeof(*t));
	}
	else
		t = at_vec_push(toks);
	t->start = (uint32_t) s;
	t->len = (uint32_t) (e - s);
	t->norm = (uint32_t) norm->len;
	if (norm->len + MAX_NORM + 5 > norm->cap)
		at_buf_reserve(norm, MAX_NORM + 4);
	out = norm->data + norm->len;
	/* ASCII, most of news text: the same as the loop below, fewer tests */
	if (p < e && (unsigned) ((unsigned char) text[p] - 'A') < 26u)
		t->flags |= AT_TOK_UPPER1;
	{
		/* one byte of norm per ASCII byte: at most MAX_NORM of them here */
		size_t		lim = e - s > MAX_NORM ? s + MAX_NORM : e;
		int			last = -1;	/* the shape's last character, runs collapsed */
		unsigned	sl = 0;

		while (p < lim)
		{
			unsigned char c = (unsigned char) text[p];
			int			sh;

			if (c >= 0x80)
				break;
			if ((unsigned) (c - 'a') < 26)
			{
				/* a run of lower-case letters (most of a word): one shape character */
				/* one index for both sides: a tighter loop */
				const char *src = text + p;
				char	   *dst = out + n;
				size_t		k = 0,
							max = lim - p;

				do
				{
					dst[k] = src[k];
					k++;
				} while (k < max && (unsigned) ((unsigned char) src[k] - 'a') < 26);
				n += k;
				lowers += (int) k;
				p += k;
				if (last != 'x')
				{
					if (sl < sizeof(t->shape))
						t->shape[sl++] = 'x';
					last = 'x';
				}
				continue;
			}
			else if ((unsigned) (c - 'A') < 26)
			{
				letters++;
				sh = 'X';
				c += 32;
			}
			else if ((unsigned) (c - '0') < 10)
			{
				t->flags |= AT_TOK_DIGIT;
				sh = 'd';
			}
			else
			{
				if (c == '-' && p > s && p + 1 < e)
				{
					t->flags |= AT_TOK_HYPHEN;
					lasthyph = p + 1;
				}
				sh = c;
			}
			if (sh != last)
			{
				if (sl < sizeof(t->shape))
					t->shape[sl++] = (char) sh;
				last = sh;
			}
			out[n++] = (char) c;
			p++;
		}
		t->shapelen = (uint8_t) sl;
	}
	/* letters counted capitals so far; lowers the rest */
	if (letters > 0)
		t->flags |= AT_TOK_ANYUPPER;
	letters += lowers;
	if (letters > 0)
		t->flags |= AT_TOK_ALPHA;
	while (p < e)
	{
		unsigned char c = (unsigned char) text[p];
		uint32_t	cp;
		int			len;
		char		sh;

		/* ASCII directly, the rest through the decoder */
		if (c < 0x80)
		{
			cp = c;
			len = 1;
		}
		else
			len = at_utf8_decode(text + p, e - p, &cp);
		if (cp < 0x80 ? at_is_ascii_alpha((unsigned char) cp) : at_cp_is_alpha(cp))
		{
			bool		up = cp < 0x80 ? (cp <= 'Z') : at_cp_is_upper(cp);

			t->flags |= AT_TOK_ALPHA;
			letters++;
			if (up)
			{
				t->flags |= p == s ? (AT_TOK_UPPER1 | AT_TOK_ANYUPPER) : AT_TOK_ANYUPPER;
				sh = 'X';
			}
			else
			{
				if (cp < 0x80 || at_cp_is_lower(cp))
					lowers++;
				sh = 'x';
			}
		}
		else if (at_cp_is_digit(cp))
		{
			t->flags |= AT_TOK_DIGIT;
			sh = 'd';
		}
		else
		{
			if (cp == '-' && p > s && p + 1 < e)
			{
				t->flags |= AT_TOK_HYPHEN;
				lasthyph = p + 1;
			}
			sh = cp < 0x80 ? (char) cp : 'u';
		}
		shape_push(t, sh);
		if (n < MAX_NORM)
		{
			if (cp < 0x80)
				out[n++] = (char) ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
			else if (cp == 0x2018 || cp == 0x2019)
				out[n++] = '\'';
			else if (cp == 0x201C || cp == 0x201D)
				out[n++] = '"';
			else if (n + len <= MAX_NORM + 4)
			{
				memcpy(out + n, text + p, len);
				n += len;
			}
		}
		p += len;
	}
	norm->len += n;
	norm->data[norm->len] = '\0';
	t->normlen = (uint16_t) n;
	if (letters >= 2 && lowers == 0)
		t->flags |= AT_TOK_ALLCAPS;
	if (!(t->flags & (AT_TOK_ALPHA | AT_TOK_DIGIT)))
		t->flags |= AT_TOK_PUNCT;
	if (lasthyph)
	{
		uint32_t	cp;

		at_utf8_decode(text + lasthyph, e - lasthyph, &cp);
		if (at_cp_is_lower(cp))
			t->flags |= AT_TOK_LOWERTAIL;
	}
}

/* Length of a clitic ending the word text[s..e), 0 if none */
static size_t
clitic_len(const char *text, size_t s, size_t e)
{
	static const char *const cl[] = {"s", "re", "ve", "ll", "d", "m"};
	static const uint8_t cl_len[] = {1, 2, 2, 2, 1, 1};
	size_t		len = e - s;

	/*
	 * Most words have no apostrophe near their end.  Every form below has
	 * its apostrophe (' or the last byte of U+2019) two or three bytes
	 * from the end: "'s", "n't", "'re", "’s" ...
	 */
	if (!(len >= 2 && (text[e - 2] == '\'' || (unsigned char) text[e - 2] == 0x99)) &&
		!(len >= 3 && (text[e - 3] == '\'' || (unsigned char) text[e - 3] == 0x99)))
		return 0;
	if (len > 3 && (text[e - 1] | 0x20) == 't' && text[e - 2] == '\'' &&
		(text[e - 3] | 0x20) == 'n')
		return 3;
	if (len > 5 && (text[e - 1] | 0x20) == 't' && memcmp(text + e - 4, "\xE2\x80\x99", 3) == 0 &&
		(text[e - 5] | 0x20) == 'n')
		return 5;
	for (size_t i = 0; i < AT_LENGTHOF(cl); i++)
	{
		size_t		n = cl_len[i];

		if (len <= n + 1)
			continue;
		for (size_t k = 0; k < n; k++)
			if ((text[e - n + k] | 0x20) != cl[i][k])
				goto next;
		if (text[e - n - 1] == '\'')
			return n + 1;
		if (len > n + 3 && memcmp(text + e - n - 3, "\xE2\x80\x99", 3) == 0)
			return n + 3;
next:	;
	}
	return 0;
}

/* "s", "re", "ve", "ll", "d", "m" after an apostrophe: a clitic on its own */
static bool
only_clitic(const char *s, size_t len)
{
	static const char *const cl[] = {"s", "re", "ve", "ll", "d", "m"};

	for (size_t i = 0; i < AT_LENGTHOF(cl); i++)
	{
		size_t		k;

		if (strlen(cl[i]) != len)
			continue;
		for (k = 0; k < len; k++)
			if ((s[k] | 0x20) != cl[i][k])
				break;
		if (k == len)
			return true;
	}
	return false;
}

/* One piece of a chunk (no white space, no separating dash) */
static void
piece(const char *text, size_t s, size_t e, AtVec *toks, AtBuf *norm)
{
	size_t		tail[16];		/* starts of trailing tokens, last first */
	int			ntail = 0;
	size_t		tend = e;
	size_t		cl;

	/* leading punctuation, one character each */
	while (s < e)
	{
		uint32_t	cp;
		int			n;

		if ((unsigned char) text[s] < 0x80 && is_word_cp((unsigned char) text[s]))
			break;
		/* ASCII punctuation (most) without the decoder: the same answer */
		if ((unsigned char) text[s] < 0x80)
			cp = (unsigned char) text[s], n = 1;
		else
			n = at_utf8_decode(text + s, e - s, &cp);
		if (is_word_cp(cp))
			break;
		/* a chunk that is only a clitic: "'s" after a space */
		if ((cp == '\'' || cp == 0x2019) && only_clitic(text + s + n, e - s - n))
			break;
		at_ner_add_token(text, s, s + n, toks, norm);
		s += n;
	}
	/* trailing punctuation, keeping a period that ends an abbreviation */
	while (e > s && ntail < (int) AT_LENGTHOF(tail))
	{
		uint32_t	cp;
		int			n;

		if ((unsigned char) text[e - 1] < 0x80 && is_word_cp((unsigned char) text[e - 1]))
			break;
		if ((unsigned char) text[e - 1] < 0x80)
			cp = (unsigned char) text[e - 1], n = 1;
		else
			n = at_utf8_decode_prev(text, e, &cp);
		if (is_word_cp(cp))
			break;
		if (cp == '.' && e - n > s && is_abbrev(text + s, e - n - s))
			break;
		e -= n;
		tail[ntail++] = e;
	}
	if (e > s)
	{
		cl = clitic_len(text, s, e);
		if (cl > 0 && cl < e - s)
		{
			at_ner_add_token(text, s, e - cl, toks, norm);
			at_ner_add_token(text, e - cl, e, toks, norm);
		}
		else
			at_ner_add_token(text, s, e, toks, norm);
	}
	for (int i = ntail - 1; i >= 0; i--)
	{
		size_t		te = (i == 0) ? tend : tail[i - 1];

		at_ner_add_token(text, tail[i], te, toks, norm);
	}
}

/*
 * A chunk that piece() would make one token of, tested without the call
 * (most chunks): ASCII letters or digits at both ends (no punctuation to
 * split off) and no apostrophe where clitic_len() looks for one
 */
static inline bool
plain_chunk(const char *text, size_t s, size_t e)
{
	size_t		len = e - s;

	return (unsigned char) text[s] < 0x80 && is_word_cp((unsigned char) text[s]) &&
		(unsigned char) text[e - 1] < 0x80 &&
		is_word_cp((unsigned char) text[e - 1]) &&
		!(len >= 2 && (text[e - 2] == '\'' || (unsigned char) text[e - 2] == 0x99)) &&
		!(len >= 3 && (text[e - 3] == '\'' || (unsigned char) text[e - 3] == 0x99));
}

/* ASCII bytes (all below 64) a chunk may end or be cut at: white space, "-", "/", ":" */
#define CHUNK_STOPS \
	((1ULL << ' ') | (1ULL << '\t') | (1ULL << '\n') | (1ULL << '\v') | (1ULL << '\f') | \
	 (1ULL << '\r') | (1ULL << '-') | (1ULL << '/') | (1ULL << ':'))

void
at_ner_tokenize(const char *text, size_t start, size_t end, AtVec *toks,
				AtBuf *norm)
{
	size_t		p = start;
	unsigned	iter = 0;

	while (p < end)
	{
		size_t		ps;

		if ((++iter & 4095) == 0)
			AT_CHECK_INTERRUPTS();
		/* skip white space; one space before a printable ASCII byte (most) without the loop */
		if (text[p] == ' ' && p + 1 < end &&
			(unsigned char) text[p + 1] > ' ' && (unsigned char) text[p + 1] < 0x80)
			p++;
		else
		{
			while (p < end)
			{
				uint32_t	cp;
				int			n;

				if ((unsigned char) text[p] < 0x80)
				{
					if (text[p] != ' ' && (text[p] < '\t' || text[p] > '\r'))
						break;
					p++;
					continue;
				}
				n = at_utf8_decode(text + p, end - p, &cp);
				if (!at_cp_is_space(cp))
					break;
				p += n;
			}
		}
		ps = p;
		/* one chunk, cut at dashes that are not hyphens */
		while (p < end)
		{
			uint32_t	cp;
			int			n;
			unsigned char b;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			if (p + 8 <= end)
			{
				uint64_t	x,
							hi;

				/*
				 * Eight bytes a step over letters (bytes 64-127: bit 6 set,
				 * bit 7 clear); hi marks the others, the first of which
				 * the tests below take
				 */
				memcpy(&x, text + p, 8);
				hi = (x & 0x8080808080808080ULL) | ((~x & 0x4040404040404040ULL) << 1);
				if (hi == 0)
				{
					p += 8;
					continue;
				}
				p += (size_t) __builtin_ctzll(hi) >> 3;
			}
#endif
			b = (unsigned char) text[p];
			/* most bytes are ASCII that none of the tests below stops at */
			if (b >= 64 ? b < 0x80 : !((CHUNK_STOPS >> b) & 1))
			{
				p++;
				continue;
			}
			if (b < 0x80)
			{
				char		c = text[p];

				if (c == ' ' || (c >= '\t' && c <= '\r'))
					break;
				/* "Ng/China Daily", "Source:Global Times": letters on both sides */
				if ((c == '/' || c == ':') && p > ps && p + 1 < end &&
					at_is_ascii_alpha((unsigned char) text[p - 1]) &&
					at_is_ascii_alpha((unsigned char) text[p + 1]))
				{
					piece(text, ps, p, toks, norm);
					at_ner_add_token(text, p, p + 1, toks, norm);
					p = ps = p + 1;
					continue;
				}
				if (c == '-' && p + 1 < end && text[p + 1] == '-')
				{
					size_t		q = p;

					while (q < end && text[q] == '-')
						q++;
					piece(text, ps, p, toks, norm);
					at_ner_add_token(text, p, q, toks, norm);
					p = ps = q;
					continue;
				}
				p++;
				continue;
			}
			n = at_utf8_decode(text + p, end - p, &cp);
			if (at_cp_is_space(cp))
				break;
			if (cp != '-' && at_cp_is_dash(cp))
			{
				piece(text, ps, p, toks, norm);
				at_ner_add_token(text, p, p + n, toks, norm);
				ps = p + n;
			}
			p += n;
		}
		if (p > ps)
		{
			if (plain_chunk(text, ps, p))
				at_ner_add_token(text, ps, p, toks, norm);
			else
				piece(text, ps, p, toks, norm);
		}
	}
}

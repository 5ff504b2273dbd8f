/*
 * utf8.c: UTF-8 decoding and character classes.
 */
#include "utf8.h"

#include <string.h>

int
at_utf8_seqlen(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

int
at_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *) s;
	int			n;
	uint32_t	c;

	if (len == 0)
	{
		*cp = 0;
		return 0;
	}
	n = at_utf8_seqlen(u[0]);
	if (n == 1)
	{
		*cp = u[0];
		return 1;
	}
	if (n == 0 || (size_t) n > len)
		goto bad;
	c = u[0] & (0x7F >> n);
	for (int i = 1; i < n; i++)
	{
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* overlongs, surrogates and out of range */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		(c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xFFFD;
	return 1;
}

int
at_utf8_decode_prev(const char *s, size_t pos, uint32_t *cp)
{
	size_t		start = pos;
	int			n;

	if (pos == 0)
	{
		*cp = 0;
		return 0;
	}
	/* back over at most three continuation bytes */
	while (start > 0 && pos - start < 4 &&
		   (((const unsigned char *) s)[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0 && pos - start < 4)
		start--;
	n = at_utf8_decode(s + start, pos - start, cp);
	if ((size_t) n != pos - start)
	{
		/* not a clean sequence: treat the last byte alone */
		*cp = 0xFFFD;
		return 1;
	}
	return n;
}

int
at_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = 0xC0 | (cp >> 6);
		o[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = 0xE0 | (cp >> 12);
		o[1] = 0x80 | ((cp >> 6) & 0x3F);
		o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (cp >> 18);
	o[1] = 0x80 | ((cp >> 12) & 0x3F);
	o[2] = 0x80 | ((cp >> 6) & 0x3F);
	o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

bool
at_utf8_valid(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n;

		if ((unsigned char) s[i] < 0x80)
		{
			i++;
			continue;
		}
		n = at_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1)
			return false;
		i += n;
	}
	return true;
}

size_t
at_utf8_count(const char *s, size_t len)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
		if ((((const unsigned char *) s)[i] & 0xC0) != 0x80)
			n++;
	return n;
}

void
at_char_cursor_init(AtCharCursor *cur, const char *s)
{
	cur->s = s;
	cur->byte = 0;
	cur->chr = 0;
}

size_t
at_char_cursor_offset(AtCharCursor *cur, size_t off)
{
	const unsigned char *u = (const unsigned char *) cur->s;

	if (off < cur->byte && off < cur->byte - off)
	{
		/* far behind: restart from the beginning */
		cur->byte = 0;
		cur->chr = 0;
	}
	/*
	 * Forward eight bytes at a time: a continuation byte (10xxxxxx) has its
	 * top bit set and the next bit clear; text that is all ASCII skips even
	 * the count.
	 */
	while (cur->byte + 8 <= off)
	{
		uint64_t	w;
		uint64_t	cont;

		memcpy(&w, u + cur->byte, 8);
		cur->byte += 8;
		if ((w & UINT64_C(0x8080808080808080)) == 0)
		{
			cur->chr += 8;
			continue;
		}
		cont = w & ~(w << 1) & UINT64_C(0x8080808080808080);
		cur->chr += 8 - (size_t) __builtin_popcountll(cont);
	}
	while (cur->byte < off)
	{
		if ((u[cur->byte] & 0xC0) != 0x80)
			cur->chr++;
		cur->byte++;
	}
	while (cur->byte > off)
	{
		cur->byte--;
		if ((u[cur->byte] & 0xC0) != 0x80)
			cur->chr--;
	}
	return cur->chr;
}

bool
at_cp_is_space(uint32_t cp)
{
	switch (cp)
	{
		case ' ':
		case '\t':
		case '\n':
		case '\r':
		case '\v':
		case '\f':
		case 0x85:
		case 0xA0:
		case 0x1680:
		case 0x2028:
		case 0x2029:
		case 0x202F:
		case 0x205F:
		case 0x3000:
		case 0xFEFF:
			return true;
		default:
			return cp >= 0x2000 && cp <= 0x200B;
	}
}

bool
at_cp_is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||	/* hiragana, katakana */
		(cp >= 0x3400 && cp <= 0x4DBF) ||	/* Han extension A */
		(cp >= 0x4E00 && cp <= 0x9FFF) ||	/* Han */
		(cp >= 0xAC00 && cp <= 0xD7AF) ||	/* Hangul syllables */
		(cp >= 0x1100 && cp <= 0x11FF) ||	/* Hangul jamo */
		(cp >= 0x3130 && cp <= 0x318F) ||	/* Hangul compatibility jamo */
		(cp >= 0xF900 && cp <= 0xFAFF) ||	/* Han compatibility */
		(cp >= 0x31F0 && cp <= 0x31FF) ||	/* katakana extension */
		(cp >= 0xFF66 && cp <= 0xFF9F) ||	/* halfwidth katakana */
		(cp >= 0x20000 && cp <= 0x3134F);	/* Han extensions B..G */
}

/* Letter ranges outside ASCII; enough for names in English news */
static const uint32_t alpha_ranges[][2] = {
	{0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},
	{0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x02AF},	/* Latin */
	{0x0370, 0x0373}, {0x0376, 0x0377}, {0x037B, 0x037D}, {0x0386, 0x0386},
	{0x0388, 0x03FF},			/* Greek */
	{0x0400, 0x0481}, {0x048A, 0x052F},	/* Cyrillic */
	{0x0531, 0x0556}, {0x0561, 0x0587},	/* Armenian */
	{0x05D0, 0x05EA}, {0x0620, 0x064A}, {0x0671, 0x06D3},	/* Hebrew, Arabic */
	{0x0900, 0x0DFF},			/* Indic scripts (marks included) */
	{0x0E01, 0x0E3A}, {0x0E40, 0x0E4E},	/* Thai */
	{0x10A0, 0x10FF},			/* Georgian */
	{0x1E00, 0x1FFF},			/* Latin extended additional, Greek extended */
};

bool
at_alnum_at(const char *s, size_t len, size_t pos)
{
	uint32_t	cp;
	unsigned char c;

	if (pos >= len)
		return false;
	c = (unsigned char) s[pos];
	if (c < 0x80)
		return at_is_ascii_alpha(c) || (c >= '0' && c <= '9');
	at_utf8_decode(s + pos, len - pos, &cp);
	return at_cp_is_alpha(cp);
}

bool
at_cp_is_alpha(uint32_t cp)
{
	if (cp < 0x80)
		return at_is_ascii_alpha((unsigned char) cp);
	if (at_cp_is_cjk(cp))
		return true;
	for (size_t i = 0; i < AT_LENGTHOF(alpha_ranges); i++)
	{
		if (cp < alpha_ranges[i][0])
			return false;
		if (cp <= alpha_ranges[i][1])
			return true;
	}
	return false;
}

bool
at_cp_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == (cp >= 0x139 && cp <= 0x148 ? 1 : cp >= 0x179 ? 1 : 0);
	if (cp >= 0x391 && cp <= 0x3AB)
		return true;
	if (cp >= 0x400 && cp <= 0x42F)
		return true;
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return (cp & 1) == 0;
	return false;
}

bool
at_cp_is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x17F)
		return !at_cp_is_upper(cp);
	if (cp >= 0x3AC && cp <= 0x3CE)
		return true;
	if (cp >= 0x430 && cp <= 0x45F)
		return true;
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return (cp & 1) == 1;
	return false;
}

bool
at_cp_is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
		cp == 0xFE63 || cp == 0xFF0D;
}

bool
at_cp_is_open_quote(uint32_t cp)
{
	return cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E ||
		cp == 0x300C || cp == 0x300E;
}

bool
at_cp_is_close_quote(uint32_t cp)
{
	return cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x300D ||
		cp == 0x300F;
}

size_t
at_trim_space_end(const char *s, size_t start, size_t end)
{
	while (end > start)
	{
		uint32_t	cp;
		int			n = at_utf8_decode_prev(s, end, &cp);

		if (!at_cp_is_space(cp))
			break;
		end -= n;
	}
	return end;
}

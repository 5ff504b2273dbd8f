/*
 * utf8.h: UTF-8 decoding and the character classes the engine needs.
 *
 * The engine works on UTF-8 bytes; SQL positions are in characters, so the
 * glue converts with AtCharCursor, which walks forward (and backward) from
 * the last conversion so a monotone series of conversions stays linear.
 */
#ifndef AT_UTF8_H
#define AT_UTF8_H

#include "common.h"

#include <string.h>

/* Length of the sequence a lead byte starts, 0 for a continuation or bad byte */
extern int	at_utf8_seqlen(unsigned char lead);

/*
 * Decode one character at s (at most len bytes).  Returns the number of bytes
 * consumed (>= 1 when len > 0); invalid sequences decode as U+FFFD consuming
 * one byte, so callers always advance.
 */
extern int	at_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Decode the character ending just before s + pos; returns its byte length */
extern int	at_utf8_decode_prev(const char *s, size_t pos, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns bytes written */
extern int	at_utf8_encode(uint32_t cp, char *out);

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates) */
extern bool at_utf8_valid(const char *s, size_t len);

/* Number of characters in s[0..len) (assumes valid UTF-8) */
extern size_t at_utf8_count(const char *s, size_t len);

typedef struct AtCharCursor
{
	const char *s;
	size_t		byte;			/* last byte offset converted */
	size_t		chr;			/* characters before that byte offset */
} AtCharCursor;

extern void at_char_cursor_init(AtCharCursor *cur, const char *s);
/* Character offset (0-based) of byte offset off, which must be a boundary */
extern size_t at_char_cursor_offset(AtCharCursor *cur, size_t off);

/* Character classes (Unicode-aware where news text needs it) */
extern bool at_cp_is_space(uint32_t cp);	/* incl. NBSP, U+2000..200A, U+3000 */

/* end, moved back over the white space (at_cp_is_space) that ends s[start..end) */
extern size_t at_trim_space_end(const char *s, size_t start, size_t end);
extern bool at_cp_is_alpha(uint32_t cp);	/* letters of alphabetic scripts and CJK */
extern bool at_cp_is_upper(uint32_t cp);
extern bool at_cp_is_lower(uint32_t cp);
extern bool at_cp_is_cjk(uint32_t cp);	/* Han, kana, Hangul */
extern bool at_cp_is_dash(uint32_t cp);	/* - and the Unicode dashes */
extern bool at_cp_is_open_quote(uint32_t cp);
extern bool at_cp_is_close_quote(uint32_t cp);

/* True when a letter (any script) or an ASCII digit starts at byte pos < len */
extern bool at_alnum_at(const char *s, size_t len, size_t pos);

static inline bool
at_cp_is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static inline bool
at_is_ascii_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * Runs of ASCII letters (and digits, with digits true) from s[p] before
 * end: their length.  Eight bytes at a time where the compiler has the
 * builtins and the target is little-endian (a bit trick on a 64-bit load:
 * the end of a word then costs no loop exit, which the CPU mispredicts at
 * most words), else byte by byte.
 */
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define AT_SWAR_RUNS 1
#endif

static inline size_t
at_ascii_run(const char *s, size_t end, size_t p, bool digits)
{
	size_t		n = 0;

#ifdef AT_SWAR_RUNS
	const uint64_t ones = UINT64_C(0x0101010101010101),
				high = UINT64_C(0x8080808080808080);

	while (end - p - n >= 8)
	{
		uint64_t	v,
					x,
					hit;

		memcpy(&v, s + p + n, 8);
		/* bytes 'a'..'z' once folded, or '0'..'9' (bytes >= 0x80 never): their high bits */
		x = (v | (ones * 0x20)) & (ones * 0x7F);
		hit = (ones * (127 + 'z' + 1) - x) & (x + ones * (127 - ('a' - 1)));
		if (digits)
		{
			x = v & (ones * 0x7F);
			hit |= (ones * (127 + '9' + 1) - x) & (x + ones * (127 - ('0' - 1)));
		}
		hit &= ~v & high;
		if (hit != high)
			return n + (size_t) (__builtin_ctzll(~hit & high) >> 3);
		n += 8;
	}
#endif
	for (; p + n < end; n++)
	{
		unsigned char c = (unsigned char) s[p + n];

		if (!at_is_ascii_alpha(c) && !(digits && c >= '0' && c <= '9'))
			break;
	}
	return n;
}

/*
 * The bytes s[p, p + n) (1 <= n <= 8, all before end), A-Z folded to
 * lower case, byte i at bits 8i: a word compared with a packed literal in
 * one step.  One 8-byte load where eight bytes lie before end (no loop
 * whose length varies by word); bytes of 0x80 and over are left as they
 * are.
 */
static inline uint64_t
at_pack_folded(const char *s, size_t p, size_t n, size_t end)
{
	uint64_t	v = 0;

#ifdef AT_SWAR_RUNS
	if (end - p >= 8)
	{
		const uint64_t ones = UINT64_C(0x0101010101010101);
		uint64_t	x,
					upper;

		memcpy(&v, s + p, 8);
		v &= n >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
		/* ASCII bytes 'A'..'Z' (no carry out of a byte below 0x80): 0x20 added */
		x = v & (ones * 0x7F);
		upper = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & ~v & (ones * 0x80);
		return v | (upper >> 2);
	}
#endif
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[p + i];

		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		v |= (uint64_t) c << (8 * i);
	}
	return v;
}

#endif							/* AT_UTF8_H */

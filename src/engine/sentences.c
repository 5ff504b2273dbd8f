/*
 * sentences.c: paragraph and sentence segmentation.
 *
 * A sentence ends at . ! ? or an ellipsis (or their CJK forms), possibly
 * followed by closing quotes and brackets, when white space and then a
 * sentence start follow.  It does not end:
 *   - after an abbreviation that is never sentence-final (Dr., Mr., Gen.,
 *     Jan.), or after a company or country abbreviation (Co., Inc., U.S.) or
 *     an initial (F.) unless the next word is a usual sentence opener;
 *   - inside a double-quoted passage that is still open;
 *   - before a lower-case word (decimals and "e.g." never see white space).
 */
#include "sentences.h"
#include "utf8.h"

#include <string.h>

/* Abbreviations after which a sentence never ends (compared caselessly) */
static const char *const never_final[] = {
	"adm", "approx", "apr", "assn", "aug", "ave", "blvd", "brig", "capt",
	"cmdr", "col", "comdr", "cpl", "dec", "dept", "dr", "e.g", "esp", "feb",
	"fig", "fr", "gen", "gov", "hon", "i.e", "jan", "jr", "jul", "jun", "lt",
	"maj", "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op",
	"pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sep", "sept",
	"sgt", "sr", "st", "supt", "vol", "vs",
};

/* Abbreviations that end a sentence only before a usual sentence opener */
static const char *const maybe_final[] = {
	"bros", "co", "corp", "etc", "inc", "ltd", "plc",
};

/* Words that usually open a sentence (after "U.S." or "Inc." they end one) */
static const char *const openers[] = {
	"a", "after", "also", "an", "and", "as", "at", "but", "by", "for",
	"from", "he", "her", "his", "however", "i", "if", "in", "it", "its",
	"last", "meanwhile", "more", "most", "mr", "mrs", "ms", "on", "our",
	"she", "since", "so", "some", "that", "the", "their", "there", "these",
	"they", "this", "those", "to", "under", "we", "what", "when", "while",
	"with", "yet", "you",
};

/* A line of white space only, no-break and ideographic spaces included */
static bool
is_blank_line(const char *text, size_t start, size_t end)
{
	for (size_t i = start; i < end;)
	{
		unsigned char c = (unsigned char) text[i];
		uint32_t	cp;

		if (c < 0x80)
		{
			if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
				return false;
			i++;
			continue;
		}
		i += at_utf8_decode(text + i, end - i, &cp);
		if (!at_cp_is_space(cp))
			return false;
	}
	return true;
}

static void
push_trimmed(const char *text, size_t start, size_t end, AtVec *out)
{
	AtSpan	   *sp;

	while (start < end)
	{
		uint32_t	cp;
		int			n = at_utf8_decode(text + start, end - start, &cp);

		if (!at_cp_is_space(cp))
			break;
		start += n;
	}
	while (end > start)
	{
		uint32_t	cp;
		int			n = at_utf8_decode_prev(text, end, &cp);

		if (!at_cp_is_space(cp))
			break;
		end -= n;
	}
	if (end <= start)
		return;
	sp = at_vec_push(out);
	sp->start = start;
	sp->len = end - start;
}

void
at_split_paragraphs(const char *text, size_t len, AtVec *out)
{
	bool		has_blank = false;
	size_t		pos,
				para_start;
	bool		in_para = false;

	/* does the text separate paragraphs with blank lines at all? */
	for (pos = 0; pos < len;)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		eol = nl ? (size_t) (nl - text) : len;

		if (pos > 0 && eol < len && is_blank_line(text, pos, eol))
		{
			has_blank = true;
			break;
		}
		pos = eol + 1;
	}

	para_start = 0;
	for (pos = 0; pos < len;)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		eol = nl ? (size_t) (nl - text) : len;
		bool		blank = is_blank_line(text, pos, eol);

		AT_CHECK_INTERRUPTS();
		if (blank)
		{
			if (in_para)
				push_trimmed(text, para_start, pos, out);
			in_para = false;
		}
		else if (!has_blank)
			push_trimmed(text, pos, eol, out);
		else if (!in_para)
		{
			in_para = true;
			para_start = pos;
		}
		pos = eol + 1;
	}
	if (in_para)
		push_trimmed(text, para_start, len, out);
}

/* The word (letters and inner dots) that ends just before byte offset end */
static size_t
word_before(const char *text, size_t start, size_t end)
{
	size_t		b = end;

	while (b > start && (at_is_ascii_alpha((unsigned char) text[b - 1]) ||
						 (text[b - 1] == '.' && b - 1 > start &&
						  at_is_ascii_alpha((unsigned char) text[b - 2]))))
		b--;
	return b;
}

static bool
is_initials(const char *w, size_t len)
{
	/* "F" or "U.S" or "U.K" (the final dot is the candidate boundary) */
	for (size_t i = 0; i < len; i++)
	{
		if (i % 2 == 0 && !(w[i] >= 'A' && w[i] <= 'Z'))
			return false;
		if (i % 2 == 1 && w[i] != '.')
			return false;
	}
	return len > 0 && len % 2 == 1;
}

/*
 * Is there a sentence start at byte p?  Sets *word to where its first word
 * starts (after opening quotes and brackets), for opener_at().
 */
static bool
starts_sentence(const char *text, size_t p, size_t end, size_t *word)
{
	uint32_t	cp;

	/* skip opening quotes and brackets */
	while (p < end)
	{
		int			n = at_utf8_decode(text + p, end - p, &cp);

		if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
			at_cp_is_open_quote(cp))
			p += n;
		else
			break;
	}
	*word = p;
	if (p >= end)
		return false;
	at_utf8_decode(text + p, end - p, &cp);
	return at_cp_is_upper(cp) || at_cp_is_digit(cp) || at_cp_is_cjk(cp) ||
		cp == '$' || cp == 0xA3 || cp == 0x20AC || cp == 0xA5 ||	/* $ £ € ¥ */
		(cp >= 0x80 && at_cp_is_alpha(cp) && !at_cp_is_lower(cp));
}

/*
 * Is the word at p (starts_sentence()'s *word) a usual sentence opener?
 * Asked only after an abbreviation that may end a sentence: most sentence
 * ends need no answer.
 */
static bool
opener_at(const char *text, size_t p, size_t end)
{
	size_t		w;

	for (w = p; w < end && at_is_ascii_alpha((unsigned char) text[w]); w++)
		;
	return w > p && (w == end || !at_is_ascii_alpha((unsigned char) text[w])) &&
		at_word_in(text + p, w - p, openers, AT_LENGTHOF(openers));
}

/* The ASCII bytes the sentence loop stops at; it passes over the others */
static const bool loud_ascii[128] = {['"'] = true, ['.'] = true, ['!'] = true, ['?'] = true};

#define QUIET_BYTE(c)	((unsigned char) (c) < 0x80 && !loud_ascii[(unsigned char) (c)])

/* Does some byte of v equal zero?  (exact as a yes/no answer) */
#define HAS_ZERO8(v)	(((v) - UINT64_C(0x0101010101010101)) & ~(v) & UINT64_C(0x8080808080808080))
#define BYTES8(c)		(UINT64_C(0x0101010101010101) * (uint8_t) (c))

/* Are the 8 bytes at p all QUIET_BYTE? */
static inline bool
quiet8(const char *p)
{
	uint64_t	v;

	memcpy(&v, p, 8);
	return (v & UINT64_C(0x8080808080808080)) == 0 &&
		!HAS_ZERO8(v ^ BYTES8('"')) && !HAS_ZERO8(v ^ BYTES8('.')) &&
		!HAS_ZERO8(v ^ BYTES8('!')) && !HAS_ZERO8(v ^ BYTES8('?'));
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bit i: byte i of the 16 at p is not QUIET_BYTE (loud or non-ASCII) */
static inline unsigned
loud16(const char *p)
{
	__m128i		v = _mm_loadu_si128((const __m128i *) p);
	__m128i		loud = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
												 _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
									_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
												 _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));

	return (unsigned) _mm_movemask_epi8(_mm_or_si128(loud, v));
}
#endif

void
at_split_sentences_range(const char *text, size_t start, size_t end,
						 AtVec *out)
{
	size_t		sent_start = start;
	size_t		p = start;
	bool		in_dquote = false;
	unsigned	steps = 0;

	while (p < end)
	{
		uint32_t	cp;
		int			n;
		size_t		q;
		bool		terminal;
		bool		cjk_terminal = false;
		size_t		word;

		if ((++steps & 0xFFF) == 0)
			AT_CHECK_INTERRUPTS();
		/*
		 * Most bytes of a text are ASCII that neither ends a sentence nor
		 * opens or closes a quote: skip them up to 64 at a time (the cap
		 * keeps the interrupt checks above within 256 kB of each other)
		 */
		if (QUIET_BYTE(text[p]))
		{
			size_t		lim = AT_MIN(end, p + 64);

#if defined(__SSE2__)
			/* sixteen bytes at a time, up to the first loud or non-ASCII one */
			while (p + 16 <= lim)
			{
				unsigned	loud = loud16(text + p);

				if (loud)
				{
					p += (size_t) __builtin_ctz(loud);
					break;
				}
				p += 16;
			}
#else
			/* eight bytes at a time while none is loud or non-ASCII */
			while (p + 8 <= lim && quiet8(text + p))
				p += 8;
#endif
			while (p < lim && QUIET_BYTE(text[p]))
				p++;
			continue;
		}
		/* ASCII without a call: this loop sees every character of a text */
		if ((unsigned char) text[p] < 0x80)
		{
			cp = (unsigned char) text[p];
			n = 1;
		}
		else
			n = at_utf8_decode(text + p, end - p, &cp);

		/* quote state: ASCII " toggles, curly quotes open and close */
		if (cp == '"')
			in_dquote = !in_dquote;
		else if (cp == 0x201C)
			in_dquote = true;
		else if (cp == 0x201D)
			in_dquote = false;

		terminal = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F)
			terminal = cjk_terminal = true;
		if (!terminal)
		{
			p += n;
			continue;
		}

		/* the run of terminal punctuation, then closing quotes/brackets */
		q = p + n;
		while (q < end)
		{
			uint32_t	c2;
			int			n2 = at_utf8_decode(text + q, end - q, &c2);

			if (c2 == '.' || c2 == '!' || c2 == '?' || c2 == 0x2026)
				q += n2;
			else if (c2 == '"' || c2 == 0x201D || c2 == 0x2019 ||
					 c2 == '\'' || c2 == ')' || c2 == ']')
			{
				if (c2 == '"' || c2 == 0x201D)
					in_dquote = false;
				q += n2;
			}
			else
				break;
		}

		if (cjk_terminal)
		{
			/* CJK full stops need no following space */
			push_trimmed(text, sent_start, q, out);
			sent_start = p = q;
			continue;
		}

		/* white space must follow, then a sentence start */
		{
			uint32_t	c3 = 0;
			size_t		r = q;

			while (r < end)
			{
				int			n3 = at_utf8_decode(text + r, end - r, &c3);

				if (!at_cp_is_space(c3))
					break;
				r += n3;
			}
			if (r == q || r >= end || in_dquote ||
				!starts_sentence(text, r, end, &word))
			{
				p = q;
				continue;
			}

			/* abbreviations, only for a lone final '.' */
			if (cp == '.' && q == p + 1)
			{
				size_t		wb = word_before(text, sent_start, p);
				size_t		wl = p - wb;

				if (wl > 0)
				{
					if (at_word_in(text + wb, wl, never_final, AT_LENGTHOF(never_final)))
					{
						p = q;
						continue;
					}
					if ((at_word_in(text + wb, wl, maybe_final, AT_LENGTHOF(maybe_final)) ||
						 is_initials(text + wb, wl)) && !opener_at(text, word, end))
					{
						p = q;
						continue;
					}
				}
			}
			push_trimmed(text, sent_start, q, out);
			sent_start = p = r;
		}
	}
	push_trimmed(text, sent_start, end, out);
}

/*
 * Is the text hard-wrapped prose?  It is when at least three lines run on
 * into a next non-blank line and two in three of them are nearly as long
 * as the longest (at most 120 bytes): lines filled up to a margin.
 * Scraped pages put a paragraph on one line and break lines only between
 * items (a byline, then a "Video Player" widget).
 */
static bool
text_is_wrapped(const char *text, size_t len)
{
	size_t		ncont = 0,
				nlong = 0,
				longest = 0;

	for (int pass = 0; pass < 2; pass++)
	{
		size_t		pos = 0;
		bool		prev_blank = true;
		size_t		prev_len = 0;

		while (pos < len)
		{
			const char *nl = memchr(text + pos, '\n', len - pos);
			size_t		eol = nl ? (size_t) (nl - text) : len;
			bool		blank = is_blank_line(text, pos, eol);

			if (!blank && !prev_blank)
			{
				/* the line before runs on into this one */
				if (pass == 0)
				{
					ncont++;
					if (prev_len > longest)
						longest = prev_len;
					/* news prose runs on in long lines: no need to read on */
					if (longest > 120)
						return false;
				}
				else if (prev_len * 4 >= longest * 3)
					nlong++;
			}
			prev_blank = blank;
			prev_len = eol - pos;
			pos = eol + 1;
		}
		/* a run-on line over 120 bytes has returned already */
		if (ncont < 3)
			return false;
	}
	return nlong * 3 >= ncont * 2;
}

/*
 * In text that is not hard-wrapped, a line that ends in a letter, digit
 * or closing bracket and a next line that starts like a sentence are two
 * sentences: "Editor: Zhang Dongmiao" then "Video PlayerClose".  Lines
 * ending in punctuation are left to the sentence rules (abbreviations).
 */
static bool
line_break_ends_sentence(const char *text, size_t line_start, size_t eol,
						 size_t next, size_t end)
{
	size_t		e = eol;
	uint32_t	cp;
	size_t		word;

	while (e > line_start && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
							  text[e - 1] == '\r'))
		e--;
	if (e == line_start)
		return false;
	at_utf8_decode_prev(text, e, &cp);
	if (!(at_cp_is_alpha(cp) || at_cp_is_digit(cp) || cp == ')' || cp == ']' || cp == '|'))
		return false;
	while (next < end && (text[next] == ' ' || text[next] == '\t'))
		next++;
	return next < end && starts_sentence(text, next, end, &word);
}

/* Sentences of one paragraph, cut first at line breaks that end one */
static void
split_paragraph(const char *text, size_t start, size_t end, bool wrapped,
				AtVec *out)
{
	size_t		from = start;

	if (!wrapped)
	{
		size_t		pos = start;

		for (;;)
		{
			const char *nl = memchr(text + pos, '\n', end - pos);
			size_t		eol;

			if (!nl)
				break;
			eol = (size_t) (nl - text);
			if (line_break_ends_sentence(text, pos, eol, eol + 1, end))
			{
				at_split_sentences_range(text, from, eol, out);
				from = eol + 1;
			}
			pos = eol + 1;
		}
	}
	at_split_sentences_range(text, from, end, out);
}

void
at_split_sentences(const char *text, size_t len, AtVec *out)
{
	AtVec		paras;
	bool		wrapped = text_is_wrapped(text, len);

	at_vec_init(&paras, out->mem, sizeof(AtSpan));
	at_split_paragraphs(text, len, &paras);
	for (size_t i = 0; i < paras.len; i++)
	{
		AtSpan	   *sp = AT_VEC_AT(&paras, AtSpan, i);

		/* the range's own check never fires on short paragraphs */
		AT_CHECK_INTERRUPTS();
		split_paragraph(text, sp->start, sp->start + sp->len, wrapped, out);
	}
	if (paras.data)
		at_free(out->mem, paras.data);
}

long
at_sentence_of(const AtVec *sentences, size_t off)
{
	long		lo = 0,
				hi = (long) sentences->len - 1;

	while (lo <= hi)
	{
		long		mid = (lo + hi) / 2;
		AtSpan	   *sp = AT_VEC_AT(sentences, AtSpan, mid);

		if (off < sp->start)
			hi = mid - 1;
		else if (off >= sp->start + sp->len)
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}

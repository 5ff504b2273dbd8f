/*
 * libxml2_prepass.c: takes out of an HTML page, before libxml2 reads it,
 * what the HTML path would only throw away (libxml2_reader.c's SAX
 * callbacks keep none of it), so that libxml2's tokenizer reads less.  It
 * made libxml2 fast enough for the server before html_tokenize.c; it is kept
 * with the test tool that compares the two (libxml2_reader.h):
 *
 * - the text of <script> (except JSON-LD, which html_json.c reads) and
 *   <style>: no text, and libxml2 stops at a text node over 10 MB;
 * - the content of elements whose subtree the callbacks skip (<svg>,
 *   <noscript>, <template>, <iframe>, ...), when it is plain enough that
 *   libxml2 would close the element at the same end tag without it;
 * - the text of comments (an empty comment stays: a comment still parts
 *   the text on either side);
 * - attributes the HTML path never reads (srcset, data-*, inline JSON,
 *   data: URIs), except on <meta>; the values of those it reads move to a
 *   side table when libxml2 would give them unchanged (no '&'), and the
 *   SAX callbacks find them there;
 * - blank runs between tags, down to one blank.
 *
 * None of it changes the rows: they are byte-identical with and without
 * these cuts (at_html_prepass_all) on the evaluation pages, and fuzz_html
 * compares the two on every input.
 *
 * The scan follows libxml2's HTML tokenizer (2.9 and later, recovery mode)
 * where it decides where a tag, a comment or a script body ends, so it cuts
 * at the same places; anything it does not know for sure (an unfinished tag
 * or comment, a processing instruction without a name, a name over 100
 * bytes, a NUL byte) leaves the rest of the page as it is.  Inside an
 * element whose content is to be taken out, any sign that libxml2 could
 * close elements differently (a mismatched end tag, a start tag inside an
 * element libxml2 closes implicitly, html/head/body, <script> in
 * <noscript>, deep nesting) keeps the content.  Every byte is read a
 * bounded number of times: a content that is kept is read once more.
 */
#include "libxml2_reader.h"

#include <string.h>
#include <strings.h>

/* a tag's attributes seen so far are bits of a uint32_t */
_Static_assert(HA_NATTRS <= 32, "HAttrName must fit the pre-pass's 32-bit set");

/* libxml2 reads names of at most this many bytes (HTML_PARSER_BUFFER_SIZE) */
#define PRE_NAME_MAX	100
/* most open elements inside content that is taken out */
#define PRE_DEPTH		64

#define PRE_FAIL		((size_t) -1)

typedef struct Pre
{
	const char *s;
	size_t		n;				/* up to the first NUL: libxml2 stops there */
	const AtMem *mem;
	AtBuf		out;
	size_t		copied;			/* s[0..copied) is in out, or left out */
	bool		any;
	AtVec	   *moved;			/* HMovedAttr; NULL: none moved */
	size_t		scan_failed;	/* a content scan gave up here: none starts before */
	unsigned	tags;			/* '<' read, for interrupt checks */
} Pre;

/* What a start tag gave */
typedef struct PreTag
{
	size_t		end;			/* after '>' or "/>" */
	bool		self_closed;	/* "/>" */
	char		name[PRE_NAME_MAX + 1]; /* lower case */
	size_t		name_len;
} PreTag;

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* libxml2's htmlParseHTMLName characters: 1, upper-case letters 2 */
static const uint8_t name_chars[256] = {
	['-'] = 1, ['.'] = 1, [':'] = 1, ['_'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2,
	['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2,
	['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2,
	['V'] = 2, ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2,
};

static bool
name_is(const PreTag *t, const char *w)
{
	return strcmp(t->name, w) == 0;
}

static bool
in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i][0] == name[0] && strcmp(name, list[i]) == 0)
			return true;
	return false;
}

/* Elements libxml2 ends at once (its HTML 4 empty elements) */
static const char *const void_elements[] = {
	"area", "base", "basefont", "br", "col", "frame", "hr", "img", "input",
	"isindex", "link", "meta", "param",
};

/*
 * Elements a later start tag can close implicitly in libxml2 (<p> by <div>,
 * <li> by <li>, ...).  Inside content taken out, no start tag may stand
 * inside one of them.
 */
static const char *const closed_implicitly[] = {
	"a", "address", "b", "big", "caption", "col", "colgroup", "dd", "dir", "dl", "dt",
	"font", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "legend",
	"li", "link", "listing", "menu", "ol", "option", "p", "pre", "s", "script",
	"small", "span", "strike", "style", "tbody", "td", "tfoot", "th", "thead",
	"title", "tr", "tt", "u", "ul", "xmp",
};

/*
 * Elements whose subtree the builder skips (HF_DROP and not kept for
 * text; see sax_start) and that no start tag closes implicitly: their
 * content can go.
 */
static const char *const content_skipped[] = {
	"button", "canvas", "dialog", "embed", "iframe", "math", "noscript", "object",
	"select", "svg", "template", "textarea",
};

/* The index of an attribute the HTML path reads in h_attr_names (html.c), or -1 */
static int
kept_attr(const char *name)
{
	for (size_t i = 0; i < h_nattr_names; i++)
		if (h_attr_names[i].name[0] == name[0] && strcmp(name, h_attr_names[i].name) == 0)
			return (int) i;
	return -1;
}

static void
emit_to(Pre *p, size_t pos)
{
	if (!p->any)
	{
		at_buf_init(&p->out, p->mem, p->n);
		p->any = true;
	}
	at_buf_append(&p->out, p->s + p->copied, pos - p->copied);
	p->copied = pos;
}

/* A name at *pos (libxml2's htmlParseHTMLName), lower-cased into buf; false when over the limit */
static bool
read_name(const Pre *p, size_t *pos, char *buf, size_t *len)
{
	size_t		i = *pos,
				k = 0;

	while (i < p->n)
	{
		uint8_t		k_of = name_chars[(unsigned char) p->s[i]];

		if (!k_of)
			break;
		if (k == PRE_NAME_MAX)
			return false;
		buf[k++] = k_of == 2 ? p->s[i] + ('a' - 'A') : p->s[i];
		i++;
	}
	buf[k] = '\0';
	*len = k;
	*pos = i;
	return true;
}

static size_t
skip_blanks(const Pre *p, size_t i)
{
	while (i < p->n && is_blank(p->s[i]))
		i++;
	return i;
}

/* An attribute kept in a start tag */
typedef struct PreAttr
{
	size_t		start,
				end;			/* the whole attribute in s */
	size_t		vstart,
				vlen;			/* its value */
	int			kept;			/* index in h_attr_names; -1 on <meta> */
	bool		move;
} PreAttr;

/* at most this many attributes kept in one tag, else it stays as it is */
#define PRE_ATTRS	64

/* The tag at lt again, with the attributes in a[0..n) only; name_end: after its name */
static void
rewrite_tag(Pre *p, size_t lt, size_t name_end, size_t tail, const PreAttr *a, int n)
{
	bool		marked = false;

	emit_to(p, name_end);
	for (int k = 0; k < n; k++)
	{
		if (a[k].move)
		{
			HMovedAttr *m;

			if (!marked)
			{
				/* no value: libxml2 reads a bare name fastest */
				at_buf_append(&p->out, " " H_MOVED_MARK, sizeof(H_MOVED_MARK));
				marked = true;
			}
			m = at_vec_push(p->moved);
			m->start = (uint32_t) a[k].vstart;
			m->len = (uint32_t) a[k].vlen;
			m->name = h_attr_names[a[k].kept].attr;
			m->last = false;
			continue;
		}
		at_buf_appendc(&p->out, ' ');
		at_buf_append(&p->out, p->s + a[k].start, a[k].end - a[k].start);
	}
	if (marked)
		AT_VEC_AT(p->moved, HMovedAttr, p->moved->len - 1)->last = true;
	/* a blank before "/>": an unquoted value would take the '/' */
	at_buf_appendc(&p->out, ' ');
	p->copied = tail;
	(void) lt;
}

/*
 * The start tag at lt ('<' and a letter): its end and name, as libxml2's
 * htmlParseStartTag reads it.  With rewrite, the attributes the HTML path
 * does not read are left out of the output, a repeated one too (libxml2
 * keeps the first), and values without a character reference are moved.
 * PRE_FAIL: not sure.
 */
static size_t
start_tag(Pre *p, size_t lt, PreTag *t, bool rewrite)
{
	const char *s = p->s;
	size_t		i = lt + 1,
				name_end;
	bool		keep_all,
				movable,
				change = false;
	PreAttr		a[PRE_ATTRS];
	int			n = 0;
	uint32_t	seen = 0;		/* h_attr_names bits */

	if (!read_name(p, &i, t->name, &t->name_len))
		return PRE_FAIL;
	name_end = i;
	keep_all = name_is(t, "meta");
	/* libxml2 drops a misplaced html, head or body without a callback: no values move */
	movable = p->moved && !name_is(t, "html") && !name_is(t, "head") && !name_is(t, "body");
	i = skip_blanks(p, i);
	while (i < p->n && s[i] != '>' && !(s[i] == '/' && i + 1 < p->n && s[i + 1] == '>'))
	{
		size_t		a0 = i,
					vs = 0,
					vl = 0;
		int			kept = -1;
		bool		keep = false;

		if (is_letter(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.')
		{
			char		an[PRE_NAME_MAX + 1];
			size_t		al,
						j;

			if (!read_name(p, &i, an, &al))
				return PRE_FAIL;
			kept = keep_all ? -1 : kept_attr(an);
			keep = keep_all || kept >= 0;
			j = skip_blanks(p, i);
			if (j < p->n && s[j] == '=')
			{
				j = skip_blanks(p, j + 1);
				if (j < p->n && (s[j] == '"' || s[j] == '\''))
				{
					const char *q = memchr(s + j + 1, s[j], p->n - j - 1);

					if (!q)
						return PRE_FAIL;
					vs = j + 1;
					vl = (size_t) (q - s) - vs;
					j = (size_t) (q - s) + 1;
				}
				else
				{
					vs = j;
					while (j < p->n && !is_blank(s[j]) && s[j] != '>')
						j++;
					vl = j - vs;
				}
				i = j;
			}
		}
		else
		{
			/* libxml2 skips a bogus attribute up to a blank or the tag's end */
			while (i < p->n && !is_blank(s[i]) && s[i] != '>' &&
				   !(s[i] == '/' && i + 1 < p->n && s[i + 1] == '>'))
				i++;
		}
		if (keep && kept >= 0 && (seen & (1u << kept)))
			keep = false;		/* libxml2 drops a repeated attribute */
		if (!keep)
			change = true;
		else if (n == PRE_ATTRS)
			rewrite = false;	/* too many to remember: as it is */
		else
		{
			a[n].start = a0;
			a[n].end = i;
			a[n].vstart = vs;
			a[n].vlen = vl;
			a[n].kept = kept;
			/* libxml2 gives a value without '&' as it stands (valid UTF-8) */
			a[n].move = movable && kept >= 0 && !memchr(s + vs, '&', vl);
			change |= a[n].move;
			if (kept >= 0)
				seen |= 1u << kept;
			n++;
		}
		i = skip_blanks(p, i);
	}
	if (i >= p->n)
		return PRE_FAIL;		/* libxml2 reads an unfinished tag its own way */
	t->self_closed = s[i] == '/';
	t->end = i + (t->self_closed ? 2 : 1);
	if (rewrite && change)
		rewrite_tag(p, lt, name_end, i, a, n);
	return t->end;
}

/* The end of the comment at lt ("<!--"), as libxml2 ends it ("-->" or "--!>"), or PRE_FAIL */
static size_t
comment_end(const Pre *p, size_t lt)
{
	const char *s = p->s;

	for (size_t i = lt + 4; i + 2 < p->n;)
	{
		const char *d = memchr(s + i, '-', p->n - i - 2);

		if (!d)
			break;
		i = (size_t) (d - s);
		if (s[i + 1] == '-')
		{
			if (s[i + 2] == '>')
				return i + 3;
			if (s[i + 2] == '!' && i + 3 < p->n && s[i + 3] == '>')
				return i + 4;
		}
		i++;
	}
	return PRE_FAIL;
}

/*
 * The end tag at lt ("</"): its end and lower-case name (empty when libxml2
 * reads no name there: then only "</" is passed, as text).
 */
static size_t
end_tag(const Pre *p, size_t lt, char *name, size_t *len)
{
	size_t		i = lt + 2;
	const char *gt;

	if (!read_name(p, &i, name, len))
		return PRE_FAIL;
	if (*len == 0)
		return lt + 2;
	gt = memchr(p->s + i, '>', p->n - i);
	return gt ? (size_t) (gt - p->s) + 1 : p->n;
}

/* Case-insensitive search of "</name" (libxml2's end of a script or style body) */
static size_t
raw_text_end(const Pre *p, size_t from, const char *name, size_t nl)
{
	for (size_t i = from; i < p->n;)
	{
		const char *lt = memchr(p->s + i, '<', p->n - i);

		if (!lt)
			break;
		i = (size_t) (lt - p->s);
		if (i + 2 + nl <= p->n && p->s[i + 1] == '/' &&
			strncasecmp(p->s + i + 2, name, nl) == 0)
			return i;
		i++;
	}
	return p->n;
}

static size_t scan_content(Pre *p, size_t from, const PreTag *elem, size_t *stop);

/*
 * Where the content of the element that ends its start tag at from ends
 * (the '<' of its end tag), when it can be left out: PRE_FAIL otherwise.
 * Each byte is scanned at most twice in all: a scan that gives up marks
 * where, and no scan starts before that mark again (the content of an
 * element inside stays then, which is always right).
 */
static size_t
skipped_content_end(Pre *p, size_t from, const PreTag *elem)
{
	size_t		stop = from,
				end;

	if (from < p->scan_failed)
		return PRE_FAIL;
	end = scan_content(p, from, elem, &stop);
	if (end == PRE_FAIL && stop > p->scan_failed)
		p->scan_failed = stop;
	return end;
}

/* skipped_content_end's scan; *stop: about where it gave up */
static size_t
scan_content(Pre *p, size_t from, const PreTag *elem, size_t *stop)
{
	char		stack[PRE_DEPTH][16];
	int			depth = 0;
	size_t		i = from;
	Pre			scan = *p;		/* reads only: start_tag does not rewrite */

	while (i < p->n)
	{
		const char *lt = memchr(p->s + i, '<', p->n - i);
		size_t		at;

		*stop = i;
		if ((++p->tags & 65535) == 0)
			AT_CHECK_INTERRUPTS();
		if (!lt)
		{
			*stop = p->n;
			return PRE_FAIL;
		}
		at = (size_t) (lt - p->s);
		if (at + 1 >= p->n)
			return PRE_FAIL;
		if (p->s[at + 1] == '/')
		{
			char		name[PRE_NAME_MAX + 1];
			size_t		nl;

			i = end_tag(p, at, name, &nl);
			if (i == PRE_FAIL)
				return PRE_FAIL;
			if (nl == 0)
				continue;
			if (depth == 0)
				return strcmp(name, elem->name) == 0 ? at : PRE_FAIL;
			if (strcmp(name, stack[depth - 1]) != 0)
				return PRE_FAIL;
			depth--;
		}
		else if (p->s[at + 1] == '!' && at + 3 < p->n && p->s[at + 2] == '-' && p->s[at + 3] == '-')
		{
			i = comment_end(p, at);
			if (i == PRE_FAIL)
				return PRE_FAIL;
		}
		else if (is_letter(p->s[at + 1]))
		{
			PreTag		t;

			if (depth > 0 && in_list(stack[depth - 1], closed_implicitly, AT_LENGTHOF(closed_implicitly)))
				return PRE_FAIL;
			i = start_tag(&scan, at, &t, false);
			if (i == PRE_FAIL || name_is(&t, "html") || name_is(&t, "head") || name_is(&t, "body") ||
				(name_is(&t, "script") && strcmp(elem->name, "noscript") == 0))
				return PRE_FAIL;
			if ((name_is(&t, "script") || name_is(&t, "style")) && !t.self_closed)
				i = raw_text_end(p, i, t.name, t.name_len);
			if (t.self_closed || in_list(t.name, void_elements, AT_LENGTHOF(void_elements)))
				continue;
			if (depth == PRE_DEPTH || t.name_len >= sizeof(stack[0]))
				return PRE_FAIL;
			memcpy(stack[depth++], t.name, t.name_len + 1);
		}
		else if (p->s[at + 1] == '!' || p->s[at + 1] == '?')
			return PRE_FAIL;
		else
			i = at + 1;
	}
	return PRE_FAIL;
}

/*
 * A run of 2 to 999 ASCII blanks from pos (just after a tag or comment) to
 * the next tag becomes one blank: a newline when it holds one.  The text
 * node stays, and the HTML path reads a blank-only node as a break alone.
 * A longer run libxml2 hands over in two parts, and whether it keeps the
 * first depends on what follows it: those stay.  Returns the next position.
 */
static size_t
fold_blanks(Pre *p, size_t pos)
{
	const char *s = p->s;
	size_t		e = pos;
	bool		nl = false;

	while (e < p->n && e - pos < 1000 && is_blank(s[e]))
		nl |= s[e++] == '\n';
	if (e - pos < 2 || e - pos >= 1000 || e + 1 >= p->n || s[e] != '<' ||
		!(is_letter(s[e + 1]) || (s[e + 1] == '/' && e + 2 < p->n && is_letter(s[e + 2])) ||
		  (s[e + 1] == '!' && e + 3 < p->n && s[e + 2] == '-' && s[e + 3] == '-')))
		return pos;
	emit_to(p, pos);
	at_buf_appendc(&p->out, nl ? '\n' : ' ');
	p->copied = e;
	return e;
}

/* True when the start tag s[lt..end) names JSON-LD (the text html_json.c reads) */
static bool
is_json_ld(const char *s, size_t lt, size_t end)
{
	for (size_t i = lt; i + 7 <= end; i++)
		if ((s[i] | 0x20) == 'l' && strncasecmp(s + i, "ld+json", 7) == 0)
			return true;
	return false;
}

/* True when s holds H_MOVED_MARK: then the page's own attribute could pass for it */
static bool
has_mark(const char *s, size_t n)
{
	for (const char *p = s, *end = s + n; p + 4 <= end;)
	{
		const char *u = memchr(p, '_', end - p - 3);

		if (!u)
			return false;
		if (memcmp(u, H_MOVED_MARK, 4) == 0)
			return true;
		p = u + 1;
	}
	return false;
}

char *
h_prepass(const char *s, size_t len, const AtMem *mem, AtVec *moved, size_t *outlen)
{
	Pre			p;
	size_t		pos = 0;
	const char *nul = memchr(s, '\0', len);

	memset(&p, 0, sizeof(p));
	p.s = s;
	p.n = nul ? (size_t) (nul - s) : len;
	p.mem = mem;
	/* the page is valid UTF-8 (at_parse_article's contract), as libxml2 is told */
	if (moved && at_html_prepass_all && len <= UINT32_MAX && !has_mark(s, p.n))
		p.moved = moved;
	while (pos < p.n)
	{
		const char *lt = memchr(s + pos, '<', p.n - pos);
		size_t		at;
		char		c;

		if (!lt || lt + 1 >= s + p.n)
			break;
		if ((++p.tags & 65535) == 0)
			AT_CHECK_INTERRUPTS();
		at = (size_t) (lt - s);
		c = s[at + 1];
		if (c == '/')
		{
			char		name[PRE_NAME_MAX + 1];
			size_t		nl;

			pos = end_tag(&p, at, name, &nl);
			if (pos != PRE_FAIL && nl > 0 && at_html_prepass_all)
				pos = fold_blanks(&p, pos);
		}
		else if (c == '!' && at + 3 < p.n && s[at + 2] == '-' && s[at + 3] == '-')
		{
			pos = comment_end(&p, at);
			if (pos != PRE_FAIL && at_html_prepass_all)
			{
				if (pos - at > 7)
				{
					emit_to(&p, at);
					at_buf_append(&p.out, "<!---->", 7);
					p.copied = pos;
				}
				pos = fold_blanks(&p, pos);
			}
		}
		else if (c == '?')
		{
			/* a processing instruction with a target ends at '>' */
			const char *gt = memchr(s + at, '>', p.n - at);

			pos = at + 2 < p.n && (is_letter(s[at + 2]) || s[at + 2] == '_' || s[at + 2] == ':') && gt ?
				(size_t) (gt - s) + 1 : PRE_FAIL;
		}
		else if (is_letter(c))
		{
			PreTag		t;
			size_t		end;

			pos = start_tag(&p, at, &t, at_html_prepass_all);
			if (pos == PRE_FAIL)
				break;
			/*
			 * A script body goes up to "</script" even after <script/>: what
			 * browsers do, and no script text becomes page text
			 */
			if (name_is(&t, "script") || name_is(&t, "style"))
			{
				end = raw_text_end(&p, pos, t.name, t.name_len);
				if (end > pos && !(t.name[1] == 'c' && is_json_ld(s, at, t.end)))
				{
					emit_to(&p, pos);
					p.copied = end;
				}
				pos = end;
			}
			else if (!t.self_closed && at_html_prepass_all && in_list(t.name, content_skipped, AT_LENGTHOF(content_skipped)) &&
					 (end = skipped_content_end(&p, pos, &t)) != PRE_FAIL)
			{
				if (end > pos)
				{
					emit_to(&p, pos);
					p.copied = end;
				}
				pos = end;
			}
			else if (at_html_prepass_all)
				pos = fold_blanks(&p, pos);
		}
		else
			pos = at + 1;
		if (pos == PRE_FAIL)
			break;				/* the rest as it is */
	}
	if (!p.any)
		return NULL;
	emit_to(&p, len);
	*outlen = p.out.len;
	return p.out.data;
}

/*
 * html.c: HTML recognition, the HDoc builder, and the order of the steps of
 * the HTML path (see html.h).
 *
 * Our tokenizer (html_tokenize.c) reads the page into an HDoc (html_int.h)
 * through the builder here: the element kinds the later steps tell apart, a
 * few attributes, and the decoded text.  The tree is the one libxml2 2.9's
 * HTML parser gives in recovery mode; test/html/same_tree.sh checks that on
 * the evaluation pages, with libxml2's parser driving the same builder
 * (test/html/libxml2_reader.c, a test tool, never in the server).
 *
 * Limits: AT_HTML_MAX_BYTES of input; the builder stops at 256 levels of
 * nesting and 10 MB text nodes (libxml2's limits without HTML_PARSE_HUGE),
 * keeping what was read so far.  Every walk below is iterative, so depth
 * costs no stack.
 */
#include "html_int.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

bool		(*at_html_interrupt_pending) (void) = NULL;
void		(*h_read_page_hook) (HDoc *d, const char *s, size_t len) = NULL;

/* ---- data: elements and attributes ------------------------------------- */

typedef struct TagName
{
	const char *name;
	uint8_t		tag;
	uint8_t		flags;
} TagName;

/* sorted by name for bsearch */
static const TagName tag_names[] = {
	{"a", H_A, 0}, {"address", H_ADDRESS, HF_BLOCK}, {"article", H_ARTICLE, HF_BLOCK},
	{"aside", H_ASIDE, HF_BLOCK | HF_DROP | HF_BOIL}, {"base", H_BASE, 0},
	{"blockquote", H_BLOCKQUOTE, HF_BLOCK}, {"body", H_BODY, HF_BLOCK}, {"br", H_BR, 0},
	{"button", H_BUTTON, HF_DROP | HF_SKIP}, {"canvas", H_CANVAS, HF_DROP | HF_SKIP},
	{"caption", H_CAPTION, HF_BLOCK}, {"center", H_CENTER, HF_BLOCK},
	{"dd", H_DD, HF_BLOCK}, {"details", H_DETAILS, HF_BLOCK}, {"dialog", H_DIALOG, HF_BLOCK | HF_DROP | HF_BOIL},
	{"div", H_DIV, HF_BLOCK}, {"dl", H_DL, HF_BLOCK}, {"dt", H_DT, HF_BLOCK},
	{"embed", H_EMBED, HF_DROP | HF_SKIP}, {"fieldset", H_FIELDSET, HF_BLOCK},
	{"figcaption", H_FIGCAPTION, HF_BLOCK}, {"figure", H_FIGURE, HF_BLOCK},
	{"footer", H_FOOTER, HF_BLOCK | HF_DROP | HF_BOIL}, {"form", H_FORM, HF_BLOCK},
	{"h1", H_H1, HF_BLOCK}, {"h2", H_H2, HF_BLOCK}, {"h3", H_H3, HF_BLOCK},
	{"h4", H_H4, HF_BLOCK}, {"h5", H_H5, HF_BLOCK}, {"h6", H_H6, HF_BLOCK},
	{"head", H_HEAD, HF_DROP | HF_SKIP}, {"header", H_HEADER, HF_BLOCK | HF_DROP},
	{"hr", H_HR, HF_BLOCK}, {"html", H_HTML, HF_BLOCK},
	{"iframe", H_IFRAME, HF_DROP | HF_SKIP}, {"img", H_IMG, 0}, {"input", H_INPUT, HF_DROP | HF_SKIP},
	{"li", H_LI, HF_BLOCK}, {"link", H_LINK, 0}, {"main", H_MAIN, HF_BLOCK},
	{"math", H_MATH, HF_DROP | HF_SKIP}, {"menu", H_MENU, HF_BLOCK | HF_DROP | HF_BOIL}, {"meta", H_META, 0},
	{"nav", H_NAV, HF_BLOCK | HF_DROP | HF_BOIL}, {"noscript", H_NOSCRIPT, HF_DROP | HF_SKIP},
	{"object", H_OBJECT, HF_DROP | HF_SKIP}, {"ol", H_OL, HF_BLOCK}, {"option", H_OPTION, HF_DROP | HF_SKIP},
	{"p", H_P, HF_BLOCK}, {"pre", H_PRE, HF_BLOCK}, {"script", H_SCRIPT, HF_DROP | HF_SKIP},
	{"section", H_SECTION, HF_BLOCK}, {"select", H_SELECT, HF_DROP | HF_SKIP},
	{"span", H_SPAN, 0}, {"style", H_STYLE, HF_DROP | HF_SKIP}, {"summary", H_SUMMARY, HF_BLOCK},
	{"svg", H_SVG, HF_DROP | HF_SKIP}, {"table", H_TABLE, HF_BLOCK}, {"tbody", H_TBODY, HF_BLOCK},
	{"td", H_TD, HF_BLOCK}, {"template", H_TEMPLATE, HF_DROP | HF_SKIP},
	{"textarea", H_TEXTAREA, HF_DROP | HF_SKIP}, {"tfoot", H_TFOOT, HF_BLOCK},
	{"th", H_TH, HF_BLOCK}, {"thead", H_THEAD, HF_BLOCK}, {"time", H_TIME, 0},
	{"title", H_TITLE, HF_DROP | HF_SKIP}, {"tr", H_TR, HF_BLOCK}, {"ul", H_UL, HF_BLOCK},
};

/* sorted by name (the test tool's libxml2 reader looks names up with bsearch) */
const HAttrEntry h_attr_names[] = {
	{"aria-hidden", HA_ARIA_HIDDEN}, {"class", HA_CLASS}, {"content", HA_CONTENT},
	{"datetime", HA_DATETIME}, {"hidden", HA_HIDDEN}, {"href", HA_HREF},
	{"http-equiv", HA_HTTP_EQUIV}, {"id", HA_ID}, {"itemprop", HA_ITEMPROP},
	{"itemtype", HA_ITEMTYPE}, {"lang", HA_LANG}, {"name", HA_NAME},
	{"property", HA_PROPERTY}, {"pubdate", HA_PUBDATE}, {"rel", HA_REL},
	{"role", HA_ROLE}, {"style", HA_STYLE}, {"type", HA_TYPE},
};
const size_t h_nattr_names = AT_LENGTHOF(h_attr_names);

_Static_assert(AT_LENGTHOF(h_attr_names) == HA_NATTRS, "h_attr_names lists every HAttrName");

/* the first bytes tell most names apart without a call */
static int
cmp_name(const char *k, const char *name)
{
	if (k[0] != name[0])
		return (unsigned char) k[0] - (unsigned char) name[0];
	return strcmp(k, name);
}

static int
cmp_tag(const void *k, const void *e)
{
	return cmp_name((const char *) k, ((const TagName *) e)->name);
}

/* ---- recognition -------------------------------------------------------- */

static bool
starts_ci(const char *s, size_t len, size_t pos, const char *w)
{
	size_t		n = strlen(w);

	if (len - pos < n)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		char		c = s[pos + i],
					x = w[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (c != x)
			return false;
	}
	return true;
}

static bool
tag_end_at(const char *s, size_t len, size_t pos)
{
	return pos >= len || s[pos] == '>' || s[pos] == ' ' || s[pos] == '\t' ||
		s[pos] == '\n' || s[pos] == '\r' || s[pos] == '/';
}

#define SNIFF_BYTES		65536

bool
at_looks_like_html(const char *s, size_t len)
{
	size_t		p = 0,
				lim = AT_MIN(len, SNIFF_BYTES),
				tags = 0,
				tag_bytes = 0,
				solid = 0;
	bool		opens_with_tag = false;

	/* white space, a BOM, comments and an XML declaration before the root */
	for (int guard = 0; guard < 64; guard++)
	{
		while (p < lim && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r'))
			p++;
		if (lim - p >= 3 && memcmp(s + p, "\xef\xbb\xbf", 3) == 0)
			p += 3;
		else if (starts_ci(s, lim, p, "<!--") || starts_ci(s, lim, p, "<?xml"))
		{
			const char *e = memchr(s + p + 2, '>', lim - p - 2);

			/* a comment ends at "-->", not at the '>' of "<!--[if !IE]>" */
			while (e && s[p + 1] == '!' && (e - s < (ptrdiff_t) p + 6 || e[-1] != '-' || e[-2] != '-'))
				e = memchr(e + 1, '>', lim - (size_t) (e - s) - 1);
			if (!e)
				return false;
			p = (size_t) (e - s) + 1;
		}
		else
			break;
	}
	if (starts_ci(s, lim, p, "<!doctype html"))
		return true;
	for (int i = 0; i < 3; i++)
	{
		static const char *const roots[] = {"<html", "<head", "<body"};

		if (starts_ci(s, lim, p, roots[i]) && tag_end_at(s, lim, p + 5))
			return true;
	}
	opens_with_tag = p + 1 < lim && s[p] == '<' &&
		((s[p + 1] | 0x20) >= 'a' && (s[p + 1] | 0x20) <= 'z');

	/* otherwise: mostly markup */
	for (size_t i = 0; i < lim; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '<' && i + 1 < lim &&
			(((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') || s[i + 1] == '/' || s[i + 1] == '!'))
		{
			size_t		e = i + 1;
			size_t		stop = AT_MIN(lim, i + 1024);

			while (e < stop && s[e] != '>' && s[e] != '<')
				e++;
			if (e < stop && s[e] == '>')
			{
				tags++;
				tag_bytes += e - i + 1;
				solid += e - i + 1;
				i = e;
				continue;
			}
		}
		if (c > ' ')
			solid++;
	}
	if (tags < 8)
		return false;
	return opens_with_tag || tag_bytes * 2 >= solid;
}

/* ---- small helpers ------------------------------------------------------ */

const char *
h_attr(const HDoc *d, int node, HAttrName name, size_t *len)
{
	const HNode *n = HN(d, node);

	for (uint32_t i = 0; i < n->nattr; i++)
	{
		const HAttr *a = AT_VEC_AT(&d->attrs, HAttr, n->attr0 + i);

		if (a->name == name)
		{
			*len = a->len;
			return d->text.data + a->start;
		}
	}
	*len = 0;
	return NULL;
}

bool
h_attr_is(const HDoc *d, int node, HAttrName name, const char *value)
{
	size_t		len;
	const char *v = h_attr(d, node, name, &len);
	size_t		st;

	if (!v)
		return false;
	len = h_trim(v, len, &st);
	return len == strlen(value) && starts_ci(v + st, len, 0, value);
}

/* True when the attribute holds word as one of its white-space separated words */
bool
h_attr_has_word(const HDoc *d, int node, HAttrName name, const char *word)
{
	size_t		len,
				wl = strlen(word);
	const char *v = h_attr(d, node, name, &len);

	for (size_t i = 0; v && i < len;)
	{
		size_t		e = i;

		while (e < len && v[e] != ' ' && v[e] != '\t' && v[e] != '\n')
			e++;
		if (e - i == wl && starts_ci(v, len, i, word))
			return true;
		i = e + 1;
	}
	return false;
}

/*
 * Pre-order successor of node inside root's subtree (-1 at the end); with
 * enter false the node's children are passed over.
 */
int
h_next_in_order(const HDoc *d, int node, int root, bool enter)
{
	const HNode *n = HN(d, node);

	if (enter && n->first >= 0)
		return n->first;
	while (node != root && node >= 0)
	{
		n = HN(d, node);
		if (n->next >= 0)
			return n->next;
		node = n->parent;
	}
	return -1;
}

size_t
h_trim(const char *s, size_t len, size_t *start)
{
	size_t		b = 0,
				e = len;
	uint32_t	cp;

	while (b < e)
	{
		int			n = at_utf8_decode(s + b, e - b, &cp);

		if (!at_cp_is_space(cp))
			break;
		b += n;
	}
	while (e > b)
	{
		int			n = at_utf8_decode_prev(s, e, &cp);

		if (!at_cp_is_space(cp))
			break;
		e -= n;
	}
	*start = b;
	return e - b;
}

/*
 * Append s with runs of white space made one space (or, with keep_lines, a
 * newline when the run holds one) and control characters dropped.
 */
void
h_append_clean(AtBuf *out, const char *s, size_t len, bool keep_lines)
{
	bool		space = out->len > 0 && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n');
	bool		nl = false;

	at_buf_reserve(out, len + 1);
	for (size_t i = 0; i < len;)
	{
		uint32_t	cp;
		int			n;
		unsigned char c = (unsigned char) s[i];

		if (c < 0x80)
		{
			n = 1;
			cp = c;
		}
		else
			n = at_utf8_decode(s + i, len - i, &cp);
		if (at_cp_is_space(cp) || cp < 0x20 || cp == 0x7f || cp == 0x200b || cp == 0xfeff)
		{
			if (cp == '\n')
				nl = true;
			if (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r')
			{
				i += n;
				continue;		/* a control character is not a space */
			}
			if (!space)
				at_buf_appendc(out, keep_lines && nl ? '\n' : ' ');
			else if (keep_lines && nl && out->len > 0 && out->data[out->len - 1] == ' ')
				out->data[out->len - 1] = '\n';
			space = true;
		}
		else
		{
			/* a sequence cut by a length limit is no character: U+FFFD, not its bytes */
			if (cp == 0xFFFD && !(n == 3 && at_utf8_valid(s + i, 3)))
				at_buf_append(out, "\xef\xbf\xbd", 3);
			else
				at_buf_append(out, s + i, n);
			space = false;
			nl = false;
		}
		i += n;
	}
}

/* Visible text of node's subtree, white space collapsed, at most max bytes */
void
h_text_of(const HDoc *d, int node, AtBuf *out, size_t max)
{
	size_t		start = out->len;

	for (int i = node; i >= 0 && out->len - start < max;)
	{
		const HNode *n = HN(d, i);

		if (n->tag == H_TEXT)
		{
			const char *t = d->text.data + n->start;
			size_t		tl = n->len;

			/* at most max bytes of a long text node, cut at a character */
			if (tl > max)
			{
				tl = max;
				while (tl > 0 && ((unsigned char) t[tl] & 0xC0) == 0x80)
					tl--;
			}
			h_append_clean(out, t, tl, false);
		}
		else if ((n->flags & HF_BLOCK) || n->tag == H_BR)
			h_append_clean(out, " ", 1, false);
		i = h_next_in_order(d, i, node, !(n->flags & HF_SKIP) || i == node);
	}
	if (out->len - start > max)
	{
		size_t		cut = start + max;

		while (cut > start && ((unsigned char) out->data[cut] & 0xC0) == 0x80)
			cut--;
		out->len = cut;
		if (out->data)
			out->data[cut] = '\0';
	}
}

/* ---- the HDoc builder ---------------------------------------------------- */

static int
new_node(HDoc *d, int parent, uint8_t tag, uint8_t flags)
{
	int			id = (int) d->nodes.len;
	HNode	   *n = at_vec_push(&d->nodes);

	n->parent = parent;
	n->first = n->last = n->next = -1;
	n->tag = tag;
	n->flags = n->tag_flags = flags;
	n->attr0 = (uint32_t) d->attrs.len;
	if (parent >= 0)
	{
		HNode	   *p = HN(d, parent);

		if (p->last >= 0)
			HN(d, p->last)->next = id;
		else
			p->first = id;
		p->last = id;
	}
	return id;
}

/* Copy at most max bytes of s, cut at a character boundary; returns the offset */
static uint32_t
keep_text(HDoc *d, const char *s, size_t len, size_t max, uint32_t *outlen)
{
	uint32_t	off = (uint32_t) d->text.len;

	if (len > max)
	{
		len = max;
		while (len > 0 && ((unsigned char) s[len] & 0xC0) == 0x80)
			len--;
	}
	at_buf_append(&d->text, s, len);
	*outlen = (uint32_t) len;
	return off;
}

/* JSON-LD is the one script whose text is kept */
static bool
keeps_script_text(HDoc *d, int id)
{
	return h_attr_is(d, id, HA_TYPE, "application/ld+json");
}

/*
 * The HDoc builder both tokenizers drive (html_int.h): elements and text go
 * straight into the HDoc as they are read.  The HDoc is the tree libxml2's
 * own SAX2 builder would give, copied as before: the implied and closed
 * elements the tokenizer decides, adjacent text joined unless a comment
 * stands between, no text outside the root, element names without a prefix
 * ("o:p" is p), and the builder's limit of 256 open elements, at which the
 * parse stops (b->stop).
 */
#define SAX_MAX_DEPTH	256		/* libxml2's xmlParserMaxDepth without XML_PARSE_HUGE */
#define SAX_MAX_TEXT	10000000	/* its XML_MAX_TEXT_LENGTH for one text node */

void
h_build_init(HBuild *b, HDoc *d)
{
	memset(b, 0, sizeof(*b));
	b->d = d;
	b->text = -1;
	new_node(d, -1, H_OTHER, HF_BLOCK); /* the document */
}

/* The element kind of a lower-case name (a prefix "o:" is passed over) */
void
h_tag_of(const char *name, uint8_t *tag, uint8_t *flags)
{
	const char *colon = strchr(name, ':');
	const TagName *t;

	if (colon && colon > name && colon[1])
		name = colon + 1;
	t = bsearch(name, tag_names, AT_LENGTHOF(tag_names), sizeof(TagName), cmp_tag);
	*tag = t ? t->tag : H_OTHER;
	*flags = t ? t->flags : 0;
}

/* An element opens; its attributes follow (h_build_attr), then h_build_opened */
int
h_build_start(HBuild *b, uint8_t tag, uint8_t flags)
{
	int			id;

	if (b->open > SAX_MAX_DEPTH)
	{
		b->stop = true;
		return -1;
	}
	b->open++;
	if (b->skip > 0)
	{
		b->skip++;
		return -1;
	}
	id = new_node(b->d, b->cur, tag, flags);
	b->text = -1;
	return id;
}

void
h_build_attr(HBuild *b, int id, uint8_t name, const char *v, size_t len)
{
	HDoc	   *d = b->d;
	HNode	   *n = HN(d, id);
	HAttr	   *ha;

	if (n->nattr == UINT16_MAX)
		return;
	n->nattr++;
	ha = at_vec_push(&d->attrs);
	ha->node = (uint32_t) id;
	ha->name = name;
	ha->start = keep_text(d, v, len, H_MAX_ATTR, &ha->len);
}

void
h_build_opened(HBuild *b, int id)
{
	HDoc	   *d = b->d;
	uint8_t		tag = HN(d, id)->tag,
				flags = HN(d, id)->tag_flags;

	/*
	 * dropped elements are kept (for their attributes), not their text;
	 * <noscript> keeps its text for the body step, which reads the ones
	 * that hold a page's text for readers without scripts
	 */
	if (!(flags & HF_DROP) || tag == H_HEAD || tag == H_TITLE ||
		tag == H_NAV || tag == H_HEADER || tag == H_FOOTER ||
		tag == H_ASIDE || tag == H_MENU || tag == H_NOSCRIPT ||
		(tag == H_SCRIPT && keeps_script_text(d, id)))
		b->cur = id;
	else
		b->skip = 1;
}

void
h_build_end(HBuild *b)
{
	if (b->open == 0)
		return;
	b->open--;
	b->text = -1;
	if (b->skip > 0)
		b->skip--;
	else if (b->cur > 0)
		b->cur = HN(b->d, b->cur)->parent;
}

void
h_build_text(HBuild *b, const char *s, size_t len)
{
	HDoc	   *d = b->d;
	HNode	   *n;

	if (b->skip > 0 || b->open == 0 || len == 0)
		return;
	if (b->text >= 0)
	{
		n = HN(d, b->text);
		if ((size_t) n->len + len > SAX_MAX_TEXT)
		{
			b->stop = true;
			return;
		}
		/* the text buffer ends with this node's text: nothing was kept since */
		at_buf_append(&d->text, s, len);
		HN(d, b->text)->len += (uint32_t) len;
		return;
	}
	b->text = new_node(d, b->cur, H_TEXT, 0);
	n = HN(d, b->text);
	n->start = keep_text(d, s, len, SIZE_MAX, &n->len);
}

/* ---- the steps ---------------------------------------------------------- */

/* Tags ('<' before a letter, '/' or '!'), up to one past the limit */
static size_t
count_tags(const char *s, size_t len)
{
	size_t		n = 0;

	for (const char *p = s, *end = s + len; p < end && n <= AT_HTML_MAX_TAGS;)
	{
		const char *lt = memchr(p, '<', end - p);
		char		c;

		if (!lt || lt + 1 >= end)
			break;
		c = lt[1] | 0x20;
		if ((c >= 'a' && c <= 'z') || lt[1] == '/' || lt[1] == '!')
			n++;
		p = lt + 1;
	}
	return n;
}

/* A body shorter than this is looked for again without class-word drops */
#define RETRY_WORDS		150

static void
retry_body(HDoc *d, AtArticle *a, AtBuf *base)
{
	AtArticle	b = *a;
	int			root;
	AtBuf		first_meta = d->meta_lines;

	at_buf_init(&b.body, d->mem, 0);
	at_vec_init(&b.captions, d->mem, sizeof(AtSpan));
	b.paragraphs = b.words = b.chrome_removed = 0;
	b.lead.start = b.lead.len = 0;
	at_buf_init(&d->meta_lines, d->mem, 0);
	root = h_body_mark(d, false);
	h_body_render(d, &b, root, base);
	if (b.words > a->words)
	{
		at_free(d->mem, a->body.data);
		at_free(d->mem, first_meta.data);
		*a = b;
	}
	else
	{
		at_free(d->mem, b.body.data);
		at_free(d->mem, d->meta_lines.data);
		d->meta_lines = first_meta;
	}
}

/* Words before a dash that are a label, not a place ("FILE - In this photo") */
static const char *const not_datelines[] = {
	"analysis", "breaking", "exclusive", "file", "opinion", "photo", "update", "updated",
	"video", "watch",
};

/*
 * editor and dateline, which HTML pages give as text only: the text path's
 * reader run over the metadata lines the body left out ("Editing by ...")
 * and the body's first paragraph ("LONDON (Reuters) - ..."); a few kB.
 */
static void
text_fields(HDoc *d, AtArticle *a, AtBuf *base)
{
	AtBuf		head;
	AtArticle	t;
	size_t		first = 0;

	if (!a->body.len && !d->meta_lines.len)
		return;
	while (first < a->body.len && first < 600 && a->body.data[first] != '\n')
		first++;
	at_buf_init(&head, d->mem, d->meta_lines.len + first + 4);
	at_buf_append(&head, d->meta_lines.data ? d->meta_lines.data : "", d->meta_lines.len);
	at_buf_append(&head, "\n\n", 2);
	at_buf_append(&head, a->body.data ? a->body.data : "", first);
	/* a body that quotes markup would come back here: the text path only */
	if (!at_looks_like_html(head.data, head.len) &&
		at_parse_article(head.data, head.len, d->mem, &t) == AT_OK)
	{
		if (t.editor.len && !a->editor.len)
		{
			a->editor.start = base->len;
			a->editor.len = t.editor.len;
			at_buf_append(base, t.base + t.editor.start, t.editor.len);
		}
		if (t.dateline.len && !a->dateline.len && t.dateline.start >= d->meta_lines.len &&
			!at_word_in(t.base + t.dateline.start, t.dateline.len, not_datelines, AT_LENGTHOF(not_datelines)))
		{
			a->dateline.start = base->len;
			a->dateline.len = t.dateline.len;
			at_buf_append(base, t.base + t.dateline.start, t.dateline.len);
		}
		at_free(d->mem, t.body.data);
		at_free(d->mem, t.authors.data);
		at_free(d->mem, t.captions.data);
		at_free(d->mem, t.tags.data);
	}
	at_free(d->mem, head.data);
}

/* The page read into d by our tokenizer (or by a test's reader, see h_read_page_hook) */
void
h_read_page(HDoc *d, const char *s, size_t len, const AtMem *mem)
{
	memset(d, 0, sizeof(*d));
	d->mem = mem;
	at_vec_init(&d->nodes, mem, sizeof(HNode));
	at_vec_init(&d->attrs, mem, sizeof(HAttr));
	at_buf_init(&d->text, mem, len / 2 + 64);
	at_buf_init(&d->meta_lines, mem, 0);
	if (h_read_page_hook)
		h_read_page_hook(d, s, len);
	else
		h_tokenize(d, s, len);
}

AtStatus
at_parse_html(const char *s, size_t len, const AtMem *mem, AtArticle *a)
{
	HDoc		d;
	AtBuf		base;
	int			root;

	memset(a, 0, sizeof(*a));
	at_vec_init(&a->authors, mem, sizeof(AtSpan));
	at_vec_init(&a->captions, mem, sizeof(AtSpan));
	at_vec_init(&a->tags, mem, sizeof(AtSpan));
	at_buf_init(&a->body, mem, 0);
	a->base = "";
	if (len > AT_HTML_MAX_BYTES || count_tags(s, len) > AT_HTML_MAX_TAGS)
		return AT_ERR_TOO_LARGE;

	h_read_page(&d, s, len, mem);
	if (d.nodes.len == 0)
		return AT_OK;

	at_buf_init(&base, mem, 256);
	root = h_body_mark(&d, true);
	h_meta_extract(&d, a, &base, root);
	h_body_render(&d, a, root, &base);
	if (a->words < RETRY_WORDS)
		retry_body(&d, a, &base);
	if (!a->has_published)
		h_meta_dom_dates(&d, a, root);
	text_fields(&d, a, &base);
	a->base = base.len ? base.data : "";

	at_free(mem, d.nodes.data);
	at_free(mem, d.attrs.data);
	at_free(mem, d.text.data);
	at_free(mem, d.meta_lines.data);
	return AT_OK;
}

/*
 * html_tokenize.c: our own HTML tokenizer and tree builder for the HTML
 * path (html.c reads every page with it; a test tool reads with libxml2's
 * parser for comparison, test/html/libxml2_reader.h).
 *
 * It gives html.c's HDoc builder the events libxml2 2.9's HTML parser gives
 * in recovery mode, so the later steps see the same tree: element names
 * folded to lower case (at most 100 bytes), attributes quoted or not, the
 * first of a repeated attribute kept, character references decoded
 * (numeric ones, and the named ones of libxml2's HTML 4 table, looked up
 * with htmlEntityLookup; without the ';' a name stays text), only <script>
 * and <style> read as raw text up to their end tag, comments, processing
 * instructions and doctypes read over, "<![CDATA[" text.  The tree rules
 * are those of that parser (written from its documented behaviour, not its
 * code): a start tag ends the open elements it may not nest in (start_ends
 * below: <p> ends an open p, <li> an li, <td> a td or an inline element,
 * block starts end a head), html, head and body are implied where content
 * needs them and text at the top implies a <p>, an element with "/>" or an
 * HTML 4 empty one closes at once, a misplaced html, head or body tag is
 * dropped, an end tag closes the elements opened after its own unless one
 * of them ranks higher (a </span> never closes a div, td, table, ...: an
 * end-tag priority), and a stray end tag is ignored.  One difference, as
 * the pre-pass made libxml2 see it and as browsers do: <script/> and
 * <style/> do not close, their body goes up to the end tag.  The trees are
 * compared on the evaluation pages by test/html/same_tree.sh.
 *
 * The tokenizer keeps no state of libxml2's and allocates from the AtMem
 * only, so it checks interrupts itself (AT_CHECK_INTERRUPTS may leave with
 * a longjmp).  Every byte is read a bounded number of times: the only
 * look-ups per tag are the open elements (at most 257: the builder stops
 * there) and a hash of names.  Nothing is read at or past len or a NUL.
 */
#include "html_int.h"

#include <string.h>
#include <libxml/HTMLparser.h>

/* ---- names ------------------------------------------------------------- */

/* The names the tree rules know, sorted (K_x is x's number, 1..) */
#define KNOWN_TAGS(X) \
	X(a) X(abbr) X(acronym) X(address) X(area) X(b) X(base) X(basefont) \
	X(bdo) X(big) X(blockquote) X(body) X(br) X(caption) X(center) X(cite) \
	X(code) X(col) X(colgroup) X(dd) X(dfn) X(dir) X(div) X(dl) X(dt) X(em) \
	X(fieldset) X(font) X(form) X(frame) X(frameset) X(h1) X(h2) X(h3) X(h4) \
	X(h5) X(h6) X(head) X(hr) X(html) X(i) X(iframe) X(img) X(input) \
	X(isindex) X(kbd) X(legend) X(li) X(link) X(listing) X(map) X(menu) \
	X(meta) X(noframes) X(noscript) X(ol) X(optgroup) X(option) X(p) \
	X(param) X(pre) X(q) X(s) X(samp) X(script) X(small) X(span) X(strike) \
	X(strong) X(style) X(sub) X(sup) X(table) X(tbody) X(td) X(tfoot) X(th) \
	X(thead) X(title) X(tr) X(tt) X(u) X(ul) X(var) X(xmp)

#define K_ENUM(n) K_##n,
enum
{
	K_OTHER, KNOWN_TAGS(K_ENUM) NK
};
#define K_NAME(n) #n,
static const char *const known_names[NK] = {"", KNOWN_TAGS(K_NAME)};

/*
 * Which open element a start tag ends (the HTML 4 content model as libxml2
 * applies it): the start of the first name ends an open element of each
 * later name, repeatedly from the innermost one.  An open <head> is ended by
 * the start of any element of the body (head_enders).
 */
static const char *const start_ends[] = {
	"a a",
	"address p ul",
	"blockquote p",
	"body link p style title",
	"caption p",
	"center b font i p",
	"col caption col p",
	"colgroup caption col colgroup p",
	"dd address dir dt listing menu p pre xmp",
	"dir p",
	"div p",
	"dl address dir dt listing menu p pre xmp",
	"dt address dd dir listing menu p pre xmp",
	"fieldset a h1 h2 h3 h4 h5 h6 legend listing p pre xmp",
	"form address dir dl form h1 h2 h3 h4 h5 h6 hr listing menu ol p pre ul xmp",
	"frameset link p style title",
	"h1 p", "h2 p", "h3 p", "h4 p", "h5 p", "h6 p",
	"head p",
	"hr p",
	"li address dl h1 h2 h3 h4 h5 h6 li listing p pre xmp",
	"listing p",
	"menu p ul",
	"noscript script",
	"ol p ul",
	"optgroup option",
	"option option",
	"p b big h1 h2 h3 h4 h5 h6 i p s small strike tt u",
	"pre p ul",
	"table a h1 h2 h3 h4 h5 h6 listing p pre xmp",
	"tbody caption col colgroup p tbody td tfoot th thead tr",
	"td a b font i p span td th u",
	"tfoot caption col colgroup p tbody td th thead tr",
	"th a b font i p span td th u",
	"thead caption col colgroup",
	"title p",
	"tr caption col colgroup p td th tr",
	"ul address dir listing menu ol p pre xmp",
	"xmp p",
};

static const char head_enders[] =
	"a abbr acronym address b bdo big blockquote body br center cite code dd "
	"dfn dir div dl dt em fieldset font form frameset h1 h2 h3 h4 h5 h6 hr i "
	"iframe img kbd li listing map menu ol p pre q s samp small span strike "
	"strong sub sup table tt u ul var xmp";

/* HTML 4's empty elements: they close as they open */
static const char empty_names[] =
	"area base basefont br col frame hr img input isindex link meta param";

static bool rules_ready;
static bool ends_tab[NK][NK];	/* [new][old]: new's start ends an open old */
static bool empty_tab[NK];

/* Byte classes */
#define C_NAME		0x01		/* in a name: letters, digits, ':', '.', '_', '-' */
#define C_BLANK		0x02		/* space, tab, newline, carriage return */
#define C_STOP		0x04		/* ends text: '<', '&' */
#define C_ODD		0x08		/* may be no XML Char: controls, the lead byte of U+FFFE/F */
#define C_SOLID		0x10		/* not blank */
static uint8_t cls[256];
static char lower_tab[256];

/* The known names as every page's name table starts (number k - 1 is K_k) */
#define SEED_SLOTS		256
static struct
{
	uint32_t	hash;
	uint32_t	off;
	uint8_t		len;
	uint8_t		k;
	uint8_t		tag;
	uint8_t		flags;
}			seed_names[NK - 1];
static char seed_text[NK * 12];
static size_t seed_text_len;
static int32_t seed_slots[SEED_SLOTS];

static uint32_t hash_name(const char *s, size_t len);

/* Kept attribute names by length (2..11), as indices into h_attr_names */
#define ATTR_LEN_MAX	11
static int8_t attr_by_len[ATTR_LEN_MAX + 1][8];

static int
known_of(const char *w, size_t len)
{
	for (int k = 1; k < NK; k++)
		if (strlen(known_names[k]) == len && memcmp(known_names[k], w, len) == 0)
			return k;
	return K_OTHER;
}

/* The K_ numbers of the words of list (known names) into out[0..*n) */
static void
each_word(const char *list, int *out, int *n)
{
	*n = 0;
	for (const char *w = list; *w;)
	{
		size_t		l = strcspn(w, " ");

		out[(*n)++] = known_of(w, l);
		w += l;
		while (*w == ' ')
			w++;
	}
}

static void
rules_init(void)
{
	int			words[NK + 8],
				n;

	if (rules_ready)
		return;
	for (size_t i = 0; i < AT_LENGTHOF(start_ends); i++)
	{
		each_word(start_ends[i], words, &n);
		for (int j = 1; j < n; j++)
			ends_tab[words[0]][words[j]] = true;
	}
	each_word(head_enders, words, &n);
	for (int j = 0; j < n; j++)
		ends_tab[words[j]][K_head] = true;
	each_word(empty_names, words, &n);
	for (int j = 0; j < n; j++)
		empty_tab[words[j]] = true;
	for (int c = 0; c < 256; c++)
	{
		bool		letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		lower_tab[c] = (char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
		cls[c] = C_SOLID;
		if (letter || (c >= '0' && c <= '9') || c == ':' || c == '.' || c == '_' || c == '-')
			cls[c] |= C_NAME;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			cls[c] = C_BLANK;
		if (c == '<' || c == '&')
			cls[c] |= C_STOP;
		if ((c < 0x20 && !(cls[c] & C_BLANK)) || c == 0xEF)
			cls[c] |= C_ODD;
	}
	for (int k = 1; k < NK; k++)
	{
		size_t		l = strlen(known_names[k]),
					j;

		seed_names[k - 1].hash = hash_name(known_names[k], l);
		seed_names[k - 1].off = (uint32_t) seed_text_len;
		seed_names[k - 1].len = (uint8_t) l;
		seed_names[k - 1].k = (uint8_t) k;
		h_tag_of(known_names[k], &seed_names[k - 1].tag, &seed_names[k - 1].flags);
		memcpy(seed_text + seed_text_len, known_names[k], l);
		seed_text_len += l;
		for (j = seed_names[k - 1].hash & (SEED_SLOTS - 1); seed_slots[j]; j = (j + 1) & (SEED_SLOTS - 1))
			;
		seed_slots[j] = k;
	}
	memset(attr_by_len, -1, sizeof(attr_by_len));
	for (size_t i = 0; i < h_nattr_names; i++)
	{
		size_t		l = strlen(h_attr_names[i].name);
		int			j = 0;

		while (attr_by_len[l][j] >= 0)
			j++;
		attr_by_len[l][j] = (int8_t) i;
	}
	rules_ready = true;
}

/* Rank of an element for end tags: an end tag closes none ranked higher */
static int
end_rank(int k)
{
	switch (k)
	{
		case K_div:
			return 150;
		case K_td:
		case K_th:
			return 160;
		case K_tr:
			return 170;
		case K_thead:
		case K_tbody:
		case K_tfoot:
			return 180;
		case K_table:
			return 190;
		case K_head:
		case K_body:
			return 200;
		case K_html:
			return 220;
		default:
			return 100;
	}
}

/* A name met in the page: its number is its index in Tok.names */
typedef struct Name
{
	uint32_t	hash;
	uint32_t	off;			/* in Tok.name_text */
	uint8_t		len;
	uint8_t		k;				/* K_*, K_OTHER */
	uint8_t		tag;			/* HTag, and its flags */
	uint8_t		flags;
} Name;

#define NAME_MAX_LEN	100		/* libxml2's HTML_PARSER_BUFFER_SIZE */
#define TOK_MAX_OPEN	300		/* above the builder's 257 */

typedef struct Tok
{
	const char *s;
	size_t		n;
	size_t		p;
	HBuild		b;
	const AtMem *mem;
	int			stack[TOK_MAX_OPEN];	/* open elements (Name numbers) */
	int			depth;
	bool		seen_head;		/* a head was opened (libxml2's ctxt->html >= 3) */
	bool		seen_body;		/* a body was opened (>= 10) */
	int			dropped;		/* misplaced html, head and body tags read */
	unsigned	tags;
	AtVec		names;			/* Name */
	AtBuf		name_text;
	int32_t    *slots;			/* hash table of names: index + 1, 0 empty */
	size_t		nslots;
	AtBuf		value;			/* a decoded attribute value */
	char		name[NAME_MAX_LEN + 1];
} Tok;

#define NAME_AT(t, i)	AT_VEC_AT(&(t)->names, Name, (i))

static uint32_t
hash_name(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

static void
grow_slots(Tok *t)
{
	size_t		n = t->nslots ? t->nslots * 2 : 256;
	int32_t    *slots = at_alloc0(t->mem, n * sizeof(int32_t));

	for (size_t i = 0; i < t->names.len; i++)
	{
		size_t		j = NAME_AT(t, i)->hash & (n - 1);

		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = (int32_t) i + 1;
	}
	if (t->slots)
		at_free(t->mem, t->slots);
	t->slots = slots;
	t->nslots = n;
}

/* The number of the lower-case name t->name[0..len) */
static int
intern(Tok *t, size_t len)
{
	uint32_t	h = hash_name(t->name, len);
	size_t		j;
	Name	   *nm;

	for (j = h & (t->nslots - 1); t->slots[j]; j = (j + 1) & (t->nslots - 1))
	{
		nm = NAME_AT(t, t->slots[j] - 1);
		if (nm->hash == h && nm->len == len &&
			memcmp(t->name_text.data + nm->off, t->name, len) == 0)
			return t->slots[j] - 1;
	}
	nm = at_vec_push(&t->names);
	nm->hash = h;
	nm->off = (uint32_t) t->name_text.len;
	nm->len = (uint8_t) len;
	nm->k = K_OTHER;			/* the known ones are there from the start */
	t->name[len] = '\0';
	h_tag_of(t->name, &nm->tag, &nm->flags);
	at_buf_append(&t->name_text, t->name, len);
	t->slots[j] = (int32_t) t->names.len;
	if (t->names.len * 2 > t->nslots)
		grow_slots(t);
	return (int) t->names.len - 1;
}

/* ---- bytes ------------------------------------------------------------- */

/* Word-at-a-time tests: a zero byte in w, a byte below n (n <= 128) */
#define SWAR_ONES		UINT64_C(0x0101010101010101)
#define SWAR_HAS(w)		(((w) - SWAR_ONES) & ~(w) & (SWAR_ONES * 0x80))
#define SWAR_LESS(w, n)	(((w) - SWAR_ONES * (n)) & ~(w) & (SWAR_ONES * 0x80))

static inline bool
is_blank(char c)
{
	return (cls[(unsigned char) c] & C_BLANK) != 0;
}

static inline bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
is_name_char(char c)
{
	return (cls[(unsigned char) c] & C_NAME) != 0;
}

static inline char
lower(char c)
{
	return lower_tab[(unsigned char) c];
}

static inline void
skip_blanks(Tok *t)
{
	while (t->p < t->n && is_blank(t->s[t->p]))
		t->p++;
}

/*
 * An element or attribute name at t->p into t->name, lower case: a letter,
 * '_', ':' or '.', then those and digits and '-', at most 100 bytes (the
 * rest is read as what follows).  0: no name there.  With dots false, a '.'
 * ends the name (libxml2 looks ahead so for the tags a start tag ends).
 */
static size_t
read_name(Tok *t, size_t at, bool dots, size_t *end)
{
	size_t		i = 0,
				p = at;

	if (p >= t->n || !(is_letter(t->s[p]) || t->s[p] == '_' || t->s[p] == ':' ||
					   (dots && t->s[p] == '.')))
		return 0;
	for (; i < NAME_MAX_LEN && p < t->n; i++, p++)
	{
		char		c = t->s[p];

		if (!is_name_char(c) || (!dots && c == '.'))
			break;
		t->name[i] = lower(c);
	}
	*end = p;
	return i;
}

/* The Unicode code point cp as UTF-8 into out (4 bytes); its length */
static int
put_utf8(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* XML's Char: what libxml2 keeps of text and references */
static inline bool
is_xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
		(c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * A character reference at t->p ("&#"): its code point, 0 when it is none
 * (no digits, or not a Char); the digits and a ';' are read.
 */
static uint32_t
char_ref(const char *s, size_t n, size_t *pp)
{
	uint32_t	v = 0;
	size_t		p = *pp;
	bool		hex = p + 2 < n && (s[p + 2] | 0x20) == 'x';

	for (p += hex ? 3 : 2; p < n && s[p] != ';'; p++)
	{
		char		c = s[p];
		int			d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			break;
		if (v < 0x110000)
			v = v * (hex ? 16 : 10) + (uint32_t) d;
	}
	if (p < n && s[p] == ';')
		p++;
	*pp = p;
	return is_xml_char(v) ? v : 0;
}

/*
 * A named reference at t->p ('&'): its code point when the name is one of
 * the table's and ends with ';' (then read), else 0 and nothing is read
 * (the '&' and the name are text).
 */
/*
 * The code point of the named reference nm (len bytes), 0 when libxml2's
 * table has no such name.  Its htmlEntityLookup reads the table from the
 * start, so the answers, found or not, are kept in a small cache.
 */
#define ENT_NAME_MAX	8		/* the longest name of the table ("thetasym") */
#define ENT_CACHE		512
static struct
{
	char		name[ENT_NAME_MAX + 1];
	uint32_t	value;
}			ent_cache[ENT_CACHE];

static uint32_t
entity_value(const char *nm, size_t len)
{
	uint32_t	h;
	const htmlEntityDesc *e;

	if (len > ENT_NAME_MAX)
		return 0;
	h = hash_name(nm, len) & (ENT_CACHE - 1);
	if (strncmp(ent_cache[h].name, nm, ENT_NAME_MAX + 1) == 0)
		return ent_cache[h].value;
	e = htmlEntityLookup((const xmlChar *) nm);
	memcpy(ent_cache[h].name, nm, len + 1);
	ent_cache[h].value = e ? e->value : 0;
	return ent_cache[h].value;
}

/*
 * A named reference at *pp ('&'): its code point when the name is one of
 * the table's and ends with ';' (then read), else 0 and nothing is read
 * (the '&' and the name are text).
 */
static uint32_t
named_ref(const char *s, size_t n, size_t *pp)
{
	size_t		p = *pp + 1,
				i = 0;
	char		nm[ENT_NAME_MAX + 2];
	uint32_t	v;

	if (p >= n || !(is_letter(s[p]) || s[p] == '_' || s[p] == ':'))
		return 0;
	while (p < n && is_name_char(s[p]))
	{
		if (i <= ENT_NAME_MAX)
			nm[i] = s[p];
		i++;
		p++;
	}
	if (p >= n || s[p] != ';' || i > ENT_NAME_MAX)
		return 0;
	nm[i] = '\0';
	v = entity_value(nm, i);
	if (v == 0)
		return 0;
	*pp = p + 1;
	return v;
}

/* ---- the tree ---------------------------------------------------------- */

static inline int
top(const Tok *t)
{
	return t->depth ? t->stack[t->depth - 1] : -1;
}

static inline int
top_k(const Tok *t)
{
	return t->depth ? NAME_AT(t, t->stack[t->depth - 1])->k : -1;
}

static void
pop(Tok *t)
{
	h_build_end(&t->b);
	t->depth--;
}

/* Open element number nm, without attributes (an implied one); false: stop */
static bool
push(Tok *t, int nm)
{
	const Name *e = NAME_AT(t, nm);
	int			id;

	if (t->depth >= TOK_MAX_OPEN)
	{
		t->b.stop = true;
		return false;
	}
	id = h_build_start(&t->b, e->tag, e->flags);
	if (t->b.stop)
		return false;
	if (id >= 0)
		h_build_opened(&t->b, id);
	t->stack[t->depth++] = nm;
	if (e->k == K_head)
		t->seen_head = true;
	else if (e->k == K_body)
		t->seen_body = true;
	return true;
}

/* The open elements a start tag of k ends, innermost first */
static void
start_closes(Tok *t, int k)
{
	while (t->depth && ends_tab[k][top_k(t)])
		pop(t);
}

/* html, head and body where an element of kind k needs them; false: stop */
static bool
imply(Tok *t, int k)
{
	if (k == K_html)
		return true;
	if (t->depth == 0 && !push(t, K_html - 1))
		return false;
	if (k == K_body || k == K_head)
		return true;
	if (t->depth <= 1 && (k == K_script || k == K_style || k == K_meta ||
						  k == K_link || k == K_title || k == K_base))
	{
		if (t->seen_head)
			return true;
		return push(t, K_head - 1);
	}
	if (k == K_noframes || k == K_frame || k == K_frameset || t->seen_body)
		return true;
	for (int i = 0; i < t->depth; i++)
	{
		int			ki = NAME_AT(t, t->stack[i])->k;

		if (ki == K_body || ki == K_head)
			return true;
	}
	return push(t, K_body - 1);
}

/* Text at the top or in html or head opens a <p> first; false: stop */
static bool
text_needs_p(Tok *t)
{
	int			k = top_k(t);

	if (k != -1 && k != K_html && k != K_head)
		return true;
	start_closes(t, K_p);
	return imply(t, K_p) && push(t, K_p - 1);
}

/* ---- markup ------------------------------------------------------------ */

/*
 * An attribute value at t->p (after '=' and blanks): quoted up to the same
 * quote, else up to a blank or '>'.  With keep, decoded into *v, *vlen.
 */
static void
attr_value(Tok *t, bool keep, const char **v, size_t *vlen)
{
	size_t		b,
				e;
	char		q = t->p < t->n ? t->s[t->p] : '\0';

	if (q == '"' || q == '\'')
	{
		const char *c = memchr(t->s + t->p + 1, q, t->n - t->p - 1);

		b = t->p + 1;
		e = c ? (size_t) (c - t->s) : t->n;
		t->p = c ? e + 1 : t->n;
	}
	else
	{
		b = e = t->p;
		while (e < t->n && !is_blank(t->s[e]) && t->s[e] != '>')
			e++;
		t->p = e;
	}
	if (!keep)
		return;
	if (!memchr(t->s + b, '&', e - b))
	{
		*v = t->s + b;
		*vlen = e - b;
		return;
	}
	/* decode, up to a little over what the builder keeps */
	t->value.len = 0;
	{
		bool		cut = false;
		size_t		p = b;

		while (p < e)
		{
			const char *amp = memchr(t->s + p, '&', e - p);
			size_t		stop = amp ? (size_t) (amp - t->s) : e;
			uint32_t	cp;
			char		u[4];

			if (!cut && t->value.len < H_MAX_ATTR + 8)
				at_buf_append(&t->value, t->s + p, stop - p);
			p = stop;
			if (!amp)
				break;
			if (stop + 1 < e && t->s[stop + 1] == '#')
			{
				cp = char_ref(t->s, e, &p);
				/* libxml2 writes a NUL for a reference to no character */
				if (cp == 0)
					cut = true;
			}
			else if ((cp = named_ref(t->s, e, &p)) == 0)
			{
				cp = '&';
				p++;
			}
			if (!cut && t->value.len < H_MAX_ATTR + 8)
				at_buf_append(&t->value, u, put_utf8(cp, u));
		}
		*v = t->value.data ? t->value.data : "";
		*vlen = t->value.len;
	}
}

/*
 * The attributes of a start tag up to '>', "/>" or the end; kept ones go to
 * the builder's node id (when id >= 0), the first of each name.
 */
static void
attributes(Tok *t, int id)
{
	uint32_t	seen = 0;

	skip_blanks(t);
	while (t->p < t->n && t->s[t->p] != '>' &&
		   !(t->s[t->p] == '/' && t->p + 1 < t->n && t->s[t->p + 1] == '>'))
	{
		size_t		end,
					len = read_name(t, t->p, true, &end);
		int			an = -1;

		if (len == 0)
		{
			/* not a name: passed over up to a blank or the tag's end */
			while (t->p < t->n && !is_blank(t->s[t->p]) && t->s[t->p] != '>' &&
				   !(t->s[t->p] == '/' && t->p + 1 < t->n && t->s[t->p + 1] == '>'))
				t->p++;
			skip_blanks(t);
			continue;
		}
		t->p = end;
		if (id >= 0 && len >= 2 && len <= ATTR_LEN_MAX)
		{
			for (int j = 0; j < 8 && attr_by_len[len][j] >= 0; j++)
			{
				const HAttrEntry *ae = &h_attr_names[attr_by_len[len][j]];

				if (ae->name[0] == t->name[0] && memcmp(ae->name, t->name, len) == 0)
				{
					an = ae->attr;
					break;
				}
			}
			if (an >= 0 && (seen & (1u << an)))
				an = -1;
			else if (an >= 0)
				seen |= 1u << an;
		}
		skip_blanks(t);
		if (t->p < t->n && t->s[t->p] == '=')
		{
			const char *v = NULL;
			size_t		vlen = 0;

			t->p++;
			skip_blanks(t);
			attr_value(t, an >= 0, &v, &vlen);
			if (an >= 0)
				h_build_attr(&t->b, id, (uint8_t) an, v, vlen);
		}
		else if (an >= 0)
			h_build_attr(&t->b, id, (uint8_t) an, "", 0);
		skip_blanks(t);
	}
}

/* A start tag at t->p ('<' and a letter); false: stop */
static bool
start_tag(Tok *t)
{
	size_t		end,
				len = read_name(t, t->p + 1, true, &end);
	int			nm = intern(t, len),
				k = NAME_AT(t, nm)->k,
				id = -1;
	bool		misplaced = false;
	const char *dot = memchr(t->name, '.', len);

	t->p = end;
	/* libxml2 looks the name up to a '.' first for the elements it ends */
	if (dot && dot > t->name)
		start_closes(t, known_of(t->name, (size_t) (dot - t->name)));
	start_closes(t, k);
	if (!imply(t, k))
		return false;
	if ((t->depth > 0 && k == K_html) || (t->depth != 1 && k == K_head))
		misplaced = true;
	for (int i = 0; k == K_body && i < t->depth; i++)
		if (NAME_AT(t, t->stack[i])->k == K_body)
			misplaced = true;
	if (misplaced)
	{
		t->dropped++;
		attributes(t, -1);
		/* "/>" then ends the element that is open */
		if (t->p + 1 < t->n && t->s[t->p] == '/' && t->s[t->p + 1] == '>')
		{
			t->p += 2;
			if (t->depth)
				pop(t);
		}
		else if (t->p < t->n)
			t->p++;
		return true;
	}
	if (t->depth >= TOK_MAX_OPEN)
	{
		t->b.stop = true;
		return false;
	}
	{
		const Name *e = NAME_AT(t, nm);

		id = h_build_start(&t->b, e->tag, e->flags);
	}
	if (t->b.stop)
		return false;
	attributes(t, id);
	if (id >= 0)
		h_build_opened(&t->b, id);
	t->stack[t->depth++] = nm;
	if (k == K_head)
		t->seen_head = true;
	else if (k == K_body)
		t->seen_body = true;
	/*
	 * "/>" closes the element, but for a script or style, whose body goes
	 * up to its end tag as in browsers (no script becomes page text)
	 */
	if (t->p + 1 < t->n && t->s[t->p] == '/' && t->s[t->p + 1] == '>')
	{
		t->p += 2;
		if (k != K_script && k != K_style)
			pop(t);
	}
	else if (t->p < t->n)
	{
		t->p++;
		if (empty_tab[k])
			pop(t);
	}
	return true;
}

/* An end tag at t->p ("</") */
static void
end_tag(Tok *t)
{
	size_t		end,
				len = read_name(t, t->p + 2, true, &end);
	int			nm,
				k,
				i,
				rank;

	t->p += 2;
	if (len == 0)
		return;
	t->p = end;
	skip_blanks(t);
	if (t->p < t->n && t->s[t->p] != '>')
	{
		const char *gt = memchr(t->s + t->p, '>', t->n - t->p);

		t->p = gt ? (size_t) (gt - t->s) : t->n;
	}
	if (t->p < t->n)
		t->p++;
	nm = intern(t, len);
	k = NAME_AT(t, nm)->k;
	if (t->dropped > 0 && (k == K_html || k == K_body || k == K_head))
	{
		t->dropped--;
		return;
	}
	rank = end_rank(k);
	for (i = t->depth - 1; i >= 0; i--)
	{
		if (t->stack[i] == nm)
			break;
		if (end_rank(NAME_AT(t, t->stack[i])->k) > rank)
			return;
	}
	if (i < 0)
		return;
	while (t->depth > i)
		pop(t);
}

/* Text at t->p up to '<', '&' or the end; false: stop */
static bool
text(Tok *t)
{
	size_t		b = t->p,
				e = b,
				kept = 0;
	bool		blank;
	uint8_t		acc = 0;

	if (t->b.skip > 0)
	{
		/* text nobody keeps: up to the next tag */
		const char *lt = memchr(t->s + b, '<', t->n - b);

		t->p = lt ? (size_t) (lt - t->s) : t->n;
		return true;
	}
	for (;;)
	{
		uint8_t		c;

		/* eight bytes at a time while none is '<', '&', a control or 0xEF */
		while (e + 8 <= t->n)
		{
			uint64_t	w;

			memcpy(&w, t->s + e, 8);
			if (SWAR_HAS(w ^ SWAR_ONES * '<') | SWAR_HAS(w ^ SWAR_ONES * '&') |
				SWAR_HAS(w ^ SWAR_ONES * 0xEF) | SWAR_LESS(w, 0x20))
				break;
			/* no tab or newline here: blank only as eight spaces */
			if (w != SWAR_ONES * ' ')
				acc |= C_SOLID;
			e += 8;
		}
		if (e >= t->n)
			break;
		c = cls[(unsigned char) t->s[e]];
		if (c & C_STOP)
			break;
		acc |= c;
		e++;
	}
	t->p = e;
	/* characters that are no XML Char are dropped (controls, U+FFFE/F) */
	if (acc & C_ODD)
	{
		for (size_t i = b; i < e; i++)
		{
			unsigned char c = (unsigned char) t->s[i];

			if (c < 0x20 ? !is_blank((char) c) :
				(c == 0xEF && i + 2 < e && (unsigned char) t->s[i + 1] == 0xBF &&
				 ((unsigned char) t->s[i + 2] & 0xFE) == 0xBE))
				goto filtered;
		}
	}
	blank = !(acc & C_SOLID);
	kept = e - b;
	if (kept == 0)
		return true;
	if ((kept >= 1000 || !blank || (e < t->n && t->s[e] == '&')) && !text_needs_p(t))
		return false;
	h_build_text(&t->b, t->s + b, kept);
	return !t->b.stop;

filtered:
	{
		/* the rare text with characters to drop: copied without them */
		AtBuf		buf;

		at_buf_init(&buf, t->mem, e - b);
		blank = true;
		for (size_t i = b; i < e; i++)
		{
			unsigned char c = (unsigned char) t->s[i];

			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				continue;
			if (c == 0xEF && i + 2 < e && (unsigned char) t->s[i + 1] == 0xBF &&
				((unsigned char) t->s[i + 2] & 0xFE) == 0xBE)
			{
				i += 2;
				continue;
			}
			if (!is_blank((char) c))
				blank = false;
			at_buf_appendc(&buf, (char) c);
		}
		if (buf.len > 0 &&
			(buf.len >= 1000 || !blank || (e < t->n && t->s[e] == '&')) &&
			!text_needs_p(t))
		{
			at_free(t->mem, buf.data);
			return false;
		}
		if (buf.len > 0)
			h_build_text(&t->b, buf.data, buf.len);
		at_free(t->mem, buf.data);
		return !t->b.stop;
	}
}

/* A reference in text at t->p ('&'); false: stop */
static bool
reference(Tok *t)
{
	uint32_t	cp;
	char		u[4];

	if (t->p + 1 < t->n && t->s[t->p + 1] == '#')
	{
		cp = char_ref(t->s, t->n, &t->p);
		if (cp == 0)
			return true;
	}
	else if ((cp = named_ref(t->s, t->n, &t->p)) == 0)
	{
		/* '&' as text; the name after it is read as text next */
		cp = '&';
		t->p++;
	}
	if (t->b.skip > 0)
		return true;
	if (!text_needs_p(t))
		return false;
	h_build_text(&t->b, u, put_utf8(cp, u));
	return !t->b.stop;
}

/*
 * The text of an open script or style up to "</" and its name (any case),
 * the end tag's start; JSON-LD is the one such text the builder keeps.
 */
static bool
raw_text(Tok *t)
{
	const Name *e = NAME_AT(t, top(t));
	const char *name = t->name_text.data + e->off;
	size_t		b = t->p,
				stop = t->n;

	for (size_t p = b; p < t->n;)
	{
		const char *lt = memchr(t->s + p, '<', t->n - p);
		size_t		i;

		if (!lt)
			break;
		p = (size_t) (lt - t->s);
		if (p + 1 < t->n && t->s[p + 1] == '/')
		{
			for (i = 0; i < e->len && p + 2 + i < t->n && lower(t->s[p + 2 + i]) == name[i]; i++)
				;
			if (i == e->len)
			{
				stop = p;
				break;
			}
		}
		p++;
	}
	t->p = stop;
	if (t->b.skip > 0 || stop == b)
		return true;
	/* characters that are no XML Char are dropped here too */
	for (size_t i = b; i < stop;)
	{
		size_t		j = i;

		while (j < stop)
		{
			unsigned char c = (unsigned char) t->s[j];

			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
				(c == 0xEF && j + 2 < stop && (unsigned char) t->s[j + 1] == 0xBF &&
				 ((unsigned char) t->s[j + 2] & 0xFE) == 0xBE))
				break;
			j++;
		}
		if (j > i)
		{
			h_build_text(&t->b, t->s + i, j - i);
			if (t->b.stop)
				return false;
		}
		if (j < stop)
			j += (unsigned char) t->s[j] == 0xEF ? 3 : 1;
		i = j;
	}
	return true;
}

/* "<!--" at t->p: up to "-->" or "--!>" after it, else the rest of the page */
static void
comment(Tok *t)
{
	size_t		p = t->p + 4;

	for (;;)
	{
		const char *d = p < t->n ? memchr(t->s + p, '-', t->n - p) : NULL;

		if (!d)
		{
			t->p = t->n;
			return;
		}
		p = (size_t) (d - t->s);
		if (p + 2 < t->n && t->s[p + 1] == '-' && t->s[p + 2] == '>')
		{
			t->p = p + 3;
			break;
		}
		if (p + 3 < t->n && t->s[p + 1] == '-' && t->s[p + 2] == '!' && t->s[p + 3] == '>')
		{
			t->p = p + 4;
			break;
		}
		p++;
	}
	t->b.text = -1;				/* a comment parts the text around it */
}

/* "<?" at t->p: a processing instruction up to '>', when a name follows */
static void
pi(Tok *t)
{
	size_t		p = t->p + 2;
	const char *gt;

	t->p = p;
	if (p >= t->n || !(is_letter(t->s[p]) || t->s[p] == '_' || t->s[p] == ':' ||
					   (unsigned char) t->s[p] >= 0x80))
		return;
	while (p < t->n && is_name_char(t->s[p]))
		p++;
	if (p >= t->n)
		return;					/* a name up to the end is none */
	gt = memchr(t->s + p, '>', t->n - p);
	t->p = gt ? (size_t) (gt - t->s) + 1 : t->n;
	if (gt)
		t->b.text = -1;
}

static bool
starts_ci(const Tok *t, size_t p, const char *w)
{
	for (; *w; w++, p++)
		if (p >= t->n || lower(t->s[p]) != *w)
			return false;
	return true;
}

/* A quoted literal of a doctype at t->p, if one starts there */
static void
doctype_literal(Tok *t)
{
	char		q = t->p < t->n ? t->s[t->p] : '\0';
	const char *c;

	if (q != '"' && q != '\'')
		return;
	c = memchr(t->s + t->p + 1, q, t->n - t->p - 1);
	t->p = c ? (size_t) (c - t->s) + 1 : t->n;
}

/* "<!DOCTYPE" at t->p: its name and identifiers, up to '>' */
static void
doctype(Tok *t)
{
	const char *gt;

	t->p += 9;
	skip_blanks(t);
	if (t->p < t->n && (is_letter(t->s[t->p]) || t->s[t->p] == '_' || t->s[t->p] == ':'))
		while (t->p < t->n && is_name_char(t->s[t->p]))
			t->p++;
	skip_blanks(t);
	if (starts_ci(t, t->p, "system"))
	{
		t->p += 6;
		skip_blanks(t);
		doctype_literal(t);
	}
	else if (starts_ci(t, t->p, "public"))
	{
		t->p += 6;
		skip_blanks(t);
		doctype_literal(t);
		skip_blanks(t);
		doctype_literal(t);
	}
	skip_blanks(t);
	gt = t->p < t->n ? memchr(t->s + t->p, '>', t->n - t->p) : NULL;
	t->p = gt ? (size_t) (gt - t->s) + 1 : t->n;
}

/* Comments and processing instructions before the content */
static void
prolog_misc(Tok *t)
{
	while (t->p + 1 < t->n && t->s[t->p] == '<' &&
		   (t->s[t->p + 1] == '?' || starts_ci(t, t->p, "<!--")))
	{
		if (t->s[t->p + 1] == '!')
			comment(t);
		else
			pi(t);
		skip_blanks(t);
	}
}

static void
content(Tok *t)
{
	while (t->p < t->n && !t->b.stop)
	{
		const char *s = t->s + t->p;
		char		c1 = t->p + 1 < t->n ? s[1] : '\0';
		int			k;

		if ((++t->tags & 4095) == 0 &&
			(!at_html_interrupt_pending || at_html_interrupt_pending()))
			AT_CHECK_INTERRUPTS();
		if (s[0] == '<' && c1 == '/')
		{
			end_tag(t);
			continue;
		}
		k = top_k(t);
		if (k == K_script || k == K_style)
		{
			size_t		end,
						len;

			/*
			 * A start tag that ends the script or style (<noscript> a
			 * script) at the start of its body ends it there
			 */
			if (s[0] == '<' && (is_letter(c1) || c1 == '_' || c1 == ':') &&
				(len = read_name(t, t->p + 1, false, &end)) > 0 &&
				ends_tab[NAME_AT(t, intern(t, len))->k][k])
			{
				start_closes(t, NAME_AT(t, intern(t, len))->k);
				continue;
			}
			if (!raw_text(t))
				return;
			continue;
		}
		if (s[0] == '<' && c1 == '!' && starts_ci(t, t->p + 2, "doctype"))
		{
			doctype(t);
			continue;
		}
		if (s[0] == '<' && c1 == '!' && t->p + 3 < t->n && s[2] == '-' && s[3] == '-')
			comment(t);
		else if (s[0] == '<' && c1 == '?')
			pi(t);
		else if (s[0] == '<' && is_letter(c1))
		{
			if (!start_tag(t))
				return;
		}
		else if (s[0] == '<')
		{
			/* '<' before anything else is text */
			t->p++;
			h_build_text(&t->b, "<", 1);
		}
		else if (s[0] == '&')
		{
			if (!reference(t))
				return;
		}
		else if (!text(t))
			return;
	}
}

void
h_tokenize(HDoc *d, const char *s, size_t len)
{
	Tok		   *t = at_alloc0(d->mem, sizeof(Tok));

	rules_init();
	t->s = s;
	t->n = strnlen(s, len);		/* a NUL ends the page, as for libxml2 */
	t->mem = d->mem;
	h_build_init(&t->b, d);
	at_vec_init(&t->names, d->mem, sizeof(Name));
	at_buf_init(&t->name_text, d->mem, 1024);
	at_buf_init(&t->value, d->mem, 256);
	/* the known names first: number k - 1 is K_k */
	for (int k = 1; k < NK; k++)
		(void) at_vec_push(&t->names);
	memcpy(t->names.data, seed_names, sizeof(seed_names));
	at_buf_append(&t->name_text, seed_text, seed_text_len);
	t->slots = at_alloc(d->mem, sizeof(seed_slots));
	memcpy(t->slots, seed_slots, sizeof(seed_slots));
	t->nslots = SEED_SLOTS;
	/* a byte order mark, blanks, comments, a doctype */
	if (t->n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		t->p = 3;
	skip_blanks(t);
	prolog_misc(t);
	if (starts_ci(t, t->p, "<!doctype"))
		doctype(t);
	skip_blanks(t);
	prolog_misc(t);
	content(t);
	d->truncated = t->b.stop && t->p < t->n;
	at_free(d->mem, t->names.data);
	at_free(d->mem, t->name_text.data);
	at_free(d->mem, t->value.data);
	at_free(d->mem, t->slots);
	at_free(d->mem, t);
}

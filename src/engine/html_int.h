/*
 * html_int.h: what the files of the HTML path share (not for other callers).
 *
 * The tokenizer reads a page into the HDoc below, from the AtMem only, so the
 * scoring and rendering steps hold no outside state and may check
 * interrupts freely.
 */
#ifndef AT_HTML_INT_H
#define AT_HTML_INT_H

#include "html.h"

/* Elements the HTML path tells apart; everything else is H_OTHER */
typedef enum HTag
{
	H_TEXT, H_OTHER,
	/* dropped with their content */
	H_SCRIPT, H_STYLE, H_NOSCRIPT, H_TEMPLATE, H_SVG, H_IFRAME, H_OBJECT,
	H_EMBED, H_CANVAS, H_BUTTON, H_SELECT, H_TEXTAREA, H_INPUT, H_OPTION,
	H_NAV, H_ASIDE, H_FOOTER, H_HEADER, H_MENU, H_DIALOG, H_MATH,
	/* structure */
	H_HTML, H_HEAD, H_BODY, H_TITLE, H_META, H_LINK, H_BASE,
	H_ARTICLE, H_MAIN, H_SECTION, H_DIV, H_P, H_PRE, H_BLOCKQUOTE,
	H_H1, H_H2, H_H3, H_H4, H_H5, H_H6, H_UL, H_OL, H_LI, H_DL, H_DT, H_DD,
	H_TABLE, H_THEAD, H_TBODY, H_TFOOT, H_TR, H_TD, H_TH, H_CAPTION,
	H_FIGURE, H_FIGCAPTION, H_ADDRESS, H_HR, H_BR, H_FORM, H_FIELDSET,
	H_CENTER, H_DETAILS, H_SUMMARY,
	/* inline of note */
	H_A, H_IMG, H_TIME, H_SPAN,
	H_NTAGS
} HTag;

/* Attributes kept (the rest are not copied) */
typedef enum HAttrName
{
	HA_CLASS, HA_ID, HA_NAME, HA_PROPERTY, HA_ITEMPROP, HA_CONTENT, HA_REL,
	HA_HREF, HA_DATETIME, HA_LANG, HA_TYPE, HA_HIDDEN, HA_ARIA_HIDDEN,
	HA_STYLE, HA_ROLE, HA_HTTP_EQUIV, HA_ITEMTYPE, HA_PUBDATE,
	HA_NATTRS
} HAttrName;

/*
 * The attributes the HTML path keeps, sorted by name (html.c): the
 * tokenizer keeps only these (and the test tool's libxml2 reader looks
 * names up in it)
 */
typedef struct HAttrEntry
{
	const char *name;
	uint8_t		attr;			/* HAttrName */
} HAttrEntry;

extern const HAttrEntry h_attr_names[];
extern const size_t h_nattr_names;

/* Longest attribute value kept (bytes); longer ones are cut at a character */
#define H_MAX_ATTR		4096

/* Most bytes of metadata lines kept aside from the body (editor, dateline) */
#define H_META_LINES_MAX	2048

/* Node flags */
#define HF_DROP		0x01		/* never body text (itself or an ancestor): script, nav, hidden, ... */
#define HF_NEG		0x02		/* class/id say boilerplate */
#define HF_POS		0x04		/* class/id say content */
#define HF_BLOCK	0x08		/* ends lines (block element) */
#define HF_STRONG	0x10		/* itemprop=articleBody and the like */
#define HF_BOIL		0x20		/* inside nav, footer, aside, comments, related links */
#define HF_SKIP		0x40		/* its text is never read: script, style, hidden */
#define HF_HINTED	0x80		/* tag_flags hold the class-word flags already */

typedef struct HAttr
{
	uint32_t	node;
	uint32_t	start;			/* value in HDoc.text */
	uint32_t	len;
	uint8_t		name;			/* HAttrName */
} HAttr;

typedef struct HNode
{
	int32_t		parent,
				first,
				last,
				next;			/* -1: none */
	uint32_t	attr0;			/* first of nattr attributes in HDoc.attrs */
	uint16_t	nattr;
	uint8_t		tag;			/* HTag */
	uint8_t		flags;			/* HF_* */
	uint8_t		tag_flags;		/* HF_* of the element kind alone */
	uint32_t	start;			/* text nodes: content in HDoc.text */
	uint32_t	len;
	/* set by the body step */
	uint32_t	chars;			/* visible characters in the subtree */
	uint32_t	link_chars;		/* of those, inside <a> */
	uint32_t	commas;
	uint32_t	paras;			/* paragraphs (text blocks) in the subtree */
	float		score;
	bool		scored;
} HNode;

typedef struct HDoc
{
	const AtMem *mem;
	AtVec		nodes;			/* HNode; node 0 is the document root */
	AtVec		attrs;			/* HAttr */
	AtBuf		text;			/* text and attribute values, UTF-8 */
	bool		truncated;		/* the reading stopped early (depth, size) */
	AtBuf		meta_lines;		/* metadata lines the last render left out of the body */
} HDoc;

#define HN(d, i)	AT_VEC_AT(&(d)->nodes, HNode, (i))

/* html.c */
extern const char *h_attr(const HDoc *d, int node, HAttrName name, size_t *len);
extern bool h_attr_is(const HDoc *d, int node, HAttrName name, const char *value);
extern bool h_attr_has_word(const HDoc *d, int node, HAttrName name, const char *word);
extern int	h_next_in_order(const HDoc *d, int node, int root, bool enter);
extern void h_text_of(const HDoc *d, int node, AtBuf *out, size_t max);
/* The page read into a new d by h_tokenize (or h_read_page_hook) */
extern void h_read_page(HDoc *d, const char *s, size_t len, const AtMem *mem);

/*
 * NULL, always in the server.  A test tool that compares our tokenizer with
 * libxml2's HTML parser (test/html/libxml2_reader.c) sets it to read pages
 * its way into the builder below.
 */
extern void (*h_read_page_hook) (HDoc *d, const char *s, size_t len);

/*
 * html.c: the HDoc builder a tokenizer drives (html_tokenize.c, or the test
 * tool's libxml2 SAX callbacks).  h_build_start opens an element (-1: inside a subtree
 * whose content is not kept, or stopped); its kept attributes follow, then
 * h_build_opened.  After any call, stop means: read no further (256 open
 * elements, or a text node over 10 MB).
 */
typedef struct HBuild
{
	HDoc	   *d;
	int			cur;			/* the open element text goes to; 0 the document */
	int			open;			/* open elements, those of skipped subtrees too */
	int			skip;			/* > 0: inside a subtree whose content is not kept */
	int			text;			/* last child of cur when it is text that may grow, else -1 */
	bool		stop;
} HBuild;

extern void h_build_init(HBuild *b, HDoc *d);
extern void h_tag_of(const char *name, uint8_t *tag, uint8_t *flags);
extern int	h_build_start(HBuild *b, uint8_t tag, uint8_t flags);
extern void h_build_attr(HBuild *b, int id, uint8_t name, const char *v, size_t len);
extern void h_build_opened(HBuild *b, int id);
extern void h_build_end(HBuild *b);
extern void h_build_text(HBuild *b, const char *s, size_t len);

/*
 * html_tokenize.c: the page read into d (d->nodes empty) by our own
 * tokenizer, which gives the builder the events libxml2 2.9's HTML parser
 * gives in recovery mode (see the file).
 */
extern void h_tokenize(HDoc *d, const char *s, size_t len);

/* html_json.c: a small JSON reader for JSON-LD */
typedef enum HJType
{
	HJ_NULL, HJ_BOOL, HJ_NUM, HJ_STR, HJ_ARR, HJ_OBJ
} HJType;

typedef struct HJson
{
	HJType		type;
	const char *key;			/* member name inside an object, else NULL */
	const char *str;			/* HJ_STR, HJ_NUM: NUL-terminated, decoded */
	size_t		slen;
	struct HJson *child;		/* first element or member */
	struct HJson *next;
} HJson;

extern HJson *h_json_parse(const char *s, size_t len, const AtMem *mem);
extern const HJson *h_json_get(const HJson *obj, const char *key);

/* html_meta.c */
extern void h_meta_extract(HDoc *d, AtArticle *a, AtBuf *base, int content_root);
extern void h_meta_dom_dates(HDoc *d, AtArticle *a, int content_root);

/* html_body.c */
/*
 * Flags, statistics and scores; returns the main content's root node.  With
 * strict false, class and id words drop nothing (the retry of a page whose
 * strict pass found almost no text: a layout class like "has-sidebar" on a
 * wrapper of the whole page).
 */
extern int	h_body_mark(HDoc *d, bool strict);
/* the body of a (title and captions already in a, spans in base) */
extern void h_body_render(HDoc *d, AtArticle *a, int root, AtBuf *base);

/* helpers shared by the steps */
extern void h_append_clean(AtBuf *out, const char *s, size_t len, bool keep_lines);
extern size_t h_trim(const char *s, size_t len, size_t *start);

#endif							/* AT_HTML_INT_H */

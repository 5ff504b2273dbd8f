/*
 * libxml2_reader.c: pages read by libxml2's HTML parser into the HDoc
 * builder of the HTML path, for comparisons with our tokenizer (see
 * libxml2_reader.h).  This was the path's reader before html_tokenize.c:
 * SAX callbacks drive html.c's builder after the pre-pass, and the error
 * handlers installed for the parse are put back after it.  A test tool:
 * standalone, so no interrupts and no server state to protect.
 */
#include "libxml2_reader.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

bool		at_html_prepass_all = true;

static void
quiet_generic(void *ctx, const char *msg,...)
{
	(void) ctx;
	(void) msg;
}

static void
quiet_structured(void *ctx, xmlErrorPtr err)
{
	(void) ctx;
	(void) err;
}

static int
cmp_attr(const void *k, const void *e)
{
	return strcmp((const char *) k, ((const HAttrEntry *) e)->name);
}

/* The HAttrName of a lower-case attribute name, or -1 when it is not kept */
static int
h_attr_of(const char *name)
{
	const HAttrEntry *an = bsearch(name, h_attr_names, h_nattr_names, sizeof(HAttrEntry), cmp_attr);

	return an ? an->attr : -1;
}

/* ---- libxml2's SAX callbacks -> the builder ----------------------------- */

typedef struct Sax
{
	HBuild		b;
	htmlParserCtxtPtr ctxt;
	const char *orig;			/* the page before the pre-pass */
	const AtVec *moved;			/* attributes the pre-pass moved (HMovedAttr), or NULL */
	size_t		cursor;			/* the next tag's group in moved */
} Sax;

static Sax *
sax_of(void *ctx)
{
	return (Sax *) ((htmlParserCtxtPtr) ctx)->_private;
}

static void
sax_stop_if(Sax *x)
{
	if (x->b.stop)
		xmlStopParser(x->ctxt);
}

/* True when atts hold H_MOVED_MARK (the pre-pass moved this tag's values) */
static bool
has_moved(const Sax *x, const xmlChar **atts)
{
	for (size_t i = 0; x->moved && atts && atts[i]; i += 2)
		if (atts[i][0] == '_' && strcmp((const char *) atts[i], H_MOVED_MARK) == 0)
			return true;
	return false;
}

/*
 * The next tag's group of moved values, in the order of the tags (libxml2
 * reports every start tag it reads but a misplaced html, head or body,
 * whose values the pre-pass does not move): [*first, return value)
 */
static size_t
next_moved(Sax *x, size_t *first)
{
	*first = x->cursor;
	while (x->cursor < x->moved->len)
		if (AT_VEC_AT(x->moved, HMovedAttr, x->cursor++)->last)
			break;
	return x->cursor;
}

static void
copy_attrs(Sax *x, int id, const xmlChar **atts)
{
	for (size_t i = 0; atts && atts[i]; i += 2)
	{
		int			an;
		const char *v;

		if (x->moved && atts[i][0] == '_' && strcmp((const char *) atts[i], H_MOVED_MARK) == 0)
		{
			size_t		k,
						end = next_moved(x, &k);

			for (; k < end; k++)
			{
				const HMovedAttr *m = AT_VEC_AT(x->moved, HMovedAttr, k);

				h_build_attr(&x->b, id, m->name, x->orig + m->start, m->len);
			}
			continue;
		}
		an = h_attr_of((const char *) atts[i]);
		if (an < 0)
			continue;
		v = atts[i + 1] ? (const char *) atts[i + 1] : "";
		h_build_attr(&x->b, id, (uint8_t) an, v, strlen(v));
	}
}

static void
sax_start(void *ctx, const xmlChar *fullname, const xmlChar **atts)
{
	Sax		   *x = sax_of(ctx);
	uint8_t		tag,
				flags;
	int			id;

	h_tag_of((const char *) fullname, &tag, &flags);
	id = h_build_start(&x->b, tag, flags);
	if (id < 0)
	{
		size_t		first;

		if (!x->b.stop && has_moved(x, atts))
			(void) next_moved(x, &first);
		sax_stop_if(x);
		return;
	}
	copy_attrs(x, id, atts);
	h_build_opened(&x->b, id);
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	(void) name;
	h_build_end(&sax_of(ctx)->b);
}

static void
sax_text(void *ctx, const xmlChar *ch, int len)
{
	Sax		   *x = sax_of(ctx);

	if (len <= 0)
		return;
	h_build_text(&x->b, (const char *) ch, (size_t) len);
	sax_stop_if(x);
}

/* A comment or processing instruction is a node of its own: text around it is not joined */
static void
sax_comment(void *ctx, const xmlChar *value)
{
	(void) value;
	sax_of(ctx)->b.text = -1;
}

static void
sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void) target;
	(void) data;
	sax_of(ctx)->b.text = -1;
}

typedef struct Parse
{
	const char *s;
	size_t		len;
	HDoc	   *d;
	const char *orig;			/* as Sax */
	const AtVec *moved;
	htmlParserCtxtPtr ctxt;
	htmlDocPtr	doc;			/* NULL: the SAX callbacks build no tree */
	Sax			sax;
	bool		handlers_set;
	xmlGenericErrorFunc saved_generic;
	void	   *saved_generic_ctx;
	xmlStructuredErrorFunc saved_structured;
	void	   *saved_structured_ctx;
} Parse;

/* One parse of p->s into p->d by the SAX callbacks */
static void
sax_parse(Parse *p)
{
	p->ctxt = htmlNewParserCtxt();
	if (!p->ctxt || !p->ctxt->sax)
		return;
	memset(p->ctxt->sax, 0, sizeof(*p->ctxt->sax));
	p->ctxt->sax->startElement = sax_start;
	p->ctxt->sax->endElement = sax_end;
	p->ctxt->sax->characters = sax_text;
	p->ctxt->sax->cdataBlock = sax_text;
	p->ctxt->sax->comment = sax_comment;
	p->ctxt->sax->processingInstruction = sax_pi;
	memset(&p->sax, 0, sizeof(p->sax));
	h_build_init(&p->sax.b, p->d);
	p->sax.ctxt = p->ctxt;
	p->sax.orig = p->orig;
	p->sax.moved = p->moved;
	p->ctxt->_private = &p->sax;
	/* the text is already UTF-8: "UTF-8" makes libxml2 ignore a declared charset */
	p->doc = htmlCtxtReadMemory(p->ctxt, p->s, (int) p->len, NULL, "UTF-8",
								HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
								HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
								HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT);
	if (p->ctxt->instate == XML_PARSER_EOF && p->ctxt->input &&
		p->ctxt->input->cur < p->ctxt->input->end)
		p->d->truncated = true;
}

static void
parse_run(void *arg)
{
	Parse	   *p = arg;

	p->saved_generic = xmlGenericError;
	p->saved_generic_ctx = xmlGenericErrorContext;
	p->saved_structured = xmlStructuredError;
	p->saved_structured_ctx = xmlStructuredErrorContext;
	p->handlers_set = true;
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);

	sax_parse(p);
}

static void
parse_cleanup(void *arg)
{
	Parse	   *p = arg;

	if (p->doc)
		xmlFreeDoc(p->doc);
	p->doc = NULL;
	if (p->ctxt)
		htmlFreeParserCtxt(p->ctxt);
	p->ctxt = NULL;
	if (p->handlers_set)
	{
		xmlSetGenericErrorFunc(p->saved_generic_ctx, p->saved_generic);
		xmlSetStructuredErrorFunc(p->saved_structured_ctx, p->saved_structured);
		p->handlers_set = false;
	}
}

static void
parse_into(HDoc *d, const char *s, size_t len, const char *orig, const AtVec *moved)
{
	Parse		p;

	memset(&p, 0, sizeof(p));
	p.s = s;
	p.len = len;
	p.d = d;
	p.orig = orig;
	p.moved = moved;
	xmlInitParser();
	parse_run(&p);
	parse_cleanup(&p);
}

/* The page read by libxml2 after the pre-pass (h_read_page_hook) */
static void
read_page(HDoc *d, const char *s, size_t len)
{
	size_t		slen;
	AtVec		moved;
	char	   *stripped;

	at_vec_init(&moved, d->mem, sizeof(HMovedAttr));
	stripped = h_prepass(s, len, d->mem, &moved, &slen);
	parse_into(d, stripped ? stripped : s, stripped ? slen : len, s,
			   stripped && moved.len ? &moved : NULL);
	if (stripped)
		at_free(d->mem, stripped);
	at_free(d->mem, moved.data);
}

void
at_html_use_libxml2(bool on)
{
	h_read_page_hook = on ? read_page : NULL;
}

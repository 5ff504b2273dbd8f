/*
 * html.h: parse_article for HTML pages.
 *
 * A page recognised as HTML (at_looks_like_html) is read by our tokenizer
 * (html_tokenize.c) into the same AtArticle a text page gives: metadata
 * from JSON-LD, <meta> and the document, and a body of the main text only,
 * found by content scoring (see docs/html.md).  Spans point into a->base, a
 * copy of the decoded field values allocated from mem.  Of libxml2 the path
 * uses only htmlEntityLookup, a table look-up: no parser state, nothing to
 * free or restore.
 */
#ifndef AT_HTML_H
#define AT_HTML_H

#include "article.h"

/*
 * Largest HTML page parsed (bytes), and most tags in it; a larger page gives
 * AT_ERR_TOO_LARGE.  The HDoc keeps a node and its attributes per element,
 * so the tag limit bounds its memory (real pages have under 100,000 tags).
 */
#define AT_HTML_MAX_BYTES	((size_t) 64 * 1024 * 1024)
#define AT_HTML_MAX_TAGS	((size_t) 2000000)

/*
 * True when text[0..len) is HTML: it opens (after white space, a BOM or
 * comments) with a doctype, <html>, <head> or <body>, or its first 64 kB are
 * mostly markup (at least 8 tags and half of the non-blank bytes inside tags).
 * Prose that quotes a few tags stays on the text path.
 */
extern bool at_looks_like_html(const char *text, size_t len);

/* Parse an HTML page into *out (see at_parse_article for the contract) */
extern AtStatus at_parse_html(const char *text, size_t len, const AtMem *mem,
							  AtArticle *out);

/*
 * True when an interrupt waits (the server: InterruptPending): the
 * tokenizer asks this cheap question often and runs AT_CHECK_INTERRUPTS only
 * when it says yes.  NULL: always ask AT_CHECK_INTERRUPTS.
 */
extern bool (*at_html_interrupt_pending) (void);

#endif							/* AT_HTML_H */

/*
 * html.h: parse_article for HTML pages.
 *
 * A page recognised as HTML (at_looks_like_html) is parsed with libxml2's
 * HTML parser into the same AtArticle a text page gives: metadata from
 * JSON-LD, <meta> and the document, and a body of the main text only, found
 * by content scoring (see docs/html.md).  Spans point into a->base, a copy
 * of the decoded field values allocated from mem.
 *
 * libxml2 is shared with PostgreSQL's xml.c in the server, so the parse runs
 * as a step with a cleanup (at_html_protect) that frees the libxml2 objects
 * and restores the previous error handlers on every exit path.
 */
#ifndef AT_HTML_H
#define AT_HTML_H

#include "article.h"

/*
 * Largest HTML page parsed (bytes), and most tags in it; a larger page gives
 * AT_ERR_TOO_LARGE.  libxml2 spends about 100 bytes per element, so the tag
 * limit bounds its memory (real pages have under 100,000 tags).
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

/*
 * True (the default): before libxml2 reads a page, the pre-pass takes out
 * attributes, comments and element content the HTML path never reads, and
 * moves attribute values out of libxml2's way.  False: only script and
 * style bodies; the rows are the same (fuzz_html compares the two).
 */
extern bool at_html_prepass_all;

/*
 * Which tokenizer reads a page: our own (html_tokenize.c, which gives the
 * tree libxml2 2.9's HTML parser gives, without the pre-pass) or libxml2's
 * HTML parser after the pre-pass.  -1 (the start): chosen at the first page
 * from the environment variable AT_HTML_PARSER ("libxml2" or "own"), else
 * the default; the scorer and the benchmarks compare the two that way.
 */
#define AT_HTML_PARSER_OWN		0
#define AT_HTML_PARSER_LIBXML2	1
extern int	at_html_parser;

/* Parse an HTML page into *out (see at_parse_article for the contract) */
extern AtStatus at_parse_html(const char *text, size_t len, const AtMem *mem,
							  AtArticle *out);

/*
 * How a libxml2 step runs: run(arg), then cleanup(arg) whatever happens.
 * NULL (standalone) runs them in order; the server installs a version with
 * PG_TRY/PG_FINALLY so an ereport or a cancel inside run still cleans up.
 */
typedef void (*AtHtmlStep) (void *arg);
extern void (*at_html_protect) (AtHtmlStep run, AtHtmlStep cleanup, void *arg);

/*
 * True when an interrupt waits (the server: InterruptPending).  libxml2's
 * parser calls the engine back while it reads, and a longjmp out of those
 * callbacks would leave libxml2's objects of the moment unfreed, so there the
 * engine only asks, stops the parser, and checks interrupts (which may
 * ereport) once libxml2 has returned.  NULL: never.
 */
extern bool (*at_html_interrupt_pending) (void);

#endif							/* AT_HTML_H */

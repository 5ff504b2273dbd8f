/*
 * html.c: the server side of parse_article's HTML path.
 *
 * The engine reads HTML with its own tokenizer (html_tokenize.c, which calls
 * libxml2 only for htmlEntityLookup, a table look-up) or, when the
 * environment variable AT_HTML_PARSER is "libxml2" (for comparisons), with
 * libxml2's HTML parser, which PostgreSQL's own xml.c uses in the same
 * backend.  The engine runs its libxml2 step through
 * at_html_protect; here that step runs inside PG_TRY/PG_FINALLY, so an
 * ereport (out of memory) or a query cancel (CHECK_FOR_INTERRUPTS in the
 * engine's loops) still frees the libxml2 document and parser and puts back
 * the error handlers that were installed before, as pg_xml_done() does for
 * xml.c.  Everything else the HTML path allocates is palloc'd in the
 * caller's memory context.  While libxml2 parses, the engine only asks
 * whether an interrupt is pending (at_html_interrupt_pending), stops the
 * parser, and runs CHECK_FOR_INTERRUPTS after libxml2 has returned: no
 * longjmp leaves libxml2's own objects of the moment behind.
 */
#include "glue.h"

#include "miscadmin.h"

#include "../engine/html.h"


static void
pg_html_protect(AtHtmlStep run, AtHtmlStep cleanup, void *arg)
{
	/* PG_CATCH and a re-throw rather than PG_FINALLY: no -Wclobbered flag */
	PG_TRY();
	{
		run(arg);
	}
	PG_CATCH();
	{
		cleanup(arg);
		PG_RE_THROW();
	}
	PG_END_TRY();
	cleanup(arg);
}

static bool
pg_html_interrupt_pending(void)
{
	return InterruptPending;
}

/* From _PG_init, beside the interrupt hook: every HTML parse runs protected */
void
at_pg_html_init(void)
{
	at_html_protect = pg_html_protect;
	at_html_interrupt_pending = pg_html_interrupt_pending;
}

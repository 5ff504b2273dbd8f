/*
 * html.c: the server side of parse_article's HTML path.
 *
 * The engine reads HTML with its own tokenizer (html_tokenize.c, which calls
 * libxml2 only for htmlEntityLookup, a table look-up: no parser, no error
 * handlers, nothing PostgreSQL's own xml.c shares).  Everything the HTML
 * path allocates is palloc'd in the caller's memory context.  The tokenizer
 * asks at_html_interrupt_pending (a read of InterruptPending) every 4,096
 * tags and runs CHECK_FOR_INTERRUPTS only when it says yes.
 */
#include "glue.h"

#include "miscadmin.h"

#include "../engine/html.h"


static bool
pg_html_interrupt_pending(void)
{
	return InterruptPending;
}

/* From _PG_init, beside the interrupt hook */
void
at_pg_html_init(void)
{
	at_html_interrupt_pending = pg_html_interrupt_pending;
}

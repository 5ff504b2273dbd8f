/*
 * glue.h: what the SQL-facing files share: memory, interrupts, encoding
 * checks, error reporting and character positions.
 */
#ifndef AT_PG_GLUE_H
#define AT_PG_GLUE_H

#include "postgres.h"
#include "fmgr.h"

#include "../engine/common.h"
#include "../engine/utf8.h"

/* palloc in CurrentMemoryContext (huge allocations allowed) */
extern const AtMem at_pg_mem;

/*
 * ERROR unless the database encoding is UTF8: the engine reads UTF-8 only.
 * Every SQL-callable function calls this first.
 */
extern void at_pg_require_utf8(void);

/* Installs the HTML path's interrupt question (src/pg/html.c); from _PG_init */
extern void at_pg_html_init(void);

/* ereport(ERROR) for an engine status other than AT_OK; no-op for AT_OK */
extern void at_pg_report(AtStatus status, const char *what);

/* Detoasted bytes of a text argument (not NUL-terminated) */
extern const char *at_pg_text_arg(FunctionCallInfo fcinfo, int argno, size_t *len);

/* A text datum built from a byte span */
extern Datum at_pg_text_datum(const char *s, size_t len);

/* Largest input the functions accept, in bytes (MaxAllocSize) */
#define AT_MAX_INPUT_BYTES ((size_t) 0x3fffffff)

#endif							/* AT_PG_GLUE_H */

/*
 * glue.c: module entry point and the services the engine gets from the
 * server.
 */
#include "glue.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "../engine/regex.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

static void *
pg_alloc(void *ctx, size_t size)
{
	return palloc_extended(size ? size : 1, MCXT_ALLOC_HUGE);
}

static void *
pg_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size ? size : 1);
}

static void
pg_free(void *ctx, void *ptr)
{
	/* free(NULL) is a no-op for the engine; pfree(NULL) is not */
	if (ptr)
		pfree(ptr);
}

const AtMem at_pg_mem = {pg_alloc, pg_realloc, pg_free, NULL};

static void
pg_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

static int	regex_match_limit = AT_RE_MATCH_LIMIT;

static void
assign_regex_match_limit(int newval, void *extra)
{
	at_regex_set_match_limit(newval);
}

void
_PG_init(void)
{
	at_interrupt_hook = pg_check_interrupts;
	at_pg_html_init();

	/* can only lower the limit: a session may fail sooner, never run longer */
	DefineCustomIntVariable("article_tools.regex_match_limit",
							"Match limit of the PCRE2 patterns of article_tools.",
							"A match that needs more steps fails with SQLSTATE 54000.",
							&regex_match_limit, AT_RE_MATCH_LIMIT, 1, AT_RE_MATCH_LIMIT,
							PGC_USERSET, 0, NULL, assign_regex_match_limit, NULL);
}

void
at_pg_require_utf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("article_tools requires a database with UTF8 encoding"),
				 errdetail("The current database encoding is %s.",
						   GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8' (for example from template0) and use article_tools there.")));
}

void
at_pg_report(AtStatus status, const char *what)
{
	int			code;
	const char *hint = NULL;

	switch (status)
	{
		case AT_OK:
			return;
		case AT_ERR_INVALID_UTF8:
			code = ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
			break;
		case AT_ERR_TOO_LARGE:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			hint = "Split the input into smaller pieces.";
			break;
		case AT_ERR_REGEX_LIMIT:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			hint = "The input contains a pathological run of characters; remove it or split the input, or RESET article_tools.regex_match_limit if it was lowered.";
			break;
		case AT_ERR_DATA_FILE:
			code = ERRCODE_CONFIG_FILE_ERROR;
			hint = "Reinstall the extension's data files with \"make install\".";
			break;
		case AT_ERR_NOMEM:
			code = ERRCODE_OUT_OF_MEMORY;
			break;
		case AT_ERR_REGEX_INTERNAL:
		default:
			code = ERRCODE_INTERNAL_ERROR;
			break;
	}
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s: %s", what, at_status_message(status)),
			 hint ? errhint("%s", hint) : 0));
}

const char *
at_pg_text_arg(FunctionCallInfo fcinfo, int argno, size_t *len)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);

	*len = VARSIZE_ANY_EXHDR(t);
	return VARDATA_ANY(t);
}

Datum
at_pg_text_datum(const char *s, size_t len)
{
	return PointerGetDatum(cstring_to_text_with_len(s, (int) len));
}

/*
 * null_parser.c: a text search parser that does (almost) no work, for the
 * benchmark only; it is never installed by `make install`.
 *
 * It cuts the text at every change between space and non-space bytes and
 * returns the pieces as asciiword (1) and blank (12): one comparison per
 * byte, tokens shaped like the default parser's words and blanks.  Through
 * ts_parse its tokens/s is what ts_parse itself allows any parser, which is
 * the ceiling the FTS benchmark compares news_parser against.
 */
#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_public.h"

PG_MODULE_MAGIC;

typedef struct
{
	const char *text;
	int			len;
	int			pos;
} NullParser;

PG_FUNCTION_INFO_V1(at_null_start);
PG_FUNCTION_INFO_V1(at_null_gettoken);
PG_FUNCTION_INFO_V1(at_null_end);
PG_FUNCTION_INFO_V1(at_null_lextype);

Datum
at_null_start(PG_FUNCTION_ARGS)
{
	NullParser *p = palloc(sizeof(NullParser));

	p->text = (const char *) PG_GETARG_POINTER(0);
	p->len = PG_GETARG_INT32(1);
	p->pos = 0;
	PG_RETURN_POINTER(p);
}

Datum
at_null_gettoken(PG_FUNCTION_ARGS)
{
	NullParser *p = (NullParser *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	int			start = p->pos;
	bool		space;

	if (start >= p->len)
		PG_RETURN_INT32(0);
	space = (p->text[start] == ' ' || p->text[start] == '\n');
	while (p->pos < p->len &&
		   (p->text[p->pos] == ' ' || p->text[p->pos] == '\n') == space)
		p->pos++;
	*t = (char *) p->text + start;
	*tlen = p->pos - start;
	PG_RETURN_INT32(space ? 12 : 1);
}

Datum
at_null_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

Datum
at_null_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *d = palloc0(sizeof(LexDescr) * 3);

	d[0].lexid = 1;
	d[0].alias = pstrdup("asciiword");
	d[0].descr = pstrdup("Text between spaces");
	d[1].lexid = 12;
	d[1].alias = pstrdup("blank");
	d[1].descr = pstrdup("Spaces");
	PG_RETURN_POINTER(d);
}

/*
 * tsparser.c: article_tools.news_parser, the text search parser over the
 * engine's tokenizer (src/engine/tokenizer.h).
 *
 * The headline function wraps PostgreSQL's own prsd_headline, which knows
 * the default parser's token ids only: the news compound types are shown
 * to it as hyphenated words (skipped, their parts are shown) and CJK pairs
 * as words; afterwards a match on a compound highlights its parts, and
 * overlapping CJK pairs are cut to one character so the text comes out once.
 */
#include "glue.h"

#include "tsearch/ts_public.h"
#include "utils/fmgrprotos.h"

#include "../engine/tokenizer.h"
#include "../engine/utf8.h"

PG_FUNCTION_INFO_V1(at_news_prs_start);
PG_FUNCTION_INFO_V1(at_news_prs_nexttoken);
PG_FUNCTION_INFO_V1(at_news_prs_end);
PG_FUNCTION_INFO_V1(at_news_prs_lextype);
PG_FUNCTION_INFO_V1(at_news_prs_headline);

Datum
at_news_prs_start(PG_FUNCTION_ARGS)
{
	AtTokenizer *t = palloc(sizeof(AtTokenizer));
	int			len = PG_GETARG_INT32(1);

	at_pg_require_utf8();
	at_tok_init(t, (const char *) PG_GETARG_POINTER(0), len > 0 ? (size_t) len : 0,
				AT_TOK_NEWS);
	PG_RETURN_POINTER(t);
}

Datum
at_news_prs_nexttoken(PG_FUNCTION_ARGS)
{
	AtTokenizer *t = (AtTokenizer *) PG_GETARG_POINTER(0);
	char	  **token = (char **) PG_GETARG_POINTER(1);
	int		   *toklen = (int *) PG_GETARG_POINTER(2);
	size_t		start,
				len;
	int			type = at_tok_next(t, &start, &len);

	if (type == 0)
		PG_RETURN_INT32(0);
	*token = (char *) t->s + start;
	*toklen = (int) len;
	PG_RETURN_INT32(type);
}

Datum
at_news_prs_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

Datum
at_news_prs_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *descr = palloc(sizeof(LexDescr) * (AT_TOK_LAST + 1));

	for (int i = 1; i <= AT_TOK_LAST; i++)
	{
		descr[i - 1].lexid = i;
		descr[i - 1].alias = pstrdup(at_tok_types[i].alias);
		descr[i - 1].descr = pstrdup(at_tok_types[i].descr);
	}
	descr[AT_TOK_LAST].lexid = 0;
	PG_RETURN_POINTER(descr);
}

/* Index of the next entry after i that is not a repeated copy, or -1 */
static int
next_word(HeadlineParsedText *prs, int i)
{
	for (i++; i < prs->curwords; i++)
		if (!prs->words[i].repeated)
			return i;
	return -1;
}

Datum
at_news_prs_headline(PG_FUNCTION_ARGS)
{
	HeadlineParsedText *prs = (HeadlineParsedText *) PG_GETARG_POINTER(0);
	uint8	   *types = palloc(Max(prs->curwords, 1));
	int			i;

	/* show prsd_headline ids it knows */
	for (i = 0; i < prs->curwords; i++)
	{
		HeadlineWordEntry *w = &prs->words[i];

		/*
		 * The words of a money, percent or date expression all carry its
		 * lexemes (one position); blanks among them and the compound itself
		 * must not count as matches.
		 */
		if (w->type == AT_TOK_BLANK || w->type == AT_TOK_MONEY ||
			w->type == AT_TOK_PERCENT || w->type == AT_TOK_DATE)
			w->item = NULL;
		types[i] = w->type;
		if (w->type > AT_TOK_LAST_DEFAULT)
			w->type = w->type == AT_TOK_CJK ? AT_TOK_WORD : AT_TOK_HWORD;
	}

	DirectFunctionCall3(prsd_headline, PG_GETARG_DATUM(0), PG_GETARG_DATUM(1),
						PG_GETARG_DATUM(2));

	for (i = 0; i < prs->curwords; i++)
		prs->words[i].type = types[i];

	for (i = 0; i < prs->curwords; i++)
	{
		HeadlineWordEntry *w = &prs->words[i];

		if (w->repeated)
			continue;

		/* a matched compound: highlight its parts */
		if (at_tok_is_compound(w->type) && w->selected && w->in)
		{
			int			covered = 0,
						j = i;

			while (covered < (int) w->len && (j = next_word(prs, j)) >= 0)
			{
				HeadlineWordEntry *part = &prs->words[j];

				covered += part->len;
				if (part->in && part->type != AT_TOK_BLANK && !part->skip)
					part->selected = 1;
			}
		}

		/* overlapping CJK pairs: keep the first character of all but the last */
		if (w->type == AT_TOK_CJK)
		{
			int			j = next_word(prs, i);

			if (j >= 0 && prs->words[j].type == AT_TOK_CJK && w->len > 0)
			{
				int			n = at_utf8_seqlen((unsigned char) w->word[0]);

				if (n > 0 && n < (int) w->len)
				{
					w->len = n;
					if (w->selected && prs->words[j].in)
						prs->words[j].selected = 1;
				}
			}
		}
	}
	pfree(types);
	PG_RETURN_POINTER(prs);
}

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
#include "tsearch/ts_type.h"
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

static bool
is_measure(int type)
{
	return type == AT_TOK_MONEY || type == AT_TOK_PERCENT || type == AT_TOK_DATE;
}

/*
 * The parts of compound i, in order: start with j = i and *covered = 0;
 * returns the next entry of its span, or -1 after the last one.
 */
static int
next_part(HeadlineParsedText *prs, int i, int j, int *covered)
{
	if (*covered >= (int) prs->words[i].len || (j = next_word(prs, j)) < 0)
		return -1;
	*covered += prs->words[j].len;
	return j;
}

/* The first part of compound i that is not a blank, or -1 */
static int
first_part(HeadlineParsedText *prs, int i)
{
	int			covered = 0;

	for (int j = next_part(prs, i, i, &covered); j >= 0; j = next_part(prs, i, j, &covered))
		if (prs->words[j].type != AT_TOK_BLANK)
			return j;
	return -1;
}

/* Mark the parts of compound i selected (when shown) */
static void
select_parts(HeadlineParsedText *prs, int i)
{
	int			covered = 0;

	for (int j = next_part(prs, i, i, &covered); j >= 0; j = next_part(prs, i, j, &covered))
	{
		HeadlineWordEntry *part = &prs->words[j];

		if (part->in && part->type != AT_TOK_BLANK && !part->skip)
			part->selected = 1;
	}
}

/*
 * Did compound i match by its own lexeme?  A name shares its position with
 * its first word, so a match on the first word's lexeme does not count: the
 * name's lexeme is the one with a space.
 */
static bool
compound_matched(HeadlineParsedText *prs, TSQuery query, int i)
{
	for (int k = i; k < prs->curwords && (k == i || prs->words[k].repeated); k++)
	{
		QueryOperand *op = prs->words[k].item;

		if (op == NULL)
			continue;
		if (prs->words[i].type != AT_TOK_NAME ||
			memchr(GETOPERAND(query) + op->distance, ' ', op->length) != NULL)
			return true;
	}
	return false;
}

Datum
at_news_prs_headline(PG_FUNCTION_ARGS)
{
	HeadlineParsedText *prs = (HeadlineParsedText *) PG_GETARG_POINTER(0);
	TSQuery		query = PG_GETARG_TSQUERY(2);
	uint8	   *types;
	int			i,
				o;

	/*
	 * All tokens of a money, percent or date expression carry its lexemes
	 * (it is one position): keep them on its first word only, so the
	 * expression counts as one match, and drop the copies that held them.
	 */
	for (i = 0; i < prs->curwords; i++)
	{
		HeadlineWordEntry *w = &prs->words[i];

		if (w->type == AT_TOK_BLANK || is_measure(w->type))
			w->item = NULL;
		if (is_measure(w->type) && !w->repeated)
		{
			int			f = first_part(prs, i),
						covered = 0;

			for (int j = next_part(prs, i, i, &covered); j >= 0; j = next_part(prs, i, j, &covered))
			{
				for (int k = j; k < prs->curwords && (k == j || prs->words[k].repeated); k++)
					if (j != f)
						prs->words[k].item = NULL;
			}
		}
	}
	for (i = 0, o = 0; i < prs->curwords; i++)
	{
		if (prs->words[i].repeated && prs->words[i].item == NULL)
			continue;
		if (o != i)
			prs->words[o] = prs->words[i];
		o++;
	}
	prs->curwords = o;

	/* show prsd_headline ids it knows */
	types = palloc(Max(prs->curwords, 1));
	for (i = 0; i < prs->curwords; i++)
	{
		HeadlineWordEntry *w = &prs->words[i];

		types[i] = w->type;
		if (w->repeated)
			w->type = AT_TOK_BLANK;	/* a copy holding one more match: not a word to count */
		else if (w->type > AT_TOK_LAST_DEFAULT)
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

		/*
		 * A matched compound: highlight its parts.  A money, percent or date
		 * expression matched when its first word did; a name or hyphenated
		 * word when the compound itself did.
		 */
		if (at_tok_is_compound(w->type))
		{
			int			f = first_part(prs, i);

			if (is_measure(w->type) ? (f >= 0 && prs->words[f].selected)
				: (compound_matched(prs, query, i) &&
				   (w->selected || (f >= 0 && prs->words[f].selected))))
				select_parts(prs, i);
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

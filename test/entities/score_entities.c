/*
 * score_entities.c: precision, recall and F1 per kind of the entity
 * extractor (the engine, as extract_entities runs it) on these sets:
 *
 *   gmb   the GMB dev split (gmb.h: sentence number divisible by 10), one
 *         sentence at a time, exact spans; per -> person, org ->
 *         organization, geo -> location, gpe -> location for place names and
 *         nothing for nationality words; person spans without titles.
 *   gum   the 24 GUM Wikinews articles: person, place and organization
 *         mentions that are names.  GUM marks every mention as a whole noun
 *         phrase, so a mention counts as a name when its syntactic head is
 *         a proper noun and it starts, after an article, with a capital
 *         ("Texas student Ahmed Mohamed", "the United Nations"), as read
 *         from the UPOS and HEAD columns of conllu/.  A mention that holds
 *         a proper noun or starts with a capital but is no name by that
 *         test ("Scientology officials", "a boy from Irving, Texas", "actor
 *         Jason Beghe", "Legislative Council" tagged ADJ NOUN) is optional:
 *         not finding it is no miss, and a prediction of its kind inside it
 *         ("Jason Beghe") is no false positive.  Without the CoNLL-U
 *         files, the has_propn flag of gum_news.jsonl stands in for the head
 *         (a flagged mention with a capital is a name); that flag is false
 *         for 460 mentions that hold a proper noun ("the United Nations",
 *         "New York").
 *         A Wikipedia identity is no test: private people have none, and
 *         pronouns that corefer with a name have one.
 *         A prediction and a gold mention match when they overlap and have
 *         the same kind.
 *   gold  the hand-annotated articles of test/entities/gold (*.txt with
 *         {{kind:surface}} marks, kind person|organization|location), exact
 *         spans.
 *   world the world-newswire articles of test/entities/world (same format):
 *         wire stories of non-Western places, people and bodies (tuning).
 *   wiki  wikigold (test/entities/wikigold, CC BY 4.0): Wikipedia text,
 *         tokens joined back into text, exact spans; MISC is not scored.
 *
 * Held-out protocol (issue #15): each set but GMB has a frozen test split,
 * reported on its own line and never tuned on:
 *   gum-test   the GUM documents listed in test/entities/splits/gum_test.txt
 *              (a third, by document); "gum" is the other two thirds;
 *   held-test  the articles of test/entities/heldout, written and annotated
 *              before any rule for them; "gold" (the first 13) is tuning;
 *   wiki-test  wikigold documents n mod 3 = 2; "wiki" is the rest;
 *   held2      the articles of test/entities/heldout2 (second batch, fourth
 *              shift), written and annotated before any rule of that shift.
 * GMB dev is a regression floor, not a target.  Each line says "tune",
 * "test" or "floor" in its second column.
 *
 *   score_entities DATADIR SHAREDDIR GOLDDIR [SET=MIN ...] [only=SET]
 *
 * SET is one of gmb gum gum-test gold held-test world wiki wiki-test held2;
 * the sibling folders of GOLDDIR (heldout, heldout2, world, splits, wikigold)
 * hold the
 * rest.
 *
 * Sets whose files are missing are skipped with a message.  Exits 1 when an
 * overall F1 is below its MIN, 0 otherwise.
 *
 * Environment: NER_VERBOSE=1 prints the misses (FN) and false predictions
 * (FP) with their offsets and scores; NER_DUMP=1 adds every GUM gold span
 * and prediction; NER_MODE=tagger|tokens scores the tagger alone (below);
 * NER_GMB_SPLIT=tune scores GMB's tune split instead of dev; NER_GUM_FOLD=0
 * or 1 scores half of GUM's tuning documents (every other one), to measure
 * a model trained on the other half (README.md, cross-fitting);
 * NER_RULES_OFF=n,... skips stages of the rules (build/score_entities_rules
 * only, test/entities/rule_diff.sh); NER_PRECISE=1 adds F1 to five places.
 */
#include "../../src/tools/gmb.h"
#include "../../src/engine/utf8.h"
#include "../../src/engine/sentences.h"

#include <dirent.h>
#ifdef AT_NER_RULE_SWITCHES
extern unsigned long at_ner_rules_off;
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Counts
{
	long		tp[4],			/* gold matched (recall side) */
				tpp[4],			/* predictions matched (precision side) */
				npred[4],
				ngold[4];
} Counts;

typedef struct Span
{
	size_t		s,
				e;
	int			kind;
	bool		hit;
	bool		optional;		/* gold: neither a miss nor, when found, a hit */
	float		score;			/* predictions: the entity's score */
} Span;

static AtNerModel model;

static double
f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* Prints the table; returns overall F1 */
static double
report(const char *set, const char *split, const Counts *c)
{
	static const char *const names[] = {"all", "person", "organization", "location"};
	double		all = 0;

	for (int k = 0; k <= 3; k++)
	{
		long		tp = 0,
					tpp = 0,
					np = 0,
					ng = 0;
		double		p,
					r;

		for (int j = 1; j <= 3; j++)
			if (k == 0 || k == j)
			{
				tp += c->tp[j];
				tpp += c->tpp[j];
				np += c->npred[j];
				ng += c->ngold[j];
			}
		p = np ? (double) tpp / np : 0;
		r = ng ? (double) tp / ng : 0;
		printf("%-9s %-5s %-12s P %.3f R %.3f F1 %.3f  (gold %ld, predicted %ld)",
			   set, split, names[k], p, r, f1(p, r), ng, np);
		/* NER_PRECISE=1: the F1 to five places, for floors held by a hair */
		if (getenv("NER_PRECISE"))
			printf(" F1 %.5f", f1(p, r));
		printf("\n");
		if (k == 0)
			all = f1(p, r);
	}
	return all;
}

/*
 * Matches predictions with gold spans (exact, or overlapping), same kind.
 * An optional gold span counts neither as a miss nor, when a prediction of
 * its kind overlaps it and matches nothing else, as a false positive.
 */
static void
match(Span *gold, size_t ng, Span *pred, size_t np, bool overlap, Counts *c)
{
	for (size_t i = 0; i < ng; i++)
		if (!gold[i].optional)
			c->ngold[gold[i].kind]++;
	for (size_t j = 0; j < np; j++)
	{
		bool		opt = false;

		for (size_t i = 0; i < ng; i++)
		{
			bool		ok = gold[i].kind == pred[j].kind &&
				(overlap ? (gold[i].s < pred[j].e && pred[j].s < gold[i].e)
				 : (gold[i].s == pred[j].s && gold[i].e == pred[j].e));

			if (!ok)
				continue;
			if (gold[i].optional)
			{
				opt = true;
				continue;
			}
			if (!gold[i].hit)
				c->tp[gold[i].kind]++;
			if (!pred[j].hit)
				c->tpp[pred[j].kind]++;
			gold[i].hit = pred[j].hit = true;
		}
		if (pred[j].hit || !opt)
			c->npred[pred[j].kind]++;
		else
			pred[j].hit = true; /* not shown as an error */
	}
	for (size_t i = 0; i < ng; i++)
		if (gold[i].optional)
			gold[i].hit = true;
}

/*
 * NER_MODE=tagger scores the tagger alone on the raw text (sentences and
 * tokens as the pipeline makes them, no rules); NER_MODE=tokens, on GMB
 * only, the tagger on the corpus' own tokens (what train_ner reports).
 * The differences locate what tokenisation, sentence splitting and the
 * rules each gain or lose.
 */
static const char *mode = "";

/* Spans of a BIO tag sequence of tokens toks[0..n) as entities */
static void
tag_spans(const AtNerToken *toks, size_t n, const uint8_t *tags, AtVec *ents)
{
	for (size_t i = 0; i < n; i++)
	{
		size_t		e;
		AtEntity   *en;

		if (!AT_TAG_IS_B(tags[i]))
			continue;
		for (e = i + 1; e < n && tags[e] == tags[i] + 1; e++)
			;
		en = at_vec_push(ents);
		en->kind = AT_TAG_KIND(tags[i]);
		en->start = toks[i].start;
		en->len = toks[e - 1].start + toks[e - 1].len - toks[i].start;
		i = e - 1;
	}
}

/* The tagger's spans of one annotated sentence */
static void
tag_sentence_spans(const AtNerSent *s, AtVec *ents)
{
	uint8_t    *tags = malloc(s->n + 1);
	float	   *conf = malloc(sizeof(float) * (s->n + 1));

	at_ner_tag(&model, s, tags, conf);
	tag_spans(s->toks, s->n, tags, ents);
	free(tags);
	free(conf);
}

static void
tagger_only(const char *text, size_t len, const GmbSent *g, AtVec *ents)
{
	AtVec		toks,
				spans;
	AtBuf		norm;
	AtNerSent	s;

	at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&norm, &at_malloc_mem, 1024);
	if (g != NULL)
	{
		gmb_sentence(g, &model.gz, &toks, &norm, &s);
		tag_sentence_spans(&s, ents);
		free(toks.data);
		free(norm.data);
		return;
	}
	at_vec_init(&spans, &at_malloc_mem, sizeof(AtSpan));
	at_split_sentences(text, len, &spans);
	for (size_t si = 0; si < spans.len; si++)
	{
		AtSpan	   *sp = AT_VEC_AT(&spans, AtSpan, si);

		toks.len = 0;
		norm.len = 0;
		at_ner_tokenize(text, sp->start, sp->start + sp->len, &toks, &norm);
		if (toks.len == 0)
			continue;
		s.text = text;
		s.norm = norm.data;
		s.toks = toks.data;
		s.n = toks.len;
		at_ner_annotate(&model.gz, &s);
		tag_sentence_spans(&s, ents);
	}
	free(spans.data);
	free(toks.data);
	free(norm.data);
}

/* Entities of text as spans in characters (chars) or bytes */
static size_t
predict(const char *text, size_t len, bool chars, Span **out, bool verbose,
		const GmbSent *g)
{
	AtVec		ents;
	AtCharCursor cur;
	Span	   *sp;

	at_vec_init(&ents, &at_malloc_mem, sizeof(AtEntity));
	if (strcmp(mode, "tagger") == 0 || (g != NULL && strcmp(mode, "tokens") == 0))
		tagger_only(text, len, strcmp(mode, "tokens") == 0 ? g : NULL, &ents);
	else
		at_extract_entities(&model, NULL, text, len, &at_malloc_mem, &ents);
	sp = calloc(ents.len + 1, sizeof(Span));
	at_char_cursor_init(&cur, text);
	for (size_t i = 0; i < ents.len; i++)
	{
		AtEntity   *e = AT_VEC_AT(&ents, AtEntity, i);

		sp[i].kind = e->kind;
		sp[i].score = e->score;
		sp[i].s = chars ? at_char_cursor_offset(&cur, e->start) : e->start;
		sp[i].e = chars ? at_char_cursor_offset(&cur, e->start + e->len) : e->start + e->len;
		if (verbose)
			printf("  pred %d %.*s\n", e->kind, (int) e->len, text + e->start);
	}
	*out = sp;
	return ents.len;
}

static void
show_errors(const char *text, Span *g, size_t ng, Span *p, size_t np, bool chars)
{
	static const char *const k[] = {"-", "PER", "ORG", "LOC"};

	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < (side ? np : ng); i++)
		{
			Span	   *s = side ? &p[i] : &g[i];
			size_t		bs = s->s,
						be = s->e;

			if (s->hit)
				continue;
			if (chars)
			{
				size_t		c = 0,
							b = 0;

				while (c < s->s)
					b += at_utf8_seqlen((unsigned char) text[b]), c++;
				bs = b;
				while (c < s->e)
					b += at_utf8_seqlen((unsigned char) text[b]), c++;
				be = b;
			}
			printf("  %s %s %.*s\t@%zu-%zu %.2f\n", side ? "FP" : "FN", k[s->kind],
				   (int) (be - bs), text + bs, s->s, s->e, side ? s->score : 0);
		}
}

/* ---- GMB ------------------------------------------------------------------ */

static bool
score_gmb(const char *shared, Counts *c, bool verbose)
{
	/*
	 * NER_GMB_SPLIT=tune scores the tune split of gmb.h instead of dev, so
	 * that rules can be compared without looking at dev (with a model
	 * trained by "train_ner ... tune", which holds that split out).
	 */
	const char *split = getenv("NER_GMB_SPLIT");
	bool		tune = split != NULL && strcmp(split, "tune") == 0;
	char		path[4096];
	GmbSent    *sents;
	long		n;

	snprintf(path, sizeof(path), "%s/corpus/gmb/ner_dataset.csv", shared);
	n = gmb_read(path, &model.gz, &sents);
	if (tune)
		printf("gmb   scored on the tune split (sentence number 5 mod 10): use a model trained with \"tune\"\n");
	if (n < 0)
	{
		printf("gmb   skipped: %s not found\n", path);
		return false;
	}
	for (long i = 0; i < n; i++)
	{
		const GmbSent *g = &sents[i];
		Span	   *gold = calloc(g->n + 1, sizeof(Span)),
				   *pred;
		size_t		ng = 0,
					np;

		if (tune ? !GMB_IS_TUNE(g->num) : !GMB_IS_DEV(g->num))
			continue;
		for (int t = 0; t < g->n; t++)
		{
			int			e;

			if (!AT_TAG_IS_B(g->gold[t]))
				continue;
			for (e = t + 1; e < g->n && g->gold[e] == g->gold[t] + 1; e++)
				;
			gold[ng].s = g->tstart[t];
			gold[ng].e = g->tstart[e - 1] + g->tlen[e - 1];
			gold[ng].kind = AT_TAG_KIND(g->gold[t]);
			ng++;
		}
		np = predict(g->text, strlen(g->text), false, &pred, false, g);
		match(gold, ng, pred, np, false, c);
		if (verbose)
		{
			printf("S %s\n", g->text);
			show_errors(g->text, gold, ng, pred, np, false);
		}
		free(gold);
		free(pred);
	}
	return true;
}

/* ---- GUM (JSON lines) ----------------------------------------------------- */

static const char *
ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static unsigned
hex4(const char *p)
{
	unsigned	v = 0;

	for (int i = 0; i < 4; i++)
	{
		char		ch = p[i];

		v = v * 16 + (unsigned) (ch >= 'a' ? ch - 'a' + 10 : ch >= 'A' ? ch - 'A' + 10 : ch - '0');
	}
	return v;
}

/* A JSON string at p (at the quote) into out (may be NULL); returns the end */
static const char *
jstring(const char *p, AtBuf *out)
{
	p++;
	while (*p && *p != '"')
	{
		if (*p == '\\')
		{
			char		enc[4];
			uint32_t	cp;

			p++;
			switch (*p)
			{
				case 'n':
					cp = '\n';
					break;
				case 't':
					cp = '\t';
					break;
				case 'r':
					cp = '\r';
					break;
				case 'b':
					cp = '\b';
					break;
				case 'f':
					cp = '\f';
					break;
				case 'u':
					cp = hex4(p + 1);
					p += 4;
					if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u')
					{
						cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(p + 3) - 0xDC00);
						p += 6;
					}
					break;
				default:
					cp = (unsigned char) *p;
			}
			p++;
			if (out)
				at_buf_append(out, enc, at_utf8_encode(cp, enc));
			continue;
		}
		if (out)
			at_buf_appendc(out, *p);
		p++;
	}
	return *p ? p + 1 : p;
}

/* Skips any JSON value */
static const char *
jskip(const char *p)
{
	int			depth = 0;

	p = ws(p);
	do
	{
		if (*p == '"')
			p = jstring(p, NULL);
		else if (*p == '{' || *p == '[')
			depth++, p++;
		else if (*p == '}' || *p == ']')
			depth--, p++;
		else if (*p == '\0')
			return p;
		else if (depth == 0)
		{
			while (*p && *p != ',' && *p != '}' && *p != ']')
				p++;
			return p;
		}
		else
			p++;
	} while (depth > 0);
	return p;
}

/* The mention at character offset s starts (after the/a/an) with a capital */
static bool
named_core(const char *text, size_t s)
{
	size_t		b = 0;
	uint32_t	cp;

	for (size_t c = 0; c < s && text[b]; c++)
		b += at_utf8_seqlen((unsigned char) text[b]);
	if (strncmp(text + b, "the ", 4) == 0)
		b += 4;
	else if (strncmp(text + b, "a ", 2) == 0)
		b += 2;
	else if (strncmp(text + b, "an ", 3) == 0)
		b += 3;
	at_utf8_decode(text + b, strlen(text + b), &cp);
	return at_cp_is_upper(cp);
}

/* A token of a GUM CoNLL-U file: its characters in the text, its syntax */
typedef struct GumTok
{
	size_t		s,
				e;
	int			sent,
				id,
				head;			/* 0: the sentence's root */
	bool		propn;
} GumTok;

/*
 * The tokens of GUM document id in text (its sentences, in order, as
 * "# text =" lines; tokens in order within them).  Returns how many, or -1
 * when the CoNLL-U file is missing.
 */
static long
gum_tokens(const char *shared, const char *id, const char *text, GumTok **out)
{
	char		path[4096];
	static char line[1 << 16];
	FILE	   *f;
	const char *sent = text;	/* where the current sentence starts */
	const char *tok = text;		/* where the next token is searched */
	AtCharCursor cur;
	long		n = 0,
				cap = 1024;
	int			nsent = 0;
	GumTok	   *tk;

	snprintf(path, sizeof(path), "%s/corpus/gum-news/conllu/%s.conllu", shared, id);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	tk = malloc(cap * sizeof(GumTok));
	at_char_cursor_init(&cur, text);
	while (fgets(line, sizeof(line), f))
	{
		char	   *col[7];
		char	   *p = line;
		const char *at;

		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, "# text = ", 9) == 0)
		{
			if ((at = strstr(sent, line + 9)) != NULL)
				tok = at, sent = at + strlen(line + 9);
			nsent++;
			continue;
		}
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (int k = 0; k < 7; k++)
		{
			col[k] = p;
			p += strcspn(p, "\t");
			if (*p)
				*p++ = '\0';
		}
		if (strchr(col[0], '-') || strchr(col[0], '.'))
			continue;			/* multi-word token or empty node */
		if ((at = strstr(tok, col[1])) == NULL)
			continue;
		tok = at + strlen(col[1]);
		if (n == cap)
			tk = realloc(tk, (cap *= 2) * sizeof(GumTok));
		tk[n].s = at_char_cursor_offset(&cur, (size_t) (at - text));
		tk[n].e = at_char_cursor_offset(&cur, (size_t) (tok - text));
		tk[n].sent = nsent;
		tk[n].id = atoi(col[0]);
		tk[n].head = atoi(col[6]);
		tk[n].propn = strcmp(col[3], "PROPN") == 0;
		n++;
	}
	fclose(f);
	*out = tk;
	return n;
}

/*
 * What the tokens say of the mention [s, e): whether it holds a proper noun
 * (*holds) and whether its head is one (the return value).  The head is the
 * first token of the mention whose own head lies outside it ("Scientology
 * officials": officials).
 */
static bool
head_is_propn(const GumTok *tk, long n, size_t s, size_t e, bool *holds)
{
	long		first = -1,
				last = -1;

	*holds = false;
	for (long i = 0; i < n; i++)
		if (tk[i].s >= s && tk[i].e <= e)
		{
			if (first < 0)
				first = i;
			last = i;
			*holds |= tk[i].propn;
		}
	for (long i = first; i >= 0 && i <= last; i++)
	{
		bool		inside = false;

		/* the head token, when in the mention, is within first..last */
		for (long j = first; j <= last && tk[i].head != 0; j++)
			if (tk[j].sent == tk[i].sent && tk[j].id == tk[i].head)
				inside = true;
		if (!inside)
			return tk[i].propn;
	}
	return false;
}

/* The lines of a file (a list of names) as one NUL-separated string; NULL if missing */
static char *
read_list(const char *path)
{
	FILE	   *f = fopen(path, "r");
	static char line[4096];
	AtBuf		out;

	if (f == NULL)
		return NULL;
	at_buf_init(&out, &at_malloc_mem, 1024);
	while (fgets(line, sizeof(line), f))
	{
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0')
			at_buf_append(&out, line, strlen(line) + 1);
	}
	at_buf_appendc(&out, '\0');
	fclose(f);
	return out.data;
}

static bool
in_list(const char *list, const char *name)
{
	for (const char *l = list; *l; l += strlen(l) + 1)
		if (strcmp(l, name) == 0)
			return true;
	return false;
}

/*
 * GUM: the documents named in testlist when test, the others when not.
 */
static bool
score_gum(const char *shared, const char *testlist, bool test, Counts *c, bool verbose)
{
	char		path[4096];
	FILE	   *f;
	static char line[1 << 20];
	bool		warned = false;
	int			tune_docs = 0;

	snprintf(path, sizeof(path), "%s/corpus/gum-news/gum_news.jsonl", shared);
	f = fopen(path, "r");
	if (f == NULL)
	{
		printf("gum   skipped: %s not found\n", path);
		return false;
	}
	while (fgets(line, sizeof(line), f))
	{
		AtBuf		text,
					id;
		GumTok	   *tk = NULL;
		long		ntk = -1;
		Span	   *gold = calloc(4096, sizeof(Span)),
				   *pred;
		size_t		ng = 0,
					np;
		const char *p = ws(line);

		at_buf_init(&text, &at_malloc_mem, 1 << 16);
		at_buf_init(&id, &at_malloc_mem, 64);
		if (*p != '{')
			continue;
		p++;
		while (*(p = ws(p)) == '"')
		{
			AtBuf		key;

			at_buf_init(&key, &at_malloc_mem, 32);
			p = ws(jstring(p, &key));
			p = ws(p + 1);		/* ':' */
			if (strcmp(key.data, "text") == 0)
				p = jstring(p, &text);
			else if (strcmp(key.data, "id") == 0)
				p = jstring(p, &id);
			else if (strcmp(key.data, "entities") == 0 && *p == '[')
			{
				ntk = gum_tokens(shared, id.data, text.data, &tk);
				if (ntk < 0 && !warned)
				{
					printf("gum   CoNLL-U files missing: using the has_propn flag of the JSON lines\n");
					warned = true;
				}
				p = ws(p + 1);
				while (*p == '{')
				{
					long		s = -1,
								e = -1;
					bool		hasprop = false,
								named;
					AtBuf		type;

					at_buf_init(&type, &at_malloc_mem, 16);
					p = ws(p + 1);
					while (*p == '"')
					{
						AtBuf		k2;

						at_buf_init(&k2, &at_malloc_mem, 16);
						p = ws(jstring(p, &k2));
						p = ws(p + 1);
						if (strcmp(k2.data, "start") == 0)
							s = strtol(p, NULL, 10);
						else if (strcmp(k2.data, "end") == 0)
							e = strtol(p, NULL, 10);
						else if (strcmp(k2.data, "type") == 0 && *p == '"')
							jstring(p, &type);
						else if (strcmp(k2.data, "has_propn") == 0)
							hasprop = *p == 't';
						p = ws(jskip(p));
						if (*p == ',')
							p = ws(p + 1);
						free(k2.data);
					}
					p = ws(p + 1);	/* '}' */
					if (*p == ',')
						p = ws(p + 1);
					named = hasprop && named_core(text.data, (size_t) s);
					if (ntk >= 0 && s >= 0 && e > s)
						named = head_is_propn(tk, ntk, (size_t) s, (size_t) e, &hasprop) &&
							named_core(text.data, (size_t) s);
					if ((hasprop || (s >= 0 && named_core(text.data, (size_t) s))) &&
						ng < 4096 && s >= 0 && e > s)
					{
						int			kind = strcmp(type.data, "person") == 0 ? AT_NER_PERSON :
							strcmp(type.data, "organization") == 0 ? AT_NER_ORG :
							strcmp(type.data, "place") == 0 ? AT_NER_LOC : 0;

						if (kind)
						{
							gold[ng].s = (size_t) s;
							gold[ng].e = (size_t) e;
							gold[ng].kind = kind;
							gold[ng].optional = !named;
							ng++;
						}
					}
					free(type.data);
				}
				p = ws(p + 1);	/* ']' */
			}
			else
				p = jskip(p);
			p = ws(p);
			if (*p == ',')
				p++;
			free(key.data);
		}
		/*
		 * NER_GUM_FOLD=k: only the tuning documents whose place among them
		 * is k mod 2 (cross-fitting a model trained on the other half)
		 */
		if (id.data == NULL || in_list(testlist, id.data) != test ||
			(!test && getenv("NER_GUM_FOLD") != NULL &&
			 tune_docs++ % 2 != atoi(getenv("NER_GUM_FOLD"))))
		{
			free(gold);
			free(tk);
			free(text.data);
			free(id.data);
			continue;
		}
		np = predict(text.data, text.len, true, &pred, false, NULL);
		match(gold, ng, pred, np, true, c);
		if (verbose)
		{
			printf("D %s\n", id.data);
			for (size_t i = 0; getenv("NER_DUMP") && i < ng; i++)
				printf("  GOLD %d %zu %zu%s\n", gold[i].kind, gold[i].s, gold[i].e, gold[i].optional ? " optional" : "");
			for (size_t i = 0; getenv("NER_DUMP") && i < np; i++)
				printf("  PRED %d %zu %zu\n", pred[i].kind, pred[i].s, pred[i].e);
			show_errors(text.data, gold, ng, pred, np, true);
		}
		free(gold);
		free(pred);
		free(tk);
		free(text.data);
		free(id.data);
	}
	fclose(f);
	return true;
}

/* ---- hand-annotated articles --------------------------------------------- */

static bool
score_gold(const char *set, const char *dir, Counts *c, bool verbose)
{
	DIR		   *d = opendir(dir);
	struct dirent *de;
	int			files = 0;
	char	  **names = NULL;
	int			nnames = 0;

	if (d == NULL)
	{
		printf("%-9s skipped: %s not found\n", set, dir);
		return false;
	}
	while ((de = readdir(d)) != NULL)
	{
		size_t		l = strlen(de->d_name);

		if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
		{
			names = realloc(names, sizeof(char *) * (nnames + 1));
			names[nnames++] = strdup(de->d_name);
		}
	}
	closedir(d);
	for (int fi = 0; fi < nnames; fi++)
	{
		char		path[4096];
		FILE	   *f;
		AtBuf		raw,
					text;
		char		chunk[4096];
		size_t		got;
		Span	   *gold = calloc(4096, sizeof(Span)),
				   *pred;
		size_t		ng = 0,
					np;

		snprintf(path, sizeof(path), "%s/%s", dir, names[fi]);
		f = fopen(path, "rb");
		if (f == NULL)
			continue;
		at_buf_init(&raw, &at_malloc_mem, 1 << 14);
		at_buf_init(&text, &at_malloc_mem, 1 << 14);
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			at_buf_append(&raw, chunk, got);
		fclose(f);
		for (size_t p = 0; p < raw.len;)
		{
			if (raw.data[p] == '{' && p + 1 < raw.len && raw.data[p + 1] == '{')
			{
				const char *colon = memchr(raw.data + p, ':', raw.len - p);
				const char *end = strstr(raw.data + p, "}}");
				size_t		kl;

				if (colon && end && colon < end && ng < 4096)
				{
					kl = (size_t) (colon - raw.data - p - 2);
					gold[ng].kind = strncmp(raw.data + p + 2, "person", kl) == 0 ? AT_NER_PERSON :
						strncmp(raw.data + p + 2, "organization", kl) == 0 ? AT_NER_ORG :
						strncmp(raw.data + p + 2, "location", kl) == 0 ? AT_NER_LOC : 0;
					if (gold[ng].kind == 0)
					{
						fprintf(stderr, "%s: bad kind near %.20s\n", names[fi], raw.data + p);
						exit(2);
					}
					gold[ng].s = text.len;
					at_buf_append(&text, colon + 1, (size_t) (end - colon - 1));
					gold[ng].e = text.len;
					ng++;
					p = (size_t) (end - raw.data) + 2;
					continue;
				}
			}
			at_buf_appendc(&text, raw.data[p]);
			p++;
		}
		np = predict(text.data, text.len, false, &pred, false, NULL);
		match(gold, ng, pred, np, false, c);
		if (verbose)
		{
			printf("== %s\n", names[fi]);
			show_errors(text.data, gold, ng, pred, np, false);
		}
		files++;
		free(gold);
		free(pred);
		free(raw.data);
		free(text.data);
	}
	printf("%-9s %d articles\n", set, files);
	return files > 0;
}

/* ---- wikigold (CoNLL, IO tags) ------------------------------------------- */

/* No space before this token when the text is rebuilt */
static bool
glued_left(const char *t)
{
	static const char *const left[] = {",", ".", ";", ":", "!", "?", ")", "]", "%",
	"'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", NULL};

	for (int i = 0; left[i]; i++)
		if (strcmp(t, left[i]) == 0)
			return true;
	return false;
}

/* Scores one wikigold document: text rebuilt in txt, gold in g[0..ng) */
static void
wiki_doc(AtBuf *txt, Span *g, size_t ng, Counts *c, bool verbose, int doc)
{
	Span	   *pred;
	size_t		np;

	if (txt->len == 0)
		return;
	np = predict(txt->data, txt->len, false, &pred, false, NULL);
	match(g, ng, pred, np, false, c);
	if (verbose)
	{
		printf("W %d\n", doc);
		show_errors(txt->data, g, ng, pred, np, false);
	}
	free(pred);
}

/*
 * wikigold: documents n mod 3 = 2 when test, the others when not.  Each
 * document is rebuilt as text, one sentence a paragraph, and entities are
 * runs of one I- tag (IO tags: two adjacent names of one kind merge, as in
 * the source).
 */
static bool
score_wiki(const char *path, bool test, Counts *c, bool verbose)
{
	FILE	   *f = fopen(path, "r");
	static char line[4096];
	AtBuf		txt;
	Span	   *g;
	size_t		ng = 0,
				cap = 4096;
	int			doc = 0,
				prevkind = 0;
	bool		nospace = true;

	if (f == NULL)
	{
		printf("%-9s skipped: %s not found\n", test ? "wiki-test" : "wiki", path);
		return false;
	}
	at_buf_init(&txt, &at_malloc_mem, 1 << 14);
	g = calloc(cap, sizeof(Span));
	while (fgets(line, sizeof(line), f))
	{
		char	   *sp,
				   *tag;
		int			kind;

		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, "-DOCSTART-", 10) == 0)
		{
			if ((doc % 3 == 2) == test)
				wiki_doc(&txt, g, ng, c, verbose, doc);
			doc++;
			txt.len = 0;
			txt.data[0] = '\0';
			ng = 0;
			memset(g, 0, cap * sizeof(Span));
			prevkind = 0;
			nospace = true;
			continue;
		}
		if (line[0] == '\0')
		{
			if (txt.len > 0 && !nospace)
				at_buf_append(&txt, "\n\n", 2);
			nospace = true;
			prevkind = 0;
			continue;
		}
		if ((sp = strrchr(line, ' ')) == NULL)
			continue;
		*sp = '\0';
		tag = sp + 1;
		kind = strcmp(tag, "I-PER") == 0 || strcmp(tag, "B-PER") == 0 ? AT_NER_PERSON :
			strcmp(tag, "I-ORG") == 0 || strcmp(tag, "B-ORG") == 0 ? AT_NER_ORG :
			strcmp(tag, "I-LOC") == 0 || strcmp(tag, "B-LOC") == 0 ? AT_NER_LOC : 0;
		if (!nospace && !glued_left(line))
			at_buf_appendc(&txt, ' ');
		nospace = strcmp(line, "(") == 0 || strcmp(line, "[") == 0;
		if (kind != 0 && kind == prevkind && tag[0] == 'I' && ng > 0)
			g[ng - 1].e = txt.len + strlen(line);
		else if (kind != 0 && ng < cap)
		{
			g[ng].s = txt.len;
			g[ng].e = txt.len + strlen(line);
			g[ng].kind = kind;
			ng++;
		}
		prevkind = kind;
		at_buf_append(&txt, line, strlen(line));
	}
	if ((doc % 3 == 2) == test)
		wiki_doc(&txt, g, ng, c, verbose, doc);
	fclose(f);
	free(g);
	free(txt.data);
	return true;
}

#define NSETS 9

int
main(int argc, char **argv)
{
	static const char *const sets[NSETS] = {"gmb", "gum", "gum-test", "gold", "held-test", "world", "wiki", "wiki-test", "held2"};
	static const char *const splits[NSETS] = {"floor", "tune", "test", "tune", "test", "tune", "tune", "test", "test"};
	double		min[NSETS] = {0};
	bool		only[NSETS] = {false};
	bool		any_only = false;
	bool		verbose = getenv("NER_VERBOSE") != NULL;
	char		gumlist[4096],
				heldout[4096],
				world[4096],
				heldout2[4096],
				wikipath[4096];
	char	   *testids;
	int			rc = 0;

	if (getenv("NER_MODE") != NULL)
		mode = getenv("NER_MODE");
#ifdef AT_NER_RULE_SWITCHES
	/* NER_RULES_OFF=3,16: skip those stages of extract() (rule_diff.sh) */
	for (const char *p = getenv("NER_RULES_OFF"); p && *p; p += strcspn(p, ","), p += *p == ',')
		at_ner_rules_off |= 1UL << atoi(p);
#endif
	if (argc < 4)
	{
		fprintf(stderr, "usage: %s DATADIR SHAREDDIR GOLDDIR [SET=MIN ...] [only=SET]\n", argv[0]);
		return 2;
	}
	for (int i = 4; i < argc; i++)
		for (int s = 0; s < NSETS; s++)
		{
			size_t		l = strlen(sets[s]);

			if (strncmp(argv[i], sets[s], l) == 0 && argv[i][l] == '=')
				min[s] = atof(argv[i] + l + 1);
			if (strncmp(argv[i], "only=", 5) == 0 && strcmp(argv[i] + 5, sets[s]) == 0)
				only[s] = any_only = true;
		}
	if (at_ner_model_load(&model, &at_malloc_mem, argv[1]) != AT_OK)
	{
		fprintf(stderr, "cannot load the model from %s\n", argv[1]);
		return 2;
	}
	snprintf(gumlist, sizeof(gumlist), "%s/../splits/gum_test.txt", argv[3]);
	snprintf(heldout, sizeof(heldout), "%s/../heldout", argv[3]);
	snprintf(world, sizeof(world), "%s/../world", argv[3]);
	snprintf(heldout2, sizeof(heldout2), "%s/../heldout2", argv[3]);
	snprintf(wikipath, sizeof(wikipath), "%s/../wikigold/wikigold.conll.txt", argv[3]);
	testids = read_list(gumlist);
	if (testids == NULL)
	{
		fprintf(stderr, "cannot read the GUM test list %s\n", gumlist);
		return 2;
	}
	for (int s = 0; s < NSETS; s++)
	{
		Counts		c;
		bool		ran;
		double		f;

		if (any_only && !only[s])
			continue;
		memset(&c, 0, sizeof(c));
		switch (s)
		{
			case 0:
				ran = score_gmb(argv[2], &c, verbose);
				break;
			case 1:
			case 2:
				ran = score_gum(argv[2], testids, s == 2, &c, verbose);
				break;
			case 3:
				ran = score_gold(sets[s], argv[3], &c, verbose);
				break;
			case 4:
				ran = score_gold(sets[s], heldout, &c, verbose);
				break;
			case 5:
				ran = score_gold(sets[s], world, &c, verbose);
				break;
			case 8:
				ran = score_gold(sets[s], heldout2, &c, verbose);
				break;
			default:
				ran = score_wiki(wikipath, s == 7, &c, verbose);
				break;
		}
		if (!ran)
			continue;
		f = report(sets[s], splits[s], &c);
		if (f < min[s])
		{
			printf("%s: F1 %.3f is below the target %.2f\n", sets[s], f, min[s]);
			rc = 1;
		}
	}
	free(testids);
	return rc;
}

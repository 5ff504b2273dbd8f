/*
 * gmb.c: reader of the GMB NER corpus (CSV, Windows-1252, CRLF); see gmb.h.
 * Extra corpora in the same format (src/tools/gen_ner_extra.js) are UTF-8
 * and say so in their header line ("Sentence #,Word,POS,Tag,UTF-8").
 */
#include "gmb.h"
#include "../engine/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Windows-1252 0x80..0x9F (0 = unassigned, kept as U+FFFD) */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

static void
to_utf8(const char *s, size_t len, bool utf8, AtBuf *out)
{
	if (utf8)
	{
		at_buf_append(out, s, len);
		return;
	}
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];
		uint32_t	cp = c;
		char		enc[4];

		if (c >= 0x80 && c < 0xA0)
			cp = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xFFFD;
		at_buf_append(out, enc, at_utf8_encode(cp, enc));
	}
}

/* Splits one CSV line into 4 fields (a field may be double-quoted) */
static int
csv_fields(char *line, char **f, size_t *fl)
{
	int			n = 0;
	char	   *p = line;

	while (n < 4)
	{
		if (*p == '"')
		{
			char	   *w = ++p;

			f[n] = w;
			while (*p)
			{
				if (*p == '"' && p[1] == '"')
				{
					*w++ = '"';
					p += 2;
				}
				else if (*p == '"')
				{
					p++;
					break;
				}
				else
					*w++ = *p++;
			}
			fl[n] = (size_t) (w - f[n]);
		}
		else
		{
			f[n] = p;
			while (*p && *p != ',')
				p++;
			fl[n] = (size_t) (p - f[n]);
		}
		n++;
		if (*p != ',')
			break;
		p++;
	}
	return n;
}

typedef struct Tok
{
	char		word[128];
	char		pos[8];
	char		tag[8];
} Tok;

static bool
is_type(const char *tag, const char *type)
{
	return strlen(tag) > 2 && strcmp(tag + 2, type) == 0;
}

static void
finish(const Tok *t, int n, int num, bool utf8, const AtGazetteer *gz, GmbSent *g)
{
	AtBuf		text;

	at_buf_init(&text, &at_malloc_mem, 256);
	g->num = num;
	g->n = n;
	g->tstart = malloc(sizeof(uint32_t) * (n + 1));
	g->tlen = malloc(sizeof(uint32_t) * (n + 1));
	g->gold = calloc(n + 1, 1);
	for (int i = 0; i < n; i++)
	{
		const char *tag = t[i].tag;
		int			kind = 0;

		if (i > 0)
			at_buf_appendc(&text, ' ');
		g->tstart[i] = (uint32_t) text.len;
		to_utf8(t[i].word, strlen(t[i].word), utf8, &text);
		g->tlen[i] = (uint32_t) (text.len - g->tstart[i]);
		if (strlen(tag) < 5)
			continue;
		if (strcmp(tag + 2, "per") == 0)
			kind = AT_NER_PERSON;
		else if (strcmp(tag + 2, "org") == 0)
			kind = AT_NER_ORG;
		else if (strcmp(tag + 2, "geo") == 0)
			kind = AT_NER_LOC;
		else if (strcmp(tag + 2, "gpe") == 0 && strncmp(t[i].pos, "NNP", 3) == 0 &&
				 strcmp(t[i].pos, "NNPS") != 0)
			kind = AT_NER_LOC;
		if (kind)
			g->gold[i] = (uint8_t) (kind * 2 - (tag[0] == 'B' ? 1 : 0));
	}
	/* gpe spans with a nationality word anywhere are not places */
	for (int i = 0; i < n; i++)
		if (is_type(t[i].tag, "gpe") && g->gold[i] == 0)
		{
			int			s = i,
						e = i + 1;

			while (s > 0 && t[s].tag[0] == 'I' && is_type(t[s - 1].tag, "gpe"))
				s--;
			while (e < n && strcmp(t[e].tag, "I-gpe") == 0)
				e++;
			for (int k = s; k < e; k++)
				g->gold[k] = AT_TAG_O;
		}
	/* repair spans that lost their start, and drop titles from person spans */
	for (int i = 0; i < n; i++)
	{
		uint8_t		tg = g->gold[i];

		if (tg == AT_TAG_O)
			continue;
		if (!AT_TAG_IS_B(tg) && (i == 0 || (g->gold[i - 1] != tg && g->gold[i - 1] != tg - 1)))
			g->gold[i] = tg - 1;
		if (g->gold[i] == AT_TAG_B_PER)
		{
			int			k = i;

			while (k < n && (g->gold[k] == AT_TAG_B_PER || (k > i && g->gold[k] == AT_TAG_I_PER)))
			{
				char		low[128];
				size_t		l = strlen(t[k].word);

				for (size_t c = 0; c <= l; c++)
					low[c] = (char) ((t[k].word[c] >= 'A' && t[k].word[c] <= 'Z') ? t[k].word[c] + 32 : t[k].word[c]);
				if (!(at_gz_classes(gz, low, l) & AT_GZ_TITLE))
					break;
				g->gold[k] = AT_TAG_O;
				k++;
			}
			if (k < n && k > i && g->gold[k] == AT_TAG_I_PER)
				g->gold[k] = AT_TAG_B_PER;
		}
	}
	g->text = text.data ? text.data : strdup("");
}

long
gmb_read(const char *path, const AtGazetteer *gz, GmbSent **out)
{
	FILE	   *f = fopen(path, "rb");
	char		line[1024];
	Tok		   *toks = malloc(sizeof(Tok) * 256);
	int			ntok = 0,
				num = 0;
	long		nsent = 0,
				cap = 1024;
	GmbSent    *sents = malloc(sizeof(GmbSent) * cap);
	bool		header = true;
	bool		utf8 = false;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
	{
		char	   *fld[4];
		size_t		fl[4];
		size_t		len = strcspn(line, "\r\n");

		line[len] = '\0';
		if (header)
		{
			/* extra corpora (src/tools/gen_ner_extra.js) say they are UTF-8 */
			utf8 = strstr(line, ",UTF-8") != NULL;
			header = false;
			continue;
		}
		if (csv_fields(line, fld, fl) != 4)
			continue;
		if (fl[0] > 0)
		{
			if (ntok > 0)
			{
				if (nsent == cap)
					sents = realloc(sents, sizeof(GmbSent) * (cap *= 2));
				finish(toks, ntok, num, utf8, gz, &sents[nsent++]);
			}
			ntok = 0;
			num = atoi(fld[0] + strcspn(fld[0], "0123456789"));
		}
		if (ntok == 256 || fl[1] >= 128 || fl[2] >= 8 || fl[3] >= 8)
			continue;
		memcpy(toks[ntok].word, fld[1], fl[1]);
		toks[ntok].word[fl[1]] = '\0';
		memcpy(toks[ntok].pos, fld[2], fl[2]);
		toks[ntok].pos[fl[2]] = '\0';
		memcpy(toks[ntok].tag, fld[3], fl[3]);
		toks[ntok].tag[fl[3]] = '\0';
		ntok++;
	}
	if (ntok > 0)
	{
		if (nsent == cap)
			sents = realloc(sents, sizeof(GmbSent) * (cap *= 2));
		finish(toks, ntok, num, utf8, gz, &sents[nsent++]);
	}
	fclose(f);
	free(toks);
	*out = sents;
	return nsent;
}

void
gmb_sentence(const GmbSent *g, const AtGazetteer *gz, AtVec *toks, AtBuf *norm,
			 AtNerSent *s)
{
	toks->len = 0;
	norm->len = 0;
	for (int i = 0; i < g->n; i++)
		at_ner_add_token(g->text, g->tstart[i], g->tstart[i] + g->tlen[i], toks, norm);
	s->text = g->text;
	s->norm = norm->data ? norm->data : "";
	s->toks = toks->data;
	s->n = toks->len;
	at_ner_annotate(gz, s);
}

/*
 * ner_features.c: features, model file and greedy BIO decoding of the
 * averaged-perceptron entity tagger.
 *
 * Features are hashed (FNV-1a of a template number and the strings it
 * combines) into a fixed number of buckets, each holding one weight per tag.
 * The training tool (src/tools/train_ner.c) calls the same functions, so
 * features at training and tagging time cannot drift apart.  The model file
 * stores only non-zero buckets, quantised to 16 bits.
 */
#include "ner.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum
{
	F_BIAS = 1, F_W0, F_WM1, F_WP1, F_WM2, F_WP2, F_SH0, F_SHM1, F_SHP1,
	F_PRE, F_SUF, F_FIRST, F_GZ0, F_GZM1, F_GZP1, F_T1, F_T21, F_T1W0,
	F_T1SH0, F_BIM1, F_BIP1, F_FLAGS, F_SHM1SH0, F_GZM1SH0, F_LEN
};

static inline uint64_t
hstart(int tmpl)
{
	unsigned char b = (unsigned char) tmpl;

	return at_hash_bytes(AT_HASH_INIT, (const char *) &b, 1);
}

#define NORM(s, j)	((s)->norm + (s)->toks[j].norm)
#define NLEN(s, j)	((s)->toks[j].normlen)

static uint64_t
word_or_pad(uint64_t h, const AtNerSent *s, long j)
{
	if (j < 0)
		return at_hash_bytes(h, "<s>", 3);
	if ((size_t) j >= s->n)
		return at_hash_bytes(h, "</s>", 4);
	return at_hash_bytes(h, NORM(s, j), NLEN(s, j));
}

static uint64_t
shape_or_pad(uint64_t h, const AtNerSent *s, long j)
{
	if (j < 0 || (size_t) j >= s->n)
		return at_hash_bytes(h, "#", 1);
	return at_hash_bytes(h, s->toks[j].shape, s->toks[j].shapelen);
}

static uint32_t
gz_or_pad(const AtNerSent *s, long j)
{
	if (j < 0 || (size_t) j >= s->n)
		return 0x80000000u;
	return s->toks[j].gz;
}

int
at_ner_features(const AtNerSent *s, size_t i, int prev, int prev2, uint64_t *out)
{
	int			n = 0;
	const char *w = NORM(s, i);
	size_t		wl = NLEN(s, i);
	const char *sh0 = s->toks[i].shape;
	size_t		sh0l = s->toks[i].shapelen;
	unsigned char pt = (unsigned char) prev,
				pt2 = (unsigned char) prev2;
	uint32_t	gz;
	uint64_t	h;
	long		li = (long) i;

	out[n++] = hstart(F_BIAS);
	out[n++] = at_hash_bytes(hstart(F_W0), w, wl);
	out[n++] = word_or_pad(hstart(F_WM1), s, li - 1);
	out[n++] = word_or_pad(hstart(F_WP1), s, li + 1);
	out[n++] = word_or_pad(hstart(F_WM2), s, li - 2);
	out[n++] = word_or_pad(hstart(F_WP2), s, li + 2);
	out[n++] = at_hash_bytes(hstart(F_SH0), sh0, sh0l);
	out[n++] = shape_or_pad(hstart(F_SHM1), s, li - 1);
	out[n++] = shape_or_pad(hstart(F_SHP1), s, li + 1);
	out[n++] = at_hash_bytes(shape_or_pad(hstart(F_SHM1SH0), s, li - 1), sh0, sh0l);
	for (size_t k = 1; k <= 3 && k <= wl; k++)
	{
		h = at_hash_bytes(hstart(F_PRE), (const char *) &k, 1);
		out[n++] = at_hash_bytes(h, w, k);
	}
	for (size_t k = 1; k <= 4 && k <= wl; k++)
	{
		h = at_hash_bytes(hstart(F_SUF), (const char *) &k, 1);
		out[n++] = at_hash_bytes(h, w + wl - k, k);
	}
	/* sentence position: a capital on the first word says little */
	h = hstart(F_FIRST);
	h = at_hash_bytes(h, i == 0 ? "1" : (i == 1 && (s->toks[0].flags & AT_TOK_PUNCT)) ? "2" : "0", 1);
	out[n++] = at_hash_bytes(h, sh0, sh0l);
	/* gazetteer classes of the word and its neighbours, one feature a class */
	for (int d = -1; d <= 1; d++)
	{
		int			tmpl = d == 0 ? F_GZ0 : d < 0 ? F_GZM1 : F_GZP1;

		gz = gz_or_pad(s, li + d);
		for (int b = 0; gz && b < 32 && n < AT_NER_MAXFEAT - 8; b++)
		{
			if (!(gz & (1u << b)))
				continue;
			h = at_hash_bytes(hstart(tmpl), (const char *) &b, 1);
			out[n++] = h;
			if (d == -1)
				out[n++] = at_hash_bytes(at_hash_bytes(hstart(F_GZM1SH0), (const char *) &b, 1), sh0, sh0l);
		}
	}
	out[n++] = at_hash_bytes(hstart(F_T1), (const char *) &pt, 1);
	h = at_hash_bytes(hstart(F_T21), (const char *) &pt2, 1);
	out[n++] = at_hash_bytes(h, (const char *) &pt, 1);
	h = at_hash_bytes(hstart(F_T1W0), (const char *) &pt, 1);
	out[n++] = at_hash_bytes(h, w, wl);
	h = at_hash_bytes(hstart(F_T1SH0), (const char *) &pt, 1);
	out[n++] = at_hash_bytes(h, sh0, sh0l);
	h = word_or_pad(hstart(F_BIM1), s, li - 1);
	out[n++] = at_hash_bytes(h, w, wl);
	h = at_hash_bytes(hstart(F_BIP1), w, wl);
	out[n++] = word_or_pad(h, s, li + 1);
	{
		unsigned char fl = (unsigned char) (s->toks[i].flags & (AT_TOK_ALLCAPS | AT_TOK_HYPHEN | AT_TOK_LOWERTAIL | AT_TOK_DIGIT));
		unsigned char ln = (unsigned char) AT_MIN(wl, 8);

		out[n++] = at_hash_bytes(hstart(F_FLAGS), (const char *) &fl, 1);
		out[n++] = at_hash_bytes(hstart(F_LEN), (const char *) &ln, 1);
	}
	return n;
}

bool
at_ner_candidate(const AtNerSent *s, size_t i, int prev)
{
	return prev != AT_TAG_O || (s->toks[i].flags & AT_TOK_ANYUPPER) != 0;
}

void
at_ner_annotate(const AtGazetteer *gz, AtNerSent *s)
{
	/*
	 * Word classes only near capitals: the tagger looks at them for
	 * capitalised words and their neighbours, and most words of a text
	 * are neither (same rule in training and tagging).
	 */
	size_t		lastcap = (size_t) -1;

	for (size_t i = s->n; i-- > 0;)
	{
		AtNerToken *t = &s->toks[i];

		if (t->flags & AT_TOK_ANYUPPER)
			lastcap = i;
		/* within two tokens of a capital, after or before */
		if (!(t->flags & AT_TOK_ALPHA))
			t->gz = 0;
		else if ((t->flags & AT_TOK_ANYUPPER) || (lastcap != (size_t) -1 && lastcap - i <= 2) ||
				 (i >= 1 && (s->toks[i - 1].flags & AT_TOK_ANYUPPER)) ||
				 (i >= 2 && (s->toks[i - 2].flags & AT_TOK_ANYUPPER)))
			t->gz = at_gz_classes(gz, NORM(s, i), NLEN(s, i));
		else
			t->gz = 0;
	}
	for (size_t i = 0; i < s->n; i++)
	{
		const AtPhraseEntry *e;

		if (!(s->toks[i].flags & AT_TOK_UPPER1) || !(s->toks[i].gz & AT_GZ_PHRASE1))
			continue;
		e = at_phrase_match(&gz->places, s->text, s->norm, s->toks, i, s->n);
		if (e == NULL)
			continue;
		if (e->kind == AT_NER_NONE)
		{
			/* marks the phrase for the rules (fill_places), no feature */
			s->toks[i].gz |= AT_GZ_NONNAME;
			i += e->ntok - 1;
			continue;
		}
		s->toks[i].gz |= e->kind == AT_NER_ORG ? AT_GZ_ORG_B : AT_GZ_PLACE_B;
		for (size_t k = 1; k < e->ntok; k++)
			s->toks[i + k].gz |= e->kind == AT_NER_ORG ? AT_GZ_ORG_I : AT_GZ_PLACE_I;
		i += e->ntok - 1;
	}
}

void
at_ner_tag(const AtNerModel *m, const AtNerSent *s, uint8_t *tags, float *conf)
{
	uint64_t	feats[AT_NER_MAXFEAT];
	int			prev = AT_TAG_O,
				prev2 = AT_TAG_O;
	uint32_t	mask = m->nbuckets - 1;

	for (size_t i = 0; i < s->n; i++)
	{
		int32_t		sc[AT_TAG_ROW] = {0};
		int			best = AT_TAG_O,
					second = -1;
		int			nf;

		if ((i & 1023) == 1023)
			AT_CHECK_INTERRUPTS();
		if (!at_ner_candidate(s, i, prev))
		{
			tags[i] = AT_TAG_O;
			conf[i] = 1.0f;
			prev2 = prev;
			prev = AT_TAG_O;
			continue;
		}
		nf = at_ner_features(s, i, prev, prev2, feats);
		for (int f = 0; f < nf; f++)
		{
			const int16_t *row = m->w + (size_t) AT_NER_BUCKET(feats[f], mask) * AT_TAG_ROW;

			for (int t = 0; t < AT_TAG_ROW; t++)
				sc[t] += row[t];
		}
		for (int t = 1; t < AT_NTAGS; t++)
		{
			if (!at_ner_allowed(prev, t))
				continue;
			if (sc[t] > sc[best])
			{
				second = best;
				best = t;
			}
			else if (second < 0 || sc[t] > sc[second])
				second = t;
		}
		tags[i] = (uint8_t) best;
		/* margin over the runner-up, squashed into 0..1 (entities only) */
		conf[i] = second < 0 || best == AT_TAG_O ? 1.0f :
			(float) (1.0 / (1.0 + exp(-(double) (sc[best] - sc[second]) * m->scale / 4.0)));
		prev2 = prev;
		prev = best;
	}
}

/* ---- model file ---------------------------------------------------------- */

#define MODEL_MAGIC "ATNER001"

AtStatus
at_ner_model_save(const char *path, const float *w, uint32_t nbuckets)
{
	FILE	   *f = fopen(path, "wb");
	float		maxabs = 0;
	float		scale;
	uint32_t	nnz = 0;

	if (f == NULL)
		return AT_ERR_DATA_FILE;
	for (size_t i = 0; i < (size_t) nbuckets * AT_TAG_ROW; i++)
		maxabs = fmaxf(maxabs, fabsf(w[i]));
	scale = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
	for (uint32_t b = 0; b < nbuckets; b++)
		for (int t = 0; t < AT_NTAGS; t++)
			if (lrintf(w[(size_t) b * AT_TAG_ROW + t] / scale) != 0)
			{
				nnz++;
				break;
			}
	fwrite(MODEL_MAGIC, 1, 8, f);
	fwrite(&nbuckets, 4, 1, f);
	fwrite(&nnz, 4, 1, f);
	fwrite(&scale, 4, 1, f);
	for (uint32_t b = 0; b < nbuckets; b++)
	{
		int16_t		q[AT_NTAGS];
		bool		any = false;

		for (int t = 0; t < AT_NTAGS; t++)
		{
			q[t] = (int16_t) lrintf(w[(size_t) b * AT_TAG_ROW + t] / scale);
			any |= q[t] != 0;
		}
		if (!any)
			continue;
		fwrite(&b, 4, 1, f);
		fwrite(q, 2, AT_NTAGS, f);
	}
	return fclose(f) == 0 ? AT_OK : AT_ERR_DATA_FILE;
}

AtStatus
at_ner_model_load(AtNerModel *m, const AtMem *mem, const char *dir)
{
	char		path[4096];
	char		head[20];
	char		chunk[1024 * (4 + 2 * AT_NTAGS)];
	uint32_t	nnz,
				done = 0;
	FILE	   *f;
	const size_t rec = 4 + 2 * AT_NTAGS;

	memset(m, 0, sizeof(*m));
	snprintf(path, sizeof(path), "%s/%s", dir, AT_NER_MODEL_FILE);
	f = fopen(path, "rb");
	if (f == NULL)
		return AT_ERR_DATA_FILE;
	if (fread(head, 1, 20, f) != 20)
		goto bad;
	memcpy(&m->nbuckets, head + 8, 4);
	memcpy(&nnz, head + 12, 4);
	memcpy(&m->scale, head + 16, 4);
	if (memcmp(head, MODEL_MAGIC, 8) != 0 ||
		m->nbuckets == 0 || (m->nbuckets & (m->nbuckets - 1)) != 0 ||
		m->nbuckets > (1u << 24) || nnz > m->nbuckets || !(m->scale > 0))
		goto bad;
	m->bytes = (size_t) m->nbuckets * AT_TAG_ROW * sizeof(int16_t);
	m->w = at_alloc0(mem, m->bytes);
	/* records in chunks through a stack buffer: no second large allocation */
	while (done < nnz)
	{
		size_t		want = AT_MIN((size_t) (nnz - done), sizeof(chunk) / rec);

		if (fread(chunk, rec, want, f) != want)
			goto bad;
		for (size_t k = 0; k < want; k++)
		{
			const char *p = chunk + k * rec;
			uint32_t	b;

			memcpy(&b, p, 4);
			if (b >= m->nbuckets)
				goto bad;
			memcpy(m->w + (size_t) b * AT_TAG_ROW, p + 4, 2 * AT_NTAGS);
		}
		done += (uint32_t) want;
	}
	if (fgetc(f) != EOF)
		goto bad;
	fclose(f);
	return at_gz_load(&m->gz, mem, dir);
bad:
	fclose(f);
	return AT_ERR_DATA_FILE;
}

/*
 * ner_features.c: features and model file of the averaged-perceptron
 * entity tagger (decoding: ner_decode.c).
 *
 * Features are hashed (the FNV-1a hashes of the words and shapes they
 * combine, mixed with a template number) into a fixed number of buckets,
 * each holding one weight per tag; transitions between tags are features
 * too (at_ner_transition).
 * The training tool (src/tools/train_ner.c) calls the same functions, so
 * features at training and tagging time cannot drift apart.  The model file
 * stores only non-zero buckets, quantised to 16 bits.
 */
#include "ner.h"
#include "ner_memo.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum
{
	F_BIAS = 1, F_W0, F_WM1, F_WP1, F_WM2, F_WP2, F_SH0, F_SHM1, F_SHP1,
	F_PRE, F_SUF, F_FIRST, F_GZ0, F_GZM1, F_GZP1, F_T1, F_BIM1,
	F_BIP1, F_FLAGS, F_SHM1SH0, F_GZM1SH0, F_LEN, F_WM1SH0, F_SH0WP1,
	F_GZP2
};

/*
 * A feature is a template number mixed with the hashes of its parts; each
 * word and shape of the window is hashed once per token (the bucket
 * function mixes the result well, at_ner_bucket).
 */
static inline uint64_t
feat(int tmpl, uint64_t h)
{
	return (h ^ ((uint64_t) tmpl << 56)) * 0x9E3779B97F4A7C15ULL;
}

static inline uint64_t
feat2(int tmpl, uint64_t a, uint64_t b)
{
	return feat(tmpl, ((a << 21) | (a >> 43)) ^ b);
}

#define NORM(s, j)	((s)->norm + (s)->toks[j].norm)
#define NLEN(s, j)	((s)->toks[j].normlen)

static uint64_t
word_hash(const AtNerSent *s, long j)
{
	if (j < 0)
		return 1;
	if ((size_t) j >= s->n)
		return 2;
	return at_hash_bytes(AT_HASH_INIT, NORM(s, j), NLEN(s, j));
}

static uint64_t
shape_hash(const AtNerSent *s, long j)
{
	if (j < 0 || (size_t) j >= s->n)
		return 3;
	return at_hash_bytes(AT_HASH_INIT, s->toks[j].shape, s->toks[j].shapelen);
}

/* The word hash of token j (inside the sentence), from memo when it has it */
static inline uint64_t
memo_word(const AtNerSent *s, long j, AtNerHashMemo *memo)
{
	int			k = (int) ((size_t) j & (AT_NER_MEMO_SLOTS - 1));

	if (memo->tok[k] != (size_t) j + 1)
	{
		memo->tok[k] = (size_t) j + 1;
		/* the annotation's hash when it kept one (the same FNV-1a of the word) */
		memo->word[k] = memo->wh != NULL && memo->wh[j] != 0 ? memo->wh[j] : word_hash(s, j);
	}
	return memo->word[k];
}

/* The same for the shape hash (the words two away need none) */
static inline uint64_t
memo_shape(const AtNerSent *s, long j, AtNerHashMemo *memo)
{
	int			k = (int) ((size_t) j & (AT_NER_MEMO_SLOTS - 1));

	if (memo->stok[k] != (size_t) j + 1)
	{
		memo->stok[k] = (size_t) j + 1;
		memo->shape[k] = shape_hash(s, j);
	}
	return memo->shape[k];
}

/* Both hashes of token j */
static inline void
memo_hashes(const AtNerSent *s, long j, AtNerHashMemo *memo, uint64_t *wh, uint64_t *sh)
{
	*wh = memo_word(s, j, memo);
	*sh = memo_shape(s, j, memo);
}

static uint32_t
gz_or_pad(const AtNerSent *s, long j)
{
	if (j < 0 || (size_t) j >= s->n)
		return 0x80000000u;
	return s->toks[j].gz;
}

int
at_ner_features(const AtNerSent *s, size_t i, uint64_t *out)
{
	return at_ner_features_memo(s, i, out, NULL);
}

int
at_ner_features_memo(const AtNerSent *s, size_t i, uint64_t *out, AtNerHashMemo *memo)
{
	int			n = 0;
	const char *w = NORM(s, i);
	size_t		wl = NLEN(s, i);
	long		li = (long) i;
	uint64_t	w0,
				wm1,
				wp1,
				wm2,
				wp2,
				sh0,
				shm1,
				shp1;
	uint64_t	h;

	if (memo == NULL)
	{
		w0 = word_hash(s, li);
		wm1 = word_hash(s, li - 1);
		wp1 = word_hash(s, li + 1);
		wm2 = word_hash(s, li - 2);
		wp2 = word_hash(s, li + 2);
		sh0 = shape_hash(s, li);
		shm1 = shape_hash(s, li - 1);
		shp1 = shape_hash(s, li + 1);
	}
	else
	{
		/* outside the sentence: the pads of word_hash() and shape_hash() */
		memo_hashes(s, li, memo, &w0, &sh0);
		if (li >= 1)
			memo_hashes(s, li - 1, memo, &wm1, &shm1);
		else
			wm1 = word_hash(s, li - 1), shm1 = shape_hash(s, li - 1);
		if (i + 1 < s->n)
			memo_hashes(s, li + 1, memo, &wp1, &shp1);
		else
			wp1 = word_hash(s, li + 1), shp1 = shape_hash(s, li + 1);
		if (li >= 2)
			wm2 = memo_word(s, li - 2, memo);
		else
			wm2 = word_hash(s, li - 2);
		if (i + 2 < s->n)
			wp2 = memo_word(s, li + 2, memo);
		else
			wp2 = word_hash(s, li + 2);
	}

	out[n++] = feat(F_BIAS, 0);
	out[n++] = feat(F_W0, w0);
	out[n++] = feat(F_WM1, wm1);
	out[n++] = feat(F_WP1, wp1);
	out[n++] = feat(F_WM2, wm2);
	out[n++] = feat(F_WP2, wp2);
	out[n++] = feat(F_SH0, sh0);
	out[n++] = feat(F_SHM1, shm1);
	out[n++] = feat(F_SHP1, shp1);
	out[n++] = feat2(F_SHM1SH0, shm1, sh0);
	out[n++] = feat2(F_WM1SH0, wm1, sh0);
	out[n++] = feat2(F_SH0WP1, sh0, wp1);
	out[n++] = feat2(F_BIM1, wm1, w0);
	out[n++] = feat2(F_BIP1, w0, wp1);
	/* prefixes of 1-3 bytes, suffixes of 1-4 (hashed from the end) */
	h = AT_HASH_INIT;
	for (size_t k = 0; k < 3 && k < wl; k++)
	{
		h = at_hash_bytes(h, w + k, 1);
		out[n++] = feat(F_PRE, h);
	}
	h = AT_HASH_INIT;
	for (size_t k = 1; k <= 4 && k <= wl; k++)
	{
		h = at_hash_bytes(h, w + wl - k, 1);
		out[n++] = feat(F_SUF, h);
	}
	/* sentence position: a capital on the first word says little */
	out[n++] = feat2(F_FIRST, i == 0 ? 1 : (i == 1 && (s->toks[0].flags & AT_TOK_PUNCT)) ? 2 : 0, sh0);
	{
		unsigned	fl = s->toks[i].flags & (AT_TOK_ALLCAPS | AT_TOK_HYPHEN | AT_TOK_LOWERTAIL | AT_TOK_DIGIT);

		out[n++] = feat(F_FLAGS, fl);
		out[n++] = feat(F_LEN, AT_MIN(wl, 8));
	}
	/* gazetteer classes of the word and its neighbours, one feature a class */
	for (int d = -1; d <= 2; d++)
	{
		static const int tmpls[] = {F_GZM1, F_GZ0, F_GZP1, F_GZP2};
		uint32_t	gz = gz_or_pad(s, li + d);

		/* two to the right: only heads ("China Jiangxi Corporation") */
		if (d == 2)
			gz &= AT_GZ_ORGHEAD | AT_GZ_LOCHEAD;
		for (; gz && n < AT_NER_MAXFEAT - 2; gz &= gz - 1)
		{
			int			b = __builtin_ctz(gz);

			out[n++] = feat(tmpls[d + 1], (uint64_t) b);
			if (d == -1)
				out[n++] = feat2(F_GZM1SH0, (uint64_t) b, sh0);
		}
	}
	return n;
}

uint64_t
at_ner_transition(int prev)
{
	return feat(F_T1, (uint64_t) prev);
}

uint32_t
at_ner_tagmask(const AtNerSent *s, size_t i)
{
	return at_ner_tagmask_inline(s, i);
}

void
at_ner_annotate(const AtGazetteer *gz, AtNerSent *s)
{
	at_ner_annotate_hashed(gz, s, NULL);
}

void
at_ner_annotate_hashed(const AtGazetteer *gz, AtNerSent *s, uint64_t *wh)
{
	/*
	 * Word classes only near capitals: the tagger looks at them for
	 * capitalised words and their neighbours, and most words of a text
	 * are neither (same rule in training and tagging).
	 */
	size_t		lastcap = (size_t) -1;

	/*
	 * The lookups are independent: each word's slot is asked for
	 * (at_gz_prefetch) GZ_AHEAD words before it is read, so that the
	 * waits for memory overlap.
	 */
#define GZ_AHEAD 8
	size_t		pend[GZ_AHEAD];
	uint64_t	pendh[GZ_AHEAD];
	int			npend = 0;

	for (size_t i = s->n; i-- > 0;)
	{
		AtNerToken *t = &s->toks[i];

		if (t->flags & AT_TOK_ANYUPPER)
			lastcap = i;
		/* within two tokens of a capital, after or before */
		if (wh != NULL)
			wh[i] = 0;
		if (!(t->flags & AT_TOK_ALPHA))
			t->gz = 0;
		else if ((t->flags & AT_TOK_ANYUPPER) || (lastcap != (size_t) -1 && lastcap - i <= 2) ||
				 (i >= 1 && (s->toks[i - 1].flags & AT_TOK_ANYUPPER)) ||
				 (i >= 2 && (s->toks[i - 2].flags & AT_TOK_ANYUPPER)))
		{
			/* at_gz_hash(), and the word's feature hash (word_hash) */
			uint64_t	raw = at_hash_bytes(AT_HASH_INIT, NORM(s, i), NLEN(s, i));
			uint64_t	h = raw | 1;
			int			k = npend % GZ_AHEAD;

			if (wh != NULL)
				wh[i] = raw;

			at_gz_prefetch(gz, h);
			if (npend >= GZ_AHEAD)
				s->toks[pend[k]].gz = at_gz_classes_hashed(gz, pendh[k], NORM(s, pend[k]),
														   NLEN(s, pend[k]));
			pend[k] = i;
			pendh[k] = h;
			npend++;
		}
		else
			t->gz = 0;
	}
	for (int k = npend > GZ_AHEAD ? npend - GZ_AHEAD : 0; k < npend; k++)
		s->toks[pend[k % GZ_AHEAD]].gz = at_gz_classes_hashed(gz, pendh[k % GZ_AHEAD],
															 NORM(s, pend[k % GZ_AHEAD]),
															 NLEN(s, pend[k % GZ_AHEAD]));
	for (size_t i = 0; i < s->n; i++)
	{
		const AtPhraseEntry *e;

		/* "21st Century Maritime Silk Road" starts with a figure */
		if (!(s->toks[i].flags & (AT_TOK_UPPER1 | AT_TOK_DIGIT)) ||
			!(s->toks[i].gz & AT_GZ_PHRASE1))
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
	{
		AtNerWeights w;

		at_ner_weights_init(&w, m->w, NULL, m->nbuckets);
		memcpy(m->trans, w.trans, sizeof(m->trans));
	}
	return at_gz_load(&m->gz, mem, dir);
bad:
	fclose(f);
	return AT_ERR_DATA_FILE;
}

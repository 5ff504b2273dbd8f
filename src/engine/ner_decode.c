/*
 * ner_decode.c: Viterbi decoding of the entity tagger.
 *
 * The score of tag t at token i after tag p is the sum of the weights (for
 * t) of the token's features, computed once per token, plus a transition
 * weight for p -> t.  The best sequence under the BIO constraints is found
 * exactly: a greedy left-to-right tagger cannot undo an early mistake
 * ("Bank" taken as a place before "of China" is seen).  Tokens that may
 * only be O (at_ner_tagmask: most words without a capital) are not scored,
 * so plain text costs almost nothing.  The training tool
 * (src/tools/train_ner.c) decodes with these same functions.
 */
#include "ner.h"
#include "ner_memo.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#ifdef __x86_64__
#include <immintrin.h>
#endif

#define NEG_INF		(-1e30f)

/* Sum of the weight rows rows[0..nf) into sc[AT_TAG_ROW] */
static void
sum_prepared(const AtNerWeights *w, const uint32_t *rows, int nf, float *sc)
{
	if (w->q != NULL)
	{
#if defined(__SSE2__) && AT_TAG_ROW == 8
		/*
		 * Two rows a step: their int16 weights interleaved, then each
		 * adjacent pair added into 32 bits (pmaddwd by ones), the same
		 * integer sums (the scalar loop below is not vectorised at -O2)
		 */
		const __m128i ones = _mm_set1_epi16(1);
		__m128i		lo = _mm_setzero_si128(),
					hi = _mm_setzero_si128();
		int32_t		acc[AT_TAG_ROW];
		int			k = 0;

		for (; k + 1 < nf; k += 2)
		{
			__m128i		a = _mm_loadu_si128((const __m128i *) (w->q + (size_t) rows[k] * AT_TAG_ROW));
			__m128i		b = _mm_loadu_si128((const __m128i *) (w->q + (size_t) rows[k + 1] * AT_TAG_ROW));

			lo = _mm_add_epi32(lo, _mm_madd_epi16(_mm_unpacklo_epi16(a, b), ones));
			hi = _mm_add_epi32(hi, _mm_madd_epi16(_mm_unpackhi_epi16(a, b), ones));
		}
		if (k < nf)
		{
			__m128i		a = _mm_loadu_si128((const __m128i *) (w->q + (size_t) rows[k] * AT_TAG_ROW));
			__m128i		z = _mm_setzero_si128();

			lo = _mm_add_epi32(lo, _mm_madd_epi16(_mm_unpacklo_epi16(a, z), ones));
			hi = _mm_add_epi32(hi, _mm_madd_epi16(_mm_unpackhi_epi16(a, z), ones));
		}
		_mm_storeu_si128((__m128i *) acc, lo);
		_mm_storeu_si128((__m128i *) (acc + 4), hi);
		for (int t = 0; t < AT_TAG_ROW; t++)
			sc[t] = (float) acc[t];
#else
		int32_t		acc[AT_TAG_ROW] = {0};

		for (int k = 0; k < nf; k++)
		{
			const int16_t *row = w->q + (size_t) rows[k] * AT_TAG_ROW;

			for (int t = 0; t < AT_TAG_ROW; t++)
				acc[t] += row[t];
		}
		for (int t = 0; t < AT_TAG_ROW; t++)
			sc[t] = (float) acc[t];
#endif
	}
	else
	{
		for (int t = 0; t < AT_TAG_ROW; t++)
			sc[t] = 0;
		for (int k = 0; k < nf; k++)
		{
			const float *row = w->f + (size_t) rows[k] * AT_TAG_ROW;

			for (int t = 0; t < AT_TAG_ROW; t++)
				sc[t] += row[t];
		}
	}
}

/* Sum of the rows of features f[0..nf) (at most AT_NER_MAXFEAT) into sc[AT_TAG_ROW] */
static void
sum_rows(const AtNerWeights *w, const uint64_t *f, int nf, float *sc)
{
	uint32_t	rows[AT_NER_MAXFEAT];

	for (int k = 0; k < nf; k++)
		rows[k] = AT_NER_BUCKET(f[k], w->mask);
	sum_prepared(w, rows, nf, sc);
}

/* ---- buckets of many features at once ------------------------------------- */

/* at_ner_bucket() of f[0..n) into rows[] */
static void
buckets_scalar(const uint64_t *f, int n, uint32_t mask, uint32_t *rows)
{
	for (int k = 0; k < n; k++)
		rows[k] = AT_NER_BUCKET(f[k], mask);
}

#if defined(__x86_64__) && (defined(__clang__) ? __clang_major__ >= 8 : (defined(__GNUC__) && __GNUC__ >= 6))
#define AT_NER_AVX2 1

/* h * c (mod 2^64) of four lanes: AVX2 multiplies 32 by 32 bits only */
__attribute__((target("avx2"))) static inline __m256i
mul64(__m256i h, __m256i c, __m256i chi)
{
	__m256i		lo = _mm256_mul_epu32(h, c);
	__m256i		mid = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(h, 32), c),
									   _mm256_mul_epu32(h, chi));

	return _mm256_add_epi64(lo, _mm256_slli_epi64(mid, 32));
}

/*
 * buckets_scalar() four features a step (the same integer arithmetic):
 * the bucket function is most of the instructions of a scored token
 */
__attribute__((target("avx2"))) static void
buckets_avx2(const uint64_t *f, int n, uint32_t mask, uint32_t *rows)
{
	const __m256i c1 = _mm256_set1_epi64x((long long) 0xff51afd7ed558ccdULL);
	const __m256i c1hi = _mm256_srli_epi64(c1, 32);
	const __m256i c2 = _mm256_set1_epi64x((long long) 0xc4ceb9fe1a85ec53ULL);
	const __m256i c2hi = _mm256_srli_epi64(c2, 32);
	const __m256i low32 = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
	const __m128i m = _mm_set1_epi32((int) mask);
	int			k = 0;

	for (; k + 4 <= n; k += 4)
	{
		__m256i		h = _mm256_loadu_si256((const __m256i *) (f + k));

		h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 33));
		h = mul64(h, c1, c1hi);
		h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 33));
		h = mul64(h, c2, c2hi);
		h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 33));
		h = _mm256_permutevar8x32_epi32(h, low32);
		_mm_storeu_si128((__m128i *) (rows + k),
						 _mm_and_si128(_mm256_castsi256_si128(h), m));
	}
	buckets_scalar(f + k, n - k, mask, rows + k);
}
#endif

static void
buckets(const uint64_t *f, int n, uint32_t mask, uint32_t *rows)
{
#ifdef AT_NER_AVX2
	static int	avx2 = -1;		/* the processor has AVX2: asked once */

	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
	if (avx2)
	{
		buckets_avx2(f, n, mask, rows);
		return;
	}
#endif
	buckets_scalar(f, n, mask, rows);
}

/*
 * Rows of features f[0..nf) (bucket numbers into rows[]), each prefetched:
 * the table (2 MB) does not fit in a core's L2 cache, so the decoder asks
 * for the rows of the next scored token before it sums the current one's,
 * and the wait for memory overlaps that work.
 */
static int
prepare_rows(const AtNerWeights *w, const AtNerSent *s, size_t i,
			 AtNerHashMemo *memo, uint32_t *rows)
{
	uint64_t	f[AT_NER_MAXFEAT];
	int			nf = at_ner_features_memo(s, i, f, memo);

	buckets(f, nf, w->mask, rows);
	if (w->q != NULL)
		for (int k = 0; k < nf; k++)
			__builtin_prefetch(w->q + (size_t) rows[k] * AT_TAG_ROW);
	else
		for (int k = 0; k < nf; k++)
			__builtin_prefetch(w->f + (size_t) rows[k] * AT_TAG_ROW);
	return nf;
}

/*
 * First token from i on that at_ner_tagmask() lets take a tag other than
 * O, or s->n; its mask in *mask
 */
static size_t
next_scored(const AtNerSent *s, size_t i, uint32_t *mask)
{
	for (; i < s->n; i++)
	{
		/* without a capital at i, i - 1 or i - 2 the mask is only O */
		if ((s->toks[i].flags & AT_TOK_ANYUPPER) ||
			(i >= 1 && (s->toks[i - 1].flags & AT_TOK_ANYUPPER)) ||
			(i >= 2 && (s->toks[i - 2].flags & AT_TOK_ANYUPPER)))
		{
			*mask = at_ner_tagmask_inline(s, i);
			if (*mask != AT_NER_ONLY_O)
				return i;
		}
		else
		{
			/*
			 * Nor at the tokens after i up to the next capital (their
			 * two before have none): one test a token
			 */
			while (i + 1 < s->n && !(s->toks[i + 1].flags & AT_TOK_ANYUPPER))
				i++;
		}
	}
	*mask = AT_NER_ONLY_O;
	return s->n;
}

void
at_ner_weights_init(AtNerWeights *w, const int16_t *q, const float *f,
					uint32_t nbuckets)
{
	w->q = q;
	w->f = f;
	w->mask = nbuckets - 1;
	for (int p = 0; p < AT_NTAGS; p++)
	{
		uint64_t	h = at_ner_transition(p);
		float		row[AT_TAG_ROW];

		sum_rows(w, &h, 1, row);
		memcpy(w->trans[p], row, sizeof(w->trans[p]));
	}
}

void
at_ner_token_scores(const AtNerWeights *w, const AtNerSent *s, size_t i,
					float *sc)
{
	uint64_t	f[AT_NER_MAXFEAT];
	int			nf = at_ner_features(s, i, f);

	sum_rows(w, f, nf, sc);
}

/* back[i] packs, for each tag at i, the best previous tag (3 bits each) */
static void viterbi(const AtNerWeights *w, const AtNerSent *s, const uint64_t *wh,
					uint8_t *tags, uint32_t *back, float *em);

void
at_ner_viterbi(const AtNerWeights *w, const AtNerSent *s, uint8_t *tags,
			   uint32_t *back, float *em)
{
	viterbi(w, s, NULL, tags, back, em);
}

/* at_ner_viterbi() with the word hashes of at_ner_annotate_hashed(), or NULL */
static void
viterbi(const AtNerWeights *w, const AtNerSent *s, const uint64_t *wh, uint8_t *tags,
		uint32_t *back, float *em)
{
	float		delta[AT_NTAGS];
	uint32_t	alive = AT_NER_ONLY_O;	/* tags with a path to them */
	static uint32_t prev_ok[AT_NTAGS];	/* tags that may precede each tag */
	static bool prev_ok_set = false;
	AtNerHashMemo memo;
	uint32_t	rowbuf[2][AT_NER_MAXFEAT];	/* rows of the next scored token, and the current one's */
	int			nrows[2];
	int			cur = 0;
	size_t		pending;		/* the next scored token (its rows in rowbuf[cur]) */
	uint32_t	pending_mask;	/* its at_ner_tagmask() */

	if (s->n == 0)
		return;
	/* the BIO constraints are fixed: the table is built once per process */
	if (!prev_ok_set)
	{
		for (int t = 0; t < AT_NTAGS; t++)
		{
			prev_ok[t] = 0;
			for (int p = 0; p < AT_NTAGS; p++)
				if (at_ner_allowed(p, t))
					prev_ok[t] |= 1u << p;
		}
		prev_ok_set = true;
	}
	at_ner_memo_reset(&memo, wh);
	pending = next_scored(s, 0, &pending_mask);
	if (pending < s->n)
		nrows[cur] = prepare_rows(w, s, pending, &memo, rowbuf[cur]);
	for (int t = 0; t < AT_NTAGS; t++)
		delta[t] = t == AT_TAG_O ? 0 : NEG_INF;
	for (size_t i = 0; i < s->n; i++)
	{
		uint32_t	allowed;
		float		nd[AT_NTAGS];
		float		sc[AT_TAG_ROW];
		float		top;
		uint32_t	bp = 0;

		if ((i & 1023) == 1023)
			AT_CHECK_INTERRUPTS();

		/* next_scored() has found the next token whose mask is not only O */
		allowed = i == pending ? pending_mask : AT_NER_ONLY_O;
		if (allowed == AT_NER_ONLY_O)
		{
			/* not scored: O after the best state so far */
			int			best = AT_TAG_O;

			/* only O alive: the other tags are NEG_INF already */
			if (alive != AT_NER_ONLY_O)
			{
				for (int p = 1; p < AT_NTAGS; p++)
					if (delta[p] > delta[best])
						best = p;
				delta[AT_TAG_O] = delta[best];
				for (int t = 1; t < AT_NTAGS; t++)
					delta[t] = NEG_INF;
				alive = AT_NER_ONLY_O;
			}
			back[i] = (uint32_t) best;	/* tag O is bits 0..2 */

			/*
			 * Then, up to the next scored token, only O is alive and
			 * allowed: O after O, nothing to score (tokens whose index
			 * checks for interrupts are left to the loop)
			 */
			while (i + 1 < pending && ((i + 1) & 1023) != 1023)
				back[++i] = AT_TAG_O;
			continue;
		}
		{
			/*
			 * at_ner_token_scores(), the neighbours' hashes shared; the
			 * rows of the next scored token are asked for first
			 */
			int			now = cur;

			cur ^= 1;
			pending = next_scored(s, i + 1, &pending_mask);
			if (pending < s->n)
				nrows[cur] = prepare_rows(w, s, pending, &memo, rowbuf[cur]);
			sum_prepared(w, rowbuf[now], nrows[now], sc);
		}
		if (em != NULL)
			memcpy(em + i * AT_TAG_ROW, sc, sizeof(sc));
		if (alive == AT_NER_ONLY_O)
		{
			/*
			 * After an unscored token (most scored ones): O the only
			 * previous tag, the loop below without its search
			 */
			for (int t = 0; t < AT_NTAGS; t++)
			{
				float		v = delta[AT_TAG_O] + w->trans[AT_TAG_O][t];

				nd[t] = (allowed & (1u << t)) && (prev_ok[t] & AT_NER_ONLY_O) && v > NEG_INF ?
					v : NEG_INF;
			}
		}
		else
		{
			for (int t = 0; t < AT_NTAGS; t++)
			{
				/* previous tags still reachable that may precede t */
				uint32_t	prevs = alive & prev_ok[t];
				float		best = NEG_INF;
				uint32_t	from = 0;

				nd[t] = NEG_INF;
				if (!(allowed & (1u << t)))
					continue;
				/* the first best, without a branch on the comparison (it mispredicts) */
				for (; prevs; prevs &= prevs - 1)
				{
					int			p = __builtin_ctz(prevs);
					float		v = delta[p] + w->trans[p][t];
					bool		gt = v > best;

					best = gt ? v : best;
					from = gt ? (uint32_t) p : from;
				}
				nd[t] = best;
				bp |= from << (3 * t);
			}
		}
		alive = 0;
		top = NEG_INF;
		for (int t = 0; t < AT_NTAGS; t++)
		{
			delta[t] = nd[t] <= NEG_INF ? NEG_INF : nd[t] + sc[t];
			if (delta[t] > NEG_INF)
				alive |= 1u << t;
			top = delta[t] > top ? delta[t] : top;
		}
		/* relative to the best: sums stay small in float on long inputs */
		for (int t = 0; t < AT_NTAGS; t++)
			if (delta[t] > NEG_INF)
				delta[t] -= top;
		back[i] = bp;
	}
	{
		int			best = AT_TAG_O;

		for (int t = 1; t < AT_NTAGS; t++)
			if (delta[t] > delta[best])
				best = t;
		for (size_t i = s->n; i-- > 0;)
		{
			tags[i] = (uint8_t) best;
			best = (int) ((back[i] >> (3 * best)) & 7u);
		}
	}
}

/* Tag of token i of a span from a, tagged as kind k (0: O) */
static inline int
span_tag(int k, size_t a, size_t i)
{
	return k == 0 ? AT_TAG_O : i == a ? 2 * k - 1 : 2 * k;
}

/*
 * Margin of the span toks[a..b), tagged as one kind, over the same tokens
 * tagged O or as another kind, the tags around it kept: the sums of the
 * token scores and transitions each path goes through, including the
 * transition out of the span.  (A token's own scores say little alone:
 * the perceptron is free to move weight between a tag and the transitions
 * that follow it.)  em holds the rows of the span's tokens, or is NULL.
 */
static float
span_margin(const AtNerWeights *w, const AtNerSent *s, const uint8_t *tags,
			const float *em, size_t a, size_t b)
{
	float		tot[AT_NER_LOC + 1] = {0};
	int			kind = AT_TAG_KIND(tags[a]);
	float		best_other = NEG_INF;
	bool		out = b < s->n && at_ner_tagmask(s, b) != AT_NER_ONLY_O;

	for (size_t i = a; i < b; i++)
	{
		float		sc[AT_TAG_ROW];
		const float *row = sc;

		if (em != NULL)
			row = em + i * AT_TAG_ROW;
		else
			at_ner_token_scores(w, s, i, sc);
		for (int k = 0; k <= AT_NER_LOC; k++)
		{
			int			prev = i == a ? (a > 0 ? tags[a - 1] : AT_TAG_O) : span_tag(k, a, i - 1);
			int			t = span_tag(k, a, i);

			tot[k] += w->trans[prev][t] + row[t];
		}
	}
	for (int k = 0; k <= AT_NER_LOC; k++)
	{
		/* an unscored token after the span adds nothing */
		if (out)
			tot[k] += w->trans[span_tag(k, a, b - 1)][tags[b]];
		if (k != kind && tot[k] > best_other)
			best_other = tot[k];
	}
	return tot[kind] - best_other;
}

/* Sentences up to this many tokens keep their token scores on the stack */
#define EM_STACK_TOKENS 256

void
at_ner_tag(const AtNerModel *m, const AtNerSent *s, uint8_t *tags, float *conf)
{
	at_ner_tag_hashed(m, s, NULL, tags, conf);
}

void
at_ner_tag_hashed(const AtNerModel *m, const AtNerSent *s, const uint64_t *wh,
				  uint8_t *tags, float *conf)
{
	AtNerWeights w;
	float		emstack[EM_STACK_TOKENS * AT_TAG_ROW];
	float	   *em = s->n <= EM_STACK_TOKENS ? emstack : NULL;

	w.q = m->w;
	w.f = NULL;
	w.mask = m->nbuckets - 1;
	memcpy(w.trans, m->trans, sizeof(w.trans));
	/* conf doubles as the back-pointer scratch: both are 32 bits a token */
	viterbi(&w, s, wh, tags, (uint32_t *) (void *) conf, em);
	/* 1 outside spans; the back-pointers are read already */
	for (size_t i = 0; i < s->n; i++)
		conf[i] = 1.0f;
	for (size_t i = 0; i < s->n; i++)
	{
		size_t		e;
		float		c;
		uint64_t	eight;

		/* eight O tags a step, most of a text (AT_TAG_O is 0) */
		while ((i & 7) == 0 && i + 8 <= s->n &&
			   (memcpy(&eight, tags + i, 8), eight == 0))
		{
			i += 8;
			if ((i & 1023) == 0)
				AT_CHECK_INTERRUPTS();
		}
		if (i >= s->n)
			break;
		if ((i & 1023) == 1023)
			AT_CHECK_INTERRUPTS();
		if (!AT_TAG_IS_B(tags[i]))
			continue;
		for (e = i + 1; e < s->n && tags[e] == tags[i] + 1; e++)
			;
		c = (float) (1.0 / (1.0 + exp(-(double) span_margin(&w, s, tags, em, i, e) * m->scale / 4.0)));
		for (size_t k = i; k < e; k++)
			conf[k] = c;
		i = e - 1;
	}
}

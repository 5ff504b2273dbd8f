/*
 * word_clusters.c: word classes learnt from unlabelled text by the exchange
 * algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998): each word
 * of the vocabulary moves to the class that most raises the likelihood of a
 * class bigram model, pass after pass.  The classes are a feature of the
 * entity tagger (ner_features.c), as Brown clusters are in Ratinov and Roth
 * (2009): words never seen in labelled text share weights with the words of
 * their class.
 *
 *   word_clusters DATADIR OUT K PASSES MINCOUNT CORPUS.csv [MORE.csv ...]
 *
 * The text is read from files in GMB's CSV format (src/tools/gmb.c; the
 * labels are ignored), tokenised and normalised as the tagger's tokens are.
 * GMB's dev sentences are skipped (they score the tagger).  Words seen
 * MINCOUNT times or more are clustered; OUT gets "word<TAB>class" lines,
 * class 1..K.  Deterministic.
 *
 * Measured for issue #15 and not used: the shipped tagger has no cluster
 * features (test/entities/README.md has the figures).  The only licensed
 * unlabelled news text at hand is mostly GMB's own, so its classes tell
 * the tagger little it has not seen.
 */
#include "gmb.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Word
{
	char	   *s;
	long		count;
	int			cls;
	long	   *succ;			/* pairs (word id, count) of right neighbours */
	long		nsucc;
	long	   *pred;
	long		npred;
} Word;

/* open-addressing string table */
static Word *words;
static long nwords,
			wcap;
static long *slot;
static long scap;

static unsigned long
strhash(const char *s, size_t n)
{
	unsigned long h = 1469598103934665603UL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 1099511628211UL;
	return h;
}

static long
word_id(const char *s, size_t n, int add)
{
	unsigned long h = strhash(s, n);

	for (long i = (long) (h & (scap - 1));; i = (i + 1) & (scap - 1))
	{
		if (slot[i] < 0)
		{
			if (!add)
				return -1;
			if (nwords == wcap)
				words = realloc(words, sizeof(Word) * (wcap *= 2));
			memset(&words[nwords], 0, sizeof(Word));
			words[nwords].s = strndup(s, n);
			slot[i] = nwords;
			return nwords++;
		}
		if (strlen(words[slot[i]].s) == n && memcmp(words[slot[i]].s, s, n) == 0)
			return slot[i];
	}
}

static inline double
f(double x)
{
	return x > 0 ? x * log(x) : 0;
}

/* pairs (a, b) with their counts, sorted and merged */
typedef struct Pair
{
	long		a,
				b;
} Pair;

static int
cmp_pair(const void *x, const void *y)
{
	const Pair *p = x,
			   *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

static int
cmp_count(const void *x, const void *y)
{
	long		a = words[*(const long *) x].count,
				b = words[*(const long *) y].count;

	if (a != b)
		return a > b ? -1 : 1;
	return strcmp(words[*(const long *) x].s, words[*(const long *) y].s);
}

int
main(int argc, char **argv)
{
	AtGazetteer gz;
	AtVec		toks;
	AtBuf		norm;
	Pair	   *pairs = NULL;
	long		npairs = 0,
				pcap = 0;
	int			K,
				passes;
	long		minc;
	long	   *ids;
	long		nv = 0;
	long		RARE,
				BOUND;
	double	   *N2,
			   *N1,
			   *R,
			   *L;
	int		   *cr,
			   *cl;
	FILE	   *out;

	if (argc < 7)
	{
		fprintf(stderr, "usage: %s DATADIR OUT K PASSES MINCOUNT CORPUS.csv...\n", argv[0]);
		return 2;
	}
	K = atoi(argv[3]);
	passes = atoi(argv[4]);
	minc = atol(argv[5]);
	if (at_gz_load(&gz, &at_malloc_mem, argv[1]) != AT_OK || K < 2 || K > 255)
		return 1;
	wcap = 1 << 16;
	words = malloc(sizeof(Word) * wcap);
	scap = 1 << 21;
	slot = malloc(sizeof(long) * scap);
	memset(slot, -1, sizeof(long) * scap);
	at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&norm, &at_malloc_mem, 1024);
	BOUND = word_id("<s>", 3, 1);
	RARE = word_id("<rare>", 6, 1);

	/* word ids of every token, bigrams as pairs (sentence bounds included) */
	for (int a = 6; a < argc; a++)
	{
		GmbSent    *sents;
		long		n = gmb_read(argv[a], &gz, &sents);

		if (n < 0)
		{
			fprintf(stderr, "cannot read %s\n", argv[a]);
			return 1;
		}
		for (long si = 0; si < n; si++)
		{
			AtNerSent	s;
			long		prev = BOUND;

			/* GMB's dev split scores the tagger: its text stays unseen */
			if (GMB_IS_DEV(sents[si].num) && sents[si].num < GMB_EXTRA_BASE)
				continue;
			gmb_sentence(&sents[si], &gz, &toks, &norm, &s);
			for (size_t i = 0; i <= s.n; i++)
			{
				long		id = i < s.n ? word_id(s.norm + s.toks[i].norm, s.toks[i].normlen, 1) : BOUND;

				words[id].count++;
				if (npairs == pcap)
					pairs = realloc(pairs, sizeof(Pair) * (pcap = pcap ? pcap * 2 : 1 << 20));
				pairs[npairs].a = prev;
				pairs[npairs++].b = id;
				prev = id;
			}
		}
		fprintf(stderr, "%s: %ld sentences, %ld words so far\n", argv[a], n, nwords);
	}
	/* rare words are one word */
	{
		long	   *map = malloc(sizeof(long) * nwords);

		for (long w = 0; w < nwords; w++)
			map[w] = (words[w].count >= minc || w == BOUND) ? w : RARE;
		for (long p = 0; p < npairs; p++)
		{
			pairs[p].a = map[pairs[p].a];
			pairs[p].b = map[pairs[p].b];
		}
		for (long w = 0; w < nwords; w++)
			if (map[w] == RARE && w != RARE)
				words[RARE].count += words[w].count;
		free(map);
	}
	qsort(pairs, npairs, sizeof(Pair), cmp_pair);
	for (long p = 0; p < npairs;)
	{
		long		q = p;

		while (q < npairs && pairs[q].a == pairs[p].a && pairs[q].b == pairs[p].b)
			q++;
		{
			Word	   *x = &words[pairs[p].a],
					   *y = &words[pairs[p].b];

			x->succ = realloc(x->succ, sizeof(long) * 2 * (x->nsucc + 1));
			x->succ[2 * x->nsucc] = pairs[p].b;
			x->succ[2 * x->nsucc++ + 1] = q - p;
			y->pred = realloc(y->pred, sizeof(long) * 2 * (y->npred + 1));
			y->pred[2 * y->npred] = pairs[p].a;
			y->pred[2 * y->npred++ + 1] = q - p;
		}
		p = q;
	}
	free(pairs);

	/* the vocabulary by count; class i mod K to start */
	ids = malloc(sizeof(long) * nwords);
	for (long w = 0; w < nwords; w++)
		if (w == RARE || w == BOUND || words[w].count >= minc)
			ids[nv++] = w;
	qsort(ids, nv, sizeof(long), cmp_count);
	for (long i = 0; i < nv; i++)
		words[ids[i]].cls = (int) (i % K);
	N2 = calloc((size_t) K * K, sizeof(double));
	N1 = calloc(K, sizeof(double));
	R = calloc(K, sizeof(double));
	L = calloc(K, sizeof(double));
	cr = malloc(sizeof(int) * K);
	cl = malloc(sizeof(int) * K);
	for (long i = 0; i < nv; i++)
	{
		Word	   *x = &words[ids[i]];

		N1[x->cls] += x->count;
		for (long k = 0; k < x->nsucc; k++)
			N2[x->cls * K + words[x->succ[2 * k]].cls] += x->succ[2 * k + 1];
	}
	fprintf(stderr, "%ld words clustered into %d classes\n", nv, K);

	for (int pass = 0; pass < passes; pass++)
	{
		long		moved = 0;

		for (long i = 0; i < nv; i++)
		{
			long		w = ids[i];
			Word	   *x = &words[w];
			int			a = x->cls,
						best = a,
						ncr = 0,
						ncl = 0;
			double		self = 0,
						bestd = -1e300;

			if (w == BOUND)
				continue;
			for (long k = 0; k < x->nsucc; k++)
			{
				long		v = x->succ[2 * k];
				int			c = words[v].cls;

				if (v == w)
				{
					self += x->succ[2 * k + 1];
					continue;
				}
				if (R[c] == 0)
					cr[ncr++] = c;
				R[c] += x->succ[2 * k + 1];
			}
			for (long k = 0; k < x->npred; k++)
			{
				long		v = x->pred[2 * k];
				int			c = words[v].cls;

				if (v == w)
					continue;
				if (L[c] == 0)
					cl[ncl++] = c;
				L[c] += x->pred[2 * k + 1];
			}
			/* take w out of a */
			for (int k = 0; k < ncr; k++)
				N2[a * K + cr[k]] -= R[cr[k]];
			for (int k = 0; k < ncl; k++)
				N2[cl[k] * K + a] -= L[cl[k]];
			N2[a * K + a] -= self;
			N1[a] -= x->count;
			for (int b = 0; b < K; b++)
			{
				double		d = 0;

				for (int k = 0; k < ncr; k++)
					if (cr[k] != b)
						d += f(N2[b * K + cr[k]] + R[cr[k]]) - f(N2[b * K + cr[k]]);
				for (int k = 0; k < ncl; k++)
					if (cl[k] != b)
						d += f(N2[cl[k] * K + b] + L[cl[k]]) - f(N2[cl[k] * K + b]);
				d += f(N2[b * K + b] + R[b] + L[b] + self) - f(N2[b * K + b]);
				d -= 2 * (f(N1[b] + x->count) - f(N1[b]));
				if (d > bestd + 1e-9 || (b == a && d >= bestd - 1e-9))
				{
					bestd = d;
					best = b;
				}
			}
			for (int k = 0; k < ncr; k++)
				if (cr[k] != best)
					N2[best * K + cr[k]] += R[cr[k]];
			for (int k = 0; k < ncl; k++)
				if (cl[k] != best)
					N2[cl[k] * K + best] += L[cl[k]];
			N2[best * K + best] += R[best] + L[best] + self;
			N1[best] += x->count;
			x->cls = best;
			if (best != a)
				moved++;
			for (int k = 0; k < ncr; k++)
				R[cr[k]] = 0;
			for (int k = 0; k < ncl; k++)
				L[cl[k]] = 0;
		}
		fprintf(stderr, "pass %d: %ld words moved\n", pass + 1, moved);
	}

	out = fopen(argv[2], "w");
	if (out == NULL)
		return 1;
	fprintf(out, "# Word classes learnt by src/tools/word_clusters.c (make ner-clusters)\n");
	for (long i = 0; i < nv; i++)
	{
		const Word *x = &words[ids[i]];

		if (ids[i] == RARE || ids[i] == BOUND || strchr(x->s, ' ') || strchr(x->s, '#'))
			continue;
		fprintf(out, "%s\t%d\n", x->s, x->cls + 1);
	}
	fclose(out);
	return 0;
}

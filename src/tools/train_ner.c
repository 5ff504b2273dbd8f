/*
 * train_ner.c: trains the entity tagger (averaged perceptron, greedy BIO
 * decoding with the two previous predicted tags as features) on the train
 * split of the GMB corpus and writes the model file.
 *
 *   train_ner CORPUS.csv DATADIR OUT.model [EPOCHS] [LOG2_BUCKETS]
 *
 * DATADIR holds the gazetteer files (src/data), which are features.  The
 * split (gmb.h): sentences whose number is divisible by 10 are held out as
 * the dev set; this tool prints the tagger's dev scores after each epoch
 * (tags only, before the extraction rules; test/entities scores the rest).
 * Deterministic: a fixed seed shuffles the sentences each epoch.
 */
#include "gmb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Trainer
{
	float	   *w;				/* current weights */
	double	   *acc;			/* sum of weights over updates */
	uint32_t   *stamp;			/* update count when acc was last brought up to date */
	uint32_t	mask;
	uint32_t	clock;
} Trainer;

static void
update(Trainer *tr, const uint64_t *feats, int nf, int tag, float delta)
{
	for (int f = 0; f < nf; f++)
	{
		size_t		k = (size_t) AT_NER_BUCKET(feats[f], tr->mask) * AT_TAG_ROW + tag;

		tr->acc[k] += (double) (tr->clock - tr->stamp[k]) * tr->w[k];
		tr->stamp[k] = tr->clock;
		tr->w[k] += delta;
	}
}

static int
predict(const float *w, uint32_t mask, const uint64_t *feats, int nf, int prev)
{
	float		sc[AT_TAG_ROW] = {0};
	int			best = AT_TAG_O;

	for (int f = 0; f < nf; f++)
	{
		const float *row = w + (size_t) AT_NER_BUCKET(feats[f], mask) * AT_TAG_ROW;

		for (int t = 0; t < AT_NTAGS; t++)
			sc[t] += row[t];
	}
	for (int t = 1; t < AT_NTAGS; t++)
		if (at_ner_allowed(prev, t) && sc[t] > sc[best])
			best = t;
	return best;
}

/* Tags of a sentence with weights w (greedy, as at_ner_tag) */
static void
tag_sentence(const float *w, uint32_t mask, const AtNerSent *s, uint8_t *out)
{
	uint64_t	feats[AT_NER_MAXFEAT];
	int			prev = AT_TAG_O,
				prev2 = AT_TAG_O;

	for (size_t i = 0; i < s->n; i++)
	{
		int			t = AT_TAG_O;

		if (at_ner_candidate(s, i, prev))
			t = predict(w, mask, feats, at_ner_features(s, i, prev, prev2, feats), prev);
		out[i] = (uint8_t) t;
		prev2 = prev;
		prev = t;
	}
}

/* Spans (start, end, kind) of a BIO sequence compared exactly */
static void
count_spans(const uint8_t *gold, const uint8_t *pred, int n, long *tp, long *fp, long *fn)
{
	for (int i = 0; i < n; i++)
	{
		for (int side = 0; side < 2; side++)
		{
			const uint8_t *a = side ? pred : gold;
			const uint8_t *b = side ? gold : pred;
			int			e;
			int			k;
			bool		same;

			if (!AT_TAG_IS_B(a[i]))
				continue;
			for (e = i + 1; e < n && a[e] == a[i] + 1; e++)
				;
			same = b[i] == a[i];
			for (k = i + 1; same && k < e; k++)
				same = b[k] == a[i] + 1;
			if (same && e < n && b[e] == a[i] + 1)
				same = false;
			k = AT_TAG_KIND(a[i]);
			if (side == 0)
			{
				if (same)
					tp[k]++;
				else
					fn[k]++;
			}
			else if (!same)
				fp[k]++;
		}
	}
}

static void
report(const char *what, const long *tp, const long *fp, const long *fn)
{
	static const char *const names[] = {"all", "person", "organization", "location"};
	long		T = 0,
				P = 0,
				N = 0;

	for (int k = 1; k <= 3; k++)
	{
		T += tp[k];
		P += fp[k];
		N += fn[k];
	}
	for (int k = 0; k <= 3; k++)
	{
		long		t = k ? tp[k] : T,
					p = k ? fp[k] : P,
					n = k ? fn[k] : N;
		double		pr = t + p ? (double) t / (t + p) : 0,
					rc = t + n ? (double) t / (t + n) : 0;

		printf("%s %-12s P %.3f R %.3f F1 %.3f\n", what, names[k], pr, rc,
			   pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
	}
}

int
main(int argc, char **argv)
{
	AtGazetteer gz;
	GmbSent    *sents;
	long		nsent;
	int			epochs = argc > 4 ? atoi(argv[4]) : 12;
	int			logb = argc > 5 ? atoi(argv[5]) : 17;
	Trainer		tr;
	size_t		nw;
	long	   *order;
	long		ntrain = 0;
	AtVec		toks;
	AtBuf		norm;
	uint64_t	feats[AT_NER_MAXFEAT];
	unsigned long long rng = 12345;

	if (argc < 4)
	{
		fprintf(stderr, "usage: %s CORPUS.csv DATADIR OUT.model [EPOCHS] [LOG2_BUCKETS]\n", argv[0]);
		return 2;
	}
	if (at_gz_load(&gz, &at_malloc_mem, argv[2]) != AT_OK)
	{
		fprintf(stderr, "cannot load gazetteers from %s\n", argv[2]);
		return 1;
	}
	nsent = gmb_read(argv[1], &gz, &sents);
	if (nsent < 0)
	{
		fprintf(stderr, "cannot read %s\n", argv[1]);
		return 1;
	}
	tr.mask = (1u << logb) - 1;
	nw = (size_t) (tr.mask + 1) * AT_TAG_ROW;
	tr.w = calloc(nw, sizeof(float));
	tr.acc = calloc(nw, sizeof(double));
	tr.stamp = calloc(nw, sizeof(uint32_t));
	tr.clock = 1;
	order = malloc(sizeof(long) * nsent);
	for (long i = 0; i < nsent; i++)
		if (!GMB_IS_DEV(sents[i].num))
			order[ntrain++] = i;
	printf("%ld sentences, %ld train, %ld dev, %d epochs, 2^%d buckets\n",
		   nsent, ntrain, nsent - ntrain, epochs, logb);
	at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&norm, &at_malloc_mem, 1024);

	for (int ep = 0; ep < epochs; ep++)
	{
		long		errors = 0;

		for (long i = ntrain - 1; i > 0; i--)
		{
			long		j;
			long		tmp;

			rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
			j = (long) ((rng >> 33) % (unsigned long long) (i + 1));
			tmp = order[i];
			order[i] = order[j];
			order[j] = tmp;
		}
		for (long oi = 0; oi < ntrain; oi++)
		{
			const GmbSent *g = &sents[order[oi]];
			AtNerSent	s;
			int			prev = AT_TAG_O,
						prev2 = AT_TAG_O;

			gmb_sentence(g, &gz, &toks, &norm, &s);
			for (size_t i = 0; i < s.n; i++)
			{
				int			gold = g->gold[i];
				int			pred = AT_TAG_O;

				/* every token trains, so that "battery" is known as a common
				 * word when it opens a sentence; tagging skips small words */
				{
					int			nf = at_ner_features(&s, i, prev, prev2, feats);

					pred = predict(tr.w, tr.mask, feats, nf, prev);
					if (pred != gold)
					{
						update(&tr, feats, nf, gold, 1.0f);
						update(&tr, feats, nf, pred, -1.0f);
						errors++;
					}
					tr.clock++;
				}
				prev2 = prev;
				prev = pred;
			}
		}
		printf("epoch %d: %ld errors\n", ep + 1, errors);
		fflush(stdout);
	}
	/* average */
	for (size_t k = 0; k < nw; k++)
	{
		tr.acc[k] += (double) (tr.clock - tr.stamp[k]) * tr.w[k];
		tr.w[k] = (float) (tr.acc[k] / tr.clock);
	}
	{
		long		tp[4] = {0},
					fp[4] = {0},
					fn[4] = {0};
		uint8_t    *pred = malloc(512);

		for (long i = 0; i < nsent; i++)
		{
			AtNerSent	s;

			if (!GMB_IS_DEV(sents[i].num))
				continue;
			gmb_sentence(&sents[i], &gz, &toks, &norm, &s);
			tag_sentence(tr.w, tr.mask, &s, pred);
			count_spans(sents[i].gold, pred, sents[i].n, tp, fp, fn);
		}
		report("dev-tagger", tp, fp, fn);
		free(pred);
	}
	if (at_ner_model_save(argv[3], tr.w, tr.mask + 1) != AT_OK)
	{
		fprintf(stderr, "cannot write %s\n", argv[3]);
		return 1;
	}
	printf("wrote %s\n", argv[3]);
	return 0;
}

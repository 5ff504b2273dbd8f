/*
 * train_ner.c: trains the entity tagger (structured averaged perceptron:
 * Viterbi decoding over BIO tags with tag transitions, ner_decode.c) on the
 * train split of the GMB corpus and writes the model file.
 *
 *   train_ner CORPUS.csv DATADIR OUT.model [EPOCHS] [LOG2_BUCKETS] [tune]
 *
 * DATADIR holds the gazetteer files (src/data), which are features.  The
 * split (gmb.h): sentences whose number is divisible by 10 are held out as
 * the dev set; this tool prints the tagger's dev scores at the end (tags
 * only, before the extraction rules; test/entities scores the rest).  With
 * "tune", sentences numbered 5 mod 10 are held out of training as well and
 * scored instead of the dev set: feature and setting choices are made there.
 * The model is the mean of NER_RUNS runs (env NER_RUNS overrides), each
 * with its own fixed seed for shuffling the sentences every epoch: one run's
 * figures move by about 0.003 from seed to seed, the mean much less.
 * Deterministic.  NER_EXTRA=a.csv:b.csv adds sentences of other corpora
 * (src/tools/gen_ner_extra.js); NER_EXTRA_WEIGHT=0.5 makes their
 * perceptron steps that much smaller than GMB's.
 */
#include "gmb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* training runs whose averaged weights are averaged again */
#define NER_RUNS 5

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

/* Perceptron update of token i tagged t after prev */
static void
update_token(Trainer *tr, const AtNerSent *s, size_t i, int prev, int tag,
			 bool features, float delta)
{
	uint64_t	f[AT_NER_MAXFEAT];

	if (features)
		update(tr, f, at_ner_features(s, i, f), tag, delta);
	f[0] = at_ner_transition(prev);
	update(tr, f, 1, tag, delta);
}

/*
 * The gold tags as the decoder can produce them: a tag the token may not
 * take (at_ner_tagmask: "southern" in GMB's "southern Afghanistan") becomes
 * O and the span restarts after it.  Learning towards an impossible path
 * would teach "Afghanistan" to be inside a place, not its start.
 */
static void
reachable_gold(const AtNerSent *s, const uint8_t *gold, uint8_t *out)
{
	for (size_t i = 0; i < s->n; i++)
	{
		int			t = gold[i];
		uint32_t	mask = at_ner_tagmask(s, i);

		/* an inside tag after a dropped start starts the name itself */
		if (t != AT_TAG_O && !AT_TAG_IS_B(t) && !at_ner_allowed(i ? out[i - 1] : AT_TAG_O, t))
			t--;
		if (!(mask & (1u << t)))
			t = AT_TAG_O;
		out[i] = (uint8_t) t;
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

/*
 * One averaged-perceptron run over the training sentences in an order
 * shuffled from seed; the averaged weights are added to sum.
 */
static void
train_once(GmbSent *sents, const long *train, long ntrain, AtGazetteer *gz,
		   int epochs, uint32_t mask, unsigned long long seed, float *sum)
{
	float		xw = getenv("NER_EXTRA_WEIGHT") ? (float) atof(getenv("NER_EXTRA_WEIGHT")) : 1.0f;
	Trainer		tr;
	size_t		nw = (size_t) (mask + 1) * AT_TAG_ROW;
	long	   *order = malloc(sizeof(long) * ntrain);
	AtVec		toks;
	AtBuf		norm;
	uint8_t		pred[512],
				gold[512];
	uint32_t	back[512];
	unsigned long long rng = seed;

	tr.mask = mask;
	tr.w = calloc(nw, sizeof(float));
	tr.acc = calloc(nw, sizeof(double));
	tr.stamp = calloc(nw, sizeof(uint32_t));
	tr.clock = 1;
	memcpy(order, train, sizeof(long) * ntrain);
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
			AtNerWeights w;
			float		step = g->num >= GMB_EXTRA_BASE ? xw : 1.0f;

			gmb_sentence(g, gz, &toks, &norm, &s);
			reachable_gold(&s, g->gold, gold);
			at_ner_weights_init(&w, NULL, tr.w, tr.mask + 1);
			at_ner_viterbi(&w, &s, pred, back, NULL);
			/* structured perceptron: towards the gold path, away from the
			 * predicted one, where they differ (tag or previous tag) */
			for (size_t i = 0; i < s.n; i++)
			{
				int			gt = gold[i],
							pt = pred[i],
							gp = i ? gold[i - 1] : AT_TAG_O,
							pp = i ? pred[i - 1] : AT_TAG_O;

				if (gt == pt && gp == pp)
					continue;
				if (gt != pt)
					errors++;
				/* tokens that may only be O are not scored: no features */
				if (at_ner_tagmask(&s, i) == AT_NER_ONLY_O)
					continue;
				update_token(&tr, &s, i, gp, gt, gt != pt, step);
				update_token(&tr, &s, i, pp, pt, gt != pt, -step);
			}
			tr.clock++;
		}
		printf("epoch %d: %ld errors\n", ep + 1, errors);
		fflush(stdout);
	}
	/* average */
	for (size_t k = 0; k < nw; k++)
	{
		tr.acc[k] += (double) (tr.clock - tr.stamp[k]) * tr.w[k];
		sum[k] += (float) (tr.acc[k] / tr.clock);
	}
	free(tr.w);
	free(tr.acc);
	free(tr.stamp);
	free(order);
	free(toks.data);
	free(norm.data);
}

int
main(int argc, char **argv)
{
	AtGazetteer gz;
	GmbSent    *sents;
	long		nsent;
	int			epochs = argc > 4 ? atoi(argv[4]) : 12;
	int			logb = argc > 5 ? atoi(argv[5]) : 17;
	bool		tune = argc > 6 && strcmp(argv[6], "tune") == 0;
	int			runs = getenv("NER_RUNS") ? atoi(getenv("NER_RUNS")) : NER_RUNS;
	uint32_t	mask;
	size_t		nw;
	float	   *w;
	long	   *train;
	long		ntrain = 0;
	AtVec		toks;
	AtBuf		norm;
	uint8_t		pred[512];
	uint32_t	back[512];

	if (argc < 4 || runs < 1)
	{
		fprintf(stderr, "usage: %s CORPUS.csv DATADIR OUT.model [EPOCHS] [LOG2_BUCKETS] [tune]\n", argv[0]);
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
	/*
	 * NER_EXTRA: more training sentences in GMB's format, files separated by
	 * ':', numbered outside GMB's dev and tune splits
	 * (src/tools/gen_ner_extra.js, src/tools/wikigold_to_gmb.sh)
	 */
	if (getenv("NER_EXTRA") != NULL)
	{
		char	   *list = strdup(getenv("NER_EXTRA"));

		for (char *path = strtok(list, ":"); path; path = strtok(NULL, ":"))
		{
			GmbSent    *extra;
			long		nx = gmb_read(path, &gz, &extra);

			if (nx < 0)
			{
				fprintf(stderr, "cannot read %s\n", path);
				return 1;
			}
			sents = realloc(sents, sizeof(GmbSent) * (nsent + nx + 1));
			memcpy(sents + nsent, extra, sizeof(GmbSent) * nx);
			nsent += nx;
			free(extra);
			printf("%ld extra sentences from %s\n", nx, path);
		}
		free(list);
	}
	mask = (1u << logb) - 1;
	nw = (size_t) (mask + 1) * AT_TAG_ROW;
	w = calloc(nw, sizeof(float));
	train = malloc(sizeof(long) * nsent);
	for (long i = 0; i < nsent; i++)
		if (!GMB_IS_DEV(sents[i].num) && !(tune && GMB_IS_TUNE(sents[i].num)))
			train[ntrain++] = i;
	printf("%ld sentences, %ld train, %ld dev, %d epochs, 2^%d buckets, %d runs\n",
		   nsent, ntrain, nsent - ntrain, epochs, logb, runs);

	/* parameter mixing: the mean of runs over differently shuffled data */
	for (int r = 0; r < runs; r++)
		train_once(sents, train, ntrain, &gz, epochs, mask, 12345 + 1000003ULL * r, w);
	for (size_t k = 0; k < nw; k++)
		w[k] /= runs;

	at_vec_init(&toks, &at_malloc_mem, sizeof(AtNerToken));
	at_buf_init(&norm, &at_malloc_mem, 1024);
	{
		long		tp[4] = {0},
					fp[4] = {0},
					fn[4] = {0};

		for (long i = 0; i < nsent; i++)
		{
			AtNerSent	s;
			AtNerWeights wt;

			if (tune ? !GMB_IS_TUNE(sents[i].num) : !GMB_IS_DEV(sents[i].num))
				continue;
			at_ner_weights_init(&wt, NULL, w, mask + 1);
			gmb_sentence(&sents[i], &gz, &toks, &norm, &s);
			at_ner_viterbi(&wt, &s, pred, back, NULL);
			count_spans(sents[i].gold, pred, sents[i].n, tp, fp, fn);
		}
		report(tune ? "tune-tagger" : "dev-tagger", tp, fp, fn);
	}
	if (at_ner_model_save(argv[3], w, mask + 1) != AT_OK)
	{
		fprintf(stderr, "cannot write %s\n", argv[3]);
		return 1;
	}
	printf("wrote %s\n", argv[3]);
	return 0;
}

/*
 * engine_corpus.c: extract_entities and extract_metrics over whole files,
 * outside the server, for byte-identical checks of speed changes and for
 * profiling the engine with callgrind (run from the repository root, or
 * give DATADIR as an absolute path):
 *
 *   build/engine_corpus DATADIR entities|metrics|both [-n ROUNDS] < list-of-files
 *
 * Prints every field of every entity and metric (metrics twice: without a
 * reference date, as the benchmark calls it, and with 2020-06-15, so that
 * relative periods are resolved too).  With -n the corpus runs ROUNDS
 * times and nothing is printed.  A file that is not valid UTF-8 is read as
 * Latin-1, as test/bench/corpus.sh converts it for the server; the engine
 * is then called as the server calls it (at_extract_entities_utf8).  Each
 * call's memory comes from an arena reset after the call (as the server
 * frees a call's memory context).
 */
#include "../../src/engine/metrics.h"
#include "../../src/engine/ner.h"
#include "../../src/engine/utf8.h"
#include "../../src/tools/tool_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file as UTF-8: Latin-1 when it is not valid UTF-8 */
static char *
read_text(const char *path, size_t *len)
{
	size_t		n;
	char	   *buf = at_read_file(path, &n);

	if (buf == NULL)
		return NULL;
	if (!at_utf8_valid(buf, n))
	{
		char	   *u = malloc(2 * n + 1);
		size_t		k = 0;

		for (size_t i = 0; i < n; i++)
			k += at_utf8_encode((unsigned char) buf[i], u + k);
		free(buf);
		buf = u;
		n = k;
	}
	*len = n;
	return buf;
}

static void
print_day(const AtDay *d)
{
	if (d->year)
		printf("\t%04d-%02d-%02d", d->year, d->month, d->day);
	else
		printf("\t-");
}

static void
print_span(const char *p, size_t len)
{
	if (p)
		printf("\t%.*s", (int) len, p);
	else
		printf("\t-");
}

static void
print_metric(const char *name, const char *text, const AtMetric *m, size_t i)
{
	char		num[128];

	printf("%s\t%zu\t%s\t%zu\t%zu\t%.*s", name, i + 1, at_metric_kind_names[m->kind],
		   m->start, m->len, (int) m->len, text + m->start);
	if (m->has_value)
	{
		at_num_format(&m->value, num);
		printf("\t%s", num);
	}
	else
		printf("\t-");
	if (m->has_range)
	{
		at_num_format(&m->range_to, num);
		printf("\t%s", num);
	}
	else
		printf("\t-");
	print_span(m->unit, m->unit_len);
	printf("\t%s\t%s\t%s\t%s", m->currency[0] ? m->currency : "-",
		   m->qualifier ? m->qualifier : "-", m->change ? m->change : "-",
		   m->period ? m->period : "-");
	if (m->kind == AT_MK_DATE && m->has_date)
		printf("\t%04d-%02d-%02d", m->date.year, m->date.month, m->date.day);
	else
		printf("\t-");
	printf("\t%d\t%d", m->equivalent_of, m->sentence);
	print_span(m->per, m->per_len);
	print_span(m->measure, m->measure_len);
	print_span(m->holder, m->holder_len);
	print_day(&m->time.start);
	print_day(&m->time.end);
	printf("\n");
}

int
main(int argc, char **argv)
{
	static const char *const kinds[] = {"-", "PER", "ORG", "LOC"};
	static char path[4096];
	static const AtDay ref = {2020, 6, 15};
	AtNerModel	model;
	AtArena		arena = {0};
	AtMem		mem = at_arena_mem(&arena);
	char	  **texts = NULL;
	char	  **names = NULL;
	size_t	   *lens = NULL;
	size_t		nfiles = 0;
	int			rounds = 0;
	bool		ents,
				mets;

	if (argc < 3)
	{
		fprintf(stderr, "usage: %s DATADIR entities|metrics|both [-n ROUNDS] < list-of-files\n", argv[0]);
		return 2;
	}
	ents = strcmp(argv[2], "entities") == 0 || strcmp(argv[2], "both") == 0;
	mets = strcmp(argv[2], "metrics") == 0 || strcmp(argv[2], "both") == 0;
	if (argc >= 5 && strcmp(argv[3], "-n") == 0)
		rounds = atoi(argv[4]);
	if (ents && at_ner_model_load(&model, &at_malloc_mem, argv[1]) != AT_OK)
	{
		fprintf(stderr, "cannot load the model from %s\n", argv[1]);
		return 2;
	}
	while (fgets(path, sizeof(path), stdin))
	{
		path[strcspn(path, "\n")] = '\0';
		texts = realloc(texts, sizeof(char *) * (nfiles + 1));
		names = realloc(names, sizeof(char *) * (nfiles + 1));
		lens = realloc(lens, sizeof(size_t) * (nfiles + 1));
		if ((texts[nfiles] = read_text(path, &lens[nfiles])) == NULL)
		{
			fprintf(stderr, "cannot read %s\n", path);
			return 1;
		}
		names[nfiles++] = strdup(path);
	}
	for (int r = 0; r < (rounds ? rounds : 1); r++)
		for (size_t f = 0; f < nfiles; f++)
		{
			AtVec		out;

			if (ents)
			{
				at_arena_reset(&arena);
				at_vec_init(&out, &mem, sizeof(AtEntity));
				at_extract_entities_utf8(&model, NULL, texts[f], lens[f], &mem, &out);
				for (size_t i = 0; !rounds && i < out.len; i++)
				{
					AtEntity   *e = AT_VEC_AT(&out, AtEntity, i);

					printf("%s\t%s\t%zu\t%zu\t%d\t%.6f\t%s\n", names[f], kinds[e->kind],
						   e->start, e->len, e->sentence, e->score, e->canonical);
				}
			}
			if (mets)
			{
				at_arena_reset(&arena);
				at_vec_init(&out, &mem, sizeof(AtMetric));
				at_extract_metrics(texts[f], lens[f], &out);
				for (size_t i = 0; !rounds && i < out.len; i++)
					print_metric(names[f], texts[f], AT_VEC_AT(&out, AtMetric, i), i);
				if (!rounds)
				{
					at_arena_reset(&arena);
					at_vec_init(&out, &mem, sizeof(AtMetric));
					at_extract_metrics_ref(texts[f], lens[f], &ref, &out);
					for (size_t i = 0; i < out.len; i++)
						print_metric(names[f], texts[f], AT_VEC_AT(&out, AtMetric, i), i);
				}
			}
		}
	return 0;
}

/*
 * ner_corpus.c: the entities of whole files, for checking that a change to
 * the engine leaves its output byte-identical and for profiling it:
 *
 *   find ../shared/corpus/news -name '*.txt' | sort | build/ner_corpus src/data > out
 *   valgrind --tool=callgrind build/ner_corpus src/data < list
 *
 * One line per entity: file, kind, byte offset, byte length, sentence,
 * score and canonical name.  Each file is one call, with its memory from
 * an arena freed after the call (as the server frees a call's context).
 * With -n N the corpus is run N times and nothing is printed (timing).
 */
#include "../engine/ner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bump arena: blocks are kept and reused from one call to the next */
typedef struct Arena
{
	char	  **blocks;
	size_t		nblocks;
	size_t		cur;			/* block in use */
	size_t		used;
	size_t		size;			/* of the block in use */
	size_t	   *sizes;
} Arena;

static void *
arena_alloc(void *ctx, size_t size)
{
	Arena	   *a = ctx;

	size = (size + 15) & ~(size_t) 15;
	while (a->nblocks == 0 || a->used + size + 16 > a->size)
	{
		if (a->nblocks > 0 && a->cur + 1 < a->nblocks && a->sizes[a->cur + 1] >= size + 16)
		{
			a->cur++;
			a->size = a->sizes[a->cur];
			a->used = 0;
			continue;
		}
		/* a new block after cur (blocks after it are dropped for simplicity) */
		{
			size_t		bs = size + 16 > (1 << 20) ? size + 16 : (1 << 20);

			for (size_t k = a->nblocks ? a->cur + 1 : 0; k < a->nblocks; k++)
				free(a->blocks[k]);
			a->nblocks = a->nblocks ? a->cur + 1 : 0;
			a->blocks = realloc(a->blocks, sizeof(char *) * (a->nblocks + 1));
			a->sizes = realloc(a->sizes, sizeof(size_t) * (a->nblocks + 1));
			a->blocks[a->nblocks] = malloc(bs);
			a->sizes[a->nblocks] = bs;
			a->cur = a->nblocks++;
			a->size = bs;
			a->used = 0;
		}
	}
	{
		char	   *p = a->blocks[a->cur] + a->used;

		*(size_t *) p = size;	/* for realloc */
		a->used += size + 16;
		return p + 16;
	}
}

static void *
arena_realloc(void *ctx, void *ptr, size_t size)
{
	void	   *q;
	size_t		old;

	if (ptr == NULL)
		return arena_alloc(ctx, size);
	old = *(size_t *) ((char *) ptr - 16);
	if (old >= size)
		return ptr;
	q = arena_alloc(ctx, size);
	memcpy(q, ptr, old);
	return q;
}

static void
arena_free(void *ctx, void *ptr)
{
}

static void
arena_reset(Arena *a)
{
	a->cur = 0;
	a->used = 0;
	a->size = a->nblocks ? a->sizes[0] : 0;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		cap = 0,
				n = 0,
				r;

	if (f == NULL)
		return NULL;
	do
	{
		if (n + 65536 > cap)
			buf = realloc(buf, cap = cap * 2 + 65536);
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	static const char *const kinds[] = {"-", "PER", "ORG", "LOC"};
	static char path[4096];
	AtNerModel	model;
	Arena		arena = {0};
	AtMem		mem = {arena_alloc, arena_realloc, arena_free, &arena};
	char	  **texts = NULL;
	char	  **names = NULL;
	size_t	   *lens = NULL;
	size_t		nfiles = 0;
	int			rounds = 0;

	if (argc >= 4 && strcmp(argv[2], "-n") == 0)
		rounds = atoi(argv[3]);
	if (argc < 2 || at_ner_model_load(&model, &at_malloc_mem, argv[1]) != AT_OK)
	{
		fprintf(stderr, "usage: %s DATADIR [-n ROUNDS] < list-of-files\n", argv[0]);
		return 2;
	}
	while (fgets(path, sizeof(path), stdin))
	{
		path[strcspn(path, "\n")] = '\0';
		texts = realloc(texts, sizeof(char *) * (nfiles + 1));
		names = realloc(names, sizeof(char *) * (nfiles + 1));
		lens = realloc(lens, sizeof(size_t) * (nfiles + 1));
		if ((texts[nfiles] = read_file(path, &lens[nfiles])) == NULL)
		{
			fprintf(stderr, "cannot read %s\n", path);
			return 1;
		}
		names[nfiles++] = strdup(path);
	}
	for (int r = 0; r < (rounds ? rounds : 1); r++)
		for (size_t f = 0; f < nfiles; f++)
		{
			AtVec		ents;

			arena_reset(&arena);
			at_vec_init(&ents, &mem, sizeof(AtEntity));
			at_extract_entities(&model, NULL, texts[f], lens[f], &mem, &ents);
			if (rounds)
				continue;
			for (size_t i = 0; i < ents.len; i++)
			{
				AtEntity   *e = AT_VEC_AT(&ents, AtEntity, i);

				printf("%s\t%s\t%zu\t%zu\t%d\t%.6f\t%s\n", names[f], kinds[e->kind],
					   e->start, e->len, e->sentence, e->score, e->canonical);
			}
		}
	return 0;
}

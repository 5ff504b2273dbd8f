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
#include "tool_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	static const char *const kinds[] = {"-", "PER", "ORG", "LOC"};
	static char path[4096];
	AtNerModel	model;
	AtArena		arena = {0};
	AtMem		mem = at_arena_mem(&arena);
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
		if ((texts[nfiles] = at_read_file(path, &lens[nfiles])) == NULL)
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

			at_arena_reset(&arena);
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

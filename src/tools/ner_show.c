/*
 * ner_show.c: the entities of each line of standard input, one a line
 * ("KIND<TAB>surface<TAB>score"), for maintainers trying a sentence:
 *
 *   echo 'Vice-Premier He Lifeng met ...' | build/ner_show src/data
 *
 * build/ner_show_rules (built with -DAT_NER_RULE_SWITCHES) skips the stages
 * of extract() named in NER_RULES_OFF=n,... (test/entities/rule_diff.sh).
 */
#include "../engine/ner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef AT_NER_RULE_SWITCHES
extern unsigned long at_ner_rules_off;
#endif

int
main(int argc, char **argv)
{
	static const char *const kinds[] = {"-", "PER", "ORG", "LOC"};
	static char line[1 << 16];
	AtNerModel	model;

#ifdef AT_NER_RULE_SWITCHES
	for (const char *p = getenv("NER_RULES_OFF"); p && *p; p += strcspn(p, ","), p += *p == ',')
		at_ner_rules_off |= 1UL << atoi(p);
#endif
	if (argc < 2 || at_ner_model_load(&model, &at_malloc_mem, argv[1]) != AT_OK)
	{
		fprintf(stderr, "usage: %s DATADIR < text\n", argv[0]);
		return 2;
	}
	while (fgets(line, sizeof(line), stdin))
	{
		AtVec		ents;

		line[strcspn(line, "\n")] = '\0';
		at_vec_init(&ents, &at_malloc_mem, sizeof(AtEntity));
		at_extract_entities(&model, NULL, line, strlen(line), &at_malloc_mem, &ents);
		printf("%s\n", line);
		for (size_t i = 0; i < ents.len; i++)
		{
			AtEntity   *e = AT_VEC_AT(&ents, AtEntity, i);

			printf("  %s\t%.*s\t%.2f\n", kinds[e->kind], (int) e->len, line + e->start, e->score);
		}
		free(ents.data);
	}
	return 0;
}

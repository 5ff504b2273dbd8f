/*
 * tool_io.h: memory and file reading for the tools that run the engine
 * outside the server (build/ner_corpus, build/engine_corpus,
 * build/dump_metrics).
 */
#ifndef AT_TOOL_IO_H
#define AT_TOOL_IO_H

#include "../engine/common.h"

/*
 * A bump arena behind an AtMem: a call's memory comes from it and is
 * dropped at once by at_arena_reset(), as the server drops a call's memory
 * context.  Blocks are kept and reused from one call to the next.
 */
typedef struct AtArena
{
	char	  **blocks;
	size_t	   *sizes;
	size_t		nblocks;
	size_t		cur;			/* block in use */
	size_t		used;			/* bytes used in it */
} AtArena;

extern AtMem at_arena_mem(AtArena *a);
extern void at_arena_reset(AtArena *a);

/* The whole file, malloc'd, with a NUL after its len bytes; NULL when unreadable */
extern char *at_read_file(const char *path, size_t *len);

#endif							/* AT_TOOL_IO_H */

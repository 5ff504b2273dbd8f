/*
 * unit_mem.c: the unit tests' AtMem that frees everything at once (see
 * unit_mem.h).  Each block keeps its size for realloc.
 */
#include "unit_mem.h"

#include <stdlib.h>
#include <string.h>

typedef struct Blk
{
	struct Blk *next;
	size_t		size;
	size_t		pad[2];			/* keeps the payload 16-byte aligned */
} Blk;

static Blk *blocks;

static void *
um_alloc(void *ctx, size_t size)
{
	Blk		   *b = malloc(sizeof(Blk) + (size ? size : 1));

	b->next = blocks;
	b->size = size;
	blocks = b;
	return b + 1;
}

static void *
um_realloc(void *ctx, void *p, size_t size)
{
	void	   *n = um_alloc(ctx, size);

	if (p)
		memcpy(n, p, AT_MIN(size, ((Blk *) p - 1)->size));
	return n;
}

static void
um_free(void *ctx, void *p)
{
	/* freed with the rest in ut_mem_reset */
}

const AtMem ut_mem = {um_alloc, um_realloc, um_free, NULL};

void
ut_mem_reset(void)
{
	while (blocks)
	{
		Blk		   *n = blocks->next;

		free(blocks);
		blocks = n;
	}
}

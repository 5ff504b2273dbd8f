/*
 * tool_io.c: the arena and file reader of tool_io.h.
 */
#include "tool_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (1 << 20)

/* Each allocation is preceded by 16 bytes holding its size (for realloc) */
static void *
arena_alloc(void *ctx, size_t size)
{
	AtArena    *a = ctx;
	char	   *p;

	size = (size + 15) & ~(size_t) 15;
	for (;;)
	{
		if (a->cur < a->nblocks && a->used + size + 16 <= a->sizes[a->cur])
			break;
		if (a->cur < a->nblocks && a->used > 0)
		{
			a->cur++;
			a->used = 0;
			continue;
		}
		if (a->cur < a->nblocks)	/* empty block too small: replace it */
			free(a->blocks[a->cur]);
		else
		{
			a->blocks = realloc(a->blocks, sizeof(char *) * (a->nblocks + 1));
			a->sizes = realloc(a->sizes, sizeof(size_t) * (a->nblocks + 1));
			if (a->blocks == NULL || a->sizes == NULL)
				abort();
			a->nblocks++;
		}
		a->sizes[a->cur] = size + 16 > ARENA_BLOCK ? size + 16 : ARENA_BLOCK;
		a->blocks[a->cur] = malloc(a->sizes[a->cur]);
		if (a->blocks[a->cur] == NULL)
			abort();
		a->used = 0;
	}
	p = a->blocks[a->cur] + a->used;
	*(size_t *) p = size;
	a->used += size + 16;
	return p + 16;
}

static void *
arena_realloc(void *ctx, void *ptr, size_t size)
{
	size_t		old;
	void	   *q;

	if (ptr == NULL)
		return arena_alloc(ctx, size);
	old = *(size_t *) ((char *) ptr - 16);
	if (old >= size)
		return ptr;
	q = arena_alloc(ctx, size);
	memcpy(q, ptr, old);
	return q;
}

/* Freed with the whole arena */
static void
arena_free(void *ctx, void *ptr)
{
}

AtMem
at_arena_mem(AtArena *a)
{
	AtMem		mem = {arena_alloc, arena_realloc, arena_free, a};

	return mem;
}

void
at_arena_reset(AtArena *a)
{
	a->cur = 0;
	a->used = 0;
}

char *
at_read_file(const char *path, size_t *len)
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
		{
			buf = realloc(buf, cap = cap * 2 + 65536);
			if (buf == NULL)
				abort();
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';				/* the last read left at least 64 kB free */
	*len = n;
	return buf;
}

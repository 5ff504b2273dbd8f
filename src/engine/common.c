/*
 * common.c: allocator, buffers and status messages of the text engine.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void		(*at_interrupt_hook) (void) = NULL;

static void *
malloc_alloc(void *ctx, size_t size)
{
	void	   *p = malloc(size ? size : 1);

	(void) ctx;
	if (p == NULL)
	{
		fprintf(stderr, "article_tools engine: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

static void *
malloc_realloc(void *ctx, void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size ? size : 1);

	(void) ctx;
	if (p == NULL)
	{
		fprintf(stderr, "article_tools engine: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

static void
malloc_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const AtMem at_malloc_mem = {malloc_alloc, malloc_realloc, malloc_free, NULL};

void *
at_alloc0(const AtMem *mem, size_t size)
{
	void	   *p = at_alloc(mem, size);

	memset(p, 0, size);
	return p;
}

char *
at_strndup(const AtMem *mem, const char *s, size_t len)
{
	char	   *p = at_alloc(mem, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

const char *
at_status_message(AtStatus status)
{
	switch (status)
	{
		case AT_OK:
			return "success";
		case AT_ERR_INVALID_UTF8:
			return "input is not valid UTF-8";
		case AT_ERR_TOO_LARGE:
			return "input exceeds a size limit";
		case AT_ERR_REGEX_LIMIT:
			return "pattern match limit exceeded";
		case AT_ERR_REGEX_INTERNAL:
			return "internal pattern error";
		case AT_ERR_DATA_FILE:
			return "data file missing or malformed";
		case AT_ERR_NOMEM:
			return "out of memory";
	}
	return "unknown error";
}

void
at_buf_init(AtBuf *buf, const AtMem *mem, size_t initial)
{
	buf->mem = mem;
	buf->cap = initial < 16 ? 16 : initial;
	buf->data = at_alloc(mem, buf->cap);
	buf->data[0] = '\0';
	buf->len = 0;
}

void
at_buf_reserve(AtBuf *buf, size_t extra)
{
	size_t		need = buf->len + extra + 1;

	if (need <= buf->cap)
		return;
	while (buf->cap < need)
		buf->cap *= 2;
	buf->data = at_realloc(buf->mem, buf->data, buf->cap);
}

void
at_buf_append(AtBuf *buf, const char *s, size_t len)
{
	at_buf_reserve(buf, len);
	memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void
at_buf_appendc(AtBuf *buf, char c)
{
	at_buf_append(buf, &c, 1);
}

void
at_buf_appends(AtBuf *buf, const char *s)
{
	at_buf_append(buf, s, strlen(s));
}

void
at_vec_init(AtVec *vec, const AtMem *mem, size_t elsize)
{
	vec->mem = mem;
	vec->data = NULL;
	vec->len = 0;
	vec->cap = 0;
	vec->elsize = elsize;
}

void *
at_vec_push(AtVec *vec)
{
	char	   *el;

	if (vec->len == vec->cap)
	{
		size_t		ncap = vec->cap ? vec->cap * 2 : 16;

		vec->data = vec->data ? at_realloc(vec->mem, vec->data, ncap * vec->elsize)
			: at_alloc(vec->mem, ncap * vec->elsize);
		vec->cap = ncap;
	}
	el = (char *) vec->data + vec->len * vec->elsize;
	memset(el, 0, vec->elsize);
	vec->len++;
	return el;
}

bool
at_word_in(const char *w, size_t len, const char *const *list, size_t n)
{
	char		first;

	if (len == 0)
		return false;
	first = (w[0] >= 'A' && w[0] <= 'Z') ? (char) (w[0] | 0x20) : w[0];
	for (size_t i = 0; i < n; i++)
	{
		const char *c = list[i];
		size_t		j;

		/* the first letter first: most words are in no list */
		if (c[0] != first)
			continue;
		for (j = 1; j < len && c[j]; j++)
		{
			char		a = w[j];

			if (a >= 'A' && a <= 'Z')
				a += 'a' - 'A';
			if (a != c[j])
				break;
		}
		if (j == len && c[j] == '\0')
			return true;
	}
	return false;
}

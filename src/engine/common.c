/*
 * common.c: allocator, buffers and status messages of the text engine.
 */
#include "common.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
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

/*
 * Long word lists are looked up through an index by first letter and length,
 * built on first use per list and kept for the life of the process
 * (read-only after; the lists are static data, so their address identifies
 * them).  The entries are grouped by first letter, and within it by length:
 * a word is compared only with the entries of its first letter and length.
 */
#define WI_SLOTS 1024			/* open addressing, by list address: sparse, so that a probe rarely collides */
#define WI_INDEXES 64			/* indexes built at most */
#define WI_MAX_WORDS 512
#define WI_MIN_WORDS 8			/* shorter lists are scanned (and may be on the stack) */
#define WI_BUCKETS 27			/* a..z, then every other first byte */
#define WI_CLASSES 32			/* lengths 0..30, then 31 or more */

typedef struct WordIndex
{
	const char *const *list;
	uint32_t	lens[WI_BUCKETS];	/* bucket k: bit l = a word of l bytes (bit 31: 31 or more) */
	uint16_t	gbase[WI_BUCKETS];	/* bucket k's first group */
	uint16_t	gstart[WI_MAX_WORDS + 1];	/* group g: order[gstart[g] .. gstart[g + 1]) */
	uint16_t	order[WI_MAX_WORDS];	/* entries by bucket, then length */
} WordIndex;

/* Bit of a word length in WordIndex.lens */
static inline uint32_t
wi_len_bit(size_t len)
{
	return UINT32_C(1) << (len < 31 ? len : 31);
}

/* The bits set in x (SWAR: without -mpopcnt, __builtin_popcount is a libgcc call) */
static inline unsigned
wi_popcount(uint32_t x)
{
	x = x - ((x >> 1) & UINT32_C(0x55555555));
	x = (x & UINT32_C(0x33333333)) + ((x >> 2) & UINT32_C(0x33333333));
	x = (x + (x >> 4)) & UINT32_C(0x0F0F0F0F);
	return (unsigned) ((x * UINT32_C(0x01010101)) >> 24);
}

static WordIndex *wi_slots[WI_SLOTS];
static WordIndex wi_store[WI_INDEXES];
static int	wi_used;

static inline int
wi_bucket(char c)
{
	if (c >= 'A' && c <= 'Z')
		c = (char) (c | 0x20);
	return (c >= 'a' && c <= 'z') ? c - 'a' : 26;
}

/*
 * Builds the index of list in the free slot h; NULL when there is no room.
 * Out of line: inlined, its frame made every at_word_in() call save six
 * registers and clear 48 bytes of stack.
 */
static AT_NOINLINE const WordIndex *
word_index_build(const char *const *list, size_t n, size_t h)
{
	WordIndex  *wi;
	uint16_t	count[WI_BUCKETS * WI_CLASSES + 1] = {0};
	unsigned	ngroups = 0;

	if (n > WI_MAX_WORDS || wi_used >= WI_INDEXES || wi_slots[h] != NULL)
		return NULL;
	wi = &wi_store[wi_used++];
	memset(wi, 0, sizeof(*wi));
	wi->list = list;
	/* a counting sort of the entries by (bucket, length class) */
	for (size_t i = 0; i < n; i++)
	{
		size_t		l = strlen(list[i]);
		int			k = wi_bucket(list[i][0]);

		wi->lens[k] |= wi_len_bit(l);
		count[k * WI_CLASSES + (l < 31 ? l : 31) + 1]++;
	}
	/* a group per (bucket, class) that has entries, in that order */
	for (int k = 0; k < WI_BUCKETS; k++)
	{
		wi->gbase[k] = (uint16_t) ngroups;
		for (int c = 0; c < WI_CLASSES; c++)
			ngroups += count[k * WI_CLASSES + c + 1] > 0;
	}
	/* count[key]: the first position of key's entries, where its group starts */
	for (int key = 1; key <= WI_BUCKETS * WI_CLASSES; key++)
		count[key] += count[key - 1];
	ngroups = 0;
	for (int key = 0; key < WI_BUCKETS * WI_CLASSES; key++)
		if (count[key + 1] > count[key])
			wi->gstart[ngroups++] = count[key];
	wi->gstart[ngroups] = (uint16_t) n;
	for (size_t i = 0; i < n; i++)
	{
		size_t		l = strlen(list[i]);
		int			key = wi_bucket(list[i][0]) * WI_CLASSES + (l < 31 ? (int) l : 31);

		wi->order[count[key]++] = (uint16_t) i;
	}
	wi_slots[h] = wi;
	return wi;
}

static inline const WordIndex *
word_index(const char *const *list, size_t n)
{
	/* Fibonacci hashing of the address: lists a multiple of 1 KB apart do not collide */
	size_t		h = (size_t) (((uint64_t) (uintptr_t) list * UINT64_C(0x9E3779B97F4A7C15)) >> 54) % WI_SLOTS;

	for (size_t k = 0; k < WI_SLOTS; k++, h = (h + 1) % WI_SLOTS)
	{
		if (wi_slots[h] == NULL)
			break;
		if (wi_slots[h]->list == list)
			return wi_slots[h];
	}
	return word_index_build(list, n, h);
}

static inline bool
word_eq_folded(const char *w, size_t len, const char *c)
{
	size_t		j;

	for (j = 1; j < len && c[j]; j++)
	{
		char		a = w[j];

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (a != c[j])
			return false;
	}
	return j == len && c[j] == '\0';
}

bool
at_word_in(const char *w, size_t len, const char *const *list, size_t n)
{
	char		first;
	const WordIndex *wi;

	if (len == 0)
		return false;
	first = (w[0] >= 'A' && w[0] <= 'Z') ? (char) (w[0] | 0x20) : w[0];
	if (n >= WI_MIN_WORDS && (wi = word_index(list, n)) != NULL)
	{
		int			k = wi_bucket(first);
		uint32_t	bits = wi->lens[k],
					bit = wi_len_bit(len);
		unsigned	g;

		/* most words have no entry of their length: no compare at all */
		if ((bits & bit) == 0)
			return false;
		/* the group of the entries of this first letter and length */
		g = wi->gbase[k] + wi_popcount(bits & (bit - 1));
		for (unsigned j = wi->gstart[g]; j < wi->gstart[g + 1]; j++)
		{
			const char *c = list[wi->order[j]];

			if (c[0] == first && word_eq_folded(w, len, c))
				return true;
		}
		return false;
	}
	for (size_t i = 0; i < n; i++)
	{
		/* the first letter first: most words are in no list */
		if (list[i][0] == first && word_eq_folded(w, len, list[i]))
			return true;
	}
	return false;
}

size_t
at_skip_space(const char *s, size_t end, size_t p)
{
	while (p < end)
	{
		uint32_t	cp;
		int			n;

		if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\f' || s[p] == '\v')
		{
			p++;
			continue;
		}
		if ((unsigned char) s[p] < 0x80)
			break;
		n = at_utf8_decode(s + p, end - p, &cp);
		if (!at_cp_is_space(cp))
			break;
		p += n;
	}
	return p;
}

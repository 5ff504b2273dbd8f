/*
 * lineset.c: sets and counts of normalised page lines (see lineset.h).
 *
 * Open addressing with linear probing over 64-bit FNV-1a hashes of the
 * normalised line; entries keep their text, so equal hashes of different
 * lines are told apart.
 */
#include "lineset.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static inline bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/*
 * Normalise line[0..len) into out (room for len bytes): no white space
 * around, runs inside as one space; NBSP (U+00A0) counts as white space.
 * Returns the length.
 */
static size_t
normalise(const char *s, size_t len, char *out)
{
	size_t		o = 0;
	bool		space = false;

	for (size_t p = 0; p < len; p++)
	{
		unsigned char c = (unsigned char) s[p];

		if (is_ws(c) || (c == 0xc2 && p + 1 < len && (unsigned char) s[p + 1] == 0xa0))
		{
			if (c == 0xc2)
				p++;
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = (char) c;
	}
	return o;
}

static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t	h = 14695981039346656037ULL;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 1099511628211ULL;
	}
	return h ? h : 1;			/* 0 marks an empty slot */
}

void
at_line_set_init(AtLineSet *set, const AtMem *mem)
{
	memset(set, 0, sizeof(*set));
	set->mem = mem;
}

void
at_line_set_free(AtLineSet *set)
{
	for (size_t i = 0; i < set->cap; i++)
		if (set->slots[i].hash)
			at_free(set->mem, set->slots[i].text);
	if (set->slots)
		at_free(set->mem, set->slots);
	set->slots = NULL;
	set->cap = set->n = 0;
}

static AtLineEntry *
probe(const AtLineSet *set, uint64_t h, const char *text, size_t len)
{
	size_t		i = (size_t) h & (set->cap - 1);

	for (;;)
	{
		AtLineEntry *e = &set->slots[i];

		if (e->hash == 0 || (e->hash == h && e->len == len && memcmp(e->text, text, len) == 0))
			return e;
		i = (i + 1) & (set->cap - 1);
	}
}

/* Room for one more entry at a load factor of at most 1/2 */
static void
grow(AtLineSet *set)
{
	AtLineEntry *old = set->slots;
	size_t		oldcap = set->cap;

	if ((set->n + 1) * 2 <= set->cap)
		return;
	set->cap = oldcap ? oldcap * 2 : 64;
	set->slots = at_alloc0(set->mem, set->cap * sizeof(AtLineEntry));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].hash)
			*probe(set, old[i].hash, old[i].text, old[i].len) = old[i];
	if (old)
		at_free(set->mem, old);
}

AtLineEntry *
at_line_set_add(AtLineSet *set, const char *line, size_t len)
{
	char		buf[AT_LINESET_MAX_LINE];
	size_t		n;
	uint64_t	h;
	AtLineEntry *e;

	if (len > AT_LINESET_MAX_LINE * 2)
		return NULL;
	/* normalising never lengthens; a line that stays too long is not kept */
	{
		char	   *tmp = len <= sizeof(buf) ? buf : at_alloc(set->mem, len);

		n = normalise(line, len, tmp);
		if (n == 0 || n > AT_LINESET_MAX_LINE)
		{
			if (tmp != buf)
				at_free(set->mem, tmp);
			return NULL;
		}
		if (tmp != buf)
		{
			memcpy(buf, tmp, n);
			at_free(set->mem, tmp);
		}
	}
	h = hash_bytes(buf, n);
	grow(set);
	e = probe(set, h, buf, n);
	if (e->hash == 0)
	{
		e->hash = h;
		e->text = at_alloc(set->mem, n);
		memcpy(e->text, buf, n);
		e->len = (uint32_t) n;
		e->count = 0;
		e->delta = 0;
		e->last_page = -1;
		set->n++;
	}
	return e;
}

const AtLineEntry *
at_line_set_find(const AtLineSet *set, const char *line, size_t len)
{
	char		buf[AT_LINESET_MAX_LINE * 2];
	size_t		n;
	const AtLineEntry *e;

	if (set->n == 0 || len > sizeof(buf))
		return NULL;
	n = normalise(line, len, buf);
	if (n == 0 || n > AT_LINESET_MAX_LINE)
		return NULL;
	e = probe(set, hash_bytes(buf, n), buf, n);
	return e->hash ? e : NULL;
}

/* ---- counting lines over pages ------------------------------------------ */

void
at_line_counter_init(AtLineCounter *c, const AtMem *mem, double min_share)
{
	double		eps = min_share / 10;

	at_line_set_init(&c->set, mem);
	c->min_share = min_share;
	c->pages = 0;
	c->width = eps > 0 ? (int64_t) (1.0 / eps + 0.999999) : 1;
	if (c->width < 1)
		c->width = 1;
}

/* End of a bucket: drop the lines that cannot reach the share any more */
static void
prune(AtLineCounter *c)
{
	AtLineSet  *set = &c->set;
	AtLineEntry *old = set->slots;
	size_t		oldcap = set->cap;
	int64_t		bucket = c->pages / c->width;

	set->slots = at_alloc0(set->mem, (oldcap ? oldcap : 1) * sizeof(AtLineEntry));
	set->n = 0;
	for (size_t i = 0; i < oldcap; i++)
	{
		if (!old[i].hash)
			continue;
		if (old[i].count + old[i].delta <= bucket)
			at_free(set->mem, old[i].text);
		else
		{
			*probe(set, old[i].hash, old[i].text, old[i].len) = old[i];
			set->n++;
		}
	}
	if (old)
		at_free(set->mem, old);
}

void
at_line_counter_add_page(AtLineCounter *c, const char *text, size_t len)
{
	int64_t		page = c->pages;
	int64_t		bucket = page / c->width + 1;	/* of this page, from 1 */
	size_t		iter = 0;

	for (size_t pos = 0; pos < len; iter++)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		eol = nl ? (size_t) (nl - text) : len;

		if ((iter & 1023) == 0)
			AT_CHECK_INTERRUPTS();
		if (eol - pos <= AT_LINESET_MAX_LINE * 2)
		{
			AtLineEntry *e = at_line_set_add(&c->set, text + pos, eol - pos);

			if (e && e->last_page != page)
			{
				if (e->count == 0)
					e->delta = bucket - 1;
				e->count++;
				e->last_page = page;
			}
		}
		pos = eol + 1;
	}
	c->pages++;
	if (c->pages % c->width == 0)
		prune(c);
}

static int
cmp_entries(const void *a, const void *b)
{
	const AtLineEntry *x = *(const AtLineEntry *const *) a;
	const AtLineEntry *y = *(const AtLineEntry *const *) b;
	int			r;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	r = memcmp(x->text, y->text, AT_MIN(x->len, y->len));
	if (r != 0)
		return r;
	return x->len < y->len ? -1 : x->len > y->len;
}

void
at_line_counter_result(const AtLineCounter *c, AtVec *out)
{
	/* counts are exact until the first prune: then the share itself */
	double		share = c->pages < c->width ? c->min_share : c->min_share - c->min_share / 10;
	double		floor = share * (double) c->pages - 1e-9;
	size_t		first = out->len;

	for (size_t i = 0; i < c->set.cap; i++)
	{
		const AtLineEntry *e = &c->set.slots[i];

		if (e->hash && e->count >= 2 && (double) e->count >= floor)
			*(const AtLineEntry **) at_vec_push(out) = e;
	}
	if (out->len > first)
		qsort((const AtLineEntry **) out->data + first, out->len - first,
			  sizeof(const AtLineEntry *), cmp_entries);
}

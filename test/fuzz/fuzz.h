/*
 * fuzz.h: what the libFuzzer targets in test/fuzz/ share.
 *
 * Each target is one file fuzz_<entry point>.c defining
 * LLVMFuzzerTestOneInput; test/mk/fuzz.mk links it with the whole engine
 * under -fsanitize=fuzzer,address,undefined.  Besides crashes and sanitizer
 * reports, targets check the invariants the SQL layer relies on (spans in
 * bounds, ordered, on character boundaries) and abort through FUZZ_ASSERT
 * when one fails, so libFuzzer saves the input as a crash.
 *
 * Memory: the server runs the engine in a memory context that is reset
 * after each call, so the engine may leave allocations to be freed by the
 * caller.  fuzz_mem mirrors that: every block is a separate malloc (so
 * AddressSanitizer sees overruns of each one) and fuzz_mem_reset() frees
 * whatever is still live at the end of an input.
 */
#ifndef AT_FUZZ_H
#define AT_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/engine/common.h"
#include "../../src/engine/utf8.h"

#define FUZZ_ASSERT(cond) \
	do { if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); } } while (0)

/* header of every fuzz_mem block; 32 bytes keeps payloads 16-byte aligned */
typedef union FuzzBlock
{
	struct
	{
		union FuzzBlock *prev;
		union FuzzBlock *next;
		size_t		size;
	}			h;
	char		pad[32];
} FuzzBlock;

static FuzzBlock fuzz_blocks = {{&fuzz_blocks, &fuzz_blocks, 0}};
/* blocks of fuzz_keep_mem: data for the whole run (models), never freed */
static FuzzBlock fuzz_keep_blocks = {{&fuzz_keep_blocks, &fuzz_keep_blocks, 0}};
static size_t fuzz_live_bytes;

/* refuse single allocations the server would refuse too (MaxAllocHugeSize) */
#define FUZZ_MAX_ALLOC ((size_t) 1 << 40)

static inline void *
fuzz_alloc(void *ctx, size_t size)
{
	FuzzBlock  *b;
	FuzzBlock  *list = ctx ? (FuzzBlock *) ctx : &fuzz_blocks;

	FUZZ_ASSERT(size < FUZZ_MAX_ALLOC);
	b = malloc(sizeof(FuzzBlock) + (size ? size : 1));
	if (!b)
		abort();
	b->h.size = size;
	b->h.prev = list;
	b->h.next = list->h.next;
	list->h.next->h.prev = b;
	list->h.next = b;
	fuzz_live_bytes += size;
	return b + 1;
}

static inline void
fuzz_unlink(FuzzBlock *b)
{
	b->h.prev->h.next = b->h.next;
	b->h.next->h.prev = b->h.prev;
	fuzz_live_bytes -= b->h.size;
}

static inline void
fuzz_free(void *ctx, void *ptr)
{
	FuzzBlock  *b;

	(void) ctx;
	if (!ptr)
		return;
	b = (FuzzBlock *) ptr - 1;
	fuzz_unlink(b);
	free(b);
}

static inline void *
fuzz_realloc(void *ctx, void *ptr, size_t size)
{
	void	   *n;

	if (!ptr)
		return fuzz_alloc(ctx, size);
	n = fuzz_alloc(ctx, size);
	memcpy(n, ptr, AT_MIN(size, ((FuzzBlock *) ptr - 1)->h.size));
	fuzz_free(ctx, ptr);
	return n;
}

static const AtMem fuzz_mem = {fuzz_alloc, fuzz_realloc, fuzz_free, NULL};

/*
 * For backend-lifetime data (models, gazetteers): like the server's
 * TopMemoryContext children, kept to the end, so LeakSanitizer sees it
 * reachable even where the loader drops a pointer it does not need.
 */
static const AtMem fuzz_keep_mem = {fuzz_alloc, fuzz_realloc, fuzz_free, &fuzz_keep_blocks};

/* Frees everything the engine left behind, as a memory context reset does */
static inline void
fuzz_mem_reset(void)
{
	while (fuzz_blocks.h.next != &fuzz_blocks)
	{
		FuzzBlock  *b = fuzz_blocks.h.next;

		fuzz_unlink(b);
		free(b);
	}
}

/*
 * The server's interrupt check may run at any AT_CHECK_INTERRUPTS(); here
 * it only counts, so a target can assert that long loops do check.
 */
static unsigned long fuzz_interrupt_checks;

static inline void
fuzz_count_interrupt(void)
{
	fuzz_interrupt_checks++;
}

static inline void
fuzz_begin(void)
{
	at_interrupt_hook = fuzz_count_interrupt;
	fuzz_interrupt_checks = 0;
}

/*
 * Inputs: SQL text in a UTF8 database is always valid UTF-8, so targets feed
 * the engine valid UTF-8.  Raw fuzz bytes that are not valid are repaired
 * (each bad byte becomes U+FFFD) rather than thrown away, so mutations that
 * break a sequence still reach the engine.  Returns a fuzz_mem copy with a
 * terminating NUL not counted in *len.
 */
static inline char *
fuzz_valid_utf8(const uint8_t *data, size_t size, size_t *len)
{
	char	   *out = fuzz_alloc(NULL, size * 3 + 1);
	size_t		o = 0;

	for (size_t i = 0; i < size;)
	{
		int			n = at_utf8_seqlen(data[i]);

		if (n > 0 && i + n <= size && at_utf8_valid((const char *) data + i, n) &&
			!(n == 1 && data[i] == 0))
		{
			memcpy(out + o, data + i, n);
			o += n;
			i += n;
		}
		else
		{
			/* NUL cannot occur in SQL text either */
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		}
	}
	/*
	 * Exactly o bytes, no terminator: text from the server is not
	 * NUL-terminated, so a read past the end must be an ASan error here
	 * (valgrind found one in metrics.c that a roomier buffer hid).
	 */
	{
		char	   *exact = fuzz_alloc(NULL, o ? o : 1);

		memcpy(exact, out, o);
		fuzz_free(NULL, out);
		out = exact;
	}
	*len = o;
	return out;
}

static inline bool
fuzz_is_boundary(const char *s, size_t len, size_t off)
{
	return off == 0 || off == len || ((unsigned char) s[off] & 0xC0) != 0x80;
}

/* A span [start, start + len) inside s[0..size) on character boundaries */
static inline void
fuzz_check_span(const char *s, size_t size, size_t start, size_t len)
{
	FUZZ_ASSERT(start <= size && len <= size - start);
	FUZZ_ASSERT(fuzz_is_boundary(s, size, start));
	FUZZ_ASSERT(fuzz_is_boundary(s, size, start + len));
}

/*
 * Checks a vector of spans: each non-empty, inside [lo, hi), on character
 * boundaries, trimmed of white space, and (when ordered) sorted and
 * non-overlapping.
 */
static inline void
fuzz_check_spans(const char *s, size_t len, const AtVec *v, size_t lo,
				 size_t hi, bool ordered, bool trimmed)
{
	size_t		prev_end = lo;

	for (size_t i = 0; i < v->len; i++)
	{
		const AtSpan *sp = AT_VEC_AT(v, AtSpan, i);
		uint32_t	cp;

		FUZZ_ASSERT(sp->len > 0);
		FUZZ_ASSERT(sp->start >= lo && sp->start + sp->len <= hi);
		FUZZ_ASSERT(fuzz_is_boundary(s, len, sp->start));
		FUZZ_ASSERT(fuzz_is_boundary(s, len, sp->start + sp->len));
		if (ordered)
		{
			FUZZ_ASSERT(sp->start >= prev_end);
			prev_end = sp->start + sp->len;
		}
		if (trimmed)
		{
			at_utf8_decode(s + sp->start, sp->len, &cp);
			FUZZ_ASSERT(!at_cp_is_space(cp));
			at_utf8_decode_prev(s, sp->start + sp->len, &cp);
			FUZZ_ASSERT(!at_cp_is_space(cp));
		}
	}
}

#endif							/* AT_FUZZ_H */

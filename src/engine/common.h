/*
 * common.h: what every part of the text engine shares.
 *
 * The engine is plain C99 and never includes postgres.h, so the same code
 * runs inside the server, in the unit tests, under libFuzzer and in the
 * benchmarks.  The server side hands it memory (palloc) and an interrupt
 * check (CHECK_FOR_INTERRUPTS) through the hooks below.
 */
#ifndef AT_COMMON_H
#define AT_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * Memory.  alloc and realloc never return NULL: on failure they either
 * abort (standalone) or ereport (server), which does not return.  Inside the
 * server all engine memory lives in the caller's memory context, so an
 * ereport or a cancel in the middle of a call leaks nothing.
 */
typedef struct AtMem
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void	   *ctx;
} AtMem;

/* malloc-based allocator for tests, tools, fuzzers and benchmarks */
extern const AtMem at_malloc_mem;

#define at_alloc(m, sz)			((m)->alloc((m)->ctx, (sz)))
#define at_realloc(m, p, sz)	((m)->realloc((m)->ctx, (p), (sz)))
#define at_free(m, p)			((m)->free((m)->ctx, (p)))

extern void *at_alloc0(const AtMem *mem, size_t size);
extern char *at_strndup(const AtMem *mem, const char *s, size_t len);

/*
 * Interrupts.  Long loops call AT_CHECK_INTERRUPTS() every few thousand
 * iterations; the server sets the hook to a function that runs
 * CHECK_FOR_INTERRUPTS(), which may longjmp out of the engine.  Engine code
 * must therefore keep no state that outlives a call except in memory that is
 * valid for the whole backend (compiled patterns, loaded models).
 */
extern void (*at_interrupt_hook) (void);

#define AT_CHECK_INTERRUPTS() \
	do { if (at_interrupt_hook) at_interrupt_hook(); } while (0)

/*
 * Status codes returned by engine entry points.  The server glue turns them
 * into ereport(ERROR) with a proper SQLSTATE (src/pg/glue.c).
 */
typedef enum AtStatus
{
	AT_OK = 0,
	AT_ERR_INVALID_UTF8,		/* input is not valid UTF-8 */
	AT_ERR_TOO_LARGE,			/* input or a derived value exceeds a limit */
	AT_ERR_REGEX_LIMIT,			/* a PCRE2 match or depth limit was hit */
	AT_ERR_REGEX_INTERNAL,		/* PCRE2 failed to compile or run a pattern */
	AT_ERR_DATA_FILE,			/* a data file is missing or malformed */
	AT_ERR_NOMEM				/* allocation failed (standalone only) */
} AtStatus;

extern const char *at_status_message(AtStatus status);

/*
 * Growable byte buffer.
 */
typedef struct AtBuf
{
	const AtMem *mem;
	char	   *data;			/* always NUL-terminated when len > 0 */
	size_t		len;
	size_t		cap;
} AtBuf;

extern void at_buf_init(AtBuf *buf, const AtMem *mem, size_t initial);
extern void at_buf_reserve(AtBuf *buf, size_t extra);
extern void at_buf_append(AtBuf *buf, const char *s, size_t len);
extern void at_buf_appendc(AtBuf *buf, char c);
extern void at_buf_appends(AtBuf *buf, const char *s);

/*
 * Growable array of fixed-size elements.
 */
typedef struct AtVec
{
	const AtMem *mem;
	void	   *data;
	size_t		len;
	size_t		cap;
	size_t		elsize;
} AtVec;

extern void at_vec_init(AtVec *vec, const AtMem *mem, size_t elsize);
extern void *at_vec_push(AtVec *vec);	/* returns a zeroed new element */

#define AT_VEC_AT(vec, type, i)	(&((type *) (vec)->data)[i])

/* A span of the input, in bytes. */
typedef struct AtSpan
{
	size_t		start;
	size_t		len;
} AtSpan;

/*
 * Is w[0..len) one of the n words of list?  ASCII letters of w compare
 * case-insensitively; the listed words are lower case.  The one word-list
 * lookup of the engine (metrics, sentences; entities wraps it for tokens).
 * A list of 8 words or more must be static data: it is indexed on first use
 * by its address.
 */
extern bool at_word_in(const char *w, size_t len, const char *const *list, size_t n);

/*
 * p moved forward over the white space of one line, at most to end: blank,
 * tab, CR, FF, VT and the Unicode spaces of at_cp_is_space (NBSP, U+2000 to
 * U+200A, U+3000 ...), never a line feed.  s must be UTF-8 (a bad sequence
 * is no space).
 */
extern size_t at_skip_space(const char *s, size_t end, size_t p);

#define AT_MIN(a, b) ((a) < (b) ? (a) : (b))
#define AT_MAX(a, b) ((a) > (b) ? (a) : (b))
#define AT_LENGTHOF(arr) (sizeof(arr) / sizeof((arr)[0]))

/*
 * Build-once code kept out of a hot caller (inlined, it costs the caller a
 * larger frame); a per-word test always inlined into its scan loop
 */
#if defined(__GNUC__)
#define AT_NOINLINE __attribute__((noinline))
#define AT_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define AT_NOINLINE
#define AT_ALWAYS_INLINE inline
#endif

#endif							/* AT_COMMON_H */

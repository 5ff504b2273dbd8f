/*
 * lineset.h: sets and counts of page lines, for chrome that a site repeats
 * on every page.
 *
 * Lines are compared after normalisation: white space around them dropped
 * and every run of white space inside as one space (case is kept).  A
 * counter finds the lines repeated on a share of the pages of a table with
 * bounded memory (lossy counting, Manku and Motwani 2002): a line on at
 * least min_share of the pages is always reported, one on fewer than
 * (min_share - min_share / 10) of them never; up to 10 / min_share pages
 * the counts are exact and the share is min_share itself.  Lines over
 * AT_LINESET_MAX_LINE bytes are never counted (template lines are short).
 * Every operation is linear in its input.
 */
#ifndef AT_LINESET_H
#define AT_LINESET_H

#include "common.h"

#define AT_LINESET_MAX_LINE	300

typedef struct AtLineEntry
{
	uint64_t	hash;			/* 0: empty slot */
	char	   *text;			/* normalised, not NUL-terminated */
	uint32_t	len;
	int64_t		count;			/* pages holding it */
	int64_t		delta;			/* lossy counting: pages it may have missed */
	int64_t		last_page;		/* counted once a page */
} AtLineEntry;

typedef struct AtLineSet
{
	const AtMem *mem;
	AtLineEntry *slots;
	size_t		cap;			/* a power of two, or 0 */
	size_t		n;
} AtLineSet;

extern void at_line_set_init(AtLineSet *set, const AtMem *mem);
extern void at_line_set_free(AtLineSet *set);

/* Add a line (normalised first); its entry, new ones with count 0.  NULL for a blank or too long line */
extern AtLineEntry *at_line_set_add(AtLineSet *set, const char *line, size_t len);

/* The entry of a line, or NULL */
extern const AtLineEntry *at_line_set_find(const AtLineSet *set, const char *line, size_t len);

typedef struct AtLineCounter
{
	AtLineSet	set;
	double		min_share;
	int64_t		pages;
	int64_t		width;			/* pages per lossy-counting bucket */
} AtLineCounter;

/* min_share in (0, 1] */
extern void at_line_counter_init(AtLineCounter *c, const AtMem *mem, double min_share);

/* Count the distinct lines of one page */
extern void at_line_counter_add_page(AtLineCounter *c, const char *text, size_t len);

/*
 * The lines on at least min_share of the pages (see above) and on two
 * pages or more, most frequent first (then in byte order): entries
 * appended to out (an AtVec of const AtLineEntry *).
 */
extern void at_line_counter_result(const AtLineCounter *c, AtVec *out);

#endif							/* AT_LINESET_H */

/*
 * measures.h: what each figure of a sentence measures ("revenue", "retail
 * sales", "unicorns") and whose figure it is ("Huawei", "the city"), read
 * from the words of its clause.
 */
#ifndef AT_MEASURES_H
#define AT_MEASURES_H

#include "metrics.h"

/*
 * Fill measure, holder and time (the nearest period of the sentence that is
 * no base of comparison, periods.h; ref may be NULL) of the figures of value
 * among the n metrics ms, all inside the sentence s[from, to), in text
 * order.  Spans point into s.  Linear in to - from plus n times a bounded
 * window.
 */
extern void at_measure_figures(const char *s, size_t from, size_t to, const AtDay *ref,
							   AtMetric *ms, size_t n);

/*
 * Figures among ms[0..n) on "Label: figure" lines under a heading line that
 * ends in ":" take the label as holder (or measure) and the heading's
 * measure and period.  Reads a bounded window around each figure of s[0, len).
 */
extern void at_measure_table_rows(const char *s, size_t len, const AtDay *ref, AtMetric *ms,
								  size_t n);

#endif							/* AT_MEASURES_H */

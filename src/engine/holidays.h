/*
 * holidays.h: one-day holidays by their names as news writes them
 * ("Christmas Day", "Black Friday", "Easter Monday") and their days in a
 * given year.  Used by the date kind of extract_metrics() (metrics.c).
 */
#ifndef AT_HOLIDAYS_H
#define AT_HOLIDAYS_H

#include "periods.h"

typedef struct AtHoliday AtHoliday;

/*
 * Bit n of at_holiday_lens[c]: a holiday name starts with a word of
 * initial 'a' + c (capitalised in the text) and n letters.  Filled by
 * at_holidays_init(); all zero before it.
 */
extern uint32_t at_holiday_lens[26];

/* Fills the tables; call once before a scan (cheap when done) */
extern void at_holidays_init(void);

/* The holiday whose name starts at pos (*end: where it ends), or NULL */
extern const AtHoliday *at_holiday_at(const char *s, size_t len, size_t pos, size_t *end);

/* The day of holiday h in year y */
extern AtDay at_holiday_day(const AtHoliday *h, int y);

#endif							/* AT_HOLIDAYS_H */

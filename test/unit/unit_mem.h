/*
 * unit_mem.h: an AtMem for unit tests whose memory is all freed at once by
 * ut_mem_reset() (the tests call it before each parse), as the server frees
 * a call's memory context.  free() does nothing until then, so a test can
 * read what a call returned until the next reset.
 */
#ifndef AT_UNIT_MEM_H
#define AT_UNIT_MEM_H

#include "../../src/engine/common.h"

extern const AtMem ut_mem;
extern void ut_mem_reset(void);

#endif							/* AT_UNIT_MEM_H */

/*
 * Private: finding a repeated string among n in linear time (duplicate
 * object keys, duplicate ids in an array), so that no input can make a
 * duplicate check quadratic (issue #11).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CORE_STRSET_P_H
#define IPART_CORE_STRSET_P_H

#include <stddef.h>

#include "ipart/errors.h"

/* The strings visited in order: next(ctx) returns the next one (its end is
 * never asked for beyond `count`). */
typedef const char *(*ipart__str_next)(void *ctx);

/*
 * *out = the index of the first string equal to an earlier one, or `count`
 * when all differ. Expected O(count) time (an open-addressing hash table on
 * the allocator hook; small sets compare pairwise and allocate nothing).
 * @return IPART_OK; IPART_ENOMEM (*out untouched).
 */
ipart_status ipart__first_repeat(size_t *out, size_t count, ipart__str_next next, void *ctx);

/* The same over the array items[0..count). */
ipart_status ipart__first_repeat_of(size_t *out, const char *const *items, size_t count);

#endif

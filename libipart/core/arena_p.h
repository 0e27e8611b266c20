/* Private: a bump allocator on the libipart allocator, freed as a whole.
 * A decoded event lives in one arena, so discarding it is one call and a
 * failed decode leaks nothing. SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_CORE_ARENA_P_H
#define IPART_CORE_ARENA_P_H

#include <stddef.h>

typedef struct ipart__arena_chunk ipart__arena_chunk;

typedef struct ipart__arena {
    ipart__arena_chunk *chunks;
} ipart__arena;

#define IPART__ARENA_INIT {NULL}

/* Zeroed, max-aligned memory, or NULL when out of memory. */
void *ipart__arena_alloc(ipart__arena *a, size_t size);
/* A copy of the C string s (byte-aligned, not zeroed first: an event's copy
 * takes one per string it keeps), or NULL when out of memory. */
char *ipart__arena_strdup(ipart__arena *a, const char *s);
/* A copy of the n bytes at s and a NUL, not zeroed first, or NULL when out
 * of memory. */
char *ipart__arena_text(ipart__arena *a, const char *s, size_t n);
/* Room for an allocation of `size` bytes: after it returns 1, the next
 * ipart__arena_alloc or ipart__arena_text of at most that size does not
 * fail (and does not allocate). 0 when out of memory. */
int ipart__arena_reserve(ipart__arena *a, size_t size);
void ipart__arena_free(ipart__arena *a);
/* Free every chunk but the newest and empty that one, to allocate from
 * again without a malloc (one arena reused for every event of a replay). */
void ipart__arena_reset(ipart__arena *a);

#endif

/* Linear-time duplicate detection (strset_p.h). SPDX-License-Identifier: Apache-2.0 */
#include "strset_p.h"

#include <stdint.h>
#include <string.h>

#include "alloc_p.h"
#include "error_p.h"
#include "index_p.h"

/* Up to this many strings, comparing every pair is cheaper than hashing. */
#define PAIRWISE_MAX 16

/* One slot of an open-addressing table (linear probing, at most half
 * full): a flat array touches one cache line per string, where a chained
 * table (uthash) touches three and scaled 23x per 10x strings at 10^6. */
typedef struct slot {
    uint64_t hash;
    const char *key; /* NULL: empty */
} slot;

static size_t first_repeat_pairwise(size_t count, ipart__str_next next, void *ctx)
{
    const char *seen[PAIRWISE_MAX];
    for (size_t i = 0; i < count; i++) {
        seen[i] = next(ctx);
        for (size_t j = 0; j < i; j++)
            if (strcmp(seen[j], seen[i]) == 0)
                return i;
    }
    return count;
}

static ipart_status first_repeat_hashed(size_t *out, size_t count, ipart__str_next next,
                                        void *ctx)
{
    /* count is bounded by the input (64 MiB of text, 5 bytes per member at
     * least), far from overflowing the doubling. */
    size_t capacity = 64;
    while (capacity / 2 < count)
        capacity *= 2;
    slot *table = ipart__calloc(capacity, sizeof *table);
    if (!table)
        return ipart__fail_nomem();
    size_t i = 0;
    for (int repeated = 0; i < count && !repeated; i += !repeated) {
        const char *key = next(ctx);
        uint64_t hash = ipart__text_hash(key);
        size_t at = (size_t)hash & (capacity - 1);
        for (; table[at].key && !repeated; at = (at + 1) & (capacity - 1))
            repeated = table[at].hash == hash && strcmp(table[at].key, key) == 0;
        if (!repeated)
            table[at] = (slot){hash, key};
    }
    ipart__free(table);
    *out = i;
    return IPART_OK;
}

ipart_status ipart__first_repeat(size_t *out, size_t count, ipart__str_next next, void *ctx)
{
    if (count <= PAIRWISE_MAX) {
        *out = first_repeat_pairwise(count, next, ctx);
        return IPART_OK;
    }
    return first_repeat_hashed(out, count, next, ctx);
}

static const char *next_of_array(void *ctx)
{
    const char *const **at = ctx;
    return *(*at)++;
}

ipart_status ipart__first_repeat_of(size_t *out, const char *const *items, size_t count)
{
    return ipart__first_repeat(out, count, next_of_array, &items);
}

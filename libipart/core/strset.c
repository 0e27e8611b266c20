/* Linear-time duplicate detection (strset_p.h). SPDX-License-Identifier: Apache-2.0 */
#include "strset_p.h"

#include <string.h>

#include "alloc_p.h"
#include "error_p.h"
#include "hash_p.h"

/* Up to this many strings, comparing every pair is cheaper than hashing. */
#define PAIRWISE_MAX 16

typedef struct entry {
    const char *key;
    UT_hash_handle hh;
} entry;

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
    entry *entries = ipart__malloc(count * sizeof *entries);
    if (!entries)
        return ipart__fail_nomem();
    entry *set = NULL;
    int ipart_hash_oom = 0;
    size_t i = 0;
    for (; i < count; i++) {
        entry *found = NULL;
        const char *key = next(ctx);
        size_t length = strlen(key);
        HASH_FIND(hh, set, key, length, found);
        if (found)
            break;
        entries[i].key = key;
        HASH_ADD_KEYPTR(hh, set, key, length, &entries[i]);
        if (ipart_hash_oom)
            break;
    }
    HASH_CLEAR(hh, set);
    ipart__free(entries);
    if (ipart_hash_oom)
        return ipart__fail_nomem();
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

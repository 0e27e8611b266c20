/* An index of items by id (index_p.h). SPDX-License-Identifier: Apache-2.0 */
#include "index_p.h"

#include <string.h>

#include "alloc_p.h"

uint64_t ipart__text_hash(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    /* FNV's low bits mix only the low bits of the bytes: fold the high ones
     * in, since a table takes its slot from the low bits. */
    return h ^ (h >> 32);
}

static const char *key_of(const ipart__index *ix, const void *item)
{
    return *(const char *const *)((const unsigned char *)item + ix->key_offset);
}

void *ipart__index_find(const ipart__index *ix, const char *key)
{
    if (!ix->count)
        return NULL;
    uint64_t hash = ipart__text_hash(key);
    size_t mask = ix->capacity - 1;
    for (size_t at = (size_t)hash & mask;; at = (at + 1) & mask) {
        const ipart__index_slot *s = &ix->slots[at];
        if (!s->item)
            return NULL;
        if (s->hash == hash && strcmp(key_of(ix, s->item), key) == 0)
            return s->item;
    }
}

/* Put an item in the first free slot from its hash's (there is one). */
static void put(ipart__index_slot *slots, size_t capacity, uint64_t hash, void *item)
{
    size_t at = (size_t)hash & (capacity - 1);
    while (slots[at].item)
        at = (at + 1) & (capacity - 1);
    slots[at] = (ipart__index_slot){hash, item};
}

int ipart__index_reserve(ipart__index *ix, size_t count)
{
    if (count <= ix->capacity / 2)
        return 1;
    size_t capacity = ix->capacity ? ix->capacity * 2 : 16;
    while (capacity / 2 < count)
        capacity *= 2;
    ipart__index_slot *slots = ipart__calloc(capacity, sizeof *slots);
    if (!slots)
        return 0;
    for (size_t i = 0; i < ix->capacity; i++)
        if (ix->slots[i].item)
            put(slots, capacity, ix->slots[i].hash, ix->slots[i].item);
    ipart__free(ix->slots);
    ix->slots = slots;
    ix->capacity = capacity;
    return 1;
}

int ipart__index_add(ipart__index *ix, void *item)
{
    if (!ipart__index_reserve(ix, ix->count + 1))
        return 0;
    put(ix->slots, ix->capacity, ipart__text_hash(key_of(ix, item)), item);
    ix->count++;
    return 1;
}

void ipart__index_remove(ipart__index *ix, const void *item)
{
    size_t mask = ix->capacity - 1;
    size_t hole = (size_t)ipart__text_hash(key_of(ix, item)) & mask;
    while (ix->slots[hole].item != item)
        hole = (hole + 1) & mask;
    /* Backward shift (no tombstones): a later item of the run moves into the
     * hole when the hole lies between its own slot and where it sits. */
    for (size_t at = (hole + 1) & mask; ix->slots[at].item; at = (at + 1) & mask) {
        size_t home = (size_t)ix->slots[at].hash & mask;
        if (((at - home) & mask) >= ((at - hole) & mask)) {
            ix->slots[hole] = ix->slots[at];
            hole = at;
        }
    }
    ix->slots[hole] = (ipart__index_slot){0, NULL};
    ix->count--;
}

void ipart__index_free(ipart__index *ix)
{
    ipart__free(ix->slots);
    ix->slots = NULL;
    ix->capacity = ix->count = 0;
}

/*
 * Private: an index of items by the id each holds (the parties of a
 * partnership), looked up several times for every applied event.
 *
 * Open addressing with linear probing, at most half full, each slot the
 * id's hash and the item: a lookup hashes the id once (FNV-1a, as
 * strset.c), reads one slot and compares the text only on an equal hash.
 * A chained table (uthash) costs a strlen, a hash, a bucket and a handle in
 * every item, and touches three cache lines per lookup.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CORE_INDEX_P_H
#define IPART_CORE_INDEX_P_H

#include <stddef.h>
#include <stdint.h>

typedef struct ipart__index_slot {
    uint64_t hash;
    void *item; /* NULL: empty */
} ipart__index_slot;

typedef struct ipart__index {
    ipart__index_slot *slots;
    size_t capacity; /* 0 or a power of two */
    size_t count;
    size_t key_offset; /* where an item holds its id, a `char *` */
} ipart__index;

/* An empty index of items whose id is the `char *` at `key_offset`. */
#define IPART__INDEX_INIT(key_offset) {NULL, 0, 0, key_offset}

/* The FNV-1a hash of a text (strset.c's and the index's). */
uint64_t ipart__text_hash(const char *s);

/* The item whose id is `key`, or NULL. */
void *ipart__index_find(const ipart__index *ix, const char *key);

/* Room for `count` items in all, so that adding up to that many cannot
 * fail: 0 when out of memory (the index unchanged). */
int ipart__index_reserve(ipart__index *ix, size_t count);

/* Add an item whose id is not in the index yet: 0 when out of memory (the
 * index unchanged). */
int ipart__index_add(ipart__index *ix, void *item);

/* Remove an item that is in the index. */
void ipart__index_remove(ipart__index *ix, const void *item);

void ipart__index_free(ipart__index *ix);

#endif

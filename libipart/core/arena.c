/* Bump allocator. SPDX-License-Identifier: Apache-2.0 */
#include "arena_p.h"
#include "alloc_p.h"

#include <stdalign.h>
#include <stddef.h>
#include <string.h>

struct ipart__arena_chunk {
    ipart__arena_chunk *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

/* The first chunk's size; each new chunk is twice the newest, up to the
 * largest, so that an arena that grows (the log's texts) takes few
 * allocations and wastes little at the chunks' ends. */
enum { CHUNK_SIZE = 2048, LARGEST_CHUNK = 8192 };

static size_t aligned(size_t size)
{
    const size_t align = alignof(max_align_t);
    return (size + align - 1) / align * align;
}

/* The newest chunk with `size` bytes free from its first `align`ed free
 * byte (align: a power of two), at which the bytes are then taken unless
 * `keep`: a new chunk if it has not; NULL when out of memory. */
static unsigned char *take(ipart__arena *a, size_t size, size_t align, int keep)
{
    ipart__arena_chunk *c = a->chunks;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->size || c->size - at < size) {
        size_t data_size = !c                            ? CHUNK_SIZE
                           : c->size >= LARGEST_CHUNK / 2 ? LARGEST_CHUNK
                                                          : 2 * c->size;
        data_size = size > data_size ? size : data_size;
        ipart__arena_chunk *fresh = ipart__malloc(sizeof *fresh + data_size);
        if (!fresh)
            return NULL;
        fresh->next = c;
        fresh->used = 0;
        fresh->size = data_size;
        a->chunks = c = fresh;
        at = 0;
    }
    if (!keep)
        c->used = at + size;
    return c->data + at;
}

void *ipart__arena_alloc(ipart__arena *a, size_t size)
{
    size = aligned(size);
    void *p = take(a, size, alignof(max_align_t), 0);
    if (p)
        memset(p, 0, size);
    return p;
}

int ipart__arena_reserve(ipart__arena *a, size_t size)
{
    return take(a, aligned(size), alignof(max_align_t), 1) != NULL;
}

char *ipart__arena_text(ipart__arena *a, const char *s, size_t n)
{
    char *text = (char *)take(a, n + 1, 1, 0);
    if (text) {
        memcpy(text, s, n);
        text[n] = '\0';
    }
    return text;
}

char *ipart__arena_strdup(ipart__arena *a, const char *s)
{
    return ipart__arena_text(a, s, strlen(s));
}

void ipart__arena_reset(ipart__arena *a)
{
    ipart__arena_chunk *keep = a->chunks;
    if (!keep)
        return;
    a->chunks = keep->next;
    ipart__arena_free(a);
    keep->next = NULL;
    keep->used = 0;
    a->chunks = keep;
}

void ipart__arena_free(ipart__arena *a)
{
    ipart__arena_chunk *c = a->chunks;
    while (c) {
        ipart__arena_chunk *next = c->next;
        ipart__free(c);
        c = next;
    }
    a->chunks = NULL;
}

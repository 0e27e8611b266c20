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

enum { CHUNK_SIZE = 2048 };

static size_t aligned(size_t size)
{
    const size_t align = alignof(max_align_t);
    return (size + align - 1) / align * align;
}

/* The newest chunk with `size` (aligned) bytes free: a new one if it has
 * not; NULL when out of memory. */
static ipart__arena_chunk *room(ipart__arena *a, size_t size)
{
    ipart__arena_chunk *c = a->chunks;
    if (c && c->size - c->used >= size)
        return c;
    size_t data_size = size > CHUNK_SIZE ? size : CHUNK_SIZE;
    c = ipart__malloc(sizeof *c + data_size);
    if (!c)
        return NULL;
    c->next = a->chunks;
    c->used = 0;
    c->size = data_size;
    a->chunks = c;
    return c;
}

void *ipart__arena_alloc(ipart__arena *a, size_t size)
{
    size = aligned(size);
    ipart__arena_chunk *c = room(a, size);
    if (!c)
        return NULL;
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

int ipart__arena_reserve(ipart__arena *a, size_t size)
{
    return room(a, aligned(size)) != NULL;
}

char *ipart__arena_text(ipart__arena *a, const char *s, size_t n)
{
    size_t size = aligned(n + 1);
    ipart__arena_chunk *c = room(a, size);
    if (!c)
        return NULL;
    char *text = (char *)c->data + c->used;
    c->used += size;
    memcpy(text, s, n);
    text[n] = '\0';
    return text;
}

char *ipart__arena_strdup(ipart__arena *a, const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = ipart__arena_alloc(a, n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
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

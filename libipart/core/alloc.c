/* The allocator hook. SPDX-License-Identifier: Apache-2.0 */
#include "alloc_p.h"
#include "error_p.h"
#include "ipart/memory.h"
#include "ipart/sys/alloc.h"

#include <stdlib.h>
#include <string.h>

static void *default_malloc(size_t size, void *ctx)
{
    (void)ctx;
    return malloc(size);
}

static void *default_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void default_free(void *ptr, void *ctx)
{
    (void)ctx;
    free(ptr);
}

static ipart_allocator current = {IPART_ALLOCATOR_VERSION, default_malloc, default_realloc,
                                  default_free, NULL};

ipart_status ipart__set_allocator(const ipart_allocator *allocator)
{
    if (!allocator) {
        current = (ipart_allocator){IPART_ALLOCATOR_VERSION, default_malloc, default_realloc,
                                    default_free, NULL};
        return IPART_OK;
    }
    if (allocator->version != IPART_ALLOCATOR_VERSION)
        return ipart__fail(IPART_EVERSION, "alloc.version",
                           "allocator version %u is not supported (expected %u)",
                           allocator->version, (unsigned)IPART_ALLOCATOR_VERSION);
    if (!allocator->malloc_fn || !allocator->realloc_fn || !allocator->free_fn)
        return ipart__fail(IPART_EINVAL, "alloc.incomplete",
                           "allocator needs malloc_fn, realloc_fn and free_fn");
    current = *allocator;
    return IPART_OK;
}

void *ipart__malloc(size_t size)
{
    return current.malloc_fn(size ? size : 1, current.ctx);
}

void *ipart__calloc(size_t count, size_t size)
{
    if (size && count > (size_t)-1 / size)
        return NULL;
    size_t bytes = count * size;
    void *p = ipart__malloc(bytes);
    if (p && bytes)
        memset(p, 0, bytes);
    return p;
}

void *ipart__realloc(void *ptr, size_t size)
{
    return current.realloc_fn(ptr, size ? size : 1, current.ctx);
}

void ipart__free(void *ptr)
{
    if (ptr)
        current.free_fn(ptr, current.ctx);
}

void ipart_free(void *ptr)
{
    ipart__free(ptr);
}

char *ipart__strndup(const char *s, size_t n)
{
    char *copy = ipart__malloc(n + 1);
    if (copy) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

char *ipart__strdup(const char *s)
{
    return ipart__strndup(s, strlen(s));
}

/** @file
 * libipart - allocator hook ("systems API": stable only within a minor
 * release, like libgit2's git2/sys headers).
 *
 * C-only: function pointers have no meaning across the Python and Java
 * bindings, whose runtimes own their memory; those bindings always use the
 * default allocator.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_SYS_ALLOC_H
#define IPART_SYS_ALLOC_H

#include "../common.h"
#include "../errors.h"

/** The version of ipart_allocator this header describes; set it in ipart_allocator.version. */
#define IPART_ALLOCATOR_VERSION 1

/**
 * A replacement for malloc/realloc/free. Every allocation libipart makes,
 * including those of its internal hash tables and of cJSON, goes through
 * it. While one is installed, cJSON's global hooks (cJSON_InitHooks) point
 * at it, so other cJSON users in the process allocate through it too;
 * ipart_set_allocator(NULL) gives cJSON back its defaults. The
 * functions must behave like their C counterparts: malloc_fn and
 * realloc_fn return NULL when out of memory (libipart then fails with
 * IPART_ENOMEM and leaves its objects unchanged; it never aborts).
 */
typedef struct ipart_allocator {
    unsigned int version;                               /**< IPART_ALLOCATOR_VERSION */
    void *(*malloc_fn)(size_t size, void *ctx);         /**< as malloc(); NULL when out of memory */
    void *(*realloc_fn)(void *ptr, size_t size, void *ctx); /**< as realloc(); NULL leaves ptr intact */
    void (*free_fn)(void *ptr, void *ctx);              /**< as free(); NULL is a no-op */
    void *ctx;                                          /**< passed to every call */
} ipart_allocator;

IPART_BEGIN_DECL

/**
 * Install an allocator, or restore the C library's with NULL. The struct is
 * copied. Call it before any other libipart call and before creating any
 * object: memory must be freed by the allocator that made it. Not
 * thread-safe (it sets process-wide state, the only such state besides the
 * thread-local error detail).
 *
 * @return IPART_OK; IPART_EVERSION if allocator->version is not
 *         IPART_ALLOCATOR_VERSION; IPART_EINVAL if a function pointer is NULL.
 */
IPART_API ipart_status ipart_set_allocator(const ipart_allocator *allocator);

IPART_END_DECL

#endif /* IPART_SYS_ALLOC_H */

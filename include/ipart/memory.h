/** @file
 * libipart - releasing memory the library hands to the caller.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MEMORY_H
#define IPART_MEMORY_H

#include "common.h"

IPART_BEGIN_DECL

/**
 * Release a buffer returned through a `char **out` parameter (strings,
 * JSON documents). Always use this, never free(): the library may run on
 * a custom allocator (ipart/sys/alloc.h). NULL is a no-op. Thread-safe.
 */
IPART_API void ipart_free(void *ptr);

IPART_END_DECL

#endif /* IPART_MEMORY_H */

/* Private: every allocation of libipart goes through these.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_CORE_ALLOC_P_H
#define IPART_CORE_ALLOC_P_H

#include <stddef.h>

#include "ipart/sys/alloc.h"

/* ipart_set_allocator() for the core: the public function (io/json_memory.c)
 * also routes cJSON, which the core may not include. */
ipart_status ipart__set_allocator(const ipart_allocator *allocator);

void *ipart__malloc(size_t size);
void *ipart__calloc(size_t count, size_t size); /* zeroed; NULL on overflow of count*size */
void *ipart__realloc(void *ptr, size_t size);
void ipart__free(void *ptr);
char *ipart__strdup(const char *s);
char *ipart__strndup(const char *s, size_t n);

#endif

/*
 * Private: the only way libipart includes uthash.
 *
 * uthash's default out-of-memory handler calls exit(-1), which would kill
 * the host process (a Python interpreter, a JVM, a web server). Here it
 * allocates through the libipart allocator and runs in non-fatal mode:
 * a failed HASH_ADD leaves the table unchanged and sets the flag named by
 * IPART_HASH_OOM_FLAG, which the caller declares and checks:
 *
 *     int ipart_hash_oom = 0;
 *     HASH_ADD_KEYPTR(hh, table, item->id, strlen(item->id), item);
 *     if (ipart_hash_oom) { ipart__free(item); return ipart__fail_nomem(); }
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CORE_HASH_P_H
#define IPART_CORE_HASH_P_H

#ifdef UTHASH_H
#  error "include libipart/core/hash_p.h instead of uthash.h"
#endif

#include "alloc_p.h"

#define uthash_malloc(sz) ipart__malloc(sz)
#define uthash_free(ptr, sz) ipart__free(ptr)
#define HASH_NONFATAL_OOM 1
#define uthash_nonfatal_oom(obj) (ipart_hash_oom = 1)

#include <uthash.h>

#endif

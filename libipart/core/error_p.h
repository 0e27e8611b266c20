/* Private: setting the thread-local error detail. SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_CORE_ERROR_P_H
#define IPART_CORE_ERROR_P_H

#include "ipart/errors.h"

#if defined(__GNUC__) || defined(__clang__)
#  define IPART__PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#  define IPART__PRINTF(fmt_index, first_arg)
#endif

/*
 * Record a failure and return its code, so that a guard reads
 *     return ipart__fail(IPART_EINVAL, "date.parse.syntax", "...", ...);
 * The strings are copied into fixed thread-local buffers (no allocation,
 * so this works when reporting IPART_ENOMEM); overlong text is truncated.
 * The rule, source and path are cleared.
 */
ipart_status ipart__fail(ipart_status code, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

/* As ipart__fail, and also name the rule (R1..R49), its legal source and
 * the JSON path or field concerned ("" or NULL for none). */
ipart_status ipart__fail_rule(ipart_status code, const char *rule, const char *source,
                              const char *path, const char *key, const char *fmt, ...)
    IPART__PRINTF(6, 7);

/* Set or replace the path of the current error (e.g. prefix a field name
 * with the JSON path of its object once the caller knows it). */
void ipart__error_set_path(const char *path);

/* IPART_ENOMEM with a standard message. */
ipart_status ipart__fail_nomem(void);

/* IPART_EMISUSE for a NULL required argument. */
ipart_status ipart__fail_null(const char *function, const char *argument);

#endif

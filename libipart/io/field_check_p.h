/*
 * Private: the checks of one field's value that the JSON reader
 * (io/codec.c) and the event builder (io/event_build.c) share, so that a
 * value refused by one is refused by the other with the same error (code,
 * key, path and message).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_FIELD_CHECK_P_H
#define IPART_IO_FIELD_CHECK_P_H

#include <stddef.h>
#include <stdint.h>

#include "core/error_p.h"
#include "model/event_spec_p.h"

/* The longest string a field may hold (doc/events.md). */
#define IPART__MAX_STRING 65536u
/* The most events a document or batch may hold, and the highest event index
 * a consent item may name. */
#define IPART__MAX_EVENTS 1000000u

/* IPART_EINVAL for a value of the wrong shape at the JSON path `at`:
 * "<at>: <detail>", with the path set. */
ipart_status ipart__shape_error_at(const char *at, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

/* A value refused by a core parser (date, money, currency): keep its key and
 * message, prefix the message with `at` and set the path. The code stays
 * IPART_ECURRENCY or IPART_EOVERFLOW, IPART_ENOMEM is passed through, and
 * any other becomes IPART_EINVAL (IPART_EPARSE is JSON syntax). */
ipart_status ipart__value_error_at(ipart_status rc, const char *at);

/* What a field of `kind` holds, as the errors name it ("an id string"). */
const char *ipart__kind_expected(field_kind kind);

/* NULL when `s` is acceptable for a string field (`is_id`: an id); else the
 * error key, with the message's detail written into `detail` (unless it
 * is NULL: the streaming decoder only asks whether it may take the value). */
const char *ipart__string_fault(const char *s, int is_id, char *detail, size_t size);

/* The index of `name` in the NULL-terminated `names`, or -1. */
int ipart__enum_index(const char *const *names, const char *name);

/* 1 and *out = v when the JSON number v is an integer in [min, max]; 0 otherwise. */
int ipart__integer_value(int64_t *out, double v, int64_t min, int64_t max);

/* "one of \"a\", \"b\"": what an enumerated field accepts. */
void ipart__enum_expected(char *out, size_t size, const char *const *names);

/* "expected an integer from <min> to <max>". */
void ipart__int_range_detail(char *out, size_t size, int64_t min, int64_t max);

#endif

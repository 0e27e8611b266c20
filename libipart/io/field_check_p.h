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
 * "<at>: <detail>" in every language, `fmt` an English msgid of `key`
 * (core/refusals.c), with the path set. */
ipart_status ipart__shape_error_at(const char *at, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

/* The same with the detail already in every language (`t` is prefixed). */
ipart_status ipart__shape_text_at(const char *at, const char *key, ipart__text *t);

/* "expected <expected>, got <got>" at `at`, each in every language. */
ipart_status ipart__wrong_type_at(const char *at, const ipart__text *expected,
                                  const ipart__text *got);

/* A value refused by a core parser (date, money, currency): keep its key and
 * message, prefix the message with `at` and set the path. The code stays
 * IPART_ECURRENCY or IPART_EOVERFLOW, IPART_ENOMEM is passed through, and
 * any other becomes IPART_EINVAL (IPART_EPARSE is JSON syntax). */
ipart_status ipart__value_error_at(ipart_status rc, const char *at);

/* What a field of `kind` holds, as the errors name it ("an id string"), in
 * `lang` (IPART__EN, IPART__NB); static. */
const char *ipart__kind_expected(field_kind kind, int lang);

/* The same in every language. */
void ipart__kind_text(ipart__text *out, field_kind kind);

/* What a field holds in every language: its enum's names, else its kind. */
void ipart__field_expected(ipart__text *out, const field_spec *f);

/* NULL when `s` is acceptable for a string field (`is_id`: an id); else the
 * error key, with the message's detail in every language written into
 * `detail` (unless it is NULL: the streaming decoder only asks whether it
 * may take the value). */
const char *ipart__string_fault(const char *s, int is_id, ipart__text *detail);

/* The same for `s` of `n` bytes already counted (s[n] is its NUL). */
const char *ipart__string_fault_n(const char *s, size_t n, int is_id, ipart__text *detail);

/* 1 when ipart__string_fault_n(s, n, is_id, NULL) is NULL, sooner: an
 * id's bytes are ASCII, so only its id check is run, and a string's UTF-8
 * check is left out when `ascii` says its bytes are all below 0x80 (the
 * streaming decoder saw them in its text). */
int ipart__string_accepted(const char *s, size_t n, int is_id, int ascii);

/* The index of `name` in the NULL-terminated `names`, or -1. */
int ipart__enum_index(const char *const *names, const char *name);

/* 1 and *out = v when the JSON number v is an integer in [min, max]; 0 otherwise. */
int ipart__integer_value(int64_t *out, double v, int64_t min, int64_t max);

/* "one of \"a\", \"b\"" in every language: what an enumerated field accepts. */
void ipart__enum_expected(ipart__text *out, const char *const *names);

/* "expected an integer from <min> to <max>" at `at`. */
ipart_status ipart__int_range_error_at(const char *at, int64_t min, int64_t max);

#endif

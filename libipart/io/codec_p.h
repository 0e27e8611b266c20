/* Private: JSON <-> typed events. cJSON never leaves the io layer.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_IO_CODEC_P_H
#define IPART_IO_CODEC_P_H

#include <cjson/cJSON.h>

#include "core/strbuf_p.h"
#include "ipart/errors.h"
#include "model/event_spec_p.h"

/* Limits on untrusted input (doc/events.md). */
#define IPART__MAX_DEPTH 32
#define IPART__MAX_EVENTS 1000000u
#define IPART__MAX_STRING 65536u

/*
 * Parse JSON text strictly: its size and ipart__json_prescan() first
 * (io/json_p.h: IPART_ERANGE, NUL in strings, BOM), then syntax
 * (IPART_EPARSE with the byte offset; IPART_ENOMEM when cJSON ran out of
 * memory), duplicate keys anywhere (IPART_EINVAL with the path, found in
 * linear time).
 * `path` prefixes reported paths ("$" or "$.events[3]").
 */
ipart_status ipart__json_parse(cJSON **out, const char *text, size_t length, const char *path);

/*
 * Decode the common fields (type, date, actor) of an event object into
 * out->event, in out->arena, which starts as *spare (an empty or reset
 * arena, handed over once the type is known: *spare is left empty). On a
 * failure after that the arena is freed; before it, *spare is untouched.
 */
ipart_status ipart__event_decode_header(ipart__decoded *out, const cJSON *json, const char *path,
                                        ipart__arena *spare);

/*
 * Decode the payload of an event whose header is decoded, checking every
 * field's presence and type, rejecting unknown fields. Money fields are in
 * `currency`. On failure the arena is freed.
 */
ipart_status ipart__event_decode_body(ipart__decoded *out, const cJSON *json, const char *path,
                                      const char *currency);

/* ---- shared by the cJSON decoder (codec.c) and the streaming one
 * (json_stream.c), so that both accept exactly the same values ---------- */

/* The first check a decoded string value fails, in the order they run. */
typedef enum ipart__string_check {
    IPART__STRING_OK,
    IPART__STRING_TOO_LONG, /* longer than IPART__MAX_STRING bytes */
    IPART__STRING_UTF8,     /* not valid UTF-8 */
    IPART__STRING_NOT_ID    /* is_id and not 1-64 of A-Z a-z 0-9 . _ - */
} ipart__string_check;
ipart__string_check ipart__check_string(const char *s, int is_id);

/* 1 and *out = v when the JSON number v is an integer in [min, max]; 0 otherwise. */
int ipart__integer_value(int64_t *out, double v, int64_t min, int64_t max);

/* The index of `name` in the NULL-ended `names`, or -1. */
int ipart__enum_index(const char *const *names, const char *name);

/* The event type named `name` (ipart__event_type), or -1. */
int ipart__event_type_index(const char *name);

/* The header fields after "type": date and actor, into an ipart__event. */
extern const object_spec ipart__header_spec;

/* The consent item, laid out as the consent fields of event_p.h from
 * `blanket` on: a string (blanket) or {"event": n, "field": "..."}. */
typedef struct ipart__item_ref {
    int blanket;
    const char *blanket_text;
    int64_t item_event;
    const char *item_field;
} ipart__item_ref;
extern const object_spec ipart__item_ref_spec;

/* Money in an event's payload is in the case's currency, except in
 * partnership_created, which names it. */
static inline const char *ipart__body_currency(ipart__event_type type, const char *case_currency)
{
    return type == IPART__EV_PARTNERSHIP_CREATED ? "" : case_currency;
}

#endif

/* Private: JSON <-> typed events. cJSON never leaves the io layer.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_IO_CODEC_P_H
#define IPART_IO_CODEC_P_H

#include <cjson/cJSON.h>

#include "core/strbuf_p.h"
#include "ipart/errors.h"
#include "io/field_check_p.h"
#include "model/event_spec_p.h"

/* Limits on untrusted input (doc/events.md). */
#define IPART__MAX_DEPTH 32
/* IPART__MAX_EVENTS and IPART__MAX_STRING: io/field_check_p.h */

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
 * (json_stream.c), so that both accept exactly the same values; the value
 * checks themselves are io/field_check_p.h's (the event builder's too) --- */

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

#endif

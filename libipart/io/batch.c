/*
 * A batch decoded ahead (batch_p.h). A batch whose text the cJSON path
 * refuses must apply nothing, so no event may be applied before the whole
 * text is known good. Rather than prove the text first in a pass of its
 * own (ipart__json_accepts_array) and decode it in a second, every event
 * is decoded once, ahead, into one arena for the batch, while the array
 * around the events is checked here; only when all of it is read are the
 * decoded events applied. Anything not read here (a declined event, other
 * white space, a BOM, too many values, the size limit) is left to the
 * paths that ran before (io/document.c), which then decide.
 *
 * Why a taken batch is what ipart__json_parse() reads: each event is taken
 * only when the cJSON path reads its text alone to the same event
 * (json_stream_p.h); around them only '[', ',' , ']' and ' ' \n \r \t are
 * taken, which cJSON, the pre-scan and the trailing-text check all read as
 * they are; the text is a C string (no NUL inside); the events' specs nest
 * at most 31 levels under the array (checked by test_stream.c), so the
 * pre-scan's depth limit of 32 holds; duplicate keys are refused per
 * object, inside the events.
 *
 * What the decoder reads of the state: only the case's currency (money
 * fields), which partnership_created sets when it is applied
 * (created_commit, model/handlers_preparation.c). Each event is decoded in
 * the currency the case will have when it is applied: that of `p`, then
 * that of the batch's last partnership_created before it. Application
 * stops at the first refusal, so an event decoded in a currency that an
 * earlier event of the batch set is applied only if that event was.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "io/batch_p.h"

#include <stddef.h>
#include <string.h>

#include "core/error_p.h"
#include "io/document_p.h"
#include "io/codec_p.h"
#include "io/json_p.h"
#include "model/event_spec_p.h"

/* One event decoded ahead, in the batch's arena, in text order: only the
 * bytes its decoding may write (event_extent), the rest of its
 * ipart__event being zero, so that a batch holds little more than its text
 * and stays in cache. */
struct ipart__ahead_event {
    struct ipart__ahead_event *next;
    size_t bytes;
    unsigned char event[]; /* copied out whole before it is read */
};

/* The bytes of the field `f`'s value at its offset (every kind listed:
 * a new kind without its size is a -Wswitch warning). */
static size_t value_size(const field_spec *f)
{
    switch (f->kind) {
    case FK_ID:
    case FK_STRING:
    case FK_CURRENCY: return sizeof(const char *);
    case FK_DATE: return sizeof(ipart_date);
    case FK_MONEY: return sizeof(ipart_money);
    case FK_BOOL:
    case FK_ENUM: return sizeof(int);
    case FK_INT: return sizeof(int64_t);
    case FK_OBJECT: return f->object->size;
    case FK_ARRAY:
    case FK_ID_ARRAY: return sizeof(ipart__array);
    case FK_ITEM_REF: return sizeof(ipart__item_ref);
    }
    return sizeof(ipart__event); /* not a kind: keep the whole event */
}

size_t ipart__event_extent(ipart__event_type type)
{
    const object_spec *body = &ipart__event_bodies[type];
    size_t end = offsetof(ipart__event, as); /* the header */
    for (size_t i = 0; i < body->count; i++) {
        const field_spec *f = &body->fields[i];
        size_t value = f->offset + value_size(f);
        size_t has = f->has_offset == NO_HAS ? 0 : (size_t)f->has_offset + sizeof(int);
        end = value > end ? value : end;
        end = has > end ? has : end;
    }
    return end;
}

/* Past ' ', \n, \r and \t only: the white space every reader of the text
 * around the events agrees on (cJSON takes any byte up to 32). */
static const char *skip_white(const char *at)
{
    while (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t')
        at++;
    return at;
}

/* The currency after `ev` is applied, as created_commit sets it. */
static void currency_after(ipart__ahead *a, const ipart__event *ev)
{
    if (ev->type == IPART__EV_PARTNERSHIP_CREATED)
        memcpy(a->currency, ev->as.created.currency, sizeof a->currency);
}

void ipart__ahead_start(ipart__ahead *a, const ipart_partnership *p)
{
    memset(a, 0, sizeof *a);
    a->arena = (ipart__arena)IPART__ARENA_INIT;
    a->last = &a->first;
    memcpy(a->currency, p->currency, sizeof a->currency);
}

void ipart__ahead_end(ipart__ahead *a)
{
    ipart__arena_free(&a->arena);
}

ipart__stream_result ipart__ahead_keep(ipart__ahead *a, const ipart__event *decoded)
{
    size_t *bytes_of = &a->extent[decoded->type];
    size_t bytes = *bytes_of ? *bytes_of : (*bytes_of = ipart__event_extent(decoded->type));
    ipart__ahead_event *e = ipart__arena_alloc(&a->arena, sizeof *e + bytes);
    if (!e) {
        ipart__fail_nomem();
        return IPART__STREAM_NOMEM;
    }
    e->bytes = bytes;
    memcpy(e->event, decoded, bytes);
    *a->last = e;
    a->last = &e->next;
    a->count++;
    currency_after(a, decoded);
    return IPART__STREAM_TAKEN;
}

/* The event object at `at` decoded (in *scratch) and kept as a new element
 * of a; *used its bytes. */
static ipart__stream_result decode_one(ipart__ahead *a, ipart__event *scratch, const char *at,
                                       const char *end, size_t *used)
{
    if (*at != '{' || a->count == IPART__MAX_EVENTS)
        return IPART__STREAM_DECLINED;
    ipart__stream_result read =
        ipart__stream_event_ahead(scratch, &a->arena, a->currency, at, (size_t)(end - at), used);
    return read == IPART__STREAM_TAKEN ? ipart__ahead_keep(a, scratch) : read;
}

/* `[` events `]` and white space, the whole text, each event decoded. */
static ipart__stream_result decode_all(ipart__ahead *a, const char *text, size_t length)
{
    const char *end = text + length, *at = skip_white(text);
    ipart__event scratch;
    if (length > IPART__MAX_INPUT_BYTES || *at != '[')
        return IPART__STREAM_DECLINED;
    at = skip_white(at + 1);
    if (*at != ']') {
        for (;;) {
            size_t used = 0;
            ipart__stream_result read = decode_one(a, &scratch, at, end, &used);
            if (read != IPART__STREAM_TAKEN)
                return read;
            at = skip_white(at + used);
            if (*at != ',')
                break;
            at = skip_white(at + 1);
        }
    }
    return *at == ']' && skip_white(at + 1) == end ? IPART__STREAM_TAKEN : IPART__STREAM_DECLINED;
}

/* The body step of an event decoded ahead: its payload is decoded, its
 * strings and arrays are in the batch's arena, which goes with the batch:
 * borrowed, so what the state keeps of them is copied. */
static ipart_status body_ahead(ipart__decoded *d, const char *currency, const void *ctx)
{
    (void)currency;
    (void)ctx;
    d->borrowed = 1;
    return IPART_OK;
}

/* The decoded events in order, as apply_accepted_batch (io/document.c),
 * each copied whole into `ev` first: the bytes kept, zeros after them. */
ipart_status ipart__ahead_apply(ipart_partnership *p, const ipart__ahead *a)
{
    ipart_status rc = IPART_OK;
    size_t index = 0, written = sizeof(ipart__event);
    ipart__event ev;
    for (const ipart__ahead_event *e = a->first; rc == IPART_OK && e; e = e->next) {
        memcpy(&ev, e->event, e->bytes);
        if (written > e->bytes)
            memset((unsigned char *)&ev + e->bytes, 0, written - e->bytes);
        written = e->bytes;
        char path[64];
        ipart__event_path(path, "$", index++);
        ipart__decoded d; /* d.event stays unset: the event is read from `ev` */
        d.arena = p->decoding;
        d.borrowed = 0; /* until body_ahead */
        p->decoding = (ipart__arena)IPART__ARENA_INIT;
        rc = ipart__apply_guarded_at(p, &ev, &d, path, body_ahead, NULL);
    }
    ipart__replay_finish(p);
    return rc;
}

ipart__stream_result ipart__apply_ahead(ipart_partnership *p, const char *text, size_t length,
                                        ipart_status *rc)
{
    ipart__ahead a;
    ipart__ahead_start(&a, p);
    ipart__stream_result decoded = decode_all(&a, text, length);
    if (decoded == IPART__STREAM_TAKEN)
        *rc = ipart__ahead_apply(p, &a);
    ipart__ahead_end(&a);
    return decoded;
}

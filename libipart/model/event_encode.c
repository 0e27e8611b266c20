/*
 * The canonical JSON of an event: fields in the order of its spec,
 * canonical money and dates (event_spec_p.h).
 *
 * It is written for every event applied or loaded, so it writes into the
 * buffer's room directly (ipart__strbuf_room) where a piece's size is known
 * or bounded: the separator and key of a field in one reservation, the
 * punctuation and literals inline; strings, dates and numbers through the
 * strbuf's writers.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/event_spec_p.h"

#include <string.h>

/* ---- canonical encoding ------------------------------------------------------ */

static void encode_object(ipart__strbuf *b, const object_spec *spec, const void *base, int first);

static void encode_value(ipart__strbuf *b, const field_spec *f, const void *at)
{
    switch (f->kind) {
    case FK_ID:
    case FK_STRING:
    case FK_CURRENCY:
        ipart__strbuf_json_string(b, *(const char *const *)at);
        break;
    case FK_DATE:
        ipart__strbuf_json_date(b, *(const ipart_date *)at);
        break;
    case FK_MONEY:
        ipart__strbuf_json_money(b, *(const ipart_money *)at);
        break;
    case FK_BOOL:
        if (*(const int *)at)
            ipart__strbuf_add(b, "true", 4);
        else
            ipart__strbuf_add(b, "false", 5);
        break;
    case FK_INT:
        ipart__strbuf_int(b, *(const int64_t *)at);
        break;
    case FK_ENUM:
        ipart__strbuf_json_plain(b, f->names[*(const int *)at]);
        break;
    case FK_OBJECT:
        ipart__strbuf_add(b, "{", 1);
        encode_object(b, f->object, at, 1);
        ipart__strbuf_add(b, "}", 1);
        break;
    case FK_ARRAY: {
        const ipart__array *arr = at;
        ipart__strbuf_add(b, "[", 1);
        for (size_t i = 0; i < arr->count; i++) {
            ipart__strbuf_add(b, i ? ",{" : "{", i ? 2 : 1);
            encode_object(b, f->object, (const unsigned char *)arr->items + i * f->object->size, 1);
            ipart__strbuf_add(b, "}", 1);
        }
        ipart__strbuf_add(b, "]", 1);
        break;
    }
    case FK_ID_ARRAY: {
        const ipart__array *arr = at;
        const char *const *ids = arr->items;
        ipart__strbuf_add(b, "[", 1);
        for (size_t i = 0; i < arr->count; i++) {
            if (i)
                ipart__strbuf_add(b, ",", 1);
            ipart__strbuf_json_string(b, ids[i]);
        }
        ipart__strbuf_add(b, "]", 1);
        break;
    }
    case FK_ITEM_REF: {
        const ipart__event *ev = (const ipart__event *)((const unsigned char *)at -
                                                        offsetof(ipart__event, as.consent));
        if (ev->as.consent.blanket) {
            ipart__strbuf_json_string(b, ev->as.consent.blanket_text);
        } else {
            ipart__strbuf_printf(b, "{\"event\":%lld", (long long)ev->as.consent.item_event);
            if (ev->as.consent.item_field) {
                ipart__strbuf_puts(b, ",\"field\":");
                ipart__strbuf_json_string(b, ev->as.consent.item_field);
            }
            ipart__strbuf_add(b, "}", 1);
        }
        break;
    }
    }
}

static int field_present(const field_spec *f, const void *base)
{
    const unsigned char *at = (const unsigned char *)base + f->offset;
    if (f->has_offset != NO_HAS)
        return *(const int *)((const unsigned char *)base + f->has_offset);
    if ((!f->required || f->nullable) && (f->kind == FK_STRING || f->kind == FK_ID))
        return *(const char *const *)at != NULL;
    return 1;
}

/* `,"name":` (`"name":` for the first member) in one reservation: the
 * library's own field names need no escape (test_strbuf checks them). */
static void encode_key(ipart__strbuf *b, const field_spec *f, int first)
{
    const char *name = f->name;
    size_t n = f->name_length;
    if (!ipart__strbuf_room(b, n + 4))
        return;
    char *at = b->data + b->len;
    if (!first)
        *at++ = ',';
    *at++ = '"';
    memcpy(at, name, n);
    memcpy(at + n, "\":", 2);
    b->len = (size_t)(at + n + 2 - b->data);
    b->data[b->len] = '\0';
}

static void encode_object(ipart__strbuf *b, const object_spec *spec, const void *base, int first)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        int present = field_present(f, base);
        if (!present && !f->nullable)
            continue;
        encode_key(b, f, first);
        first = 0;
        if (present)
            encode_value(b, f, (const unsigned char *)base + f->offset);
        else
            ipart__strbuf_add(b, "null", 4);
    }
}

void ipart__event_encode(ipart__strbuf *b, const ipart__event *event)
{
    static const char type_key[] = "{\"type\":", date_key[] = ",\"date\":",
                      actor_key[] = ",\"actor\":";
    ipart__strbuf_add(b, type_key, sizeof type_key - 1);
    ipart__strbuf_json_plain(b, ipart__event_type_name(event->type));
    ipart__strbuf_add(b, date_key, sizeof date_key - 1);
    ipart__strbuf_json_date(b, event->date);
    ipart__strbuf_add(b, actor_key, sizeof actor_key - 1);
    ipart__strbuf_json_string(b, event->actor);
    encode_object(b, &ipart__event_bodies[event->type], event, 0);
    ipart__strbuf_add(b, "}", 1);
}

/*
 * The canonical JSON of an event: fields in the order of its spec,
 * canonical money and dates (event_spec_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/event_spec_p.h"


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
        ipart__strbuf_puts(b, *(const int *)at ? "true" : "false");
        break;
    case FK_INT:
        ipart__strbuf_int(b, *(const int64_t *)at);
        break;
    case FK_ENUM:
        ipart__strbuf_json_plain(b, f->names[*(const int *)at]);
        break;
    case FK_OBJECT:
        ipart__strbuf_putc(b, '{');
        encode_object(b, f->object, at, 1);
        ipart__strbuf_putc(b, '}');
        break;
    case FK_ARRAY: {
        const ipart__array *arr = at;
        ipart__strbuf_putc(b, '[');
        for (size_t i = 0; i < arr->count; i++) {
            if (i)
                ipart__strbuf_putc(b, ',');
            ipart__strbuf_putc(b, '{');
            encode_object(b, f->object, (const unsigned char *)arr->items + i * f->object->size, 1);
            ipart__strbuf_putc(b, '}');
        }
        ipart__strbuf_putc(b, ']');
        break;
    }
    case FK_ID_ARRAY: {
        const ipart__array *arr = at;
        const char *const *ids = arr->items;
        ipart__strbuf_putc(b, '[');
        for (size_t i = 0; i < arr->count; i++) {
            if (i)
                ipart__strbuf_putc(b, ',');
            ipart__strbuf_json_string(b, ids[i]);
        }
        ipart__strbuf_putc(b, ']');
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
            ipart__strbuf_putc(b, '}');
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

static void encode_object(ipart__strbuf *b, const object_spec *spec, const void *base, int first)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        int present = field_present(f, base);
        if (!present && !f->nullable)
            continue;
        if (!first)
            ipart__strbuf_putc(b, ',');
        first = 0;
        ipart__strbuf_json_key(b, f->name);
        if (present)
            encode_value(b, f, (const unsigned char *)base + f->offset);
        else
            ipart__strbuf_puts(b, "null");
    }
}

void ipart__event_encode(ipart__strbuf *b, const ipart__event *event)
{
    ipart__strbuf_puts(b, "{\"type\":");
    ipart__strbuf_json_plain(b, ipart__event_type_name(event->type));
    ipart__strbuf_puts(b, ",\"date\":");
    ipart__strbuf_json_date(b, event->date);
    ipart__strbuf_puts(b, ",\"actor\":");
    ipart__strbuf_json_string(b, event->actor);
    encode_object(b, &ipart__event_bodies[event->type], event, 0);
    ipart__strbuf_putc(b, '}');
}

/*
 * The streaming decoder (json_stream_p.h): JSON text straight into typed
 * events, one pass, no tree. Its grammar is cJSON's (1.7), quirks included,
 * because it must accept exactly what the cJSON path accepts:
 *   - white space between tokens is any byte up to 32;
 *   - a number is the longest run (at most 63 bytes) of 0-9 + - e E . given
 *     to strtod with '.' as the locale's decimal point, and ends where
 *     strtod stops (a run of at most 15 digits, '-' before it or not, is
 *     read without strtod: the same double);
 *   - escapes are \b \f \n \r \t \" \\ \/ and \uXXXX with surrogate pairs;
 *     a \u sequence that decodes to U+0000 (cJSON then cuts the string) is
 *     left to the cJSON path, as is every string or key holding one;
 *   - after the top-level value only ' ', \n, \r and \t (io/codec.c).
 * What it checks beyond the grammar (known, unique and required keys,
 * types, values) comes from the field specs and codec_p.h's checks, the
 * ones the cJSON decoder runs.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "io/json_stream_p.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strset_p.h"
#include "io/codec_p.h"
#include "io/document_p.h"
#include "io/json_p.h"
#include "io/json_word_p.h"

typedef struct reader {
    const unsigned char *at, *end;
    ipart__arena *arena;  /* of the event being decoded */
    const char *currency; /* of its money fields */
    int nomem;            /* an allocation failed: the answer is IPART__STREAM_NOMEM */
} reader;

/* Keys longer than this (decoded) name no field: the text is left to cJSON. */
#define KEY_MAX 64

/* ---- tokens ---------------------------------------------------------------- */

static void skip_space(reader *r)
{
    while (r->at < r->end && *r->at <= 32)
        r->at++;
}

static int peek(reader *r, unsigned char c)
{
    skip_space(r);
    return r->at < r->end && *r->at == c;
}

static int take(reader *r, unsigned char c)
{
    if (!peek(r, c))
        return 0;
    r->at++;
    return 1;
}

static int take_word(reader *r, const char *word, size_t n)
{
    skip_space(r);
    if ((size_t)(r->end - r->at) < n || memcmp(r->at, word, n) != 0)
        return 0;
    r->at += n;
    return 1;
}

static int read_bool(reader *r, int *out)
{
    if (take_word(r, "true", 4))
        return *out = 1;
    *out = 0;
    return take_word(r, "false", 5);
}

/* The byte may be part of a number's text as cJSON collects it. */
static int number_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'e' || c == 'E' || c == '.';
}

/* A plain integer of up to 15 digits, optionally negative, that no other
 * number byte follows: what strtod would read from the collected text,
 * exactly (every such integer is a double), without it. */
static int read_plain_integer(reader *r, double *out)
{
    const unsigned char *p = r->at + (*r->at == '-'), *digits = p;
    int64_t v = 0;
    while (p < r->end && p - digits < 16 && *p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    if (p == digits || p - digits > 15 || (p < r->end && number_byte(*p)))
        return 0;
    *out = *r->at == '-' ? -(double)v : (double)v;
    r->at = p;
    return 1;
}

static int read_number(reader *r, double *out)
{
    skip_space(r);
    if (r->at >= r->end || !(*r->at == '-' || (*r->at >= '0' && *r->at <= '9')))
        return 0;
    if (read_plain_integer(r, out))
        return 1;
    char digits[64];
    size_t n = 0;
    for (; n < sizeof digits - 1 && r->at + n < r->end; n++) {
        unsigned char c = r->at[n];
        if (c == '.')
            c = (unsigned char)localeconv()->decimal_point[0];
        else if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'e' || c == 'E'))
            break;
        digits[n] = (char)c;
    }
    digits[n] = '\0';
    char *after = NULL;
    *out = strtod(digits, &after);
    if (after == digits)
        return 0;
    r->at += after - digits;
    return 1;
}

/* ---- strings --------------------------------------------------------------- */

static unsigned hex4(const unsigned char *s)
{
    unsigned h = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = s[i];
        unsigned digit = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                         : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                         : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                                : 16u;
        if (digit == 16)
            return 0; /* as cJSON: an invalid digit makes U+0000 */
        h = h << 4 | digit;
    }
    return h;
}

size_t ipart__json_unicode_escape(const unsigned char *in, const unsigned char *stop,
                                  unsigned char **out)
{
    if (stop - in < 6)
        return 0;
    unsigned long cp = hex4(in + 2);
    size_t used = 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (stop - in < 12 || in[6] != '\\' || in[7] != 'u')
            return 0;
        unsigned long low = hex4(in + 8);
        if (low < 0xDC00 || low > 0xDFFF)
            return 0;
        cp = 0x10000 + (((cp & 0x3FF) << 10) | (low & 0x3FF));
        used = 12;
    }
    if (cp == 0)
        return 0;
    unsigned char *o = *out;
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xC0 | cp >> 6);
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xE0 | cp >> 12);
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (unsigned char)(0xF0 | cp >> 18);
        *o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *out = o;
    return used;
}

/* The body of a string as it stands in the text, between its quotes. */
typedef struct span {
    const unsigned char *start, *stop;
    int escaped; /* holds a backslash: unescape it; otherwise it is its own value */
} span;

/* The closing quote of the string whose body starts at `p`, or `end` when
 * it never ends; *escaped set when it holds a backslash (the byte after
 * one is escaped, whatever it is). */
static inline const unsigned char *string_close(const unsigned char *p, const unsigned char *end,
                                         int *escaped)
{
    while ((p = ipart__json_string_stop(p, end, 0)) < end && *p != '"') {
        *escaped = 1;
        if (end - p < 2)
            return end;
        p += 2;
    }
    return p;
}

/* The string whose opening quote is at r->at, r->at moved past its closing
 * quote. 0 if it is not a string or never ends. */
static inline int string_span(reader *r, span *out)
{
    skip_space(r);
    if (r->at >= r->end || *r->at != '"')
        return 0;
    int escaped = 0;
    const unsigned char *p = string_close(r->at + 1, r->end, &escaped);
    if (p >= r->end)
        return 0;
    *out = (span){r->at + 1, p, escaped};
    r->at = p + 1;
    return 1;
}

/* Unescape [in, stop) into out (room for stop - in + 1 bytes), NUL-ended. */
static int unescape(char *out, const unsigned char *in, const unsigned char *stop)
{
    unsigned char *o = (unsigned char *)out;
    while (in < stop) {
        const unsigned char *plain = in;
        while (in < stop && *in != '\\')
            in++;
        memcpy(o, plain, (size_t)(in - plain));
        o += in - plain;
        if (in == stop)
            break;
        static const char from[] = "bfnrt\"\\/", to[] = "\b\f\n\r\t\"\\/";
        const char *simple = in[1] ? strchr(from, in[1]) : NULL;
        size_t used = simple ? 2 : in[1] == 'u' ? ipart__json_unicode_escape(in, stop, &o) : 0;
        if (!used)
            return 0;
        if (simple)
            *o++ = (unsigned char)to[simple - from];
        in += used;
    }
    *o = '\0';
    return 1;
}

/* The value of a span into out (room for its length + 1), NUL-ended. */
static inline int span_value(char *out, const span *s)
{
    if (s->escaped)
        return unescape(out, s->start, s->stop);
    memcpy(out, s->start, (size_t)(s->stop - s->start));
    out[s->stop - s->start] = '\0';
    return 1;
}

/* A string value, unescaped into `small` when it is not NULL and the
 * value fits, otherwise into the event's arena; *length its bytes; *ascii,
 * unless `ascii` is NULL, whether its text held only ASCII bytes (its value
 * is then valid UTF-8: an escape decodes to a well-formed sequence or is
 * refused). */
static const char *read_string_n(reader *r, char *small, size_t *length, int *ascii)
{
    span s;
    if (!string_span(r, &s))
        return NULL;
    size_t room = (size_t)(s.stop - s.start);
    int unescape_here = (small && room < KEY_MAX) || s.escaped;
    char *out = small && room < KEY_MAX ? small
                : s.escaped ? ipart__arena_alloc(r->arena, room + 1)
                            : ipart__arena_text(r->arena, (const char *)s.start, room); /* copied */
    r->nomem |= !out;
    if (!out || (unescape_here && !span_value(out, &s)))
        return NULL;
    *length = s.escaped ? strlen(out) : room;
    if (ascii)
        *ascii = ipart__json_ascii(s.start, s.stop, r->end);
    return out;
}

static const char *read_string(reader *r, char *small)
{
    size_t length;
    return read_string_n(r, small, &length, NULL);
}

/* A string value that the event keeps, in its arena. */
static const char *read_text(reader *r)
{
    return read_string(r, NULL);
}

/* A string into a fixed buffer (short envelope values and event types). */
static int read_small(reader *r, char out[KEY_MAX])
{
    span s;
    return string_span(r, &s) && s.stop - s.start < KEY_MAX && span_value(out, &s);
}

/* An object member's name: read in place when it has no escape. */
typedef struct key {
    const char *name;
    size_t length;
    char unescaped[KEY_MAX];
} key;

/* [a, a + n) and [b, b + n) hold the same bytes: eight at a time, the last
 * (partial) word, or four, read overlapping the one before; no byte outside
 * either range is read. */
static inline int same_bytes(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    if (n >= 8) {
        uint64_t u, v;
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&u, x + i, 8);
            memcpy(&v, y + i, 8);
            if (u != v)
                return 0;
        }
        memcpy(&u, x + n - 8, 8);
        memcpy(&v, y + n - 8, 8);
        return u == v;
    }
    if (n >= 4) {
        uint32_t u0, v0, u1, v1;
        memcpy(&u0, x, 4);
        memcpy(&v0, y, 4);
        memcpy(&u1, x + n - 4, 4);
        memcpy(&v1, y + n - 4, 4);
        return u0 == v0 && u1 == v1;
    }
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

/* The key is `name` of `length` bytes. */
static int is_key(const key *k, const char *name, size_t length)
{
    return k->length == length && same_bytes(k->name, name, length);
}

static int is_field(const key *k, const field_spec *f)
{
    return is_key(k, f->name, f->name_length);
}

/* `"key"` of an object member (before its ':'). */
static int string_span_key(reader *r, key *k)
{
    span s;
    if (!string_span(r, &s))
        return 0;
    if (!s.escaped) {
        k->name = (const char *)s.start;
        k->length = (size_t)(s.stop - s.start);
    } else {
        if (s.stop - s.start >= KEY_MAX || !unescape(k->unescaped, s.start, s.stop))
            return 0;
        k->name = k->unescaped;
        k->length = strlen(k->unescaped);
    }
    return 1;
}

/* `"key" :` of an object member. */
static int read_key(reader *r, key *k)
{
    return string_span_key(r, k) && take(r, ':');
}

/* `"name"` (`length` bytes between the quotes) at r->at, r->at moved past
 * it: the key that string_span and read_key would read there is then
 * exactly `name` (field names hold no quote and no backslash). Otherwise 0
 * and r->at is where it was. */
static int take_name(reader *r, const char *name, size_t length)
{
    skip_space(r);
    const unsigned char *p = r->at;
    if ((size_t)(r->end - p) < length + 2 || p[0] != '"' || p[length + 1] != '"' ||
        !same_bytes(p + 1, name, length))
        return 0;
    r->at = p + length + 2;
    return 1;
}

static int take_field_name(reader *r, const field_spec *f)
{
    return take_name(r, f->name, f->name_length);
}

/* ---- typed values ------------------------------------------------------ */

static int read_object(reader *r, const object_spec *spec, void *base);

static inline int read_checked(reader *r, const char **out, int is_id)
{
    size_t length;
    int ascii = 0;
    const char *s = read_string_n(r, NULL, &length, is_id ? NULL : &ascii);
    if (!s || !ipart__string_accepted(s, length, is_id, ascii))
        return 0;
    *out = s;
    return 1;
}

/* The number of elements of the array whose '[' is just behind r->at, by
 * a skim that follows strings and nesting only: exact for JSON text, and
 * for other text reading the elements fails anyway. */
static size_t count_elements(const reader *r)
{
    reader skim = *r;
    if (peek(&skim, ']'))
        return 0;
    size_t count = 1, depth = 0;
    for (const unsigned char *p = skim.at; p < skim.end; p++) {
        if (*p == '"') {
            int escaped = 0;
            p = string_close(p + 1, skim.end, &escaped);
        } else if (*p == '[' || *p == '{') {
            depth++;
        } else if (*p == ']' || *p == '}') {
            if (depth-- == 0)
                break;
        } else if (*p == ',' && depth == 0) {
            count++;
        }
    }
    return count;
}

/* `[` elements `]`, each read by `element` into its slot of an array
 * allocated once at its size (as the cJSON decoder does: a decoded event's
 * arena may stay with the state). */
static int read_elements(reader *r, ipart__array *out, size_t size, int64_t min_count,
                         int (*element)(reader *, void *, const void *), const void *ctx)
{
    if (!take(r, '['))
        return 0;
    size_t expected = count_elements(r);
    if ((int64_t)expected < min_count)
        return 0;
    ipart__array a = {ipart__arena_alloc(r->arena, (expected ? expected : 1) * size), 0};
    if (!a.items)
        return !(r->nomem = 1);
    if (!take(r, ']')) {
        do {
            if (a.count == expected ||
                !element(r, (unsigned char *)a.items + a.count * size, ctx))
                return 0;
            a.count++;
        } while (take(r, ','));
        if (!take(r, ']'))
            return 0;
    }
    *out = a;
    return a.count == expected;
}

static int object_element(reader *r, void *slot, const void *spec)
{
    return read_object(r, spec, slot);
}

static int id_element(reader *r, void *slot, const void *unused)
{
    (void)unused;
    return read_checked(r, slot, 1);
}

static int read_ids(reader *r, ipart__array *out, int64_t min_count)
{
    if (!read_elements(r, out, sizeof(const char *), min_count, id_element, NULL))
        return 0;
    size_t repeat;
    if (ipart__first_repeat_of(&repeat, out->items, out->count) != IPART_OK)
        return !(r->nomem = 1);
    return repeat == out->count;
}

static int read_field(reader *r, const field_spec *f, void *base)
{
    void *at = (unsigned char *)base + f->offset;
    const char *s;
    char parsed[KEY_MAX]; /* a value only parsed, not kept (date, amount, enum name) */
    double v;
    int exponent;
    switch (f->kind) {
    case FK_ID:
    case FK_STRING:
        return read_checked(r, at, f->kind == FK_ID);
    case FK_DATE:
        return (s = read_string(r, parsed)) != NULL && ipart_date_parse(at, s) == IPART_OK;
    case FK_MONEY:
        return (s = read_string(r, parsed)) != NULL && r->currency[0] &&
               ipart_money_parse(at, s, r->currency) == IPART_OK;
    case FK_CURRENCY:
        if (!(s = read_text(r)) || ipart_currency_exponent(&exponent, s) != IPART_OK ||
            ipart__string_fault(s, 0, NULL))
            return 0;
        *(const char **)at = s;
        return 1;
    case FK_BOOL:
        return read_bool(r, at);
    case FK_INT:
        return read_number(r, &v) && ipart__integer_value(at, v, f->min, f->max);
    case FK_ENUM:
        return (s = read_string(r, parsed)) != NULL &&
               (*(int *)at = ipart__enum_index(f->names, s)) >= 0;
    case FK_OBJECT:
        return read_object(r, f->object, at);
    case FK_ARRAY:
        return read_elements(r, at, f->object->size, f->min, object_element, f->object);
    case FK_ID_ARRAY:
        return read_ids(r, at, f->min);
    case FK_ITEM_REF:
        if (!peek(r, '"'))
            return read_object(r, &ipart__item_ref_spec, at);
        ((ipart__item_ref *)at)->blanket = 1;
        return read_checked(r, &((ipart__item_ref *)at)->blanket_text, 0);
    }
    return 0;
}

static int field_index(const object_spec *spec, const key *k)
{
    for (size_t i = 0; i < spec->count; i++)
        if (is_field(k, &spec->fields[i]))
            return (int)i;
    return -1;
}

/* The value of field `i` of `spec`, once per object (*seen). */
static int read_member(reader *r, const object_spec *spec, int i, void *base, uint64_t *seen)
{
    if (i < 0 || *seen >> i & 1)
        return 0; /* unknown or repeated */
    *seen |= (uint64_t)1 << i;
    const field_spec *f = &spec->fields[i];
    if (f->nullable && take_word(r, "null", 4))
        return 1; /* absent, as the cJSON decoder reads it */
    if (!read_field(r, f, base))
        return 0;
    ipart__spec_mark_present(f, base);
    return 1;
}

/* The index in spec of the member's key at r->at, `"key" :` taken, or -1
 * (unknown) or -2 (not a key). The field after the one before (*next) is
 * tried first, straight from the text: the encoder writes a spec's fields
 * in order, so a saved event's keys are matched without reading them. */
static int member_index(reader *r, const object_spec *spec, size_t *next)
{
    key k;
    int i;
    if (*next < spec->count && take_field_name(r, &spec->fields[*next]))
        i = (int)*next;
    else if (!string_span_key(r, &k))
        return -2;
    else
        i = field_index(spec, &k);
    if (!take(r, ':'))
        return -2;
    *next = i >= 0 ? (size_t)i + 1 : spec->count;
    return i;
}

static int read_object(reader *r, const object_spec *spec, void *base)
{
    uint64_t seen = 0;
    size_t next = 0;
    if (spec->count > 64 || !take(r, '{'))
        return 0;
    if (!take(r, '}')) {
        do
            if (!read_member(r, spec, member_index(r, spec, &next), base, &seen))
                return 0;
        while (take(r, ','));
        if (!take(r, '}'))
            return 0;
    }
    return ipart__spec_has_required(spec, seen);
}

/* ---- events ------------------------------------------------------------ */

static int is_header_name(const field_spec *f)
{
    for (size_t i = 0; i < ipart__header_spec.count; i++) {
        const field_spec *h = &ipart__header_spec.fields[i];
        if (h->name_length == f->name_length && same_bytes(h->name, f->name, f->name_length))
            return 1;
    }
    return 0;
}

/* As member_index, for an event's member: a header field's key is the
 * header's (*spec), any other the body's; the expected field (next[0] of
 * the header, then next[1] of the body) is tried first. */
static int event_member_index(reader *r, const object_spec *body, size_t next[2],
                              const object_spec **spec)
{
    const object_spec *header = &ipart__header_spec;
    const field_spec *expected = next[0] < header->count ? &header->fields[next[0]]
                                 : next[1] < body->count ? &body->fields[next[1]]
                                                         : NULL;
    int in_body = next[0] >= header->count, i;
    key k;
    *spec = header;
    if (expected && (!in_body || !is_header_name(expected)) && take_field_name(r, expected)) {
        i = (int)next[in_body];
    } else if (!string_span_key(r, &k)) {
        return -2;
    } else {
        i = field_index(header, &k);
        in_body = i < 0;
        if (in_body)
            i = field_index(body, &k);
    }
    *spec = in_body ? body : header;
    if (!take(r, ':'))
        return -2;
    if (i >= 0)
        next[in_body] = (size_t)i + 1;
    return i;
}

/* The members after "type": the header's and the payload's. */
static int read_event_members(reader *r, ipart__event *ev)
{
    const object_spec *body = &ipart__event_bodies[ev->type];
    uint64_t seen[2] = {0, 0}; /* the header's, the body's */
    size_t next[2] = {0, 0};
    while (take(r, ',')) {
        const object_spec *spec;
        int i = event_member_index(r, body, next, &spec);
        if (!read_member(r, spec, i, ev, &seen[spec == body]))
            return 0;
    }
    uint64_t header_seen = seen[0], body_seen = seen[1];
    return take(r, '}') && ipart__spec_has_required(&ipart__header_spec, header_seen) &&
           ipart__spec_has_required(body, body_seen);
}

/* One event object, "type" first, into *ev (zeroed first), its strings and
 * arrays in `arena`: as ipart__event_decode_header and
 * ipart__event_decode_body together, on success. */
static int read_event_in(reader *r, ipart__event *ev, ipart__arena *arena,
                         const char *case_currency)
{
    key k;
    char type[KEY_MAX];
    memset(ev, 0, sizeof *ev);
    if (!take(r, '{') || !read_key(r, &k) || !is_key(&k, "type", 4) || !read_small(r, type))
        return 0;
    int found = ipart__event_type_index(type);
    if (found < 0)
        return 0;
    ev->type = (ipart__event_type)found;
    r->arena = arena;
    r->currency = ipart__body_currency(ev->type, case_currency);
    return read_event_members(r, ev);
}

/* read_event_in with the event's own arena taken from *spare, and given
 * back emptied when the event is not read. */
static int read_event(reader *r, ipart__decoded *out, ipart__arena *spare,
                      const char *case_currency)
{
    out->arena = *spare;
    out->borrowed = 0;
    *spare = (ipart__arena)IPART__ARENA_INIT;
    if (read_event_in(r, &out->event, &out->arena, case_currency))
        return 1;
    ipart__arena_reset(&out->arena);
    *spare = out->arena;
    return 0;
}

/* Only ' ', \n, \r and \t after the top-level value (as ipart__json_parse). */
static int at_end(const reader *r)
{
    const unsigned char *p = r->at;
    while (p < r->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    return p == r->end;
}

static ipart__stream_result result(const reader *r, int taken)
{
    if (r->nomem) {
        ipart__fail_nomem();
        return IPART__STREAM_NOMEM;
    }
    return taken ? IPART__STREAM_TAKEN : IPART__STREAM_DECLINED;
}

ipart__stream_result ipart__stream_event_front(ipart__decoded *out, ipart_partnership *p,
                                               const char *text, size_t length, size_t *used)
{
    reader r = {(const unsigned char *)text, (const unsigned char *)text + length, NULL, "", 0};
    if (!read_event(&r, out, &p->decoding, p->currency))
        return result(&r, 0);
    *used = (size_t)(r.at - (const unsigned char *)text);
    return IPART__STREAM_TAKEN;
}

ipart__stream_result ipart__stream_event_ahead(ipart__event *out, ipart__arena *arena,
                                               const char *case_currency, const char *text,
                                               size_t length, size_t *used)
{
    reader r = {(const unsigned char *)text, (const unsigned char *)text + length, NULL, "", 0};
    if (!read_event_in(&r, out, arena, case_currency))
        return result(&r, 0);
    *used = (size_t)(r.at - (const unsigned char *)text);
    return IPART__STREAM_TAKEN;
}

ipart__stream_result ipart__stream_event(ipart__decoded *out, ipart_partnership *p,
                                         const char *text, size_t length)
{
    size_t used = 0;
    ipart__stream_result read = length > IPART__MAX_INPUT_BYTES
                                    ? IPART__STREAM_DECLINED
                                    : ipart__stream_event_front(out, p, text, length, &used);
    reader rest = {(const unsigned char *)text + used, (const unsigned char *)text + length, NULL,
                   "", 0};
    if (read != IPART__STREAM_TAKEN || at_end(&rest))
        return read;
    ipart__arena_reset(&out->arena);
    p->decoding = out->arena;
    return IPART__STREAM_DECLINED;
}

/* ---- documents ------------------------------------------------------------- */

/* "[" events "]": each decoded, applied and forgotten in turn. */
static int read_events(reader *r, ipart_partnership *p)
{
    size_t index = 0;
    int ok = take(r, '[');
    if (ok && !take(r, ']')) {
        do {
            char path[64];
            ipart__decoded d;
            ipart__event_path(path, "$.events", index);
            ok = ++index <= IPART__MAX_EVENTS && read_event(r, &d, &p->decoding, p->currency);
            ipart_status rc = ok ? ipart__apply_decoded(p, &d, path) : IPART_OK;
            r->nomem |= rc == IPART_ENOMEM;
            ok = ok && rc == IPART_OK;
        } while (ok && take(r, ','));
        ok = ok && take(r, ']');
    }
    ipart__replay_finish(p);
    return ok;
}

/* `,"name":` of the envelope, or `{"name":` for the first member. */
static int envelope_key(reader *r, char before, const char *name)
{
    key k;
    return take(r, (unsigned char)before) && read_key(r, &k) && is_key(&k, name, strlen(name));
}

/* The envelope's members up to and including "events", in save's order. */
static int read_envelope(reader *r, ipart_partnership **p)
{
    char value[KEY_MAX];
    double version;
    if (!envelope_key(r, '{', "format") || !read_small(r, value) ||
        strcmp(value, "ipart-document") != 0)
        return 0;
    if (!envelope_key(r, ',', "version") || !read_number(r, &version) || version != 1.0)
        return 0;
    if (!envelope_key(r, ',', "profile") || !read_small(r, value) ||
        !envelope_key(r, ',', "events"))
        return 0;
    ipart_status rc = ipart_partnership_new(p, value);
    r->nomem |= rc == IPART_ENOMEM;
    return rc == IPART_OK;
}

ipart__stream_result ipart__stream_load(ipart_partnership **out, const char *text, size_t length)
{
    reader r = {(const unsigned char *)text, (const unsigned char *)text + length, NULL, "", 0};
    ipart_partnership *p = NULL;
    if (length > IPART__MAX_INPUT_BYTES || !read_envelope(&r, &p))
        return result(&r, 0);
    int taken = read_events(&r, p) && take(&r, '}') && at_end(&r);
    if (taken)
        *out = p;
    else
        ipart_partnership_free(p);
    return result(&r, taken);
}

/*
 * The checks of one field's value shared by the JSON reader and the event
 * builder (field_check_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "io/field_check_p.h"
#include "io/json_word_p.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

ipart_status ipart__shape_text_at(const char *at, const char *key, ipart__text *t)
{
    ipart__text_at(t, at);
    return ipart__fail_text(IPART_EINVAL, NULL, NULL, at, key, t);
}

ipart_status ipart__shape_error_at(const char *at, const char *key, const char *fmt, ...)
{
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    return ipart__shape_text_at(at, key, &t);
}

ipart_status ipart__wrong_type_at(const char *at, const ipart__text *expected,
                                  const ipart__text *got)
{
    ipart__text t;
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(&t, lang, ipart__tr("document.field.type", "expected %s, got %s", lang),
                        expected->in[lang], got->in[lang]);
    return ipart__shape_text_at(at, "document.field.type", &t);
}

ipart_status ipart__value_error_at(ipart_status rc, const char *at)
{
    if (rc == IPART_OK || rc == IPART_ENOMEM)
        return rc;
    ipart__text t;
    ipart__error_text(&t);
    ipart__text_at(&t, at);
    char key[64];
    snprintf(key, sizeof key, "%s", ipart_error_last()->key);
    /* Shape errors are EINVAL whatever the parser said (EPARSE is JSON syntax). */
    ipart_status code = rc == IPART_ECURRENCY || rc == IPART_EOVERFLOW ? rc : IPART_EINVAL;
    return ipart__fail_text(code, NULL, NULL, at, key, &t);
}

const char *ipart__kind_expected(field_kind kind, int lang)
{
    const char *key = "document.field.type";
    switch (kind) {
    case FK_ID: return ipart__tr(key, "an id string", lang);
    case FK_STRING: return ipart__tr(key, "a string", lang);
    case FK_DATE: return ipart__tr(key, "an ISO date string", lang);
    case FK_MONEY: return ipart__tr(key, "a money string like \"1000.00\"", lang);
    case FK_CURRENCY: return ipart__tr(key, "an ISO 4217 currency code", lang);
    case FK_BOOL: return ipart__tr(key, "true or false", lang);
    case FK_INT: return ipart__tr(key, "an integer", lang);
    case FK_ENUM: return ipart__tr(key, "one of its names", lang);
    case FK_OBJECT: return ipart__tr(key, "an object", lang);
    case FK_ARRAY: return ipart__tr(key, "an array", lang);
    case FK_ID_ARRAY: return ipart__tr(key, "an array of ids", lang);
    case FK_ITEM_REF: return ipart__tr(key, "an object", lang);
    }
    return ipart__tr(key, "a value", lang);
}

void ipart__kind_text(ipart__text *out, field_kind kind)
{
    for (int lang = 0; lang < IPART__LANGS; lang++)
        snprintf(out->in[lang], sizeof out->in[lang], "%s", ipart__kind_expected(kind, lang));
}

/* [s, s + n) is UTF-8 as the reader takes it; s[n] is NUL (it ends a
 * sequence cut short). ASCII is passed over sixteen bytes at a time where
 * SSE2 is, eight at a time, and up to the first byte of a block or word
 * that is not ASCII at once. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    const unsigned char *end = s + n;
    while (s < end) {
#if IPART__VECTOR_SCAN
        if (end - s >= 16) {
            unsigned high = (unsigned)_mm_movemask_epi8(
                _mm_loadu_si128((const __m128i *)(const void *)s));
            if (!high) {
                s += 16;
                continue;
            }
            s += __builtin_ctz(high); /* its ASCII bytes */
        } else
#endif
        if (end - s >= 8) {
            uint64_t w;
            memcpy(&w, s, sizeof w);
            uint64_t high = w & 0x8080808080808080u;
            if (!high) {
                s += 8;
                continue;
            }
            s += IPART__WORD_SCAN ? __builtin_ctzll(high) >> 3 : 0; /* its ASCII bytes */
        }
        unsigned char c = *s;
        size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 4;
        if (extra == 4 || (extra == 1 && c < 0xC2))
            return 0;
        for (size_t i = 1; i <= extra; i++)
            if ((s[i] & 0xC0) != 0x80)
                return 0;
        s += extra + 1;
    }
    return 1;
}

/* The bytes of an id: A-Z a-z 0-9 . _ - */
static const unsigned char id_byte[256] = {
    ['-'] = 1, ['.'] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

static int valid_id(const char *s, size_t n)
{
    if (n < 1 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!id_byte[(unsigned char)s[i]])
            return 0;
    return 1;
}

const char *ipart__string_fault(const char *s, int is_id, ipart__text *detail)
{
    return ipart__string_fault_n(s, strlen(s), is_id, detail);
}

const char *ipart__string_fault_n(const char *s, size_t n, int is_id, ipart__text *detail)
{
    if (n > IPART__MAX_STRING) {
        if (detail)
            ipart__text_format(detail, "document.string.too_long", "string longer than 65536 bytes");
        return "document.string.too_long";
    }
    if (is_id && valid_id(s, n))
        return NULL; /* an id is ASCII: its UTF-8 is valid (the same outcome as below) */
    if (!valid_utf8((const unsigned char *)s, n)) {
        if (detail)
            ipart__text_format(detail, "document.string.utf8", "not valid UTF-8");
        return "document.string.utf8";
    }
    if (is_id && !valid_id(s, n)) {
        if (detail)
            ipart__text_format(detail, "document.id.syntax",
                               "'%s' is not an id (1-64 of A-Z a-z 0-9 . _ -)", s);
        return "document.id.syntax";
    }
    return NULL;
}

int ipart__string_accepted(const char *s, size_t n, int is_id, int ascii)
{
    if (is_id) /* 1-64 bytes of A-Z a-z 0-9 . _ -: not too long, and ASCII */
        return valid_id(s, n);
    return n <= IPART__MAX_STRING && (ascii || valid_utf8((const unsigned char *)s, n));
}

int ipart__integer_value(int64_t *out, double v, int64_t min, int64_t max)
{
    if (!(v >= (double)min && v <= (double)max) || (double)(int64_t)v != v)
        return 0;
    *out = (int64_t)v;
    return 1;
}

int ipart__enum_index(const char *const *names, const char *name)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

void ipart__enum_expected(ipart__text *out, const char *const *names)
{
    char list[256] = "";
    for (int i = 0; names[i]; i++) {
        size_t len = strlen(list);
        snprintf(list + len, sizeof list - len, "%s \"%s\"", i ? "," : "", names[i]);
    }
    ipart__text_format(out, "document.enum.unknown", "one of%s", list);
}

void ipart__field_expected(ipart__text *out, const field_spec *f)
{
    if (f->kind == FK_ENUM && f->names) /* as the JSON reader names an enum's values */
        ipart__enum_expected(out, f->names);
    else
        ipart__kind_text(out, f->kind);
}

ipart_status ipart__int_range_error_at(const char *at, int64_t min, int64_t max)
{
    return ipart__shape_error_at(at, "document.integer.range", "expected an integer from %lld to %lld",
                                 (long long)min, (long long)max);
}

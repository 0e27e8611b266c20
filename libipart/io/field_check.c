/*
 * The checks of one field's value shared by the JSON reader and the event
 * builder (field_check_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "io/field_check_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

ipart_status ipart__shape_error_at(const char *at, const char *key, const char *fmt, ...)
{
    char detail[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    ipart_status rc = ipart__fail(IPART_EINVAL, key, "%s: %s", at, detail);
    ipart__error_set_path(at);
    return rc;
}

ipart_status ipart__value_error_at(ipart_status rc, const char *at)
{
    if (rc == IPART_OK || rc == IPART_ENOMEM)
        return rc;
    char message[512];
    snprintf(message, sizeof message, "%s: %s", at, ipart_error_last()->message);
    char key[64];
    snprintf(key, sizeof key, "%s", ipart_error_last()->key);
    ipart_status code = rc == IPART_ECURRENCY || rc == IPART_EOVERFLOW ? rc : IPART_EINVAL;
    ipart__fail(code, key, "%s", message);
    ipart__error_set_path(at);
    return code;
}

const char *ipart__kind_expected(field_kind kind)
{
    switch (kind) {
    case FK_ID: return "an id string";
    case FK_STRING: return "a string";
    case FK_DATE: return "an ISO date string";
    case FK_MONEY: return "a money string like \"1000.00\"";
    case FK_CURRENCY: return "an ISO 4217 currency code";
    case FK_BOOL: return "true or false";
    case FK_INT: return "an integer";
    case FK_ENUM: return "one of its names";
    case FK_OBJECT: return "an object";
    case FK_ARRAY: return "an array";
    case FK_ID_ARRAY: return "an array of ids";
    case FK_ITEM_REF: return "an object";
    }
    return "a value";
}

static int valid_utf8(const unsigned char *s)
{
    while (*s) {
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

static int valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '_' || c == '-';
        if (!ok)
            return 0;
    }
    return n >= 1 && n <= 64;
}

const char *ipart__string_fault(const char *s, int is_id, char *detail, size_t size)
{
    if (strlen(s) > IPART__MAX_STRING) {
        if (detail)
            snprintf(detail, size, "string longer than 65536 bytes");
        return "document.string.too_long";
    }
    if (!valid_utf8((const unsigned char *)s)) {
        if (detail)
            snprintf(detail, size, "not valid UTF-8");
        return "document.string.utf8";
    }
    if (is_id && !valid_id(s)) {
        if (detail)
            snprintf(detail, size, "'%s' is not an id (1-64 of A-Z a-z 0-9 . _ -)", s);
        return "document.id.syntax";
    }
    return NULL;
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

void ipart__enum_expected(char *out, size_t size, const char *const *names)
{
    snprintf(out, size, "one of");
    for (int i = 0; names[i]; i++) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s \"%s\"", i ? "," : "", names[i]);
    }
}

void ipart__int_range_detail(char *out, size_t size, int64_t min, int64_t max)
{
    snprintf(out, size, "expected an integer from %lld to %lld", (long long)min, (long long)max);
}

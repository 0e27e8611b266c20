/* Growable string buffer. SPDX-License-Identifier: Apache-2.0 */
#include "strbuf_p.h"
#include "alloc_p.h"
#include "date_p.h"
#include "error_p.h"
#include "money_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int reserve(ipart__strbuf *b, size_t extra)
{
    if (b->oom)
        return 0;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *data = ipart__realloc(b->data, cap);
    if (!data) {
        b->oom = 1;
        return 0;
    }
    b->data = data;
    b->cap = cap;
    return 1;
}

void ipart__strbuf_append(ipart__strbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void ipart__strbuf_puts(ipart__strbuf *b, const char *s)
{
    ipart__strbuf_append(b, s, strlen(s));
}

void ipart__strbuf_putc(ipart__strbuf *b, char c)
{
    ipart__strbuf_append(b, &c, 1);
}

void ipart__strbuf_printf(ipart__strbuf *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        ipart__strbuf_append(b, small, (size_t)n);
        return;
    }
    if (!reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void ipart__strbuf_json_string(ipart__strbuf *b, const char *s)
{
    ipart__strbuf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': ipart__strbuf_puts(b, "\\\""); break;
        case '\\': ipart__strbuf_puts(b, "\\\\"); break;
        case '\n': ipart__strbuf_puts(b, "\\n"); break;
        case '\r': ipart__strbuf_puts(b, "\\r"); break;
        case '\t': ipart__strbuf_puts(b, "\\t"); break;
        case '\b': ipart__strbuf_puts(b, "\\b"); break;
        case '\f': ipart__strbuf_puts(b, "\\f"); break;
        default:
            if (*p < 0x20)
                ipart__strbuf_printf(b, "\\u%04x", *p);
            else
                ipart__strbuf_putc(b, (char)*p);
        }
    }
    ipart__strbuf_putc(b, '"');
}

void ipart__strbuf_json_date(ipart__strbuf *b, ipart_date date)
{
    char text[IPART__DATE_TEXT_SIZE];
    ipart__date_text(text, sizeof text, date);
    ipart__strbuf_json_string(b, text);
}

void ipart__strbuf_json_money(ipart__strbuf *b, ipart_money amount)
{
    char text[IPART__MONEY_TEXT_SIZE];
    if (ipart__money_canonical(text, amount) != IPART_OK) {
        b->oom = 1;
        return;
    }
    ipart__strbuf_json_string(b, text);
}

void ipart__strbuf_json_money_member(ipart__strbuf *b, const char *name, ipart_money amount)
{
    ipart__strbuf_putc(b, ',');
    ipart__strbuf_json_string(b, name);
    ipart__strbuf_putc(b, ':');
    ipart__strbuf_json_money(b, amount);
}

void ipart__strbuf_free(ipart__strbuf *b)
{
    ipart__free(b->data);
    *b = (ipart__strbuf)IPART__STRBUF_INIT;
}

ipart_status ipart__strbuf_finish(ipart__strbuf *b, char **out)
{
    if (!b->oom && !b->data && reserve(b, 0))
        b->data[0] = '\0'; /* nothing was appended: the empty text */
    if (b->oom) {
        ipart__strbuf_free(b);
        return ipart__fail_nomem();
    }
    *out = b->data;
    *b = (ipart__strbuf)IPART__STRBUF_INIT;
    return IPART_OK;
}

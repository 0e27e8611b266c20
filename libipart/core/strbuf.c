/* Growable string buffer. SPDX-License-Identifier: Apache-2.0 */
#include "strbuf_p.h"
#include "alloc_p.h"
#include "date_p.h"
#include "error_p.h"
#include "money_p.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int ipart__strbuf_reserve(ipart__strbuf *b, size_t extra)
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
    ipart__strbuf_add(b, s, n);
}

void ipart__strbuf_puts(ipart__strbuf *b, const char *s)
{
    ipart__strbuf_append(b, s, strlen(s));
}

void ipart__strbuf_putc(ipart__strbuf *b, char c)
{
    ipart__strbuf_add(b, &c, 1);
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
    if (!ipart__strbuf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void ipart__strbuf_int(ipart__strbuf *b, int64_t value)
{
    char digits[24], *d = digits + sizeof digits;
    uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    do
        *--d = (char)('0' + magnitude % 10);
    while ((magnitude /= 10) != 0);
    if (value < 0)
        *--d = '-';
    ipart__strbuf_append(b, d, (size_t)(digits + sizeof digits - d));
}

/* The escape of a byte JSON may not hold as it is: '"', '\\' or a control. */
static const char *json_escape(unsigned char c, char hex[7])
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: {
        static const char digits[] = "0123456789abcdef";
        memcpy(hex, "\\u00", 4);
        hex[4] = digits[c >> 4];
        hex[5] = digits[c & 15];
        hex[6] = '\0';
        return hex;
    }
    }
}

/* 1 for the bytes JSON may not hold as they are: '"', '\\' and controls. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1};

/* `"s"` for the n bytes of s, which need no escape. */
static void put_quoted(ipart__strbuf *b, const char *s, size_t n)
{
    if (!ipart__strbuf_room(b, n + 2))
        return;
    char *at = b->data + b->len;
    at[0] = '"';
    memcpy(at + 1, s, n);
    at[n + 1] = '"';
    b->len += n + 2;
    b->data[b->len] = '\0';
}

/* 1 when none of the eight bytes of w needs an escape: a word has a byte
 * below 0x20, a '"' or a '\\' when one of the three "has a zero byte" tests
 * of its high bits fires; a byte of 0x80 or more never does. */
static int word_plain(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return !(((w - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~w & highs);
}

/* Copy the n bytes of s to `to` as far as they need no escape, and say how
 * far that is: sixteen at a time where SSE2 is (x86-64), then eight at a
 * time; the last one to seven bytes of a string of eight or more as the
 * (overlapping) word that ends it, else one at a time from the word that
 * has an escape. */
static size_t copy_plain(char *to, const unsigned char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                  control = _mm_set1_epi8(0x1F);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                _mm_cmpeq_epi8(v, backslash)),
                                   _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
        if (_mm_movemask_epi8(hit))
            break;
        _mm_storeu_si128((__m128i *)(void *)(to + i), v);
    }
#endif
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, sizeof w);
        if (!word_plain(w))
            break;
        memcpy(to + i, &w, sizeof w);
    }
    if (i < n && n - i < 8 && n >= 8) { /* no escape before i: the last word */
        memcpy(&w, s + n - 8, sizeof w);
        if (word_plain(w)) {
            memcpy(to + n - 8, &w, sizeof w);
            return n;
        }
    }
    for (; i < n && !needs_escape[s[i]]; i++)
        to[i] = (char)s[i];
    return i;
}

/* `"s"` for a string with a byte that needs an escape at `from`: the runs
 * between escapes are copied at once. */
static void put_escaped(ipart__strbuf *b, const char *s, size_t from, size_t n)
{
    ipart__strbuf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s + from, *end = (const unsigned char *)s + n;
    const unsigned char *run = (const unsigned char *)s;
    char hex[7];
    for (; p < end; p++) {
        if (!needs_escape[*p])
            continue;
        ipart__strbuf_append(b, (const char *)run, (size_t)(p - run));
        ipart__strbuf_puts(b, json_escape(*p, hex));
        run = p + 1;
    }
    ipart__strbuf_append(b, (const char *)run, (size_t)(p - run));
    ipart__strbuf_putc(b, '"');
}

/* A string without an escape (nearly every one) is copied as it is
 * scanned, into room reserved for it; one with an escape is written again
 * by put_escaped over what was copied. */
static inline void json_string_of(ipart__strbuf *b, const char *s, size_t n)
{
    if (!ipart__strbuf_room(b, n + 2))
        return;
    char *at = b->data + b->len;
    size_t plain = copy_plain(at + 1, (const unsigned char *)s, n);
    if (plain < n) {
        put_escaped(b, s, plain, n);
        return;
    }
    at[0] = '"';
    at[n + 1] = '"';
    b->len += n + 2;
    b->data[b->len] = '\0';
}

void ipart__strbuf_json_string(ipart__strbuf *b, const char *s)
{
    json_string_of(b, s, strlen(s));
}

void ipart__strbuf_json_string_n(ipart__strbuf *b, const char *s, size_t n)
{
    json_string_of(b, s, n);
}

void ipart__strbuf_json_plain(ipart__strbuf *b, const char *s)
{
    put_quoted(b, s, strlen(s));
}

void ipart__strbuf_json_key(ipart__strbuf *b, const char *name)
{
    size_t n = strlen(name);
    if (!ipart__strbuf_room(b, n + 3))
        return;
    char *at = b->data + b->len;
    at[0] = '"';
    memcpy(at + 1, name, n);
    memcpy(at + n + 1, "\":", 2);
    b->len += n + 3;
    b->data[b->len] = '\0';
}

void ipart__strbuf_json_date(ipart__strbuf *b, ipart_date date)
{
    /* Written in place: digits and '-', or the fallback's plain words. */
    if (!ipart__strbuf_room(b, IPART__DATE_TEXT_SIZE + 2))
        return;
    char *at = b->data + b->len;
    at[0] = '"';
    size_t n = ipart__date_text(at + 1, IPART__DATE_TEXT_SIZE, date);
    at[n + 1] = '"';
    b->len += n + 2;
    b->data[b->len] = '\0';
}

void ipart__strbuf_json_money(ipart__strbuf *b, ipart_money amount)
{
    /* Written in place, like a date: a sign, digits and '.' need no escape. */
    if (!ipart__strbuf_room(b, IPART__MONEY_TEXT_SIZE + 2))
        return;
    char *at = b->data + b->len;
    size_t n = 0;
    if (ipart__money_text(at + 1, &n, amount) != IPART_OK) {
        b->oom = 1;
        return;
    }
    at[0] = '"';
    at[n + 1] = '"';
    b->len += n + 2;
    b->data[b->len] = '\0';
}

void ipart__strbuf_json_money_member(ipart__strbuf *b, const char *name, ipart_money amount)
{
    ipart__strbuf_putc(b, ',');
    ipart__strbuf_json_key(b, name);
    ipart__strbuf_json_money(b, amount);
}

/* A text cut at a fixed size, written from the left (ipart__path_printf). */
typedef struct fixed_text {
    char *out;
    size_t size, len; /* len counts what fits: at most size - 1 */
} fixed_text;

static void fixed_put(fixed_text *t, const char *s, size_t n)
{
    size_t room = t->size - 1 - t->len;
    n = n < room ? n : room;
    memcpy(t->out + t->len, s, n);
    t->len += n;
}

static void fixed_put_size(fixed_text *t, size_t value)
{
    char digits[24], *d = digits + sizeof digits;
    do
        *--d = (char)('0' + value % 10);
    while ((value /= 10) != 0);
    fixed_put(t, d, (size_t)(digits + sizeof digits - d));
}

/* The conversion at fmt (after its '%') written, and the length of its
 * spelling; 0 for one this writer leaves to vsnprintf. */
static size_t fixed_convert(fixed_text *t, const char *fmt, va_list *ap)
{
    if (fmt[0] == 's') {
        const char *s = va_arg(*ap, const char *);
        if (!s)
            s = "(null)"; /* as glibc's snprintf writes it */
        fixed_put(t, s, strlen(s));
        return 1;
    }
    if (fmt[0] == 'z' && fmt[1] == 'u') {
        fixed_put_size(t, va_arg(*ap, size_t));
        return 2;
    }
    if (fmt[0] == '%') {
        fixed_put(t, "%", 1);
        return 1;
    }
    return 0;
}

void ipart__path_printf(char *out, size_t size, const char *fmt, ...)
{
    if (size == 0)
        return;
    fixed_text t = {out, size, 0};
    va_list ap;
    va_start(ap, fmt);
    for (const char *f = fmt; *f;) {
        size_t plain = strcspn(f, "%");
        fixed_put(&t, f, plain);
        f += plain;
        if (!*f)
            break;
        size_t spelled = fixed_convert(&t, f + 1, &ap);
        if (spelled == 0) { /* a conversion this writer does not know */
            va_end(ap);
            va_start(ap, fmt);
            vsnprintf(out, size, fmt, ap);
            va_end(ap);
            return;
        }
        f += 1 + spelled;
    }
    va_end(ap);
    out[t.len] = '\0';
}

void ipart__strbuf_free(ipart__strbuf *b)
{
    ipart__free(b->data);
    *b = (ipart__strbuf)IPART__STRBUF_INIT;
}

ipart_status ipart__strbuf_finish(ipart__strbuf *b, char **out)
{
    if (!b->oom && !b->data && ipart__strbuf_reserve(b, 0))
        b->data[0] = '\0'; /* nothing was appended: the empty text */
    if (b->oom) {
        ipart__strbuf_free(b);
        return ipart__fail_nomem();
    }
    *out = b->data;
    *b = (ipart__strbuf)IPART__STRBUF_INIT;
    return IPART_OK;
}

/* Private: a growable string buffer on the libipart allocator.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_CORE_STRBUF_P_H
#define IPART_CORE_STRBUF_P_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "ipart/date.h"
#include "ipart/errors.h"
#include "ipart/money.h"

/* Appends never fail visibly: the first allocation failure marks the
 * buffer and later appends are no-ops, so a writer checks once, at the end
 * (ipart__strbuf_finish / ipart__strbuf_oom). */
typedef struct ipart__strbuf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} ipart__strbuf;

#define IPART__STRBUF_INIT {NULL, 0, 0, 0}

/* Grow the buffer to hold `extra` more bytes and the NUL: 0 once it failed. */
int ipart__strbuf_reserve(ipart__strbuf *b, size_t extra);

/* The same, inline where the room is there already (the hot writers: the
 * canonical text of every applied event). After it, b->data + b->len has
 * `extra` + 1 bytes to write; a writer that writes there keeps b->len and
 * the NUL after it right. */
static inline int ipart__strbuf_room(ipart__strbuf *b, size_t extra)
{
    return b->len + extra < b->cap || ipart__strbuf_reserve(b, extra);
}

/* Append n bytes, inline (ipart__strbuf_append is the same, out of line). */
static inline void ipart__strbuf_add(ipart__strbuf *b, const char *s, size_t n)
{
    if (!ipart__strbuf_room(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void ipart__strbuf_append(ipart__strbuf *b, const char *s, size_t n);
void ipart__strbuf_puts(ipart__strbuf *b, const char *s);
void ipart__strbuf_putc(ipart__strbuf *b, char c);
void ipart__strbuf_printf(ipart__strbuf *b, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append s as a JSON string literal, quotes included. */
void ipart__strbuf_json_string(ipart__strbuf *b, const char *s);
/* The same for `n` bytes, a NUL among them written as \u0000. */
void ipart__strbuf_json_string_n(ipart__strbuf *b, const char *s, size_t n);
/* The decimal digits of an integer ("%lld" without printf). */
void ipart__strbuf_int(ipart__strbuf *b, int64_t value);

/* The same for a text known to need no escape (the library's own field
 * names, enum values and event types: printable ASCII without '"' or '\\',
 * checked by test_strbuf), without looking at each byte. */
void ipart__strbuf_json_plain(ipart__strbuf *b, const char *s);
/* `"name":` for a key that needs no escape, as above. */
void ipart__strbuf_json_key(ipart__strbuf *b, const char *name);
/* Append an ISO date ("2017-09-15") and a canonical money string
 * ("12000000.00"), quotes included, without allocating for the text. An
 * amount of unknown currency cannot come from a decoded event or the
 * state; should one appear, the buffer fails as a whole. */
void ipart__strbuf_json_date(ipart__strbuf *b, ipart_date date);
void ipart__strbuf_json_money(ipart__strbuf *b, ipart_money amount);
/* Append `,"name":<money>`, a member after the first of an object. */
void ipart__strbuf_json_money_member(ipart__strbuf *b, const char *name, ipart_money amount);
/*
 * snprintf(out, size, fmt, ...) for the paths and field names the guards
 * compose on every event ("%s.scores[%zu]"): the conversions %s, %zu and
 * %% are written directly, any other one hands the whole call to
 * vsnprintf. The text is cut at size - 1 bytes as snprintf cuts it
 * (test_strbuf compares the two); size 0 writes nothing.
 */
void ipart__path_printf(char *out, size_t size, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void ipart__strbuf_free(ipart__strbuf *b);
/* Hand the NUL-terminated text to *out (caller frees with ipart_free), or
 * fail with IPART_ENOMEM and free the buffer. */
ipart_status ipart__strbuf_finish(ipart__strbuf *b, char **out);

#endif

/* Status codes and the thread-local error detail. SPDX-License-Identifier: Apache-2.0 */
#include "error_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ipart/messages.h"

/* Fixed buffers: reporting must work when memory is exhausted. */
typedef struct error_state {
    ipart_error pub;
    char rule[16];
    char source[160];
    char path[256];
    char key[64];
    ipart__text message; /* in English and Norwegian */
} error_state;

static _Thread_local error_state tls_error;

static error_state *state(void)
{
    error_state *s = &tls_error;
    /* Point the public view at this thread's buffers (cheap, idempotent). */
    s->pub.rule = s->rule;
    s->pub.source = s->source;
    s->pub.path = s->path;
    s->pub.key = s->key;
    s->pub.message = s->message.in[IPART__EN];
    return s;
}

static void copy(char *dst, size_t size, const char *src)
{
    if (!src)
        src = "";
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The catalogue's formats are checked against the English ones by
 * tests/python/test_refusal_catalogue.py: same conversions, same order. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void vput(char *out, const char *fmt, va_list ap)
{
    vsnprintf(out, IPART__TEXT_SIZE, fmt, ap);
}
#pragma GCC diagnostic pop

void ipart__text_vformat(ipart__text *out, const char *key, const char *fmt, va_list ap)
{
    for (int lang = 0; lang < IPART__LANGS; lang++) {
        va_list each;
        va_copy(each, ap);
        vput(out->in[lang], ipart__tr(key, fmt, lang), each);
        va_end(each);
    }
}

void ipart__text_format(ipart__text *out, const char *key, const char *fmt, ...)
{
    IPART__TEXT_OF_ARGS(*out, key, fmt);
}

void ipart__text_plain(ipart__text *out, const char *key, const char *text)
{
    for (int lang = 0; lang < IPART__LANGS; lang++)
        copy(out->in[lang], sizeof out->in[lang], ipart__tr(key, text, lang));
}

void ipart__text_put(ipart__text *out, int lang, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vput(out->in[lang], fmt, ap);
    va_end(ap);
}

/* Append src to the string in dst (of `size` bytes), truncating. */
static void append(char *dst, size_t size, const char *src)
{
    size_t n = strlen(dst);
    copy(dst + n, size - n, src);
}

void ipart__text_append(ipart__text *list, const ipart__text *item)
{
    for (int lang = 0; lang < IPART__LANGS; lang++) {
        if (list->in[lang][0])
            append(list->in[lang], sizeof list->in[lang], ", ");
        append(list->in[lang], sizeof list->in[lang], item->in[lang]);
    }
}

void ipart__text_wrap(ipart__text *out, const char *key, const char *fmt, const ipart__text *arg)
{
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(out, lang, ipart__tr(key, fmt, lang), arg->in[lang]);
}

void ipart__text_at(ipart__text *t, const char *at)
{
    for (int lang = 0; lang < IPART__LANGS; lang++) {
        char text[IPART__TEXT_SIZE];
        copy(text, sizeof text, t->in[lang]);
        copy(t->in[lang], sizeof t->in[lang], at);
        append(t->in[lang], sizeof t->in[lang], ": ");
        append(t->in[lang], sizeof t->in[lang], text);
    }
}

void ipart__text_cite(ipart__text *t, const char *rule)
{
    for (int lang = 0; lang < IPART__LANGS; lang++) {
        append(t->in[lang], sizeof t->in[lang], " (");
        append(t->in[lang], sizeof t->in[lang], rule);
        append(t->in[lang], sizeof t->in[lang], ")");
    }
}

static ipart_status set(ipart_status code, const char *rule, const char *source, const char *path,
                        const char *key)
{
    error_state *s = state();
    s->pub.code = code;
    copy(s->rule, sizeof s->rule, rule);
    copy(s->source, sizeof s->source, source);
    copy(s->path, sizeof s->path, path);
    copy(s->key, sizeof s->key, key);
    for (int lang = 0; lang < IPART__LANGS; lang++)
        if (s->message.in[lang][0] == '\0')
            copy(s->message.in[lang], sizeof s->message.in[lang], ipart_strerror(code));
    return code;
}

ipart_status ipart__fail_text(ipart_status code, const char *rule, const char *source,
                              const char *path, const char *key, const ipart__text *t)
{
    error_state *s = state();
    for (int lang = 0; lang < IPART__LANGS; lang++)
        copy(s->message.in[lang], sizeof s->message.in[lang], t->in[lang]);
    return set(code, rule, source, path, key);
}

static ipart_status vset(ipart_status code, const char *rule, const char *source, const char *path,
                         const char *key, const char *fmt, va_list ap) IPART__PRINTF(6, 0);

static ipart_status vset(ipart_status code, const char *rule, const char *source, const char *path,
                         const char *key, const char *fmt, va_list ap)
{
    /* Formatted straight into the detail: an argument may be the detail's
     * own text only through ipart__error_prefix(). */
    ipart__text_vformat(&state()->message, key, fmt, ap);
    return set(code, rule, source, path, key);
}

ipart_status ipart__fail(ipart_status code, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ipart_status rc = vset(code, NULL, NULL, NULL, key, fmt, ap);
    va_end(ap);
    return rc;
}

ipart_status ipart__fail_rule(ipart_status code, const char *rule, const char *source,
                              const char *path, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ipart_status rc = vset(code, rule, source, path, key, fmt, ap);
    va_end(ap);
    return rc;
}

void ipart__error_set_path(const char *path)
{
    error_state *s = state();
    copy(s->path, sizeof s->path, path);
}

void ipart__error_text(ipart__text *out)
{
    *out = state()->message;
}

void ipart__error_prefix(const char *at)
{
    error_state *s = state();
    ipart__text_at(&s->message, at);
    copy(s->path, sizeof s->path, at);
}

ipart_status ipart__fail_nomem(void)
{
    return ipart__fail(IPART_ENOMEM, "memory.exhausted", "out of memory");
}

ipart_status ipart__fail_null(const char *function, const char *argument)
{
    return ipart__fail(IPART_EMISUSE, "api.null_argument", "%s: argument '%s' must not be NULL",
                       function, argument);
}

const ipart_error *ipart_error_last(void)
{
    return &state()->pub;
}

int ipart__lang_index(const char *lang)
{
    return strcmp(ipart_message_language(lang), "nb") == 0 ? IPART__NB : IPART__EN;
}

const char *ipart_error_message_in(const char *lang)
{
    return state()->message.in[ipart__lang_index(lang)];
}

void ipart_error_clear(void)
{
    error_state *s = state();
    s->pub.code = IPART_OK;
    s->rule[0] = s->source[0] = s->path[0] = s->key[0] = '\0';
    for (int lang = 0; lang < IPART__LANGS; lang++)
        s->message.in[lang][0] = '\0';
}

const char *ipart_strerror(enum ipart_error_code code)
{
    switch (code) {
#define IPART__CASE(name, value, cls, msg) case IPART_##name: return msg;
        IPART_ERROR_MAP(IPART__CASE)
#undef IPART__CASE
    }
    return "unknown status";
}

const char *ipart_error_name(enum ipart_error_code code)
{
    switch (code) {
#define IPART__CASE(name, value, cls, msg) case IPART_##name: return "IPART_" #name;
        IPART_ERROR_MAP(IPART__CASE)
#undef IPART__CASE
    }
    return "IPART_UNKNOWN";
}

const char *ipart_error_class(enum ipart_error_code code)
{
    switch (code) {
#define IPART__CASE(name, value, cls, msg) case IPART_##name: return #cls;
        IPART_ERROR_MAP(IPART__CASE)
#undef IPART__CASE
    }
    return "Internal";
}

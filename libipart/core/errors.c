/* Status codes and the thread-local error detail. SPDX-License-Identifier: Apache-2.0 */
#include "error_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Fixed buffers: reporting must work when memory is exhausted. */
typedef struct error_state {
    ipart_error pub;
    char rule[16];
    char source[160];
    char path[256];
    char key[64];
    char message[512];
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
    s->pub.message = s->message;
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

static ipart_status vset(ipart_status code, const char *rule, const char *source, const char *path,
                         const char *key, const char *fmt, va_list ap) IPART__PRINTF(6, 0);

static ipart_status vset(ipart_status code, const char *rule, const char *source, const char *path,
                         const char *key, const char *fmt, va_list ap)
{
    error_state *s = state();
    s->pub.code = code;
    copy(s->rule, sizeof s->rule, rule);
    copy(s->source, sizeof s->source, source);
    copy(s->path, sizeof s->path, path);
    copy(s->key, sizeof s->key, key);
    vsnprintf(s->message, sizeof s->message, fmt, ap);
    if (s->message[0] == '\0')
        copy(s->message, sizeof s->message, ipart_strerror(code));
    return code;
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

void ipart_error_clear(void)
{
    error_state *s = state();
    s->pub.code = IPART_OK;
    s->rule[0] = s->source[0] = s->path[0] = s->key[0] = s->message[0] = '\0';
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

/* Private: setting the thread-local error detail. SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_CORE_ERROR_P_H
#define IPART_CORE_ERROR_P_H

#include <stdarg.h>

#include "ipart/errors.h"

#if defined(__GNUC__) || defined(__clang__)
#  define IPART__PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#  define IPART__PRINTF(fmt_index, first_arg)
#endif

/*
 * Record a failure and return its code, so that a guard reads
 *     return ipart__fail(IPART_EINVAL, "date.parse.syntax", "...", ...);
 * The strings are copied into fixed thread-local buffers (no allocation,
 * so this works when reporting IPART_ENOMEM); overlong text is truncated.
 * The rule, source and path are cleared.
 *
 * The English format is the msgid of the refusal catalogue
 * (core/refusals.c) and the key its context: the message is formatted in
 * English and, with the same arguments, in the catalogue's Norwegian
 * format for (key, fmt) - the English one when the catalogue has none.
 * tests/python/test_refusal_catalogue.py finds every call and fails on a
 * pair without its row (doc/languages.md).
 */
ipart_status ipart__fail(ipart_status code, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

/* As ipart__fail, and also name the rule (R1..R49), its legal source and
 * the JSON path or field concerned ("" or NULL for none). */
ipart_status ipart__fail_rule(ipart_status code, const char *rule, const char *source,
                              const char *path, const char *key, const char *fmt, ...)
    IPART__PRINTF(6, 7);

/* Set or replace the path of the current error (e.g. prefix a field name
 * with the JSON path of its object once the caller knows it). */
void ipart__error_set_path(const char *path);

/* ---- refusals in every language of the catalogue ------------------------
 * For the helpers whose message is built from pieces (a path before it, the
 * rule after it, a translated phrase inside it). */

/* The languages of a refusal, English first (the fallback). */
enum { IPART__EN, IPART__NB, IPART__LANGS };

#define IPART__TEXT_SIZE 512

/* One message in each language. */
typedef struct ipart__text {
    char in[IPART__LANGS][IPART__TEXT_SIZE];
} ipart__text;

/* The index of a language of ipart_message_language(): IPART__NB for "nb",
 * IPART__EN for every other (the fallback). */
int ipart__lang_index(const char *lang);

/* The catalogue's text of (key, english) in `lang` (IPART__EN, IPART__NB):
 * static; `english` itself for IPART__EN and when the catalogue has no row. */
const char *ipart__tr(const char *key, const char *english, int lang);

/* The rows of the catalogue, for the tests: 0 past the end. */
size_t ipart__refusal_count(void);
int ipart__refusal_at(size_t index, const char **key, const char **en, const char **nb);

/* `fmt` (an English msgid of `key`) formatted in every language with the
 * same arguments. */
void ipart__text_format(ipart__text *out, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);
void ipart__text_vformat(ipart__text *out, const char *key, const char *fmt, va_list ap)
    IPART__PRINTF(3, 0);

/* In a variadic function whose last named parameter is `fmt`: `t` is that
 * format (an English msgid of `key`) in every language with the arguments. */
#define IPART__TEXT_OF_ARGS(t, key, fmt)                \
    do {                                                \
        va_list ap_;                                    \
        va_start(ap_, fmt);                             \
        ipart__text_vformat(&(t), (key), (fmt), ap_);   \
        va_end(ap_);                                    \
    } while (0)

/* `text` (an English msgid of `key`, not a format) in every language. */
void ipart__text_plain(ipart__text *out, const char *key, const char *text);

/* Format one language of `out` with a format of that language, usually
 * ipart__tr(key, "...", lang), when an argument differs per language too
 * (a translated phrase). The catalogue test checks that every language's
 * format has the English one's conversions. */
void ipart__text_put(ipart__text *out, int lang, const char *fmt, ...);

/* Append ", " (unless `list` is empty) and `item` in every language: a list
 * of translated phrases; `list` starts as {0}. */
void ipart__text_append(ipart__text *list, const ipart__text *item);

/* `fmt` (an English msgid of `key` with one %s) around `arg`, each language
 * with its own text of `arg`. */
void ipart__text_wrap(ipart__text *out, const char *key, const char *fmt, const ipart__text *arg);

/* "<at>: <text>" and "<text> (<rule>)" in every language. */
void ipart__text_at(ipart__text *t, const char *at);
void ipart__text_cite(ipart__text *t, const char *rule);

/* As ipart__fail_rule, with the message given in every language. */
ipart_status ipart__fail_text(ipart_status code, const char *rule, const char *source,
                              const char *path, const char *key, const ipart__text *t);

/* The current error's message in every language (to quote it in another). */
void ipart__error_text(ipart__text *out);

/* Put "<at>: " before the current error's message in every language and
 * make `at` its path (a caller that knows where the failing value was). */
void ipart__error_prefix(const char *at);

/* IPART_ENOMEM with a standard message. */
ipart_status ipart__fail_nomem(void);

/* IPART_EMISUSE for a NULL required argument. */
ipart_status ipart__fail_null(const char *function, const char *argument);

#endif

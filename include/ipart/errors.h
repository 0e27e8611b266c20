/** @file
 * libipart - status codes and error details.
 *
 * Every fallible function returns an ipart_status: IPART_OK (0) on success,
 * a negative code on failure. After a failure, ipart_error_last() tells the
 * details (rule id, legal source, JSON path or field, message) on the same
 * thread. The detail is only meaningful right after a failed call: a
 * successful call does not clear it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_ERRORS_H
#define IPART_ERRORS_H

#include "common.h"

/**
 * The one table of status codes: XX(NAME, value, ExceptionClass, message).
 * Values never change once released; new codes are only appended. The
 * third column names the exception class of the bindings: Python raises
 * `ipart.<Class>Error`, Java throws `no.ipart.<Class>Exception`, both derived
 * from IpartError / IpartException.
 */
#define IPART_ERROR_MAP(XX)                                                        \
    XX(OK,        0,   Ok,              "success")                                 \
    XX(EINVAL,    -1,  InvalidArgument, "invalid argument")                        \
    XX(EPARSE,    -2,  Parse,           "malformed input")                         \
    XX(ERANGE,    -3,  OutOfRange,      "value outside the supported range")       \
    XX(EOVERFLOW, -4,  ArithmeticOverflow, "arithmetic overflow")                  \
    XX(ECURRENCY, -5,  Currency,        "unknown or mismatched currency")          \
    XX(ESTATE,    -6,  State,           "not allowed in the current stage")        \
    XX(EPERM,     -7,  PermissionDenied, "actor not permitted to do this")         \
    XX(ERULE,     -8,  RuleViolation,   "a rule of the procedure forbids this")    \
    XX(ENOTFOUND, -9,  NotFound,        "not found")                               \
    XX(EEXISTS,   -10, AlreadyExists,   "already exists")                          \
    XX(EVERSION,  -11, Version,         "unsupported version")                     \
    XX(ENOMEM,    -12, OutOfMemory,     "out of memory")                           \
    XX(EMISUSE,   -13, Misuse,          "library used incorrectly")                \
    XX(EINTERNAL, -14, Internal,        "internal error")

/**
 * The status codes, generated from IPART_ERROR_MAP: IPART_OK (0) and the
 * negative IPART_E... codes.
 *
 * Declared as a named enum and a separate typedef: ipart_status is used
 * only for return values, so that the bindings' typemaps turning a failed
 * status into an exception apply to nothing else (verified on SWIG 4.1).
 * Parameters and fields holding a code use enum ipart_error_code. */
enum ipart_error_code {
#define IPART__ERROR_ENUM(name, value, cls, msg) IPART_##name = value,
    IPART_ERROR_MAP(IPART__ERROR_ENUM)
#undef IPART__ERROR_ENUM
};
/** The return type of every fallible function: IPART_OK or a negative code. */
typedef enum ipart_error_code ipart_status;

/** Detail of the last failure on the calling thread. Strings are never NULL. */
typedef struct ipart_error {
    enum ipart_error_code code; /**< the status the failing call returned */
    const char *rule;    /**< rule id of doc/rules.md ("R13"), or "" */
    const char *source;  /**< legal source ("Dir. 2014/24/EU Art. 65(2)"), or "" */
    const char *path;    /**< JSON path ("$.events[3].date") or field name, or "" */
    const char *key;     /**< stable message key for translations ("money.parse.syntax"), or "" */
    /** English message, never "" after a failure; ipart_error_message_in() for Norwegian */
    const char *message;
} ipart_error;

IPART_BEGIN_DECL

/**
 * The detail of the most recent failure on this thread. Never NULL; the
 * pointer and its strings are owned by the library and valid until the
 * next libipart call on the same thread. Before any failure the code is
 * IPART_OK and every string is "". Thread-safe (thread-local storage).
 */
IPART_API const ipart_error *ipart_error_last(void);

/**
 * The message of the most recent failure on this thread in `lang`:
 * Norwegian bokmål for "nb", English (ipart_error_last()->message) for
 * "en" and for every other language, NULL included - the fallback of
 * ipart_message_language(). A refusal the Norwegian catalogue has no row
 * for is English in "nb" too (the tests keep every refusal in the
 * catalogue; doc/languages.md). Never NULL; "" before any failure. Owned by
 * the library and valid until the next libipart call on the same thread,
 * like ipart_error_last(). Thread-safe (thread-local storage).
 */
IPART_API const char *ipart_error_message_in(const char *lang);

/** Reset this thread's error detail to IPART_OK with empty strings. */
IPART_API void ipart_error_clear(void);

/**
 * Static English description of a status code ("invalid argument"); an
 * unknown code gives "unknown status". Never NULL; thread-safe.
 */
IPART_API const char *ipart_strerror(enum ipart_error_code code);

/**
 * Static name of a status code ("IPART_EINVAL"); an unknown code gives
 * "IPART_UNKNOWN". Never NULL; thread-safe.
 */
IPART_API const char *ipart_error_name(enum ipart_error_code code);

/**
 * Static name of the binding exception class for a status code
 * ("InvalidArgument", see IPART_ERROR_MAP); unknown codes give "Internal".
 * Never NULL; thread-safe.
 */
IPART_API const char *ipart_error_class(enum ipart_error_code code);

IPART_END_DECL

#endif /* IPART_ERRORS_H */

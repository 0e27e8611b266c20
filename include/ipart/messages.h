/*
 * libipart - message catalogues: the labels of the reports (the
 * procurement record, the OCDS and eForms exports, event and timeline
 * labels, "timeline.title") in Norwegian bokmål ("nb") and English ("en"),
 * keyed by a stable message key ("record.subject", "event.award_decided").
 *
 * The language is always an argument, never a global. English is the
 * explicit fallback: a language the catalogue does not have ("sv", "nn")
 * gets the English text, and ipart_message_language() says which
 * language a request is answered in, so a platform can show that it fell
 * back. Every entry has both languages (a test enumerates the keys and
 * fails on an entry missing either).
 *
 * The refusal messages of the guards have a catalogue of their own, keyed
 * like gettext by error key (ipart_error.key, e.g. "party.unknown") and
 * English text, since one key covers several messages: a failed call's
 * message in Norwegian is ipart_error_message_in("nb") (errors.h).
 *
 * Every string returned is static: never free it. Thread-safe (the
 * catalogue is read-only).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MESSAGES_H
#define IPART_MESSAGES_H

#include <stddef.h>

#include "common.h"

IPART_BEGIN_DECL

/**
 * The language a request for `lang` is answered in: "nb" for "nb", "en"
 * for "en" and for every other language, NULL included (the explicit
 * fallback). Static.
 */
IPART_API const char *ipart_message_language(const char *lang);

/**
 * The text of `key` in `lang` (see ipart_message_language() for the
 * fallback). NULL when the catalogue has no such key. Static.
 */
IPART_API const char *ipart_message(const char *key, const char *lang);

/**
 * 1 when the entry of `key` has its own, non-empty text in `lang` ("nb" or
 * "en"), without falling back; 0 otherwise (unknown key or language).
 */
IPART_API int ipart_message_has(const char *key, const char *lang);

/** The number of keys in the catalogue. */
IPART_API size_t ipart_message_count(void);

/** The index-th key, in the catalogue's (sorted) order; NULL past the end. Static. */
IPART_API const char *ipart_message_key_at(size_t index);

IPART_END_DECL

#endif /* IPART_MESSAGES_H */

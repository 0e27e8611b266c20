/*
 * Private: the streaming JSON decoder (io/json_stream.c), a second reader
 * of documents and events beside the cJSON one (io/codec.c), which stays
 * the reference.
 *
 * It reads the text once, filling each typed event straight from it by the
 * same field specs (model/event_spec_p.h) and value checks (codec_p.h), so
 * that no cJSON tree, pre-parse scan or duplicate-key pass is needed, and
 * a document's events are decoded, applied and forgotten one at a time.
 * It accepts only text that the cJSON path accepts, and decodes it into the
 * same typed events; it does not build errors: on anything it does not
 * accept (malformed JSON, a refused value, a key order it does not follow,
 * a refused event) it answers "no" and its caller runs the cJSON path,
 * whose error is then the one reported. `fuzz_stream`
 * (tests/fuzz/fuzz_stream.c) holds the two decoders to that.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_JSON_STREAM_P_H
#define IPART_IO_JSON_STREAM_P_H

#include <stddef.h>

#include "model/partnership_p.h"

/* What the streaming decoder made of a text. */
typedef enum ipart__stream_result {
    IPART__STREAM_TAKEN,    /* read as the cJSON path would read it */
    IPART__STREAM_DECLINED, /* not accepted here: run the cJSON path for the outcome */
    IPART__STREAM_NOMEM     /* out of memory (ipart__fail_nomem() reported it) */
} ipart__stream_result;

/*
 * Load a whole document of `length` bytes: TAKEN with *out a new
 * partnership (the caller's) when the document loads; otherwise nothing is
 * allocated, and the thread's error detail is meaningless when DECLINED.
 * Besides JSON that cJSON accepts, it wants the envelope's members in
 * save's order (format, version, profile, events) and each event's "type"
 * first, as save writes them.
 */
ipart__stream_result ipart__stream_load(ipart_partnership **out, const char *text, size_t length);

/*
 * Decode one event of `length` bytes for `p` into *out, whose arena is
 * taken from p->decoding as ipart__event_decode_header does: TAKEN when
 * the cJSON path would decode the same event (the caller then runs the
 * guards and applies it); otherwise p->decoding is given back and nothing
 * else changed.
 */
ipart__stream_result ipart__stream_event(ipart__decoded *out, ipart_partnership *p,
                                         const char *text, size_t length);

/*
 * The same for the event object at the start of `text`, with more text
 * after it (a batch's next events): TAKEN with *used the bytes read up to
 * and including its closing brace, when the cJSON path would decode the
 * text of those bytes alone to the same event. The caller knows that the
 * object ends there in cJSON's reading too (ipart__json_accepts_array()
 * accepted the text around it).
 */
ipart__stream_result ipart__stream_event_front(ipart__decoded *out, ipart_partnership *p,
                                               const char *text, size_t length, size_t *used);

/*
 * The same for a batch decoded ahead of applying (io/batch.c): the event
 * object at the start of `text` into *out (zeroed first), its strings and
 * arrays allocated in `arena` (the caller's, not p->decoding, and not
 * emptied when the event is not taken), money fields in `case_currency`
 * (the case's currency as it will be when the event is applied). TAKEN
 * with *used as for ipart__stream_event_front; DECLINED; NOMEM.
 */
ipart__stream_result ipart__stream_event_ahead(ipart__event *out, ipart__arena *arena,
                                               const char *case_currency, const char *text,
                                               size_t length, size_t *used);

#endif

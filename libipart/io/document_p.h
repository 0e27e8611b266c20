/* Private: applying one decoded-from-JSON event, shared by apply, load and
 * the what-if scenarios.
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_IO_DOCUMENT_P_H
#define IPART_IO_DOCUMENT_P_H

#include <cjson/cJSON.h>

#include "model/partnership_p.h"

/* Decode and apply one event object; `path` locates it in errors. */
ipart_status ipart__apply_object(ipart_partnership *p, const cJSON *json, const char *path);

/* Run the guards on a fully decoded event (io/json_stream.c) and apply it,
 * in the order and with the errors of ipart__apply_object. */
ipart_status ipart__apply_decoded(ipart_partnership *p, ipart__decoded *d, const char *path);

/* "<array>[<index>]" into path (array is "$" or "$.events"; no snprintf:
 * it is written for every event). */
void ipart__event_path(char path[64], const char *array, size_t index);

/* After the last event of a replay: drop the scratch buffers sized for the
 * largest event. */
void ipart__replay_finish(ipart_partnership *p);

/*
 * Which JSON reader load and apply use. IPART__DECODER_CJSON is the
 * reference: cJSON's tree, then the typed decoder (io/codec.c).
 * IPART__DECODER_STREAM tries the streaming decoder (io/json_stream_p.h)
 * and, on anything it does not accept, runs the reference, so that its
 * errors are the reference's. ipart_partnership_load,
 * ipart_partnership_apply and (since issue #18's batch work)
 * ipart_partnership_apply_all use IPART__DECODER_DEFAULT, the stream since
 * fuzz_stream ran 31 minutes with no difference (doc/performance.md); the
 * tests and fuzz_stream call both. -DIPART__DECODER_DEFAULT=
 * IPART__DECODER_CJSON builds the reference as the default (benchmarks).
 */
typedef enum ipart__decoder { IPART__DECODER_CJSON, IPART__DECODER_STREAM } ipart__decoder;
#ifndef IPART__DECODER_DEFAULT
#define IPART__DECODER_DEFAULT IPART__DECODER_STREAM
#endif

ipart_status ipart__load_with(ipart_partnership **out, const char *document_json,
                              ipart__decoder decoder);
ipart_status ipart__apply_with(ipart_partnership *p, const char *event_json,
                               ipart__decoder decoder);
/* ipart_partnership_apply_all() with `decoder`: the stream first decodes
 * every event of the batch ahead and then applies them
 * (ipart__apply_ahead, io/batch_p.h); when that does not take the batch,
 * it proves that the cJSON path accepts the batch's text
 * (ipart__json_accepts_array), then streams its events one by one, giving
 * the reference each event it declines; text it cannot prove goes to the
 * cJSON path whole. */
ipart_status ipart__apply_all_with(ipart_partnership *p, const char *events_json,
                                   ipart__decoder decoder);

#endif

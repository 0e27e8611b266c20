/*
 * Differential fuzz target (issue #18): the same bytes through both JSON
 * readers of io/document_p.h - the reference (cJSON's tree, then the typed
 * decoder) and the streaming decoder (io/json_stream_p.h, falling back to
 * the reference on whatever it does not accept) - as a document to load,
 * as one event applied to a fresh case and to the Stavanger case at one of
 * several stages, and as a batch (ipart_partnership_apply_all: the bytes as
 * they are, wrapped in [ ], and a document's events array) applied to a
 * new, a fresh and a staged case. It aborts on any difference in status,
 * error detail (code, rule, source, path, key, message in English and
 * bokmål), log length or saved bytes, and
 * when the streaming decoder on its own accepts a document the reference
 * refuses.
 *
 * Built with clang -fsanitize=fuzzer when IPART_BUILD_FUZZERS is on;
 * otherwise fuzz_main.c replays the corpus as an ordinary test.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipart/ipart.h>

#include "io/codec_p.h"
#include "io/document_p.h"
#include "io/json_p.h"
#include "io/json_stream_p.h"
#include "fuzz_file.h"
#include "fuzz_outcome.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- documents --------------------------------------------------------------- */

static size_t loadable, streamed; /* how often the stream took a document the reference loads */

static void check_load(const char *text)
{
    ipart_partnership *ref = NULL, *str = NULL, *alone = NULL;
    outcome a, b;
    ipart_status rc = ipart__load_with(&ref, text, IPART__DECODER_CJSON);
    record(&a, rc, rc == IPART_OK ? ref : NULL);
    rc = ipart__load_with(&str, text, IPART__DECODER_STREAM);
    record(&b, rc, rc == IPART_OK ? str : NULL);
    if (ipart__stream_load(&alone, text, strlen(text)) == IPART__STREAM_TAKEN) {
        char *saved = NULL;
        if (a.rc != IPART_OK || ipart_partnership_save(&saved, alone) != IPART_OK ||
            strcmp(saved, a.saved) != 0)
            abort(); /* the stream accepted what the reference refuses, or read it otherwise */
        ipart_free(saved);
        ipart_partnership_free(alone);
        streamed++;
    }
    loadable += a.rc == IPART_OK;
    same(&a, &b);
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
}

/* ---- events ------------------------------------------------------------------ */

static void check_apply(const ipart_partnership *base, const char *text)
{
    ipart_partnership *ref = NULL, *str = NULL;
    if (ipart_partnership_clone(&ref, base) != IPART_OK ||
        ipart_partnership_clone(&str, base) != IPART_OK)
        abort();
    outcome a, b;
    record(&a, ipart__apply_with(ref, text, IPART__DECODER_CJSON), ref);
    record(&b, ipart__apply_with(str, text, IPART__DECODER_STREAM), str);
    same(&a, &b);
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
}

/* ---- batches ----------------------------------------------------------------- */

static size_t batches, batch_events; /* batches applied in full, and their events */
static size_t proved;                /* batch texts io/json_accept.c proved */

/* What the check of io/json_accept.c proves, the parse must take: the same
 * array, of the same size. */
static void check_proof(const char *text)
{
    size_t count = 0, length = strlen(text);
    if (!ipart__json_accepts_array(text, length, &count))
        return;
    cJSON *json = NULL;
    if (ipart__json_parse(&json, text, length, "$") != IPART_OK || !cJSON_IsArray(json) ||
        (size_t)cJSON_GetArraySize(json) != count)
        abort(); /* proved, yet the cJSON path refuses it as text or reads it otherwise */
    size_t index = 0;
    const char *at = strchr(text, '[') + 1;
    for (const cJSON *element = json->child; element; element = element->next, index++) {
        at += strspn(at, " \t\n\r,");
        size_t used = ipart__json_element_length(at, length - (size_t)(at - text));
        cJSON *alone = used ? cJSON_ParseWithLength(at, used) : NULL;
        if (!alone || !cJSON_Compare(alone, element, 1))
            abort(); /* an element's own text is not the element */
        cJSON_Delete(alone);
        at += used;
    }
    proved++;
    cJSON_Delete(json);
}

static void check_batch(const ipart_partnership *base, const char *text)
{
    ipart_partnership *ref = NULL, *str = NULL;
    if (ipart_partnership_clone(&ref, base) != IPART_OK ||
        ipart_partnership_clone(&str, base) != IPART_OK)
        abort();
    outcome a, b;
    check_proof(text);
    record(&a, ipart__apply_all_with(ref, text, IPART__DECODER_CJSON), ref);
    record(&b, ipart__apply_all_with(str, text, IPART__DECODER_STREAM), str);
    if (a.rc == IPART_OK) {
        batches++;
        batch_events += a.events - ipart_partnership_event_count(base);
    }
    same(&a, &b);
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
}

/* A document's events array as a batch: from the '[' after "events" to the
 * last ']' (a document as save writes it ends with "]}"); NULL otherwise. */
static char *events_array(const char *text)
{
    const char *key = strstr(text, "\"events\"");
    const char *open = key ? strchr(key, '[') : NULL;
    const char *close = strrchr(text, ']');
    if (!open || !close || close < open)
        return NULL;
    size_t n = (size_t)(close - open) + 1;
    char *array = malloc(n + 1);
    if (array) {
        memcpy(array, open, n);
        array[n] = '\0';
    }
    return array;
}

/* The bytes in "[" "]": one event, or the events of a batch without its brackets. */
static char *wrapped(const char *text)
{
    size_t n = strlen(text);
    char *array = malloc(n + 3);
    if (array) {
        array[0] = '[';
        memcpy(array + 1, text, n);
        memcpy(array + 1 + n, "]", 2);
    }
    return array;
}

static ipart_partnership *fresh; /* just created, as fuzz_document's */
static ipart_partnership *empty; /* new: no event, no currency yet */

static void check_batches(const char *text, size_t size)
{
    char *inner = wrapped(text), *events = events_array(text);
    const ipart_partnership *staged = at_stage[size % STAGE_COUNT];
    check_batch(empty, text);
    check_batch(staged, text);
    if (inner) {
        check_batch(fresh, inner);
        check_batch(staged, inner);
    }
    if (events) {
        check_batch(empty, events);
        check_batch(staged, events);
    }
    free(inner);
    free(events);
}

static void report(void)
{
    fprintf(stderr, "fuzz_stream: the streaming decoder alone loaded %zu of the %zu loadable documents\n",
            streamed, loadable);
    fprintf(stderr, "fuzz_stream: %zu batches applied in full, %zu events; %zu batch texts proved\n",
            batches, batch_events, proved);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fresh) {
        prepare();
        if (ipart_partnership_new(&fresh, "NO") != IPART_OK ||
            ipart__apply_with(fresh, "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\","
                              "\"actor\":\"a\",\"authority\":{\"id\":\"a\",\"name\":\"A\","
                              "\"kind\":\"sub_central\"},\"title\":\"t\",\"currency\":\"NOK\"}",
                              IPART__DECODER_CJSON) != IPART_OK)
            abort();
        if (ipart_partnership_new(&empty, "NO") != IPART_OK)
            abort();
        atexit(report);
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    check_load(text);
    check_apply(fresh, text);
    check_apply(at_stage[size % STAGE_COUNT], text);
    check_batches(text, size);
    free(text);
    return 0;
}

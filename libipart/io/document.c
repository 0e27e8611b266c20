/*
 * Documents and JSON events: apply one event given as JSON, load a whole
 * document by replaying its log through the same guards, save the
 * canonical document.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "io/batch_p.h"
#include "io/codec_p.h"
#include "io/document_p.h"
#include "io/json_p.h"
#include "io/json_stream_p.h"
#include "model/partnership_p.h"

typedef struct json_body {
    const cJSON *json;
    const char *path;
} json_body;

/* The JSON path's body step: decode the payload (the decoder frees the
 * arena when it fails). */
static ipart_status decode_body(ipart__decoded *d, const char *currency, const void *ctx)
{
    const json_body *body = ctx;
    return ipart__event_decode_body(d, body->json, body->path, currency);
}

/* The streaming decoder's body step: the payload is decoded already. */
static ipart_status body_decoded(ipart__decoded *d, const char *currency, const void *ctx)
{
    (void)d;
    (void)currency;
    (void)ctx;
    return IPART_OK;
}

ipart_status ipart__apply_object(ipart_partnership *p, const cJSON *json, const char *path)
{
    ipart__decoded d;
    ipart_status rc = ipart__event_decode_header(&d, json, path, &p->decoding);
    if (rc != IPART_OK)
        return rc;
    json_body body = {json, path};
    return ipart__apply_guarded(p, &d, path, decode_body, &body);
}

ipart_status ipart__apply_decoded(ipart_partnership *p, ipart__decoded *d, const char *path)
{
    return ipart__apply_guarded(p, d, path, body_decoded, NULL);
}

ipart_status ipart_partnership_event_header_at(ipart_event_header *out, const ipart_partnership *p,
                                              size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_event_header_at", !out ? "out" : "partnership");
    if (index >= p->log_count)
        return ipart__fail(IPART_ENOTFOUND, "log.index", "no event %zu: there are %zu", index,
                           p->log_count);
    ipart_status seen = ipart__scope_event(p, index); /* a partial event shows its header */
    if (seen != IPART_OK)
        return seen;
    const ipart__log_entry *e = &p->log[index];
    cJSON *json = cJSON_ParseWithLength(e->json, e->length);
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(json, "date");
    /* apply() checks the sender is a party, so a logged event always has one. */
    ipart_event_header h = {ipart__event_type_name(e->type), {0, 0, 0},
                            e->actor ? e->actor->id : ""};
    /* The logged text is canonical: it parses and its date is valid, short of memory. */
    ipart_status rc = json && cJSON_IsString(date) ? ipart_date_parse(&h.date, date->valuestring)
                                                   : ipart__fail_nomem();
    cJSON_Delete(json);
    if (rc == IPART_OK)
        *out = h;
    return rc;
}

ipart_status ipart_partnership_apply(ipart_partnership *p, const char *event_json)
{
    if (!p || !event_json)
        return ipart__fail_null("ipart_partnership_apply", !p ? "partnership" : "event_json");
    ipart_status rc = ipart__may_write(p);
    if (rc != IPART_OK)
        return rc;
    return ipart__apply_with(p, event_json, IPART__DECODER_DEFAULT);
}

ipart_status ipart__apply_with(ipart_partnership *p, const char *event_json, ipart__decoder decoder)
{
    size_t length = strlen(event_json);
    ipart__decoded d;
    ipart__stream_result streamed = decoder == IPART__DECODER_STREAM
                                        ? ipart__stream_event(&d, p, event_json, length)
                                        : IPART__STREAM_DECLINED;
    if (streamed == IPART__STREAM_TAKEN)
        return ipart__apply_decoded(p, &d, "$");
    if (streamed == IPART__STREAM_NOMEM)
        return IPART_ENOMEM;
    cJSON *json = NULL;
    ipart_status rc = ipart__json_parse(&json, event_json, length, "$");
    if (rc != IPART_OK)
        return rc;
    rc = ipart__apply_object(p, json, "$");
    cJSON_Delete(json);
    return rc;
}

static ipart_status top_level_error(ipart_status code, const char *path, const char *key,
                                    const char *message)
{
    ipart__text t;
    ipart__text_plain(&t, key, message);
    ipart__text_at(&t, path);
    return ipart__fail_text(code, NULL, NULL, path, key, &t);
}

/* The envelope: exactly format, version, profile and events. */
static ipart_status check_envelope(const cJSON *doc, cJSON **events, const char **profile)
{
    if (!cJSON_IsObject(doc))
        return top_level_error(IPART_EINVAL, "$", "document.type", "a document is a JSON object");
    for (const cJSON *c = doc->child; c; c = c->next)
        if (strcmp(c->string, "format") && strcmp(c->string, "version") &&
            strcmp(c->string, "profile") && strcmp(c->string, "events")) {
            char at[256];
            snprintf(at, sizeof at, "$.%s", c->string);
            return top_level_error(IPART_EINVAL, at, "document.field.unknown", "unknown field");
        }
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(doc, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(doc, "version");
    const cJSON *prof = cJSON_GetObjectItemCaseSensitive(doc, "profile");
    *events = cJSON_GetObjectItemCaseSensitive(doc, "events");
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "ipart-document") != 0)
        return top_level_error(IPART_EINVAL, "$.format", "document.format",
                               "must be the string \"ipart-document\"");
    if (!cJSON_IsNumber(version))
        return top_level_error(IPART_EINVAL, "$.version", "document.version",
                               "must be the number 1");
    if (version->valuedouble != 1.0)
        return top_level_error(IPART_EVERSION, "$.version", "document.version.unsupported",
                               "this library reads version 1 documents");
    if (!cJSON_IsString(prof))
        return top_level_error(IPART_EINVAL, "$.profile", "document.profile",
                               "must be a profile code (NO, SE, DK, EU)");
    if (!cJSON_IsArray(*events))
        return top_level_error(IPART_EINVAL, "$.events", "document.events",
                               "must be an array of events");
    if ((size_t)cJSON_GetArraySize(*events) > IPART__MAX_EVENTS)
        return top_level_error(IPART_ERANGE, "$.events", "document.events.limit",
                               "more than 1 000 000 events");
    *profile = prof->valuestring;
    return IPART_OK;
}

void ipart__event_path(char path[64], const char *array, size_t index)
{
    char digits[24], *d = digits + sizeof digits;
    *--d = '\0';
    do
        *--d = (char)('0' + index % 10);
    while ((index /= 10) != 0);
    size_t n = strlen(array), k = (size_t)(digits + sizeof digits - 1 - d);
    memcpy(path, array, n); /* array is "$" or "$.events": it fits */
    path[n] = '[';
    memcpy(path + n + 1, d, k);
    memcpy(path + n + 1 + k, "]", 2);
}

/* Apply each event of the array in turn and free its tree once applied, so
 * the parsed text shrinks while the state grows (peak memory). Stops at the
 * first refused event; those before it stay applied. */
static ipart_status replay_events(ipart_partnership *p, cJSON *events, const char *array)
{
    ipart_status rc = IPART_OK;
    size_t index = 0;
    while (rc == IPART_OK && events->child) {
        char path[64];
        ipart__event_path(path, array, index++);
        rc = ipart__apply_object(p, events->child, path);
        cJSON_Delete(cJSON_DetachItemViaPointer(events, events->child));
    }
    ipart__replay_finish(p);
    return rc;
}

void ipart__replay_finish(ipart_partnership *p)
{
    ipart__strbuf_free(&p->encoding); /* sized for the largest event: not kept */
    ipart__arena_free(&p->decoding);
}

ipart_status ipart_partnership_apply_all(ipart_partnership *p, const char *events_json)
{
    if (!p || !events_json)
        return ipart__fail_null("ipart_partnership_apply_all", !p ? "partnership" : "events_json");
    ipart_status rc = ipart__may_write(p); /* a scoped handle is read-only, as for apply */
    if (rc != IPART_OK)
        return rc;
    return ipart__apply_all_with(p, events_json, IPART__DECODER_DEFAULT);
}

/* One event of an accepted batch at `at`: streamed, or when the stream
 * declines it, parsed alone by cJSON (the same tree as the batch's parse
 * would hold for it) and decoded by the reference; *used its bytes. */
static ipart_status apply_batch_event(ipart_partnership *p, const char *at, size_t rest,
                                      const char *path, size_t *used)
{
    ipart__decoded d;
    ipart__stream_result streamed = ipart__stream_event_front(&d, p, at, rest, used);
    if (streamed == IPART__STREAM_TAKEN)
        return ipart__apply_decoded(p, &d, path);
    if (streamed == IPART__STREAM_NOMEM)
        return IPART_ENOMEM;
    *used = ipart__json_element_length(at, rest);
    cJSON *json = NULL;
    ipart_status rc = ipart__json_parse(&json, at, *used, path);
    if (rc != IPART_OK)
        return rc; /* out of memory: the batch's acceptance rules out the rest */
    rc = ipart__apply_object(p, json, path);
    cJSON_Delete(json);
    return rc;
}

/* The `count` events of a batch that ipart__json_accepts_array() accepted,
 * in order, as replay_events applies the batch's tree. */
static ipart_status apply_accepted_batch(ipart_partnership *p, const char *text, size_t length,
                                         size_t count)
{
    const char *at = strchr(text, '[') + 1, *end = text + length;
    ipart_status rc = IPART_OK;
    for (size_t index = 0; rc == IPART_OK && index < count; index++) {
        char path[64];
        size_t used = 0;
        while (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t' || *at == ',')
            at++; /* the text is accepted: one ',' at most */
        ipart__event_path(path, "$", index);
        rc = apply_batch_event(p, at, (size_t)(end - at), path, &used);
        at += used;
    }
    ipart__replay_finish(p);
    return rc;
}

ipart_status ipart__apply_all_with(ipart_partnership *p, const char *events_json,
                                   ipart__decoder decoder)
{
    size_t length = strlen(events_json), count = 0;
    if (decoder == IPART__DECODER_STREAM) {
        ipart_status rc = IPART_OK;
        ipart__stream_result ahead = ipart__apply_ahead(p, events_json, length, &rc);
        if (ahead != IPART__STREAM_DECLINED)
            return ahead == IPART__STREAM_TAKEN ? rc : IPART_ENOMEM;
        if (ipart__json_accepts_array(events_json, length, &count))
            return apply_accepted_batch(p, events_json, length, count);
    }
    cJSON *events = NULL;
    ipart_status rc = ipart__json_parse(&events, events_json, length, "$");
    if (rc != IPART_OK)
        return rc;
    if (!cJSON_IsArray(events))
        rc = top_level_error(IPART_EINVAL, "$", "batch.type", "a batch is a JSON array of events");
    else if ((size_t)cJSON_GetArraySize(events) > IPART__MAX_EVENTS)
        rc = top_level_error(IPART_ERANGE, "$", "batch.limit", "more than 1 000 000 events");
    else
        rc = replay_events(p, events, "$");
    cJSON_Delete(events);
    return rc;
}

ipart_status ipart_partnership_load(ipart_partnership **out, const char *document_json)
{
    if (!out || !document_json)
        return ipart__fail_null("ipart_partnership_load", !out ? "out" : "document_json");
    return ipart__load_with(out, document_json, IPART__DECODER_DEFAULT);
}

ipart_status ipart__load_with(ipart_partnership **out, const char *document_json,
                              ipart__decoder decoder)
{
    size_t length = strlen(document_json);
    ipart__stream_result streamed = decoder == IPART__DECODER_STREAM
                                        ? ipart__stream_load(out, document_json, length)
                                        : IPART__STREAM_DECLINED;
    if (streamed != IPART__STREAM_DECLINED)
        return streamed == IPART__STREAM_TAKEN ? IPART_OK : IPART_ENOMEM;
    cJSON *doc = NULL;
    ipart_status rc = ipart__json_parse(&doc, document_json, length, "$");
    if (rc != IPART_OK)
        return rc;
    cJSON *events = NULL;
    const char *profile = NULL;
    ipart_partnership *p = NULL;
    rc = check_envelope(doc, &events, &profile);
    if (rc == IPART_OK) {
        rc = ipart_partnership_new(&p, profile);
        if (rc != IPART_OK && rc != IPART_ENOMEM)
            ipart__error_set_path("$.profile");
    }
    if (rc == IPART_OK)
        rc = replay_events(p, events, "$.events");
    cJSON_Delete(doc);
    if (rc != IPART_OK) {
        ipart_partnership_free(p);
        return rc;
    }
    *out = p;
    return IPART_OK;
}

ipart_status ipart_partnership_save(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_save", !out ? "out" : "partnership");
    if (!ipart__scope_sees(p, NULL))
        return ipart__scope_refuse(p, "the whole document (its view is ipart_partnership_view_json)");
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_puts(&b, "{\"format\":\"ipart-document\",\"version\":1,\"profile\":");
    ipart__strbuf_json_string(&b, p->profile->code);
    ipart__strbuf_puts(&b, ",\"events\":[");
    for (size_t i = 0; i < p->log_count; i++) {
        /* One event per line keeps documents diff-friendly. */
        ipart__strbuf_puts(&b, i ? ",\n" : "\n");
        ipart__strbuf_append(&b, p->log[i].json, p->log[i].length);
    }
    ipart__strbuf_puts(&b, p->log_count ? "\n]}\n" : "]}\n");
    return ipart__strbuf_finish(&b, out);
}

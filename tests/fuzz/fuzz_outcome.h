/* What a call left behind, compared between two routes that must agree,
 * and the Stavanger case at several stages: shared by the differential
 * fuzz targets (fuzz_stream, fuzz_tree).
 * SPDX-License-Identifier: Apache-2.0 */
#ifndef IPART_FUZZ_OUTCOME_H
#define IPART_FUZZ_OUTCOME_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <ipart/ipart.h>

#include "io/document_p.h"
#include "fuzz_file.h"

typedef struct outcome {
    ipart_status rc;
    char detail[6][600]; /* rule, source, path, key, message, message in bokmål */
    size_t events;
    char *saved;
} outcome;

static void copy(char *to, const char *from)
{
    snprintf(to, 600, "%s", from ? from : "");
}

static void record(outcome *o, ipart_status rc, const ipart_partnership *p)
{
    memset(o, 0, sizeof *o);
    o->rc = rc;
    if (rc != IPART_OK) {
        const ipart_error *e = ipart_error_last();
        if (e->code != rc)
            abort(); /* the detail must describe this failure */
        copy(o->detail[0], e->rule);
        copy(o->detail[1], e->source);
        copy(o->detail[2], e->path);
        copy(o->detail[3], e->key);
        copy(o->detail[4], e->message);
        copy(o->detail[5], ipart_error_message_in("nb"));
    }
    if (p) {
        o->events = ipart_partnership_event_count(p);
        if (ipart_partnership_save(&o->saved, p) != IPART_OK)
            abort();
    }
}

static void same(outcome *a, outcome *b)
{
    if (a->rc != b->rc || a->events != b->events ||
        memcmp(a->detail, b->detail, sizeof a->detail) != 0 ||
        ((a->saved || b->saved) &&
         (!a->saved || !b->saved || strcmp(a->saved, b->saved) != 0))) {
        fprintf(stderr, "the two routes differ: %d/%d '%s' / '%s'\n", (int)a->rc,
                (int)b->rc, a->detail[4], b->detail[4]);
        abort();
    }
    ipart_free(a->saved);
    ipart_free(b->saved);
}

/* Log positions that start each part of the procedure (as fuzz_apply). */
static const size_t stages[] = {1, 8, 10, 30, 63, 80, 90, 100, 1000000};
#define STAGE_COUNT (sizeof stages / sizeof stages[0])
static ipart_partnership *at_stage[STAGE_COUNT];

/* The golden file holds {"document": {...}, ...}: the document's events,
 * applied one by one through the reference, make each stage. */
static void prepare(void)
{
    char *text = fuzz_read_file(IPART_FUZZ_CASE);
    cJSON *file = text ? cJSON_Parse(text) : NULL;
    const cJSON *doc = cJSON_GetObjectItemCaseSensitive(file, "document");
    const cJSON *events = cJSON_GetObjectItemCaseSensitive(doc, "events");
    const cJSON *profile = cJSON_GetObjectItemCaseSensitive(doc, "profile");
    if (!cJSON_IsArray(events) || !cJSON_IsString(profile))
        abort();
    for (size_t s = 0; s < STAGE_COUNT; s++) {
        if (ipart_partnership_new(&at_stage[s], profile->valuestring) != IPART_OK)
            abort();
        size_t i = 0;
        for (const cJSON *ev = events->child; ev && i < stages[s]; ev = ev->next, i++) {
            char *one = cJSON_PrintUnformatted(ev);
            if (!one || ipart__apply_with(at_stage[s], one, IPART__DECODER_CJSON) != IPART_OK)
                abort();
            cJSON_free(one);
        }
    }
    cJSON_Delete(file);
    free(text);
}

#endif

/*
 * Fuzz target: any bytes as an event applied to the Stavanger case at one
 * of several stages (the input's length picks it, so every byte stays
 * JSON), as a what-if scenario on it (also as an operator), and the party
 * views and scoped handles after an accepted event. Every answer is a status - never a crash, a leak or
 * undefined behaviour - a refused event changes nothing, and an accepted
 * one round-trips through save and load and changes no rights at the
 * points before it (the state's history, rights.h).
 *
 * The case is read once from IPART_FUZZ_CASE (a golden procedure document).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <ipart/ipart.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Log positions that start each part of the procedure: created, terms,
 * notice, requests, tenders, evaluation, award, development, purchase. */
static const size_t stages[] = {1, 8, 10, 30, 63, 80, 90, 100, 1000000};
#define STAGE_COUNT (sizeof stages / sizeof stages[0])

static ipart_partnership *at_stage[STAGE_COUNT];

/* The golden file holds {"document": {...}, ...}: load the document part. */
static ipart_partnership *load_case(void)
{
    char *text = fuzz_read_file(IPART_FUZZ_CASE);
    char *doc = text ? strstr(text, "\"document\"") : NULL;
    doc = doc ? strchr(doc, '{') : NULL;
    ipart_partnership *full = NULL;
    if (doc) {
        /* The document object ends at the matching brace. */
        int depth = 0, in_string = 0;
        for (char *c = doc; *c; c++) {
            if (in_string) {
                if (*c == '\\') c++;
                else if (*c == '"') in_string = 0;
            } else if (*c == '"') in_string = 1;
            else if (*c == '{') depth++;
            else if (*c == '}' && --depth == 0) { c[1] = '\0'; break; }
        }
        if (ipart_partnership_load(&full, doc) != IPART_OK)
            full = NULL;
    }
    free(text);
    return full;
}

static void prepare(void)
{
    ipart_partnership *full = load_case();
    if (!full)
        abort();
    size_t count = ipart_partnership_event_count(full);
    for (size_t s = 0; s < STAGE_COUNT; s++) {
        size_t n = stages[s] < count ? stages[s] : count;
        if (ipart_partnership_new(&at_stage[s], ipart_partnership_profile(full)) != IPART_OK)
            abort();
        for (size_t i = 0; i < n; i++) {
            char *ev = NULL;
            if (ipart_partnership_event_at(&ev, full, i) != IPART_OK ||
                ipart_partnership_apply(at_stage[s], ev) != IPART_OK)
                abort();
            ipart_free(ev);
        }
    }
    ipart_partnership_free(full);
}

/* A party's scoped handle shows only its own rows (R19, R37, doc/scope.md). */
static void scoped_rows(const ipart_partnership *p, const ipart_party *party)
{
    ipart_partnership *s = NULL;
    if (ipart_partnership_as_party(&s, p, party->id) != IPART_OK)
        abort();
    int full = party->role == IPART_ROLE_AUTHORITY;
    for (size_t i = 0; i < ipart_partnership_tenderer_count(s); i++) {
        ipart_tenderer t;
        if (ipart_partnership_tenderer_at(&t, s, i) != IPART_OK ||
            (!full && strcmp(t.id, party->id) != 0))
            abort();
    }
    for (size_t i = 0; i < ipart_partnership_payment_count(s); i++) {
        ipart_payment pay;
        if (ipart_partnership_payment_at(&pay, s, i) != IPART_OK ||
            (!full && strcmp(pay.partner, party->id) != 0))
            abort();
    }
    for (size_t i = 0; i < ipart_partnership_cap_count(s); i++) {
        ipart_cap_status c;
        if (ipart_partnership_cap_at(&c, s, i) != IPART_OK ||
            (!full && strcmp(c.partner, party->id) != 0))
            abort();
    }
    char *saved = NULL;
    if (!full && ipart_partnership_save(&saved, s) != IPART_EPERM)
        abort();
    ipart_free(saved);
    ipart_partnership_free(s);
}

static void views_round_trip(const ipart_partnership *p)
{
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        char *view = NULL;
        if (ipart_partnership_party_at(&party, p, i) != IPART_OK ||
            ipart_partnership_view_json(&view, p, party.id) != IPART_OK)
            abort();
        ipart_free(view);
        scoped_rows(p, &party);
    }
    char *saved = NULL, *again = NULL;
    ipart_partnership *reloaded = NULL;
    if (ipart_partnership_save(&saved, p) != IPART_OK ||
        ipart_partnership_load(&reloaded, saved) != IPART_OK ||
        ipart_partnership_save(&again, reloaded) != IPART_OK || strcmp(saved, again) != 0)
        abort();
    ipart_free(saved);
    ipart_free(again);
    ipart_partnership_free(reloaded);
}

/* One rights query as text: its JSON, or its status and error key. */
static char *rights_text(const ipart_partnership *p, size_t at, const char *party,
                         const char *asset)
{
    char *json = NULL;
    ipart_status rc = ipart_partnership_rights_json(&json, p, at, party, asset);
    if (rc == IPART_OK)
        return json;
    char *failed = malloc(128);
    if (failed)
        snprintf(failed, 128, "%d %s", (int)rc, ipart_error_last()->key);
    return failed;
}

/* After an accepted event, every party's rights to every party's results
 * at the point before it are what the case answered before it (`base`). */
static void earlier_rights_unchanged(const ipart_partnership *base, const ipart_partnership *p)
{
    size_t at = ipart_partnership_event_count(base);
    for (size_t i = 0; i < ipart_partnership_party_count(base); i++)
        for (size_t j = 0; j < ipart_partnership_party_count(base); j++) {
            ipart_party who, of;
            char asset[128];
            if (ipart_partnership_party_at(&who, base, i) != IPART_OK ||
                ipart_partnership_party_at(&of, base, j) != IPART_OK)
                abort();
            snprintf(asset, sizeof asset, "%s.foreground", of.id);
            char *then = rights_text(base, at, who.id, asset);
            char *now = rights_text(p, at, who.id, asset);
            if (!then || !now || strcmp(then, now) != 0)
                abort(); /* the event rewrote the past */
            ipart_free(then);
            ipart_free(now);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!at_stage[0])
        prepare();
    const ipart_partnership *base = at_stage[size % STAGE_COUNT];
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    char *report = NULL;
    ipart_status rc = ipart_partnership_what_if_json(&report, base, text);
    if (rc == IPART_OK && !report)
        abort();
    ipart_free(report);
    report = NULL;
    ipart_partnership *op05 = NULL; /* the same scenario as an operator (doc/scope.md) */
    if (ipart_partnership_as_party(&op05, base, "op05") == IPART_OK &&
        ipart_partnership_what_if_json(&report, op05, text) == IPART_OK && !report)
        abort();
    ipart_free(report);
    ipart_partnership_free(op05);

    ipart_partnership *p = NULL;
    if (ipart_partnership_clone(&p, base) == IPART_OK) {
        size_t before = ipart_partnership_event_count(p);
        rc = ipart_partnership_apply(p, text);
        if (rc != IPART_OK && (ipart_partnership_event_count(p) != before ||
                               ipart_error_last()->code != rc))
            abort(); /* a refusal changed the log or misreported */
        if (rc == IPART_OK) {
            views_round_trip(p);
            earlier_rights_unchanged(base, p);
        }
        ipart_partnership_free(p);
    }
    free(text);
    return 0;
}

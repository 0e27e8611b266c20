/*
 * ipart_partnership_clone(): a deep copy of the state, for what-if
 * scenarios. Copying is proportional to the bytes of the state (the log's
 * text, the parties, the contracts), without parsing or re-checking a single
 * event: the copy of a 123-event case costs a small fraction of a replay
 * (doc/performance.md).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stddef.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "model/contract_p.h"
#include "model/event_spec_p.h"
#include "model/partnership_p.h"
#include "model/programme_p.h"

static ipart_status copy_log(ipart_partnership *d, const ipart_partnership *s)
{
    if (!s->log_count)
        return IPART_OK;
    if (!(d->log = ipart__malloc(s->log_count * sizeof *d->log)))
        return ipart__fail_nomem();
    d->log_capacity = s->log_count;
    for (; d->log_count < s->log_count; d->log_count++) {
        const ipart__log_entry *e = &s->log[d->log_count];
        char *json = ipart__arena_text(&d->log_texts, e->json, e->length);
        if (!json)
            return ipart__fail_nomem();
        /* The actor is a party of the copy: the same index in the same order. */
        d->log[d->log_count] = (ipart__log_entry){json, e->length, e->type, NULL};
    }
    return IPART_OK;
}

static ipart_status copy_party(ipart_partnership *d, const ipart__party *src)
{
    ipart__party *party = ipart__party_alloc(src->id, src->name);
    if (!party)
        return ipart__fail_nomem();
    char *id = party->id, *name = party->name;
    *party = *src;
    party->id = id;
    party->name = name;
    party->contract = NULL;
    d->parties[d->party_count++] = party; /* freed with the copy from here on */
    if (src->contract) {
        size_t bytes = ipart__contract_bytes(src->contract);
        if (!(party->contract = ipart__malloc(bytes)))
            return ipart__fail_nomem();
        memcpy(party->contract, src->contract, bytes);
    }
    (void)ipart__index_add(&d->by_id, party); /* cannot fail: copy_parties reserved room */
    return IPART_OK;
}

static ipart_status copy_parties(ipart_partnership *d, const ipart_partnership *s)
{
    if (!s->party_count)
        return IPART_OK;
    if (!(d->parties = ipart__malloc(s->party_count * sizeof *d->parties)))
        return ipart__fail_nomem();
    d->party_capacity = s->party_count;
    if (!ipart__index_reserve(&d->by_id, s->party_count))
        return ipart__fail_nomem();
    for (size_t i = 0; i < s->party_count; i++) {
        ipart_status rc = copy_party(d, s->parties[i]);
        if (rc != IPART_OK)
            return rc;
    }
    d->authority = s->authority ? d->parties[s->authority->index] : NULL;
    for (size_t i = 0; i < d->log_count; i++)
        d->log[i].actor = s->log[i].actor ? d->parties[s->log[i].actor->index] : NULL;
    return IPART_OK;
}

static ipart_status copy_ranking(ipart_partnership *d, const ipart_partnership *s)
{
    const ipart__ranking *r = s->ranking;
    if (!r)
        return IPART_OK;
    ipart__ranking *c = ipart__calloc(1, sizeof *c);
    if (!c)
        return ipart__fail_nomem();
    d->ranking = c;
    size_t points = r->count * r->criteria;
    c->entries = ipart__malloc((r->count ? r->count : 1) * sizeof *c->entries);
    c->points = ipart__malloc((points ? points : 1) * sizeof *c->points);
    if (!c->entries || !c->points)
        return ipart__fail_nomem();
    memcpy(c->points, r->points, points * sizeof *c->points);
    for (size_t i = 0; i < r->count; i++) {
        c->entries[i] = r->entries[i];
        c->entries[i].party = d->parties[r->entries[i].party->index];
        c->entries[i].points = c->points + (r->entries[i].points - r->points);
    }
    c->count = r->count;
    c->criteria = r->criteria;
    return IPART_OK;
}

static ipart_status copy_warnings(ipart_partnership *d, const ipart_partnership *s)
{
    if (!s->warning_count)
        return IPART_OK;
    if (!(d->warnings = ipart__malloc(s->warning_count * sizeof *d->warnings)))
        return ipart__fail_nomem();
    d->warning_capacity = s->warning_count;
    for (; d->warning_count < s->warning_count; d->warning_count++) {
        ipart__warning w = s->warnings[d->warning_count];
        if (!(w.message = ipart__warning_texts_dup(w.message, ipart__warning_nb(&w))))
            return ipart__fail_nomem();
        d->warnings[d->warning_count] = w;
    }
    return IPART_OK;
}

ipart_status ipart_partnership_clone(ipart_partnership **out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_clone", !out ? "out" : "partnership");
    ipart_partnership *d = ipart__malloc(sizeof *d);
    if (!d)
        return ipart__fail_nomem();
    /* The scalars as they are; every pointer is rebuilt below, and the counts
     * grow with what is copied, so a failure half-way frees exactly that. */
    *d = *p;
    d->log = NULL;
    d->log_count = d->log_capacity = 0;
    d->encoding = (ipart__strbuf)IPART__STRBUF_INIT;
    d->log_texts = (ipart__arena)IPART__ARENA_INIT;
    d->decoding = (ipart__arena)IPART__ARENA_INIT;
    d->parties = NULL;
    d->party_count = d->party_capacity = 0;
    d->by_id = (ipart__index)IPART__INDEX_INIT(offsetof(ipart__party, id));
    d->authority = NULL;
    d->terms = NULL;
    d->terms_arena = (ipart__arena){NULL};
    d->ranking = NULL;
    d->warnings = NULL;
    d->warning_count = d->warning_capacity = 0;
    d->kept = NULL;
    d->kept_count = d->kept_capacity = 0;
    d->scope = NULL;
    d->history = (ipart__history){0};
    ipart_status rc = copy_log(d, p);
    if (rc == IPART_OK)
        rc = copy_parties(d, p);
    if (rc == IPART_OK)
        rc = ipart__history_copy(d, p);
    if (rc == IPART_OK && p->terms && !(d->terms = ipart__terms_copy(&d->terms_arena, p->terms)))
        rc = ipart__fail_nomem();
    if (rc == IPART_OK)
        rc = ipart__kept_copy(d, p);
    if (rc == IPART_OK)
        rc = copy_ranking(d, p);
    if (rc == IPART_OK)
        rc = copy_warnings(d, p);
    if (rc == IPART_OK && p->scope &&
        !(d->scope = ipart__scope_copy(p->scope, ipart__party_find(d, p->scope->viewer->id))))
        rc = ipart__fail_nomem();
    if (rc != IPART_OK) {
        ipart_partnership_free(d);
        return rc;
    }
    *out = d;
    return IPART_OK;
}

/*
 * The kept events of the programme around the procedure (model/programme_p.h):
 * need mappings, dialogue activities and sharings, adoptions and successions.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "model/event_spec_p.h"
#include "model/funding_p.h"
#include "model/programme_p.h"

ipart_status ipart__keep_prepare(ipart_partnership *p, const ipart__event *ev,
                                 ipart__prepared *pr)
{
    if (p->kept_count == p->kept_capacity) {
        size_t cap = p->kept_capacity ? p->kept_capacity * 2 : 8;
        ipart__kept *grown = ipart__realloc(p->kept, cap * sizeof *grown);
        if (!grown)
            return ipart__fail_nomem();
        p->kept = grown;
        p->kept_capacity = cap;
    }
    /* The strings and arrays are in the decoded event's arena already, unless
     * borrowed from a built event. */
    if (pr->borrowed) {
        pr->kept = ipart__event_copy(pr->arena, ev);
        return pr->kept ? IPART_OK : ipart__fail_nomem();
    }
    ipart__event *copy = ipart__arena_alloc(pr->arena, sizeof *copy);
    if (!copy || !(copy->actor = ipart__arena_strdup(pr->arena, ev->actor)))
        return ipart__fail_nomem();
    const char *actor = copy->actor;
    *copy = *ev;
    copy->actor = actor;
    pr->kept = copy;
    return IPART_OK;
}

void ipart__keep_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    p->kept[p->kept_count++] = (ipart__kept){pr->kept, *pr->arena, p->log_count};
    pr->arena->chunks = NULL;
    pr->keep_arena = 1;
}

void ipart__kept_free(ipart_partnership *p)
{
    for (size_t i = 0; i < p->kept_count; i++)
        ipart__arena_free(&p->kept[i].arena);
    ipart__free(p->kept);
    p->kept = NULL;
    p->kept_count = p->kept_capacity = 0;
}

ipart_status ipart__kept_copy(ipart_partnership *d, const ipart_partnership *s)
{
    d->kept = NULL;
    d->kept_count = d->kept_capacity = 0;
    if (!s->kept_count)
        return IPART_OK;
    if (!(d->kept = ipart__calloc(s->kept_count, sizeof *d->kept)))
        return ipart__fail_nomem();
    d->kept_capacity = s->kept_count;
    for (; d->kept_count < s->kept_count; d->kept_count++) {
        const ipart__kept *k = &s->kept[d->kept_count];
        ipart__kept *c = &d->kept[d->kept_count];
        c->index = k->index;
        /* The state kept in the copy (ev_information.shared, a funding source's
         * drawn) is copied bytewise; a source's pays_for text is made anew. */
        if (!(c->event = ipart__event_copy(&c->arena, k->event)) ||
            (c->event->type == IPART__EV_FUNDING_GRANTED &&
             !ipart__funding_keep_text(c->event, &c->arena))) {
            ipart__arena_free(&c->arena);
            return ipart__fail_nomem();
        }
    }
    return IPART_OK;
}

static const char *kept_id(const ipart__event *ev)
{
    switch (ev->type) {
    case IPART__EV_NEED_MAPPED:
        return ev->as.need_mapping.mapping;
    case IPART__EV_DIALOGUE_ACTIVITY_HELD:
        return ev->as.activity.activity;
    case IPART__EV_FUNDING_GRANTED:
        return ev->as.funding.source;
    default:
        return NULL;
    }
}

const ipart__kept *ipart__kept_find(const ipart_partnership *p, ipart__event_type type,
                                    const char *id)
{
    for (size_t i = 0; i < p->kept_count; i++) {
        const ipart__event *ev = p->kept[i].event;
        const char *its = kept_id(ev);
        if (ev->type == type && its && strcmp(its, id) == 0)
            return &p->kept[i];
    }
    return NULL;
}

ev_information *ipart__information_find(const ipart_partnership *p, const char *id,
                                        const ipart__kept **activity)
{
    for (size_t i = 0; i < p->kept_count; i++) {
        const ipart__event *ev = p->kept[i].event;
        if (ev->type != IPART__EV_DIALOGUE_ACTIVITY_HELD || !ev->as.activity.has_information)
            continue;
        ev_information *items = ev->as.activity.information.items;
        for (size_t j = 0; j < ev->as.activity.information.count; j++)
            if (strcmp(items[j].id, id) == 0) {
                if (activity)
                    *activity = &p->kept[i];
                return &items[j];
            }
    }
    return NULL;
}

int ipart__information_needs_sharing(const ipart__event *activity)
{
    return activity->as.activity.kind == EV_ACTIVITY_ONE_TO_ONE;
}

const char *ipart__option_holder_id(const ipart_partnership *p, const char *id)
{
    for (size_t i = 0; i < p->kept_count; i++) {
        const ipart__event *ev = p->kept[i].event;
        if (ev->type == IPART__EV_AUTHORITY_SUCCEEDED &&
            ev->as.succession.kind == EV_SUCCESSION_MERGER &&
            strcmp(ev->as.succession.successor.id, id) == 0)
            return ev->as.succession.predecessor;
    }
    return id;
}

/*
 * The need mapping and dialogue report as typed rows (include/ipart/dialogue.h),
 * read from the kept events (model/programme_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/error_p.h"
#include "ipart/dialogue.h"
#include "model/event_spec_p.h"
#include "model/programme_p.h"

static const char *const facet_names[] = {"technology", "strategy", "organisation",
                                          "business_development", "market", "users", "legal",
                                          "other"};
static const char *const activity_kinds[] = {"information_meeting", "webinar",
                                             "dialogue_conference", "one_to_one",
                                             "written_input", "matchmaking"};

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The sub-rows of one kept event that a count/at pair walks. */
typedef size_t (*rows_of)(const ipart__event *ev);

static size_t facets_of(const ipart__event *ev)
{
    return ev->type == IPART__EV_NEED_MAPPED ? ev->as.need_mapping.facets.count : 0;
}

static size_t activities_of(const ipart__event *ev)
{
    return ev->type == IPART__EV_DIALOGUE_ACTIVITY_HELD;
}

static size_t suppliers_of(const ipart__event *ev)
{
    return ev->as.activity.has_supplier
               ? 1
               : (ev->as.activity.has_suppliers ? ev->as.activity.suppliers.count : 0);
}

static size_t parties_of(const ipart__event *ev)
{
    return ev->as.activity.has_participants ? ev->as.activity.participants.count : 0;
}

static size_t contacts_of(const ipart__event *ev)
{
    return activities_of(ev) ? suppliers_of(ev) + parties_of(ev) : 0;
}

static size_t information_of(const ipart__event *ev)
{
    return activities_of(ev) && ev->as.activity.has_information
               ? ev->as.activity.information.count
               : 0;
}

static size_t pairs_of(const ipart__event *ev)
{
    return activities_of(ev) && ev->as.activity.has_pairs ? ev->as.activity.pairs.count : 0;
}

static size_t count_rows(const ipart_partnership *p, rows_of rows)
{
    size_t n = 0;
    for (size_t i = 0; p && i < p->kept_count; i++)
        n += rows(p->kept[i].event);
    return n;
}

/* The kept event holding the index-th row, and the row's index within it. */
static const ipart__kept *find_row(const ipart_partnership *p, rows_of rows, size_t index,
                                   size_t *within)
{
    for (size_t i = 0; i < p->kept_count; i++) {
        size_t n = rows(p->kept[i].event);
        if (index < n) {
            *within = index;
            return &p->kept[i];
        }
        index -= n;
    }
    return NULL;
}

static ipart_status row_at(const ipart__kept **out, size_t *within, const void *dest,
                           const ipart_partnership *p, rows_of rows, size_t index,
                           const char *function)
{
    if (!dest || !p)
        return ipart__fail_null(function, !dest ? "out" : "partnership");
    if (!(*out = find_row(p, rows, index, within)))
        return ipart__fail(IPART_ENOTFOUND, "dialogue.index", "no row %zu: there are %zu",
                           index, count_rows(p, rows));
    return IPART_OK;
}

/* ---- need facets ------------------------------------------------------------------- */

size_t ipart_partnership_need_facet_count(const ipart_partnership *p)
{
    return count_rows(p, facets_of);
}

ipart_status ipart_partnership_need_facet_at(ipart_need_facet *out, const ipart_partnership *p,
                                             size_t index)
{
    const ipart__kept *k;
    size_t j;
    ipart_status rc = row_at(&k, &j, out, p, facets_of, index, "ipart_partnership_need_facet_at");
    if (rc != IPART_OK)
        return rc;
    const ipart__event *ev = k->event;
    const ev_facet *f = &((const ev_facet *)ev->as.need_mapping.facets.items)[j];
    *out = (ipart_need_facet){ev->as.need_mapping.mapping, ev->date, facet_names[f->facet],
                              f->finding, f->evidence.count, ev->as.need_mapping.consulted.count,
                              strcmp(p->need_mapping, ev->as.need_mapping.mapping) == 0};
    return IPART_OK;
}

/* ---- activities ---------------------------------------------------------------------- */

static size_t unshared_in(const ipart__event *ev)
{
    size_t n = 0;
    const ev_information *info = ev->as.activity.information.items;
    for (size_t i = 0; ipart__information_needs_sharing(ev) && i < information_of(ev); i++)
        n += !info[i].shared;
    return n;
}

size_t ipart_partnership_dialogue_count(const ipart_partnership *p)
{
    return count_rows(p, activities_of);
}

ipart_status ipart_partnership_dialogue_at(ipart_dialogue_activity *out,
                                           const ipart_partnership *p, size_t index)
{
    const ipart__kept *k;
    size_t j;
    ipart_status rc = row_at(&k, &j, out, p, activities_of, index, "ipart_partnership_dialogue_at");
    if (rc != IPART_OK)
        return rc;
    const ipart__event *ev = k->event;
    *out = (ipart_dialogue_activity){
        k->index,
        ev->as.activity.activity,
        activity_kinds[ev->as.activity.kind],
        ev->date,
        or_empty(ev->as.activity.title),
        ev->as.activity.summary,
        ev->as.activity.has_supplier ? ev->as.activity.supplier.id : "",
        ev->as.activity.has_attendance ? ev->as.activity.attendance : -1,
        information_of(ev),
        unshared_in(ev)};
    return IPART_OK;
}

/* ---- contacts ---------------------------------------------------------------------- */

size_t ipart_partnership_dialogue_contact_count(const ipart_partnership *p)
{
    return count_rows(p, contacts_of);
}

ipart_status ipart_partnership_dialogue_contact_at(ipart_dialogue_contact *out,
                                                   const ipart_partnership *p, size_t index)
{
    const ipart__kept *k;
    size_t j;
    ipart_status rc =
        row_at(&k, &j, out, p, contacts_of, index, "ipart_partnership_dialogue_contact_at");
    if (rc != IPART_OK)
        return rc;
    const ipart__event *ev = k->event;
    if (j < suppliers_of(ev)) {
        const ev_supplier *s = ev->as.activity.has_supplier
                                   ? &ev->as.activity.supplier
                                   : &((const ev_supplier *)ev->as.activity.suppliers.items)[j];
        const ipart__party *applied = ipart__party_find(p, s->id);
        *out = (ipart_dialogue_contact){ev->as.activity.activity, s->id, s->name, "supplier", "",
                                        s->has_sme ? s->sme : -1,
                                        applied && applied->role == IPART_ROLE_OPERATOR};
        return IPART_OK;
    }
    const char *id = ((const char *const *)ev->as.activity.participants.items)[j - suppliers_of(ev)];
    const ipart__party *party = ipart__party_find(p, id);
    int participant = party->role == IPART_ROLE_PARTICIPANT;
    *out = (ipart_dialogue_contact){ev->as.activity.activity, party->id, party->name,
                                    ipart_role_name(party->role),
                                    participant ? ipart__participant_kind_names[party->kind] : "",
                                    -1, 0};
    return IPART_OK;
}

/* ---- information --------------------------------------------------------------------- */

size_t ipart_partnership_dialogue_information_count(const ipart_partnership *p)
{
    return count_rows(p, information_of);
}

ipart_status ipart_partnership_dialogue_information_at(ipart_dialogue_information *out,
                                                       const ipart_partnership *p, size_t index)
{
    const ipart__kept *k;
    size_t j;
    ipart_status rc = row_at(&k, &j, out, p, information_of, index,
                             "ipart_partnership_dialogue_information_at");
    if (rc != IPART_OK)
        return rc;
    const ipart__event *ev = k->event;
    const ev_information *info = &((const ev_information *)ev->as.activity.information.items)[j];
    *out = (ipart_dialogue_information){info->id, ev->as.activity.activity, info->text,
                                        ev->as.activity.has_supplier ? ev->as.activity.supplier.id
                                                                     : "",
                                        ipart__information_needs_sharing(ev), info->shared != 0,
                                        {0, 0, 0}, ""};
    for (size_t i = 0; info->shared && i < p->kept_count; i++)
        if (p->kept[i].index == info->shared) {
            out->shared_on = p->kept[i].event->date;
            out->channel = p->kept[i].event->as.shared.channel;
        }
    return IPART_OK;
}

/* ---- pairs ---------------------------------------------------------------------------- */

size_t ipart_partnership_dialogue_pair_count(const ipart_partnership *p)
{
    return count_rows(p, pairs_of);
}

ipart_status ipart_partnership_dialogue_pair_at(ipart_dialogue_pair *out,
                                                const ipart_partnership *p, size_t index)
{
    const ipart__kept *k;
    size_t j;
    ipart_status rc = row_at(&k, &j, out, p, pairs_of, index, "ipart_partnership_dialogue_pair_at");
    if (rc != IPART_OK)
        return rc;
    const ipart__event *ev = k->event;
    const ev_pair *pair = &((const ev_pair *)ev->as.activity.pairs.items)[j];
    *out = (ipart_dialogue_pair){ev->as.activity.activity, pair->authority, pair->purpose,
                                 or_empty(ev->as.activity.matched_by), pair->smes.count,
                                 pair->knowledge_institutions.count};
    return IPART_OK;
}

/* The name of a supplier of a dialogue activity. */
static const char *supplier_name(const ipart__event *ev, const char *id)
{
    const ev_supplier *s = ev->as.activity.suppliers.items;
    for (size_t i = 0; i < suppliers_of(ev); i++)
        if (strcmp(s[i].id, id) == 0)
            return s[i].name;
    return ""; /* not reached: the guard admits the activity's suppliers only */
}

ipart_status ipart_partnership_dialogue_pair_member(ipart_dialogue_member *out,
                                                    const ipart_partnership *p,
                                                    size_t index, int knowledge_institutions,
                                                    size_t member)
{
    const ipart__kept *k;
    size_t j;
    ipart_status rc = row_at(&k, &j, out, p, pairs_of, index,
                             "ipart_partnership_dialogue_pair_member");
    if (rc != IPART_OK)
        return rc;
    const ev_pair *pair = &((const ev_pair *)k->event->as.activity.pairs.items)[j];
    const ipart__array *ids = knowledge_institutions ? &pair->knowledge_institutions : &pair->smes;
    if (member >= ids->count)
        return ipart__fail(IPART_ENOTFOUND, "dialogue.pair.member",
                           "pairing %zu has %zu %s, not %zu", index, ids->count,
                           knowledge_institutions ? "knowledge institutions" : "SMEs", member + 1);
    const char *id = ((const char *const *)ids->items)[member];
    *out = (ipart_dialogue_member){
        id, knowledge_institutions ? ipart__party_find(p, id)->name : supplier_name(k->event, id)};
    return IPART_OK;
}

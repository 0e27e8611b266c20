/*
 * The events of the preparation stage around the market (doc/events.md):
 * need_mapped, participant_named, dialogue_activity_held and
 * dialogue_information_shared, and the two guards they give the notice
 * and the need description: R50 (information given to one supplier is
 * shared with all before the notice) and R1 (the need description rests on
 * a recorded need mapping).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "model/guard_p.h"
#include "model/programme_p.h"

/* ---- helpers -------------------------------------------------------------- */

static int before_notice(ipart_stage s)
{
    return s == IPART_STAGE_NEED_IDENTIFICATION || s == IPART_STAGE_MARKET_DIALOGUE;
}

/* IPART_EEXISTS at path.field: `what` `id` was recorded before. */
static ipart_status exists_at(const char *path, const char *field, const char *what,
                              const char *id)
{
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    ipart_status rc = ipart__fail(IPART_EEXISTS, "dialogue.id.exists",
                                  "%s: %s '%s' was already recorded", at, what, id);
    ipart__error_set_path(at);
    return rc;
}

/* A party that may take part in the dialogue without being an operator. */
static int is_buyer_side(const ipart__party *who)
{
    return who && who->role != IPART_ROLE_OPERATOR;
}

static int is_participant(const ipart__party *who, int kind)
{
    return who && who->role == IPART_ROLE_PARTICIPANT && (kind < 0 || who->kind == kind);
}

/* ---- need_mapped ---------------------------------------------------------- */

static ipart_status mapping_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    AUTHORITY_IN(before_notice(p->stage), IPART__EV_NEED_MAPPED);
}

static ipart_status mapping_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    const char *id = ev->as.need_mapping.mapping;
    if (ipart__kept_find(p, IPART__EV_NEED_MAPPED, id))
        return exists_at(path, "mapping", "need mapping", id);
    const ev_facet *facets = ev->as.need_mapping.facets.items;
    for (size_t i = 0; i < ev->as.need_mapping.facets.count; i++) {
        const ev_evidence *e = facets[i].evidence.items;
        for (size_t j = 0; j < facets[i].evidence.count; j++) {
            if (!ipart__before(ev->date, e[j].date))
                continue;
            char field[64];
            snprintf(field, sizeof field, "facets[%zu].evidence", i);
            return ipart__item_invalid(path, field, j, "need.evidence.future",
                                       "the evidence is dated after the need mapping");
        }
    }
    return IPART_OK;
}

/* R1: the need description names a need mapping that was recorded. */
ipart_status ipart__need_mapping_check(const ipart_partnership *p, const ipart__event *ev,
                                       const char *path)
{
    const char *id = ev->as.need.need_mapping;
    if (!id || ipart__kept_find(p, IPART__EV_NEED_MAPPED, id))
        return IPART_OK;
    return ipart__violationf("R1", path, "need_mapping", "need.mapping.unknown",
                             "the need description rests on need mapping '%s', which was not "
                             "recorded (need_mapped)",
                             id);
}

/* ---- participant_named ------------------------------------------------------- */

static ipart_status participant_may(const ipart_partnership *p, const ipart__party *actor,
                                    const char *actor_id)
{
    AUTHORITY_IN(before_notice(p->stage), IPART__EV_PARTICIPANT_NAMED);
}

static ipart_status participant_check(const ipart_partnership *p, const ipart__event *ev,
                                      const char *path)
{
    const char *id = ev->as.participant.participant.id;
    return ipart__party_find(p, id) ? exists_at(path, "participant.id", "party", id) : IPART_OK;
}

static ipart_status participant_prepare(ipart_partnership *p, const ipart__event *ev,
                                        ipart__prepared *pr)
{
    return ipart__party_prepare(p, &ev->as.participant.participant, IPART_ROLE_PARTICIPANT, pr);
}

/* ---- dialogue_activity_held ------------------------------------------------------- */

static ipart_status activity_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    AUTHORITY_IN(before_notice(p->stage), IPART__EV_DIALOGUE_ACTIVITY_HELD);
}

/* One supplier for a one-to-one meeting and a written input, a list (or
 * none) for the others; pairs for a matchmaking and only there. */
static ipart_status activity_shape_check(const ipart__event *ev, const char *path)
{
    int kind = ev->as.activity.kind;
    int single = kind == EV_ACTIVITY_ONE_TO_ONE || kind == EV_ACTIVITY_WRITTEN_INPUT;
    if (single && !ev->as.activity.has_supplier)
        return ipart__invalid(path, "supplier", "dialogue.supplier.missing",
                              "a one-to-one meeting or a written input names its supplier");
    if (single && ev->as.activity.has_suppliers)
        return ipart__invalid(path, "suppliers", "dialogue.suppliers.single",
                              "a one-to-one meeting or a written input has one supplier");
    if (!single && ev->as.activity.has_supplier)
        return ipart__invalid(path, "supplier", "dialogue.supplier.group",
                              "only a one-to-one meeting or a written input has one supplier; "
                              "list the suppliers");
    int matchmaking = kind == EV_ACTIVITY_MATCHMAKING;
    if (matchmaking != ev->as.activity.has_pairs)
        return ipart__invalid(path, "pairs", "dialogue.pairs",
                              matchmaking ? "a matchmaking names what it paired"
                                          : "only a matchmaking pairs buyers and suppliers");
    return IPART_OK;
}

/* known() predicates for ipart__known_ids: a supplier of the activity `ctx`,
 * a knowledge institution and a non-operator party of the partnership `ctx`. */
static int activity_supplier(const void *ctx, const char *id)
{
    const ipart__event *ev = ctx;
    const ev_supplier *s = ev->as.activity.suppliers.items;
    for (size_t i = 0; ev->as.activity.has_suppliers && i < ev->as.activity.suppliers.count; i++)
        if (strcmp(s[i].id, id) == 0)
            return 1;
    return 0;
}

static int knowledge_institution(const void *ctx, const char *id)
{
    return is_participant(ipart__party_find(ctx, id), EV_PARTICIPANT_KNOWLEDGE_INSTITUTION);
}

static int buyer_side(const void *ctx, const char *id)
{
    return is_buyer_side(ipart__party_find(ctx, id));
}

static ipart_status pair_check(const ipart_partnership *p, const ipart__event *ev,
                               const ev_pair *pair, const char *at)
{
    const ipart__party *buyer = ipart__party_find(p, pair->authority);
    if (!is_buyer_side(buyer) ||
        (buyer->role == IPART_ROLE_PARTICIPANT &&
         buyer->kind != EV_PARTICIPANT_COLLABORATING_AUTHORITY))
        return ipart__unknown_party(at, "authority", pair->authority);
    ipart_status rc = ipart__known_ids(&pair->smes, at, "smes", activity_supplier, ev);
    if (rc == IPART_OK)
        rc = ipart__known_ids(&pair->knowledge_institutions, at, "knowledge_institutions",
                              knowledge_institution, p);
    return rc;
}

static ipart_status activity_parties_check(const ipart_partnership *p, const ipart__event *ev,
                                           const char *path)
{
    ipart_status rc = IPART_OK;
    if (ev->as.activity.has_participants &&
        (rc = ipart__known_ids(&ev->as.activity.participants, path, "participants", buyer_side,
                               p)) != IPART_OK)
        return rc;
    const char *by = ev->as.activity.matched_by;
    if (by && !is_participant(ipart__party_find(p, by), -1))
        return ipart__unknown_party(path, "matched_by", by);
    const ev_pair *pairs = ev->as.activity.pairs.items;
    for (size_t i = 0; ev->as.activity.has_pairs && i < ev->as.activity.pairs.count; i++) {
        char at[256];
        ipart__item_path(at, sizeof at, path, "pairs", i);
        if ((rc = pair_check(p, ev, &pairs[i], at)) != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

static ipart_status activity_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    const char *id = ev->as.activity.activity;
    if (ipart__kept_find(p, IPART__EV_DIALOGUE_ACTIVITY_HELD, id))
        return exists_at(path, "activity", "dialogue activity", id);
    ipart_status rc = activity_shape_check(ev, path);
    if (rc != IPART_OK || (rc = activity_parties_check(p, ev, path)) != IPART_OK)
        return rc;
    const ev_information *info = ev->as.activity.information.items;
    for (size_t i = 0; ev->as.activity.has_information && i < ev->as.activity.information.count;
         i++) {
        int twice = 0;
        for (size_t j = 0; j < i; j++)
            twice |= strcmp(info[i].id, info[j].id) == 0;
        if (twice || ipart__information_find(p, info[i].id, NULL)) {
            char field[48];
            snprintf(field, sizeof field, "information[%zu].id", i);
            return exists_at(path, field, "information", info[i].id);
        }
    }
    return IPART_OK;
}

static void activity_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    ipart__keep_commit(p, ev, pr);
    p->stage = IPART_STAGE_MARKET_DIALOGUE;
}

/* ---- dialogue_information_shared ---------------------------------------------------- */

static ipart_status shared_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    AUTHORITY_IN(before_notice(p->stage), IPART__EV_DIALOGUE_INFORMATION_SHARED);
}

static ipart_status shared_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    const char *const *ids = ev->as.shared.information.items;
    for (size_t i = 0; i < ev->as.shared.information.count; i++) {
        const ev_information *info = ipart__information_find(p, ids[i], NULL);
        char at[256];
        ipart__item_path(at, sizeof at, path, "information", i);
        if (!info) {
            ipart_status rc = ipart__fail(IPART_ENOTFOUND, "dialogue.information.unknown",
                                          "%s: no information '%s' was given in the dialogue",
                                          at, ids[i]);
            ipart__error_set_path(at);
            return rc;
        }
        if (info->shared) {
            ipart_status rc = ipart__fail(IPART_EEXISTS, "dialogue.information.shared",
                                          "%s: information '%s' was shared with all by event "
                                          "%zu",
                                          at, ids[i], info->shared);
            ipart__error_set_path(at);
            return rc;
        }
    }
    return IPART_OK;
}

static void shared_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    const char *const *ids = ev->as.shared.information.items;
    for (size_t i = 0; i < ev->as.shared.information.count; i++)
        ipart__information_find(p, ids[i], NULL)->shared = p->log_count;
    ipart__keep_commit(p, ev, pr);
}

/* R50: information given to one supplier is available to all before the notice. */
ipart_status ipart__dialogue_shared_check(const ipart_partnership *p, const char *path)
{
    char unshared[256] = "";
    size_t count = 0;
    for (size_t i = 0; i < p->kept_count; i++) {
        const ipart__event *ev = p->kept[i].event;
        if (ev->type != IPART__EV_DIALOGUE_ACTIVITY_HELD || !ipart__information_needs_sharing(ev))
            continue;
        const ev_information *info = ev->as.activity.information.items;
        for (size_t j = 0; ev->as.activity.has_information && j < ev->as.activity.information.count;
             j++)
            if (!info[j].shared && count++ < 8 &&
                strlen(unshared) + strlen(info[j].id) + 40 < sizeof unshared)
                snprintf(unshared + strlen(unshared), sizeof unshared - strlen(unshared),
                         "%s'%s' (%s)", unshared[0] ? ", " : "", info[j].id,
                         ev->as.activity.activity);
    }
    if (!count)
        return IPART_OK;
    return ipart__violationf("R50", path, NULL, "notice.dialogue.unshared",
                             "information given to one supplier in a one-to-one meeting must "
                             "be made available to all before the notice "
                             "(dialogue_information_shared); %zu item%s unshared: %s",
                             count, count == 1 ? " is" : "s are", unshared);
}

/* The handlers (declared from the event rows, event_p.h). */
const ipart__handler ipart__need_mapped_handler = {mapping_may, mapping_check,
                                                   ipart__keep_prepare, ipart__keep_commit};
const ipart__handler ipart__participant_named_handler = {participant_may, participant_check,
                                                         participant_prepare, ipart__no_commit};
const ipart__handler ipart__dialogue_activity_held_handler = {
    activity_may, activity_check, ipart__keep_prepare, activity_commit};
const ipart__handler ipart__dialogue_information_shared_handler = {
    shared_may, shared_check, ipart__keep_prepare, shared_commit};

/*
 * The events of the competition stage (doc/events.md): requests to
 * participate, qualification, invitation, tenders, negotiation, changes to
 * the documents, reduction, the call for final tenders, and the
 * cancellation of the procedure.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "core/money_p.h"
#include "ipart/calendar.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "model/parties_p.h"
#include "model/partnership_p.h"
#include "rules/evaluation_p.h"
#include "model/rights_p.h"

/* ---- participation_requested, candidate_assessed, candidates_invited ------------- */

static ipart_status request_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    if (actor && actor->role != IPART_ROLE_OPERATOR)
        return ipart__fail(IPART_EPERM, "event.actor.role",
                           "'%s' is an authority; only economic operators request to participate",
                           actor_id);
    if (actor)
        return ipart__fail(IPART_EEXISTS, "request.twice", "'%s' has already requested to "
                           "participate", actor_id);
    if (p->stage != IPART_STAGE_NOTICE_PUBLISHED)
        return ipart__wrong_stage(p, IPART__EV_PARTICIPATION_REQUESTED);
    return IPART_OK;
}

static ipart_status request_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (strcmp(ev->actor, ev->as.request.operator_.id) != 0)
        return ipart__fail(IPART_EPERM, "event.actor.role",
                           "'%s' may not request to participate on behalf of '%s'", ev->actor,
                           ev->as.request.operator_.id);
    if (ipart__before(p->request_deadline, ev->date))
        return ipart__violation("R6", path, "date", "request.late",
                                "requests to participate are accepted until the end of the "
                                "deadline");
    ipart_status rc = ipart__consortium_check(p, &ev->as.request.operator_, path);
    return rc == IPART_OK ? ipart__subcontractors_check(&ev->as.request.subcontractors, path)
                          : rc;
}

static ipart_status request_prepare(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr)
{
    ipart_status rc = ipart__party_prepare(p, &ev->as.request.operator_, IPART_ROLE_OPERATOR, pr);
    return rc == IPART_OK ? ipart__members_prepare(p, &ev->as.request.operator_, pr) : rc;
}

static ipart_status assessed_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_NOTICE_PUBLISHED ||
                     p->stage == IPART_STAGE_PREQUALIFICATION,
                 IPART__EV_CANDIDATE_ASSESSED);
}

static ipart_status assessed_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    ipart__party *candidate = NULL;
    if (!ipart__before(p->request_deadline, ev->date))
        return ipart__violation("R6", path, "date", "assessment.early",
                                "candidates are assessed after the request deadline has passed");
    ipart_status rc =
        ipart__find_operator(&candidate, p, ev->as.assessed.candidate, path, "candidate");
    if (rc != IPART_OK)
        return rc;
    return ipart__need_reason(ev->as.assessed.reason, path, "reason");
}

static void assessed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party *candidate = ipart__party_find(p, ev->as.assessed.candidate);
    candidate->assessed = 1;
    candidate->qualified = ev->as.assessed.qualified;
    p->stage = IPART_STAGE_PREQUALIFICATION;
}

static ipart_status invited_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_PREQUALIFICATION, IPART__EV_CANDIDATES_INVITED);
}

static ipart_status invited_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    const char *const *ids = ev->as.invited.candidates.items;
    size_t n = ev->as.invited.candidates.count, qualified = 0;
    for (size_t i = 0; i < n; i++) {
        char field[64];
        ipart__path_printf(field, sizeof field, "candidates[%zu]", i);
        ipart__party *c = NULL;
        ipart_status rc = ipart__find_operator(&c, p, ids[i], path, field);
        if (rc != IPART_OK)
            return rc;
        if (!c->assessed || !c->qualified)
            return ipart__violation("R12", path, field, "invite.not_qualified",
                                    "only candidates assessed as qualified may be invited");
    }
    for (size_t i = 0; i < p->party_count; i++)
        qualified += p->parties[i]->role == IPART_ROLE_OPERATOR && p->parties[i]->qualified;
    const ev_terms *t = p->terms;
    if (t->candidates.has_max && (int64_t)n > t->candidates.max)
        return ipart__violationf("R13", path, "candidates", "invite.too_many",
                                 "%zu candidates invited, more than the maximum of %lld stated "
                                 "in the notice (%zu qualified)",
                                 n, (long long)t->candidates.max, qualified);
    if ((int64_t)n < t->candidates.min &&
        (n < qualified || (int64_t)qualified >= t->candidates.min))
        return ipart__violationf("R13", path, "candidates", "invite.too_few",
                                 "%zu candidates invited of %zu qualified: at least the minimum "
                                 "of %lld stated in the notice must be invited (all qualified "
                                 "candidates when fewer qualified)",
                                 n, qualified, (long long)t->candidates.min);
    if (!ipart__before(ev->date, ev->as.invited.tender_deadline))
        return ipart__invalid(path, "tender_deadline", "invite.deadline",
                              "the tender deadline must be after the invitation");
    return ipart__need_reason(ev->as.invited.reason, path, "reason");
}

static void invited_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    const char *const *ids = ev->as.invited.candidates.items;
    for (size_t i = 0; i < ev->as.invited.candidates.count; i++)
        ipart__party_find(p, ids[i])->invited = 1;
    p->tender_deadline = ev->as.invited.tender_deadline;
    p->stage = IPART_STAGE_NEGOTIATION;
}

/* ---- tenders and negotiation --------------------------------------------------- */

static ipart_status tender_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    ipart_status rc = ipart__require_role(actor, actor_id, IPART_ROLE_OPERATOR,
                                          IPART__EV_TENDER_SUBMITTED);
    if (rc != IPART_OK)
        return rc;
    if (p->stage != IPART_STAGE_NEGOTIATION && p->stage != IPART_STAGE_FINAL_TENDERS)
        return ipart__wrong_stage(p, IPART__EV_TENDER_SUBMITTED);
    if (!actor->invited)
        return ipart__rule_violation("R12", "", "tender.not_invited",
                                     "only invited candidates may submit tenders");
    if (actor->eliminated)
        return ipart__rule_violation("R12", "", "tender.eliminated",
                                     "the tenderer was eliminated in a staged reduction");
    if (p->stage == IPART_STAGE_FINAL_TENDERS && actor->has_final)
        return ipart__rule_violation("R14", "", "tender.final.twice",
                                     "the final tender was already submitted");
    return IPART_OK;
}

static ipart_status tender_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    const ipart__party *t = ipart__party_find(p, ev->actor);
    int kind = ev->as.tender.tender.kind;
    const char *problem = NULL;
    if (p->stage == IPART_STAGE_FINAL_TENDERS && kind != EV_TENDER_FINAL)
        problem = "after the call for final tenders only final tenders are submitted";
    else if (p->stage == IPART_STAGE_NEGOTIATION && kind == EV_TENDER_FINAL)
        problem = "final tenders are submitted only after the call for final tenders";
    else if (!t->has_tender && kind != EV_TENDER_INITIAL)
        problem = "the first tender must be the initial tender";
    else if (t->has_tender && kind == EV_TENDER_INITIAL)
        problem = "the initial tender was already submitted";
    else if (kind == EV_TENDER_INTERMEDIATE && !t->negotiated_since_tender)
        problem = "an intermediate tender follows a negotiation round on the previous one";
    if (problem)
        return ipart__violation("R14", path, "tender.kind", "tender.kind.order", problem);
    if (ev->as.tender.tender.price.minor <= 0)
        return ipart__invalid(path, "tender.price", "tender.price.positive", "must be positive");
    if (ev->as.tender.tender.development_price.minor < 0)
        return ipart__invalid(path, "tender.development_price", "tender.price.negative",
                              "must not be negative");
    char tender_path[256];
    ipart__field_path(tender_path, sizeof tender_path, path, "tender");
    ipart_status subs = ipart__subcontractors_check(&ev->as.tender.tender.subcontractors,
                                                    tender_path);
    if (subs != IPART_OK)
        return subs;
    return ipart__tender_compensation_check(p, ev, path);
}

static void tender_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party *t = ipart__party_find(p, ev->actor);
    t->has_tender = 1;
    t->tender_kind = ev->as.tender.tender.kind;
    t->has_final |= ev->as.tender.tender.kind == EV_TENDER_FINAL;
    t->tender_version++;
    t->development_price = ev->as.tender.tender.development_price;
    t->price = ev->as.tender.tender.price;
    t->declared_cost = ev->as.tender.tender.declared_cost;
    t->has_declared_cost = ev->as.tender.tender.has_declared_cost;
    t->tender_date = ev->date;
    t->negotiated_since_tender = 0;
}

static ipart_status negotiation_may(const ipart_partnership *p, const ipart__party *actor,
                                    const char *actor_id)
{
    ipart_status rc = ipart__require_role(actor, actor_id, IPART_ROLE_AUTHORITY,
                                          IPART__EV_NEGOTIATION_HELD);
    if (rc != IPART_OK)
        return rc;
    if (p->stage == IPART_STAGE_FINAL_TENDERS)
        return ipart__rule_violation("R14", "", "negotiation.closed",
                                     "negotiation is closed: the final tenders are not negotiated");
    return p->stage == IPART_STAGE_NEGOTIATION ? IPART_OK
                                               : ipart__wrong_stage(p, IPART__EV_NEGOTIATION_HELD);
}

/* A tenderer still in competition, named by field. */
static ipart_status find_remaining(ipart__party **out, const ipart_partnership *p, const char *id,
                                   const char *path, const char *field)
{
    ipart_status rc = ipart__find_operator(out, p, id, path, field);
    if (rc == IPART_OK && !ipart__remaining(*out))
        return ipart__violation("R12", path, field, "tenderer.not_in_competition",
                                "not a tenderer still in the competition");
    return rc;
}

static ipart_status negotiation_check(const ipart_partnership *p, const ipart__event *ev,
                                      const char *path)
{
    ipart__party *t = NULL;
    ipart_status rc = find_remaining(&t, p, ev->as.negotiation.tenderer, path, "tenderer");
    if (rc != IPART_OK)
        return rc;
    if (!t->has_tender)
        return ipart__violation("R14", path, "tenderer", "negotiation.no_tender",
                                "negotiation concerns a submitted tender");
    return IPART_OK;
}

static void negotiation_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party_find(p, ev->as.negotiation.tenderer)->negotiated_since_tender = 1;
    p->negotiation_rounds++;
}

static ipart_status negotiation_stage_may(const ipart_partnership *p, const ipart__party *actor,
                                          const char *actor_id, ipart__event_type type)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_NEGOTIATION, type);
}

static ipart_status changed_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    return negotiation_stage_may(p, actor, actor_id, IPART__EV_DOCUMENTS_CHANGED);
}

static ipart_status changed_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (ev->as.changed.changes_minimum_requirements || ev->as.changed.changes_award_criteria)
        return ipart__violation("R15", path, ev->as.changed.changes_minimum_requirements
                                          ? "changes_minimum_requirements"
                                          : "changes_award_criteria",
                         "change.fixed_terms",
                         "minimum requirements and award criteria are not negotiable");
    const char *const *ids = ev->as.changed.notified.items;
    for (size_t i = 0; i < ev->as.changed.notified.count; i++) {
        char field[64];
        ipart__path_printf(field, sizeof field, "notified[%zu]", i);
        ipart__party *t = NULL;
        ipart_status rc = find_remaining(&t, p, ids[i], path, field);
        if (rc != IPART_OK)
            return rc;
    }
    for (size_t i = 0; i < p->party_count; i++)
        if (ipart__remaining(p->parties[i]) &&
            !ipart__listed(&ev->as.changed.notified, p->parties[i]->id)) {
            return ipart__violationf("R16", path, "notified", "change.not_notified",
                                     "every tenderer still in the procedure must be told in "
                                     "writing; '%s' is not",
                                     p->parties[i]->id);
        }
    if (!ipart__before(ev->date, ev->as.changed.resubmission_deadline))
        return ipart__violation("R16", path, "resubmission_deadline", "change.no_time",
                                "tenderers must be given time to re-submit: the deadline must be "
                                "after "
                                "the change");
    return ipart__need_reason(ev->as.changed.reason, path, "reason");
}

static void changed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    p->resubmission_deadline = ev->as.changed.resubmission_deadline;
    p->has_resubmission_deadline = 1;
}

static ipart_status reduced_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    return negotiation_stage_may(p, actor, actor_id, IPART__EV_TENDERS_REDUCED);
}

static ipart_status reduced_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (!p->terms->reservations.staged_reduction)
        return ipart__violation("R17", path, NULL, "reduction.not_reserved",
                                "tenders may be reduced in stages only if the documents said so");
    const char *const *ids = ev->as.reduced.eliminated.items;
    size_t remaining_count = 0;
    for (size_t i = 0; i < p->party_count; i++)
        remaining_count += ipart__remaining(p->parties[i]);
    for (size_t i = 0; i < ev->as.reduced.eliminated.count; i++) {
        char field[64];
        ipart__path_printf(field, sizeof field, "eliminated[%zu]", i);
        ipart__party *t = NULL;
        ipart_status rc = find_remaining(&t, p, ids[i], path, field);
        if (rc != IPART_OK)
            return rc;
    }
    if (ev->as.reduced.eliminated.count >= remaining_count)
        return ipart__violation("R17", path, "eliminated", "reduction.none_left",
                                "a staged reduction must leave at least one tender");
    return ipart__need_reason(ev->as.reduced.reason, path, "reason");
}

/* R17 and Art. 66 (RULES.md (g) Q8): warn, not block, when the reduction
 * leaves fewer than three tenders where three or more were in competition. */
static ipart_status reduced_prepare(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr)
{
    size_t before = 0;
    for (size_t i = 0; i < p->party_count; i++)
        before += ipart__remaining(p->parties[i]);
    size_t after = before - ev->as.reduced.eliminated.count;
    if (before < 3 || after >= 3)
        return IPART_OK;
    return ipart__warn(p, pr, "R17", "reduction.few_left",
                       "%zu tenders remain of %zu: the final stage should still give genuine "
                       "competition",
                       after, before);
}

static void reduced_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    const char *const *ids = ev->as.reduced.eliminated.items;
    for (size_t i = 0; i < ev->as.reduced.eliminated.count; i++)
        ipart__party_find(p, ids[i])->eliminated = 1;
}

static ipart_status final_called_may(const ipart_partnership *p, const ipart__party *actor,
                                     const char *actor_id)
{
    return negotiation_stage_may(p, actor, actor_id, IPART__EV_FINAL_TENDERS_CALLED);
}

static ipart_status final_called_check(const ipart_partnership *p, const ipart__event *ev,
                                       const char *path)
{
    (void)p;
    if (!ipart__before(ev->date, ev->as.final_called.deadline))
        return ipart__invalid(path, "deadline", "final.deadline",
                              "the final tender deadline must be after the call");
    return IPART_OK;
}

static void final_called_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    p->final_deadline = ev->as.final_called.deadline;
    p->stage = IPART_STAGE_FINAL_TENDERS;
}

/* ---- cancellation, consent, notes -------------------------------------------- */

static ipart_status cancelled_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    AUTHORITY_IN(p->stage <= IPART_STAGE_AWARD_STANDSTILL, IPART__EV_PROCEDURE_CANCELLED);
}

static ipart_status cancelled_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    (void)p;
    return ipart__need_reason(ev->as.cancelled.reason, path, "reason");
}

static void cancelled_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    (void)pr;
    p->stage = IPART_STAGE_CANCELLED;
}

/* The handlers (declared from the event rows, event_p.h). */
const ipart__handler ipart__participation_requested_handler =
    {request_may, request_check, request_prepare, ipart__no_commit};
const ipart__handler ipart__candidate_assessed_handler = {assessed_may, assessed_check, NULL,
                                                          assessed_commit};
const ipart__handler ipart__candidates_invited_handler = {invited_may, invited_check, NULL,
                                                          invited_commit};
const ipart__handler ipart__tender_submitted_handler = {tender_may, tender_check, NULL,
                                                        tender_commit};
const ipart__handler ipart__negotiation_held_handler = {negotiation_may, negotiation_check, NULL,
                                                        negotiation_commit};
const ipart__handler ipart__documents_changed_handler = {changed_may, changed_check, NULL,
                                                         changed_commit};
const ipart__handler ipart__tenders_reduced_handler = {reduced_may, reduced_check, reduced_prepare,
                                                       reduced_commit};
const ipart__handler ipart__final_tenders_called_handler = {final_called_may, final_called_check,
                                                            NULL, final_called_commit};
const ipart__handler ipart__procedure_cancelled_handler = {cancelled_may, cancelled_check, NULL,
                                                           cancelled_commit};

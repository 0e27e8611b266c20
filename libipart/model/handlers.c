/*
 * The events of the procedure (doc/events.md): who may send each, in which
 * stage, the guards of its payload (each naming its rule of RULES.md), and
 * its effect on the state.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/money_p.h"
#include "ipart/calendar.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "model/partnership_p.h"
#include "rules/evaluation_p.h"
#include "model/rights_p.h"

/* ---- helpers -------------------------------------------------------------- */

static int is_before_notice(ipart_stage s)
{
    return s == IPART_STAGE_NEED_IDENTIFICATION || s == IPART_STAGE_MARKET_DIALOGUE;
}

/* ---- partnership_created ------------------------------------------------ */

static ipart_status created_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    (void)actor;
    (void)actor_id;
    if (p->log_count)
        return ipart__fail(IPART_ESTATE, "event.created.twice",
                           "the partnership was already created");
    return IPART_OK;
}

static ipart_status created_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (strcmp(ev->actor, ev->as.created.authority.id) != 0)
        return ipart__fail(IPART_EPERM, "event.actor.role",
                           "'%s' may not create a partnership for authority '%s'", ev->actor,
                           ev->as.created.authority.id);
    if (p->profile->lufs_excluded && ev->as.created.has_regime &&
        ev->as.created.regime == EV_REGIME_LUFS)
        return ipart__violation("R47", path, "regime", "profile.lufs",
                                "innovation partnership is not a procedure under LUFS");
    return IPART_OK;
}

static ipart_status created_prepare(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr)
{
    return ipart__party_prepare(p, &ev->as.created.authority, IPART_ROLE_AUTHORITY, pr);
}

static void created_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    memcpy(p->currency, ev->as.created.currency, 4);
    p->authority = pr->new_party;
    p->electronic_communication = ev->as.created.has_electronic_communication
                                      ? ev->as.created.electronic_communication
                                      : 1;
    ipart_money_from_minor(&p->awarded_sum, 0, p->currency);
    p->stage = IPART_STAGE_NEED_IDENTIFICATION;
}

/* ---- preparation: followers, need, dialogue -------------------------------- */

static ipart_status before_notice_may(const ipart_partnership *p, const ipart__party *actor,
                                      const char *actor_id, ipart__event_type type)
{
    AUTHORITY_IN(is_before_notice(p->stage), type);
}

static ipart_status follower_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    /* Followers may use the option only if named before the notice (RULES.md (g) Q7). */
    return before_notice_may(p, actor, actor_id, IPART__EV_FOLLOWER_NAMED);
}

static ipart_status new_party_check(const ipart_partnership *p, const char *id,
                                    const char *path, const char *field)
{
    if (!ipart__party_find(p, id))
        return IPART_OK;
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    ipart_status rc = ipart__fail(IPART_EEXISTS, "party.exists", "%s: party '%s' already exists",
                                  at, id);
    ipart__error_set_path(at);
    return rc;
}

static ipart_status follower_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    return new_party_check(p, ev->as.follower.follower.id, path, "follower.id");
}

static ipart_status follower_prepare(ipart_partnership *p, const ipart__event *ev,
                                     ipart__prepared *pr)
{
    return ipart__party_prepare(p, &ev->as.follower.follower, IPART_ROLE_FOLLOWER, pr);
}

static ipart_status need_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    return before_notice_may(p, actor, actor_id, IPART__EV_NEED_DESCRIBED);
}

static void need_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    p->need_described = !ipart__blank(ev->as.need.need_description);
    p->market_check_done = ev->as.need.market_check_done;
    p->market_check_justified = !ipart__blank(ev->as.need.market_check_justification);
}

static ipart_status dialogue_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    return before_notice_may(p, actor, actor_id, IPART__EV_MARKET_DIALOGUE_HELD);
}

static void dialogue_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    (void)pr;
    p->dialogue_held = 1;
    p->stage = IPART_STAGE_MARKET_DIALOGUE;
}

/* ---- terms_set ------------------------------------------------------------------ */

static ipart_status terms_may(const ipart_partnership *p, const ipart__party *actor,
                              const char *actor_id)
{
    ipart_status rc =
        ipart__require_role(actor, actor_id, IPART_ROLE_AUTHORITY, IPART__EV_TERMS_SET);
    if (rc != IPART_OK)
        return rc;
    if (is_before_notice(p->stage))
        return IPART_OK;
    if (p->stage == IPART_STAGE_CANCELLED)
        return ipart__wrong_stage(p, IPART__EV_TERMS_SET);
    return ipart__rule_violation("R15", "", "terms.fixed",
                                 "the terms are fixed by the notice: minimum requirements, "
                                 "award criteria and the IPR arrangements cannot change");
}

/* Ids within one list of the terms must be unique. */
static ipart_status unique_ids(const ipart__array *arr, size_t size, const char *path,
                               const char *field)
{
    for (size_t i = 0; i < arr->count; i++)
        for (size_t j = 0; j < i; j++) {
            const char *a = *(const char *const *)((const char *)arr->items + i * size);
            const char *b = *(const char *const *)((const char *)arr->items + j * size);
            if (strcmp(a, b) == 0) {
                char at[256];
                ipart__item_path(at, sizeof at, path, field, i);
                ipart_status rc = ipart__fail(IPART_EINVAL, "terms.id.duplicate",
                                              "%s: id '%s' is used twice", at, a);
                ipart__error_set_path(at);
                return rc;
            }
        }
    return IPART_OK;
}

static ipart_status award_criteria_check(const ev_terms *t, const char *path)
{
    const ev_award_criterion *c = t->award_criteria.items;
    int64_t sum = 0;
    int quality = 0, price = 0;
    for (size_t i = 0; i < t->award_criteria.count; i++) {
        sum += c[i].weight;
        if (c[i].weight > 0 && c[i].kind == EV_CRIT_QUALITY)
            quality = 1;
        if (c[i].weight > 0 && (c[i].kind == EV_CRIT_PRICE || c[i].kind == EV_CRIT_COST))
            price = 1;
    }
    if (sum != 10000) {
        char message[128];
        snprintf(message, sizeof message,
                 "the weights sum to %lld basis points; they must sum to 10000 (100 %%)",
                 (long long)sum);
        return ipart__invalid(path, "award_criteria", "terms.weights.sum", message);
    }
    if (!quality || !price)
        return ipart__violation("R18", path, "award_criteria", "terms.award.bpqr",
                                "award must be on the best price-quality ratio: at least one "
                                "quality "
                                "criterion and one price or cost criterion with weight");
    return IPART_OK;
}

static ipart_status selection_check(const ipart_partnership *p, const ev_terms *t,
                                    const char *path)
{
    const ev_selection_criterion *s = t->selection_criteria.items;
    int rnd = 0, innovation = 0;
    for (size_t i = 0; i < t->selection_criteria.count; i++) {
        rnd |= s[i].kind == EV_SEL_RND_CAPACITY;
        innovation |= s[i].kind == EV_SEL_INNOVATION_IMPLEMENTATION;
    }
    if (p->profile->rnd_selection_required && !rnd)
        return ipart__violation("R48", path, "selection_criteria", "terms.selection.rnd_dk",
                                "a selection criterion on R&D capacity is mandatory in DK");
    if (!rnd && !innovation)
        return ipart__violation("R11", path, "selection_criteria", "terms.selection.rnd",
                                "selection must apply criteria on R&D capacity or on developing "
                                "and "
                                "implementing innovative solutions");
    return IPART_OK;
}

static ipart_status reservations_check(const ipart_partnership *p, const ev_terms *t,
                                       const char *path)
{
    if (t->reservations.award_on_initial_tender && !p->profile->award_on_initial_allowed)
        return ipart__violation(p->profile->award_on_initial_rule, path,
                                "reservations.award_on_initial_tender", "terms.initial_award",
                                "negotiation is obligatory in this profile: award on the initial "
                                "tender cannot be reserved");
    if (!p->profile->dk_disclosures_required)
        return IPART_OK;
    if (!t->has_disclosures)
        return ipart__violation("R10", path, "disclosures", "terms.disclosures.missing",
                                "DK documents must disclose award on initial tender, several "
                                "contracts, remuneration and reduction on intermediate targets");
    if (t->disclosures.award_on_initial_tender != t->reservations.award_on_initial_tender)
        return ipart__violation("R10", path, "disclosures.award_on_initial_tender",
                                "terms.disclosures.inconsistent",
                                "the disclosure contradicts the reservation of award on initial "
                                "tender");
    return IPART_OK;
}

/* R36: the IPR arrangement is complete (see ipart__ipr_missing). */
static ipart_status ipr_complete(const ev_ipr *ipr, const char *path, const char *field,
                                 const char *key)
{
    char missing[512];
    ipart__ipr_missing(ipr, missing, sizeof missing);
    if (!missing[0])
        return IPART_OK;
    char message[640];
    snprintf(message, sizeof message, "the IPR arrangements of the terms are incomplete: %s",
             missing);
    return ipart__violation("R36", path, field, key, message);
}

/* R28, R36: a licence extends to the authority and to followers named
 * before the notice, never to the owner of the asset, and a licence that
 * takes effect with the option only to a party that holds it. */
static ipart_status licensees_check(const ipart_partnership *p, const ev_terms *t,
                                    const char *path)
{
    const ev_ipr *ipr = &t->ipr;
    for (size_t i = 0; ipr->has_licences && i < ipr->licences.count; i++) {
        const ev_ipr_licence *l = &((const ev_ipr_licence *)ipr->licences.items)[i];
        const char *const *ids = l->licensees.items;
        for (size_t j = 0; j < l->licensees.count; j++) {
            char field[96];
            snprintf(field, sizeof field, "ipr.licences[%zu].licensees[%zu]", i, j);
            const ipart__party *who = ipart__party_find(p, ids[j]);
            if (!who || who->role == IPART_ROLE_OPERATOR)
                return ipart__violation("R28", path, field, "terms.ipr.licensee",
                                        "a licence extends only to the authority and to followers "
                                        "named before the notice");
            int holder = who->role == IPART_ROLE_AUTHORITY;
            const ev_option_holder *h = t->option.followers.items;
            for (size_t k = 0; t->has_option && k < t->option.followers.count; k++)
                holder |= strcmp(h[k].follower, who->id) == 0;
            /* Without an option R2 refuses the terms as a whole. */
            if (l->from == EV_FROM_OPTION && t->has_option && !holder)
                return ipart__violation("R28", path, field, "terms.ipr.licensee.option",
                                        "the licence takes effect with the licensee's purchase "
                                        "under "
                                        "the option, but the option does not name it");
            int owns = l->asset == EV_ASSET_FOREGROUND && who->role == IPART_ROLE_AUTHORITY &&
                       (ipr->regime == EV_IPR_AUTHORITY_OWNS || ipr->regime == EV_IPR_JOINT);
            if (owns)
                return ipart__violation("R36", path, field, "terms.ipr.contradictory",
                                        "the authority owns the results under this regime; it "
                                        "needs "
                                        "no licence of them");
        }
    }
    return IPART_OK;
}

static ipart_status terms_check(const ipart_partnership *p, const ipart__event *ev,
                                const char *path)
{
    const ev_terms *t = &ev->as.terms;
    ipart_status rc;
    if ((rc = unique_ids(&t->minimum_requirements, sizeof(ev_requirement), path,
                         "minimum_requirements")) != IPART_OK ||
        (rc = unique_ids(&t->selection_criteria, sizeof(ev_selection_criterion), path,
                         "selection_criteria")) != IPART_OK ||
        (rc = unique_ids(&t->award_criteria, sizeof(ev_award_criterion), path,
                         "award_criteria")) != IPART_OK ||
        (rc = award_criteria_check(t, path)) != IPART_OK ||
        (rc = selection_check(p, t, path)) != IPART_OK)
        return rc;
    if (t->candidates.min < p->profile->min_candidates) {
        char message[160];
        snprintf(message, sizeof message,
                 "the minimum number of candidates is %lld; at least %d must be invited",
                 (long long)t->candidates.min, p->profile->min_candidates);
        return ipart__violation("R13", path, "candidates.min", "terms.candidates.min", message);
    }
    if (t->candidates.has_max && t->candidates.max < t->candidates.min)
        return ipart__invalid(path, "candidates.max", "terms.candidates.max",
                              "the maximum is below the minimum");
    if ((rc = reservations_check(p, t, path)) != IPART_OK)
        return rc;
    if (!t->has_ipr || ipart__blank(t->ipr.description))
        return ipart__violation("R36", path, "ipr", "terms.ipr.missing",
                                "the IPR arrangements must be defined in the procurement "
                                "documents");
    if (!t->has_option && t->has_compensation &&
        t->compensation.model == EV_COMPENSATION_PARTIAL && t->ipr.regime == EV_IPR_JOINT)
        return ipart__violation("R38", path, "option", "terms.rnd_services_candidate",
                                "no purchase component, partial funding and shared results: this "
                                "set-up is an R&D-services candidate (pre-commercial procurement, "
                                "outside the procurement rules under Art. 14 when documented as "
                                "such), "
                                "not an innovation partnership; document the exclusion instead");
    if ((rc = ipart__ipr_contradictions(&t->ipr, path)) != IPART_OK ||
        (rc = licensees_check(p, t, path)) != IPART_OK)
        return rc;
    /* Draft terms may leave the arrangement open; the complete documents may not. */
    if (t->has_tender_documents_complete && t->tender_documents_complete &&
        (rc = ipr_complete(&t->ipr, path, "ipr", "terms.ipr.incomplete")) != IPART_OK)
        return rc;
    const ipart_money *amounts[] = {&t->budget.development_cap, &t->budget.max_rnd_value,
                                    &t->budget.estimated_purchase_value};
    static const char *const names[] = {"budget.development_cap", "budget.max_rnd_value",
                                        "budget.estimated_purchase_value"};
    for (size_t i = 0; i < 3; i++)
        if (amounts[i]->minor < 0)
            return ipart__invalid(path, names[i], "terms.budget.negative", "must not be negative");
    return ipart__contract_terms_check(p, t, path);
}

/* The terms stay for the life of the partnership: copy them into the
 * event's arena, which the commit then takes over (no copy of the strings). */
static ipart_status terms_prepare(ipart_partnership *p, const ipart__event *ev,
                                  ipart__prepared *pr)
{
    ev_terms *copy = ipart__arena_alloc(pr->arena, sizeof *copy);
    if (!copy)
        return ipart__fail_nomem();
    *copy = ev->as.terms;
    pr->kept = copy;
    return ipart__terms_prepare_warnings(p, ev, pr);
}

static void terms_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    ipart__arena_free(&p->terms_arena);
    p->terms_arena = *pr->arena;
    pr->arena->chunks = NULL;
    pr->keep_arena = 1;
    p->terms = pr->kept;
    ipart__plan_measure(p);
}

/* ---- notice_published ------------------------------------------------------- */

static ipart_status notice_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    return before_notice_may(p, actor, actor_id, IPART__EV_NOTICE_PUBLISHED);
}

/* R9: the documents must contain the mandatory items; list every missing one. */
static ipart_status documents_complete(const ipart_partnership *p, const char *path)
{
    if (!p->terms)
        return ipart__violation("R9", path, NULL, "notice.terms.missing",
                                "the terms (terms_set) must be fixed before the notice");
    char missing[256] = "";
    const ev_terms *t = p->terms;
    if (!p->need_described)
        strcat(missing, ", need description (1)");
    if (t->minimum_requirements.count == 0)
        strcat(missing, ", minimum requirements (2)");
    if (t->selection_criteria.count == 0)
        strcat(missing, ", selection criteria (5)");
    if (ipart__blank(t->later_purchase))
        strcat(missing, ", how the later purchase is made (9)");
    if (!missing[0])
        return IPART_OK;
    char message[320];
    snprintf(message, sizeof message, "the procurement documents lack: %s", missing + 2);
    return ipart__violation("R9", path, NULL, "notice.documents.incomplete", message);
}

static ipart_status deadline_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    ipart_date earliest;
    ipart_status rc = ipart_period_end(&earliest, p->profile->code, ev->date,
                                       p->profile->min_request_days);
    if (rc != IPART_OK)
        return rc;
    if (!ipart__before(ev->as.notice.request_deadline, earliest))
        return IPART_OK;
    char message[200];
    snprintf(message, sizeof message,
             "the request deadline %04d-%02d-%02d is too early: at least %d days from the day "
             "after dispatch gives %04d-%02d-%02d",
             ev->as.notice.request_deadline.year, ev->as.notice.request_deadline.month,
             ev->as.notice.request_deadline.day, p->profile->min_request_days, earliest.year,
             earliest.month, earliest.day);
    return ipart__violation("R6", path, "request_deadline", "notice.deadline.short", message);
}

static ipart_status threshold_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    if (!p->profile->below_threshold_blocked)
        return IPART_OK;
    ipart_threshold_verdict v;
    ipart_status rc = ipart__threshold_verdict(&v, p, ev->date);
    if (rc == IPART_ENOTFOUND)
        return IPART_OK; /* no table for that date or currency: nothing to compare with */
    if (rc != IPART_OK || v.above)
        return rc;
    char value[IPART__MONEY_TEXT_SIZE], threshold[IPART__MONEY_TEXT_SIZE], message[200];
    ipart__money_canonical(value, v.estimated_value);
    ipart__money_canonical(threshold, v.threshold);
    snprintf(message, sizeof message,
             "the estimated value %s %s is below the EEA threshold %s %s: innovation "
             "partnership is a Part III procedure",
             value, p->currency, threshold, p->currency);
    return ipart__violation("R3", path, NULL, "notice.threshold.below", message);
}

static ipart_status notice_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart_status rc = documents_complete(p, path);
    if (rc != IPART_OK)
        return rc;
    if ((rc = ipr_complete(&p->terms->ipr, path, NULL, "notice.ipr.incomplete")) != IPART_OK)
        return rc;
    if (ipart__blank(ev->as.notice.channel))
        return ipart__violation("R5", path, "channel", "notice.channel",
                                "the call for competition must be published where any operator "
                                "can see "
                                "it: name the channel (Doffin, TED)");
    if (!p->need_described || !p->market_check_done || !p->market_check_justified)
        return ipart__violation("R1", path, NULL, "notice.need.missing",
                                "the innovation need must be described and a justified market "
                                "check "
                                "must show that the market cannot already meet it");
    if (p->terms->has_tender_documents_complete == 0 || !p->terms->tender_documents_complete ||
        ipart__blank(p->terms->contract_draft))
        return ipart__violation("R8", path, NULL, "notice.documents.draft",
                                "the complete tender documents and the draft contract must be "
                                "available at the notice");
    if (ipart__blank(p->terms->deadline_justification))
        return ipart__violation("R7", path, NULL, "notice.deadline.justification",
                                "the adequacy of the time limits must be justified");
    if ((rc = deadline_check(p, ev, path)) != IPART_OK)
        return rc;
    return threshold_check(p, ev, path);
}

static void notice_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    p->notice_date = ev->date;
    p->request_deadline = ev->as.notice.request_deadline;
    p->stage = IPART_STAGE_NOTICE_PUBLISHED;
}

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
    return IPART_OK;
}

static ipart_status request_prepare(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr)
{
    return ipart__party_prepare(p, &ev->as.request.operator_, IPART_ROLE_OPERATOR, pr);
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
        snprintf(field, sizeof field, "candidates[%zu]", i);
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
        return ipart__violation("R13", path, "candidates", "invite.too_many",
                                "more candidates invited than the maximum stated in the notice");
    if ((int64_t)n < t->candidates.min &&
        (n < qualified || (int64_t)qualified >= t->candidates.min))
        return ipart__violation("R13", path, "candidates", "invite.too_few",
                                "at least the minimum number of candidates stated in the notice "
                                "must be "
                                "invited (all qualified candidates when fewer qualified)");
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
        snprintf(field, sizeof field, "notified[%zu]", i);
        ipart__party *t = NULL;
        ipart_status rc = find_remaining(&t, p, ids[i], path, field);
        if (rc != IPART_OK)
            return rc;
    }
    for (size_t i = 0; i < p->party_count; i++)
        if (ipart__remaining(p->parties[i]) &&
            !ipart__listed(&ev->as.changed.notified, p->parties[i]->id)) {
            char message[160];
            snprintf(message, sizeof message,
                     "every tenderer still in the procedure must be told in writing; '%s' is not",
                     p->parties[i]->id);
            return ipart__violation("R16", path, "notified", "change.not_notified", message);
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
        snprintf(field, sizeof field, "eliminated[%zu]", i);
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

/* ---- evaluation and award ------------------------------------------------------ */

/* Evaluation on initial tenders without negotiation: only where reserved and allowed. */
static int initial_award_open(const ipart_partnership *p)
{
    return p->stage == IPART_STAGE_NEGOTIATION && p->terms->reservations.award_on_initial_tender &&
           p->profile->award_on_initial_allowed && p->negotiation_rounds == 0;
}

static ipart_status evaluated_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    ipart_status rc = ipart__require_role(actor, actor_id, IPART_ROLE_AUTHORITY,
                                          IPART__EV_TENDERS_EVALUATED);
    if (rc != IPART_OK)
        return rc;
    if (p->stage == IPART_STAGE_FINAL_TENDERS || initial_award_open(p))
        return IPART_OK;
    if (p->stage == IPART_STAGE_NEGOTIATION)
        return ipart__rule_violation(p->profile->award_on_initial_rule, "", "evaluation.initial",
                                     "initial tenders may be evaluated for award only where the "
                                     "documents reserved it, the profile allows it and no "
                                     "negotiation has taken place; call for final tenders");
    return ipart__wrong_stage(p, IPART__EV_TENDERS_EVALUATED);
}

/* Tenderers that the evaluation ranks: remaining, with the tender that counts. */
static int ranked_tenderer(const ipart_partnership *p, const ipart__party *t)
{
    if (!ipart__remaining(t))
        return 0;
    return p->stage == IPART_STAGE_FINAL_TENDERS ? t->has_final : t->has_tender;
}

static const ev_score *find_score(const ipart__event *ev, const char *tenderer,
                                  const char *criterion)
{
    const ev_score *s = ev->as.evaluated.scores.items;
    for (size_t i = 0; i < ev->as.evaluated.scores.count; i++)
        if (strcmp(s[i].tenderer, tenderer) == 0 && strcmp(s[i].criterion, criterion) == 0)
            return &s[i];
    return NULL;
}

static const ev_award_criterion *find_criterion(const ev_terms *t, const char *id)
{
    const ev_award_criterion *c = t->award_criteria.items;
    for (size_t i = 0; i < t->award_criteria.count; i++)
        if (strcmp(c[i].id, id) == 0)
            return &c[i];
    return NULL;
}

/* Criteria the authority scores on the quality scale: quality, and (outside
 * Norway, R32) the supplier's own contribution. Price and cost are computed. */
static int scored(int kind)
{
    return kind == EV_CRIT_QUALITY || kind == EV_CRIT_OWN_CONTRIBUTION;
}

static int64_t quality_scale(const ev_terms *t)
{
    return t->has_quality_scale ? t->quality_scale : 10;
}

static ipart_status scores_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    const ev_score *s = ev->as.evaluated.scores.items;
    for (size_t i = 0; i < ev->as.evaluated.scores.count; i++) {
        char at[256];
        snprintf(at, sizeof at, "%s.scores[%zu]", path, i);
        const ev_award_criterion *c = find_criterion(p->terms, s[i].criterion);
        const ipart__party *t = ipart__party_find(p, s[i].tenderer);
        const char *problem = NULL;
        if (!c || !scored(c->kind))
            problem = "not a scored criterion of the notice (price and cost are computed)";
        else if (!t || !ranked_tenderer(p, t))
            problem = "not a tenderer with a tender to evaluate";
        else if (s[i].score > quality_scale(p->terms))
            problem = "score above the quality scale of the terms";
        else if (find_score(ev, s[i].tenderer, s[i].criterion) != &s[i])
            problem = "scored twice";
        if (problem) {
            ipart_status rc = ipart__fail(IPART_EINVAL, "evaluation.score", "%s: %s", at, problem);
            ipart__error_set_path(at);
            return rc;
        }
    }
    const ev_award_criterion *c = p->terms->award_criteria.items;
    size_t ranked = 0;
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__party *t = p->parties[i];
        if (!ranked_tenderer(p, t))
            continue;
        ranked++;
        for (size_t k = 0; k < p->terms->award_criteria.count; k++)
            if (scored(c[k].kind) && !find_score(ev, t->id, c[k].id)) {
                char message[200];
                snprintf(message, sizeof message, "no score for '%s' on criterion '%s'", t->id,
                         c[k].id);
                return ipart__invalid(path, "scores", "evaluation.score.missing", message);
            }
    }
    if (!ranked)
        return ipart__fail(IPART_ESTATE, "evaluation.nothing",
                           "there is no tender to evaluate");
    return ipart__need_reason(ev->as.evaluated.reason, path, "reason");
}

static int compare_ranked(const void *a, const void *b)
{
    const ipart__ranked *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return x->party->index < y->party->index ? -1 : 1;
}

static ipart_status evaluated_prepare(ipart_partnership *p, const ipart__event *ev,
                                      ipart__prepared *pr)
{
    size_t n = 0, k = p->terms->award_criteria.count;
    int64_t lowest = INT64_MAX, highest = 0;
    for (size_t i = 0; i < p->party_count; i++)
        if (ranked_tenderer(p, p->parties[i])) {
            n++;
            if (p->parties[i]->price.minor < lowest)
                lowest = p->parties[i]->price.minor;
            if (p->parties[i]->price.minor > highest)
                highest = p->parties[i]->price.minor;
        }
    /* The terms choose the price model (doc/evaluation.md); relative by default. */
    const ev_terms *terms = p->terms;
    ipart_price_model model = terms->has_price_model ? (ipart_price_model)terms->price_model.model
                                                     : IPART_PRICE_RELATIVE;
    int64_t reference = terms->has_price_model && terms->price_model.has_reference_price
                            ? terms->price_model.reference_price.minor
                            : 0;
    ipart__ranking *r = ipart__calloc(1, sizeof *r);
    ipart__ranked *entries = ipart__calloc(n, sizeof *entries);
    int64_t *points = ipart__calloc(n * k, sizeof *points);
    if (!r || !entries || !points) {
        ipart__free(r);
        ipart__free(entries);
        ipart__free(points);
        return ipart__fail_nomem();
    }
    const ev_award_criterion *c = p->terms->award_criteria.items;
    size_t e = 0;
    for (size_t i = 0; i < p->party_count; i++) {
        ipart__party *t = p->parties[i];
        if (!ranked_tenderer(p, t))
            continue;
        entries[e].party = t;
        entries[e].points = points + e * k;
        for (size_t j = 0; j < k; j++) {
            int64_t num, den;
            if (scored(c[j].kind)) {
                num = find_score(ev, t->id, c[j].id)->score;
                den = quality_scale(p->terms);
            } else {
                ipart__price_fraction(&num, &den, model, t->price.minor, lowest, highest,
                                      reference);
            }
            int64_t pts = ipart__eval_points(c[j].weight, num, den);
            entries[e].points[j] = pts;
            entries[e].total += pts;
        }
        e++;
    }
    qsort(entries, n, sizeof *entries, compare_ranked);
    for (size_t i = 0; i < n; i++) {
        int tie_prev = i > 0 && entries[i].total == entries[i - 1].total;
        int tie_next = i + 1 < n && entries[i].total == entries[i + 1].total;
        entries[i].rank = tie_prev ? entries[i - 1].rank : (int)i + 1;
        entries[i].tied = tie_prev || tie_next;
    }
    r->entries = entries;
    r->count = n;
    r->criteria = k;
    r->points = points;
    pr->ranking = r;
    return IPART_OK;
}

static void evaluated_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    ipart__ranking_free(p->ranking);
    p->ranking = pr->ranking;
    pr->ranking = NULL;
    p->evaluated_on_initial = p->stage == IPART_STAGE_NEGOTIATION;
}

static ipart_status award_may(const ipart_partnership *p, const ipart__party *actor,
                              const char *actor_id)
{
    ipart_status rc =
        ipart__require_role(actor, actor_id, IPART_ROLE_AUTHORITY, IPART__EV_AWARD_DECIDED);
    if (rc != IPART_OK)
        return rc;
    int open = p->stage == IPART_STAGE_FINAL_TENDERS ||
               (p->stage == IPART_STAGE_NEGOTIATION && p->evaluated_on_initial);
    if (!open || !p->ranking)
        return ipart__fail(IPART_ESTATE, "award.not_evaluated",
                           "'award_decided' needs an evaluation of the tenders (stage '%s')",
                           ipart_stage_name(p->stage));
    return IPART_OK;
}

static const ipart__ranked *ranked_entry(const ipart_partnership *p, const char *id)
{
    for (size_t i = 0; i < p->ranking->count; i++)
        if (strcmp(p->ranking->entries[i].party->id, id) == 0)
            return &p->ranking->entries[i];
    return NULL;
}

static int is_partner(const ipart__event *ev, const char *id)
{
    const ev_award_partner *a = ev->as.award.partners.items;
    for (size_t i = 0; i < ev->as.award.partners.count; i++)
        if (strcmp(a[i].tenderer, id) == 0)
            return 1;
    return 0;
}

static ipart_status partners_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path, ipart_money *sum)
{
    const ev_award_partner *a = ev->as.award.partners.items;
    for (size_t i = 0; i < ev->as.award.partners.count; i++) {
        char field[64];
        snprintf(field, sizeof field, "partners[%zu]", i);
        const ipart__ranked *r = ranked_entry(p, a[i].tenderer);
        if (!r)
            return ipart__violation("R18", path, field, "award.not_ranked",
                                    "only a tenderer ranked by the evaluation can be awarded");
        for (size_t j = 0; j < i; j++)
            if (strcmp(a[j].tenderer, a[i].tenderer) == 0)
                return ipart__invalid(path, field, "award.partner.duplicate", "listed twice");
        /* Best price-quality ratio: nobody outside the award may rank above a partner. */
        for (size_t j = 0; j < p->ranking->count; j++) {
            const ipart__ranked *other = &p->ranking->entries[j];
            if (other->total > r->total && !is_partner(ev, other->party->id))
                return ipart__violation("R18", path, field, "award.order",
                                        "the award must follow the ranking on the published award "
                                        "criteria: a better-ranked tenderer is left out");
        }
        if (p->profile->separate_rnd_required && !a[i].has_separate_rnd)
            return ipart__violation("R46", path, field, "award.separate_rnd",
                                    "each partner must run separate R&D activities (existing or "
                                    "planned)");
        ipart_status rc = ipart_money_add(sum, *sum, r->party->development_price);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

/* R40: the last day of the standstill after an award notified on `award_date`
 * (SE: 15 days where communication is not electronic). */
static ipart_status standstill_end(ipart_date *out, const ipart_partnership *p,
                                   ipart_date award_date)
{
    int days = p->electronic_communication ? p->profile->standstill_days
                                           : p->profile->standstill_days_paper;
    return ipart_period_end(out, p->profile->code, award_date, days);
}

static ipart_status award_check(const ipart_partnership *p, const ipart__event *ev,
                                const char *path)
{
    ipart_money sum;
    ipart_money_from_minor(&sum, 0, p->currency);
    ipart_status rc = partners_check(p, ev, path, &sum);
    if (rc != IPART_OK)
        return rc;
    if ((rc = ipart__award_caps_check(p, ev, path)) != IPART_OK)
        return rc;
    if (ipart__blank(ev->as.award.reasons))
        return ipart__violation("R39", path, "reasons", "award.reasons",
                                "the award decision must give the characteristics and relative "
                                "advantages of the chosen tenders");
    ipart_date end;
    if ((rc = standstill_end(&end, p, ev->date)) != IPART_OK)
        return rc;
    return ipart__need_reason(ev->as.award.reason, path, "reason");
}

static void award_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    const ev_award_partner *a = ev->as.award.partners.items;
    for (size_t i = 0; i < ev->as.award.partners.count; i++) {
        ipart__party *t = ipart__party_find(p, a[i].tenderer);
        t->awarded = 1;
        t->contract = pr->contracts[i];
        pr->contracts[i] = NULL;
        t->has_separate_rnd = a[i].has_separate_rnd;
        t->separate_rnd = a[i].separate_rnd;
        p->awarded_sum.minor += t->development_price.minor; /* checked in award_check */
    }
    p->partner_count = ev->as.award.partners.count;
    p->award_date = ev->date;
    standstill_end(&p->standstill_end, p, ev->date); /* cannot fail: award_check ran it */
    p->stage = IPART_STAGE_AWARD_STANDSTILL;
}

static ipart_status signed_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_AWARD_STANDSTILL, IPART__EV_CONTRACT_SIGNED);
}

static ipart_status signed_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__party *t = NULL;
    ipart_status rc = ipart__find_operator(&t, p, ev->as.signed_.partner, path, "partner");
    if (rc != IPART_OK)
        return rc;
    if (!t->awarded)
        return ipart__violation("R12", path, "partner", "contract.not_awarded",
                                "a contract is signed only with an awarded tenderer");
    if (t->contract_signed)
        return ipart__fail(IPART_EEXISTS, "contract.signed.twice",
                           "the contract with '%s' is already signed", t->id);
    if (!ipart__before(p->standstill_end, ev->date)) {
        char message[160];
        snprintf(message, sizeof message,
                 "the standstill period ends on %04d-%02d-%02d; a contract may be signed from the "
                 "day after",
                 p->standstill_end.year, p->standstill_end.month, p->standstill_end.day);
        return ipart__violation("R40", path, "date", "contract.standstill", message);
    }
    return ipart__signed_schedule_check(p, ev, path);
}

static void signed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party_find(p, ev->as.signed_.partner)->contract_signed = 1;
    ipart__signed_schedule_commit(p, ev);
    if (++p->signed_count == p->partner_count)
        p->stage = IPART_STAGE_DEVELOPMENT;
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

static ipart_status consent_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    (void)p;
    return ipart__require_role(actor, actor_id, IPART_ROLE_OPERATOR, IPART__EV_CONSENT_GIVEN);
}

static ipart_status consent_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (ev->as.consent.blanket)
        return ipart__violation("R19", path, "item", "consent.blanket",
                                "consent must name one specific item of information; a blanket "
                                "consent is not valid");
    if ((size_t)ev->as.consent.item_event >= p->log_count)
        return ipart__unknown_party(path, "item.event", "(no such event)");
    const ipart__party *owner = p->log[ev->as.consent.item_event].actor;
    if (!owner || strcmp(owner->id, ev->actor) != 0)
        return ipart__violation("R19", path, "item.event", "consent.not_own",
                                "an operator can only consent to the disclosure of its own "
                                "information");
    const char *const *ids = ev->as.consent.recipients.items;
    for (size_t i = 0; i < ev->as.consent.recipients.count; i++)
        if (!ipart__party_find(p, ids[i])) {
            char field[64];
            snprintf(field, sizeof field, "recipients[%zu]", i);
            return ipart__unknown_party(path, field, ids[i]);
        }
    return IPART_OK;
}

static ipart_status note_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    (void)p;
    if (!actor)
        return ipart__fail(IPART_EPERM, "event.actor.unknown",
                           "'%s' is not a party of this partnership", actor_id);
    return IPART_OK;
}

static ipart_status note_check(const ipart_partnership *p, const ipart__event *ev,
                               const char *path)
{
    (void)p;
    if (ipart__blank(ev->as.note.text))
        return ipart__invalid(path, "text", "note.empty", "must not be empty");
    return IPART_OK;
}

/* The handlers of the procedure's events (declared from the event rows, event_p.h). */
const ipart__handler ipart__partnership_created_handler = {created_may, created_check,
                                                           created_prepare, created_commit};
const ipart__handler ipart__follower_named_handler = {follower_may, follower_check,
                                                      follower_prepare, ipart__no_commit};
const ipart__handler ipart__need_described_handler = {need_may, ipart__accept, NULL,
                                                      need_commit};
const ipart__handler ipart__market_dialogue_held_handler = {dialogue_may, ipart__accept, NULL,
                                                            dialogue_commit};
const ipart__handler ipart__terms_set_handler = {terms_may, terms_check, terms_prepare,
                                                 terms_commit};
const ipart__handler ipart__notice_published_handler = {notice_may, notice_check, NULL,
                                                        notice_commit};
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
const ipart__handler ipart__tenders_evaluated_handler = {evaluated_may, scores_check,
                                                         evaluated_prepare, evaluated_commit};
const ipart__handler ipart__award_decided_handler = {award_may, award_check, ipart__award_prepare,
                                                     award_commit};
const ipart__handler ipart__contract_signed_handler = {signed_may, signed_check,
                                                       ipart__signed_prepare, signed_commit};
const ipart__handler ipart__procedure_cancelled_handler = {cancelled_may, cancelled_check, NULL,
                                                           cancelled_commit};
const ipart__handler ipart__consent_given_handler = {consent_may, consent_check, NULL,
                                                     ipart__no_commit};
const ipart__handler ipart__note_recorded_handler = {note_may, note_check, NULL,
                                                     ipart__no_commit};

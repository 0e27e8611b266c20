/*
 * The events of the preparation stage (doc/events.md): partnership_created,
 * follower_named, need_described, market_dialogue_held, terms_set and
 * notice_published (the need mapping and the typed market dialogue are in
 * handlers_dialogue.c) - who may send each, in which stage, the guards of its
 * payload (each naming its rule of RULES.md), and its effect on the state.
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
#include "model/event_spec_p.h"
#include "model/guard_p.h"
#include "model/partnership_p.h"
#include "model/programme_p.h"
#include "rules/evaluation_p.h"
#include "rules/periods_p.h"
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
    ipart_status rc = ipart__buyer_check(p, &ev->as.created.authority, ev->date, path,
                                         "authority");
    if (rc != IPART_OK)
        return rc;
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

static ipart_status follower_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    ipart_status rc = ipart__new_party_check(p, ev->as.follower.follower.id, path, "follower.id");
    return rc != IPART_OK ? rc
                          : ipart__buyer_check(p, &ev->as.follower.follower, ev->date, path,
                                               "follower");
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
    snprintf(p->need_mapping, sizeof p->need_mapping, "%s",
             ev->as.need.need_mapping ? ev->as.need.need_mapping : "");
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
        return ipart__invalidf(path, "award_criteria", "terms.weights.sum",
                               "the weights sum to %lld basis points; they must sum to 10000 "
                               "(100 %%)",
                               (long long)sum);
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
    ipart__text missing, t;
    ipart__ipr_missing(ipr, &missing);
    if (!missing.in[IPART__EN][0])
        return IPART_OK;
    ipart__text_wrap(&t, key, "the IPR arrangements of the terms are incomplete: %s", &missing);
    return ipart__violation_text("R36", path, field, key, &t);
}

/* The field of licensee j of licence i, built only for a refusal. */
static const char *licensee_field(char out[96], size_t i, size_t j)
{
    ipart__path_printf(out, 96, "ipr.licences[%zu].licensees[%zu]", i, j);
    return out;
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
            const ipart__party *who = ipart__party_find(p, ids[j]);
            if (!who || who->role == IPART_ROLE_OPERATOR)
                return ipart__violation("R28", path, licensee_field(field, i, j),
                                        "terms.ipr.licensee",
                                        "a licence extends only to the authority and to followers "
                                        "named before the notice");
            int holder = who->role == IPART_ROLE_AUTHORITY;
            const ev_option_holder *h = t->option.followers.items;
            for (size_t k = 0; t->has_option && k < t->option.followers.count; k++)
                holder |= strcmp(h[k].follower, who->id) == 0;
            /* Without an option R2 refuses the terms as a whole. */
            if (l->from == EV_FROM_OPTION && t->has_option && !holder)
                return ipart__violation("R28", path, licensee_field(field, i, j),
                                        "terms.ipr.licensee.option",
                                        "the licence takes effect with the licensee's purchase "
                                        "under "
                                        "the option, but the option does not name it");
            int owns = l->asset == EV_ASSET_FOREGROUND && who->role == IPART_ROLE_AUTHORITY &&
                       (ipr->regime == EV_IPR_AUTHORITY_OWNS || ipr->regime == EV_IPR_JOINT);
            if (owns)
                return ipart__violation("R36", path, licensee_field(field, i, j),
                                        "terms.ipr.contradictory",
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
        return ipart__violationf("R13", path, "candidates.min", "terms.candidates.min",
                                 "the minimum number of candidates is %lld; at least %d must "
                                 "be invited",
                                 (long long)t->candidates.min, p->profile->min_candidates);
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
 * event's arena, which the commit then takes over (no copy of the strings,
 * unless they are borrowed from a built event). */
static ipart_status terms_prepare(ipart_partnership *p, const ipart__event *ev,
                                  ipart__prepared *pr)
{
    ev_terms *copy = pr->borrowed ? ipart__terms_copy(pr->arena, &ev->as.terms)
                                  : ipart__arena_alloc(pr->arena, sizeof *copy);
    if (!copy)
        return ipart__fail_nomem();
    if (!pr->borrowed)
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

#define DOCUMENTS_INCOMPLETE "notice.documents.incomplete"

/* Add `what` (an English msgid of DOCUMENTS_INCOMPLETE) to the list when the documents lack it. */
static void lacking(ipart__text *missing, int lacks, const char *what)
{
    ipart__text item;
    if (!lacks)
        return;
    ipart__text_plain(&item, DOCUMENTS_INCOMPLETE, what);
    ipart__text_append(missing, &item);
}

/* R9: the documents must contain the mandatory items; list every missing one. */
static ipart_status documents_complete(const ipart_partnership *p, const char *path)
{
    if (!p->terms)
        return ipart__violation("R9", path, NULL, "notice.terms.missing",
                                "the terms (terms_set) must be fixed before the notice");
    const ev_terms *t = p->terms;
    ipart__text missing = {0}, message;
    lacking(&missing, !p->need_described, "need description (1)");
    lacking(&missing, t->minimum_requirements.count == 0, "minimum requirements (2)");
    lacking(&missing, t->selection_criteria.count == 0, "selection criteria (5)");
    lacking(&missing, ipart__blank(t->later_purchase), "how the later purchase is made (9)");
    if (!missing.in[IPART__EN][0])
        return IPART_OK;
    ipart__text_wrap(&message, DOCUMENTS_INCOMPLETE, "the procurement documents lack: %s",
                     &missing);
    return ipart__violation_text("R9", path, NULL, DOCUMENTS_INCOMPLETE, &message);
}

static ipart_status deadline_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    ipart_date earliest;
    ipart_status rc = ipart__request_deadline_min(&earliest, p->profile, ev->date);
    if (rc != IPART_OK)
        return rc;
    if (!ipart__before(ev->as.notice.request_deadline, earliest))
        return IPART_OK;
    return ipart__violationf("R6", path, "request_deadline", "notice.deadline.short",
                             "the request deadline %04d-%02d-%02d is too early: at least %d "
                             "days from the day after dispatch gives %04d-%02d-%02d",
                             ev->as.notice.request_deadline.year,
                             ev->as.notice.request_deadline.month,
                             ev->as.notice.request_deadline.day, p->profile->min_request_days,
                             earliest.year, earliest.month, earliest.day);
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
    char value[IPART__MONEY_TEXT_SIZE], threshold[IPART__MONEY_TEXT_SIZE];
    ipart__money_canonical(value, v.estimated_value);
    ipart__money_canonical(threshold, v.threshold);
    return ipart__violationf("R3", path, NULL, "notice.threshold.below",
                             "the estimated value %s %s is below the EEA threshold %s %s: "
                             "innovation partnership is a Part III procedure",
                             value, p->currency, threshold, p->currency);
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
    if ((rc = deadline_check(p, ev, path)) != IPART_OK ||
        (rc = ipart__dialogue_shared_check(p, path)) != IPART_OK)
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

/* The handlers (declared from the event rows, event_p.h). */
const ipart__handler ipart__partnership_created_handler = {created_may, created_check,
                                                           created_prepare, created_commit};
const ipart__handler ipart__follower_named_handler = {follower_may, follower_check,
                                                      follower_prepare, ipart__no_commit};
const ipart__handler ipart__need_described_handler = {need_may, ipart__need_mapping_check,
                                                      NULL, need_commit};
const ipart__handler ipart__market_dialogue_held_handler = {dialogue_may, ipart__accept, NULL,
                                                            dialogue_commit};
const ipart__handler ipart__terms_set_handler = {terms_may, terms_check, terms_prepare,
                                                 terms_commit};
const ipart__handler ipart__notice_published_handler = {notice_may, notice_check, NULL,
                                                        notice_commit};

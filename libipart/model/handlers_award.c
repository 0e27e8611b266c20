/*
 * The events of the award stage (doc/events.md): the evaluation and ranking
 * of the tenders, the award decision and its standstill (R40), and the
 * signature of each partnership contract.
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
#include "model/partnership_p.h"
#include "rules/evaluation_p.h"
#include "rules/periods_p.h"
#include "model/rights_p.h"

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
            char at[256];
            ipart__path_printf(at, sizeof at, "%s.scores[%zu]", path, i);
            ipart__text text;
            ipart__text_plain(&text, "evaluation.score", problem);
            ipart__text_at(&text, at);
            return ipart__fail_text(IPART_EINVAL, NULL, NULL, at, "evaluation.score", &text);
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
                return ipart__invalidf(path, "scores", "evaluation.score.missing",
                                       "no score for '%s' on criterion '%s'",
                                       t->id, c[k].id);
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

/* R18: `left_out`, ranked above the partner `r`, is not in the award. */
static ipart_status order_violation(const char *path, const char *field, const ipart__ranked *r,
                                    const ipart__ranked *left_out)
{
    return ipart__violationf("R18", path, field, "award.order",
                             "the award must follow the ranking on the published award "
                             "criteria: '%s' (rank %d, %lld.%06lld points) is left out "
                             "although it ranks above '%s' (rank %d, %lld.%06lld points)",
                             left_out->party->id, left_out->rank,
                             (long long)(left_out->total / 1000000),
                             (long long)(left_out->total % 1000000), r->party->id, r->rank,
                             (long long)(r->total / 1000000), (long long)(r->total % 1000000));
}

static ipart_status partners_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path, ipart_money *sum)
{
    const ev_award_partner *a = ev->as.award.partners.items;
    for (size_t i = 0; i < ev->as.award.partners.count; i++) {
        char field[64];
        ipart__path_printf(field, sizeof field, "partners[%zu]", i);
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
                return order_violation(path, field, r, other);
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
    if ((rc = ipart__standstill_end(&end, p->profile, p->electronic_communication, ev->date)) !=
        IPART_OK)
        return rc;
    return ipart__need_reason(ev->as.award.reason, path, "reason");
}

static void award_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    const ev_award_partner *a = ev->as.award.partners.items;
    for (size_t i = 0; i < ev->as.award.partners.count; i++) {
        ipart__party *t = ipart__party_find(p, a[i].tenderer);
        t->awarded = 1;
        ipart__history_note(p, t); /* the rights at an earlier point */
        t->contract = pr->contracts[i];
        pr->contracts[i] = NULL;
        t->has_separate_rnd = a[i].has_separate_rnd;
        t->separate_rnd = a[i].separate_rnd;
        p->awarded_sum.minor += t->development_price.minor; /* checked in award_check */
    }
    p->partner_count = ev->as.award.partners.count;
    p->award_date = ev->date;
    /* cannot fail: award_check ran it */
    ipart__standstill_end(&p->standstill_end, p->profile, p->electronic_communication, ev->date);
    p->stage = IPART_STAGE_AWARD_STANDSTILL;
}

static ipart_status signed_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    ipart_status rc =
        ipart__require_role(actor, actor_id, IPART_ROLE_AUTHORITY, IPART__EV_CONTRACT_SIGNED);
    if (rc != IPART_OK || p->stage == IPART_STAGE_AWARD_STANDSTILL)
        return rc;
    if (p->partner_count && p->signed_count == p->partner_count)
        return ipart__stage_violation("R12", p, IPART__EV_CONTRACT_SIGNED,
                                      "every partner of the award has signed its contract, and "
                                      "no operator joins the partnership later; a contract is "
                                      "signed only with a partner named in the award");
    return ipart__wrong_stage(p, IPART__EV_CONTRACT_SIGNED);
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
    if (!ipart__standstill_over(p->standstill_end, ev->date)) {
        return ipart__violationf("R40", path, "date", "contract.standstill",
                                 "the standstill period ends on %04d-%02d-%02d; a contract may "
                                 "be signed from the day after",
                                 p->standstill_end.year, p->standstill_end.month,
                                 p->standstill_end.day);
    }
    return ipart__signed_schedule_check(p, ev, path);
}

static void signed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party *t = ipart__party_find(p, ev->as.signed_.partner);
    ipart__history_note(p, t); /* the rights at an earlier point */
    t->contract_signed = 1;
    ipart__signed_schedule_commit(p, ev);
    if (++p->signed_count == p->partner_count)
        p->stage = IPART_STAGE_DEVELOPMENT;
}

/* The handlers (declared from the event rows, event_p.h). */
const ipart__handler ipart__tenders_evaluated_handler = {evaluated_may, scores_check,
                                                         evaluated_prepare, evaluated_commit};
const ipart__handler ipart__award_decided_handler = {award_may, award_check, ipart__award_prepare,
                                                     award_commit};
const ipart__handler ipart__contract_signed_handler = {signed_may, signed_check,
                                                       ipart__signed_prepare, signed_commit};

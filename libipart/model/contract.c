/*
 * The partnership contract after the award (contract_p.h): the phase plan
 * of the terms and its checks, and each partner's contract - its storage
 * and what it owes, has paid and may still change. The caps are in caps.c,
 * the events in handlers_development.c and handlers_purchase.c.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/contract_p.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/money_p.h"
#include "model/guard_p.h"
#include "model/joint_p.h"
#include "rules/contract_math_p.h"

typedef ipart__wide wide;

/* ---- the plan ------------------------------------------------------------------ */

const ev_phase *ipart__plan_phase(const ipart_partnership *p, size_t k)
{
    return (const ev_phase *)p->terms->development.phases.items + k;
}

size_t ipart__plan_first_target(const ipart_partnership *p, size_t k)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        n += ipart__plan_phase(p, i)->targets.count;
    return n;
}

size_t ipart__plan_first_instalment(const ipart_partnership *p, size_t k)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        n += ipart__plan_phase(p, i)->instalments.count;
    return n;
}

void ipart__plan_measure(ipart_partnership *p)
{
    p->phase_count = p->target_count = p->instalment_count = 0;
    if (!p->terms->has_development)
        return;
    p->phase_count = p->terms->development.phases.count;
    p->target_count = ipart__plan_first_target(p, p->phase_count);
    p->instalment_count = ipart__plan_first_instalment(p, p->phase_count);
}

int ipart__plan_phase_index(const ipart_partnership *p, const char *id)
{
    for (size_t k = 0; k < p->phase_count; k++)
        if (strcmp(ipart__plan_phase(p, k)->id, id) == 0)
            return (int)k;
    return -1;
}

/* The flat index of a target (or instalment) of phase k, -1 if not in it. */
int ipart__plan_target_index(const ipart_partnership *p, size_t k, const char *id)
{
    const ev_phase *ph = ipart__plan_phase(p, k);
    const ev_target *t = ph->targets.items;
    for (size_t i = 0; i < ph->targets.count; i++)
        if (strcmp(t[i].id, id) == 0)
            return (int)(ipart__plan_first_target(p, k) + i);
    return -1;
}

int ipart__plan_instalment_index(const ipart_partnership *p, const char *id, size_t *phase)
{
    size_t flat = 0;
    for (size_t k = 0; k < p->phase_count; k++) {
        const ev_phase *ph = ipart__plan_phase(p, k);
        const ev_instalment *in = ph->instalments.items;
        for (size_t i = 0; i < ph->instalments.count; i++, flat++)
            if (strcmp(in[i].id, id) == 0) {
                *phase = k;
                return (int)flat;
            }
    }
    return -1;
}

/* An amount in the case's currency. */
ipart_money ipart__case_money(const ipart_partnership *p, int64_t minor)
{
    ipart_money m = {minor, {0}};
    memcpy(m.currency, p->currency, sizeof m.currency);
    return m;
}

/* ---- the contract's storage -------------------------------------------------------- */

/* The arrays follow the contract in its allocation; a const contract's
 * arrays are reached the same way (the pointer arithmetic goes through an
 * integer so that one accessor serves readers and writers). */
ipart_money *ipart__contract_phase_prices(const ipart__contract *c)
{
    return (ipart_money *)((uintptr_t)c + sizeof *c);
}

ipart__instalment_state *ipart__contract_instalments(const ipart__contract *c)
{
    return (ipart__instalment_state *)(ipart__contract_phase_prices(c) + c->phases);
}

ipart__target_state *ipart__contract_targets(const ipart__contract *c)
{
    return (ipart__target_state *)(ipart__contract_instalments(c) + c->instalments);
}

static const char *const contract_state_names[] = {
    "awarded", "signed", "phase_active", "phase_review", "phase_passed", "developed",
    "accepted", "option_exercised", "option_lapsed", "terminated"};

const char *ipart__contract_state_name(ipart__contract_state s)
{
    return contract_state_names[s];
}

int ipart__contract_ended(const ipart__contract *c)
{
    return c->state == IPART__C_TERMINATED || c->state == IPART__C_OPTION_LAPSED ||
           c->state == IPART__C_OPTION_EXERCISED;
}

int64_t ipart__contract_commitment(const ipart__contract *c)
{
    return c->state == IPART__C_TERMINATED ? c->settled.minor
                                           : c->original.minor + c->changes.minor;
}

int ipart__contract_target_met(const ipart__contract *c, size_t flat)
{
    const ipart__target_state *t = &ipart__contract_targets(c)[flat];
    return t->assessed && t->met;
}

/* The phase of each instalment's target is its own phase (checked at terms_set). */
int ipart__contract_instalment_approved(const ipart_partnership *p, const ipart__contract *c,
                                        size_t k,
                               const ev_instalment *in)
{
    int flat = ipart__plan_target_index(p, k, in->target);
    return flat >= 0 && ipart__contract_target_met(c, (size_t)flat);
}

int64_t ipart__contract_payable(const ipart_partnership *p, const ipart__contract *c)
{
    int64_t sum = 0;
    const ipart__instalment_state *is = ipart__contract_instalments(c);
    for (size_t k = 0; k < c->phases; k++) {
        const ev_phase *ph = ipart__plan_phase(p, k);
        size_t base = ipart__plan_first_instalment(p, k);
        for (size_t i = 0; i < ph->instalments.count; i++)
            if (ipart__contract_instalment_approved(p, c, k,
                                                    (const ev_instalment *)ph->instalments.items +
                                                        i))
                sum += is[base + i].amount.minor - is[base + i].paid.minor;
    }
    return sum;
}

/*
 * RULES.md (c): terminated after a phase, a partner is owed the instalments
 * of the targets it met (completed_milestones, the default) or, under
 * pro_rata, the phases it passed plus the running phase's price in
 * proportion to its targets met. Never less than what was paid already.
 */
int64_t ipart__contract_owed_on_termination(const ipart_partnership *p, const ipart__contract *c)
{
    if (c->state == IPART__C_TERMINATED)
        return c->settled.minor;
    const ev_terms *t = p->terms;
    int pro_rata = t->has_compensation && t->compensation.has_on_termination &&
                   t->compensation.on_termination == EV_OWED_PRO_RATA;
    const ipart_money *price = ipart__contract_phase_prices(c);
    const ipart__instalment_state *is = ipart__contract_instalments(c);
    int64_t owed = 0;
    for (int k = 0; k <= c->phase && k < (int)c->phases; k++) {
        const ev_phase *ph = ipart__plan_phase(p, (size_t)k);
        size_t tbase = ipart__plan_first_target(p, (size_t)k), met = 0;
        for (size_t i = 0; i < ph->targets.count; i++)
            met += (size_t)ipart__contract_target_met(c, tbase + i);
        if (pro_rata) {
            owed += ipart__pro_rata(price[k].minor, (int64_t)met, (int64_t)ph->targets.count);
            continue;
        }
        size_t ibase = ipart__plan_first_instalment(p, (size_t)k);
        for (size_t i = 0; i < ph->instalments.count; i++)
            if (ipart__contract_instalment_approved(p, c, (size_t)k,
                                    (const ev_instalment *)ph->instalments.items + i))
                owed += is[ibase + i].amount.minor;
    }
    return owed > c->paid.minor ? owed : c->paid.minor;
}

int64_t ipart__contract_change_limit(const ipart_partnership *p, const ipart__contract *c)
{
    const ev_terms *t = p->terms;
    int64_t headroom = t->has_changes && t->changes.has_headroom
                           ? t->changes.headroom
                           : ipart__default_change_headroom(t->contract_type ==
                                                            EV_CONTRACT_WORKS);
    ipart_threshold_verdict v;
    int64_t threshold = ipart__threshold_verdict(&v, p, p->notice_date) == IPART_OK
                            ? v.threshold.minor
                            : -1;
    ipart_error_clear(); /* no threshold table: the percentage alone decides */
    return ipart__change_limit(c->original.minor, headroom, threshold);
}

/* ---- terms ---------------------------------------------------------------------------- */


/* Ids must be unique across the whole plan: phases, targets, instalments. */
/* Ids are unique across the whole plan. Is `self` (an id of the plan) used
 * by an item before it, in document order (each phase: its id, its
 * targets, its instalments)? */
static int declared_before(const ev_terms *t, const char *const *self)
{
    const ev_phase *ph = t->development.phases.items;
    for (size_t k = 0; k < t->development.phases.count; k++) {
        if (&ph[k].id == self)
            return 0;
        if (strcmp(ph[k].id, *self) == 0)
            return 1;
        const ipart__array *lists[] = {&ph[k].targets, &ph[k].instalments};
        const size_t sizes[] = {sizeof(ev_target), sizeof(ev_instalment)};
        for (size_t l = 0; l < 2; l++)
            for (size_t i = 0; i < lists[l]->count; i++) {
                /* the id is the first member of ev_target and ev_instalment */
                const char *const *id = (const char *const *)((const char *)lists[l]->items +
                                                              i * sizes[l]);
                if (id == self)
                    return 0;
                if (strcmp(*id, *self) == 0)
                    return 1;
            }
    }
    return 0;
}

static int phase_has_target(const ev_phase *ph, const char *id)
{
    for (size_t i = 0; i < ph->targets.count; i++)
        if (strcmp(((const ev_target *)ph->targets.items)[i].id, id) == 0)
            return 1;
    return 0;
}

/* R22: one phase's instalments: each on a target of the phase, all shares
 * (summing to exactly 100 %) or all fixed amounts. */
static ipart_status instalments_check(const ev_terms *t, size_t k, const char *phase_path)
{
    const ev_phase *ph = (const ev_phase *)t->development.phases.items + k;
    const ev_instalment *in = ph->instalments.items;
    int64_t sum = 0;
    size_t shares = 0;
    for (size_t i = 0; i < ph->instalments.count; i++) {
        if (declared_before(t, &in[i].id))
            return ipart__item_invalid(phase_path, "instalments", i, "terms.plan.id.duplicate",
                                "the id is used twice in the phase plan");
        if (!phase_has_target(ph, in[i].target))
            return ipart__item_violation("R22", phase_path, "instalments", i,
                                  "terms.instalment.target",
                                  "an instalment is paid on a target of its own phase");
        if (in[i].has_share == in[i].has_amount)
            return ipart__item_invalid(phase_path, "instalments", i, "terms.instalment.form",
                                "an instalment has either a share or an amount");
        if (in[i].has_amount && in[i].amount.minor <= 0)
            return ipart__item_invalid(phase_path, "instalments", i, "terms.instalment.amount",
                                "must be positive");
        shares += (size_t)in[i].has_share;
        sum += in[i].has_share ? in[i].share : 0;
    }
    if (shares && shares != ph->instalments.count)
        return ipart__invalid(phase_path, "instalments", "terms.instalment.mixed",
                              "a phase's instalments are all shares or all fixed amounts");
    if (shares && sum != IPART__BP_WHOLE) {
        return ipart__violationf("R22", phase_path, "instalments", "terms.instalment.sum",
                                 "the instalment shares sum to %lld basis points; they must sum "
                                 "to exactly 10000 (100 %% of the phase price)",
                                 (long long)sum);
    }
    return IPART_OK;
}

/* R26: the DFØ template's shape - Fase 1 as one or more rnd phases (its
 * sub-deliveries, each with the template's exit after it, clause 2.2.3),
 * then exactly one prototype and one test_pilot phase. */
static int follows_dfo(const ev_phase *ph, size_t n)
{
    size_t fase1 = 0;
    while (fase1 < n && ph[fase1].kind == EV_PHASE_RND)
        fase1++;
    return fase1 >= 1 && n == fase1 + 2 && ph[fase1].kind == EV_PHASE_PROTOTYPE &&
           ph[fase1 + 1].kind == EV_PHASE_TEST_PILOT;
}

/* R20-R22, R26: the phase plan. */
static ipart_status plan_check(const ipart_partnership *p, const ev_terms *t, const char *path)
{
    char plan_path[256];
    ipart__field_path(plan_path, sizeof plan_path, path, "development");
    const ev_phase *ph = t->development.phases.items;
    size_t n = t->development.phases.count, shares = 0;
    int64_t share_sum = 0;
    for (size_t k = 0; k < n; k++) {
        char phase_path[256];
        ipart__item_path(phase_path, sizeof phase_path, plan_path, "phases", k);
        if (declared_before(t, &ph[k].id))
            return ipart__item_invalid(plan_path, "phases", k, "terms.plan.id.duplicate",
                                "the id is used twice in the phase plan");
        for (size_t i = 0; i < ph[k].targets.count; i++)
            if (declared_before(t, &((const ev_target *)ph[k].targets.items)[i].id))
                return ipart__item_invalid(phase_path, "targets", i, "terms.plan.id.duplicate",
                                    "the id is used twice in the phase plan");
        if (k > 0 && ph[k].kind < ph[k - 1].kind)
            return ipart__item_violation("R20", plan_path, "phases", k, "terms.phase.order",
                                  "the phases follow the research-and-innovation sequence "
                                  "(rnd, prototype, test_pilot, pre_series) and may not go back "
                                  "in it");
        if (k > 0 && !ipart__before(ph[k - 1].due, ph[k].due))
            return ipart__item_violation("R20", plan_path, "phases", k, "terms.phase.due",
                                  "each phase is due after the one before it");
        ipart_status rc = instalments_check(t, k, phase_path);
        if (rc != IPART_OK)
            return rc;
        shares += (size_t)ph[k].has_share;
        share_sum += ph[k].has_share ? ph[k].share : 0;
    }
    if (shares && (shares != n || share_sum != IPART__BP_WHOLE)) {
        return ipart__violationf("R22", plan_path, "phases", "terms.phase.shares",
                                 "the phases' shares of the development price must be given for "
                                 "every phase and sum to exactly 10000 basis points (100 %%): "
                                 "%zu of %zu phases give one, summing to %lld",
                                 shares, n, (long long)share_sum);
    }
    if (t->development.has_template && t->development.template_ == EV_TEMPLATE_DFO) {
        if (!follows_dfo(ph, n))
            return ipart__violation("R26", plan_path, "phases", "terms.plan.dfo",
                                    "the DFØ template has three development phases: Fase 1 "
                                    "(rnd, one phase or one per sub-delivery, clause 2.2.3), "
                                    "Fase 2 (prototype: final prototype and test), Fase 3 "
                                    "(test_pilot: the authority's test and approval); the "
                                    "option is the fourth");
        if (!t->reservations.termination_after_phase)
            return ipart__violation("R26", path, "reservations.termination_after_phase",
                                    "terms.plan.dfo.exit",
                                    "the DFØ template gives an exit after every phase: "
                                    "termination after a phase must be reserved");
    }
    (void)p;
    return IPART_OK;
}

static ipart_status compensation_check(const ipart_partnership *p, const ev_terms *t,
                                       const char *path)
{
    const ev_award_criterion *c = t->award_criteria.items;
    for (size_t i = 0; i < t->award_criteria.count; i++)
        if (c[i].kind == EV_CRIT_OWN_CONTRIBUTION && strcmp(p->profile->code, "NO") == 0)
            return ipart__item_violation("R32", path, "award_criteria", i, "terms.own_contribution",
                                  "the supplier's own contribution may not be an award "
                                  "criterion in Norway: development is offered at a fixed "
                                  "price");
    if (!t->has_compensation)
        return IPART_OK;
    int partial = t->compensation.model == EV_COMPENSATION_PARTIAL;
    if (partial != t->compensation.has_authority_share)
        return ipart__invalid(path, "compensation.authority_share",
                              "terms.compensation.share",
                              partial ? "partial compensation states the share of the declared "
                                        "cost the authority pays"
                                      : "full compensation has no authority share");
    return IPART_OK;
}

static ipart_status caps_check(const ipart_partnership *p, const ev_terms *t, const char *path)
{
    const ev_cap *cap = t->caps.items;
    for (size_t i = 0; i < t->caps.count; i++) {
        const char *problem = NULL;
        if (strcmp(cap[i].id, "development_cap") == 0)
            problem = "'development_cap' is the budget's development cap";
        for (size_t j = 0; !problem && j < i; j++)
            if (strcmp(cap[j].id, cap[i].id) == 0)
                problem = "the id is used twice";
        if (!problem && cap[i].amount.minor < 0)
            problem = "the amount must not be negative";
        if (!problem && (cap[i].scope == EV_CAP_PHASE) != (cap[i].phase != NULL))
            problem = "a cap names a phase exactly when its scope is \"phase\"";
        if (!problem && cap[i].phase) {
            int found = 0;
            const ev_phase *ph = t->development.phases.items;
            for (size_t k = 0; t->has_development && k < t->development.phases.count; k++)
                found |= strcmp(ph[k].id, cap[i].phase) == 0;
            if (!found)
                problem = "no such phase in the plan";
        }
        if (!problem && cap[i].scope == EV_CAP_PURCHASE && cap[i].bites == EV_BITES_PAYMENT)
            problem = "a purchase cap bites at commitment (purchase payments are not recorded)";
        if (problem)
            return ipart__item_invalid(path, "caps", i, "terms.cap", problem);
    }
    (void)p;
    return IPART_OK;
}

/* R27, R28: the option's levels and its named buyers. */
static ipart_status option_terms_check(const ipart_partnership *p, const ev_terms *t,
                                       const char *path)
{
    char option_path[256];
    ipart__field_path(option_path, sizeof option_path, path, "option");
    const ev_level *l = t->option.performance_levels.items;
    for (size_t i = 0; i < t->option.performance_levels.count; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(l[i].id, l[j].id) == 0)
                return ipart__item_invalid(option_path, "performance_levels", i,
                                    "terms.option.level.duplicate", "the id is used twice");
    if (t->option.max_unit_price.minor <= 0)
        return ipart__invalid(option_path, "max_unit_price", "terms.option.max_cost",
                              "the maximum cost must be positive");
    /* R30: the estimated value counts every purchase the option allows,
     * followers' included; the option may not allow more than it counts. */
    const ev_option_holder *h = t->option.followers.items;
    ipart__wide units = t->option.quantity;
    for (size_t i = 0; i < t->option.followers.count; i++)
        units += h[i].quantity;
    units += ipart__joint_option_units(t);
    if (units * t->option.max_unit_price.minor > t->budget.estimated_purchase_value.minor) {
        char most[IPART__MONEY_TEXT_SIZE], estimate[IPART__MONEY_TEXT_SIZE];
        ipart__wide value = units * t->option.max_unit_price.minor;
        ipart__money_canonical(most, ipart__case_money(p, value > INT64_MAX ? INT64_MAX
                                                                             : (int64_t)value));
        ipart__money_canonical(estimate, t->budget.estimated_purchase_value);
        return ipart__violationf("R30", option_path, "quantity", "terms.option.value",
                                 "the option allows purchases of up to %s (all quantities at the "
                                 "maximum cost), above the estimated purchase value %s the "
                                 "threshold is judged on",
                                 most, estimate);
    }
    for (size_t i = 0; i < t->option.followers.count; i++) {
        const ipart__party *f = ipart__party_find(p, h[i].follower);
        if (!f || f->role != IPART_ROLE_FOLLOWER)
            return ipart__item_violation("R28", option_path, "followers", i,
                                         "terms.option.follower",
                                  "only a follower named before the notice may hold the "
                                  "option");
        for (size_t j = 0; j < i; j++)
            if (strcmp(h[i].follower, h[j].follower) == 0)
                return ipart__item_invalid(option_path, "followers", i,
                                    "terms.option.follower.duplicate", "listed twice");
    }
    return IPART_OK;
}

ipart_status ipart__contract_terms_check(const ipart_partnership *p, const ev_terms *t,
                                         const char *path)
{
    if (!t->has_development || !t->has_option)
        return ipart__violation("R2", path, t->has_development ? "option" : "development",
                                "terms.dual_purpose",
                                "an innovation partnership both develops and buys: the terms "
                                "need a phase plan (development) and a purchase option with "
                                "performance levels and a maximum cost (option)");
    ipart_status rc;
    if ((rc = plan_check(p, t, path)) != IPART_OK ||
        (rc = compensation_check(p, t, path)) != IPART_OK ||
        (rc = caps_check(p, t, path)) != IPART_OK ||
        (rc = option_terms_check(p, t, path)) != IPART_OK ||
        (rc = ipart__joint_terms_check(p, t, path)) != IPART_OK)
        return rc;
    int64_t default_headroom = ipart__default_change_headroom(t->contract_type ==
                                                              EV_CONTRACT_WORKS);
    if (t->has_changes && t->changes.has_headroom && t->changes.headroom > default_headroom &&
        ipart__blank(t->changes.clause))
        return ipart__violation("R34", path, "changes.clause", "terms.changes.clause",
                                "a change headroom above the regulation's (10 % for supplies "
                                "and services, 15 % for works) must be written into the "
                                "contract as a clause");
    if (!t->has_proportionality || ipart__blank(t->proportionality.justification))
        return ipart__violation("R23", path, "proportionality", "terms.proportionality",
                                "the terms must justify that the purchase value is "
                                "proportionate to the development investment");
    const int64_t *lo = t->proportionality.has_min_ratio ? &t->proportionality.min_ratio : NULL;
    const int64_t *hi = t->proportionality.has_max_ratio ? &t->proportionality.max_ratio : NULL;
    if (lo && hi && *hi < *lo)
        return ipart__invalid(path, "proportionality.max_ratio", "terms.proportionality.band",
                              "the maximum ratio is below the minimum");
    return IPART_OK;
}

/* ---- the development and purchase events' common guards -------------------- */

int ipart__developing(const ipart_partnership *p)
{
    return p->stage == IPART_STAGE_DEVELOPMENT || p->stage == IPART_STAGE_PURCHASE;
}

ipart_status ipart__developing_may(const ipart_partnership *p, const ipart__party *actor,
                                   const char *actor_id, ipart__event_type type)
{
    AUTHORITY_IN(ipart__developing(p), type);
}

/* The partner a development event names: a party with a signed contract. */
ipart_status ipart__find_contract(ipart__contract **out, const ipart_partnership *p,
                                  const char *id, const char *path)
{
    const ipart__party *t = ipart__party_find(p, id);
    if (!t)
        return ipart__unknown_party(path, "partner", id);
    if (!t->contract || t->contract->state == IPART__C_AWARDED)
        return ipart__violation("R4", path, "partner", "contract.none",
                                "not a partner: no partnership contract has been signed with "
                                "this operator");
    *out = t->contract;
    return IPART_OK;
}

ipart_status ipart__contract_state_error(const ipart__contract *c, const char *id,
                                         const char *wanted)
{
    return ipart__fail(IPART_ESTATE, "contract.state", "the contract with '%s' is %s; %s", id,
                       ipart__contract_state_name(c->state), wanted);
}

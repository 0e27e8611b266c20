/*
 * The partnership contract after the award (contract_p.h): the phase plan,
 * per-partner contracts with their targets and instalments, the budget
 * caps and the warnings, and the events of the development and purchase
 * stages. Each guard names its rule of RULES.md.
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
#include "rules/contract_p.h"

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

static int plan_phase_index(const ipart_partnership *p, const char *id)
{
    for (size_t k = 0; k < p->phase_count; k++)
        if (strcmp(ipart__plan_phase(p, k)->id, id) == 0)
            return (int)k;
    return -1;
}

/* The flat index of a target (or instalment) of phase k, -1 if not in it. */
static int phase_target_index(const ipart_partnership *p, size_t k, const char *id)
{
    const ev_phase *ph = ipart__plan_phase(p, k);
    const ev_target *t = ph->targets.items;
    for (size_t i = 0; i < ph->targets.count; i++)
        if (strcmp(t[i].id, id) == 0)
            return (int)(ipart__plan_first_target(p, k) + i);
    return -1;
}

static int plan_instalment_index(const ipart_partnership *p, const char *id, size_t *phase)
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
static ipart_money money_of(const ipart_partnership *p, int64_t minor)
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

static int terminal(const ipart__contract *c)
{
    return c->state == IPART__C_TERMINATED || c->state == IPART__C_OPTION_LAPSED ||
           c->state == IPART__C_OPTION_EXERCISED;
}

int64_t ipart__contract_commitment(const ipart__contract *c)
{
    return c->state == IPART__C_TERMINATED ? c->settled.minor
                                           : c->original.minor + c->changes.minor;
}

static int target_met(const ipart__contract *c, size_t flat)
{
    const ipart__target_state *t = &ipart__contract_targets(c)[flat];
    return t->assessed && t->met;
}

/* The phase of each instalment's target is its own phase (checked at terms_set). */
static int instalment_approved(const ipart_partnership *p, const ipart__contract *c, size_t k,
                               const ev_instalment *in)
{
    int flat = phase_target_index(p, k, in->target);
    return flat >= 0 && target_met(c, (size_t)flat);
}

int64_t ipart__contract_payable(const ipart_partnership *p, const ipart__contract *c)
{
    int64_t sum = 0;
    const ipart__instalment_state *is = ipart__contract_instalments(c);
    for (size_t k = 0; k < c->phases; k++) {
        const ev_phase *ph = ipart__plan_phase(p, k);
        size_t base = ipart__plan_first_instalment(p, k);
        for (size_t i = 0; i < ph->instalments.count; i++)
            if (instalment_approved(p, c, k, (const ev_instalment *)ph->instalments.items + i))
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
            met += (size_t)target_met(c, tbase + i);
        if (pro_rata) {
            owed += ipart__pro_rata(price[k].minor, (int64_t)met, (int64_t)ph->targets.count);
            continue;
        }
        size_t ibase = ipart__plan_first_instalment(p, (size_t)k);
        for (size_t i = 0; i < ph->instalments.count; i++)
            if (instalment_approved(p, c, (size_t)k,
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

static ipart_status item_violation(const char *rule, const char *path, const char *field,
                                   size_t i, const char *key, const char *message)
{
    char at[256];
    ipart__item_path(at, sizeof at, path, field, i);
    return ipart__rule_violation(rule, at, key, "%s", message);
}

static ipart_status item_invalid(const char *path, const char *field, size_t i,
                                 const char *key, const char *message)
{
    char at[256];
    ipart__item_path(at, sizeof at, path, field, i);
    ipart_status rc = ipart__fail(IPART_EINVAL, key, "%s: %s", at, message);
    ipart__error_set_path(at);
    return rc;
}

/* Ids must be unique across the whole plan: phases, targets, instalments. */
static int id_seen(const ev_terms *t, size_t upto_phase, const char *id, const char *self)
{
    const ev_phase *ph = t->development.phases.items;
    for (size_t k = 0; k <= upto_phase && k < t->development.phases.count; k++) {
        if (ph[k].id != self && strcmp(ph[k].id, id) == 0)
            return 1;
        for (size_t i = 0; i < ph[k].targets.count; i++) {
            const char *tid = ((const ev_target *)ph[k].targets.items)[i].id;
            if (tid != self && strcmp(tid, id) == 0)
                return 1;
        }
        for (size_t i = 0; i < ph[k].instalments.count; i++) {
            const char *iid = ((const ev_instalment *)ph[k].instalments.items)[i].id;
            if (iid != self && strcmp(iid, id) == 0)
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
        if (id_seen(t, k, in[i].id, in[i].id))
            return item_invalid(phase_path, "instalments", i, "terms.plan.id.duplicate",
                                "the id is used twice in the phase plan");
        if (!phase_has_target(ph, in[i].target))
            return item_violation("R22", phase_path, "instalments", i,
                                  "terms.instalment.target",
                                  "an instalment is paid on a target of its own phase");
        if (in[i].has_share == in[i].has_amount)
            return item_invalid(phase_path, "instalments", i, "terms.instalment.form",
                                "an instalment has either a share or an amount");
        if (in[i].has_amount && in[i].amount.minor <= 0)
            return item_invalid(phase_path, "instalments", i, "terms.instalment.amount",
                                "must be positive");
        shares += (size_t)in[i].has_share;
        sum += in[i].has_share ? in[i].share : 0;
    }
    if (shares && shares != ph->instalments.count)
        return ipart__invalid(phase_path, "instalments", "terms.instalment.mixed",
                              "a phase's instalments are all shares or all fixed amounts");
    if (shares && sum != IPART__BP_WHOLE) {
        char message[160];
        snprintf(message, sizeof message,
                 "the instalment shares sum to %lld basis points; they must sum to exactly "
                 "10000 (100 %% of the phase price)",
                 (long long)sum);
        return ipart__violation("R22", phase_path, "instalments", "terms.instalment.sum",
                                message);
    }
    return IPART_OK;
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
        if (id_seen(t, k, ph[k].id, ph[k].id))
            return item_invalid(plan_path, "phases", k, "terms.plan.id.duplicate",
                                "the id is used twice in the phase plan");
        for (size_t i = 0; i < ph[k].targets.count; i++)
            if (id_seen(t, k, ((const ev_target *)ph[k].targets.items)[i].id,
                        ((const ev_target *)ph[k].targets.items)[i].id))
                return item_invalid(phase_path, "targets", i, "terms.plan.id.duplicate",
                                    "the id is used twice in the phase plan");
        if (k > 0 && ph[k].kind < ph[k - 1].kind)
            return item_violation("R20", plan_path, "phases", k, "terms.phase.order",
                                  "the phases follow the research-and-innovation sequence "
                                  "(rnd, prototype, test_pilot, pre_series) and may not go back "
                                  "in it");
        if (k > 0 && !ipart__before(ph[k - 1].due, ph[k].due))
            return item_violation("R20", plan_path, "phases", k, "terms.phase.due",
                                  "each phase is due after the one before it");
        ipart_status rc = instalments_check(t, k, phase_path);
        if (rc != IPART_OK)
            return rc;
        shares += (size_t)ph[k].has_share;
        share_sum += ph[k].has_share ? ph[k].share : 0;
    }
    if (shares && (shares != n || share_sum != IPART__BP_WHOLE))
        return ipart__violation("R22", plan_path, "phases", "terms.phase.shares",
                                "the phases' shares of the development price must be given for "
                                "every phase and sum to exactly 10000 (100 %)");
    if (t->development.has_template && t->development.template_ == EV_TEMPLATE_DFO) {
        static const int dfo[] = {EV_PHASE_RND, EV_PHASE_PROTOTYPE, EV_PHASE_TEST_PILOT};
        int follows = n == 3;
        for (size_t k = 0; follows && k < n; k++)
            follows = ph[k].kind == dfo[k];
        if (!follows)
            return ipart__violation("R26", plan_path, "phases", "terms.plan.dfo",
                                    "the DFØ template has three development phases: rnd "
                                    "(sub-deliveries), prototype (final prototype and test), "
                                    "test_pilot (the authority's test and approval); the "
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
            return item_violation("R32", path, "award_criteria", i, "terms.own_contribution",
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
            return item_invalid(path, "caps", i, "terms.cap", problem);
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
                return item_invalid(option_path, "performance_levels", i,
                                    "terms.option.level.duplicate", "the id is used twice");
    if (t->option.max_unit_price.minor <= 0)
        return ipart__invalid(option_path, "max_unit_price", "terms.option.max_cost",
                              "the maximum cost must be positive");
    const ev_option_holder *h = t->option.followers.items;
    for (size_t i = 0; i < t->option.followers.count; i++) {
        const ipart__party *f = ipart__party_find(p, h[i].follower);
        if (!f || f->role != IPART_ROLE_FOLLOWER)
            return item_violation("R28", option_path, "followers", i, "terms.option.follower",
                                  "only a follower named before the notice may hold the "
                                  "option");
        for (size_t j = 0; j < i; j++)
            if (strcmp(h[i].follower, h[j].follower) == 0)
                return item_invalid(option_path, "followers", i,
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
        (rc = caps_check(p, t, path)) != IPART_OK || (rc = option_terms_check(p, t, path)) != IPART_OK)
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

/* ---- caps (R33) ------------------------------------------------------------------------- */

size_t ipart__cap_count(const ipart_partnership *p)
{
    return p->terms ? 1 + (p->terms->has_caps ? p->terms->caps.count : 0) : 0;
}

ev_cap ipart__cap_get(const ipart_partnership *p, size_t i)
{
    if (i == 0)
        return (ev_cap){"development_cap", EV_CAP_DEVELOPMENT, NULL,
                        p->terms->budget.development_cap, EV_BITES_COMMITMENT, EV_POLICY_STOP};
    return ((const ev_cap *)p->terms->caps.items)[i - 1];
}

static int64_t paid_in_phase(const ipart_partnership *p, const ipart__contract *c, size_t k)
{
    const ev_phase *ph = ipart__plan_phase(p, k);
    const ipart__instalment_state *is = ipart__contract_instalments(c);
    size_t base = ipart__plan_first_instalment(p, k);
    int64_t sum = (int)k == c->phase ? c->settlement_paid.minor : 0;
    for (size_t i = 0; i < ph->instalments.count; i++)
        sum += is[base + i].paid.minor;
    return sum;
}

static int64_t phase_commitment(const ipart_partnership *p, const ipart__contract *c, size_t k)
{
    if (c->state == IPART__C_AWARDED)
        return 0; /* the phase prices are fixed by the signature */
    if (c->state == IPART__C_TERMINATED)
        return paid_in_phase(p, c, k) +
               ((int)k == c->phase ? c->settled.minor - c->paid.minor : 0);
    return ipart__contract_phase_prices(c)[k].minor;
}

static int64_t clamp(wide x)
{
    return x > INT64_MAX ? INT64_MAX : x < INT64_MIN ? INT64_MIN : (int64_t)x;
}

void ipart__cap_usage(const ipart_partnership *p, const ev_cap *cap, const ipart__party *partner,
                      int64_t *committed, int64_t *paid)
{
    wide com = 0, pay = 0;
    int k = cap->scope == EV_CAP_PHASE ? plan_phase_index(p, cap->phase) : -1;
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__contract *c = p->parties[i]->contract;
        if (!c || (cap->scope == EV_CAP_PARTNER && p->parties[i] != partner))
            continue;
        switch ((ev_cap_scope)cap->scope) {
        case EV_CAP_DEVELOPMENT:
        case EV_CAP_PARTNER:
            com += ipart__contract_commitment(c);
            pay += c->paid.minor;
            break;
        case EV_CAP_PHASE:
            com += phase_commitment(p, c, (size_t)k);
            pay += paid_in_phase(p, c, (size_t)k);
            break;
        case EV_CAP_PURCHASE:
            com += c->option_value.minor;
            break;
        }
    }
    *committed = clamp(com);
    *paid = clamp(pay);
}

/* The partner an event concerns (the i-th of an award), NULL past the end. */
static const ipart__party *affected(const ipart_partnership *p, const ipart__event *ev, size_t i)
{
    const char *id = NULL;
    switch (ev->type) {
    case IPART__EV_AWARD_DECIDED:
        if (i < ev->as.award.partners.count)
            id = ((const ev_award_partner *)ev->as.award.partners.items)[i].tenderer;
        break;
    case IPART__EV_CONTRACT_SIGNED: id = i ? NULL : ev->as.signed_.partner; break;
    case IPART__EV_CONTRACT_CHANGED: id = i ? NULL : ev->as.change.partner; break;
    case IPART__EV_INSTALMENT_PAID: id = i ? NULL : ev->as.payment.partner; break;
    case IPART__EV_OPTION_EXERCISED: id = i ? NULL : ev->as.option.partner; break;
    default: break;
    }
    return id ? ipart__party_find(p, id) : NULL;
}

/* The phase whose price a contract change alters: the named one, else the last. */
static size_t change_phase(const ipart_partnership *p, const ipart__event *ev)
{
    int k = ev->as.change.phase ? plan_phase_index(p, ev->as.change.phase) : -1;
    return k >= 0 ? (size_t)k : p->phase_count - 1;
}

static size_t payment_phase(const ipart_partnership *p, const ipart__event *ev,
                            const ipart__contract *c)
{
    size_t k = 0;
    if (!ev->as.payment.instalment || plan_instalment_index(p, ev->as.payment.instalment, &k) < 0)
        return c->phase < 0 ? 0 : (size_t)c->phase;
    return k;
}

static int64_t signed_phase_price(const ipart_partnership *p, const ipart__event *ev,
                                  const ipart__party *t, size_t k);

/* What an event adds to a cap's row: commitments and payments. */
static void event_extra(const ipart_partnership *p, const ipart__event *ev, const ev_cap *cap,
                        const ipart__party *row, wide *commit, wide *pay)
{
    int k = cap->scope == EV_CAP_PHASE ? plan_phase_index(p, cap->phase) : -1;
    int money_scope = cap->scope == EV_CAP_DEVELOPMENT || cap->scope == EV_CAP_PARTNER;
    *commit = *pay = 0;
    for (size_t i = 0;; i++) {
        const ipart__party *t = affected(p, ev, i);
        if (!t)
            break;
        if (cap->scope == EV_CAP_PARTNER && t != row)
            continue;
        switch (ev->type) {
        case IPART__EV_AWARD_DECIDED:
            *commit += money_scope ? t->development_price.minor : 0;
            break;
        case IPART__EV_CONTRACT_SIGNED:
            *commit += k >= 0 ? signed_phase_price(p, ev, t, (size_t)k) : 0;
            break;
        case IPART__EV_CONTRACT_CHANGED:
            if (money_scope || (k >= 0 && (size_t)k == change_phase(p, ev)))
                *commit += ev->as.change.delta.minor;
            break;
        case IPART__EV_INSTALMENT_PAID:
            if (money_scope || (k >= 0 && (size_t)k == payment_phase(p, ev, t->contract)))
                *pay += ev->as.payment.amount.minor;
            break;
        case IPART__EV_OPTION_EXERCISED:
            if (cap->scope == EV_CAP_PURCHASE)
                *commit += (wide)ev->as.option.quantity * ev->as.option.unit_price.minor;
            break;
        default:
            break;
        }
    }
}

static const char *const scope_names[] = {"development", "partner", "phase", "purchase"};

/* Called for each cap row an event would push past its cap. */
typedef ipart_status (*excess_fn)(void *ctx, const ev_cap *cap, const char *message);

/*
 * R33: visit every cap the event adds to, on the measure where it bites
 * (commitments or payments), whose total would then exceed the cap.
 */
static ipart_status caps_visit(const ipart_partnership *p, const ipart__event *ev, excess_fn fn,
                               void *ctx)
{
    for (size_t i = 0; i < ipart__cap_count(p); i++) {
        ev_cap cap = ipart__cap_get(p, i);
        for (size_t r = 0;; r++) {
            const ipart__party *row = cap.scope == EV_CAP_PARTNER ? affected(p, ev, r) : NULL;
            if (cap.scope == EV_CAP_PARTNER ? !row : r > 0)
                break;
            int64_t committed, paid;
            wide commit, pay;
            ipart__cap_usage(p, &cap, row, &committed, &paid);
            event_extra(p, ev, &cap, row, &commit, &pay);
            int at_payment = cap.bites == EV_BITES_PAYMENT;
            wide added = at_payment ? pay : commit;
            wide total = (at_payment ? paid : committed) + added;
            if (added <= 0 || total <= cap.amount.minor)
                continue;
            char used[IPART__MONEY_TEXT_SIZE], limit[IPART__MONEY_TEXT_SIZE], message[320];
            ipart__money_canonical(used, money_of(p, clamp(total)));
            ipart__money_canonical(limit, cap.amount);
            snprintf(message, sizeof message,
                     "the %s cap '%s'%s%s: %s would be %s, above the cap %s%s",
                     scope_names[cap.scope], cap.id, row ? " for " : "", row ? row->id : "",
                     at_payment ? "payments" : "commitments", used, limit,
                     i == 0 ? " (negotiate or scale down)" : "");
            ipart_status rc = fn(ctx, &cap, message);
            if (rc != IPART_OK)
                return rc;
        }
    }
    return IPART_OK;
}

typedef struct { const char *path, *field; } stop_ctx;

static ipart_status stop_at(void *ctx, const ev_cap *cap, const char *message)
{
    const stop_ctx *at = ctx;
    if (cap->policy != EV_POLICY_STOP)
        return IPART_OK;
    return ipart__violation("R33", at->path, at->field, "cap.exceeded", message);
}

/* Check: a "stop" cap refuses the event. */
static ipart_status caps_guard(const ipart_partnership *p, const ipart__event *ev,
                               const char *path, const char *field)
{
    stop_ctx at = {path, field};
    return caps_visit(p, ev, stop_at, &at);
}

typedef struct { ipart_partnership *p; ipart__prepared *pr; } warn_ctx;

static ipart_status warn_at(void *ctx, const ev_cap *cap, const char *message)
{
    warn_ctx *w = ctx;
    if (cap->policy != EV_POLICY_WARN)
        return IPART_OK;
    return ipart__warn(w->p, w->pr, "R33", "cap.exceeded", "%s", message);
}

/* Prepare: a "warn" cap records a warning. */
static ipart_status caps_warn(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    warn_ctx w = {p, pr};
    return caps_visit(p, ev, warn_at, &w);
}

/* R25: development commitments far above the planned R&D value. */
static ipart_status overrun_warning(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr)
{
    ev_cap all = {"development", EV_CAP_DEVELOPMENT, NULL, {0, {0}}, 0, 0};
    int64_t committed, paid;
    wide commit, pay;
    ipart__cap_usage(p, &all, NULL, &committed, &paid);
    event_extra(p, ev, &all, NULL, &commit, &pay);
    const ev_terms *t = p->terms;
    int64_t margin = t->proportionality.has_overrun_margin ? t->proportionality.overrun_margin
                                                           : IPART__DEFAULT_OVERRUN_MARGIN;
    if (commit <= 0 || !ipart__overrun(committed + commit, t->budget.max_rnd_value.minor, margin))
        return IPART_OK;
    return ipart__warn(p, pr, "R25", "proportionality.overrun",
                       "development commitments exceed the planned R&D value by more than "
                       "%lld.%02lld %%: consider ending the partnership at the next phase "
                       "boundary",
                       (long long)(margin / 100), (long long)(margin % 100));
}

/* ---- hooks of the procedure's events --------------------------------------------------- */

ipart_status ipart__tender_compensation_check(const ipart_partnership *p, const ipart__event *ev,
                                              const char *path)
{
    const ev_terms *t = p->terms;
    if (!t->has_compensation || t->compensation.model != EV_COMPENSATION_PARTIAL)
        return IPART_OK;
    if (!ev->as.tender.tender.has_declared_cost)
        return ipart__violation("R22", path, "tender.declared_cost",
                                "tender.declared_cost.missing",
                                "under partial compensation the tender declares the full "
                                "development cost");
    int64_t due = ipart__pro_rata(ev->as.tender.tender.declared_cost.minor,
                                  t->compensation.authority_share, IPART__BP_WHOLE);
    if (ev->as.tender.tender.development_price.minor != due) {
        ipart_money m = ev->as.tender.tender.declared_cost;
        m.minor = due;
        char text[IPART__MONEY_TEXT_SIZE], message[200];
        ipart__money_canonical(text, m);
        snprintf(message, sizeof message,
                 "under partial compensation the development price is the authority's share "
                 "of the declared cost: %s",
                 text);
        return ipart__violation("R22", path, "tender.development_price",
                                "tender.compensation", message);
    }
    return IPART_OK;
}

ipart_status ipart__award_caps_check(const ipart_partnership *p, const ipart__event *ev,
                                     const char *path)
{
    if (ev->as.award.partners.count > IPART__MAX_PARTNERS)
        return ipart__invalid(path, "partners", "award.partners.many",
                              "at most 64 partners in one award");
    return caps_guard(p, ev, path, "partners");
}

static size_t contract_bytes(const ipart_partnership *p)
{
    return sizeof(ipart__contract) + p->phase_count * sizeof(ipart_money) +
           p->instalment_count * sizeof(ipart__instalment_state) +
           p->target_count * sizeof(ipart__target_state);
}

ipart_status ipart__award_prepare(ipart_partnership *p, const ipart__event *ev,
                                  ipart__prepared *pr)
{
    ipart_status rc = caps_warn(p, ev, pr);
    if (rc == IPART_OK)
        rc = overrun_warning(p, ev, pr);
    for (size_t i = 0; rc == IPART_OK && i < ev->as.award.partners.count; i++) {
        const ipart__party *t = affected(p, ev, i);
        ipart__contract *c = ipart__calloc(1, contract_bytes(p));
        if (!c)
            return ipart__fail_nomem();
        ipart_money zero = money_of(p, 0);
        *c = (ipart__contract){.state = IPART__C_AWARDED, .phase = -1,
                               .original = t->development_price, .changes = zero,
                               .paid = zero, .settlement_paid = zero, .settled = zero,
                               .option_value = zero, .award_index = i,
                               .phases = p->phase_count,
                               .targets = p->target_count, .instalments = p->instalment_count};
        pr->contracts[pr->contract_count++] = c;
    }
    return rc;
}

/* The price of phase k in the contract being signed: stated, or the
 * phase's share of the development price (the last phase the remainder). */
static int64_t signed_phase_price(const ipart_partnership *p, const ipart__event *ev,
                                  const ipart__party *t, size_t k)
{
    const ev_phase_price *pp = ev->as.signed_.phase_prices.items;
    if (ev->as.signed_.has_phase_prices) {
        for (size_t i = 0; i < ev->as.signed_.phase_prices.count; i++)
            if (strcmp(pp[i].phase, ipart__plan_phase(p, k)->id) == 0)
                return pp[i].price.minor;
        return 0;
    }
    int64_t price = t->development_price.minor;
    if (k + 1 < p->phase_count)
        return ipart__share_of(price, ipart__plan_phase(p, k)->share);
    int64_t rest = price;
    for (size_t i = 0; i + 1 < p->phase_count; i++)
        rest -= ipart__share_of(price, ipart__plan_phase(p, i)->share);
    return rest;
}

/* Instalment i of phase k for a phase price: its share (the last the
 * remainder) or its fixed amount. */
static int64_t instalment_amount(const ev_phase *ph, size_t i, int64_t phase_price)
{
    const ev_instalment *in = ph->instalments.items;
    if (in[i].has_amount)
        return in[i].amount.minor;
    if (i + 1 < ph->instalments.count)
        return ipart__share_of(phase_price, in[i].share);
    int64_t rest = phase_price;
    for (size_t j = 0; j + 1 < ph->instalments.count; j++)
        rest -= ipart__share_of(phase_price, in[j].share);
    return rest;
}

ipart_status ipart__signed_schedule_check(const ipart_partnership *p, const ipart__event *ev,
                                          const char *path)
{
    const ipart__party *t = ipart__party_find(p, ev->as.signed_.partner);
    const ev_phase_price *pp = ev->as.signed_.phase_prices.items;
    if (ev->as.signed_.has_phase_prices) {
        wide sum = 0;
        for (size_t i = 0; i < ev->as.signed_.phase_prices.count; i++) {
            int k = plan_phase_index(p, pp[i].phase);
            int twice = 0;
            for (size_t j = 0; j < i; j++)
                twice |= strcmp(pp[j].phase, pp[i].phase) == 0;
            if (k < 0 || twice || pp[i].price.minor < 0)
                return item_invalid(path, "phase_prices", i, "contract.phase_price",
                                    k < 0   ? "no such phase in the plan"
                                    : twice ? "the phase is priced twice"
                                            : "must not be negative");
            sum += pp[i].price.minor;
        }
        if (ev->as.signed_.phase_prices.count != p->phase_count ||
            sum != t->development_price.minor)
            return ipart__violation("R22", path, "phase_prices", "contract.phase_prices.sum",
                                    "the contract prices every phase once, and the phase "
                                    "prices sum to exactly the development price awarded");
    } else if (!ipart__plan_phase(p, 0)->has_share) {
        return ipart__violation("R22", path, "phase_prices", "contract.phase_prices.missing",
                                "the terms give no phase shares: the contract states the price "
                                "of every phase");
    }
    for (size_t k = 0; k < p->phase_count; k++) {
        const ev_phase *ph = ipart__plan_phase(p, k);
        if (!((const ev_instalment *)ph->instalments.items)->has_amount)
            continue;
        wide sum = 0;
        for (size_t i = 0; i < ph->instalments.count; i++)
            sum += instalment_amount(ph, i, 0);
        if (sum != signed_phase_price(p, ev, t, k)) {
            char message[200];
            snprintf(message, sizeof message,
                     "the fixed instalments of phase '%s' must sum to exactly its price", ph->id);
            return ipart__violation("R22", path, "phase_prices", "contract.instalments.sum",
                                    message);
        }
    }
    return caps_guard(p, ev, path, "phase_prices");
}

ipart_status ipart__signed_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr)
{
    return caps_warn(p, ev, pr);
}

void ipart__signed_schedule_commit(ipart_partnership *p, const ipart__event *ev)
{
    const ipart__party *t = ipart__party_find(p, ev->as.signed_.partner);
    ipart__contract *c = t->contract;
    ipart_money *price = ipart__contract_phase_prices(c);
    ipart__instalment_state *is = ipart__contract_instalments(c);
    for (size_t k = 0; k < p->phase_count; k++) {
        const ev_phase *ph = ipart__plan_phase(p, k);
        size_t base = ipart__plan_first_instalment(p, k);
        price[k] = money_of(p, signed_phase_price(p, ev, t, k));
        for (size_t i = 0; i < ph->instalments.count; i++) {
            is[base + i].amount = money_of(p, instalment_amount(ph, i, price[k].minor));
            is[base + i].paid = money_of(p, 0);
        }
    }
    c->state = IPART__C_SIGNED;
}

ipart_status ipart__terms_prepare_warnings(ipart_partnership *p, const ipart__event *ev,
                                           ipart__prepared *pr)
{
    const ev_terms *t = &ev->as.terms;
    int64_t ratio = ipart__ratio_bp(t->budget.estimated_purchase_value.minor,
                                    t->budget.max_rnd_value.minor);
    int64_t lo = t->proportionality.has_min_ratio ? t->proportionality.min_ratio
                                                  : IPART__DEFAULT_MIN_RATIO;
    int64_t hi = t->proportionality.has_max_ratio ? t->proportionality.max_ratio
                                                  : IPART__DEFAULT_MAX_RATIO;
    if (ratio < 0 || (ratio >= lo && ratio <= hi))
        return IPART_OK;
    return ipart__warn(p, pr, "R23", "proportionality.band",
                       "the estimated purchase value is %lld.%02lld %% of the maximum R&D value, "
                       "outside the band %lld.%02lld-%lld.%02lld %%: check that the purchase is "
                       "proportionate to the development investment",
                       (long long)(ratio / 100), (long long)(ratio % 100), (long long)(lo / 100),
                       (long long)(lo % 100), (long long)(hi / 100), (long long)(hi % 100));
}

/* ---- the development and purchase events ------------------------------------------------ */

static int developing(const ipart_partnership *p)
{
    return p->stage == IPART_STAGE_DEVELOPMENT || p->stage == IPART_STAGE_PURCHASE;
}

static ipart_status developing_may(const ipart_partnership *p, const ipart__party *actor,
                                   const char *actor_id, ipart__event_type type)
{
    AUTHORITY_IN(developing(p), type);
}

/* The partner a development event names: a party with a signed contract. */
static ipart_status find_contract(ipart__contract **out, const ipart_partnership *p,
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

static ipart_status contract_state_error(const ipart__contract *c, const char *id,
                                         const char *wanted)
{
    return ipart__fail(IPART_ESTATE, "contract.state", "the contract with '%s' is %s; %s", id,
                       ipart__contract_state_name(c->state), wanted);
}

/* phase_started ------------------------------------------------------------------------------ */

static ipart_status phase_started_may(const ipart_partnership *p, const ipart__party *actor,
                                      const char *actor_id)
{
    return developing_may(p, actor, actor_id, IPART__EV_PHASE_STARTED);
}

static ipart_status phase_started_check(const ipart_partnership *p, const ipart__event *ev,
                                        const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.phase.partner, path);
    if (rc != IPART_OK)
        return rc;
    int k = plan_phase_index(p, ev->as.phase.phase);
    if (k < 0)
        return ipart__invalid(path, "phase", "phase.unknown", "no such phase in the plan");
    if (c->state != IPART__C_SIGNED && c->state != IPART__C_PHASE_PASSED)
        return contract_state_error(c, ev->as.phase.partner,
                                    "a phase starts after the signature or after the gate of "
                                    "the phase before");
    if (k != c->phase + 1)
        return ipart__violation("R20", path, "phase", "phase.order",
                                "the phases run in the order of the plan");
    return IPART_OK;
}

static void phase_started_commit(ipart_partnership *p, const ipart__event *ev,
                                 ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.phase.partner)->contract;
    c->phase++;
    c->state = IPART__C_PHASE_ACTIVE;
}

const ipart__handler ipart__phase_started_handler = {phase_started_may, phase_started_check,
                                                     NULL, phase_started_commit};

/* milestone_assessed --------------------------------------------------------------------------- */

static ipart_status milestone_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    return developing_may(p, actor, actor_id, IPART__EV_MILESTONE_ASSESSED);
}

static ipart_status milestone_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.milestone.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (c->state != IPART__C_PHASE_ACTIVE && c->state != IPART__C_PHASE_REVIEW)
        return contract_state_error(c, ev->as.milestone.partner,
                                    "targets are assessed while their phase runs");
    if (phase_target_index(p, (size_t)c->phase, ev->as.milestone.target) < 0)
        return ipart__violation("R21", path, "target", "milestone.phase",
                                "not an intermediate target of the running phase");
    if (ipart__blank(ev->as.milestone.evidence))
        return ipart__violation("R21", path, "evidence", "milestone.evidence",
                                "an assessment records its evidence against the target's "
                                "verification method");
    return IPART_OK;
}

static void milestone_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.milestone.partner)->contract;
    size_t k = (size_t)c->phase;
    ipart__target_state *ts = ipart__contract_targets(c);
    ts[phase_target_index(p, k, ev->as.milestone.target)] =
        (ipart__target_state){1, ev->as.milestone.met};
    size_t base = ipart__plan_first_target(p, k), assessed = 0, n = ipart__plan_phase(p, k)->targets.count;
    for (size_t i = 0; i < n; i++)
        assessed += (size_t)ts[base + i].assessed;
    c->state = assessed == n ? IPART__C_PHASE_REVIEW : IPART__C_PHASE_ACTIVE;
}

const ipart__handler ipart__milestone_assessed_handler = {milestone_may, milestone_check, NULL,
                                                          milestone_commit};

/* instalment_paid ------------------------------------------------------------------------------ */

static ipart_status paid_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    AUTHORITY_IN(developing(p) || p->stage == IPART_STAGE_TERMINATED ||
                     p->stage == IPART_STAGE_COMPLETED,
                 IPART__EV_INSTALMENT_PAID);
}

static ipart_status money_violation(const char *rule, const char *path, const char *field,
                                    const char *key, const char *what, ipart_money limit)
{
    char text[IPART__MONEY_TEXT_SIZE], message[240];
    ipart__money_canonical(text, limit);
    snprintf(message, sizeof message, "%s (at most %s)", what, text);
    return ipart__violation(rule, path, field, key, message);
}

static ipart_status paid_check(const ipart_partnership *p, const ipart__event *ev,
                               const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.payment.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (ev->as.payment.amount.minor <= 0)
        return ipart__invalid(path, "amount", "payment.amount", "must be positive");
    int terminated = c->state == IPART__C_TERMINATED;
    if (terminated && ev->as.payment.amount.minor > c->settled.minor - c->paid.minor)
        return money_violation("R22", path, "amount", "payment.settlement",
                               "a terminated partner is paid what was settled at termination, "
                               "no more",
                               money_of(p, c->settled.minor - c->paid.minor));
    if (!ev->as.payment.instalment) {
        if (!terminated)
            return ipart__violation("R22", path, "instalment", "payment.instalment.missing",
                                    "a payment names its instalment; only the settlement of a "
                                    "terminated partner has none");
        return caps_guard(p, ev, path, "amount");
    }
    size_t k = 0;
    int flat = plan_instalment_index(p, ev->as.payment.instalment, &k);
    if (flat < 0)
        return ipart__invalid(path, "instalment", "payment.instalment.unknown",
                              "no such instalment in the plan");
    const ev_instalment *in = (const ev_instalment *)ipart__plan_phase(p, k)->instalments.items +
                              ((size_t)flat - ipart__plan_first_instalment(p, k));
    if ((int)k > c->phase || !instalment_approved(p, c, k, in))
        return ipart__violation("R22", path, "instalment", "payment.not_approved",
                                "an instalment is paid only when its target has been assessed "
                                "as met");
    const ipart__instalment_state *is = &ipart__contract_instalments(c)[flat];
    if (ev->as.payment.amount.minor > is->amount.minor - is->paid.minor)
        return money_violation("R22", path, "amount", "payment.above_schedule",
                               "the payment exceeds what the schedule leaves of the instalment",
                               money_of(p, is->amount.minor - is->paid.minor));
    return caps_guard(p, ev, path, "amount");
}

static ipart_status paid_prepare(ipart_partnership *p, const ipart__event *ev,
                                 ipart__prepared *pr)
{
    return caps_warn(p, ev, pr);
}

static void paid_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.payment.partner)->contract;
    int64_t amount = ev->as.payment.amount.minor;
    c->paid.minor += amount;
    size_t k = 0;
    int flat = ev->as.payment.instalment
                   ? plan_instalment_index(p, ev->as.payment.instalment, &k)
                   : -1;
    if (flat >= 0)
        ipart__contract_instalments(c)[flat].paid.minor += amount;
    else
        c->settlement_paid.minor += amount;
}

const ipart__handler ipart__instalment_paid_handler = {paid_may, paid_check, paid_prepare,
                                                       paid_commit};

/* contract_changed ------------------------------------------------------------------------------ */

static ipart_status changed_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    return developing_may(p, actor, actor_id, IPART__EV_CONTRACT_CHANGED);
}

static ipart_status change_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.change.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (terminal(c))
        return contract_state_error(c, ev->as.change.partner, "an ended contract cannot change");
    if (ev->as.change.delta.minor == 0)
        return ipart__invalid(path, "delta", "change.zero", "a change has a non-zero value");
    if (ev->as.change.phase && plan_phase_index(p, ev->as.change.phase) < 0)
        return ipart__invalid(path, "phase", "phase.unknown", "no such phase in the plan");
    size_t k = change_phase(p, ev);
    if ((int)k < c->phase || ((int)k == c->phase && c->state != IPART__C_PHASE_ACTIVE))
        return ipart__violation("R35", path, "phase", "change.phase_closed",
                                "a change alters the price of a phase not yet assessed");
    int64_t limit = ipart__contract_change_limit(p, c);
    wide net = (wide)c->changes.minor + ev->as.change.delta.minor;
    if (net > limit || -net > limit)
        return money_violation("R34", path, "delta", "change.headroom",
                               "the net cumulative changes of the contract would exceed its "
                               "change headroom",
                               money_of(p, limit));
    const ev_phase *ph = ipart__plan_phase(p, k);
    size_t last = ipart__plan_first_instalment(p, k) + ph->instalments.count - 1;
    const ipart__instalment_state *is = &ipart__contract_instalments(c)[last];
    if ((wide)is->amount.minor + ev->as.change.delta.minor < is->paid.minor)
        return ipart__violation("R22", path, "delta", "change.below_paid",
                                "the change would take the phase's last instalment below what "
                                "has been paid on it");
    if ((rc = ipart__need_reason(ev->as.change.reason, path, "reason")) != IPART_OK)
        return rc;
    return caps_guard(p, ev, path, "delta");
}

static ipart_status change_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr)
{
    ipart_status rc = caps_warn(p, ev, pr);
    return rc == IPART_OK ? overrun_warning(p, ev, pr) : rc;
}

static void change_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.change.partner)->contract;
    size_t k = change_phase(p, ev);
    int64_t delta = ev->as.change.delta.minor;
    c->changes.minor += delta;
    ipart__contract_phase_prices(c)[k].minor += delta;
    size_t last = ipart__plan_first_instalment(p, k) + ipart__plan_phase(p, k)->instalments.count - 1;
    ipart__contract_instalments(c)[last].amount.minor += delta;
}

const ipart__handler ipart__contract_changed_handler = {changed_may, change_check,
                                                        change_prepare, change_commit};

/* phase_gate_decided ------------------------------------------------------------------------------ */

static ipart_status gate_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    return developing_may(p, actor, actor_id, IPART__EV_PHASE_GATE_DECIDED);
}

static size_t active_partners(const ipart_partnership *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->party_count; i++)
        n += p->parties[i]->contract && !terminal(p->parties[i]->contract) &&
             p->parties[i]->contract->state != IPART__C_ACCEPTED;
    return n;
}

/* R24: the decision cites exactly the targets of the phase. */
static ipart_status gate_targets_check(const ipart_partnership *p, const ipart__event *ev,
                                       size_t k, const char *path)
{
    const char *const *ids = ev->as.gate.targets.items;
    for (size_t i = 0; i < ev->as.gate.targets.count; i++)
        if (phase_target_index(p, k, ids[i]) < 0)
            return item_violation("R24", path, "targets", i, "gate.targets",
                                  "not an intermediate target of the phase");
    if (ev->as.gate.targets.count != ipart__plan_phase(p, k)->targets.count)
        return ipart__violation("R24", path, "targets", "gate.targets",
                                "the decision cites the results of every target of the phase");
    return IPART_OK;
}

static ipart_status gate_check(const ipart_partnership *p, const ipart__event *ev,
                               const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.gate.partner, path);
    if (rc != IPART_OK)
        return rc;
    int k = plan_phase_index(p, ev->as.gate.phase);
    if (k < 0)
        return ipart__invalid(path, "phase", "phase.unknown", "no such phase in the plan");
    if (k != c->phase || (c->state != IPART__C_PHASE_ACTIVE && c->state != IPART__C_PHASE_REVIEW))
        return contract_state_error(c, ev->as.gate.partner,
                                    "the gate decides on the running phase");
    if (c->state != IPART__C_PHASE_REVIEW)
        return ipart__violation("R24", path, "phase", "gate.mid_phase",
                                "only at a phase boundary: every target of the phase must be "
                                "assessed before the gate decides");
    if ((rc = gate_targets_check(p, ev, (size_t)k, path)) != IPART_OK)
        return rc;
    size_t base = ipart__plan_first_target(p, (size_t)k), n = ipart__plan_phase(p, (size_t)k)->targets.count, unmet = 0;
    for (size_t i = 0; i < n; i++)
        unmet += (size_t)!target_met(c, base + i);
    if (ev->as.gate.decision == EV_GATE_CONTINUE) {
        if (unmet)
            return ipart__violation("R21", path, "decision", "gate.targets_unmet",
                                    "a phase is passed only when its intermediate targets are "
                                    "met");
        return ipart__need_reason(ev->as.gate.reason, path, "reason");
    }
    if (!p->terms->reservations.termination_after_phase)
        return ipart__violation("R24", path, "decision", "gate.not_reserved",
                                "termination after a phase was not reserved in the procurement "
                                "documents");
    if (!ev->as.gate.has_ground)
        return ipart__invalid(path, "ground", "gate.ground", "a termination states its ground");
    if (ev->as.gate.ground == EV_GROUND_TARGETS_NOT_MET && !unmet)
        return ipart__violation("R24", path, "ground", "gate.ground.targets",
                                "every target of the phase was met");
    if (ev->as.gate.ground == EV_GROUND_REDUCE_PARTNERS && active_partners(p) < 2)
        return ipart__violation("R24", path, "ground", "gate.ground.reduce",
                                "reducing the number of partners needs more than one");
    return ipart__need_reason(ev->as.gate.reason, path, "reason");
}

static void terminate_contract(const ipart_partnership *p, ipart__contract *c)
{
    c->settled = money_of(p, ipart__contract_owed_on_termination(p, c));
    c->state = IPART__C_TERMINATED;
}

/* With no partner left in development or purchase, the partnership has ended. */
static void settle_stage(ipart_partnership *p)
{
    for (size_t i = 0; i < p->party_count; i++)
        if (p->parties[i]->contract && p->parties[i]->contract->state != IPART__C_TERMINATED)
            return;
    p->stage = IPART_STAGE_TERMINATED;
}

static void gate_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.gate.partner)->contract;
    if (ev->as.gate.decision == EV_GATE_TERMINATE) {
        terminate_contract(p, c);
        settle_stage(p);
        return;
    }
    c->state = (size_t)c->phase + 1 == c->phases ? IPART__C_DEVELOPED : IPART__C_PHASE_PASSED;
}

const ipart__handler ipart__phase_gate_decided_handler = {gate_may, gate_check, NULL,
                                                          gate_commit};

/* partnership_terminated ------------------------------------------------------------------------- */

static ipart_status terminated_may(const ipart_partnership *p, const ipart__party *actor,
                                   const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_DEVELOPMENT, IPART__EV_PARTNERSHIP_TERMINATED);
}

static ipart_status terminated_check(const ipart_partnership *p, const ipart__event *ev,
                                     const char *path)
{
    if (!p->terms->reservations.termination_after_phase)
        return ipart__violation("R24", path, NULL, "terminate.not_reserved",
                                "termination after a phase was not reserved in the procurement "
                                "documents");
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__contract *c = p->parties[i]->contract;
        if (c && c->state == IPART__C_PHASE_ACTIVE) {
            char message[200];
            snprintf(message, sizeof message,
                     "only at a phase boundary: the phase of '%s' is still running",
                     p->parties[i]->id);
            return ipart__violation("R24", path, NULL, "terminate.mid_phase", message);
        }
    }
    return ipart__need_reason(ev->as.cancelled.reason, path, "reason");
}

static void terminated_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    (void)pr;
    for (size_t i = 0; i < p->party_count; i++) {
        ipart__contract *c = p->parties[i]->contract;
        if (c && c->state != IPART__C_TERMINATED)
            terminate_contract(p, c);
    }
    p->stage = IPART_STAGE_TERMINATED;
}

const ipart__handler ipart__partnership_terminated_handler = {terminated_may, terminated_check,
                                                              NULL, terminated_commit};

/* solution_accepted ------------------------------------------------------------------------------- */

static ipart_status accepted_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    return developing_may(p, actor, actor_id, IPART__EV_SOLUTION_ACCEPTED);
}

static const ev_level_result *level_result(const ipart__event *ev, const char *id)
{
    const ev_level_result *r = ev->as.accepted.levels.items;
    for (size_t i = 0; i < ev->as.accepted.levels.count; i++)
        if (strcmp(r[i].level, id) == 0)
            return &r[i];
    return NULL;
}

static ipart_status accepted_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.accepted.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (c->state != IPART__C_DEVELOPED)
        return ipart__violation("R29", path, "partner", "accept.not_developed",
                                "the acceptance test follows the last development phase, "
                                "passed at its gate");
    if (ipart__blank(ev->as.accepted.report))
        return ipart__violation("R29", path, "report", "accept.report",
                                "the acceptance records its test report");
    const ev_level *l = p->terms->option.performance_levels.items;
    const ev_level_result *r = ev->as.accepted.levels.items;
    for (size_t i = 0; i < ev->as.accepted.levels.count; i++) {
        int known = 0;
        for (size_t j = 0; j < p->terms->option.performance_levels.count; j++)
            known |= strcmp(l[j].id, r[i].level) == 0;
        if (!known || level_result(ev, r[i].level) != &r[i])
            return item_invalid(path, "performance_levels", i, "accept.level",
                                known ? "verified twice" : "no such performance level");
    }
    for (size_t j = 0; j < p->terms->option.performance_levels.count; j++)
        if (!level_result(ev, l[j].id)) {
            char message[200];
            snprintf(message, sizeof message,
                     "the acceptance test verifies every performance level; '%s' is missing",
                     l[j].id);
            return ipart__violation("R27", path, "performance_levels", "accept.level.missing",
                                    message);
        }
    return IPART_OK;
}

static void accepted_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.accepted.partner)->contract;
    const ev_level_result *r = ev->as.accepted.levels.items;
    c->all_levels_met = 1;
    for (size_t i = 0; i < ev->as.accepted.levels.count; i++)
        c->all_levels_met &= r[i].met;
    c->state = IPART__C_ACCEPTED;
    p->stage = IPART_STAGE_PURCHASE;
}

const ipart__handler ipart__solution_accepted_handler = {accepted_may, accepted_check, NULL,
                                                         accepted_commit};

/* option_exercised --------------------------------------------------------------------------------- */

static ipart_status option_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    if (actor && actor->role == IPART_ROLE_FOLLOWER) {
        if (p->stage != IPART_STAGE_PURCHASE)
            return ipart__wrong_stage(p, IPART__EV_OPTION_EXERCISED);
        return IPART_OK;
    }
    AUTHORITY_IN(p->stage == IPART_STAGE_PURCHASE, IPART__EV_OPTION_EXERCISED);
}

/* The quantity a buyer may take under the option, -1 for a follower not named in it. */
static int64_t option_quantity_of(const ipart_partnership *p, const ipart__party *buyer)
{
    if (buyer->role == IPART_ROLE_AUTHORITY)
        return p->terms->option.quantity;
    const ev_option_holder *h = p->terms->option.followers.items;
    for (size_t i = 0; i < p->terms->option.followers.count; i++)
        if (strcmp(h[i].follower, buyer->id) == 0)
            return h[i].quantity;
    return -1;
}

static ipart_status option_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.option.partner, path);
    if (rc != IPART_OK)
        return rc;
    const ipart__party *buyer = ipart__party_find(p, ev->actor);
    int64_t allowed = option_quantity_of(p, buyer);
    if (allowed < 0)
        return ipart__violation("R28", path, "actor", "option.follower.unnamed",
                                "this follower is not named as an option holder in the terms: "
                                "its purchase would need a new competition");
    if (c->state != IPART__C_ACCEPTED && c->state != IPART__C_OPTION_EXERCISED)
        return ipart__violation("R29", path, "partner", "option.not_accepted",
                                "the option is exercised on a solution that passed its "
                                "acceptance test");
    if (!c->all_levels_met)
        return ipart__violation("R27", path, "partner", "option.levels",
                                "the acceptance test found a performance level unmet");
    if (ev->as.option.unit_price.minor > p->terms->option.max_unit_price.minor)
        return money_violation("R27", path, "unit_price", "option.max_cost",
                               "the price exceeds the maximum cost of the option",
                               p->terms->option.max_unit_price);
    if (ipart__before(p->terms->option.expires, ev->date))
        return ipart__violation("R28", path, "date", "option.expired",
                                "the option has expired");
    if (buyer->option_quantity + ev->as.option.quantity > allowed) {
        char message[200];
        snprintf(message, sizeof message,
                 "the option gives '%s' %lld units in all; %lld are bought already",
                 buyer->id, (long long)allowed, (long long)buyer->option_quantity);
        return ipart__violation("R28", path, "quantity", "option.quantity", message);
    }
    return caps_guard(p, ev, path, "unit_price");
}

static ipart_status option_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr)
{
    return caps_warn(p, ev, pr);
}

static void option_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.option.partner)->contract;
    ipart__party *buyer = ipart__party_find(p, ev->actor);
    buyer->option_quantity += ev->as.option.quantity;
    buyer->options_from |= UINT64_C(1) << c->award_index;
    c->option_quantity += ev->as.option.quantity;
    c->option_value.minor += ev->as.option.quantity * ev->as.option.unit_price.minor;
    c->state = IPART__C_OPTION_EXERCISED;
}

const ipart__handler ipart__option_exercised_handler = {option_may, option_check, option_prepare,
                                                        option_commit};

/* option_lapsed ------------------------------------------------------------------------------------- */

static ipart_status lapsed_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_PURCHASE, IPART__EV_OPTION_LAPSED);
}

static ipart_status lapsed_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = find_contract(&c, p, ev->as.lapsed.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (c->state != IPART__C_ACCEPTED)
        return contract_state_error(c, ev->as.lapsed.partner,
                                    "an option lapses after acceptance, when it was not "
                                    "exercised");
    return ipart__need_reason(ev->as.lapsed.reason, path, "reason");
}

static void lapsed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party_find(p, ev->as.lapsed.partner)->contract->state = IPART__C_OPTION_LAPSED;
}

const ipart__handler ipart__option_lapsed_handler = {lapsed_may, lapsed_check, NULL,
                                                     lapsed_commit};

/* partnership_completed ------------------------------------------------------------------------------ */

static ipart_status completed_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_PURCHASE, IPART__EV_PARTNERSHIP_COMPLETED);
}

static ipart_status completed_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__contract *c = p->parties[i]->contract;
        if (c && !terminal(c))
            return contract_state_error(c, p->parties[i]->id,
                                        "every contract must have ended (option exercised or "
                                        "lapsed, or terminated) before the partnership is "
                                        "completed");
    }
    return ipart__need_reason(ev->as.cancelled.reason, path, "reason");
}

static void completed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)ev;
    (void)pr;
    p->stage = IPART_STAGE_COMPLETED;
}

const ipart__handler ipart__partnership_completed_handler = {completed_may, completed_check, NULL,
                                                             completed_commit};

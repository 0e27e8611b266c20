/*
 * Typed queries on the partnership contract (include/ipart/contract.h):
 * partners and their phases, cap rows, warnings, proportionality, the
 * payments to come and the contract's deadlines for next_due(). Their JSON
 * exports are written in io/query_json.c from these.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "rules/contract_math_p.h"
#include "ipart/contract.h"

static ipart_status find_partner(const ipart__party **out, const ipart_partnership *p,
                                 const char *id)
{
    const ipart__party *t = ipart__party_find(p, id);
    if (!t || !t->contract)
        return ipart__fail(IPART_ENOTFOUND, "partner.unknown", "'%s' is not an awarded partner",
                           id);
    if (!ipart__scope_sees(p, t->id))
        return ipart__scope_refuse(p, "another partner's contract");
    *out = t;
    return IPART_OK;
}

static void partner_status(ipart_partner_status *out, const ipart_partnership *p,
                           const ipart__party *t)
{
    const ipart__contract *c = t->contract;
    int64_t owed = ipart__contract_owed_on_termination(p, c) - c->paid.minor;
    *out = (ipart_partner_status){
        .partner = t->id,
        .state = ipart__contract_state_name(c->state),
        .phase = c->phase >= 0 ? ipart__plan_phase(p, (size_t)c->phase)->id : "",
        .phase_index = c->phase,
        .original = c->original,
        .changes = c->changes,
        .change_limit = ipart__case_money(p, ipart__contract_change_limit(p, c)),
        .value = ipart__case_money(p, ipart__contract_commitment(c)),
        .paid = c->paid,
        .payable = ipart__case_money(p, ipart__contract_payable(p, c)),
        .owed_on_termination = ipart__case_money(p, owed),
        .option_quantity = c->option_quantity,
        .option_value = c->option_value,
    };
}

ipart_status ipart_partnership_partner_status(ipart_partner_status *out,
                                              const ipart_partnership *p, const char *partner)
{
    if (!out || !p || !partner)
        return ipart__fail_null("ipart_partnership_partner_status",
                                !out ? "out" : !p ? "partnership" : "partner");
    const ipart__party *t = NULL;
    ipart_status rc = find_partner(&t, p, partner);
    if (rc == IPART_OK)
        partner_status(out, p, t);
    return rc;
}

static const char *phase_state(const ipart__contract *c, size_t k)
{
    if ((int)k > c->phase)
        return c->state == IPART__C_TERMINATED ? "ended" : "pending";
    if ((int)k < c->phase)
        return "passed";
    switch (c->state) {
    case IPART__C_PHASE_ACTIVE: return "active";
    case IPART__C_PHASE_REVIEW: return "review";
    case IPART__C_TERMINATED: return "ended";
    default: return "passed";
    }
}

static size_t phases_of(const ipart__contract *c)
{
    return c->state == IPART__C_AWARDED ? 0 : c->phases;
}

size_t ipart_partnership_partner_phase_count(const ipart_partnership *p, const char *partner)
{
    const ipart__party *t = p && partner ? ipart__party_find(p, partner) : NULL;
    return t && t->contract && ipart__scope_sees(p, t->id) ? phases_of(t->contract) : 0;
}

/* The partner's contract and its phase k, or a failure naming what is missing. */
static ipart_status find_phase(const ipart__contract **out, const ev_phase **phase,
                               const ipart_partnership *p, const char *partner, size_t k)
{
    const ipart__party *t = NULL;
    ipart_status rc = find_partner(&t, p, partner);
    if (rc != IPART_OK)
        return rc;
    if (k >= phases_of(t->contract))
        return ipart__fail(IPART_ENOTFOUND, "phase.index", "'%s' has no phase %zu: it has %zu",
                           partner, k, phases_of(t->contract));
    *out = t->contract;
    *phase = ipart__plan_phase(p, k);
    return IPART_OK;
}

static ipart_status phase_args(const void *out, const ipart_partnership *p, const char *partner,
                               const char *function)
{
    if (out && p && partner)
        return IPART_OK;
    return ipart__fail_null(function, !out ? "out" : !p ? "partnership" : "partner");
}

ipart_status ipart_partnership_partner_phase_at(ipart_partner_phase *out,
                                                const ipart_partnership *p, const char *partner,
                                                size_t k)
{
    static const char *const kinds[] = {"rnd", "prototype", "test_pilot", "pre_series"};
    const ipart__contract *c = NULL;
    const ev_phase *ph = NULL;
    ipart_status rc = phase_args(out, p, partner, "ipart_partnership_partner_phase_at");
    if (rc == IPART_OK)
        rc = find_phase(&c, &ph, p, partner, k);
    if (rc != IPART_OK)
        return rc;
    *out = (ipart_partner_phase){ph->id, kinds[ph->kind], ph->due,
                                 ipart__contract_phase_prices(c)[k], phase_state(c, k),
                                 ph->targets.count, ph->instalments.count};
    return IPART_OK;
}

/* The partner's contract, its phase k and that phase's target or instalment
 * `index`, with the call's arguments checked. */
static ipart_status find_item(const ipart__contract **c, const ev_phase **ph, const void *out,
                              const ipart_partnership *p, const char *partner, size_t k,
                              size_t index, int instalment, const char *function)
{
    ipart_status rc = phase_args(out, p, partner, function);
    if (rc == IPART_OK)
        rc = find_phase(c, ph, p, partner, k);
    if (rc != IPART_OK)
        return rc;
    size_t count = instalment ? (*ph)->instalments.count : (*ph)->targets.count;
    if (index < count)
        return IPART_OK;
    return ipart__fail(IPART_ENOTFOUND, "phase.item.index", "phase '%s' has no %s %zu: it has %zu",
                       (*ph)->id, instalment ? "instalment" : "target", index, count);
}

ipart_status ipart_partnership_partner_target_at(ipart_partner_target *out,
                                                 const ipart_partnership *p, const char *partner,
                                                 size_t k, size_t index)
{
    const ipart__contract *c = NULL;
    const ev_phase *ph = NULL;
    ipart_status rc = find_item(&c, &ph, out, p, partner, k, index, 0,
                                "ipart_partnership_partner_target_at");
    if (rc != IPART_OK)
        return rc;
    const ipart__target_state *ts =
        ipart__contract_targets(c) + ipart__plan_first_target(p, k) + index;
    *out = (ipart_partner_target){((const ev_target *)ph->targets.items)[index].id,
                                  !ts->assessed ? "pending" : ts->met ? "met" : "not_met"};
    return IPART_OK;
}

ipart_status ipart_partnership_partner_instalment_at(ipart_partner_instalment *out,
                                                     const ipart_partnership *p,
                                                     const char *partner, size_t k, size_t index)
{
    const ipart__contract *c = NULL;
    const ev_phase *ph = NULL;
    ipart_status rc = find_item(&c, &ph, out, p, partner, k, index, 1,
                                "ipart_partnership_partner_instalment_at");
    if (rc != IPART_OK)
        return rc;
    const ev_instalment *in = (const ev_instalment *)ph->instalments.items + index;
    const ipart__instalment_state *is =
        ipart__contract_instalments(c) + ipart__plan_first_instalment(p, k) + index;
    int approved = ipart__contract_instalment_approved(p, c, k, in);
    *out = (ipart_partner_instalment){in->id, in->target, is->amount, is->paid,
                                      approved && is->paid.minor < is->amount.minor};
    return IPART_OK;
}

/* ---- caps ---------------------------------------------------------------------------------- */

/* A partner whose contract the audience of `p` may see. */
static int visible_partner(const ipart_partnership *p, const ipart__party *t)
{
    return t->contract && ipart__scope_sees(p, t->id);
}

static size_t contract_parties(const ipart_partnership *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->party_count; i++)
        n += visible_partner(p, p->parties[i]);
    return n;
}

/* A cap has a row per partner the audience may see; a cap over several
 * partners' figures (development, phase, purchase) is the authority's. */
static size_t rows_of(const ipart_partnership *p, const ev_cap *cap)
{
    if (cap->scope == EV_CAP_PARTNER)
        return contract_parties(p);
    return ipart__scope_sees(p, NULL);
}

static const ipart__party *nth_partner(const ipart_partnership *p, size_t n)
{
    for (size_t i = 0; i < p->party_count; i++)
        if (visible_partner(p, p->parties[i]) && n-- == 0)
            return p->parties[i];
    return NULL;
}

size_t ipart_partnership_cap_count(const ipart_partnership *p)
{
    size_t n = 0;
    for (size_t i = 0; p && i < ipart__cap_count(p); i++) {
        ev_cap cap = ipart__cap_get(p, i);
        n += rows_of(p, &cap);
    }
    return n;
}

static void cap_row(ipart_cap_status *out, const ipart_partnership *p, const ev_cap *cap,
                    const ipart__party *partner)
{
    static const char *const scopes[] = {"development", "partner", "phase", "purchase"};
    int64_t committed, paid;
    ipart__cap_usage(p, cap, partner, &committed, &paid);
    int64_t used = cap->bites == EV_BITES_PAYMENT ? paid : committed;
    *out = (ipart_cap_status){
        .cap = cap->id,
        .scope = scopes[cap->scope],
        .phase = cap->phase ? cap->phase : "",
        .partner = partner ? partner->id : "",
        .bites = cap->bites == EV_BITES_PAYMENT ? "payment" : "commitment",
        .policy = cap->policy == EV_POLICY_WARN ? "warn" : "stop",
        .amount = cap->amount,
        .committed = ipart__case_money(p, committed),
        .paid = ipart__case_money(p, paid),
        .headroom = ipart__case_money(p, cap->amount.minor - used),
    };
}

ipart_status ipart_partnership_cap_at(ipart_cap_status *out, const ipart_partnership *p,
                                      size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_cap_at", !out ? "out" : "partnership");
    size_t at = index;
    for (size_t i = 0; i < ipart__cap_count(p); i++) {
        ev_cap cap = ipart__cap_get(p, i);
        size_t rows = rows_of(p, &cap);
        if (at < rows) {
            cap_row(out, p, &cap, cap.scope == EV_CAP_PARTNER ? nth_partner(p, at) : NULL);
            return IPART_OK;
        }
        at -= rows;
    }
    return ipart__fail(IPART_ENOTFOUND, "cap.index", "no cap row %zu: there are %zu", index,
                       ipart_partnership_cap_count(p));
}

ipart_status ipart_partnership_cap_fits(int *out, const ipart_partnership *p, const char *cap_id,
                                        const char *partner, ipart_money amount)
{
    if (!out || !p || !cap_id)
        return ipart__fail_null("ipart_partnership_cap_fits",
                                !out ? "out" : !p ? "partnership" : "cap");
    if (strcmp(amount.currency, p->currency) != 0)
        return ipart__fail(IPART_ECURRENCY, "money.currency.mismatch",
                           "the amount is in %.3s; the case is in %.3s", amount.currency,
                           p->currency);
    for (size_t i = 0; i < ipart__cap_count(p); i++) {
        ev_cap cap = ipart__cap_get(p, i);
        if (strcmp(cap.id, cap_id) != 0)
            continue;
        const ipart__party *row = NULL;
        if (cap.scope == EV_CAP_PARTNER) {
            if (!partner)
                return ipart__fail(IPART_EINVAL, "cap.partner.missing",
                                   "cap '%s' has a row per partner: name the partner", cap_id);
            ipart_status rc = find_partner(&row, p, partner);
            if (rc != IPART_OK)
                return rc;
        } else if (!ipart__scope_sees(p, NULL)) {
            return ipart__scope_refuse(p, "a cap over several partners");
        }
        ipart_cap_status s;
        cap_row(&s, p, &cap, row);
        *out = amount.minor <= s.headroom.minor;
        return IPART_OK;
    }
    return ipart__fail(IPART_ENOTFOUND, "cap.unknown", "no cap '%s'", cap_id);
}

/* ---- warnings and proportionality ---------------------------------------------------------- */

/* Warnings weigh several partners' figures: they are the authority's. */
size_t ipart_partnership_warning_count(const ipart_partnership *p)
{
    return p && ipart__scope_sees(p, NULL) ? p->warning_count : 0;
}

ipart_status ipart_partnership_warning_at(ipart_warning *out, const ipart_partnership *p,
                                          size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_warning_at", !out ? "out" : "partnership");
    if (index >= ipart_partnership_warning_count(p))
        return ipart__fail(IPART_ENOTFOUND, "warning.index", "no warning %zu: there are %zu",
                           index, ipart_partnership_warning_count(p));
    const ipart__warning *w = &p->warnings[index];
    *out = (ipart_warning){w->event, w->rule, w->key, w->message, ipart__warning_nb(w)};
    return IPART_OK;
}

ipart_status ipart_partnership_proportionality(ipart_proportionality *out,
                                               const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_proportionality",
                                !out ? "out" : "partnership");
    if (!p->terms)
        return ipart__fail(IPART_ESTATE, "terms.missing", "no terms have been set");
    if (!ipart__scope_sees(p, NULL))
        return ipart__scope_refuse(p, "the commitments of every partner");
    const ev_terms *t = p->terms;
    ev_cap all = ipart__cap_get(p, 0);
    int64_t committed, paid;
    ipart__cap_usage(p, &all, NULL, &committed, &paid);
    ipart_proportionality v = {
        .development_value = t->budget.max_rnd_value,
        .purchase_value = t->budget.estimated_purchase_value,
        .committed = ipart__case_money(p, committed),
        .ratio = ipart__ratio_bp(t->budget.estimated_purchase_value.minor,
                                 t->budget.max_rnd_value.minor),
        .min_ratio = t->proportionality.has_min_ratio ? t->proportionality.min_ratio
                                                      : IPART__DEFAULT_MIN_RATIO,
        .max_ratio = t->proportionality.has_max_ratio ? t->proportionality.max_ratio
                                                      : IPART__DEFAULT_MAX_RATIO,
        .overrun_margin = t->proportionality.has_overrun_margin
                              ? t->proportionality.overrun_margin
                              : IPART__DEFAULT_OVERRUN_MARGIN,
    };
    v.outside_band = v.ratio >= 0 && (v.ratio < v.min_ratio || v.ratio > v.max_ratio);
    v.overrun = ipart__overrun(committed, t->budget.max_rnd_value.minor,
                               v.overrun_margin);
    *out = v;
    return IPART_OK;
}

/* ---- deadlines ----------------------------------------------------------------------------- */

/* The earliest phase due date or option expiry of the contracts. */
int ipart__contract_next_due(ipart_due *out, const ipart_partnership *p)
{
    int found = 0;
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__contract *c = p->parties[i]->contract;
        ipart_due due = {{0, 0, 0}, NULL, NULL};
        if (!c || !ipart__scope_sees(p, p->parties[i]->id))
            continue;
        if (c->state == IPART__C_PHASE_ACTIVE || c->state == IPART__C_PHASE_REVIEW)
            due = (ipart_due){ipart__plan_phase(p, (size_t)c->phase)->due, "phase_due",
                              c->state == IPART__C_PHASE_ACTIVE ? "milestone_assessed"
                                                                : "phase_gate_decided"};
        else if ((c->state == IPART__C_ACCEPTED || c->state == IPART__C_OPTION_EXERCISED) &&
                 !ipart__before(p->terms->option.expires, p->last_date))
            due = (ipart_due){p->terms->option.expires, "option_expiry", "option_exercised"};
        if (due.kind && (!found || ipart__before(due.date, out->date))) {
            *out = due;
            found = 1;
        }
    }
    return found;
}

/* ---- payments to come ------------------------------------------------------------------- */

typedef struct payment_walk {
    ipart__payment_fn each;
    void *ctx;
    __extension__ __int128 total;
    int stopped;
} payment_walk;

static void visit(payment_walk *w, ipart_payment row)
{
    if (w->stopped)
        return;
    w->total += row.amount.minor;
    w->stopped = w->each(&row, w->ctx);
}

static void contract_payments(payment_walk *w, const ipart_partnership *p, const ipart__party *t)
{
    const ipart__contract *c = t->contract;
    if (c->state == IPART__C_TERMINATED) {
        int64_t left = c->settled.minor - c->paid.minor;
        if (left > 0)
            visit(w, (ipart_payment){t->id, "", "", 0, {0, 0, 0}, ipart__case_money(p, left), 1});
        return;
    }
    const ipart__instalment_state *is = ipart__contract_instalments(c);
    for (size_t k = 0; k < c->phases && !w->stopped; k++) {
        const ev_phase *ph = ipart__plan_phase(p, k);
        size_t base = ipart__plan_first_instalment(p, k);
        for (size_t j = 0; j < ph->instalments.count; j++) {
            const ev_instalment *in = (const ev_instalment *)ph->instalments.items + j;
            int64_t left = is[base + j].amount.minor - is[base + j].paid.minor;
            if (left > 0)
                visit(w, (ipart_payment){t->id, ph->id, in->id, 1, ph->due,
                                         ipart__case_money(p, left),
                                         ipart__contract_instalment_approved(p, c, k, in)});
        }
    }
}

int64_t ipart__payments_each(const ipart_partnership *p, ipart__payment_fn each, void *ctx)
{
    payment_walk w = {each, ctx, 0, 0};
    for (size_t i = 0; i < p->party_count && !w.stopped; i++) {
        const ipart__party *t = p->parties[i];
        if (t->contract && t->contract->state != IPART__C_AWARDED && ipart__scope_sees(p, t->id))
            contract_payments(&w, p, t);
    }
    return w.total > INT64_MAX ? INT64_MAX : (int64_t)w.total;
}

static int count_row(const ipart_payment *row, void *ctx)
{
    (void)row;
    ++*(size_t *)ctx;
    return 0;
}

size_t ipart_partnership_payment_count(const ipart_partnership *p)
{
    size_t n = 0;
    if (p)
        ipart__payments_each(p, count_row, &n);
    return n;
}

typedef struct row_pick {
    size_t left;
    ipart_payment *out;
} row_pick;

static int pick_row(const ipart_payment *row, void *ctx)
{
    row_pick *pick = ctx;
    if (pick->left-- > 0)
        return 0;
    *pick->out = *row;
    return 1;
}

ipart_status ipart_partnership_payment_at(ipart_payment *out, const ipart_partnership *p,
                                          size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_payment_at", !out ? "out" : "partnership");
    ipart_payment row;
    row_pick pick = {index, &row};
    ipart__payments_each(p, pick_row, &pick);
    if (pick.left != (size_t)-1)
        return ipart__fail(IPART_ENOTFOUND, "payment.index", "no payment %zu: there are %zu",
                           index, ipart_partnership_payment_count(p));
    *out = row;
    return IPART_OK;
}

static int no_stop(const ipart_payment *row, void *ctx)
{
    (void)row;
    (void)ctx;
    return 0;
}

ipart_status ipart_partnership_payment_total(ipart_money *out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_payment_total", !out ? "out" : "partnership");
    *out = ipart__case_money(p, ipart__payments_each(p, no_stop, NULL));
    return IPART_OK;
}

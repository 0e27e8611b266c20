/*
 * Budget caps (R33) and the hooks of the procedure's events that touch the
 * contract: partial compensation in tenders, the award's contracts, the
 * schedule fixed at signature, and the warnings of the terms (R23, R25).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/money_p.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "model/joint_p.h"
#include "rules/contract_math_p.h"

typedef ipart__wide wide;

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
    int k = cap->scope == EV_CAP_PHASE ? ipart__plan_phase_index(p, cap->phase) : -1;
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
size_t ipart__change_phase(const ipart_partnership *p, const ipart__event *ev)
{
    int k = ev->as.change.phase ? ipart__plan_phase_index(p, ev->as.change.phase) : -1;
    return k >= 0 ? (size_t)k : p->phase_count - 1;
}

static size_t payment_phase(const ipart_partnership *p, const ipart__event *ev,
                            const ipart__contract *c)
{
    size_t k = 0;
    if (!ev->as.payment.instalment ||
        ipart__plan_instalment_index(p, ev->as.payment.instalment, &k) < 0)
        return c->phase < 0 ? 0 : (size_t)c->phase;
    return k;
}

static int64_t signed_phase_price(const ipart_partnership *p, const ipart__event *ev,
                                  const ipart__party *t, size_t k);

/* What an event adds to a cap's row: commitments and payments. */
static void event_extra(const ipart_partnership *p, const ipart__event *ev, const ev_cap *cap,
                        const ipart__party *row, wide *commit, wide *pay)
{
    int k = cap->scope == EV_CAP_PHASE ? ipart__plan_phase_index(p, cap->phase) : -1;
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
            if (money_scope || (k >= 0 && (size_t)k == ipart__change_phase(p, ev)))
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
typedef ipart_status (*excess_fn)(void *ctx, const ipart__text *message);

/*
 * R33: visit every cap of `policy` the event adds to, on the measure where
 * it bites (commitments or payments), whose total would then exceed the
 * cap. The guard visits the "stop" caps and the preparation the "warn"
 * ones, so each cap is reckoned once per event.
 */
static ipart_status caps_visit(const ipart_partnership *p, const ipart__event *ev,
                               ev_cap_policy policy, excess_fn fn, void *ctx)
{
    for (size_t i = 0; i < ipart__cap_count(p); i++) {
        ev_cap cap = ipart__cap_get(p, i);
        if (cap.policy != (int)policy)
            continue;
        for (size_t r = 0;; r++) {
            const ipart__party *row = cap.scope == EV_CAP_PARTNER ? affected(p, ev, r) : NULL;
            if (cap.scope == EV_CAP_PARTNER ? !row : r > 0)
                break;
            int64_t committed, paid;
            wide commit, pay;
            /* What the event adds first: a cap it adds nothing to (a payment
             * to a commitment cap) needs no walk over the contracts. */
            event_extra(p, ev, &cap, row, &commit, &pay);
            int at_payment = cap.bites == EV_BITES_PAYMENT;
            wide added = at_payment ? pay : commit;
            if (added <= 0)
                continue;
            ipart__cap_usage(p, &cap, row, &committed, &paid);
            wide total = (at_payment ? paid : committed) + added;
            if (total <= cap.amount.minor)
                continue;
            char used[IPART__MONEY_TEXT_SIZE], limit[IPART__MONEY_TEXT_SIZE];
            ipart__money_canonical(used, ipart__case_money(p, clamp(total)));
            ipart__money_canonical(limit, cap.amount);
            ipart__text message;
            for (int lang = 0; lang < IPART__LANGS; lang++)
                ipart__text_put(
                    &message, lang,
                    ipart__tr("cap.exceeded", "the %s cap '%s'%s%s: %s reach %s, above the cap %s%s",
                              lang),
                    scope_names[cap.scope], cap.id, row ? ipart__tr("cap.exceeded", " for ", lang) : "",
                    row ? row->id : "",
                    at_payment ? ipart__tr("cap.exceeded", "payments", lang)
                               : ipart__tr("cap.exceeded", "commitments", lang),
                    used, limit,
                    i == 0 ? ipart__tr("cap.exceeded", " (negotiate or scale down)", lang) : "");
            ipart_status rc = fn(ctx, &message);
            if (rc != IPART_OK)
                return rc;
        }
    }
    return IPART_OK;
}

typedef struct { const char *path, *field; } stop_ctx;

static ipart_status stop_at(void *ctx, const ipart__text *message)
{
    const stop_ctx *at = ctx;
    char path[256];
    ipart__field_path(path, sizeof path, at->path, at->field);
    ipart__text t = *message;
    return ipart__rule_violation_text("R33", path, "cap.exceeded", &t);
}

/* Check: a "stop" cap refuses the event. */
ipart_status ipart__caps_guard(const ipart_partnership *p, const ipart__event *ev,
                               const char *path, const char *field)
{
    stop_ctx at = {path, field};
    return caps_visit(p, ev, EV_POLICY_STOP, stop_at, &at);
}

typedef struct { ipart_partnership *p; ipart__prepared *pr; } warn_ctx;

static ipart_status warn_at(void *ctx, const ipart__text *message)
{
    warn_ctx *w = ctx;
    return ipart__warn_text(w->p, w->pr, "R33", "cap.exceeded", message);
}

/* Prepare: a "warn" cap records a warning. */
ipart_status ipart__caps_warn(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    warn_ctx w = {p, pr};
    return caps_visit(p, ev, EV_POLICY_WARN, warn_at, &w);
}

/* R25: development commitments far above the planned R&D value. */
ipart_status ipart__overrun_warning(ipart_partnership *p, const ipart__event *ev,
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
        char text[IPART__MONEY_TEXT_SIZE];
        ipart__money_canonical(text, m);
        return ipart__violationf("R22", path, "tender.development_price", "tender.compensation",
                                 "under partial compensation the development price is the "
                                 "authority's share of the declared cost: %s",
                                 text);
    }
    return IPART_OK;
}

ipart_status ipart__award_caps_check(const ipart_partnership *p, const ipart__event *ev,
                                     const char *path)
{
    if (ev->as.award.partners.count > IPART__MAX_PARTNERS)
        return ipart__invalid(path, "partners", "award.partners.many",
                              "at most 64 partners in one award");
    return ipart__caps_guard(p, ev, path, "partners");
}

size_t ipart__contract_bytes(const ipart__contract *c)
{
    return sizeof *c + c->phases * sizeof(ipart_money) +
           c->instalments * sizeof(ipart__instalment_state) +
           c->targets * sizeof(ipart__target_state) +
           c->joint_members * (c->instalments + 1) * sizeof(int64_t);
}

static size_t contract_bytes(const ipart_partnership *p)
{
    return sizeof(ipart__contract) + p->phase_count * sizeof(ipart_money) +
           p->instalment_count * sizeof(ipart__instalment_state) +
           p->target_count * sizeof(ipart__target_state) +
           ipart__joint_count(p) * (p->instalment_count + 1) * sizeof(int64_t);
}

ipart_status ipart__award_prepare(ipart_partnership *p, const ipart__event *ev,
                                  ipart__prepared *pr)
{
    ipart_status rc = ipart__caps_warn(p, ev, pr);
    if (rc == IPART_OK)
        rc = ipart__overrun_warning(p, ev, pr);
    for (size_t i = 0; rc == IPART_OK && i < ev->as.award.partners.count; i++) {
        const ipart__party *t = affected(p, ev, i);
        ipart__contract *c = ipart__calloc(1, contract_bytes(p));
        if (!c)
            return ipart__fail_nomem();
        ipart_money zero = ipart__case_money(p, 0);
        *c = (ipart__contract){.state = IPART__C_AWARDED, .phase = -1,
                               .original = t->development_price, .changes = zero,
                               .paid = zero, .settlement_paid = zero, .settled = zero,
                               .option_value = zero, .award_index = i,
                               .phases = p->phase_count,
                               .targets = p->target_count, .instalments = p->instalment_count,
                               .joint_members = ipart__joint_count(p)};
        pr->contracts[pr->contract_count++] = c;
    }
    return rc;
}

/* The shares of the schedules (R22): phase j of the plan, instalment j. */
static int64_t phase_share(const void *p, size_t j)
{
    return ipart__plan_phase(p, j)->share;
}

static int64_t instalment_share(const void *instalments, size_t j)
{
    return ((const ev_instalment *)instalments)[j].share;
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
    return ipart__schedule_part(t->development_price.minor, p->phase_count, k, phase_share, p);
}

/* Instalment i of phase k for a phase price: its share (the last the
 * remainder) or its fixed amount. */
static int64_t instalment_amount(const ev_phase *ph, size_t i, int64_t phase_price)
{
    const ev_instalment *in = ph->instalments.items;
    if (in[i].has_amount)
        return in[i].amount.minor;
    return ipart__schedule_part(phase_price, ph->instalments.count, i, instalment_share, in);
}

ipart_status ipart__signed_schedule_check(const ipart_partnership *p, const ipart__event *ev,
                                          const char *path)
{
    const ipart__party *t = ipart__party_find(p, ev->as.signed_.partner);
    const ev_phase_price *pp = ev->as.signed_.phase_prices.items;
    if (ev->as.signed_.has_phase_prices) {
        wide sum = 0;
        for (size_t i = 0; i < ev->as.signed_.phase_prices.count; i++) {
            int k = ipart__plan_phase_index(p, pp[i].phase);
            int twice = 0;
            for (size_t j = 0; j < i; j++)
                twice |= strcmp(pp[j].phase, pp[i].phase) == 0;
            if (k < 0 || twice || pp[i].price.minor < 0)
                return ipart__item_invalid(path, "phase_prices", i, "contract.phase_price",
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
            return ipart__violationf("R22", path, "phase_prices", "contract.instalments.sum",
                                     "the fixed instalments of phase '%s' must sum to exactly "
                                     "its price",
                                     ph->id);
        }
    }
    return ipart__caps_guard(p, ev, path, "phase_prices");
}

ipart_status ipart__signed_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr)
{
    return ipart__caps_warn(p, ev, pr);
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
        price[k] = ipart__case_money(p, signed_phase_price(p, ev, t, k));
        for (size_t i = 0; i < ph->instalments.count; i++) {
            is[base + i].amount = ipart__case_money(p, instalment_amount(ph, i, price[k].minor));
            is[base + i].paid = ipart__case_money(p, 0);
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

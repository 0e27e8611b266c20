/*
 * The events of the purchase stage and the IP rights (doc/events.md): the
 * acceptance test, the purchase option (exercised or lapsed), completion, and
 * the call-back of a partner's results (R36). Each guard names its rule.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/money_p.h"
#include "model/contract_p.h"
#include "model/guard_p.h"
#include "model/joint_p.h"
#include "model/programme_p.h"
#include "model/rights_p.h"
#include "rules/contract_math_p.h"

typedef ipart__wide wide;

/* solution_accepted -------------------------------------------------------------------------- */

static ipart_status accepted_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    return ipart__developing_may(p, actor, actor_id, IPART__EV_SOLUTION_ACCEPTED);
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
    ipart_status rc = ipart__find_contract(&c, p, ev->as.accepted.partner, path);
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
            return ipart__item_invalid(path, "performance_levels", i, "accept.level",
                                known ? "verified twice" : "no such performance level");
    }
    for (size_t j = 0; j < p->terms->option.performance_levels.count; j++)
        if (!level_result(ev, l[j].id)) {
            return ipart__violationf("R27", path, "performance_levels", "accept.level.missing",
                                     "the acceptance test verifies every performance level; "
                                     "'%s' is missing",
                                     l[j].id);
        }
    return IPART_OK;
}

static void accepted_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party *t = ipart__party_find(p, ev->as.accepted.partner);
    ipart__contract *c = t->contract;
    ipart__history_note(p, t); /* the rights at an earlier point */
    const ev_level_result *r = ev->as.accepted.levels.items;
    c->all_levels_met = 1;
    for (size_t i = 0; i < ev->as.accepted.levels.count; i++)
        c->all_levels_met &= r[i].met;
    c->state = IPART__C_ACCEPTED;
    p->stage = IPART_STAGE_PURCHASE;
}

const ipart__handler ipart__solution_accepted_handler = {accepted_may, accepted_check, NULL,
                                                         accepted_commit};

/* option_exercised --------------------------------------------------------------------------- */

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
    if (buyer == p->authority)
        return p->terms->option.quantity;
    if (buyer->role == IPART_ROLE_AUTHORITY) /* a joint authority (R51) */
        return ipart__joint_option_quantity(p, buyer);
    const ev_option_holder *h = p->terms->option.followers.items;
    const char *holder = ipart__option_holder_id(p, buyer->id); /* a merged follower's */
    for (size_t i = 0; i < p->terms->option.followers.count; i++)
        if (strcmp(h[i].follower, holder) == 0)
            return h[i].quantity;
    return -1;
}

/* R28: the buyer holds the option (the authority, or a follower named in it). */
static ipart_status holder_check(const ipart_partnership *p, const ipart__party *buyer,
                                 const char *path)
{
    if (option_quantity_of(p, buyer) >= 0)
        return IPART_OK;
    return ipart__violation("R28", path, "actor", "option.follower.unnamed",
                            "this follower is not named as an option holder in the terms: "
                            "its purchase would need a new competition");
}

static int accepted(const ipart__contract *c)
{
    return c->state == IPART__C_ACCEPTED || c->state == IPART__C_OPTION_EXERCISED;
}

/* R29, R27: the option is exercised on an accepted solution meeting every level
 * (`c` NULL: no solution at all). */
static ipart_status solution_check(const ipart__contract *c, const char *path)
{
    if (!c || !accepted(c))
        return ipart__violation("R29", path, "partner", "option.not_accepted",
                                "the option is exercised on a solution that passed its "
                                "acceptance test");
    if (!c->all_levels_met)
        return ipart__violation("R27", path, "partner", "option.levels",
                                "the acceptance test found a performance level unmet");
    return IPART_OK;
}

/* R28: the option is exercised on or before its expiry. */
static ipart_status expiry_check(const ipart_partnership *p, ipart_date date, const char *path)
{
    ipart_date x = p->terms->option.expires;
    if (!ipart__before(x, date))
        return IPART_OK;
    return ipart__violationf("R28", path, "date", "option.expired",
                             "the option expired on %04d-%02d-%02d: it may be exercised up to "
                             "and including that day",
                             x.year, x.month, x.day);
}

/* R28: `wanted` more units fit the buyer's quantity under the option. */
static ipart_status quantity_check(const ipart_partnership *p, const ipart__party *buyer,
                                   int64_t wanted, const char *path)
{
    int64_t allowed = option_quantity_of(p, buyer);
    if (buyer->option_quantity + wanted <= allowed)
        return IPART_OK;
    return ipart__violationf("R28", path, "quantity", "option.quantity",
                             "the option gives '%s' %lld units in all; %lld are bought already",
                             buyer->id, (long long)allowed, (long long)buyer->option_quantity);
}

static ipart_status option_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = ipart__find_contract(&c, p, ev->as.option.partner, path);
    if (rc != IPART_OK)
        return rc;
    const ipart__party *buyer = ipart__party_find(p, ev->actor);
    if ((rc = holder_check(p, buyer, path)) != IPART_OK ||
        (rc = solution_check(c, path)) != IPART_OK)
        return rc;
    if (ev->as.option.unit_price.minor < 0)
        return ipart__invalid(path, "unit_price", "option.price.negative", "must not be negative");
    if (ev->as.option.unit_price.minor > p->terms->option.max_unit_price.minor)
        return ipart__money_violation("R27", path, "unit_price", "option.max_cost",
                                      p->terms->option.max_unit_price,
                                      "the price exceeds the maximum cost of the option");
    if ((rc = expiry_check(p, ev->date, path)) != IPART_OK ||
        (rc = quantity_check(p, buyer, ev->as.option.quantity, path)) != IPART_OK)
        return rc;
    wide value = (wide)ev->as.option.quantity * ev->as.option.unit_price.minor;
    if (value < 0 || value + c->option_value.minor > INT64_MAX)
        return ipart__fail(IPART_EOVERFLOW, "option.value",
                           "quantity times unit price does not fit an amount");
    return ipart__caps_guard(p, ev, path, "unit_price");
}

/* A partner whose solution the option may buy; else solution_check's refusal:
 * R27 for an accepted solution with a level unmet, R29 when none is accepted. */
static ipart_status buyable_partner(const ipart__party **out, const ipart_partnership *p,
                                    const char *path)
{
    const ipart__contract *unmet = NULL;
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__contract *c = p->parties[i]->contract;
        if (!c || !accepted(c))
            continue;
        if (c->all_levels_met) {
            *out = p->parties[i];
            return IPART_OK;
        }
        unmet = c;
    }
    return solution_check(unmet, path);
}

/*
 * Whatever the payload: the buyer holds the option (R28), some solution can
 * be bought (R29, R27), the option has not expired (R28), one more unit fits
 * the buyer's quantity (R28) and one unit at the smallest positive price
 * (0.01) fits every stop cap (R33): the guards of option_check, in its order.
 */
ipart_status ipart__option_available(const ipart_partnership *p, const ipart__party *buyer,
                                     ipart_date date, const char *path)
{
    const ipart__party *partner = NULL;
    ipart_status rc;
    if ((rc = holder_check(p, buyer, path)) != IPART_OK ||
        (rc = buyable_partner(&partner, p, path)) != IPART_OK ||
        (rc = expiry_check(p, date, path)) != IPART_OK ||
        (rc = quantity_check(p, buyer, 1, path)) != IPART_OK)
        return rc;
    ipart__event smallest = {.type = IPART__EV_OPTION_EXERCISED, .date = date,
                             .actor = buyer->id};
    smallest.as.option.partner = partner->id;
    smallest.as.option.quantity = 1;
    smallest.as.option.unit_price = ipart__case_money(p, 1);
    return ipart__caps_guard(p, &smallest, path, "unit_price");
}

static ipart_status option_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr)
{
    return ipart__caps_warn(p, ev, pr);
}

static void option_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.option.partner)->contract;
    ipart__party *buyer = ipart__party_find(p, ev->actor);
    /* the rights at an earlier point; the partner's standing stays "accepted" */
    ipart__history_note(p, buyer);
    buyer->option_quantity += ev->as.option.quantity;
    buyer->options_from |= UINT64_C(1) << c->award_index;
    c->option_quantity += ev->as.option.quantity;
    c->option_value.minor += ev->as.option.quantity * ev->as.option.unit_price.minor;
    c->state = IPART__C_OPTION_EXERCISED;
}

const ipart__handler ipart__option_exercised_handler = {option_may, option_check, option_prepare,
                                                        option_commit};

/* option_lapsed ------------------------------------------------------------------------------ */

static ipart_status lapsed_may(const ipart_partnership *p, const ipart__party *actor,
                               const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_PURCHASE, IPART__EV_OPTION_LAPSED);
}

static ipart_status lapsed_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = ipart__find_contract(&c, p, ev->as.lapsed.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (c->state != IPART__C_ACCEPTED)
        return ipart__contract_state_error(c, ev->as.lapsed.partner,
                                           "an option lapses after acceptance, when it was not "
                                           "exercised");
    return ipart__need_reason(ev->as.lapsed.reason, path, "reason");
}

static void lapsed_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    /* still "accepted" for the rights (history_p.h): no change to keep */
    ipart__party_find(p, ev->as.lapsed.partner)->contract->state = IPART__C_OPTION_LAPSED;
}

const ipart__handler ipart__option_lapsed_handler = {lapsed_may, lapsed_check, NULL,
                                                     lapsed_commit};

/* partnership_completed ---------------------------------------------------------------------- */

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
        if (c && !ipart__contract_ended(c))
            return ipart__contract_state_error(c, p->parties[i]->id,
                                               "every contract must have ended (option "
                                               "exercised or lapsed, or terminated) before the "
                                               "partnership is completed");
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


/* ---- call_back_exercised ---------------------------------------------------- */

static ipart_status call_back_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    /* A call-back follows the partner's (lack of) exploitation: during or after the contract. */
    AUTHORITY_IN(p->stage >= IPART_STAGE_DEVELOPMENT && p->stage != IPART_STAGE_CANCELLED,
                 IPART__EV_CALL_BACK_EXERCISED);
}

static int condition_index(const ev_ipr *ipr, const char *id)
{
    const ev_ipr_condition *c = ipr->call_back.conditions.items;
    for (size_t i = 0; ipr->has_call_back && i < ipr->call_back.conditions.count; i++)
        if (strcmp(c[i].id, id) == 0)
            return (int)i;
    return -1;
}

static ipart_status call_back_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    const ev_ipr *ipr = &p->terms->ipr;
    if (ipr->regime != EV_IPR_SUPPLIER_OWNS_CALL_BACK || !ipr->has_call_back)
        return ipart__violation("R36", path, NULL, "call_back.not_in_terms",
                                "the IPR terms of the procurement documents give no call-back");
    const ipart__party *t = ipart__party_find(p, ev->as.call_back.partner);
    if (!t || t->role != IPART_ROLE_OPERATOR)
        return ipart__unknown_party(path, "partner", ev->as.call_back.partner);
    if (!t->contract || !t->contract_signed)
        return ipart__violation("R4", path, "partner", "contract.none",
                                "not a partner: no partnership contract has been signed with "
                                "this operator");
    if (t->contract->called_back)
        return ipart__fail(IPART_EEXISTS, "call_back.twice",
                           "the call-back on the results of '%s' was already exercised", t->id);
    if (condition_index(ipr, ev->as.call_back.condition) < 0)
        return ipart__violation("R36", path, "condition", "call_back.condition",
                                "not a call-back condition of the terms: a call-back cites one");
    return ipart__need_reason(ev->as.call_back.reason, path, "reason");
}

static void call_back_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__party *t = ipart__party_find(p, ev->as.call_back.partner);
    ipart__contract *c = t->contract;
    ipart__history_note(p, t); /* the rights at an earlier point */
    c->called_back = 1;
    c->call_back_condition = (size_t)condition_index(&p->terms->ipr, ev->as.call_back.condition);
}

const ipart__handler ipart__call_back_exercised_handler = {call_back_may, call_back_check, NULL,
                                                           call_back_commit};

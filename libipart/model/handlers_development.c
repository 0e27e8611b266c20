/*
 * The events of the development stage (doc/events.md): each partner's phases,
 * targets, instalments, changes and gates, and termination. Each guard names
 * its rule.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/money_p.h"
#include "model/contract_p.h"
#include "model/funding_p.h"
#include "model/guard_p.h"
#include "rules/contract_math_p.h"

typedef ipart__wide wide;

/* phase_started ------------------------------------------------------------------------------ */

static ipart_status phase_started_may(const ipart_partnership *p, const ipart__party *actor,
                                      const char *actor_id)
{
    return ipart__developing_may(p, actor, actor_id, IPART__EV_PHASE_STARTED);
}

static ipart_status phase_started_check(const ipart_partnership *p, const ipart__event *ev,
                                        const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = ipart__find_contract(&c, p, ev->as.phase.partner, path);
    if (rc != IPART_OK)
        return rc;
    int k = ipart__plan_phase_index(p, ev->as.phase.phase);
    if (k < 0)
        return ipart__invalid(path, "phase", "phase.unknown", "no such phase in the plan");
    if (c->state != IPART__C_SIGNED && c->state != IPART__C_PHASE_PASSED)
        return ipart__contract_state_error(c, ev->as.phase.partner,
                                           "a phase starts after the signature or after the "
                                           "gate of the phase before");
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

/* milestone_assessed ------------------------------------------------------------------------- */

static ipart_status milestone_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    return ipart__developing_may(p, actor, actor_id, IPART__EV_MILESTONE_ASSESSED);
}

static ipart_status milestone_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = ipart__find_contract(&c, p, ev->as.milestone.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (c->state != IPART__C_PHASE_ACTIVE && c->state != IPART__C_PHASE_REVIEW)
        return ipart__contract_state_error(c, ev->as.milestone.partner,
                                           "targets are assessed while their phase runs");
    if (ipart__plan_target_index(p, (size_t)c->phase, ev->as.milestone.target) < 0)
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
    ts[ipart__plan_target_index(p, k, ev->as.milestone.target)] =
        (ipart__target_state){1, ev->as.milestone.met};
    size_t base = ipart__plan_first_target(p, k), assessed = 0;
    size_t n = ipart__plan_phase(p, k)->targets.count;
    for (size_t i = 0; i < n; i++)
        assessed += (size_t)ts[base + i].assessed;
    c->state = assessed == n ? IPART__C_PHASE_REVIEW : IPART__C_PHASE_ACTIVE;
}

const ipart__handler ipart__milestone_assessed_handler = {milestone_may, milestone_check, NULL,
                                                          milestone_commit};

/* instalment_paid ---------------------------------------------------------------------------- */

static ipart_status paid_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    AUTHORITY_IN(ipart__developing(p) || p->stage == IPART_STAGE_TERMINATED ||
                     p->stage == IPART_STAGE_COMPLETED,
                 IPART__EV_INSTALMENT_PAID);
}

static ipart_status paid_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = ipart__find_contract(&c, p, ev->as.payment.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (ev->as.payment.amount.minor <= 0)
        return ipart__invalid(path, "amount", "payment.amount", "must be positive");
    int terminated = c->state == IPART__C_TERMINATED;
    if (terminated && ev->as.payment.amount.minor > c->settled.minor - c->paid.minor)
        return ipart__money_violation("R22", path, "amount", "payment.settlement",
                                      ipart__case_money(p, c->settled.minor - c->paid.minor),
                                      "a terminated partner is paid what was settled at "
                                      "termination, no more");
    if (!ev->as.payment.instalment) {
        if (!terminated)
            return ipart__violation("R22", path, "instalment", "payment.instalment.missing",
                                    "a payment names its instalment; only the settlement of a "
                                    "terminated partner has none");
        return ipart__caps_guard(p, ev, path, "amount");
    }
    size_t k = 0;
    int flat = ipart__plan_instalment_index(p, ev->as.payment.instalment, &k);
    if (flat < 0)
        return ipart__invalid(path, "instalment", "payment.instalment.unknown",
                              "no such instalment in the plan");
    const ev_instalment *in = (const ev_instalment *)ipart__plan_phase(p, k)->instalments.items +
                              ((size_t)flat - ipart__plan_first_instalment(p, k));
    if ((int)k > c->phase || !ipart__contract_instalment_approved(p, c, k, in))
        return ipart__violation("R22", path, "instalment", "payment.not_approved",
                                "an instalment is paid only when its target has been assessed "
                                "as met");
    const ipart__instalment_state *is = &ipart__contract_instalments(c)[flat];
    if (ev->as.payment.amount.minor > is->amount.minor - is->paid.minor)
        return ipart__money_violation("R22", path, "amount", "payment.above_schedule",
                                      ipart__case_money(p, is->amount.minor - is->paid.minor),
                                      "the payment exceeds what the schedule leaves of "
                                      "the instalment");
    return ipart__caps_guard(p, ev, path, "amount");
}

/* R22 and the caps, then the funding source it names (R33, model/funding.c). */
static ipart_status paid_guards(const ipart_partnership *p, const ipart__event *ev,
                                const char *path)
{
    ipart_status rc = paid_check(p, ev, path);
    return rc == IPART_OK ? ipart__funding_payment_check(p, ev, path) : rc;
}

static ipart_status paid_prepare(ipart_partnership *p, const ipart__event *ev,
                                 ipart__prepared *pr)
{
    return ipart__caps_warn(p, ev, pr);
}

static void paid_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.payment.partner)->contract;
    int64_t amount = ev->as.payment.amount.minor;
    c->paid.minor += amount;
    size_t k = 0;
    int flat = ev->as.payment.instalment
                   ? ipart__plan_instalment_index(p, ev->as.payment.instalment, &k)
                   : -1;
    if (flat >= 0)
        ipart__contract_instalments(c)[flat].paid.minor += amount;
    else
        c->settlement_paid.minor += amount;
    ipart__funding_payment_commit(p, ev);
}

const ipart__handler ipart__instalment_paid_handler = {paid_may, paid_guards, paid_prepare,
                                                       paid_commit};

/* contract_changed --------------------------------------------------------------------------- */

static ipart_status changed_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    return ipart__developing_may(p, actor, actor_id, IPART__EV_CONTRACT_CHANGED);
}

static ipart_status change_check(const ipart_partnership *p, const ipart__event *ev,
                                 const char *path)
{
    ipart__contract *c = NULL;
    ipart_status rc = ipart__find_contract(&c, p, ev->as.change.partner, path);
    if (rc != IPART_OK)
        return rc;
    if (ipart__contract_ended(c))
        return ipart__contract_state_error(c, ev->as.change.partner,
                                           "an ended contract cannot change");
    if (ev->as.change.delta.minor == 0)
        return ipart__invalid(path, "delta", "change.zero", "a change has a non-zero value");
    if (ev->as.change.phase && ipart__plan_phase_index(p, ev->as.change.phase) < 0)
        return ipart__invalid(path, "phase", "phase.unknown", "no such phase in the plan");
    size_t k = ipart__change_phase(p, ev);
    if ((int)k < c->phase || ((int)k == c->phase && c->state != IPART__C_PHASE_ACTIVE))
        return ipart__violation("R35", path, "phase", "change.phase_closed",
                                "a change alters the price of a phase not yet assessed");
    int64_t limit = ipart__contract_change_limit(p, c);
    wide net = (wide)c->changes.minor + ev->as.change.delta.minor;
    if (net > limit || -net > limit)
        return ipart__money_violation("R34", path, "delta", "change.headroom",
                                      ipart__case_money(p, limit),
                                      "the net cumulative changes of the contract would exceed its "
                                      "change headroom");
    const ev_phase *ph = ipart__plan_phase(p, k);
    size_t last = ipart__plan_first_instalment(p, k) + ph->instalments.count - 1;
    const ipart__instalment_state *is = &ipart__contract_instalments(c)[last];
    if ((wide)is->amount.minor + ev->as.change.delta.minor < is->paid.minor)
        return ipart__violation("R22", path, "delta", "change.below_paid",
                                "the change would take the phase's last instalment below what "
                                "has been paid on it");
    if ((rc = ipart__need_reason(ev->as.change.reason, path, "reason")) != IPART_OK)
        return rc;
    return ipart__caps_guard(p, ev, path, "delta");
}

static ipart_status change_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr)
{
    ipart_status rc = ipart__caps_warn(p, ev, pr);
    return rc == IPART_OK ? ipart__overrun_warning(p, ev, pr) : rc;
}

static void change_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.change.partner)->contract;
    size_t k = ipart__change_phase(p, ev);
    int64_t delta = ev->as.change.delta.minor;
    c->changes.minor += delta;
    ipart__contract_phase_prices(c)[k].minor += delta;
    size_t last =
        ipart__plan_first_instalment(p, k) + ipart__plan_phase(p, k)->instalments.count - 1;
    ipart__contract_instalments(c)[last].amount.minor += delta;
}

const ipart__handler ipart__contract_changed_handler = {changed_may, change_check,
                                                        change_prepare, change_commit};

/* phase_gate_decided ------------------------------------------------------------------------- */

static ipart_status gate_may(const ipart_partnership *p, const ipart__party *actor,
                             const char *actor_id)
{
    return ipart__developing_may(p, actor, actor_id, IPART__EV_PHASE_GATE_DECIDED);
}

static size_t active_partners(const ipart_partnership *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->party_count; i++)
        n += p->parties[i]->contract && !ipart__contract_ended(p->parties[i]->contract) &&
             p->parties[i]->contract->state != IPART__C_ACCEPTED;
    return n;
}

/* R24: the decision cites exactly the targets of the phase. */
static ipart_status gate_targets_check(const ipart_partnership *p, const ipart__event *ev,
                                       size_t k, const char *path)
{
    const char *const *ids = ev->as.gate.targets.items;
    for (size_t i = 0; i < ev->as.gate.targets.count; i++)
        if (ipart__plan_target_index(p, k, ids[i]) < 0)
            return ipart__item_violation("R24", path, "targets", i, "gate.targets",
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
    ipart_status rc = ipart__find_contract(&c, p, ev->as.gate.partner, path);
    if (rc != IPART_OK)
        return rc;
    int k = ipart__plan_phase_index(p, ev->as.gate.phase);
    if (k < 0)
        return ipart__invalid(path, "phase", "phase.unknown", "no such phase in the plan");
    if (k != c->phase || (c->state != IPART__C_PHASE_ACTIVE && c->state != IPART__C_PHASE_REVIEW))
        return ipart__contract_state_error(c, ev->as.gate.partner,
                                           "the gate decides on the running phase");
    if (c->state != IPART__C_PHASE_REVIEW)
        return ipart__violation("R24", path, "phase", "gate.mid_phase",
                                "only at a phase boundary: every target of the phase must be "
                                "assessed before the gate decides");
    if ((rc = gate_targets_check(p, ev, (size_t)k, path)) != IPART_OK)
        return rc;
    size_t base = ipart__plan_first_target(p, (size_t)k), unmet = 0;
    size_t n = ipart__plan_phase(p, (size_t)k)->targets.count;
    for (size_t i = 0; i < n; i++)
        unmet += (size_t)!ipart__contract_target_met(c, base + i);
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

static void terminate_contract(ipart_partnership *p, ipart__party *t)
{
    ipart__contract *c = t->contract;
    ipart__history_note(p, t); /* the rights at an earlier point */
    c->settled = ipart__case_money(p, ipart__contract_owed_on_termination(p, c));
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
    ipart__party *t = ipart__party_find(p, ev->as.gate.partner);
    ipart__contract *c = t->contract;
    if (ev->as.gate.decision == EV_GATE_TERMINATE) {
        terminate_contract(p, t);
        settle_stage(p);
        return;
    }
    c->state = (size_t)c->phase + 1 == c->phases ? IPART__C_DEVELOPED : IPART__C_PHASE_PASSED;
}

const ipart__handler ipart__phase_gate_decided_handler = {gate_may, gate_check, NULL,
                                                          gate_commit};

/* partnership_terminated --------------------------------------------------------------------- */

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
            return ipart__violationf("R24", path, NULL, "terminate.mid_phase",
                                     "only at a phase boundary: the phase of '%s' is still "
                                     "running",
                                     p->parties[i]->id);
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
            terminate_contract(p, p->parties[i]);
    }
    p->stage = IPART_STAGE_TERMINATED;
}

const ipart__handler ipart__partnership_terminated_handler = {terminated_may, terminated_check,
                                                              NULL, terminated_commit};

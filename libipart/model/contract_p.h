/*
 * Private: the partnership contract after the award (RULES.md E-H, b3):
 * the phase plan of the terms, each partner's contract (phases, targets,
 * instalments), the budget caps and the warnings. The event handlers of
 * the development and purchase stages live in handlers_development.c and
 * handlers_purchase.c; the earlier stages' handlers (handlers_*.c) call the
 * hooks below where the award and the contract touch the plan and the caps.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_CONTRACT_P_H
#define IPART_MODEL_CONTRACT_P_H

#include "core/strbuf_p.h"
#include "ipart/contract.h"
#include "model/partnership_p.h"

/* ---- the plan of the terms ---------------------------------------------- */

/* R2, R20-R23, R26, R28, R32-R34: the contract parts of terms_set. */
ipart_status ipart__contract_terms_check(const ipart_partnership *p, const ev_terms *t,
                                         const char *path);

/* Count the phases, targets and instalments of the plan (terms commit). */
void ipart__plan_measure(ipart_partnership *p);

/* ---- hooks of the procedure's events --------------------------------------- */

/* Tender: partial compensation needs the declared cost (R22). */
ipart_status ipart__tender_compensation_check(const ipart_partnership *p, const ipart__event *ev,
                                              const char *path);

/* Award: the caps (R33); then one contract per partner. */
ipart_status ipart__award_caps_check(const ipart_partnership *p, const ipart__event *ev,
                                     const char *path);
ipart_status ipart__award_prepare(ipart_partnership *p, const ipart__event *ev,
                                  ipart__prepared *pr);

/* Signature: the schedule of the contract (R22) and the phase caps. */
ipart_status ipart__signed_schedule_check(const ipart_partnership *p, const ipart__event *ev,
                                          const char *path);
ipart_status ipart__signed_prepare(ipart_partnership *p, const ipart__event *ev,
                                   ipart__prepared *pr);
void ipart__signed_schedule_commit(ipart_partnership *p, const ipart__event *ev);

/* Terms: the proportionality warning (R23). */
ipart_status ipart__terms_prepare_warnings(ipart_partnership *p, const ipart__event *ev,
                                           ipart__prepared *pr);

/* ---- the development and purchase events' common guards ------------------------ */

/* In development or purchase. */
int ipart__developing(const ipart_partnership *p);

/* may_send of a development event: the authority, while developing. */
ipart_status ipart__developing_may(const ipart_partnership *p, const ipart__party *actor,
                                   const char *actor_id, ipart__event_type type);

/* The partner a development event names: a party with a signed contract
 * (R4; IPART_ENOTFOUND for no party), at path.partner. */
ipart_status ipart__find_contract(ipart__contract **out, const ipart_partnership *p,
                                  const char *id, const char *path);

/* IPART_ESTATE: the contract with `id` is not in the state the event needs. */
ipart_status ipart__contract_state_error(const ipart__contract *c, const char *id,
                                         const char *wanted);

/* ---- reading a contract ------------------------------------------------------------ */

const ev_phase *ipart__plan_phase(const ipart_partnership *p, size_t k);
/* Indexes in the plan, -1 when not found: a phase by id; a target of phase
 * k (flat index over the plan); an instalment (flat index, and its phase). */
int ipart__plan_phase_index(const ipart_partnership *p, const char *id);
int ipart__plan_target_index(const ipart_partnership *p, size_t k, const char *id);
int ipart__plan_instalment_index(const ipart_partnership *p, const char *id, size_t *phase);
size_t ipart__plan_first_target(const ipart_partnership *p, size_t k);
size_t ipart__plan_first_instalment(const ipart_partnership *p, size_t k);

/* The bytes of a contract's allocation (the contract and its arrays). */
size_t ipart__contract_bytes(const ipart__contract *c);

/* An amount in the case's currency. */
ipart_money ipart__case_money(const ipart_partnership *p, int64_t minor);

/* Terminated, or its option exercised or lapsed. */
int ipart__contract_ended(const ipart__contract *c);

/* The target (flat index) was assessed as met. */
int ipart__contract_target_met(const ipart__contract *c, size_t flat);

/* An instalment of phase k whose target was assessed as met (R22). */
int ipart__contract_instalment_approved(const ipart_partnership *p, const ipart__contract *c,
                                        size_t k, const ev_instalment *in);

/* The contract's state name ("phase_active"...). */
const char *ipart__contract_state_name(ipart__contract_state s);

/* What the contract commits now: its value, or what was settled on termination. */
int64_t ipart__contract_commitment(const ipart__contract *c);

/* Everything owed if the partner were terminated now (RULES.md (c)). */
int64_t ipart__contract_owed_on_termination(const ipart_partnership *p, const ipart__contract *c);

/* R34: the largest net change of this contract. */
int64_t ipart__contract_change_limit(const ipart_partnership *p, const ipart__contract *c);

/* Instalments payable now: approved and not yet fully paid (R22). */
int64_t ipart__contract_payable(const ipart_partnership *p, const ipart__contract *c);

/* The payments still to come, in order (ipart_partnership_payment_at):
 * `each` is called per row until it returns nonzero. Returns the total of
 * the rows walked, saturated at INT64_MAX. */
typedef int (*ipart__payment_fn)(const ipart_payment *row, void *ctx);
int64_t ipart__payments_each(const ipart_partnership *p, ipart__payment_fn each, void *ctx);

/* The earliest phase due date or option expiry; 0 when none is pending. */
int ipart__contract_next_due(ipart_due *out, const ipart_partnership *p);

/* ---- caps ---------------------------------------------------------------------------- */

/* The caps: index 0 is the development cap of the budget (R33), then the
 * terms' caps. */
size_t ipart__cap_count(const ipart_partnership *p);
ev_cap ipart__cap_get(const ipart_partnership *p, size_t i);

/* R33 in check: a "stop" cap the event would exceed refuses it, at path.field. */
ipart_status ipart__caps_guard(const ipart_partnership *p, const ipart__event *ev,
                               const char *path, const char *field);
/* R33 in prepare: a "warn" cap the event exceeds records a warning. */
ipart_status ipart__caps_warn(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr);
/* R25 in prepare: warn when development commitments pass the R&D value and margin. */
ipart_status ipart__overrun_warning(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr);
/* The phase a contract change alters: the named one, else the last. */
size_t ipart__change_phase(const ipart_partnership *p, const ipart__event *ev);

/* A cap's use, for one partner's row of a "partner" cap (else NULL). */
void ipart__cap_usage(const ipart_partnership *p, const ev_cap *cap, const ipart__party *partner,
                      int64_t *committed, int64_t *paid);

#endif

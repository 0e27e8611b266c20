/** @file
 * libipart - the partnership contract after the award: each partner's
 * phases, targets and instalments, the budget caps, the warnings and the
 * proportionality check (doc/rules.md R20-R35; doc/partnership.md).
 *
 * Threading and ownership as in partnership.h: one thread at a time per
 * partnership; `const char *` fields are borrowed from the partnership and
 * valid until it is next modified or freed; `char **out` results are owned
 * by the caller (ipart_free()).
 *
 * Audience: a handle from ipart_partnership_as_party() (scope.h) answers
 * what its party may see: rows about other operators are left out of
 * counts and indices, and a call naming another operator's item, or one
 * that is the contracting authority's alone, fails with IPART_EPERM (rule
 * R19). doc/scope.md gives the audience of every function here.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CONTRACT_H
#define IPART_CONTRACT_H

#include "common.h"
#include "errors.h"
#include "money.h"
#include "partnership.h"

/** One partner's contract. */
typedef struct ipart_partner_status {
    const char *partner;   /**< the operator's id */
    const char *state;     /**< "awarded", "signed", "phase_active", "phase_review",
                                "phase_passed", "developed", "accepted",
                                "option_exercised", "option_lapsed", "terminated" */
    const char *phase;     /**< the current (or last) phase's id; "" before the first */
    int phase_index;       /**< its index in the plan; -1 before the first */
    ipart_money original;  /**< the development price awarded */
    ipart_money changes;   /**< net cumulative contract changes (R34) */
    ipart_money change_limit; /**< the largest net change allowed (R34) */
    ipart_money value;     /**< what the contract commits: original + changes, or
                                what was settled on termination */
    ipart_money paid;      /**< instalments and settlements paid */
    ipart_money payable;   /**< instalments approved and not yet paid (R22) */
    ipart_money owed_on_termination; /**< still to pay if terminated now (or,
                                          terminated, still to pay of the settlement) */
    int64_t option_quantity;  /**< units bought under the option, all buyers */
    ipart_money option_value; /**< their price */
} ipart_partner_status;

/** One row of a budget cap: a cap of scope "partner" has a row per partner. */
typedef struct ipart_cap_status {
    const char *cap;     /**< its id; "development_cap" is the budget's (R33) */
    const char *scope;   /**< "development", "partner", "phase", "purchase" */
    const char *phase;   /**< scope "phase": the phase's id; else "" */
    const char *partner; /**< scope "partner": the partner's id; else "" */
    const char *bites;   /**< "commitment" or "payment" */
    const char *policy;  /**< "stop" or "warn" */
    ipart_money amount;    /**< the cap */
    ipart_money committed; /**< commitments now (awards, changes, options) */
    ipart_money paid;      /**< payments now */
    ipart_money headroom;  /**< amount - committed (or - paid where it bites at
                                payment); negative when a "warn" cap is exceeded */
} ipart_cap_status;

/** A warning: the log broke no rule, but something should be looked at. */
typedef struct ipart_warning {
    size_t event;        /**< the index of the event that raised it */
    const char *rule;    /**< "R17", "R23", "R25", "R33" */
    const char *key;     /**< a stable message key ("cap.exceeded"...) */
    const char *message; /**< English */
    const char *message_nb; /**< the same message in Norwegian bokmål (doc/languages.md) */
} ipart_warning;

/** R23/R25: the purchase against the development investment. */
typedef struct ipart_proportionality {
    ipart_money development_value; /**< the maximum R&D value of the terms */
    ipart_money purchase_value;    /**< the estimated purchase value */
    ipart_money committed;         /**< development commitments now */
    int64_t ratio;          /**< purchase / development value, basis points (10000 = 1x);
                                 -1 when the development value is 0 */
    int64_t min_ratio;      /**< the warning band of the terms (defaults 10000 .. 500000) */
    int64_t max_ratio;      /**< the upper end of that band, basis points */
    int64_t overrun_margin; /**< R25: basis points above the development value (default 2000) */
    int outside_band;       /**< R23: the ratio is outside the band */
    int overrun;            /**< R25: commitments exceed the development value by more
                                 than the margin */
} ipart_proportionality;

/** One phase of a partner's contract (ipart_partnership_partner_phase_at()). */
typedef struct ipart_partner_phase {
    const char *id;         /**< the phase's id in the plan */
    const char *kind;       /**< "rnd", "prototype", "test_pilot", "pre_series" */
    ipart_date due;         /**< its due date */
    ipart_money price;      /**< this partner's price for the phase */
    const char *state;      /**< "pending", "active", "review", "passed", "ended" */
    size_t target_count;    /**< its targets: ipart_partnership_partner_target_at() */
    size_t instalment_count; /**< its instalments: ipart_partnership_partner_instalment_at() */
} ipart_partner_phase;

/** A target of a phase and whether the partner met it (R21). */
typedef struct ipart_partner_target {
    const char *id;         /**< the target's id in the terms */
    const char *status;     /**< "pending", "met", "not_met" */
} ipart_partner_target;

/** An instalment of a phase for one partner (R22). */
typedef struct ipart_partner_instalment {
    const char *id;         /**< the instalment's id in the terms */
    const char *target;     /**< the target whose approval makes it payable */
    ipart_money amount;     /**< what the schedule pays for it */
    ipart_money paid;       /**< what has been paid of it so far */
    int payable;            /**< 1 when approved and not yet paid in full */
} ipart_partner_instalment;

/**
 * A payment still to come (ipart_partnership_payment_at()): what is left of
 * an instalment of a running contract, or the unpaid settlement of a
 * terminated partner (then `phase` and `instalment` are "" and `has_due` 0).
 */
typedef struct ipart_payment {
    const char *partner;    /**< the partner paid */
    const char *phase;      /**< the phase's id, or "" for a settlement */
    const char *instalment; /**< the instalment's id, or "" for a settlement */
    int has_due;            /**< 1 when `due` holds the phase's due date */
    ipart_date due;         /**< the phase's due date, when `has_due` */
    ipart_money amount;     /**< what is left to pay */
    int payable;            /**< 1 when its target is met (always for a settlement) */
} ipart_payment;

IPART_BEGIN_DECL

/**
 * A partner's contract.
 * @return IPART_OK; IPART_ENOTFOUND when `partner` is not an awarded
 *         operator; IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_partner_status(ipart_partner_status *out,
                                                        const ipart_partnership *partnership,
                                                        const char *partner);

/**
 * Number of phases of a partner's contract: those of the plan once it is
 * signed, 0 while it is only awarded, for an unknown partner or NULL.
 */
IPART_API size_t ipart_partnership_partner_phase_count(const ipart_partnership *partnership,
                                                       const char *partner);

/**
 * The index-th phase of a partner's contract.
 * @return IPART_OK; IPART_ENOTFOUND for a partner that is not awarded or
 *         an index past the end; IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_partner_phase_at(ipart_partner_phase *out,
                                                          const ipart_partnership *partnership,
                                                          const char *partner, size_t phase);

/** The index-th target of a phase. @return as ipart_partnership_partner_phase_at(). */
IPART_API ipart_status ipart_partnership_partner_target_at(ipart_partner_target *out,
                                                           const ipart_partnership *partnership,
                                                           const char *partner, size_t phase,
                                                           size_t index);

/** The index-th instalment of a phase. @return as ipart_partnership_partner_phase_at(). */
IPART_API ipart_status ipart_partnership_partner_instalment_at(
    ipart_partner_instalment *out, const ipart_partnership *partnership, const char *partner,
    size_t phase, size_t index);

/**
 * JSON export of a partner's contract (owned by the caller), written from
 * ipart_partnership_partner_status() and the phase, target and instalment
 * accessors: `{"partner", "state", "phase", ..., "phases": [{"id", "kind",
 * "due", "price", "state", "targets": [{"id", "status"}], "instalments":
 * [{"id", "target", "amount", "paid", "payable"}]}]}`.
 * @return as ipart_partnership_partner_status(); IPART_ENOMEM.
 */
IPART_API ipart_status ipart_partnership_partner_json(char **out,
                                                      const ipart_partnership *partnership,
                                                      const char *partner);

/** Number of cap rows (0 before terms_set). */
IPART_API size_t ipart_partnership_cap_count(const ipart_partnership *partnership);

/** The index-th cap row. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_cap_at(ipart_cap_status *out,
                                                const ipart_partnership *partnership,
                                                size_t index);

/**
 * Would `amount` more fit under a cap, on the measure where it bites?
 * *out is 1 or 0. `partner` names the row of a "partner" cap (else NULL).
 * @return IPART_OK; IPART_ENOTFOUND for an unknown cap or partner;
 *         IPART_EINVAL when a "partner" cap is asked without a partner;
 *         IPART_ECURRENCY for another currency; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_cap_fits(int *out, const ipart_partnership *partnership,
                                                  const char *cap, const char *partner,
                                                  ipart_money amount);

/** Number of warnings raised by the log. */
IPART_API size_t ipart_partnership_warning_count(const ipart_partnership *partnership);

/** The index-th warning. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_warning_at(ipart_warning *out,
                                                    const ipart_partnership *partnership,
                                                    size_t index);

/** R23/R25. @return IPART_OK; IPART_ESTATE before terms_set; IPART_EMISUSE. */
IPART_API ipart_status ipart_partnership_proportionality(ipart_proportionality *out,
                                                         const ipart_partnership *partnership);

/**
 * Number of payments still to come (0 for NULL). Counting walks every
 * contract's instalments.
 */
IPART_API size_t ipart_partnership_payment_count(const ipart_partnership *partnership);

/**
 * The index-th payment still to come, partner by partner in the order of
 * the plan: every instalment of a running contract with something left to
 * pay, and the unpaid settlement of a terminated partner.
 * @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_payment_at(ipart_payment *out,
                                                    const ipart_partnership *partnership,
                                                    size_t index);

/**
 * The sum of the payments still to come (capped at the largest amount).
 * @return IPART_OK; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_payment_total(ipart_money *out,
                                                       const ipart_partnership *partnership);

/**
 * JSON export of the payments still to come (owned by the caller), written
 * from ipart_partnership_payment_at(): `{"payments": [{"partner", "phase",
 * "instalment", "due", "amount", "payable"}], "total": "..."}`; a
 * settlement has `phase`, `instalment` and `due` null.
 * @return IPART_OK; IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_forecast_json(char **out,
                                                       const ipart_partnership *partnership);

/**
 * What if: apply `events_json` (a JSON array of events) to a clone and
 * report, leaving `partnership` untouched. The events are applied in order
 * until one is refused. The report (owned by the caller) is `{"applied": n,
 * "refused": null | {"index", "code", "rule", "path", "message", "message_nb"}, "stage",
 * "next_due": null | {"kind", "date", "event_type"}, "caps": [{"cap",
 * "partner", "committed", "paid", "headroom"}], "partners": [{"partner",
 * "state", "phase", "paid", "payable", "owed_on_termination"}], "forecast":
 * {as ipart_partnership_forecast_json}, "warnings": [{"event", "rule",
 * "message", "message_nb"}] (those the scenario raised)}`; each message in
 * English and in Norwegian bokmål (doc/languages.md).
 * A refused event is part of the answer, not an error of this call.
 * The scenario's clone costs microseconds (doc/performance.md).
 * @return IPART_OK; IPART_EPARSE (not JSON); IPART_EINVAL (not an array);
 *         IPART_ERANGE and the others of the input limits of
 *         ipart_partnership_apply(); IPART_ENOMEM; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_partnership_what_if_json(char **out,
                                                      const ipart_partnership *partnership,
                                                      const char *events_json);

IPART_END_DECL

#endif /* IPART_CONTRACT_H */

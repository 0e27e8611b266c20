/*
 * libipart - joint contracting authorities (rule R51, doc/joint.md; Dir. 2014/24/EU
 * Art. 38-39): several authorities acting as one buyer, each
 * with its cost share, risk share, option quantity and cap.
 *
 * Threading and ownership as in partnership.h: one thread at a time per
 * partnership; `const char *` fields are borrowed from the partnership and
 * valid until it is next modified or freed.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_JOINT_H
#define IPART_JOINT_H

#include "common.h"
#include "errors.h"
#include "money.h"
#include "partnership.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One joint authority's budget view (the members of the terms' joint block). */
typedef struct ipart_authority_budget {
    const char *authority;  /**< the authority's id */
    int lead;               /**< 1 for the lead (the authority of partnership_created) */
    int64_t share;          /**< cost-share key, basis points */
    int64_t risk_share;     /**< risk-share key on termination, basis points */
    ipart_money committed;  /**< development: its part of every contract's value
                                 (cost key; a terminated contract's settlement by
                                 the risk key) */
    ipart_money option_committed; /**< the option purchases it bears: its cost share
                                       of the lead's, all of its own */
    ipart_money paid;       /**< instalments and settlements it paid */
    ipart_money cap;        /**< its own cap on development commitments; without
                                 one, its cost share of the budget's development cap */
    int own_cap;            /**< 1 when the terms give it its own cap */
    ipart_money headroom;   /**< cap - committed; negative when over */
} ipart_authority_budget;

/** The number of members of the terms' joint block (0 when not joint, or NULL). */
IPART_API size_t ipart_partnership_joint_count(const ipart_partnership *partnership);

/**
 * The budget view of the index-th member of the joint block (terms order,
 * 0 .. ipart_partnership_joint_count() - 1). Parts are split exactly: the
 * members' parts of an amount add up to it (largest remainder, ties to the earlier member).
 * @return IPART_OK; IPART_ENOTFOUND for an index out of range;
 *         IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_authority_budget_at(ipart_authority_budget *out,
                                                             const ipart_partnership *partnership,
                                                             size_t index);

/**
 * The budget view of the member with id `authority`.
 * @return IPART_OK; IPART_ENOTFOUND when it is not a member of the joint block;
 *         IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_authority_budget(ipart_authority_budget *out,
                                                          const ipart_partnership *partnership,
                                                          const char *authority);

/**
 * An external funding source (funding_granted; doc/funding.md): a grant or
 * co-funding, with what the payments that name it (instalment_paid's
 * `funded_by`) drew on it. Reported beside the caps and the authorities'
 * budget views, never part of them: a cap limits what the buyer commits, a
 * source says who pays for it.
 */
typedef struct ipart_funding_source {
    const char *source;        /**< its id (instalment_paid's `funded_by`) */
    const char *funder;        /**< the funder's name ("Innovasjon Norge") */
    const char *funder_org_no; /**< the funder's organisation number; "" when not given */
    const char *granted_to;    /**< the authority it was granted to; "" for the buyer as a
                                    whole (any authority of the buyer pays from it) */
    const char *pays_for;      /**< what it may pay for, the words of the event separated
                                    by a space ("instalments", "settlements", phase kinds);
                                    "" for every payment */
    ipart_date granted;        /**< the date of its funding_granted */
    int has_valid_until;       /**< 1 when the grant letter limits its validity */
    ipart_date valid_until;    /**< the last day a payment may draw on it */
    ipart_money amount;        /**< the amount granted */
    ipart_money drawn;         /**< the payments that named it */
    ipart_money remaining;     /**< amount - drawn (never negative) */
} ipart_funding_source;

/** The number of funding sources granted (0 for none, or NULL). */
IPART_API size_t ipart_partnership_funding_count(const ipart_partnership *partnership);

/**
 * The index-th funding source, in the order they were granted
 * (0 .. ipart_partnership_funding_count() - 1).
 * @return IPART_OK; IPART_ENOTFOUND for an index out of range;
 *         IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_funding_at(ipart_funding_source *out,
                                                    const ipart_partnership *partnership,
                                                    size_t index);

/**
 * The funding source with id `source`.
 * @return IPART_OK; IPART_ENOTFOUND when no source with that id was granted;
 *         IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_partnership_funding(ipart_funding_source *out,
                                                 const ipart_partnership *partnership,
                                                 const char *source);

#ifdef __cplusplus
}
#endif

#endif

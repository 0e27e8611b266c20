// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * One joint contracting authority's budget view (ipart_authority_budget, R51).
 *
 * @param authority the authority's id
 * @param lead true for the lead (the authority of partnership_created)
 * @param share its cost-share key, basis points
 * @param riskShare its risk-share key on termination, basis points
 * @param committed its part of every contract's value (cost key; a terminated
 *        contract's settlement by the risk key)
 * @param optionCommitted the option purchases it bears (its cost share of the
 *        lead's, all of its own)
 * @param paid the instalments and settlements it paid
 * @param cap its own cap on development commitments, else its cost share of the
 *        development cap
 * @param ownCap true when the terms give it its own cap
 * @param headroom cap minus committed (negative when over)
 */
public record AuthorityBudget(String authority, boolean lead, long share, long riskShare,
                              Money committed, Money optionCommitted, Money paid, Money cap,
                              boolean ownCap, Money headroom) {}

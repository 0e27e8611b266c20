// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.Optional;

/**
 * One partner's contract (ipart_partner_status).
 *
 * @param partner the operator's id
 * @param state "awarded", "signed", "phase_active", "phase_review", "phase_passed",
 *        "developed", "accepted", "option_exercised", "option_lapsed" or "terminated"
 * @param phase the current (or last) phase's id, empty before the first
 * @param original the development price awarded
 * @param changes net cumulative contract changes (R34)
 * @param changeLimit the largest net change allowed (R34)
 * @param value what the contract commits: original + changes, or the settlement
 * @param paid instalments and settlements paid
 * @param payable instalments approved and not yet paid (R22)
 * @param owedOnTermination still to pay if terminated now
 * @param optionQuantity units bought under the option from this partner
 * @param optionValue their price
 */
public record PartnerStatus(String partner, String state, Optional<String> phase, Money original,
                            Money changes, Money changeLimit, Money value, Money paid,
                            Money payable, Money owedOnTermination, long optionQuantity,
                            Money optionValue) {}

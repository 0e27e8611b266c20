// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.List;

/**
 * One phase of a partner's contract (ipart_partner_phase).
 *
 * @param id the phase's id in the plan
 * @param kind "rnd", "prototype", "test_pilot" or "pre_series"
 * @param due its due date
 * @param price this partner's price for the phase
 * @param state "pending", "active", "review", "passed" or "ended"
 * @param targets its targets (R21)
 * @param instalments its instalments (R22)
 */
public record PartnerPhase(String id, String kind, LocalDate due, Money price, String state,
                           List<Target> targets, List<Instalment> instalments) {
    /**
     * A target and whether the partner met it.
     *
     * @param id the target's id
     * @param status "pending", "met" or "not_met"
     */
    public record Target(String id, String status) {}

    /**
     * An instalment of the phase for this partner.
     *
     * @param id the instalment's id
     * @param target the target whose approval makes it payable
     * @param amount its amount
     * @param paid what was paid of it
     * @param payable approved and not yet paid in full
     */
    public record Instalment(String id, String target, Money amount, Money paid,
                             boolean payable) {}
}

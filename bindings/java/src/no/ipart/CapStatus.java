// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.Optional;

/**
 * One row of a budget cap (ipart_cap_status, R33).
 *
 * @param cap its id; "development_cap" is the budget's
 * @param scope "development", "partner", "phase" or "purchase"
 * @param phase the phase of a "phase" cap
 * @param partner the partner of a "partner" cap's row
 * @param bites "commitment" or "payment"
 * @param policy "stop" or "warn"
 * @param amount the cap
 * @param committed commitments now
 * @param paid payments now
 * @param headroom what is left on the measure where it bites (negative past a "warn" cap)
 */
public record CapStatus(String cap, String scope, Optional<String> phase, Optional<String> partner,
                        String bites, String policy, Money amount, Money committed, Money paid,
                        Money headroom) {}

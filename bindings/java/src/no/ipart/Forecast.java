// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The payments still to come, partner by partner in the order of the plan.
 *
 * @param payments the rows
 * @param total their sum
 */
public record Forecast(List<Payment> payments, Money total) {
    /**
     * What is left of an instalment, or (phase, instalment and due empty)
     * the unpaid settlement of a terminated partner (ipart_payment).
     *
     * @param partner the partner's id
     * @param phase the phase's id
     * @param instalment the instalment's id
     * @param due the phase's due date
     * @param amount what is left to pay
     * @param payable its target is met (always for a settlement)
     */
    public record Payment(String partner, Optional<String> phase, Optional<String> instalment,
                          Optional<LocalDate> due, Money amount, boolean payable) {}
}

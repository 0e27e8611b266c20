// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/**
 * The estimated value (R30) against the EEA threshold in force (R3).
 *
 * @param estimatedValue the maximum R&amp;D value plus the estimated purchase value
 * @param threshold the EEA threshold in force at the notice date
 * @param above whether estimatedValue is at or above the threshold
 * @param validFrom the first day the threshold was in force
 */
public record ThresholdVerdict(Money estimatedValue, Money threshold, boolean above,
                               LocalDate validFrom) {}

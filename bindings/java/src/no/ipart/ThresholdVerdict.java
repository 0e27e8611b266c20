// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/** Estimated value (R30) against the EEA threshold in force (R3). */
public record ThresholdVerdict(Money estimatedValue, Money threshold, boolean above,
                               LocalDate validFrom) {}

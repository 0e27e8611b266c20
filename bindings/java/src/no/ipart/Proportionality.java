// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.OptionalLong;

/**
 * The purchase against the development investment (R23, R25); ratios in
 * basis points (10000 = 1x).
 *
 * @param developmentValue the maximum R&amp;D value of the terms
 * @param purchaseValue the estimated purchase value
 * @param committed development commitments now
 * @param ratio purchase / development value, empty when the development value is 0
 * @param minRatio the lower end of the warning band
 * @param maxRatio the upper end of the warning band
 * @param overrunMargin R25: how far commitments may exceed the development value
 * @param outsideBand R23: the ratio is outside the band
 * @param overrun R25: commitments exceed the development value by more than the margin
 */
public record Proportionality(Money developmentValue, Money purchaseValue, Money committed,
                              OptionalLong ratio, long minRatio, long maxRatio, long overrunMargin,
                              boolean outsideBand, boolean overrun) {}

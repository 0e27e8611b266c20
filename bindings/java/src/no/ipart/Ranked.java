// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A tenderer of the last evaluation, best first (ipart_ranked).
 *
 * @param tenderer the operator's id
 * @param rank 1 = best; tied tenderers share a rank
 * @param tied another tenderer has the same total
 * @param points its total out of 100 points (six decimals)
 * @param scores its points per award criterion id (weights included), in the
 *        order of the terms; they add up to {@code points}
 */
public record Ranked(String tenderer, int rank, boolean tied, BigDecimal points,
                     Map<String, BigDecimal> scores) {}

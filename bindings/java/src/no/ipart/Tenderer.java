// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An economic operator's standing in the competition (ipart_tenderer).
 *
 * @param id the operator's id
 * @param name its name
 * @param status as {@link Party#status()} ("invited", "partner"...)
 * @param qualified its request was assessed as qualified
 * @param invited it was invited to tender
 * @param eliminated a reduction or rejection left it out
 * @param tender its latest tender, empty until it submits one
 */
public record Tenderer(String id, String name, String status, boolean qualified, boolean invited,
                       boolean eliminated, Optional<Tender> tender) {
    /**
     * A tenderer's latest tender.
     *
     * @param kind "initial", "intermediate" or "final"
     * @param version 1 for the first, counting resubmissions
     * @param price the evaluated price
     * @param developmentPrice its price of the development (R33)
     * @param date the day it was submitted
     */
    public record Tender(String kind, int version, Money price, Money developmentPrice,
                         LocalDate date) {}
}

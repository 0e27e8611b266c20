// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An external funding source (ipart_funding_source, recorded by funding_granted):
 * a grant or co-funding with what the payments naming it drew. Reported beside the
 * caps and the authorities' budget views, never part of them (doc/funding.md).
 *
 * @param source its id (instalment_paid's {@code funded_by})
 * @param funder the funder's name
 * @param funderOrgNo the funder's organisation number, when given
 * @param grantedTo the authority it was granted to; empty for the buyer as a whole
 * @param paysFor what it may pay for ("instalments", "settlements", phase kinds);
 *        empty for every payment
 * @param granted the date of its funding_granted
 * @param validUntil the last day a payment may draw on it, when the grant letter says
 * @param amount the amount granted
 * @param drawn the payments that named it
 * @param remaining amount minus drawn
 */
public record FundingSource(String source, String funder, Optional<String> funderOrgNo,
                            Optional<String> grantedTo, List<String> paysFor, LocalDate granted,
                            Optional<LocalDate> validUntil, Money amount, Money drawn,
                            Money remaining) {}

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/**
 * One facet of a need mapping (ipart_need_facet, R1).
 *
 * @param mapping the mapping's id
 * @param date the mapping's date
 * @param facet "technology", "strategy", "organisation", "business_development", "market",
 *     "users", "legal" or "other"
 * @param finding what the mapping found
 * @param evidence its pieces of evidence (source, date, who)
 * @param consulted the groups of users and stakeholders the mapping consulted
 * @param described whether the need description rests on this mapping
 */
public record NeedFacet(String mapping, LocalDate date, String facet, String finding,
                        long evidence, long consulted, boolean described) {}

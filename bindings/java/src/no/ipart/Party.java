// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * A party: the authority, a follower or an economic operator.
 *
 * @param id the party's id
 * @param name the party's name
 * @param role its role
 * @param kind the authority kind ("sub_central"...), "" for operators
 * @param status operators: "applied", "qualified", "rejected", "invited",
 *        "declined" (no tender by the tender deadline), "tendering", "not_awarded"
 *        (tendered, left out of the award), "eliminated", "awarded", "partner",
 *        "terminated"; others ""
 */
public record Party(String id, String name, Role role, String kind, String status) {}

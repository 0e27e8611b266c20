// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * A party: the authority, a follower or an economic operator.
 *
 * @param id the party's id
 * @param name the party's name
 * @param role its role
 * @param kind the authority kind ("sub_central", "hospital_trust"...;
 *        doc/authority-kinds.md), "" for operators
 * @param status operators: "applied", "qualified", "rejected", "invited",
 *        "declined" (no tender by the tender deadline), "tendering", "not_awarded"
 *        (tendered, left out of the award), "eliminated", "awarded", "partner",
 *        "terminated"; others ""
 * @param parent the id of the party that buys for it as its group's central
 *        purchasing body (a regional health authority for its hospital trusts,
 *        R54), "" for none
 */
public record Party(String id, String name, Role role, String kind, String status,
                    String parent) {
    /**
     * A party without a parent.
     *
     * @param id the party's id
     * @param name the party's name
     * @param role its role
     * @param kind the authority kind, "" for operators
     * @param status the operator's status, "" for others
     */
    public Party(String id, String name, Role role, String kind, String status) {
        this(id, name, role, kind, status, "");
    }
}

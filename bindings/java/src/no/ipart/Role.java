// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/** Roles of parties. */
public enum Role {
    /** The contracting authority. */
    AUTHORITY,
    /** A named follower authority. */
    FOLLOWER,
    /** An economic operator (candidate, tenderer, partner). */
    OPERATOR;

    static Role fromC(no.ipart.swig.ipart_role r) { return valueOf(r.name().substring("IPART_ROLE_".length())); }
}

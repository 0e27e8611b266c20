// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/** Roles of parties. */
public enum Role {
    AUTHORITY, FOLLOWER, OPERATOR;

    static Role fromC(no.ipart.swig.ipart_role r) { return valueOf(r.name().substring("IPART_ROLE_".length())); }
}

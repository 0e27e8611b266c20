// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/** Roles of parties. */
public enum Role {
    /** The contracting authority. */
    AUTHORITY,
    /** A named follower authority. */
    FOLLOWER,
    /** An economic operator (candidate, tenderer, partner). */
    OPERATOR,
    /** Takes part without buying: a collaborating authority, a knowledge institution, an innovation agent. */
    PARTICIPANT,
    /** A member of a consortium operator (R52). */
    MEMBER;

    static Role fromC(no.ipart.swig.ipart_role r) { return valueOf(r.name().substring("IPART_ROLE_".length())); }

    /**
     * The document's name for the role ("authority", "follower", "operator", "participant", "member"),
     * from ipart_role_name().
     *
     * @return the lower-case JSON name
     */
    public String jsonName() {
        return no.ipart.swig.IpartCapi.ipart_role_name(no.ipart.swig.ipart_role.valueOf("IPART_ROLE_" + name()));
    }
}

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import org.junit.Test;

/** Consortia (R52): members as parties who act for, and see as, their consortium. */
public class ConsortiumTest {
    @Test
    public void membersArePartiesOfTheirConsortium() {
        try (Partnership p = PartnershipTest.replay("consortium_ostfold.json", -1)) {
            Party lead = p.party("glommen");
            assertEquals(Role.MEMBER, lead.role());
            assertEquals("member", lead.role().jsonName());
            assertEquals("member", lead.status());
            assertEquals("partner", p.party("op01").status());
        }
    }

    @Test
    public void aMemberSeesWhatItsConsortiumSees() {
        try (Partnership p = PartnershipTest.replay("consortium_ostfold.json", -1)) {
            String member = p.viewJson("pasientrad"), group = p.viewJson("op01");
            assertEquals(group.replace("\"party\":\"op01\"", "\"party\":\"pasientrad\""), member);
        }
    }
}

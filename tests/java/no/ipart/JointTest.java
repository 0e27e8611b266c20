// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import java.util.List;
import org.junit.Test;

/** Joint contracting authorities (R51, doc/joint.md): the budget views and their errors. */
public class JointTest {
    private static Money nok(String amount) { return Money.parse(amount, "NOK"); }

    @Test
    public void theMembersPartsAddUpToTheContracts() {
        try (Partnership p = PartnershipTest.replay("joint_klimagrunn.json", -1)) {
            List<AuthorityBudget> views = p.authorityBudgets();
            assertEquals(3, views.size());
            assertTrue(views.get(0).lead());
            Money committed = nok("0.00"), paid = nok("0.00");
            for (AuthorityBudget b : views) {
                committed = committed.add(b.committed());
                paid = paid.add(b.paid());
            }
            Money values = nok("0.00"), partnersPaid = nok("0.00");
            for (String o : new String[] {"op05", "op08", "op11"}) {
                values = values.add(p.partner(o).value());
                partnersPaid = partnersPaid.add(p.partner(o).paid());
            }
            assertEquals(values, committed);
            assertEquals(partnersPaid, paid);
            AuthorityBudget nye = p.authorityBudget("nye-veier");
            assertTrue(nye.ownCap());
            assertEquals(nye.cap().subtract(nye.committed()), nye.headroom());
        }
    }

    @Test
    public void theBudgetQueryNamesWhatItCannotAnswer() {
        try (Partnership p = PartnershipTest.replay("joint_klimagrunn.json", -1)) {
            assertThrows(NotFoundException.class, () -> p.authorityBudget("baerum"));
        }
        try (Partnership p = PartnershipTest.replay("stavanger.json", -1)) {
            assertTrue(p.authorityBudgets().isEmpty());
            assertThrows(NotFoundException.class, () -> p.authorityBudget("stavanger"));
        }
    }
}

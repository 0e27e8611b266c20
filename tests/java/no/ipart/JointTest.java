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

    @Test
    public void fundingIsReportedBesideTheCaps() {
        try (Partnership p = PartnershipTest.replay("funding_innovasjon_norge.json", -1);
             Partnership plain = PartnershipTest.replay("no_without_reduction.json", -1)) {
            List<FundingSource> sources = p.funding();
            assertEquals(2, sources.size());
            FundingSource grant = sources.get(0);
            assertEquals("Innovasjon Norge", grant.funder());
            assertEquals(java.util.Optional.of("986399445"), grant.funderOrgNo());
            assertEquals(List.of("rnd", "prototype"), grant.paysFor());
            assertEquals(java.time.LocalDate.of(2020, 3, 31), grant.validUntil().orElseThrow());
            assertEquals(nok("1500000.00"), grant.drawn());
            assertEquals(nok("0.00"), grant.remaining());
            assertEquals(sources.get(1), p.fundingSource("hso-innovasjon"));
            assertFalse(sources.get(1).validUntil().isPresent());
            for (int i = 0; i < plain.caps().size(); i++) {
                assertEquals(plain.caps().get(i).paid(), p.caps().get(i).paid());
                assertEquals(plain.caps().get(i).headroom(), p.caps().get(i).headroom());
            }
        }
        try (Partnership p = PartnershipTest.replay("stavanger.json", -1)) {
            assertTrue(p.funding().isEmpty());
            assertThrows(NotFoundException.class, () -> p.fundingSource("in-2018"));
        }
    }

    @Test
    public void aGrantIsNeverOverdrawn() {
        try (Partnership p = PartnershipTest.replay("funding_innovasjon_norge.json", 45)) {
            String payment = "{\"type\":\"instalment_paid\",\"date\":\"2020-03-27\","
                + "\"actor\":\"sykehuset-ostfold\",\"partner\":\"op01\",\"instalment\":\"fase2.i1\","
                + "\"amount\":\"300000.01\",\"funded_by\":\"in-2018\"}";
            String before = p.dumps();
            RuleViolationException e = assertThrows(RuleViolationException.class, () -> p.apply(payment));
            assertEquals("R33", e.rule());
            assertEquals("$.amount", e.path());
            assertEquals(before, p.dumps());
            assertEquals(nok("300000.00"), p.fundingSource("in-2018").remaining());
        }
    }
}

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

    private static final String SUCCEEDED = "{\"type\":\"authority_succeeded\",\"date\":\"2017-10-17\","
        + "\"actor\":\"vegvesen\",\"predecessor\":\"statsbygg\",\"kind\":\"merger\","
        + "\"effective\":\"2018-01-01\",\"successor\":{\"id\":\"statsbygg-ny\","
        + "\"name\":\"Statsbygg (ny)\",\"kind\":\"central_government\"},"
        + "\"takes_over\":\"rettigheter og plikter\",\"basis\":\"kongelig resolusjon\"}";

    private static String assessedBy(String actor) {
        return "{\"type\":\"candidate_assessed\",\"date\":\"2017-10-18\",\"actor\":\"" + actor
            + "\",\"candidate\":\"op01\",\"qualified\":true,\"reason\":\"Oppfyller kravene.\"}";
    }

    /** R51: a joint authority taken over by a successor is held to its may_send until it goes. */
    @Test
    public void aJointAuthorityTakenOverIsHeldToItsMaySendUntilItGoes() {
        try (Partnership p = PartnershipTest.replay("joint_klimagrunn.json", 35)) {
            p.apply(SUCCEEDED);
            String before = p.dumps();
            RuleViolationException e = assertThrows(RuleViolationException.class,
                                                    () -> p.apply(assessedBy("statsbygg")));
            assertEquals("R51", e.rule());
            assertEquals("joint.may_send", e.key());
            assertEquals(before, p.dumps());
            p.apply(assessedBy("vegvesen"));
        }
    }

    private static String follower(String id, String name, String kind, String parent) {
        return "{\"type\":\"follower_named\",\"date\":\"2018-03-01\",\"actor\":\"telemark\","
            + "\"follower\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
            + (parent.isEmpty() ? "" : ",\"parent\":\"" + parent + "\"") + "}}";
    }

    /** R54: a parent sees its entities' items; an entity sees its own only. */
    @Test
    public void aParentSeesItsEntitiesAndAnEntityOnlyItself() {
        try (Partnership p = new Partnership("NO")) {
            p.apply("{\"type\":\"partnership_created\",\"date\":\"2018-03-01\",\"actor\":\"telemark\","
                + "\"authority\":{\"id\":\"telemark\",\"name\":\"Sykehuset Telemark HF\","
                + "\"kind\":\"hospital_trust\"},\"title\":\"T\",\"currency\":\"NOK\"}");
            p.apply(follower("hso", "Helse Sør-Øst RHF", "regional_health_authority", ""));
            p.apply(follower("ostfold", "Sykehuset Østfold HF", "hospital_trust", "hso"));
            p.apply(follower("vestfold", "Sykehuset i Vestfold HF", "hospital_trust", "hso"));
            assertEquals("hso", p.party("ostfold").parent());
            assertEquals("", p.party("telemark").parent());
            assertEquals("regional_health_authority", p.party("hso").kind());
            try (Partnership hso = p.asParty("hso"); Partnership vestfold = p.asParty("vestfold")) {
                assertFalse(hso.actions("ostfold").isEmpty());
                assertFalse(vestfold.actions("vestfold").isEmpty());
                assertThrows(PermissionDeniedException.class, () -> vestfold.actions("ostfold"));
                assertThrows(PermissionDeniedException.class, () -> vestfold.actions("hso"));
            }
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

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.Test;

/** The partnership contract through the Java facade (the golden cases drive the numbers). */
public class ContractTest {
    private static Money nok(String amount) { return Money.parse(amount, "NOK"); }

    @Test
    public void partnerStatusIsTypedMoney() {
        try (Partnership p = PartnershipTest.replay("stavanger.json", -1)) {
            PartnerStatus s = p.partner("op05");
            assertEquals("option_exercised", s.state());
            assertEquals(Optional.of("p3"), s.phase());
            assertEquals(s.value(), s.original().add(s.changes()));
            assertEquals(nok("4100000.00"), s.paid());
            assertEquals(0, s.paid().amount().compareTo(new java.math.BigDecimal("4100000")));
            assertEquals(60, s.optionQuantity());
            assertEquals(nok("14400000.00"), s.optionValue());
            assertThrows(NotFoundException.class, () -> p.partner("op20"));
        }
    }

    @Test
    public void partnerBeforeAnyPhase() {
        try (Partnership p = PartnershipTest.replay("stavanger.json", 92)) {
            PartnerStatus s = p.partner("op11");
            assertEquals("signed", s.state());
            assertEquals(Optional.empty(), s.phase());
        }
    }

    @Test
    public void partnerPhasesListTargetsAndInstalments() {
        try (Partnership p = PartnershipTest.replay("stavanger.json", -1)) {
            assertEquals("terminated", p.partner("op08").state());
            List<PartnerPhase> phases = p.partnerPhases("op08");
            assertEquals(List.of("ended", "ended", "ended"),
                         phases.stream().map(PartnerPhase::state).collect(Collectors.toList()));
            List<PartnerPhase.Target> targets = phases.get(0).targets();
            assertEquals("not_met", targets.get(0).status());
            assertEquals("met", targets.get(1).status());
            PartnerPhase.Instalment second = phases.get(0).instalments().get(1);
            assertEquals("p1.i2", second.id());
            assertEquals(nok("800000.00"), second.paid());
            assertFalse(second.payable());
            assertThrows(NotFoundException.class, () -> p.partnerPhases("op20"));
        }
    }

    @Test
    public void capRowsAndWhatFits() {
        try (Partnership p = PartnershipTest.replay("stavanger.json", -1)) {
            CapStatus purchase = p.caps().stream().filter(c -> c.cap().equals("purchase")).findFirst().orElseThrow();
            assertEquals(nok("0.00"), purchase.headroom());
            assertFalse(p.capFits("purchase", nok("0.01"), null));
            assertTrue(p.capFits("development_cap", nok("5580000.00"), null));
            assertFalse(p.capFits("development_cap", nok("5580000.01"), null));
            assertTrue(p.capFits("per-partner", nok("2480000.00"), "op11"));
            assertEquals(3, p.caps().stream().filter(c -> c.cap().equals("per-partner")).count());
            assertThrows(NotFoundException.class, () -> p.capFits("no-such-cap", nok("1"), null));
            assertThrows(InvalidArgumentException.class, () -> p.capFits("per-partner", nok("1"), null));
            assertThrows(CurrencyException.class, () -> p.capFits("purchase", Money.parse("1", "EUR"), null));
        }
    }

    @Test
    public void warningsAndProportionality() {
        try (Partnership p = PartnershipTest.replay("stavanger.json", -1)) {
            RuleWarning w = p.warnings().get(0);
            assertEquals("R33", w.rule());
            // the same warning in Norwegian, with the same figures (issue #15)
            assertTrue(w.messageNb(), w.messageNb().contains("op05")
                       && w.messageNb().contains("4100000.00") && w.messageNb().contains("4000000.00"));
            assertNotEquals(w.message(), w.messageNb());
            assertEquals(w.messageNb(), w.messageIn("nb"));
            assertEquals(w.message(), w.messageIn("en"));
            assertEquals(w.message(), w.messageIn("sv"));
            assertEquals(w.message(), w.messageIn(null));
            assertTrue(p.event((int) w.event()).contains("\"contract_changed\""));
            Proportionality v = p.proportionality();
            assertEquals(25000, v.ratio().getAsLong());
            assertFalse(v.outsideBand());
            assertEquals(nok("6420000.00"), v.committed());
        }
        try (Partnership p = PartnershipTest.replay("stavanger.json", 1)) {
            assertThrows(StateException.class, p::proportionality);
        }
    }

    @Test
    public void whatIfReportsAndLeavesTheOriginal() {
        JsonArray all = Cases.load("procedure/stavanger.json").getAsJsonObject()
            .getAsJsonObject("document").getAsJsonArray("events");
        JsonArray events = new JsonArray();
        for (int i = 92; i < 99; i++)
            events.add(all.get(i));
        try (Partnership p = PartnershipTest.replay("stavanger.json", 92)) {
            String before = p.dumps();
            JsonObject r = JsonParser.parseString(p.whatIfJson(events.toString())).getAsJsonObject();
            assertEquals(7, r.get("applied").getAsInt());
            assertTrue(r.get("refused").isJsonNull());
            assertEquals("development", r.get("stage").getAsString());
            JsonObject forecast = r.getAsJsonObject("forecast");
            assertEquals(nok("10960000.00"), nok(forecast.get("total").getAsString()));
            assertEquals(before, p.dumps());
            assertThrows(ParseException.class, () -> p.whatIfJson("["));
            assertThrows(InvalidArgumentException.class, () -> p.whatIfJson("{}"));
            Forecast now = p.forecast();
            assertEquals(nok("11750000.00"), now.total());
            assertEquals(now.total(), now.payments().stream().map(Forecast.Payment::amount)
                .reduce(nok("0.00"), Money::add));
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * Party-scoped access (R19, R37): {@code p.asParty(party)} answers every query with
 * what that party may see, on every golden procedure and for every party. The same
 * property as tests/c/test_scope.c and tests/python/test_scope.py.
 */
public class ScopeTest {
    private static final String[] PROCEDURES = {"stavanger.json", "no_without_reduction.json",
        "no_authority_owns.json", "se_initial_award.json", "se_negotiated.json", "dk_procedure.json",
        "works_at_threshold.json", "works_below_threshold.json"};

    private static JsonObject document(String name) {
        return Cases.load("procedure/" + name).getAsJsonObject().getAsJsonObject("document");
    }

    /** No other operator is named in a party's JSON text. */
    private static void namesNoOther(String text, Set<String> operators, String party, String what) {
        for (String other : operators)
            if (!other.equals(party))
                assertFalse(what + " of " + party + " names " + other,
                            text.contains("\"" + other + "\"") || text.contains("\"" + other + "."));
    }

    private static void checkRows(Partnership p, Partnership s, String party) {
        List<Tenderer> own = p.tenderers().stream().filter(t -> t.id().equals(party))
            .collect(Collectors.toList());
        assertEquals(own, s.tenderers());
        for (Ranked r : s.ranking().orElse(List.of()))
            assertEquals(party, r.tenderer());
        for (CapStatus c : s.caps()) {
            assertEquals("partner", c.scope());
            assertEquals(party, c.partner().orElse(""));
        }
        for (Forecast.Payment pay : s.forecast().payments())
            assertEquals(party, pay.partner());
        assertTrue(s.warnings().isEmpty());
    }

    private static void checkContracts(Partnership p, Partnership s, String party, Set<String> operators) {
        for (String other : operators) {
            PartnerStatus full;
            try {
                full = p.partner(other);
            } catch (NotFoundException e) {
                continue;
            }
            if (other.equals(party)) {
                assertEquals(full, s.partner(party));
                continue;
            }
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> s.partner(other));
            assertEquals("R19", e.rule());
        }
    }

    private static void checkLog(Partnership p, Partnership s, String party) {
        Map<Integer, JsonElement> shown = new HashMap<>();
        for (JsonElement el : JsonParser.parseString(p.viewJson(party)).getAsJsonObject().getAsJsonArray("events"))
            shown.put(el.getAsJsonObject().get("index").getAsInt(), el.getAsJsonObject().get("event"));
        assertEquals(p.eventCount(), s.eventCount());
        for (int i = 0; i < p.eventCount(); i++) {
            final int index = i;
            if (shown.containsKey(i))
                assertEquals(shown.get(i), JsonParser.parseString(s.event(i)));
            else
                assertThrows(PermissionDeniedException.class, () -> s.event(index));
        }
    }

    private static void checkRefusals(Partnership s, String party, Set<String> operators) {
        assertThrows(PermissionDeniedException.class, s::dumps);
        assertThrows(PermissionDeniedException.class, () -> s.timelineSvg("en"));
        assertThrows(PermissionDeniedException.class, () -> s.apply("{\"type\":\"note_recorded\"}"));
        assertThrows(PermissionDeniedException.class, () -> s.applyAll("[]"));
        assertThrows(PermissionDeniedException.class, () -> s.applyAll("[{\"type\":\"note_recorded\"}]"));
        for (String other : operators) {
            if (other.equals(party))
                continue;
            assertThrows(PermissionDeniedException.class, () -> s.actions(other));
            assertThrows(PermissionDeniedException.class, () -> s.asParty(other));
        }
    }

    @Test
    public void everyQueryOfEveryPartyAnswersOnlyWhatItsViewShows() {
        for (String name : PROCEDURES) {
            try (Partnership p = Partnership.loads(document(name).toString())) {
                Set<String> operators = new HashSet<>();
                for (Party x : p.parties())
                    if (x.role() == Role.OPERATOR)
                        operators.add(x.id());
                int checked = 0;
                for (Party party : p.parties()) {
                    try (Partnership s = p.asParty(party.id())) {
                        assertEquals(party.id(), s.audience());
                        if (party.role() == Role.AUTHORITY) {
                            assertEquals(p.dumps(), s.dumps());
                            assertEquals(p.whatIfJson("[]"), s.whatIfJson("[]"));
                            continue;
                        }
                        checkRows(p, s, party.id());
                        checkContracts(p, s, party.id(), operators);
                        checkLog(p, s, party.id());
                        checkRefusals(s, party.id(), operators);
                        for (Party x : s.parties())
                            if (x.role() == Role.OPERATOR && !x.id().equals(party.id()))
                                assertEquals("awarded", x.status());
                        namesNoOther(s.whatIfJson("[]"), operators, party.id(), name + " what-if");
                        checked++;
                    }
                }
                assertTrue(name, checked >= 3);
            }
        }
    }

    @Test
    public void aRefusedWhatIfQuotesNoOtherFigure() {
        JsonObject doc = document("stavanger.json");
        JsonArray events = doc.getAsJsonArray("events");
        JsonArray prefix = new JsonArray();
        for (int i = 0; i < 117; i++)
            prefix.add(events.get(i));
        doc.add("events", prefix);
        JsonObject over = events.get(117).getAsJsonObject().deepCopy();
        over.addProperty("amount", "600000.00");
        String scenario = "[" + over + "]";
        try (Partnership p = Partnership.loads(doc.toString())) {
            assertTrue(p.whatIfJson(scenario).contains("at most 592500.00"));
            for (String party : new String[] {"op08", "op11", "baerum"}) {
                try (Partnership s = p.asParty(party)) {
                    String report = s.whatIfJson(scenario);
                    assertFalse(party + ": " + report, report.contains("592500"));
                    assertTrue(report, report.contains("\"IPART_EPERM\""));
                    assertTrue("the refusal in bokmål too: " + report, report.contains("\"message_nb\":\""));
                }
            }
        }
    }

    @Test
    public void aScopedCopyIsReadOnlyAndOnlyNarrows() {
        try (Partnership p = Partnership.loads(document("stavanger.json").toString())) {
            assertEquals("", p.audience());
            assertThrows(NotFoundException.class, () -> p.asParty("oslo"));
            try (Partnership authority = p.asParty("stavanger");
                 Partnership op05 = authority.asParty("op05");
                 Partnership copy = op05.clone()) {
                assertEquals("op05", copy.audience());
                assertEquals(1, copy.tenderers().size());
                assertThrows(PermissionDeniedException.class, () -> op05.rights("op05", "op08.foreground"));
                assertEquals(p.rights("op05", "op05.foreground").use(), op05.rights("op05", "op05.foreground").use());
            }
        }
    }
}

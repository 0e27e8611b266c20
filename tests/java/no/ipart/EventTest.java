// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import org.junit.Test;

/**
 * Typed events ({@link Event}, {@link Partnership#applyEvent(Event)}) against the JSON
 * path over golden cases: the same saved bytes, the same errors.
 */
public class EventTest {
    private static void sameSavedBytes(String name) {
        JsonObject doc = Cases.load("procedure/" + name).getAsJsonObject().getAsJsonObject("document");
        String profile = doc.get("profile").getAsString();
        try (Partnership byJson = new Partnership(profile);
             Partnership byEvent = new Partnership(profile);
             Event reused = new Event("note_recorded")) {
            for (JsonElement ev : doc.getAsJsonArray("events")) {
                byJson.apply(ev.toString());
                reused.reset(ev.getAsJsonObject().get("type").getAsString());
                JsonEvents.set(reused, byEvent, "", ev);
                byEvent.applyEvent(reused);
            }
            assertEquals(name, byJson.dumps(), byEvent.dumps());
            try (Partnership loaded = Partnership.loads(byEvent.dumps())) {
                assertEquals(byEvent.dumps(), loaded.dumps());
            }
        }
    }

    @Test
    public void goldenEventsBuiltGiveTheSameSavedBytes() {
        sameSavedBytes("stavanger.json");
        sameSavedBytes("dk_procedure.json");
    }

    @Test
    public void rejectionsGiveTheSameErrorAndChangeNothing() {
        int compared = 0;
        for (JsonElement c : Cases.load("procedure/rejections.json").getAsJsonArray()) {
            JsonObject kase = c.getAsJsonObject();
            String name = kase.get("name").getAsString();
            if (!name.equals("r1_market_check_not_done") && !name.equals("value_score_above_scale"))
                continue;
            JsonObject doc = Cases.load("procedure/" + kase.get("base").getAsString())
                                 .getAsJsonObject().getAsJsonObject("document");
            JsonArray events = doc.getAsJsonArray("events");
            try (Partnership p = new Partnership(doc.get("profile").getAsString())) {
                for (int i = 0; i < kase.get("prefix").getAsInt(); i++)
                    p.apply(events.get(i).toString());
                String before = p.dumps();
                IpartException byJson = assertThrows(IpartException.class,
                    () -> p.apply(kase.get("event").toString()));
                IpartException byEvent = assertThrows(IpartException.class, () -> {
                    try (Event e = JsonEvents.build(p, kase.getAsJsonObject("event"))) {
                        p.applyEvent(e);
                    }
                });
                assertEquals(name, byJson.getClass(), byEvent.getClass());
                assertEquals(name, byJson.code(), byEvent.code());
                assertEquals(name, byJson.rule(), byEvent.rule());
                assertEquals(name, byJson.path(), byEvent.path());
                assertEquals(name, byJson.key(), byEvent.key());
                assertEquals(name, byJson.getMessage(), byEvent.getMessage());
                assertEquals(name, before, p.dumps());
                compared++;
            }
        }
        assertEquals(2, compared);
    }

    @Test
    public void aRefusedValueNamesTheJsonPathAndChangesNothing() {
        try (Event e = new Event("candidate_assessed")) {
            InvalidArgumentException bad = assertThrows(InvalidArgumentException.class,
                () -> e.set("candidate", "not an id"));
            assertEquals("$.candidate", bad.path());
            assertEquals("document.id.syntax", bad.key());
            bad = assertThrows(InvalidArgumentException.class, () -> e.set("qualified", "yes"));
            assertEquals("$.qualified: expected true or false, got a string", bad.getMessage());
            assertEquals(Event.FieldKind.ID, e.kind("candidate"));
            assertEquals("candidate_assessed", e.type());
            e.set("date", LocalDate.of(2017, 10, 20)).set("candidate", "op01");
            try (Partnership p = new Partnership("NO")) {
                bad = assertThrows(InvalidArgumentException.class, () -> p.applyEvent(e));
                assertEquals("$.actor", bad.path());
                assertEquals(0, p.eventCount());
            }
        }
        Event closed = new Event("note_recorded");
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.set("text", "x"));
        assertTrue(closed.toString().contains("closed"));
    }
}

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_event;
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

    private static void assertSameError(String name, IpartException json, IpartException typed) {
        assertEquals(name, json.getClass(), typed.getClass());
        assertEquals(name, json.code(), typed.code());
        assertEquals(name, json.rule(), typed.rule());
        assertEquals(name, json.path(), typed.path());
        assertEquals(name, json.key(), typed.key());
        assertEquals(name, json.getMessage(), typed.getMessage());
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
                assertSameError(name, byJson, byEvent);
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

    // ---- batches (Partnership.applyEvents, ipart_partnership_apply_events) ----------------

    /** Each event built in its own Event, amounts in p's currency. */
    private static List<Event> buildAll(Partnership p, List<JsonElement> events) {
        List<Event> built = new ArrayList<>();
        for (JsonElement ev : events)
            built.add(JsonEvents.build(p, ev.getAsJsonObject()));
        return built;
    }

    private static void closeAll(List<Event> events) {
        for (Event e : events)
            if (e != null)
                e.close();
    }

    @Test
    public void aBatchOfGoldenEventsSavesTheBytesOfTheJsonPath() {
        for (String name : new String[] {"stavanger.json", "dk_procedure.json", "consortium_ostfold.json"}) {
            JsonObject doc = Cases.document(name);
            String profile = doc.get("profile").getAsString();
            JsonArray events = doc.getAsJsonArray("events");
            try (Partnership byJson = new Partnership(profile);
                 Partnership byBatch = new Partnership(profile)) {
                byJson.applyAll(events.toString());
                List<Event> built = buildAll(byJson, Cases.slice(events, 0, events.size()));
                try {
                    assertEquals(name, events.size(), byBatch.applyEvents(built));
                    assertEquals(name, byJson.dumps(), byBatch.dumps());
                } finally {
                    closeAll(built);
                }
            }
        }
    }

    @Test
    public void aRefusedEventInABatchKeepsThoseBeforeAndNamesItsIndex() {
        int compared = 0;
        for (JsonElement c : Cases.load("procedure/rejections.json").getAsJsonArray()) {
            JsonObject kase = c.getAsJsonObject();
            String name = kase.get("name").getAsString();
            if (!name.equals("r1_market_check_not_done") && !name.equals("value_score_above_scale")
                && !name.equals("r13_only_two_invited"))
                continue;
            JsonObject doc = Cases.document(kase.get("base").getAsString());
            String profile = doc.get("profile").getAsString();
            JsonArray events = doc.getAsJsonArray("events");
            int prefix = kase.get("prefix").getAsInt(), start = Math.max(prefix - 2, 0);
            JsonArray batch = new JsonArray();
            Cases.slice(events, start, prefix).forEach(batch::add);
            batch.add(kase.get("event"));
            Cases.slice(events, prefix, prefix + 1).forEach(batch::add);
            try (Partnership expected = new Partnership(profile);
                 Partnership byJson = new Partnership(profile);
                 Partnership byBatch = new Partnership(profile)) {
                for (JsonElement ev : Cases.slice(events, 0, prefix))
                    expected.apply(ev.toString());
                for (JsonElement ev : Cases.slice(events, 0, start)) {
                    byJson.apply(ev.toString());
                    byBatch.apply(ev.toString());
                }
                List<JsonElement> items = new ArrayList<>();
                batch.forEach(items::add);
                List<Event> built = buildAll(expected, items);
                try {
                    IpartException json = assertThrows(IpartException.class,
                        () -> byJson.applyAll(batch.toString()));
                    IpartException typed = assertThrows(IpartException.class,
                        () -> byBatch.applyEvents(built));
                    assertSameError(name, json, typed);
                    assertTrue(name + ": " + typed.path(), typed.path().startsWith("$[" + (prefix - start) + "]"));
                    assertEquals(name, prefix, byBatch.eventCount());
                    assertEquals(name, expected.dumps(), byBatch.dumps());
                    compared++;
                } finally {
                    closeAll(built);
                }
            }
        }
        assertEquals(3, compared);
    }

    private static Event note(String text) {
        return new Event("note_recorded").set("date", LocalDate.of(2019, 12, 3))
                                         .set("actor", "stavanger").set("text", text);
    }

    @Test
    public void emptyBatchesNullAndClosedEventsAndReadOnlyHandles() {
        try (Partnership p = Partnership.loads(Cases.load("procedure/stavanger.json")
                                                    .getAsJsonObject().get("document").toString());
             Event a = note("a");
             Event b = note("b")) {
            String before = p.dumps();
            long count = p.eventCount();
            assertEquals(0, p.applyEvents(new ArrayList<>()));
            assertEquals(before, p.dumps());

            NullPointerException npe = assertThrows(NullPointerException.class,
                () -> p.applyEvents(Arrays.asList(a, null, b)));
            assertEquals("events[1] is null", npe.getMessage());
            assertEquals(count + 1, p.eventCount());
            Event closed = note("c");
            closed.close();
            assertThrows(IllegalStateException.class, () -> p.applyEvents(Arrays.asList(a, closed)));
            assertEquals(count + 2, p.eventCount());
            assertEquals(2, p.applyEvents(Arrays.asList(b, b)));
            assertEquals(count + 4, p.eventCount());

            // The raw call: a null handle is C's error naming the element; the holder
            // says how many were applied.
            long[] applied = new long[1];
            MisuseException misuse = assertThrows(MisuseException.class,
                () -> IpartCapi.ipart_partnership_apply_events(p.h(),
                                                               new ipart_event[] {a.h(), null}, applied));
            assertEquals("$[1]", misuse.path());
            assertEquals(1, applied[0]);
            assertEquals(count + 5, p.eventCount());

            Event empty = new Event("note_recorded");
            InvalidArgumentException missing = assertThrows(InvalidArgumentException.class,
                () -> p.applyEvents(Arrays.asList(a, empty)));
            empty.close();
            assertEquals("$[1].date", missing.path());
            assertEquals("$[1].date: required field is missing", missing.getMessage());

            try (Partnership scoped = p.asParty("op01")) {
                PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                    () -> scoped.applyEvents(Arrays.asList(a)));
                assertEquals("R19", denied.rule());
                assertEquals("$[0]", denied.path());
            }
            assertNotNull(p.dumps());
        }
    }
}

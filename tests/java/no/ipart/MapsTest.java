// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.ToNumberPolicy;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.Test;

/**
 * {@link Partnership#applyAll(List)}: events held as maps (ipart_partnership_apply_tree)
 * do what {@link Partnership#applyAll(String)} does with their JSON text, over every
 * golden procedure and rejection, and refuse what has no JSON text at its path.
 */
@SuppressWarnings("unchecked")
public class MapsTest {
    /** Gson's maps as a Jackson-like user has them: Long for integers, Double else. */
    private static final Gson LONGS =
        new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).serializeNulls().create();
    /** Gson's default maps: every number a Double. */
    private static final Gson DOUBLES = new GsonBuilder().serializeNulls().create();

    /** What a batch did: the exception's class and detail (or null), events applied, saved bytes. */
    private record Outcome(List<Object> error, long events, String saved) {}

    private static Outcome outcome(String profile, List<JsonElement> before, Consumer<Partnership> apply) {
        try (Partnership p = new Partnership(profile)) {
            before.forEach(e -> p.apply(e.toString()));
            List<Object> error = null;
            try {
                apply.accept(p);
            } catch (IpartException e) {
                error = Arrays.asList(e.getClass(), e.code(), e.path(), e.rule(), e.key(), e.getMessage());
            }
            return new Outcome(error, p.eventCount(), p.dumps());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> maps(Gson gson, String json) {
        return gson.fromJson(json, List.class);
    }

    /** applyAll(maps of text) on a fresh partnership does what applyAll(text) does; returns it. */
    private static Outcome sameAsText(String profile, List<JsonElement> before, Gson gson, String text) {
        Outcome byText = outcome(profile, before, p -> p.applyAll(text));
        Outcome byMaps = outcome(profile, before, p -> p.applyAll(maps(gson, text)));
        assertEquals(text.length() > 300 ? text.substring(0, 300) : text, byText, byMaps);
        return byMaps;
    }

    private static String array(List<JsonElement> events) {
        JsonArray a = new JsonArray();
        events.forEach(a::add);
        return a.toString();
    }

    @Test
    public void everyGoldenProcedureAsMapsSavesTheBytesOfItsText() {
        String[] names = new File(System.getProperty("ipart.cases"), "procedure").list();
        int applied = 0;
        for (String name : names) {
            if (!name.endsWith(".json") || name.equals("rejections.json"))
                continue;
            JsonObject doc = Cases.document(name);
            JsonArray events = doc.getAsJsonArray("events");
            String profile = doc.get("profile").getAsString();
            for (Gson gson : new Gson[] {LONGS, DOUBLES}) {
                Outcome o = sameAsText(profile, List.of(), gson, events.toString());
                assertNull(name, o.error());
                assertEquals(name, events.size(), o.events());
                applied++;
            }
        }
        assertTrue("procedures found: " + applied / 2, applied >= 2 * 17);
    }

    @Test
    public void everyRejectionAsMapsGivesTheErrorOfItsText() {
        int compared = 0;
        for (JsonElement c : Cases.load("procedure/rejections.json").getAsJsonArray()) {
            JsonObject kase = c.getAsJsonObject();
            String name = kase.get("name").getAsString();
            if (!kase.has("event"))
                continue; // "event_text", not JSON: no maps hold it
            JsonObject doc = Cases.document(kase.get("base").getAsString());
            JsonArray events = doc.getAsJsonArray("events");
            int prefix = kase.get("prefix").getAsInt(), start = Math.max(prefix - 2, 0);
            List<JsonElement> batch = Cases.slice(events, start, prefix);
            batch.add(kase.get("event"));
            batch.addAll(Cases.slice(events, prefix, prefix + 1));
            Outcome o = sameAsText(doc.get("profile").getAsString(), Cases.slice(events, 0, start), LONGS, array(batch));
            assertNotNull(name, o.error());
            assertEquals(name, Cases.exceptionFor(kase.get("code").getAsString()), o.error().get(0));
            assertEquals(name, (long) prefix, o.events());
            compared++;
        }
        assertTrue("rejections: " + compared, compared > 250);
    }

    /* ---- values without JSON text, and characters ---- */

    private static final JsonObject STAVANGER = Cases.document("stavanger.json");
    private static final String PROFILE = STAVANGER.get("profile").getAsString();

    /** Stavanger's first n events as LinkedHashMaps (Gson's own map sorts by its key's type). */
    private static List<Map<String, ?>> firstEvents(int n) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (Map<String, ?> m : maps(LONGS, array(Cases.slice(STAVANGER.getAsJsonArray("events"), 0, n))))
            out.add(new LinkedHashMap<>(m));
        return out;
    }

    private static Map<String, Object> note(Object text) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("type", "note_recorded");
        note.put("date", "2017-09-29");
        note.put("actor", "stavanger");
        note.put("text", text);
        return note;
    }

    private static String emptyDocument() {
        try (Partnership p = new Partnership(PROFILE)) {
            return p.dumps();
        }
    }

    @Test
    public void aValueWithoutJsonTextAppliesNothingAndNamesItsPath() {
        List<Map<String, ?>> events = firstEvents(3);
        ((Map<String, Object>) events.get(2)).put("date", new Date());
        try (Partnership p = new Partnership(PROFILE)) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> p.applyAll(events));
            assertEquals("$[2].date", e.path());
            assertEquals(0, p.eventCount());
            assertEquals(emptyDocument(), p.dumps());
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void aKeyThatIsNotAStringIsRefusedAtItsPath() {
        List<Map<String, ?>> events = firstEvents(2);
        ((Map) events.get(1)).put(42, "x");
        try (Partnership p = new Partnership(PROFILE)) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> p.applyAll(events));
            assertEquals("$[1].42", e.path());
            assertEquals(0, p.eventCount());
        }
    }

    @Test
    public void otherValuesWithoutJsonTextAreRefusedToo() {
        for (Object bad : new Object[] {'c', java.util.Set.of("a"), new java.util.concurrent.atomic.AtomicLong(1),
                                        new int[] {1}, Double.NaN, Float.POSITIVE_INFINITY}) {
            List<Map<String, ?>> events = firstEvents(2);
            ((Map<String, Object>) events.get(1)).put("extra", List.of(1, Map.of("v", bad)));
            try (Partnership p = new Partnership(PROFILE)) {
                InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> p.applyAll(events));
                assertEquals(bad.getClass().getName(), "$[1].extra[1].v", e.path());
                assertEquals(0, p.eventCount());
            }
        }
    }

    /** The prefix of stavanger.json before its first note, and that note's outcome with text. */
    private static Outcome noteOutcome(String text) {
        JsonArray events = STAVANGER.getAsJsonArray("events");
        int first = 0;
        while (!events.get(first).getAsJsonObject().get("type").getAsString().equals("note_recorded"))
            first++;
        List<JsonElement> before = Cases.slice(events, 0, first);
        return sameAsText(PROFILE, before, LONGS, DOUBLES.toJson(List.of(note(text))));
    }

    @Test
    public void charactersAreReadAsTheirJsonText() {
        Outcome emoji = noteOutcome("astral \ud83d\ude00 and \u00e6\u00f8\u00e5");
        assertNull(emoji.error());
        assertTrue(emoji.saved(), emoji.saved().contains("astral \ud83d\ude00 and \u00e6\u00f8\u00e5"));
        Outcome nul = noteOutcome("a\u0000b"); // escaped in the JSON text; refused as there
        assertNotNull(nul.error());
        Outcome lone = noteOutcome("lone \ud800 surrogate"); // U+FFFD, as applyAll(String) reads it
        assertNull(lone.error());
        assertTrue(lone.saved(), lone.saved().contains("lone \ufffd surrogate"));
    }

    @Test
    public void aLongBeyondTwoToThe53IsReadAsItsDigitsAre() {
        JsonObject kase = null; // an option bought in its stage, refused for its quantity
        for (JsonElement c : Cases.load("procedure/rejections.json").getAsJsonArray())
            if (c.getAsJsonObject().get("name").getAsString().equals("r28_option_beyond_the_followers_quantity"))
                kase = c.getAsJsonObject();
        JsonObject doc = Cases.document(kase.get("base").getAsString());
        List<JsonElement> before = Cases.slice(doc.getAsJsonArray("events"), 0, kase.get("prefix").getAsInt());
        JsonObject event = kase.getAsJsonObject("event").deepCopy();
        long big = (1L << 53) + 1;
        event.addProperty("quantity", big);
        String text = "[" + event + "]";
        assertTrue(text, text.contains("9007199254740993"));
        Outcome o = sameAsText(doc.get("profile").getAsString(), before, LONGS, text);
        assertEquals(o.toString(), "$[0].quantity", o.error().get(2));
        assertEquals(big, maps(LONGS, text).get(0).get("quantity")); // the maps held the Long
    }

    /** A Long as Integer, BigInteger or BigDecimal by its value; a List as Object[]. */
    private static Object retyped(Object v) {
        if (v instanceof Long n)
            return n % 3 == 0 ? (Object) n.intValue() : n % 3 == 1 ? BigInteger.valueOf(n) : new BigDecimal(n);
        return v instanceof List<?> l ? l.toArray() : v;
    }

    @Test
    public void numbersOfEveryTypeAndArraysReadAsTheirText() {
        JsonArray events = STAVANGER.getAsJsonArray("events");
        List<Map<String, ?>> maps = maps(LONGS, events.toString());
        for (Map<String, ?> m : maps)
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet())
                e.setValue(retyped(e.getValue()));
        Outcome byMaps = outcome(PROFILE, List.of(), p -> p.applyAll(maps));
        Outcome byText = outcome(PROFILE, List.of(), p -> p.applyAll(events.toString()));
        assertEquals(byText, byMaps);
        assertNull(byMaps.error());
    }

    @Test
    public void aNullElementIsJsonNullAndANullListIsANullPointer() {
        List<Map<String, ?>> events = firstEvents(2);
        events.add(null);
        String text = DOUBLES.toJson(events);
        assertTrue(text, text.endsWith(",null]"));
        Outcome byMaps = outcome(PROFILE, List.of(), p -> p.applyAll(events));
        assertEquals(outcome(PROFILE, List.of(), p -> p.applyAll(text)), byMaps);
        assertNotNull(byMaps.error());
        assertEquals("$[2]", byMaps.error().get(2));
        try (Partnership p = new Partnership(PROFILE)) {
            assertThrows(NullPointerException.class, () -> p.applyAll((List<Map<String, ?>>) null));
        }
        Partnership closed = new Partnership(PROFILE);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.applyAll(events));
    }

    @Test
    public void anExceptionWhileReadingAMapIsThrownAsItIsAndAppliesNothing() {
        List<Map<String, ?>> events = firstEvents(2);
        events.add(new java.util.AbstractMap<String, Object>() {
            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                throw new java.util.ConcurrentModificationException("changed while read");
            }
        });
        try (Partnership p = new Partnership(PROFILE)) {
            assertThrows(java.util.ConcurrentModificationException.class, () -> p.applyAll(events));
            assertEquals(0, p.eventCount());
            assertEquals(emptyDocument(), p.dumps());
        }
    }

    @Test
    public void aMapHoldingItselfIsRefusedAsTooDeep() {
        Map<String, Object> loop = new LinkedHashMap<>(note("x"));
        loop.put("self", loop);
        try (Partnership p = new Partnership(PROFILE)) {
            IpartException e = assertThrows(IpartException.class, () -> p.applyAll(List.of(loop)));
            assertTrue(e.path(), e.path().startsWith("$[0].self.self"));
            assertEquals(0, p.eventCount());
        }
    }
}

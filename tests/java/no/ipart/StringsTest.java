// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import org.junit.Test;

/**
 * Strings cross JNI as real UTF-8 both ways (not JNI's "modified UTF-8",
 * which garbles characters outside the BMP), and a U+0000 inside a Java
 * string never cuts it short in C.
 */
public class StringsTest {
    private static final String GRIN = "\uD83D\uDE00"; // U+1F600, outside the BMP

    private static String created(String nameJson) {
        return "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"stavanger\","
            + "\"authority\":{\"id\":\"stavanger\",\"name\":" + nameJson + ",\"kind\":\"sub_central\"},"
            + "\"title\":\"T\",\"currency\":\"NOK\",\"electronic_communication\":true}";
    }

    @Test
    public void charactersOutsideTheBmpRoundTrip() {
        String name = "Stavanger " + GRIN + " kommune – Høyland";
        // The same name given raw (Java -> C) and as JSON escapes (decoded by C).
        try (Partnership raw = new Partnership("NO"); Partnership escaped = new Partnership("NO")) {
            raw.apply(created("\"" + name + "\""));
            escaped.apply(created("\"Stavanger \\ud83d\\ude00 kommune \\u2013 H\\u00f8yland\""));
            assertEquals(name, raw.party("stavanger").name());
            assertEquals(name, escaped.party("stavanger").name());
            // C saw the same bytes both times, so its canonical documents are equal.
            assertEquals(raw.dumps(), escaped.dumps());
            assertTrue(raw.dumps().contains(name));
            try (Partnership again = Partnership.loads(raw.dumps())) {
                assertEquals(name, again.party("stavanger").name());
            }
        }
    }

    @Test
    public void messagesEchoingInputKeepIt() {
        ParseException e = assertThrows(ParseException.class, () -> Money.parse("1" + GRIN, "NOK"));
        assertTrue(e.getMessage(), e.getMessage().contains("'1" + GRIN + "'"));
        ParseException f = assertThrows(ParseException.class, () -> Money.parse("１", "NOK"));
        assertTrue(f.getMessage(), f.getMessage().contains("'１'"));
        assertThrows(CurrencyException.class, () -> Money.parse("1", "ØRE"));
    }

    @Test
    public void nulInsideAStringIsRefusedNotTruncated() {
        // "12\0" must not parse as "12", nor "NO\0" name the profile NO.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Money.parse("12\u0000", "NOK"));
        assertTrue(e.getMessage(), e.getMessage().contains("NUL"));
        assertThrows(IllegalArgumentException.class, () -> Money.parse("12", "NOK\u0000"));
        assertThrows(IllegalArgumentException.class, () -> Dates.parse("2017-01-01\u0000"));
        assertThrows(IllegalArgumentException.class, () -> new HolidayCalendar("NO\u0000"));
        assertThrows(IllegalArgumentException.class, () -> Money.fromMinor(1, "NOK").format("nb\u0000"));
        try (Partnership p = new Partnership("NO")) {
            assertThrows(IllegalArgumentException.class, () -> p.apply(created("\"a\u0000b\"")));
            assertEquals(0, p.eventCount());
            p.apply(created("\"a b\""));
            assertEquals(1, p.eventCount());
        }
    }

    /** Past the facade, straight into the JNI class: C still never sees a cut string. */
    @Test
    public void nulReachingTheJniLayerIsInvalidText() {
        int[] out = new int[1];
        assertThrows(CurrencyException.class,
            () -> no.ipart.swig.IpartCapiJNI.ipart_currency_exponent(out, "NOK\u0000"));
        long[] count = new long[1];
        assertThrows(InvalidArgumentException.class,
            () -> no.ipart.swig.IpartCapiJNI.ipart_calendar_holiday_count(count, "NO\u0000", 2017));
    }

    @Test
    public void loneSurrogatesBecomeReplacementCharacters() {
        ParseException e = assertThrows(ParseException.class, () -> Money.parse("1\uD800", "NOK"));
        assertTrue(e.getMessage(), e.getMessage().contains("'1\uFFFD'"));
    }

    /** The JSON text of {@code s} with every non-ASCII unit as a {@code \\uXXXX} escape,
     * which C decodes itself: the bytes it then holds are the reference. */
    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.append('"').toString();
    }

    /** Give {@code raw} to C as a Java string and {@code expected} as JSON escapes:
     * C must hold the same bytes (equal saved documents) and give {@code expected} back. */
    private static void assertCrossesAs(String raw, String expected) {
        try (Partnership viaJni = new Partnership("NO"); Partnership viaJson = new Partnership("NO")) {
            viaJni.apply(created("\"" + raw + "\""));
            viaJson.apply(created(escaped(expected)));
            String what = raw.chars().mapToObj(c -> String.format("%04x", c))
                .collect(java.util.stream.Collectors.joining(" "));
            assertEquals(what, expected, viaJni.party("stavanger").name());
            assertEquals(what, viaJson.dumps(), viaJni.dumps());
        }
    }

    @Test
    public void eachUtf8LengthAndSurrogateCaseReachesCAsToday() {
        assertCrossesAs("\u00e9\u00df\u07ff", "\u00e9\u00df\u07ff");             // 2 bytes
        assertCrossesAs("\u0800\u20ac\ufffd", "\u0800\u20ac\ufffd");             // 3 bytes
        assertCrossesAs(GRIN + "\uD800\uDC00\uDBFF\uDFFF", GRIN + "\uD800\uDC00\uDBFF\uDFFF"); // 4 bytes
        // A lone surrogate becomes U+FFFD, as JSON cannot carry one to C either.
        assertCrossesAs("a\uD800b", "a\uFFFDb");                               // lone high
        assertCrossesAs("a\uDC00b", "a\uFFFDb");                               // lone low
        assertCrossesAs("ab\uD83D", "ab\uFFFD");                               // high at the end
        assertCrossesAs("\uDC00ab", "\uFFFDab");                               // low at the start
        assertCrossesAs("\uDE00\uD83D", "\uFFFD\uFFFD");                       // a pair reversed
        assertCrossesAs("\uD83D" + GRIN, "\uFFFD" + GRIN);                     // high, then a pair
        assertCrossesAs(GRIN + "\uDE00", GRIN + "\uFFFD");                     // a pair, then low
    }

    /** Runs of ASCII of every length around the encoder's blocks, before and after
     * each kind of non-ASCII character. */
    @Test
    public void asciiAtEveryOffsetAroundTheFastPath() {
        String[] others = {"\u00e9", "\u20ac", GRIN, "\uD800", "\u0080", "\u007f"};
        String[] expect = {"\u00e9", "\u20ac", GRIN, "\uFFFD", "\u0080", "\u007f"};
        String ascii = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"; // 52 letters
        for (int n = 1; n <= 40; n++)
            assertCrossesAs(ascii.substring(0, n), ascii.substring(0, n));
        for (int k = 0; k <= 34; k++)
            for (int i = 0; i < others.length; i++) {
                String before = ascii.substring(0, k), after = ascii.substring(k, k + 1 + k % 9);
                assertCrossesAs(before + others[i] + after, before + expect[i] + after);
                assertCrossesAs(before + others[i] + others[i] + after, before + expect[i] + expect[i] + after);
            }
    }

    /** A pair, a lone surrogate or a 3-byte character and a pair at each offset around
     * the powers of two up to 16 Ki units (where the wrapper's chunks end). */
    @Test
    public void surrogatesAcrossChunkBoundaries() {
        int before = created("\"#\"").indexOf('#'); // the event text before the name
        for (int power = 1024; power <= 16384; power *= 2)
            for (int at = power - 3; at <= power + 1; at++) {
                String a = "a".repeat(at - before);
                assertCrossesAs(a + GRIN + "b", a + GRIN + "b");
                assertCrossesAs(a + "\uD800b", a + "\uFFFDb");
                assertCrossesAs(a + "\uDC00b", a + "\uFFFDb");
                assertCrossesAs(a + "\uD800", a + "\uFFFD");
                assertCrossesAs(a + "\u20ac" + GRIN, a + "\u20ac" + GRIN);
            }
    }

    /** Random mixes of ASCII, each UTF-8 length and lone surrogates (fixed seed). */
    @Test
    public void randomMixesReachCAsTheirUtf8() {
        char[] units = {'a', 'Z', ' ', '~', '\u007f', '\u0080', '\u00f8', '\u07ff', '\u0800', '\u20ac',
                        '\ufffd', '\uD83D', '\uDE00', '\uDBFF', '\uDC00'};
        java.util.Random random = new java.util.Random(18);
        for (int round = 0; round < 200; round++) {
            StringBuilder raw = new StringBuilder("n");
            int length = random.nextInt(48);
            for (int i = 0; i < length; i++)
                raw.append(random.nextInt(3) == 0 ? units[random.nextInt(units.length)] : 'x');
            StringBuilder expected = new StringBuilder();
            raw.codePoints().forEach(cp -> expected.appendCodePoint(
                Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp));
            assertCrossesAs(raw.toString(), expected.toString());
        }
    }

    /** C counts the bytes it got: a name of exactly 65536 bytes (its limit) passes,
     * one byte more is refused naming that limit. */
    @Test
    public void byteCountsAreExactUpToTheStringLimit() {
        String[] fits = {"a".repeat(65536), GRIN.repeat(16384), "\u20ac".repeat(21845) + "a",
                         "\u00e9".repeat(32768), "x".repeat(9) + "\u00e9".repeat(32763) + "y"};
        for (String name : fits) {
            try (Partnership p = new Partnership("NO")) {
                p.apply(created("\"" + name + "\""));
                assertEquals(name, p.party("stavanger").name());
            }
            for (String more : new String[] {"b", "\u00e9", GRIN}) {
                try (Partnership p = new Partnership("NO")) {
                    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                        () -> p.apply(created("\"" + name + more + "\"")));
                    assertEquals("document.string.too_long", e.key());
                    assertEquals("$.authority.name", e.path());
                    assertEquals(0, p.eventCount());
                }
            }
        }
        // A lone surrogate counts as U+FFFD's three bytes.
        try (Partnership p = new Partnership("NO")) {
            String name = "a".repeat(65533) + "\uD800";
            p.apply(created("\"" + name + "\""));
            assertEquals("a".repeat(65533) + "\uFFFD", p.party("stavanger").name());
        }
        try (Partnership p = new Partnership("NO")) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> p.apply(created("\"a" + "a".repeat(65533) + "\uD800\"")));
            assertEquals("document.string.too_long", e.key());
        }
    }

    /** A text of a million characters (leading white space) crosses whole, in
     * apply, applyAll and loads. */
    @Test
    public void veryLongTextsCrossWhole() {
        String pad = " \n\t".repeat(350_000);
        String name = "Høyland " + GRIN + " kommune";
        try (Partnership p = new Partnership("NO"); Partnership q = new Partnership("NO")) {
            p.apply(pad + created("\"" + name + "\"") + pad);
            q.applyAll("[" + pad + created("\"" + name + "\"") + pad + "]");
            assertEquals(name, p.party("stavanger").name());
            assertEquals(p.dumps(), q.dumps());
            try (Partnership r = Partnership.loads(pad + p.dumps() + pad)) {
                assertEquals(p.dumps(), r.dumps());
            }
        }
    }

    /** The library's own refusal of a NUL (escaped in JSON) is still what a text gets. */
    @Test
    public void escapedNulIsTheLibrarysPreciseRefusal() {
        try (Partnership p = new Partnership("NO")) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> p.apply(created("\"a\\u0000b\"")));
            assertEquals("document.string.nul", e.key());
            assertEquals("$.authority.name", e.path());
            InvalidArgumentException f = assertThrows(InvalidArgumentException.class,
                () -> p.applyAll("[" + created("\"a\\u0000b\"") + "]"));
            assertEquals("document.string.nul", f.key());
            assertEquals("$[0].authority.name", f.path());
            assertEquals(0, p.eventCount());
        }
    }

    /** The native pointer of p's handle, for calls of the JNI class itself. */
    private static long cptr(Partnership p) throws ReflectiveOperationException {
        java.lang.reflect.Method getCPtr = no.ipart.swig.ipart_partnership.class
            .getDeclaredMethod("getCPtr", no.ipart.swig.ipart_partnership.class);
        getCPtr.setAccessible(true);
        return (long) getCPtr.invoke(null, p.h());
    }

    /** Past the facade, a raw U+0000 in an event reaches C as C0 80, invalid UTF-8. */
    @Test
    public void rawNulInAnEventPastTheFacadeIsInvalidUtf8() throws Exception {
        try (Partnership p = new Partnership("NO")) {
            for (String name : new String[] {"a\u0000b", "\u0000", "abcdefghij\u0000klmnop"}) {
                InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> no.ipart.swig.IpartCapiJNI.ipart_partnership_apply(
                        cptr(p), p.h(), created("\"" + name + "\"")));
                assertEquals("document.string.utf8", e.key());
                assertEquals(0, p.eventCount());
            }
        }
    }

    /* ---- the batch text of applyAll: its U+0000 refused by the encoder in C ---- */

    /** A note of the authority's, its text where the {@code #} is. */
    private static final String NOTE = "{\"type\":\"note_recorded\",\"date\":\"2017-02-10\","
        + "\"actor\":\"stavanger\",\"text\":\"#\"}";

    private static String note(String text) {
        return NOTE.replace("#", text);
    }

    /** A raw U+0000 anywhere in applyAll's text (around the encoder's 8- and 16-unit
     * blocks and its 2048-unit chunks) is apply's IllegalArgumentException, with the same
     * message, and nothing is applied: the same state, the same saved bytes. */
    @Test
    public void rawNulInABatchIsRefusedBeforeAnythingIsApplied() {
        String applyMessage;
        try (Partnership p = new Partnership("NO")) {
            applyMessage = assertThrows(IllegalArgumentException.class,
                () -> p.apply(created("\"a\u0000b\""))).getMessage();
        }
        try (Partnership p = new Partnership("NO")) {
            p.apply(created("\"Stavanger kommune\""));
            String before = p.dumps();
            // The NUL at every offset around the blocks: in white space before the array.
            for (int at = 0; at <= 40; at++) {
                String batch = " ".repeat(at) + "\u0000[" + note("x") + "]";
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> p.applyAll(batch));
                assertEquals(applyMessage, e.getMessage());
            }
            // Inside the second event's text, after another character, around the chunks.
            String head = "[" + note("x") + ",";
            for (String other : new String[] {"", "\u00f8", "\u2013", GRIN})
                for (int at = 2040; at <= 2056; at++) {
                    int pad = at - head.length() - NOTE.indexOf('#') - other.length();
                    String batch = head + note(other + "y".repeat(pad) + "\u0000z") + "]";
                    assertEquals(at, batch.indexOf('\u0000'));
                    IllegalArgumentException e = assertThrows(at + other,
                        IllegalArgumentException.class, () -> p.applyAll(batch));
                    assertEquals(applyMessage, e.getMessage());
                }
            assertThrows(IllegalArgumentException.class, () -> p.applyAll("[]\u0000"));
            assertEquals(1, p.eventCount());
            assertEquals(before, p.dumps());
        }
    }

    /** Straight into the JNI class, applyAll's text is refused the same way (the check
     * is in the wrapper, not in the facade). */
    @Test
    public void rawNulInABatchPastTheFacadeIsRefusedAlike() throws Exception {
        try (Partnership p = new Partnership("NO")) {
            String before = p.dumps();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> no.ipart.swig.IpartCapiJNI.ipart_partnership_apply_all(
                    cptr(p), p.h(), "[" + created("\"a\u0000b\"") + "]"));
            assertTrue(e.getMessage(), e.getMessage().contains("NUL"));
            assertEquals(0, p.eventCount());
            assertEquals(before, p.dumps());
        }
    }

    /** Non-ASCII characters, pairs and lone surrogates at every offset around the
     * encoder's blocks and at its chunk boundaries reach C in a batch as they do one event
     * at a time: the same log, the same saved bytes. */
    @Test
    public void aBatchCrossesAsItsEventsOneByOne() {
        String[] others = {"\u00f8", "\u2013", GRIN, "\uD800", "\uDC00", "\u0080", "\u007f", "\u00e9\u20ac"};
        java.util.List<String> events = new java.util.ArrayList<>();
        for (int k = 0; k <= 40; k++)
            for (String other : others)
                events.add(note("a".repeat(k) + other + "b".repeat(k % 9)));
        assertBatchCrossesAsOneByOne(events);
        String head = "[" + created("\"Stavanger kommune\"") + ",";
        for (int boundary = 2048; boundary <= 4096; boundary += 2048)
            for (int at = boundary - 8; at <= boundary + 8; at++)
                for (String other : others) {
                    String event = note("c".repeat(at - head.length() - NOTE.indexOf('#')) + other + "d");
                    assertEquals(at, (head + event).indexOf(other));
                    assertBatchCrossesAsOneByOne(java.util.List.of(event));
                }
    }

    /** A partnership created, then {@code events} applied one by one and as one batch:
     * the same log, the same saved bytes. */
    private static void assertBatchCrossesAsOneByOne(java.util.List<String> events) {
        try (Partnership one = new Partnership("NO"); Partnership batch = new Partnership("NO")) {
            one.apply(created("\"Stavanger kommune\""));
            events.forEach(one::apply);
            batch.applyAll("[" + created("\"Stavanger kommune\"") + "," + String.join(",", events) + "]");
            assertEquals(events.size() + 1, batch.eventCount());
            assertEquals(one.dumps(), batch.dumps());
        }
    }

    @Test
    public void longStringsCrossIntact() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++)
            sb.append("æ").append(GRIN).append('x');
        String name = sb.toString();
        try (Partnership p = new Partnership("NO")) {
            p.apply(created("\"" + name + "\""));
            assertEquals(name, p.party("stavanger").name());
        }
    }
}

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

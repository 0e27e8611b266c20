// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The timeline as SVG: one lane per partner, labels in nb and en. */
public class TimelineTest {
    private static Partnership stavanger() {
        return Partnership.load(Cases.load("procedure/stavanger.json").getAsJsonObject()
            .getAsJsonObject("document").toString());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find())
            n++;
        return n;
    }

    @Test
    public void oneLanePerPartnerInBothLanguages() {
        try (Partnership p = stavanger()) {
            String en = p.timelineSvg("en");
            String nb = p.timelineSvg("nb");
            assertTrue(en.startsWith("<?xml"));
            assertEquals(3, count(en, "<g class=\"lane\""));
            for (String partner : new String[] {"op05", "op08", "op11"})
                assertTrue(partner, en.contains("data-partner=\"" + partner + "\""));
            assertTrue(en.contains(">Development budget<"));
            assertTrue(nb.contains(">Utviklingsbudsjett<"));
            assertTrue(nb.contains(">utbetalt 6 420 000,00 kr<"));
            assertFalse(nb.contains("Development budget"));
        }
    }

    @Test
    public void anotherLanguageIsRefused() {
        try (Partnership p = stavanger()) {
            InvalidArgumentException e =
                assertThrows(InvalidArgumentException.class, () -> p.timelineSvg("de"));
            assertTrue(e.getMessage().contains("\"nb\" or \"en\""));
        }
    }
}

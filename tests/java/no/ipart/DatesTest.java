// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.Test;

/** Dates, driven by tests/cases/core/dates.json. */
public class DatesTest {
    private static final JsonObject CASES = Cases.load("core/dates.json").getAsJsonObject();

    private static LocalDate triple(JsonObject k) {
        JsonArray d = k.getAsJsonArray("date");
        return LocalDate.of(d.get(0).getAsInt(), d.get(1).getAsInt(), d.get(2).getAsInt());
    }

    @Test
    public void parse() {
        int ok = 0;
        for (JsonElement el : Cases.list(CASES, "parse")) {
            JsonObject k = el.getAsJsonObject();
            String text = Cases.str(k, "text");
            if (k.has("error")) {
                Cases.expectError(k, () -> Dates.parse(text));
            } else {
                LocalDate want = triple(k);
                assertEquals(k.toString(), want, Dates.parse(text));
                assertEquals(k.toString(), text, Dates.format(want));
                ok++;
            }
        }
        assertTrue(ok > 0);
    }

    /**
     * "make": a LocalDate cannot hold 2017-02-30, so those cases check that
     * Java refuses them too; the years C refuses (0, -1, 10000) can be
     * LocalDates, and C must refuse them when one is passed in.
     */
    @Test
    public void make() {
        int passedToC = 0;
        for (JsonElement el : Cases.list(CASES, "make")) {
            JsonObject k = el.getAsJsonObject();
            JsonArray d = k.getAsJsonArray("date");
            LocalDate date;
            try {
                date = triple(k);
            } catch (DateTimeException e) {
                assertTrue(k + ": Java refuses a date C accepts", k.has("error"));
                continue;
            }
            passedToC++;
            if (k.has("error")) {
                Cases.expectError(k, () -> Dates.format(date));
                Cases.expectError(k, () -> Dates.isoWeekday(date));
            } else {
                assertEquals(String.format("%04d-%02d-%02d", d.get(0).getAsInt(), d.get(1).getAsInt(),
                                           d.get(2).getAsInt()), Dates.format(date));
                assertEquals(date, Dates.parse(Dates.format(date)));
            }
        }
        assertTrue(passedToC > 0);
    }

    @Test
    public void addDays() {
        for (JsonElement el : Cases.list(CASES, "add_days")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate from = Cases.date(k, "date");
            long days = k.get("days").getAsLong();
            if (k.has("error")) {
                Cases.expectError(k, () -> Dates.addDays(from, days));
            } else {
                LocalDate want = Cases.date(k, "result");
                assertEquals(k.toString(), want, Dates.addDays(from, days));
                assertEquals(k.toString(), from.plusDays(days), want);
                assertEquals(k.toString(), days, Dates.daysBetween(from, want));
            }
        }
    }

    @Test
    public void daysBetweenCompareAndWeekday() {
        for (JsonElement el : Cases.list(CASES, "days_between")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate from = Cases.date(k, "from"), to = Cases.date(k, "to");
            long days = k.get("days").getAsLong();
            assertEquals(k.toString(), days, Dates.daysBetween(from, to));
            assertEquals(k.toString(), -days, Dates.daysBetween(to, from));
            assertEquals(k.toString(), ChronoUnit.DAYS.between(from, to), days);
            assertEquals(k.toString(), Long.signum(days), Dates.compare(to, from));
            assertEquals(k.toString(), -Long.signum(days), Dates.compare(from, to));
        }
        for (JsonElement el : Cases.list(CASES, "weekday")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate d = Cases.date(k, "date");
            assertEquals(k.toString(), k.get("weekday").getAsInt(), Dates.isoWeekday(d));
            assertEquals(k.toString(), d.getDayOfWeek().getValue(), Dates.isoWeekday(d));
        }
        assertEquals(-1, Dates.compare(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 2)));
        assertEquals(0, Dates.compare(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 1)));
    }

    @Test
    public void limitsOfTheSupportedYears() {
        LocalDate first = LocalDate.of(1, 1, 1), last = LocalDate.of(9999, 12, 31);
        assertEquals("0001-01-01", Dates.format(first));
        assertEquals("9999-12-31", Dates.format(last));
        assertEquals(3652058L, Dates.daysBetween(first, last));
        assertThrows(OutOfRangeException.class, () -> Dates.addDays(last, 1));
        assertThrows(OutOfRangeException.class, () -> Dates.addDays(first, Long.MIN_VALUE));
        assertThrows(OutOfRangeException.class, () -> Dates.addDays(first, Long.MAX_VALUE));
        assertThrows(InvalidArgumentException.class, () -> Dates.format(LocalDate.of(10000, 1, 1)));
        assertThrows(InvalidArgumentException.class, () -> Dates.format(LocalDate.MIN));
    }

    @Test
    public void nulls() {
        assertThrows(NullPointerException.class, () -> Dates.format(null));
        assertThrows(MisuseException.class, () -> Dates.parse(null));
    }
}

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import org.junit.Test;

/** Dates, driven by tests/cases/core/dates.json. */
public class DatesTest {
    private static final JsonObject CASES = Cases.load("core/dates.json").getAsJsonObject();

    @SuppressWarnings("unchecked")
    private static void expect(String status, Runnable r) {
        assertThrows((Class<? extends Throwable>) Cases.exceptionFor(status), r::run);
    }

    @Test
    public void parse() {
        for (JsonElement el : CASES.getAsJsonArray("parse")) {
            JsonObject k = el.getAsJsonObject();
            if (k.has("error")) {
                expect(Cases.str(k, "error"), () -> Dates.parse(Cases.str(k, "text")));
            } else {
                JsonArray d = k.getAsJsonArray("date");
                LocalDate want = LocalDate.of(d.get(0).getAsInt(), d.get(1).getAsInt(), d.get(2).getAsInt());
                assertEquals(want, Dates.parse(Cases.str(k, "text")));
                assertEquals(Cases.str(k, "text"), Dates.format(want));
            }
        }
    }

    @Test
    public void arithmetic() {
        for (JsonElement el : CASES.getAsJsonArray("add_days")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate from = LocalDate.parse(Cases.str(k, "date"));
            long days = k.get("days").getAsLong();
            if (k.has("error"))
                expect(Cases.str(k, "error"), () -> Dates.addDays(from, days));
            else
                assertEquals(LocalDate.parse(Cases.str(k, "result")), Dates.addDays(from, days));
        }
        for (JsonElement el : CASES.getAsJsonArray("days_between")) {
            JsonObject k = el.getAsJsonObject();
            assertEquals(k.get("days").getAsLong(),
                Dates.daysBetween(LocalDate.parse(Cases.str(k, "from")), LocalDate.parse(Cases.str(k, "to"))));
        }
        for (JsonElement el : CASES.getAsJsonArray("weekday")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate d = LocalDate.parse(Cases.str(k, "date"));
            assertEquals(k.get("weekday").getAsInt(), Dates.isoWeekday(d));
            assertEquals(d.getDayOfWeek().getValue(), Dates.isoWeekday(d));
        }
        assertEquals(-1, Dates.compare(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 2)));
        assertThrows(NullPointerException.class, () -> Dates.format(null));
        assertThrows(MisuseException.class, () -> Dates.parse(null));
    }
}

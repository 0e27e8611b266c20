// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;

/** Calendars and periods, driven by tests/cases/core/calendar.json. */
public class CalendarTest {
    private static final JsonObject CASES = Cases.load("core/calendar.json").getAsJsonObject();

    @SuppressWarnings("unchecked")
    private static void expect(String status, Runnable r) {
        assertThrows((Class<? extends Throwable>) Cases.exceptionFor(status), r::run);
    }

    @Test
    public void easter() {
        for (JsonElement el : CASES.getAsJsonArray("easter")) {
            JsonObject k = el.getAsJsonObject();
            int year = k.get("year").getAsInt();
            if (k.has("error"))
                expect(Cases.str(k, "error"), () -> HolidayCalendar.easterSunday(year));
            else
                assertEquals(LocalDate.parse(Cases.str(k, "date")), HolidayCalendar.easterSunday(year));
        }
    }

    @Test
    public void completeHolidayLists() {
        for (JsonElement el : CASES.getAsJsonArray("holidays")) {
            JsonObject k = el.getAsJsonObject();
            HolidayCalendar cal = new HolidayCalendar(Cases.str(k, "profile"));
            List<String> want = new ArrayList<>(), got = new ArrayList<>();
            for (JsonElement h : k.getAsJsonArray("holidays"))
                want.add(Cases.str(h.getAsJsonObject(), "date") + " " + Cases.str(h.getAsJsonObject(), "id"));
            for (Holiday h : cal.holidays(k.get("year").getAsInt())) {
                got.add(h.date() + " " + h.id());
                assertTrue(cal.isHoliday(h.date()));
                assertFalse(cal.isWorkingDay(h.date()));
                assertFalse(h.nameLocal().isEmpty());
            }
            assertEquals(k.toString(), want, got);
        }
        for (JsonElement el : CASES.getAsJsonArray("holiday_errors")) {
            JsonObject k = el.getAsJsonObject();
            expect(Cases.str(k, "error"),
                () -> new HolidayCalendar(Cases.str(k, "profile")).holidays(k.get("year").getAsInt()));
        }
    }

    @Test
    public void periods() {
        for (JsonElement el : CASES.getAsJsonArray("periods")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate from = LocalDate.parse(Cases.str(k, "from"));
            int days = k.get("days").getAsInt();
            if (k.has("error")) {
                expect(Cases.str(k, "error"), () -> new HolidayCalendar(Cases.str(k, "profile")).periodEnd(from, days));
            } else {
                HolidayCalendar cal = new HolidayCalendar(Cases.str(k, "profile"));
                LocalDate end = cal.periodEnd(from, days);
                assertEquals(k.toString(), LocalDate.parse(Cases.str(k, "end")), end);
                assertEquals(end, cal.nextWorkingDay(end));
            }
        }
    }

    @Test
    public void norwegianEaster2017AsPublished() {
        Map<String, LocalDate> byId = new HolidayCalendar("NO").holidays(2017).stream()
            .collect(Collectors.toMap(Holiday::id, Holiday::date));
        assertEquals(LocalDate.of(2017, 4, 13), byId.get("maundy_thursday"));
        assertEquals(LocalDate.of(2017, 4, 14), byId.get("good_friday"));
        assertEquals(LocalDate.of(2017, 4, 17), byId.get("easter_monday"));
        assertEquals(LocalDate.of(2017, 5, 17), byId.get("constitution_day"));
        assertEquals(LocalDate.of(2017, 6, 5), byId.get("whit_monday"));
    }

    @Test
    public void unknownProfileIsRefused() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> new HolidayCalendar("no"));
        assertTrue(e.getMessage().contains("NO, SE, DK"));
        assertThrows(MisuseException.class, () -> new HolidayCalendar(null));
    }
}

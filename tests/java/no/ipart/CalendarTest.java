// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;

/** Calendars and periods, driven by tests/cases/core/calendar.json. */
public class CalendarTest {
    private static final JsonObject CASES = Cases.load("core/calendar.json").getAsJsonObject();

    @Test
    public void easter() {
        for (JsonElement el : Cases.list(CASES, "easter")) {
            JsonObject k = el.getAsJsonObject();
            int year = k.get("year").getAsInt();
            if (k.has("error")) {
                Cases.expectError(k, () -> HolidayCalendar.easterSunday(year));
            } else {
                LocalDate sunday = HolidayCalendar.easterSunday(year);
                assertEquals(k.toString(), Cases.date(k, "date"), sunday);
                assertEquals(DayOfWeek.SUNDAY, sunday.getDayOfWeek());
            }
        }
    }

    @Test
    public void completeHolidayLists() {
        for (JsonElement el : Cases.list(CASES, "holidays")) {
            JsonObject k = el.getAsJsonObject();
            HolidayCalendar cal = new HolidayCalendar(Cases.str(k, "profile"));
            int year = k.get("year").getAsInt();
            List<String> want = new ArrayList<>(), got = new ArrayList<>();
            for (JsonElement h : k.getAsJsonArray("holidays"))
                want.add(Cases.str(h.getAsJsonObject(), "date") + " " + Cases.str(h.getAsJsonObject(), "id"));
            List<Holiday> holidays = cal.holidays(year);
            Set<String> ids = new HashSet<>();
            LocalDate previous = null;
            for (Holiday h : holidays) {
                got.add(h.date() + " " + h.id());
                assertEquals(year, h.date().getYear());
                assertTrue(h + " out of order", previous == null || !h.date().isBefore(previous));
                previous = h.date();
                assertTrue("duplicate id " + h.id(), ids.add(h.id()));
                assertTrue(h.toString(), cal.isHoliday(h.date()));
                assertFalse(h.toString(), cal.isWorkingDay(h.date()));
                assertFalse(h.toString(), h.nameEn().isEmpty());
                assertFalse(h.toString(), h.nameLocal().isEmpty());
            }
            assertEquals(k.toString(), want, got);
            assertThrows(UnsupportedOperationException.class, () -> holidays.remove(0));
        }
        for (JsonElement el : Cases.list(CASES, "holiday_errors")) {
            JsonObject k = el.getAsJsonObject();
            Cases.expectError(k, () -> new HolidayCalendar(Cases.str(k, "profile")).holidays(k.get("year").getAsInt()));
        }
    }

    @Test
    public void periods() {
        int ok = 0;
        for (JsonElement el : Cases.list(CASES, "periods")) {
            JsonObject k = el.getAsJsonObject();
            LocalDate from = Cases.date(k, "from");
            int days = k.get("days").getAsInt();
            if (k.has("error")) {
                Cases.expectError(k, () -> new HolidayCalendar(Cases.str(k, "profile")).periodEnd(from, days));
                continue;
            }
            HolidayCalendar cal = new HolidayCalendar(Cases.str(k, "profile"));
            LocalDate end = cal.periodEnd(from, days);
            assertEquals(k.toString(), Cases.date(k, "end"), end);
            assertTrue(k.toString(), cal.isWorkingDay(end));
            assertFalse(k.toString(), end.isBefore(from.plusDays(days)));
            // At least the next working day after from + days (Art. 3(4)); may be
            // later (Art. 3(5): a period of two days or more holds two working days).
            assertFalse(k.toString(), end.isBefore(cal.nextWorkingDay(from.plusDays(days))));
            assertEquals(end, cal.nextWorkingDay(end));
            ok++;
        }
        assertTrue(ok > 0);
    }

    @Test
    public void norwegianHolidaysWithTheirNames() {
        Map<String, Holiday> byId = new HolidayCalendar("NO").holidays(2017).stream()
            .collect(Collectors.toMap(Holiday::id, h -> h));
        assertEquals(LocalDate.of(2017, 4, 13), byId.get("maundy_thursday").date());
        assertEquals(LocalDate.of(2017, 4, 14), byId.get("good_friday").date());
        assertEquals(LocalDate.of(2017, 4, 17), byId.get("easter_monday").date());
        assertEquals(LocalDate.of(2017, 5, 17), byId.get("constitution_day").date());
        assertEquals(LocalDate.of(2017, 6, 5), byId.get("whit_monday").date());
        // Non-ASCII names arrive intact (UTF-8 from C).
        assertEquals("Andre påskedag", byId.get("easter_monday").nameLocal());
        assertEquals("Skjærtorsdag", byId.get("maundy_thursday").nameLocal());
        assertEquals("Easter Monday", byId.get("easter_monday").nameEn());
    }

    @Test
    public void workingDaysAndTheR40Example() {
        HolidayCalendar no = new HolidayCalendar("NO");
        assertEquals("NO", no.profile());
        LocalDate saturday = LocalDate.of(2017, 5, 20);
        assertFalse(no.isHoliday(saturday));
        assertFalse(no.isWorkingDay(saturday));
        assertEquals(LocalDate.of(2017, 5, 22), no.nextWorkingDay(saturday));
        assertTrue(no.isWorkingDay(LocalDate.of(2017, 5, 22)));
        // RULES.md R40: a 10-day standstill from 2019-04-08 ends on Tuesday 2019-04-23.
        assertEquals(LocalDate.of(2019, 4, 23), no.periodEnd(LocalDate.of(2019, 4, 8), 10));
        assertThrows(InvalidArgumentException.class, () -> no.periodEnd(LocalDate.of(2019, 4, 8), -1));
        assertThrows(OutOfRangeException.class, () -> no.isHoliday(LocalDate.of(1899, 12, 31)));
        assertEquals(1900, HolidayCalendar.FIRST_YEAR);
        assertEquals(2199, HolidayCalendar.LAST_YEAR);
        assertEquals(no, new HolidayCalendar("NO"));
        assertEquals(no.hashCode(), new HolidayCalendar("NO").hashCode());
        assertNotEquals(no, new HolidayCalendar("SE"));
        assertEquals("HolidayCalendar[NO]", no.toString());
    }

    @Test
    public void unknownProfileIsRefusedListingTheCodes() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> new HolidayCalendar("no"));
        for (String code : new String[] {"NO", "SE", "DK", "EU"})
            assertTrue(e.getMessage(), e.getMessage().contains(code));
        assertThrows(IllegalArgumentException.class, () -> new HolidayCalendar("NO\u0000"));
        assertThrows(MisuseException.class, () -> new HolidayCalendar(null));
    }
}

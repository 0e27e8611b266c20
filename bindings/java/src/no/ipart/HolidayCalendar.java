// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_date;
import no.ipart.swig.ipart_holiday;

/**
 * The holiday calendar of a profile ("NO", "SE", "DK", "EU") and period
 * counting per Regulation 1182/71. Named so as not to clash with
 * java.util.Calendar.
 */
public final class HolidayCalendar {
    private final String profile;

    /** InvalidArgumentException for an unknown profile. */
    public HolidayCalendar(String profile) {
        long[] count = new long[1];
        IpartCapi.ipart_calendar_holiday_count(count, profile, IpartCapi.IPART_CALENDAR_FIRST_YEAR);
        this.profile = profile;
    }

    public String getProfile() { return profile; }

    /** Easter Sunday of a Gregorian year. */
    public static LocalDate easterSunday(int year) {
        ipart_date out = new ipart_date();
        try {
            IpartCapi.ipart_easter_sunday(out, year);
        } catch (RuntimeException e) {
            out.delete();
            throw e;
        }
        return Dates.fromC(out);
    }

    /** Every holiday of a year, in date order. */
    public List<Holiday> holidays(int year) {
        long[] count = new long[1];
        IpartCapi.ipart_calendar_holiday_count(count, profile, year);
        List<Holiday> out = new ArrayList<>();
        for (long i = 0; i < count[0]; i++) {
            ipart_holiday h = new ipart_holiday();
            try {
                IpartCapi.ipart_calendar_holiday_at(h, profile, year, i);
                ipart_date d = h.getDate();
                out.add(new Holiday(LocalDate.of(d.getYear(), d.getMonth(), d.getDay()), h.getId(),
                                    h.getName_en(), h.getName_local()));
            } finally {
                h.delete();
            }
        }
        return out;
    }

    private interface DateQuery {
        void apply(int[] out, String profile, ipart_date date);
    }

    private boolean ask(LocalDate d, DateQuery q) {
        int[] out = new int[1];
        ipart_date c = Dates.toC(d);
        try {
            q.apply(out, profile, c);
        } finally {
            c.delete();
        }
        return out[0] != 0;
    }

    public boolean isHoliday(LocalDate d) { return ask(d, IpartCapi::ipart_calendar_is_holiday); }

    public boolean isWorkingDay(LocalDate d) { return ask(d, IpartCapi::ipart_calendar_is_working_day); }

    public LocalDate nextWorkingDay(LocalDate d) {
        ipart_date c = Dates.toC(d), out = new ipart_date();
        try {
            IpartCapi.ipart_calendar_next_working_day(out, profile, c);
        } catch (RuntimeException e) {
            out.delete();
            throw e;
        } finally {
            c.delete();
        }
        return Dates.fromC(out);
    }

    /** Last day of a period of {@code days} days counted from the day after {@code start}. */
    public LocalDate periodEnd(LocalDate start, int days) {
        ipart_date c = Dates.toC(start), out = new ipart_date();
        try {
            IpartCapi.ipart_period_end(out, profile, c, days);
        } catch (RuntimeException e) {
            out.delete();
            throw e;
        } finally {
            c.delete();
        }
        return Dates.fromC(out);
    }
}

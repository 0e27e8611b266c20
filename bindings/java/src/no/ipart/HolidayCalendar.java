// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_date;
import no.ipart.swig.ipart_holiday;

/**
 * The public holidays of a profile ("NO", "SE", "DK", "EU") and the
 * counting of periods per Regulation 1182/71, for the years
 * {@link #FIRST_YEAR}..{@link #LAST_YEAR}. Named so as not to clash with
 * {@link java.util.Calendar}. An immutable value holding no native memory;
 * thread-safe.
 */
public final class HolidayCalendar {
    /** The first year with holidays (IPART_CALENDAR_FIRST_YEAR). */
    public static final int FIRST_YEAR = IpartCapi.IPART_CALENDAR_FIRST_YEAR;
    /** The last year with holidays (IPART_CALENDAR_LAST_YEAR). */
    public static final int LAST_YEAR = IpartCapi.IPART_CALENDAR_LAST_YEAR;

    private final String profile;

    /**
     * The calendar of a profile, checked by the C library.
     *
     * @param profile "NO", "SE", "DK" or "EU" (case-sensitive)
     * @throws InvalidArgumentException for an unknown profile; the message
     *         lists the accepted codes
     * @throws MisuseException if profile is null
     */
    public HolidayCalendar(String profile) {
        long[] count = new long[1];
        IpartCapi.ipart_calendar_holiday_count(count, profile, FIRST_YEAR);
        this.profile = profile;
    }

    /**
     * The profile.
     *
     * @return e.g. "NO"
     */
    public String profile() { return profile; }

    /**
     * Old name of {@link #profile()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #profile()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getProfile() { return profile(); }

    /**
     * Easter Sunday of a Gregorian year.
     *
     * @param year 1583..9999
     * @return the date
     * @throws OutOfRangeException for another year
     */
    public static LocalDate easterSunday(int year) {
        try (ipart_date out = new ipart_date()) {
            IpartCapi.ipart_easter_sunday(out, year);
            return Dates.fromC(out);
        }
    }

    /**
     * Every public holiday of a year.
     *
     * @param year {@link #FIRST_YEAR}..{@link #LAST_YEAR}
     * @return the holidays in date order (unmodifiable)
     * @throws OutOfRangeException for another year
     */
    public List<Holiday> holidays(int year) {
        long[] count = new long[1];
        IpartCapi.ipart_calendar_holiday_count(count, profile, year);
        List<Holiday> out = new ArrayList<>((int) count[0]);
        for (long i = 0; i < count[0]; i++) {
            try (ipart_holiday h = new ipart_holiday()) {
                IpartCapi.ipart_calendar_holiday_at(h, profile, year, i);
                // The date proxy points into h: read it before h is closed.
                out.add(new Holiday(Dates.fromC(h.getDate()), h.getId(), h.getName_en(),
                                    h.getName_local()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private interface DateQuery {
        void apply(int[] out, String profile, ipart_date date);
    }

    private boolean ask(LocalDate d, DateQuery q) {
        int[] out = new int[1];
        try (ipart_date c = Dates.toC(d)) {
            q.apply(out, profile, c);
        }
        return out[0] != 0;
    }

    /**
     * Whether a date is a public holiday (a weekend day as such is not).
     *
     * @param d a date of the calendar's years
     * @return true on a public holiday
     * @throws NullPointerException if d is null
     * @throws OutOfRangeException outside the calendar's years
     */
    public boolean isHoliday(LocalDate d) { return ask(d, IpartCapi::ipart_calendar_is_holiday); }

    /**
     * Whether a date is a working day: not a Saturday, Sunday or public holiday.
     *
     * @param d a date of the calendar's years
     * @return true on a working day
     * @throws NullPointerException if d is null
     * @throws OutOfRangeException outside the calendar's years
     */
    public boolean isWorkingDay(LocalDate d) { return ask(d, IpartCapi::ipart_calendar_is_working_day); }

    /**
     * The date itself if it is a working day, else the next working day.
     *
     * @param d a date of the calendar's years
     * @return a working day, {@code d} or later
     * @throws NullPointerException if d is null
     * @throws OutOfRangeException outside the calendar's years
     */
    public LocalDate nextWorkingDay(LocalDate d) {
        try (ipart_date c = Dates.toC(d); ipart_date out = new ipart_date()) {
            IpartCapi.ipart_calendar_next_working_day(out, profile, c);
            return Dates.fromC(out);
        }
    }

    /**
     * The last day of a period of {@code days} calendar days starting the
     * day after {@code start} (Reg. 1182/71 Art. 3): start + days, moved
     * to the next working day if that is a Saturday, Sunday or public
     * holiday.
     *
     * @param start the day of the event that starts the period
     * @param days the length in calendar days, 0 or more
     * @return the last day of the period, a working day
     * @throws NullPointerException if start is null
     * @throws InvalidArgumentException for negative days
     * @throws OutOfRangeException if the end leaves the calendar's years
     */
    public LocalDate periodEnd(LocalDate start, int days) {
        try (ipart_date c = Dates.toC(start); ipart_date out = new ipart_date()) {
            IpartCapi.ipart_period_end(out, profile, c, days);
            return Dates.fromC(out);
        }
    }

    /**
     * Calendars of the same profile are equal.
     *
     * @param o any object
     * @return whether o is a calendar of the same profile
     */
    @Override
    public boolean equals(Object o) { return o instanceof HolidayCalendar c && c.profile.equals(profile); }

    /**
     * A hash consistent with {@link #equals(Object)}.
     *
     * @return the profile's hash
     */
    @Override
    public int hashCode() { return profile.hashCode(); }

    /**
     * For debugging.
     *
     * @return e.g. "HolidayCalendar[NO]"
     */
    @Override
    public String toString() { return "HolidayCalendar[" + profile + "]"; }
}

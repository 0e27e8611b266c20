// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.Objects;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_date;

/**
 * Civil dates as {@link LocalDate}, computed by the C library (years
 * 1..9999, proleptic Gregorian), so that C, Python and Java agree.
 * Thread-safe.
 */
public final class Dates {
    private Dates() {}

    /* A short-lived native copy; the caller closes it (try-with-resources). */
    static ipart_date toC(LocalDate d) {
        Objects.requireNonNull(d, "date");
        ipart_date out = new ipart_date();
        try {
            IpartCapi.ipart_date_make(out, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        } catch (RuntimeException e) {
            out.delete();
            throw e;
        }
        return out;
    }

    static LocalDate fromC(ipart_date d) { return LocalDate.of(d.getYear(), d.getMonth(), d.getDay()); }

    /**
     * Parse an ISO 8601 calendar date exactly: four-digit year, two-digit
     * month and day, nothing before or after.
     *
     * @param text e.g. "2017-02-09"
     * @return the date
     * @throws ParseException for other syntax ("2017-2-9")
     * @throws InvalidArgumentException for a date that does not exist ("2017-02-29")
     * @throws MisuseException if text is null
     */
    public static LocalDate parse(String text) {
        try (ipart_date out = new ipart_date()) {
            IpartCapi.ipart_date_parse(out, text);
            return fromC(out);
        }
    }

    /**
     * Format as "YYYY-MM-DD".
     *
     * @param d a date of the years 1..9999
     * @return e.g. "2017-02-09"
     * @throws NullPointerException if d is null
     * @throws InvalidArgumentException for a year outside 1..9999
     */
    public static String format(LocalDate d) {
        String[] out = new String[1];
        try (ipart_date c = toC(d)) {
            IpartCapi.ipart_date_format(out, c);
        }
        return out[0];
    }

    /**
     * Add days.
     *
     * @param d a date of the years 1..9999
     * @param days any number, negative to go back
     * @return d + days
     * @throws NullPointerException if d is null
     * @throws OutOfRangeException if the result leaves the years 1..9999
     * @throws InvalidArgumentException for a year of d outside 1..9999
     */
    public static LocalDate addDays(LocalDate d, long days) {
        try (ipart_date c = toC(d); ipart_date out = new ipart_date()) {
            IpartCapi.ipart_date_add_days(out, c, days);
            return fromC(out);
        }
    }

    /**
     * The number of days between two dates.
     *
     * @param from the first date
     * @param to the second date
     * @return positive when {@code to} is later, 0 for the same day
     * @throws NullPointerException if a date is null
     * @throws InvalidArgumentException for a year outside 1..9999
     */
    public static long daysBetween(LocalDate from, LocalDate to) {
        long[] out = new long[1];
        try (ipart_date a = toC(from); ipart_date b = toC(to)) {
            IpartCapi.ipart_date_days_between(out, a, b);
        }
        return out[0];
    }

    /**
     * The ISO weekday.
     *
     * @param d a date of the years 1..9999
     * @return 1 = Monday .. 7 = Sunday
     * @throws NullPointerException if d is null
     * @throws InvalidArgumentException for a year outside 1..9999
     */
    public static int isoWeekday(LocalDate d) {
        int[] out = new int[1];
        try (ipart_date c = toC(d)) {
            IpartCapi.ipart_date_weekday(out, c);
        }
        return out[0];
    }

    /**
     * Order two dates.
     *
     * @param a the first date
     * @param b the second date
     * @return -1, 0 or 1
     * @throws NullPointerException if a date is null
     * @throws InvalidArgumentException for a year outside 1..9999
     */
    public static int compare(LocalDate a, LocalDate b) {
        int[] out = new int[1];
        try (ipart_date x = toC(a); ipart_date y = toC(b)) {
            IpartCapi.ipart_date_compare(out, x, y);
        }
        return out[0];
    }
}

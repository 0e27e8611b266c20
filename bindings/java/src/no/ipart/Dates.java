// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.Objects;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_date;

/** Civil dates as {@link LocalDate}, computed by the C library. */
public final class Dates {
    private Dates() {}

    static ipart_date toC(LocalDate d) {
        Objects.requireNonNull(d, "date");
        ipart_date out = new ipart_date();
        IpartCapi.ipart_date_make(out, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return out;
    }

    static LocalDate fromC(ipart_date d) {
        try {
            return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
        } finally {
            d.delete();
        }
    }

    /** Parse "YYYY-MM-DD" exactly (ParseException; InvalidArgumentException for 2017-02-29). */
    public static LocalDate parse(String text) {
        ipart_date out = new ipart_date();
        try {
            IpartCapi.ipart_date_parse(out, text);
        } catch (RuntimeException e) {
            out.delete();
            throw e;
        }
        return fromC(out);
    }

    public static String format(LocalDate d) {
        String[] out = new String[1];
        ipart_date c = toC(d);
        try {
            IpartCapi.ipart_date_format(out, c);
        } finally {
            c.delete();
        }
        return out[0];
    }

    public static LocalDate addDays(LocalDate d, long days) {
        ipart_date c = toC(d), out = new ipart_date();
        try {
            IpartCapi.ipart_date_add_days(out, c, days);
        } catch (RuntimeException e) {
            out.delete();
            throw e;
        } finally {
            c.delete();
        }
        return fromC(out);
    }

    public static long daysBetween(LocalDate from, LocalDate to) {
        long[] out = new long[1];
        ipart_date a = toC(from), b = toC(to);
        try {
            IpartCapi.ipart_date_days_between(out, a, b);
        } finally {
            a.delete();
            b.delete();
        }
        return out[0];
    }

    /** ISO weekday: 1 = Monday .. 7 = Sunday. */
    public static int isoWeekday(LocalDate d) {
        int[] out = new int[1];
        ipart_date c = toC(d);
        try {
            IpartCapi.ipart_date_weekday(out, c);
        } finally {
            c.delete();
        }
        return out[0];
    }

    public static int compare(LocalDate a, LocalDate b) {
        int[] out = new int[1];
        ipart_date x = toC(a), y = toC(b);
        try {
            IpartCapi.ipart_date_compare(out, x, y);
        } finally {
            x.delete();
            y.delete();
        }
        return out[0];
    }
}

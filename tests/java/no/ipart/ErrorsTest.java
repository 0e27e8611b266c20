// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_error_code;
import org.junit.Test;

/** Status codes, the exception classes and what a thrown exception carries. */
public class ErrorsTest {
    @Test
    public void statusEnumMatchesTheCTable() {
        assertEquals(ipart_error_code.values().length, Status.values().length);
        Set<Integer> seen = new HashSet<>();
        for (ipart_error_code c : ipart_error_code.values()) {
            Status s = Status.fromValue(c.swigValue());
            assertEquals(c.name(), "IPART_" + s.name());
            assertEquals(c.name(), Ipart.errorName(s.value()));
            assertEquals(c.name(), s.codeName());
            assertFalse(Ipart.strerror(s.value()).isEmpty());
            assertTrue("duplicate value " + c, seen.add(s.value()));
        }
        assertEquals(0, Status.OK.value());
        assertEquals("invalid argument", Ipart.strerror(Status.EINVAL.value()));
        assertThrows(IllegalArgumentException.class, () -> Status.fromValue(12345));
    }

    /** Stage and Role are generated from IPART_STAGE_MAP / IPART_ROLE_MAP: a row added in C is here. */
    @Test
    public void stageAndRoleMatchTheCTables() {
        assertEquals(no.ipart.swig.ipart_stage.values().length, Stage.values().length);
        for (no.ipart.swig.ipart_stage c : no.ipart.swig.ipart_stage.values()) {
            Stage s = Stage.fromC(c);
            assertEquals(c.name(), "IPART_STAGE_" + s.name());
            assertEquals(IpartCapi.ipart_stage_name(c), s.jsonName());
        }
        assertEquals("need_identification", Stage.NEED_IDENTIFICATION.jsonName());
        assertEquals(no.ipart.swig.ipart_role.values().length, Role.values().length);
        for (no.ipart.swig.ipart_role c : no.ipart.swig.ipart_role.values()) {
            Role r = Role.fromC(c);
            assertEquals(c.name(), "IPART_ROLE_" + r.name());
            assertEquals(IpartCapi.ipart_role_name(c), r.jsonName());
        }
    }

    @Test
    public void unknownCodesAreDescribedNotRejected() {
        assertEquals("unknown status", Ipart.strerror(-999));
        assertEquals("IPART_UNKNOWN", Ipart.errorName(42));
    }

    @Test
    public void everyErrorStatusHasItsOwnExceptionClass() throws Exception {
        Set<Class<?>> classes = new HashSet<>();
        for (Status s : Status.values()) {
            if (s == Status.OK)
                continue;
            Class<?> cls = Class.forName(s.exceptionClassName());
            assertSame(s + " -> " + cls, IpartException.class, cls.getSuperclass());
            assertTrue(Modifier.isPublic(cls.getModifiers()));
            Constructor<?> ctor = cls.getConstructor(int.class, String.class, String.class, String.class,
                                                     String.class, String.class, String.class);
            assertTrue(Modifier.isPublic(ctor.getModifiers()));
            assertTrue("two statuses share " + cls, classes.add(cls));
        }
        assertEquals(Status.values().length - 1, classes.size());
    }

    /** Through the real JNI path: a wrapper returning each status throws its class. */
    @Test
    public void everyStatusIsThrownAsItsClassByTheJniLayer() {
        IpartCapi.ipart_java_status_selftest(Status.OK.value()); // no exception
        for (Status s : Status.values()) {
            if (s == Status.OK)
                continue;
            IpartException e = assertThrows(IpartException.class,
                () -> IpartCapi.ipart_java_status_selftest(s.value()));
            assertEquals(s.exceptionClassName(), e.getClass().getName());
            assertEquals(IpartCapi.ipart_error_class(s.value()) + "Exception", e.getClass().getSimpleName());
            assertEquals(s, e.status());
            assertEquals(s.value(), e.code());
            assertEquals("IPART_" + s.name(), e.name());
            // The thread's detail was cleared: the status's own description.
            assertEquals(Ipart.strerror(s.value()), e.getMessage());
            assertEquals("", e.rule());
            assertEquals("", e.path());
            assertEquals("", e.key());
        }
        InternalException unknown = assertThrows(InternalException.class,
            () -> IpartCapi.ipart_java_status_selftest(-999));
        assertEquals(-999, unknown.code());
        assertEquals("IPART_UNKNOWN", unknown.name());
        assertThrows(IllegalArgumentException.class, unknown::status);
    }

    @Test
    public void exceptionCarriesTheDetail() {
        ParseException e = assertThrows(ParseException.class, () -> Money.parse("12,00", "NOK"));
        assertEquals(Status.EPARSE, e.status());
        assertEquals(Status.EPARSE.value(), e.code());
        assertEquals("IPART_EPARSE", e.name());
        assertEquals("money.parse.syntax", e.key());
        assertTrue(e.getMessage(), e.getMessage().contains("'12,00'"));
        assertEquals("", e.rule());
        assertEquals("", e.source());
        assertTrue(e instanceof RuntimeException);
    }

    @Test
    public void ruleSourceAndPathOfARejectedEvent() {
        // R13-style rejections carry the rule, its legal source and the path.
        try (Partnership p = new Partnership("NO")) {
            IpartException e = assertThrows(IpartException.class,
                () -> p.apply("{\"type\":\"note_recorded\",\"date\":\"2017-01-01\",\"actor\":\"x\",\"text\":\"t\"}"));
            assertEquals(StateException.class, e.getClass());
            assertFalse(e.getMessage().isEmpty());
            InvalidArgumentException shape = assertThrows(InvalidArgumentException.class,
                () -> p.apply("{\"type\":\"partnership_created\",\"date\":\"2017-02-09\"}"));
            assertFalse("a shape error names the field", shape.path().isEmpty());
        }
    }

    @Test
    public void eachCodeACallCanRaiseHasItsClass() {
        assertThrows(ParseException.class, () -> Dates.parse("2017-2-1"));
        assertThrows(InvalidArgumentException.class, () -> Dates.parse("2017-02-29"));
        assertThrows(OutOfRangeException.class, () -> new HolidayCalendar("NO").holidays(1800));
        assertThrows(ArithmeticOverflowException.class,
            () -> Money.fromMinor(Long.MAX_VALUE, "NOK").add(Money.fromMinor(1, "NOK")));
        assertThrows(CurrencyException.class, () -> Money.parse("1", "XYZ"));
        assertThrows(MisuseException.class, () -> Money.parse(null, "NOK"));
        try (Partnership p = new Partnership("NO")) {
            assertThrows(NotFoundException.class, () -> p.party("nobody"));
            assertThrows(StateException.class,
                () -> p.apply("{\"type\":\"note_recorded\",\"date\":\"2017-01-01\",\"actor\":\"x\",\"text\":\"t\"}"));
        }
    }

    /** A null where C takes a string reaches C as NULL: MisuseException, never a crash. */
    @Test
    public void nullArgumentsAreMisuseOrNullPointerNeverACrash() {
        Money nok = Money.fromMinor(100, "NOK");
        HolidayCalendar no = new HolidayCalendar("NO");
        LocalDate day = LocalDate.of(2017, 5, 17);
        MisuseException m = assertThrows(MisuseException.class, () -> Money.parse(null, "NOK"));
        assertEquals("api.null_argument", m.key());
        assertThrows(MisuseException.class, () -> Money.parse("1", null));
        assertThrows(MisuseException.class, () -> Money.fromMinor(1, null));
        assertThrows(MisuseException.class, () -> Money.of(BigDecimal.ONE, null));
        assertThrows(MisuseException.class, () -> Money.currencyExponent(null));
        assertThrows(MisuseException.class, () -> nok.format(null));
        assertThrows(MisuseException.class, () -> Dates.parse(null));
        assertThrows(MisuseException.class, () -> new HolidayCalendar(null));
        assertThrows(MisuseException.class, () -> new Partnership(null));
        assertThrows(MisuseException.class, () -> Partnership.loads(null));
        try (Partnership p = new Partnership("NO")) {
            assertThrows(MisuseException.class, () -> p.apply(null));
            assertThrows(MisuseException.class, () -> p.party(null));
        }
        assertThrows(NullPointerException.class, () -> Money.of(null, "NOK"));
        assertThrows(NullPointerException.class, () -> nok.add(null));
        assertThrows(NullPointerException.class, () -> nok.subtract(null));
        assertThrows(NullPointerException.class, () -> nok.compareTo(null));
        assertThrows(NullPointerException.class, () -> nok.ratio(1, 2, null));
        assertThrows(NullPointerException.class, () -> nok.percent(1, null));
        assertThrows(NullPointerException.class, () -> Dates.format(null));
        assertThrows(NullPointerException.class, () -> Dates.addDays(null, 1));
        assertThrows(NullPointerException.class, () -> Dates.daysBetween(day, null));
        assertThrows(NullPointerException.class, () -> Dates.isoWeekday(null));
        assertThrows(NullPointerException.class, () -> Dates.compare(null, day));
        assertThrows(NullPointerException.class, () -> no.isHoliday(null));
        assertThrows(NullPointerException.class, () -> no.isWorkingDay(null));
        assertThrows(NullPointerException.class, () -> no.nextWorkingDay(null));
        assertThrows(NullPointerException.class, () -> no.periodEnd(null, 10));
        // Still alive and well.
        assertEquals("1.00", nok.toString());
        assertFalse(nok.equals(null));
    }

    /** The detail is per thread: concurrent failures never see each other's. */
    @Test
    public void detailIsReadOnTheFailingThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int id = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 500; i++) {
                        if ((i + id) % 2 == 0) {
                            String text = "x" + id + "-" + i;
                            ParseException e = assertThrows(ParseException.class, () -> Money.parse(text, "NOK"));
                            assertTrue(e.getMessage(), e.getMessage().contains("'" + text + "'"));
                        } else {
                            CurrencyException e = assertThrows(CurrencyException.class,
                                () -> Money.parse("1", "Q" + (char) ('A' + id) + "Z"));
                            assertEquals(Status.ECURRENCY, e.status());
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results)
                assertEquals(Integer.valueOf(500), f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}

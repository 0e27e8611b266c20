// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import no.ipart.swig.ipart_error_code;
import org.junit.Test;

public class ErrorsTest {
    @Test
    public void statusEnumMatchesTheCTable() {
        assertEquals(ipart_error_code.values().length, Status.values().length);
        for (ipart_error_code c : ipart_error_code.values()) {
            Status s = Status.fromValue(c.swigValue());
            assertEquals(c.name(), "IPART_" + s.name());
            assertEquals(c.name(), Ipart.errorName(s.getValue()));
            assertFalse(Ipart.strerror(s.getValue()).isEmpty());
        }
        assertEquals(0, Status.OK.getValue());
        assertEquals(-8, Status.ERULE.getValue());
    }

    @Test
    public void everyErrorStatusHasItsExceptionClass() throws Exception {
        for (Status s : Status.values()) {
            if (s == Status.OK)
                continue;
            Class<?> cls = Class.forName(s.exceptionClassName());
            assertTrue(s + " -> " + cls, IpartException.class.isAssignableFrom(cls));
        }
    }

    @Test
    public void exceptionCarriesTheDetail() {
        ParseException e = assertThrows(ParseException.class, () -> Money.parse("12,00", "NOK"));
        assertEquals(Status.EPARSE, e.getStatus());
        assertEquals("IPART_EPARSE", e.getCodeName());
        assertEquals("money.parse.syntax", e.getKey());
        assertTrue(e.getMessage().contains("'12,00'"));
        assertEquals("", e.getRule());
    }

    @Test
    public void eachCodeACallCanRaiseHasItsClass() {
        assertThrows(ParseException.class, () -> Dates.parse("2017-2-1"));
        assertThrows(InvalidArgumentException.class, () -> Dates.parse("2017-02-29"));
        assertThrows(OutOfRangeException.class, () -> new HolidayCalendar("NO").holidays(1800));
        assertThrows(ArithmeticOverflowException.class,
            () -> Money.ofMinor(Long.MAX_VALUE, "NOK").add(Money.ofMinor(1, "NOK")));
        assertThrows(CurrencyException.class, () -> Money.parse("1", "XYZ"));
        assertThrows(MisuseException.class, () -> Money.parse(null, "NOK"));
        try (Partnership p = new Partnership("NO")) {
            assertThrows(NotFoundException.class, () -> p.party("nobody"));
            assertThrows(StateException.class,
                () -> p.apply("{\"type\":\"note_recorded\",\"date\":\"2017-01-01\",\"actor\":\"x\",\"text\":\"t\"}"));
        }
    }
}

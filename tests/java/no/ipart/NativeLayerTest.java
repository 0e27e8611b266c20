// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_date;
import no.ipart.swig.ipart_money;
import no.ipart.swig.ipart_partnership;
import org.junit.Test;

/**
 * The generated layer no.ipart.swig (internal): misuse there is an
 * exception, never a crash, and proxies are AutoCloseable.
 */
public class NativeLayerTest {
    @Test
    public void proxiesAreAutoCloseableAndCloseIsIdempotent() {
        ipart_money m = new ipart_money();
        assertTrue(m instanceof AutoCloseable);
        IpartCapi.ipart_money_from_minor(m, Long.MIN_VALUE, "NOK");
        assertEquals(Long.MIN_VALUE, m.getMinor());
        assertEquals("NOK", m.getCurrency());
        m.close();
        m.close();
        m.delete();
        // A deleted proxy is a NullPointerException, not a use-after-free.
        assertThrows(NullPointerException.class, m::getMinor);
        assertThrows(NullPointerException.class, () -> m.setMinor(1));
        assertTrue(AutoCloseable.class.isAssignableFrom(ipart_date.class));
        assertTrue(AutoCloseable.class.isAssignableFrom(ipart_partnership.class));
    }

    @Test
    public void int64IsJavaLongWithoutLoss() {
        for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 1L << 53, (1L << 53) + 1}) {
            try (ipart_money m = new ipart_money()) {
                IpartCapi.ipart_money_from_minor(m, v, "JPY");
                assertEquals(v, m.getMinor());
                String[] text = new String[1];
                IpartCapi.ipart_money_format(text, m);
                assertEquals(Long.toString(v), text[0]);
            }
        }
        long[] days = new long[1];
        try (ipart_date a = new ipart_date(); ipart_date b = new ipart_date()) {
            IpartCapi.ipart_date_make(a, 1, 1, 1);
            IpartCapi.ipart_date_make(b, 9999, 12, 31);
            IpartCapi.ipart_date_days_between(days, a, b);
        }
        assertEquals(3652058L, days[0]);
    }

    @Test
    public void outputHoldersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> IpartCapi.ipart_currency_exponent(null, "NOK"));
        assertThrows(IllegalArgumentException.class, () -> IpartCapi.ipart_currency_exponent(new int[0], "NOK"));
        try (ipart_money m = new ipart_money()) {
            IpartCapi.ipart_money_from_minor(m, 1, "NOK");
            assertThrows(IllegalArgumentException.class, () -> IpartCapi.ipart_money_format(null, m));
            assertThrows(IllegalArgumentException.class, () -> IpartCapi.ipart_money_format(new String[0], m));
        }
        int[] exponent = {-1};
        IpartCapi.ipart_currency_exponent(exponent, "KWD");
        assertEquals(3, exponent[0]);
    }

    @Test
    public void theTreeCallWithoutItsBatchRecordIsAnIllegalArgument() {
        // Partnership.applyAll(List<Map>) always passes the batch's record; a direct
        // call without it is the glue's misuse, thrown there, nothing applied.
        ipart_partnership[] made = new ipart_partnership[1];
        IpartCapi.ipart_partnership_new(made, "NO");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> IpartCapi.ipart_java_apply_tree(made[0], new int[0], 0, new double[0], 0,
                                                  new char[0], 0));
        assertTrue(e.getMessage(), e.getMessage().contains("no record of the batch's array"));
        assertEquals(0, IpartCapi.ipart_partnership_event_count(made[0]));
        assertThrows(NullPointerException.class,
            () -> IpartCapi.ipart_java_apply_tree(made[0], null, 0, new double[0], 0, new char[0], 0));
        made[0].delete();
    }

    @Test
    public void nullStructArgumentsAreExceptions() {
        // A null out-pointer reaches C as NULL: IPART_EMISUSE.
        assertThrows(MisuseException.class, () -> IpartCapi.ipart_money_parse(null, "1", "NOK"));
        assertThrows(MisuseException.class, () -> IpartCapi.ipart_date_parse(null, "2017-01-01"));
        // A null struct passed by value cannot be read: NullPointerException from SWIG.
        assertThrows(NullPointerException.class, () -> IpartCapi.ipart_money_format(new String[1], null));
        assertThrows(MisuseException.class, () -> IpartCapi.ipart_partnership_clone(new no.ipart.swig.ipart_partnership[1], null));
    }

    @Test
    public void failedCallsLeaveOutputsAlone() {
        String[] text = {"untouched"};
        try (ipart_money m = new ipart_money()) {
            IpartCapi.ipart_money_from_minor(m, 1, "NOK");
            assertThrows(InvalidArgumentException.class, () -> IpartCapi.ipart_money_format_display(text, m, "xx"));
        }
        assertEquals("untouched", text[0]);
    }

    private static long residentKiB() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:"))
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
        throw new AssertionError("no VmRSS");
    }

    /**
     * A failing call releases its copies of the string arguments before it
     * throws: 3000 failed loads of a 64 KiB document would otherwise leak
     * some 190 MiB of native memory.
     */
    @Test
    public void failingCallsDoNotLeakTheirArguments() throws Exception {
        String big = "{\"x\":\"" + "a".repeat(1 << 16) + "\"}";
        for (int i = 0; i < 300; i++)
            assertThrows(IpartException.class, () -> Partnership.loads(big));
        long before = residentKiB();
        for (int i = 0; i < 3000; i++)
            assertThrows(IpartException.class, () -> Partnership.loads(big));
        long grown = residentKiB() - before;
        assertTrue("resident memory grew by " + grown + " KiB", grown < 64 * 1024);
    }
}

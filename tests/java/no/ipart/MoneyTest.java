// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import org.junit.Test;

/** Money, driven by tests/cases/core/money.json. */
public class MoneyTest {
    private static final JsonObject CASES = Cases.load("core/money.json").getAsJsonObject();

    private static Money money(JsonObject j) {
        return Money.ofMinor(Long.parseLong(Cases.str(j, "minor")), Cases.str(j, "currency"));
    }

    private static void expectError(JsonObject kase, Runnable r) {
        Class<?> cls = Cases.exceptionFor(Cases.str(kase, "error"));
        IpartException e = (IpartException) assertThrows(kase.toString(),
            cls.asSubclass(Throwable.class), r::run);
        assertEquals(Cases.str(kase, "error"), e.getCodeName());
        assertFalse(e.getKey().isEmpty());
    }

    @Test
    public void parse() {
        for (JsonElement el : CASES.getAsJsonArray("parse")) {
            JsonObject k = el.getAsJsonObject();
            if (k.has("error")) {
                expectError(k, () -> Money.parse(Cases.str(k, "text"), Cases.str(k, "currency")));
            } else {
                Money m = Money.parse(Cases.str(k, "text"), Cases.str(k, "currency"));
                assertEquals(k.toString(), Long.parseLong(Cases.str(k, "minor")), m.getMinor());
            }
        }
    }

    @Test
    public void formatDisplayAndBigDecimalRoundTrip() {
        for (JsonElement el : CASES.getAsJsonArray("format")) {
            JsonObject k = el.getAsJsonObject();
            Money m = money(k);
            assertEquals(Cases.str(k, "canonical"), m.toString());
            for (var d : k.getAsJsonObject("display").entrySet())
                assertEquals(d.getKey(), d.getValue().getAsString(), m.format(d.getKey()));
            assertEquals(new BigDecimal(Cases.str(k, "canonical")), m.getAmount());
            assertEquals(m, Money.of(m.getAmount(), m.getCurrency()));
        }
        for (JsonElement el : CASES.getAsJsonArray("display_errors")) {
            JsonObject k = el.getAsJsonObject();
            expectError(k, () -> money(k).format(Cases.str(k, "lang")));
        }
    }

    private static Object run(JsonObject k) {
        Money a = money(k.getAsJsonObject("a"));
        String op = Cases.str(k, "op");
        Rounding r = k.has("rounding") ? Rounding.valueOf(Cases.str(k, "rounding").toUpperCase()) : null;
        switch (op) {
        case "add": return a.add(money(k.getAsJsonObject("b")));
        case "sub": return a.subtract(money(k.getAsJsonObject("b")));
        case "mul": return a.multiply(Long.parseLong(Cases.str(k, "factor")));
        case "ratio": return a.ratio(Long.parseLong(Cases.str(k, "numerator")),
                                     Long.parseLong(Cases.str(k, "denominator")), r);
        case "percent": return a.percent(Long.parseLong(Cases.str(k, "basis_points")), r);
        case "compare": return a.compareTo(money(k.getAsJsonObject("b")));
        default: throw new AssertionError("unknown op " + op);
        }
    }

    @Test
    public void arithmetic() {
        int checked = 0;
        for (JsonElement el : CASES.getAsJsonArray("arithmetic")) {
            JsonObject k = el.getAsJsonObject();
            if (k.has("error")) {
                expectError(k, () -> run(k));
            } else if (Cases.str(k, "op").equals("compare")) {
                assertEquals(k.toString(), k.get("result").getAsInt(), run(k));
            } else {
                assertEquals(k.toString(), money(k.getAsJsonObject("result")), run(k));
            }
            checked++;
        }
        assertTrue(checked > 100);
    }

    @Test
    public void currencies() {
        for (JsonElement el : CASES.getAsJsonArray("currencies")) {
            JsonObject k = el.getAsJsonObject();
            if (k.has("error"))
                expectError(k, () -> Money.currencyExponent(Cases.str(k, "currency")));
            else
                assertEquals(k.get("exponent").getAsInt(), Money.currencyExponent(Cases.str(k, "currency")));
        }
    }

    @Test
    public void longLimitsOverflowAndRoundTrip() {
        Money top = Money.ofMinor(Long.MAX_VALUE, "NOK");
        assertThrows(ArithmeticOverflowException.class, () -> top.add(Money.ofMinor(1, "NOK")));
        Money bottom = Money.ofMinor(Long.MIN_VALUE, "NOK");
        assertEquals(bottom, Money.parse(bottom.toString(), "NOK"));
        assertEquals(Long.MIN_VALUE, Money.of(bottom.getAmount(), "NOK").getMinor());
        assertThrows(ArithmeticOverflowException.class, () -> bottom.multiply(-1));
        assertThrows(ArithmeticOverflowException.class,
            () -> Money.of(new BigDecimal("92233720368547758.08"), "NOK"));
    }

    @Test
    public void valueSemantics() {
        Money a = Money.of(new BigDecimal("12.5"), "NOK");
        assertEquals("12.50", a.toString());
        assertEquals(a, Money.parse("12.50", "NOK"));
        assertEquals(a.hashCode(), Money.parse("12.50", "NOK").hashCode());
        assertNotEquals(a, Money.parse("12.50", "SEK"));
        assertThrows(CurrencyException.class, () -> a.compareTo(Money.parse("1", "SEK")));
        assertThrows(ParseException.class, () -> Money.of(new BigDecimal("0.001"), "NOK"));
        assertThrows(NullPointerException.class, () -> Money.of(null, "NOK"));
    }
}

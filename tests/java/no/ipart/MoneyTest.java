// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Money, driven by tests/cases/core/money.json. */
public class MoneyTest {
    private static final JsonObject CASES = Cases.load("core/money.json").getAsJsonObject();

    private static Money money(JsonObject j) { return Money.fromMinor(Cases.minor(j), Cases.str(j, "currency")); }

    @Test
    public void parse() {
        int ok = 0, failed = 0;
        for (JsonElement el : Cases.list(CASES, "parse")) {
            JsonObject k = el.getAsJsonObject();
            String text = Cases.str(k, "text"), currency = Cases.str(k, "currency");
            if (k.has("error")) {
                Cases.expectError(k, () -> Money.parse(text, currency));
                failed++;
                continue;
            }
            Money m = Money.parse(text, currency);
            assertEquals(k.toString(), Cases.minor(k), m.minor());
            assertEquals(k.toString(), currency, m.currency());
            // The same amount as a BigDecimal, through Money.of.
            BigDecimal amount = new BigDecimal(text);
            assertEquals(k.toString(), m, Money.of(amount, currency));
            assertEquals(k.toString(), 0, amount.compareTo(m.amount()));
            ok++;
        }
        assertTrue(ok > 0 && failed > 0);
    }

    @Test
    public void formatDisplayAndBigDecimalRoundTrip() {
        for (JsonElement el : Cases.list(CASES, "format")) {
            JsonObject k = el.getAsJsonObject();
            Money m = money(k);
            String canonical = Cases.str(k, "canonical");
            assertEquals(canonical, m.toString());
            assertEquals(m, Money.parse(canonical, m.currency()));
            for (Map.Entry<String, JsonElement> d : k.getAsJsonObject("display").entrySet())
                assertEquals(k + " " + d.getKey(), d.getValue().getAsString(), m.format(d.getKey()));
            BigDecimal amount = m.amount();
            assertEquals(new BigDecimal(canonical), amount); // equals: same scale too
            assertEquals(Money.currencyExponent(m.currency()), amount.scale());
            assertEquals(m, Money.of(amount, m.currency()));
            assertEquals(BigDecimal.valueOf(m.minor(), amount.scale()), amount);
        }
        for (JsonElement el : Cases.list(CASES, "display_errors")) {
            JsonObject k = el.getAsJsonObject();
            Cases.expectError(k, () -> money(k).format(Cases.str(k, "lang")));
        }
    }

    @Test
    public void theIssuesCapInNorwegianAndEnglish() {
        Money cap = Money.of(new BigDecimal("12000000.00"), "NOK");
        assertEquals(1_200_000_000L, cap.minor());
        assertEquals("12000000.00", cap.toString());
        assertEquals("12 000 000,00 kr", cap.format("nb"));
        assertEquals("NOK 12,000,000.00", cap.format("en"));
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
        int ok = 0, failed = 0;
        for (JsonElement el : Cases.list(CASES, "arithmetic")) {
            JsonObject k = el.getAsJsonObject();
            if (k.has("error")) {
                Cases.expectError(k, () -> run(k));
                failed++;
            } else if (Cases.str(k, "op").equals("compare")) {
                assertEquals(k.toString(), k.get("result").getAsInt(), run(k));
                ok++;
            } else {
                assertEquals(k.toString(), money(k.getAsJsonObject("result")), run(k));
                ok++;
            }
        }
        assertTrue(ok > 100 && failed > 0);
    }

    @Test
    public void roundingMatchesTheCValuesAndBigDecimal() {
        assertEquals(6, Rounding.values().length);
        assertEquals(0, Rounding.HALF_UP.value());
        assertEquals(5, Rounding.CEILING.value());
        // 1.25 NOK / 2 = 0.625: each mode as java.math.RoundingMode rounds it.
        Money m = Money.parse("1.25", "NOK");
        for (Rounding r : Rounding.values()) {
            java.math.RoundingMode jr = java.math.RoundingMode.valueOf(r.name());
            for (long minor : new long[] {125, -125, 5, -5, 7, -7}) {
                Money x = Money.fromMinor(minor, "NOK");
                BigDecimal want = BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(2), 0, jr);
                assertEquals(r + " " + minor, want.longValueExact(), x.ratio(1, 2, r).minor());
            }
        }
        assertEquals(Money.parse("0.63", "NOK"), m.ratio(1, 2, Rounding.HALF_UP));
        assertEquals(Money.parse("0.62", "NOK"), m.ratio(1, 2, Rounding.HALF_EVEN));
    }

    @Test
    public void currencies() {
        for (JsonElement el : Cases.list(CASES, "currencies")) {
            JsonObject k = el.getAsJsonObject();
            if (k.has("error"))
                Cases.expectError(k, () -> Money.currencyExponent(Cases.str(k, "currency")));
            else
                assertEquals(k.toString(), k.get("exponent").getAsInt(), Money.currencyExponent(Cases.str(k, "currency")));
        }
    }

    @Test
    public void longLimitsOverflowAndRoundTrip() {
        Money top = Money.fromMinor(Long.MAX_VALUE, "NOK");
        assertEquals(Long.MAX_VALUE, top.minor());
        assertEquals("92233720368547758.07", top.toString());
        assertEquals(new BigDecimal("92233720368547758.07"), top.amount());
        assertEquals(top, Money.of(top.amount(), "NOK"));
        ArithmeticOverflowException e = assertThrows(ArithmeticOverflowException.class,
            () -> top.add(Money.fromMinor(1, "NOK")));
        assertEquals(Status.EOVERFLOW, e.status());
        assertThrows(ArithmeticOverflowException.class, () -> top.multiply(2));
        assertThrows(ArithmeticOverflowException.class,
            () -> Money.of(top.amount().add(new BigDecimal("0.01")), "NOK"));

        Money bottom = Money.fromMinor(Long.MIN_VALUE, "NOK");
        assertEquals(Long.MIN_VALUE, bottom.minor());
        assertEquals("-92233720368547758.08", bottom.toString());
        assertEquals(bottom, Money.parse(bottom.toString(), "NOK"));
        assertEquals(Long.MIN_VALUE, Money.of(bottom.amount(), "NOK").minor());
        assertThrows(ArithmeticOverflowException.class, () -> bottom.multiply(-1));
        assertThrows(ArithmeticOverflowException.class, () -> bottom.subtract(Money.fromMinor(1, "NOK")));
        assertThrows(ArithmeticOverflowException.class,
            () -> Money.of(new BigDecimal("-92233720368547758.09"), "NOK"));
        assertEquals(-1, bottom.compareTo(top));
        assertEquals(Money.fromMinor(-1, "NOK"), bottom.add(top));

        Money yen = Money.fromMinor(Long.MAX_VALUE, "JPY");
        assertEquals("9223372036854775807", yen.toString());
        assertEquals(0, yen.amount().scale());
    }

    @Test
    public void valueSemantics() {
        Money a = Money.of(new BigDecimal("12.5"), "NOK");
        assertEquals("12.50", a.toString());
        assertEquals(a, Money.parse("12.50", "NOK"));
        assertEquals(a.hashCode(), Money.parse("12.50", "NOK").hashCode());
        assertNotEquals(a, Money.parse("12.50", "SEK"));
        assertNotEquals(a, "12.50");
        CurrencyException ce = assertThrows(CurrencyException.class, () -> a.compareTo(Money.parse("1", "SEK")));
        assertEquals(Status.ECURRENCY, ce.status());
        assertThrows(CurrencyException.class, () -> a.add(Money.parse("1", "SEK")));
        ParseException pe = assertThrows(ParseException.class, () -> Money.of(new BigDecimal("0.001"), "NOK"));
        assertEquals(Status.EPARSE.value(), pe.code());
        assertThrows(ParseException.class, () -> Money.of(new BigDecimal("12.500"), "NOK"));
        assertEquals(Money.parse("1000", "NOK"), Money.of(new BigDecimal("1E+3"), "NOK"));
        assertEquals(Money.fromMinor(125, "NOK"), a.percent(1000, Rounding.HALF_UP));
        assertEquals(Money.fromMinor(3750, "NOK"), a.multiply(3));
        assertEquals(Money.fromMinor(0, "NOK"), a.subtract(a));

        List<Money> list = new ArrayList<>(List.of(Money.parse("3", "NOK"), Money.parse("-1", "NOK"),
                                                   Money.parse("2.5", "NOK")));
        Collections.sort(list);
        assertEquals(List.of(Money.parse("-1", "NOK"), Money.parse("2.5", "NOK"), Money.parse("3", "NOK")), list);
    }
}

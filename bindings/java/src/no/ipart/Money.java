// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.util.Objects;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_money;

/**
 * An immutable amount of money: int64 minor units and an ISO 4217 currency,
 * exposed as {@link BigDecimal}. Parsing, formatting and arithmetic are the C
 * library's, so results are identical in C, Python and Java.
 */
public final class Money implements Comparable<Money> {
    private final long minor;
    private final String currency;

    private Money(long minor, String currency) {
        this.minor = minor;
        this.currency = currency;
    }

    private static Money wrap(ipart_money m) {
        try {
            return new Money(m.getMinor(), m.getCurrency());
        } finally {
            m.delete();
        }
    }

    private ipart_money toC() {
        ipart_money m = new ipart_money();
        IpartCapi.ipart_money_from_minor(m, minor, currency);
        return m;
    }

    /** An amount from a BigDecimal; more decimals than the currency has is a ParseException. */
    public static Money of(BigDecimal amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        return parse(amount.toPlainString(), currency);
    }

    /** Parse a decimal string such as "12000000.00" (see ipart_money_parse). */
    public static Money parse(String text, String currency) {
        ipart_money m = new ipart_money();
        try {
            IpartCapi.ipart_money_parse(m, text, currency);
        } catch (RuntimeException e) {
            m.delete();
            throw e;
        }
        return wrap(m);
    }

    /** An amount in minor units (øre for NOK). */
    public static Money ofMinor(long minor, String currency) {
        ipart_money m = new ipart_money();
        try {
            IpartCapi.ipart_money_from_minor(m, minor, currency);
        } catch (RuntimeException e) {
            m.delete();
            throw e;
        }
        return wrap(m);
    }

    /** Decimals of an ISO 4217 currency (NOK 2, JPY 0, KWD 3). */
    public static int currencyExponent(String currency) {
        int[] out = new int[1];
        IpartCapi.ipart_currency_exponent(out, currency);
        return out[0];
    }

    public long getMinor() { return minor; }

    public String getCurrency() { return currency; }

    /** The exact amount, scaled to the currency's decimals. */
    public BigDecimal getAmount() { return new BigDecimal(toString()); }

    /** Display text: "12 000 000,00 kr" (nb, nn), "NOK 12,000,000.00" (en), sv, da. */
    public String format(String lang) {
        String[] out = new String[1];
        ipart_money m = toC();
        try {
            IpartCapi.ipart_money_format_display(out, m, lang);
        } finally {
            m.delete();
        }
        return out[0];
    }

    /** The canonical decimal string, e.g. "12000000.00". */
    @Override
    public String toString() {
        String[] out = new String[1];
        ipart_money m = toC();
        try {
            IpartCapi.ipart_money_format(out, m);
        } finally {
            m.delete();
        }
        return out[0];
    }

    private interface Binary {
        void apply(ipart_money out, ipart_money a, ipart_money b);
    }

    private Money binary(Money other, Binary op) {
        ipart_money a = toC(), b = other.toC(), out = new ipart_money();
        try {
            op.apply(out, a, b);
            return new Money(out.getMinor(), out.getCurrency());
        } finally {
            a.delete();
            b.delete();
            out.delete();
        }
    }

    public Money add(Money other) { return binary(other, IpartCapi::ipart_money_add); }

    public Money subtract(Money other) { return binary(other, IpartCapi::ipart_money_sub); }

    public Money multiply(long factor) {
        return binary(this, (out, a, b) -> IpartCapi.ipart_money_mul(out, a, factor));
    }

    /** this * numerator / denominator, rounded as asked. */
    public Money ratio(long numerator, long denominator, Rounding rounding) {
        return binary(this, (out, a, b) -> IpartCapi.ipart_money_ratio(out, a, numerator, denominator, rounding.c));
    }

    /** A percentage in basis points (1250 = 12.5 %). */
    public Money percent(long basisPoints, Rounding rounding) {
        return binary(this, (out, a, b) -> IpartCapi.ipart_money_percent(out, a, basisPoints, rounding.c));
    }

    /** Order by amount; CurrencyException for different currencies. */
    @Override
    public int compareTo(Money other) {
        int[] out = new int[1];
        ipart_money a = toC(), b = other.toC();
        try {
            IpartCapi.ipart_money_compare(out, a, b);
        } finally {
            a.delete();
            b.delete();
        }
        return out[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minor == minor && m.currency.equals(currency);
    }

    @Override
    public int hashCode() { return Objects.hash(minor, currency); }
}

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.util.Objects;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_money;

/**
 * An immutable amount of money: int64 minor units and an ISO 4217 currency,
 * exposed as {@link BigDecimal}. Parsing, formatting and arithmetic are the C
 * library's, so results are identical in C, Python and Java. Nothing is
 * rounded unless a method takes a {@link Rounding}. Thread-safe.
 *
 * <p>{@link #equals(Object)} compares minor units and currency; {@link
 * #compareTo(Money)} orders amounts of one currency and throws {@link
 * CurrencyException} across currencies.
 */
public final class Money implements Comparable<Money> {
    private final long minor;
    private final String currency;

    private Money(long minor, String currency) {
        this.minor = minor;
        this.currency = currency;
    }

    private static Money of(ipart_money m) { return new Money(m.getMinor(), m.getCurrency()); }

    /* A short-lived native copy; the caller closes it (try-with-resources).
     * Package-private: Partnership passes amounts to the library too. */
    ipart_money toC() {
        ipart_money m = new ipart_money();
        m.setMinor(minor);
        m.setCurrency(currency);
        return m;
    }

    /**
     * An amount from a {@link BigDecimal}, through the C parser (its
     * {@link BigDecimal#toPlainString()}): more decimals than the currency
     * has, even trailing zeros, is a {@link ParseException}.
     *
     * @param amount the amount in major units, e.g. 12000000.00
     * @param currency an ISO 4217 code, e.g. "NOK"
     * @return the amount
     * @throws NullPointerException if amount is null
     * @throws ParseException for too many decimals
     * @throws ArithmeticOverflowException beyond the int64 minor units
     * @throws CurrencyException for an unknown currency
     * @throws MisuseException if currency is null
     */
    public static Money of(BigDecimal amount, String currency) {
        Objects.requireNonNull(amount, "amount");
        return parse(amount.toPlainString(), currency);
    }

    /**
     * Parse a decimal string: optional '-', digits, and optionally '.' and
     * at most the currency's decimals ("12000000", "12.5", "12000000.00").
     *
     * @param text the amount in major units
     * @param currency an ISO 4217 code, e.g. "NOK"
     * @return the amount
     * @throws ParseException for any other syntax (signs '+', spaces,
     *         separators, exponents, too many decimals)
     * @throws ArithmeticOverflowException beyond the int64 minor units
     * @throws CurrencyException for an unknown currency
     * @throws MisuseException if text or currency is null
     */
    public static Money parse(String text, String currency) {
        try (ipart_money m = new ipart_money()) {
            IpartCapi.ipart_money_parse(m, text, currency);
            return of(m);
        }
    }

    /**
     * An amount in minor units.
     *
     * @param minor the amount in minor units (øre for NOK), any long
     * @param currency an ISO 4217 code, e.g. "NOK"
     * @return the amount
     * @throws CurrencyException for an unknown currency
     * @throws MisuseException if currency is null
     */
    public static Money fromMinor(long minor, String currency) {
        try (ipart_money m = new ipart_money()) {
            IpartCapi.ipart_money_from_minor(m, minor, currency);
            return of(m);
        }
    }

    /**
     * Old name of {@link #fromMinor}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @param minor the amount in minor units
     * @param currency an ISO 4217 code
     * @return the same
     * @deprecated use {@link #fromMinor}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public static Money ofMinor(long minor, String currency) { return fromMinor(minor, currency); }

    /**
     * The number of decimals of an ISO 4217 currency.
     *
     * @param currency an ISO 4217 code
     * @return e.g. 2 for NOK, 0 for JPY, 3 for KWD
     * @throws CurrencyException for an unknown currency
     * @throws MisuseException if currency is null
     */
    public static int currencyExponent(String currency) {
        int[] out = new int[1];
        IpartCapi.ipart_currency_exponent(out, currency);
        return out[0];
    }

    /**
     * The amount in minor units.
     *
     * @return e.g. 1200000000 for NOK 12000000.00
     */
    public long minor() { return minor; }

    /**
     * Old name of {@link #minor()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #minor()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public long getMinor() { return minor(); }

    /**
     * The currency.
     *
     * @return the ISO 4217 code, e.g. "NOK"
     */
    public String currency() { return currency; }

    /**
     * Old name of {@link #currency()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #currency()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public String getCurrency() { return currency(); }

    /**
     * The exact amount.
     *
     * @return the amount in major units, with the currency's scale (NOK 2)
     */
    public BigDecimal amount() { return new BigDecimal(toString()); }

    /**
     * Old name of {@link #amount()}, kept for one minor version
     * (doc/api-stability.md).
     *
     * @return the same
     * @deprecated use {@link #amount()}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public BigDecimal getAmount() { return amount(); }

    /**
     * Display text for people.
     *
     * @param lang "nb", "nn", "en", "sv" or "da"
     * @return e.g. "12 000 000,00 kr" (nb), "NOK 12,000,000.00" (en)
     * @throws InvalidArgumentException for an unsupported language
     * @throws MisuseException if lang is null
     */
    public String format(String lang) {
        String[] out = new String[1];
        try (ipart_money m = toC()) {
            IpartCapi.ipart_money_format_display(out, m, lang);
        }
        return out[0];
    }

    /**
     * The canonical decimal string, which {@link #parse(String, String)}
     * reads back.
     *
     * @return e.g. "12000000.00", "-0.50"; JPY "1200"
     */
    @Override
    public String toString() {
        String[] out = new String[1];
        try (ipart_money m = toC()) {
            IpartCapi.ipart_money_format(out, m);
        }
        return out[0];
    }

    private interface Op {
        void apply(ipart_money out, ipart_money a, ipart_money b);
    }

    private Money apply(Money other, Op op) {
        Objects.requireNonNull(other, "other");
        try (ipart_money a = toC(); ipart_money b = other.toC(); ipart_money out = new ipart_money()) {
            op.apply(out, a, b);
            return of(out);
        }
    }

    /**
     * The sum.
     *
     * @param other an amount in the same currency
     * @return this + other
     * @throws CurrencyException for different currencies
     * @throws ArithmeticOverflowException beyond the int64 minor units
     */
    public Money add(Money other) { return apply(other, IpartCapi::ipart_money_add); }

    /**
     * The difference.
     *
     * @param other an amount in the same currency
     * @return this - other
     * @throws CurrencyException for different currencies
     * @throws ArithmeticOverflowException beyond the int64 minor units
     */
    public Money subtract(Money other) { return apply(other, IpartCapi::ipart_money_sub); }

    /**
     * The product with an integer.
     *
     * @param factor any long
     * @return this * factor
     * @throws ArithmeticOverflowException beyond the int64 minor units
     */
    public Money multiply(long factor) {
        return apply(this, (out, a, b) -> IpartCapi.ipart_money_mul(out, a, factor));
    }

    /**
     * A fraction of this amount, computed exactly and rounded once.
     *
     * @param numerator any long
     * @param denominator any long but 0
     * @param rounding how to round to a minor unit
     * @return this * numerator / denominator
     * @throws NullPointerException if rounding is null
     * @throws InvalidArgumentException if denominator is 0
     * @throws ArithmeticOverflowException if the result does not fit
     */
    public Money ratio(long numerator, long denominator, Rounding rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return apply(this, (out, a, b) -> IpartCapi.ipart_money_ratio(out, a, numerator, denominator, rounding.c));
    }

    /**
     * A percentage of this amount.
     *
     * @param basisPoints hundredths of a percent: 1250 is 12.5 %
     * @param rounding how to round to a minor unit
     * @return this * basisPoints / 10000
     * @throws NullPointerException if rounding is null
     * @throws ArithmeticOverflowException if the result does not fit
     */
    public Money percent(long basisPoints, Rounding rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return apply(this, (out, a, b) -> IpartCapi.ipart_money_percent(out, a, basisPoints, rounding.c));
    }

    /**
     * Order by amount.
     *
     * @param other an amount in the same currency
     * @return -1, 0 or 1
     * @throws CurrencyException for different currencies
     */
    @Override
    public int compareTo(Money other) {
        Objects.requireNonNull(other, "other");
        int[] out = new int[1];
        try (ipart_money a = toC(); ipart_money b = other.toC()) {
            IpartCapi.ipart_money_compare(out, a, b);
        }
        return out[0];
    }

    /**
     * Equal minor units and currency.
     *
     * @param o any object
     * @return whether o is a Money of the same minor units and currency
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minor == minor && m.currency.equals(currency);
    }

    /**
     * A hash consistent with {@link #equals(Object)}.
     *
     * @return the hash of minor units and currency
     */
    @Override
    public int hashCode() { return Objects.hash(minor, currency); }
}

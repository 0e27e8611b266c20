/*
 * Exact money: int64 minor units and an ISO 4217 currency. No floating
 * point anywhere (this file is compiled with -Wfloat-conversion
 * -Wdouble-promotion -Wfloat-equal). Every operation checks overflow and
 * currency; every division rounds by an explicit mode.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ipart/money.h"

#include <stdio.h>
#include <string.h>

#include "error_p.h"
#include "strbuf_p.h"

__extension__ typedef __int128 wide;

/* ISO 4217 codes libipart knows, with their minor-unit exponent. */
static const struct currency {
    char code[4];
    int exponent;
} currencies[] = {
    {"AUD", 2}, {"BHD", 3}, {"CAD", 2}, {"CHF", 2}, {"CZK", 2}, {"DKK", 2}, {"EUR", 2},
    {"GBP", 2}, {"HUF", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0}, {"KWD", 3},
    {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PLN", 2}, {"SEK", 2}, {"TND", 3}, {"USD", 2},
};

static const struct currency *find_currency(const char *code)
{
    for (size_t i = 0; i < sizeof currencies / sizeof currencies[0]; i++)
        if (strcmp(currencies[i].code, code) == 0)
            return &currencies[i];
    return NULL;
}

static ipart_status currency_of(const struct currency **out, const char *code)
{
    *out = find_currency(code);
    if (*out)
        return IPART_OK;
    return ipart__fail(IPART_ECURRENCY, "money.currency.unknown",
                       "unknown currency '%.8s' (an ISO 4217 code such as NOK, SEK, DKK, EUR)",
                       code);
}

/* The currency of an amount, which must be NUL-terminated within its array. */
static ipart_status check_amount(const struct currency **out, const ipart_money *m)
{
    if (memchr(m->currency, '\0', sizeof m->currency) == NULL)
        return ipart__fail(IPART_ECURRENCY, "money.currency.unknown",
                           "the amount's currency is not a NUL-terminated ISO 4217 code");
    return currency_of(out, m->currency);
}

static ipart_status same_currency(const struct currency **out, const ipart_money *a,
                                  const ipart_money *b)
{
    ipart_status rc = check_amount(out, a);
    const struct currency *other;
    if (rc == IPART_OK)
        rc = check_amount(&other, b);
    if (rc == IPART_OK && *out != other)
        rc = ipart__fail(IPART_ECURRENCY, "money.currency.mismatch",
                         "cannot combine %s and %s amounts", a->currency, b->currency);
    return rc;
}

static ipart_money make(int64_t minor, const struct currency *c)
{
    ipart_money m;
    m.minor = minor;
    memcpy(m.currency, c->code, sizeof m.currency);
    return m;
}

ipart_status ipart_currency_exponent(int *out, const char *currency)
{
    if (!out || !currency)
        return ipart__fail_null("ipart_currency_exponent", !out ? "out" : "currency");
    const struct currency *c;
    ipart_status rc = currency_of(&c, currency);
    if (rc == IPART_OK)
        *out = c->exponent;
    return rc;
}

ipart_status ipart_money_from_minor(ipart_money *out, int64_t minor, const char *currency)
{
    if (!out || !currency)
        return ipart__fail_null("ipart_money_from_minor", !out ? "out" : "currency");
    const struct currency *c;
    ipart_status rc = currency_of(&c, currency);
    if (rc == IPART_OK)
        *out = make(minor, c);
    return rc;
}

/* ---- parsing ---------------------------------------------------------------- */

static ipart_status syntax_error(const char *text, size_t offset, const char *why)
{
    return ipart__fail(IPART_EPARSE, "money.parse.syntax",
                       "'%.64s' is not a decimal amount: %s at offset %zu", text, why, offset);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

ipart_status ipart_money_parse(ipart_money *out, const char *text, const char *currency)
{
    if (!out || !text || !currency)
        return ipart__fail_null("ipart_money_parse", !out ? "out" : !text ? "text" : "currency");
    const struct currency *c;
    ipart_status rc = currency_of(&c, currency);
    if (rc != IPART_OK)
        return rc;
    size_t i = 0;
    int negative = text[i] == '-';
    i += (size_t)negative;
    if (!is_digit(text[i]))
        return syntax_error(text, i, text[i] ? "expected a digit" : "no digits");
    if (text[i] == '0' && is_digit(text[i + 1]))
        return syntax_error(text, i, "leading zero");
    /* Accumulate negatively: INT64_MIN has no positive counterpart. */
    int64_t value = 0;
    int fraction_digits = -1; /* -1 until the decimal point */
    for (; text[i]; i++) {
        char ch = text[i];
        if (ch == '.' && fraction_digits < 0) {
            if (!is_digit(text[i + 1]))
                return syntax_error(text, i, "expected a digit after '.'");
            fraction_digits = 0;
            continue;
        }
        if (!is_digit(ch)) {
            char why[32] = "unexpected character";
            if (ch > ' ' && ch < 127)
                snprintf(why, sizeof why, "unexpected '%c'", ch);
            return syntax_error(text, i, why);
        }
        if (fraction_digits >= 0 && ++fraction_digits > c->exponent)
            return ipart__fail(IPART_EPARSE, "money.parse.decimals",
                               "'%.64s' has more decimals than %s allows (%d)", text, c->code,
                               c->exponent);
        if (__builtin_mul_overflow(value, 10, &value) ||
            __builtin_sub_overflow(value, ch - '0', &value))
            goto overflow;
    }
    /* Scale to minor units: "12.5" NOK is 1250 øre. */
    for (int d = fraction_digits < 0 ? 0 : fraction_digits; d < c->exponent; d++)
        if (__builtin_mul_overflow(value, 10, &value))
            goto overflow;
    if (!negative && __builtin_sub_overflow((int64_t)0, value, &value))
        goto overflow;
    *out = make(value, c);
    return IPART_OK;
overflow:
    return ipart__fail(IPART_EOVERFLOW, "money.parse.overflow",
                       "'%.64s' is beyond the range of %s amounts", text, c->code);
}

/* ---- formatting -------------------------------------------------------------- */

/* Digits of |minor| split at the exponent, without signs: "12000000" and "00". */
static void split_digits(char *units, char *fraction, int64_t minor, int exponent)
{
    /* |INT64_MIN| does not fit int64: work on the unsigned magnitude. */
    uint64_t magnitude = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    while (n <= exponent)
        digits[n++] = '0';
    int u = 0;
    for (int k = n - 1; k >= exponent; k--)
        units[u++] = digits[k];
    units[u] = '\0';
    for (int k = 0; k < exponent; k++)
        fraction[k] = digits[exponent - 1 - k];
    fraction[exponent] = '\0';
}

ipart_status ipart_money_format(char **out, ipart_money amount)
{
    if (!out)
        return ipart__fail_null("ipart_money_format", "out");
    const struct currency *c;
    ipart_status rc = check_amount(&c, &amount);
    if (rc != IPART_OK)
        return rc;
    char units[24], fraction[4];
    split_digits(units, fraction, amount.minor, c->exponent);
    ipart__strbuf b = IPART__STRBUF_INIT;
    if (amount.minor < 0)
        ipart__strbuf_putc(&b, '-');
    ipart__strbuf_puts(&b, units);
    if (c->exponent) {
        ipart__strbuf_putc(&b, '.');
        ipart__strbuf_puts(&b, fraction);
    }
    return ipart__strbuf_finish(&b, out);
}

/* How a language writes amounts. */
static const struct display_style {
    const char *lang;
    const char *group;     /* digit-group separator */
    char decimal;          /* decimal mark */
    const char *home;      /* the currency written as a suffix symbol ("NOK" -> " kr") */
    const char *home_text; /* that suffix */
    int code_first;        /* other currencies: "EUR 1.00" (1) or "1,00 EUR" (0) */
} styles[] = {
    {"nb", " ", ',', "NOK", " kr", 0},
    {"nn", " ", ',', "NOK", " kr", 0},
    {"sv", " ", ',', "SEK", " kr", 0},
    {"da", ".", ',', "DKK", " kr.", 0},
    {"en", ",", '.', NULL, NULL, 1},
};

/* Units with a separator between groups of three: "12 000 000". */
static void put_grouped(ipart__strbuf *b, const char *units, const char *group)
{
    size_t n = strlen(units);
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            ipart__strbuf_puts(b, group);
        ipart__strbuf_putc(b, units[i]);
    }
}

ipart_status ipart_money_format_display(char **out, ipart_money amount, const char *lang)
{
    if (!out || !lang)
        return ipart__fail_null("ipart_money_format_display", !out ? "out" : "lang");
    const struct display_style *style = NULL;
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
        if (strcmp(styles[i].lang, lang) == 0)
            style = &styles[i];
    if (!style)
        return ipart__fail(IPART_EINVAL, "money.display.lang",
                           "unsupported language '%.16s' (expected nb, nn, en, sv or da)", lang);
    const struct currency *c;
    ipart_status rc = check_amount(&c, &amount);
    if (rc != IPART_OK)
        return rc;
    char units[24], fraction[4];
    split_digits(units, fraction, amount.minor, c->exponent);
    int home = style->home && strcmp(style->home, c->code) == 0;
    ipart__strbuf b = IPART__STRBUF_INIT;
    if (amount.minor < 0)
        ipart__strbuf_putc(&b, '-');
    if (!home && style->code_first) {
        ipart__strbuf_puts(&b, c->code);
        ipart__strbuf_putc(&b, ' ');
    }
    put_grouped(&b, units, style->group);
    if (c->exponent) {
        ipart__strbuf_putc(&b, style->decimal);
        ipart__strbuf_puts(&b, fraction);
    }
    if (home) {
        ipart__strbuf_puts(&b, style->home_text);
    } else if (!style->code_first) {
        ipart__strbuf_putc(&b, ' ');
        ipart__strbuf_puts(&b, c->code);
    }
    return ipart__strbuf_finish(&b, out);
}

/* ---- arithmetic ------------------------------------------------------------------ */

static ipart_status overflow(const char *operation)
{
    return ipart__fail(IPART_EOVERFLOW, "money.overflow",
                       "%s: the result does not fit in 64-bit minor units", operation);
}

/* a + b or a - b, in one currency, overflow-checked. */
static ipart_status add_or_subtract(ipart_money *out, ipart_money a, ipart_money b, int subtract,
                                    const char *function)
{
    if (!out)
        return ipart__fail_null(function, "out");
    const struct currency *c;
    int64_t result;
    ipart_status rc = same_currency(&c, &a, &b);
    if (rc != IPART_OK)
        return rc;
    if (subtract ? __builtin_sub_overflow(a.minor, b.minor, &result)
                 : __builtin_add_overflow(a.minor, b.minor, &result))
        return overflow(function);
    *out = make(result, c);
    return IPART_OK;
}

ipart_status ipart_money_add(ipart_money *out, ipart_money a, ipart_money b)
{
    return add_or_subtract(out, a, b, 0, "ipart_money_add");
}

ipart_status ipart_money_sub(ipart_money *out, ipart_money a, ipart_money b)
{
    return add_or_subtract(out, a, b, 1, "ipart_money_sub");
}

ipart_status ipart_money_mul(ipart_money *out, ipart_money amount, int64_t factor)
{
    if (!out)
        return ipart__fail_null("ipart_money_mul", "out");
    const struct currency *c;
    int64_t product;
    ipart_status rc = check_amount(&c, &amount);
    if (rc != IPART_OK)
        return rc;
    if (__builtin_mul_overflow(amount.minor, factor, &product))
        return overflow("ipart_money_mul");
    *out = make(product, c);
    return IPART_OK;
}

/*
 * numerator / denominator rounded by mode, exactly. C division truncates
 * toward zero; the remainder then decides the step away from it.
 */
static wide divide_rounded(wide numerator, wide denominator, ipart_rounding mode)
{
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    wide q = numerator / denominator, r = numerator % denominator;
    if (r == 0)
        return q;
    int sign = numerator < 0 ? -1 : 1;
    wide twice = 2 * (r < 0 ? -r : r); /* compare |r| with denominator / 2 */
    int away;
    switch (mode) {
    case IPART_ROUND_HALF_UP: away = twice >= denominator; break;
    case IPART_ROUND_HALF_EVEN: away = twice > denominator || (twice == denominator && q % 2 != 0); break;
    case IPART_ROUND_DOWN: away = 0; break;
    case IPART_ROUND_UP: away = 1; break;
    case IPART_ROUND_FLOOR: away = sign < 0; break;
    default: away = sign > 0; break; /* IPART_ROUND_CEILING */
    }
    return away ? q + sign : q;
}

ipart_status ipart_money_ratio(ipart_money *out, ipart_money amount, int64_t numerator,
                               int64_t denominator, ipart_rounding mode)
{
    if (!out)
        return ipart__fail_null("ipart_money_ratio", "out");
    const struct currency *c;
    ipart_status rc = check_amount(&c, &amount);
    if (rc != IPART_OK)
        return rc;
    if (denominator == 0)
        return ipart__fail(IPART_EINVAL, "money.ratio.zero", "ipart_money_ratio: the denominator "
                           "is zero");
    if ((int)mode < IPART_ROUND_HALF_UP || (int)mode > IPART_ROUND_CEILING)
        return ipart__fail(IPART_EINVAL, "money.rounding.unknown", "unknown rounding mode %d",
                           (int)mode);
    /* |amount * numerator| < 2^126: the 128-bit product cannot overflow. */
    wide result = divide_rounded((wide)amount.minor * numerator, denominator, mode);
    if (result > INT64_MAX || result < INT64_MIN)
        return overflow("ipart_money_ratio");
    *out = make((int64_t)result, c);
    return IPART_OK;
}

ipart_status ipart_money_percent(ipart_money *out, ipart_money amount, int64_t basis_points,
                                 ipart_rounding mode)
{
    return ipart_money_ratio(out, amount, basis_points, 10000, mode);
}

ipart_status ipart_money_compare(int *out, ipart_money a, ipart_money b)
{
    if (!out)
        return ipart__fail_null("ipart_money_compare", "out");
    const struct currency *c;
    ipart_status rc = same_currency(&c, &a, &b);
    if (rc == IPART_OK)
        *out = (a.minor > b.minor) - (a.minor < b.minor);
    return rc;
}

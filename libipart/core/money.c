/*
 * Exact money: int64 minor units and an ISO 4217 currency. No floating
 * point anywhere (this file is compiled with -Wfloat-conversion
 * -Wdouble-promotion -Wfloat-equal). Every operation checks overflow and
 * currency; every division rounds by an explicit mode.
 *
 * Text is composed in fixed stack buffers (every int64 amount has a known
 * longest spelling), so a formatting call makes exactly one allocation, the
 * copy it hands out, and error messages can quote amounts without any.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ipart/money.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "alloc_p.h"
#include "error_p.h"
#include "money_p.h"

/* The exact intermediate of a ratio: |int64 * int64| <= 2^126 fits. */
__extension__ typedef __int128 wide;

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* ---- currencies --------------------------------------------------------------- */

/* ISO 4217 codes libipart knows, with their minor-unit exponent (at most 3,
 * which the document schema's money pattern relies on), in alphabetical
 * order: currency_of searches it by halves (test_money checks every code). */
static const struct currency {
    char code[4];
    int exponent;
} currencies[] = {
    {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"CAD", 2}, {"CHF", 2}, {"CZK", 2}, {"DKK", 2},
    {"EUR", 2}, {"GBP", 2}, {"HUF", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0},
    {"KWD", 3}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PLN", 2}, {"RON", 2}, {"SEK", 2},
    {"TND", 3}, {"USD", 2},
};

/* Caller text quoted in a message is cut at this many bytes: the detail
 * buffer is 512 bytes, and a message may quote an input and two amounts. */
enum { ECHO_MAX = 64, ECHO_SIZE = ECHO_MAX + sizeof "..." };

/*
 * A copy of caller text fit for a message: control bytes become '?', and
 * overlong text is cut at a UTF-8 character boundary (never inside one,
 * which would make the message invalid UTF-8 for the bindings), with "...".
 */
static const char *echo(char out[ECHO_SIZE], const char *text)
{
    size_t length = 0;
    while (length <= ECHO_MAX && text[length])
        length++;
    size_t cut = length;
    if (length > ECHO_MAX) {
        cut = ECHO_MAX;
        while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut--; /* text[cut] continues a character: cut before that character */
    }
    for (size_t i = 0; i < cut; i++) {
        unsigned char byte = (unsigned char)text[i];
        out[i] = byte < 0x20 || byte == 0x7F ? '?' : (char)byte;
    }
    strcpy(out + cut, cut < length ? "..." : "");
    return out;
}

static ipart_status unknown_currency(const char *code)
{
    char shown[ECHO_SIZE];
    int letters = 0;
    while (letters < 3 && code[letters] >= 'A' && code[letters] <= 'Z')
        letters++;
    if (letters < 3 || code[3] != '\0')
        return ipart__fail(IPART_ECURRENCY, "money.currency.unknown",
                           "unknown currency '%s': an ISO 4217 code is three upper-case "
                           "letters, such as NOK",
                           echo(shown, code));
    return ipart__fail(IPART_ECURRENCY, "money.currency.unknown",
                       "unknown currency '%s': not an ISO 4217 code libipart knows", code);
}

/* A code's three letters as one number, in the table's (alphabetical)
 * order; 0 for text that is not three letters and its end. */
static uint32_t code_key(const char *code)
{
    if (!code[0] || !code[1] || !code[2] || code[3])
        return 0;
    return (uint32_t)(unsigned char)code[0] << 16 | (uint32_t)(unsigned char)code[1] << 8 |
           (unsigned char)code[2];
}

/* The entry found last: amounts come in runs of one currency, so most
 * look-ups end here. Relaxed atomics: any entry is a valid answer to compare
 * against, whichever thread stored it. */
static _Atomic(const struct currency *) last_found = &currencies[0];

/* Every amount looks its currency up (each parse, format and sum): the entry
 * found last, else a binary search over the sorted table, by the code's
 * letters as a number. */
static ipart_status currency_of(const struct currency **out, const char *code)
{
    uint32_t key = code_key(code);
    const struct currency *last = atomic_load_explicit(&last_found, memory_order_relaxed);
    if (key && code_key(last->code) == key) {
        *out = last;
        return IPART_OK;
    }
    size_t low = 0, high = COUNT(currencies);
    while (key && low < high) {
        size_t mid = low + (high - low) / 2;
        uint32_t at = code_key(currencies[mid].code);
        if (at == key) {
            *out = &currencies[mid];
            atomic_store_explicit(&last_found, *out, memory_order_relaxed);
            return IPART_OK;
        }
        if (at < key)
            low = mid + 1;
        else
            high = mid;
    }
    return unknown_currency(code);
}

/* The currency of an amount, whose code must end inside its array: a struct
 * filled by other means than this file may not be a C string at all. */
static ipart_status check_amount(const struct currency **out, const ipart_money *m)
{
    _Static_assert(sizeof m->currency == 4, "a code and its NUL");
    if (m->currency[0] && m->currency[1] && m->currency[2] && m->currency[3])
        return ipart__fail(IPART_ECURRENCY, "money.currency.unknown",
                           "unknown currency: the amount's currency is not a NUL-terminated "
                           "ISO 4217 code");
    return currency_of(out, m->currency);
}

static ipart_status check_same_currency(const struct currency **out, const char *function,
                                        const ipart_money *a, const ipart_money *b)
{
    const struct currency *other;
    ipart_status rc = check_amount(out, a);
    if (rc != IPART_OK)
        return rc;
    rc = check_amount(&other, b);
    if (rc != IPART_OK)
        return rc;
    if (*out != other)
        return ipart__fail(IPART_ECURRENCY, "money.currency.mismatch",
                           "%s: cannot combine %s and %s amounts", function, a->currency,
                           b->currency);
    return IPART_OK;
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

/* ---- writing numbers --------------------------------------------------------- */

/*
 * Room for the magnitude of any int64 amount: 19 digits (20 with the "0"
 * before the decimal mark of a small amount), 6 group separators, the mark
 * and the NUL.
 */
enum { NUMBER_SIZE = 32 };
/* Room for a canonical amount: a sign and the magnitude without separators. */
enum { CANONICAL_SIZE = NUMBER_SIZE };
_Static_assert(CANONICAL_SIZE <= IPART__MONEY_TEXT_SIZE, "money_p.h promises room for any amount");

/*
 * |minor| in digits, the decimal mark before the last `exponent` of them
 * and `group` (or nothing for '\0') between thousands of the units:
 * "12 000 000,00". The one place digits are laid out, for the canonical
 * form and every display language. Written backwards, because the groups
 * and the mark are counted from the right. Returns the start, inside buf.
 */
static const char *write_magnitude(char buf[NUMBER_SIZE], int64_t minor, int exponent, char group,
                                   char decimal_mark)
{
    /* |INT64_MIN| does not fit int64: take the magnitude in uint64 arithmetic. */
    uint64_t magnitude = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    char *p = buf + NUMBER_SIZE;
    *--p = '\0';
    /* Place of the next digit: -exponent..-1 are decimals, 0 and up are units. */
    for (int place = -exponent; magnitude != 0 || place <= 0; place++) {
        if (place == 0 && exponent > 0)
            *--p = decimal_mark;
        else if (group != '\0' && place > 0 && place % 3 == 0)
            *--p = group;
        *--p = (char)('0' + magnitude % 10);
        magnitude /= 10;
    }
    return p;
}

/* The canonical decimal string ("-0.50", JPY "1200") and its length,
 * without allocating or printf: the sign, then the digits as they are
 * laid out. */
static size_t canonical_text(char out[CANONICAL_SIZE], int64_t minor, int exponent)
{
    char digits[NUMBER_SIZE];
    const char *magnitude = write_magnitude(digits, minor, exponent, '\0', '.');
    size_t sign = minor < 0, length = (size_t)(digits + NUMBER_SIZE - 1 - magnitude);
    out[0] = '-';
    memcpy(out + sign, magnitude, length + 1);
    return sign + length;
}

/* The same, for a message's argument. */
static const char *write_canonical(char out[CANONICAL_SIZE], int64_t minor, int exponent)
{
    canonical_text(out, minor, exponent);
    return out;
}

/* Hand text on the stack to the caller as an allocated copy. */
static ipart_status hand_out(char **out, const char *text)
{
    char *copy = ipart__strdup(text);
    if (!copy)
        return ipart__fail_nomem();
    *out = copy;
    return IPART_OK;
}

/* ---- parsing ---------------------------------------------------------------- */

/* Where the parts of a decimal string are: "-12.50" has its units "12" at
 * [1, 3) and its decimals "50" at [4, 6); without a '.', no decimals. */
typedef struct decimal_layout {
    int negative;
    size_t units_begin, units_end;
    size_t decimals_begin, decimals_end;
} decimal_layout;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "'x'", "the end of the text" or "byte 0xC3": what a parser met. */
static const char *describe_byte(char out[16], char c)
{
    unsigned char byte = (unsigned char)c;
    if (byte == '\0')
        return "the end of the text";
    if (byte >= ' ' && byte < 0x7F)
        snprintf(out, 16, "'%c'", c);
    else
        snprintf(out, 16, "byte 0x%02X", byte);
    return out;
}

/* `expected` names what the grammar wanted at offset, or NULL for "nothing more". */
static ipart_status syntax_error(const char *text, size_t offset, const char *expected)
{
    char shown[ECHO_SIZE], buf[16];
    const char *found = describe_byte(buf, text[offset]);
    echo(shown, text);
    if (expected)
        return ipart__fail(IPART_EPARSE, "money.parse.syntax",
                           "'%s' is not a decimal amount: expected %s, found %s at offset %zu",
                           shown, expected, found, offset);
    return ipart__fail(IPART_EPARSE, "money.parse.syntax",
                       "'%s' is not a decimal amount: unexpected %s at offset %zu", shown, found,
                       offset);
}

/* The grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)? and nothing else. */
static ipart_status scan_decimal(decimal_layout *out, const char *text)
{
    size_t i = 0;
    out->negative = text[i] == '-';
    i += (size_t)out->negative;
    out->units_begin = i;
    if (!is_digit(text[i]))
        return syntax_error(text, i, "a digit");
    if (text[i] == '0' && is_digit(text[i + 1]))
        return syntax_error(text, i + 1, "'.' or the end after a leading 0");
    while (is_digit(text[i]))
        i++;
    out->units_end = out->decimals_begin = out->decimals_end = i;
    if (text[i] == '.') {
        out->decimals_begin = ++i;
        while (is_digit(text[i]))
            i++;
        out->decimals_end = i;
        if (out->decimals_end == out->decimals_begin)
            return syntax_error(text, i, "a digit after '.'");
    }
    if (text[i] != '\0')
        return syntax_error(text, i, NULL);
    return IPART_OK;
}

/* value * 10 - digit: the value is accumulated negatively, because
 * INT64_MIN has no positive counterpart. Returns 0 on overflow. */
static int push_digit(int64_t *value, char digit)
{
    return !__builtin_mul_overflow(*value, 10, value) &&
           !__builtin_sub_overflow(*value, digit - '0', value);
}

static ipart_status parse_overflow(const char *text, const struct currency *c)
{
    char shown[ECHO_SIZE], low[CANONICAL_SIZE], high[CANONICAL_SIZE];
    return ipart__fail(IPART_EOVERFLOW, "money.parse.overflow",
                       "'%s' is beyond the range of %s amounts (%s to %s)", echo(shown, text),
                       c->code, write_canonical(low, INT64_MIN, c->exponent),
                       write_canonical(high, INT64_MAX, c->exponent));
}

/* The minor units of a well-formed decimal string with at most c->exponent decimals. */
static ipart_status to_minor(int64_t *out, const char *text, const decimal_layout *layout,
                             const struct currency *c)
{
    int64_t value = 0;
    for (size_t i = layout->units_begin; i < layout->units_end; i++)
        if (!push_digit(&value, text[i]))
            return parse_overflow(text, c);
    /* The decimals, padded with zeros to the exponent: "12.5" NOK is 1250 øre. */
    size_t decimals = layout->decimals_end - layout->decimals_begin;
    for (size_t d = 0; d < (size_t)c->exponent; d++)
        if (!push_digit(&value, d < decimals ? text[layout->decimals_begin + d] : '0'))
            return parse_overflow(text, c);
    if (!layout->negative && __builtin_sub_overflow((int64_t)0, value, &value))
        return parse_overflow(text, c);
    *out = value;
    return IPART_OK;
}

ipart_status ipart_money_parse(ipart_money *out, const char *text, const char *currency)
{
    if (!out || !text || !currency)
        return ipart__fail_null("ipart_money_parse", !out ? "out" : !text ? "text" : "currency");
    const struct currency *c;
    ipart_status rc = currency_of(&c, currency);
    if (rc != IPART_OK)
        return rc;
    decimal_layout layout = {0}; /* zeroed: gcc cannot see that failures are nonzero */
    rc = scan_decimal(&layout, text);
    if (rc != IPART_OK)
        return rc;
    size_t decimals = layout.decimals_end - layout.decimals_begin;
    if (decimals > (size_t)c->exponent) {
        /* Nothing is rounded on input: an amount the currency cannot hold is an error. */
        char shown[ECHO_SIZE];
        return ipart__fail(IPART_EPARSE, "money.parse.decimals",
                           "'%s' has %zu decimal%s, but %s allows at most %d",
                           echo(shown, text), decimals, decimals == 1 ? "" : "s", c->code,
                           c->exponent);
    }
    int64_t minor = 0;
    rc = to_minor(&minor, text, &layout, c);
    if (rc != IPART_OK)
        return rc;
    *out = make(minor, c);
    return IPART_OK;
}

/* ---- formatting -------------------------------------------------------------- */

ipart_status ipart__money_text(char out[IPART__MONEY_TEXT_SIZE], size_t *length,
                              ipart_money amount)
{
    const struct currency *c;
    ipart_status rc = check_amount(&c, &amount);
    if (rc == IPART_OK)
        *length = canonical_text(out, amount.minor, c->exponent);
    return rc;
}

ipart_status ipart__money_canonical(char out[IPART__MONEY_TEXT_SIZE], ipart_money amount)
{
    size_t length;
    return ipart__money_text(out, &length, amount);
}

ipart_status ipart_money_format(char **out, ipart_money amount)
{
    if (!out)
        return ipart__fail_null("ipart_money_format", "out");
    char text[IPART__MONEY_TEXT_SIZE];
    ipart_status rc = ipart__money_canonical(text, amount);
    return rc == IPART_OK ? hand_out(out, text) : rc;
}

/* How a language writes amounts. */
static const struct display_style {
    const char *lang;
    char group;                /* digit-group separator */
    char decimal_mark;
    const char *home_currency; /* the currency written with a local symbol, or NULL */
    const char *home_symbol;   /* its suffix: "12 000,00 kr" */
    int code_first;            /* other currencies: "EUR 1.00" (1) or "1,00 EUR" (0) */
} styles[] = {
    {"nb", ' ', ',', "NOK", " kr", 0},
    {"nn", ' ', ',', "NOK", " kr", 0},
    {"en", ',', '.', NULL, NULL, 1},
    {"sv", ' ', ',', "SEK", " kr", 0},
    {"da", '.', ',', "DKK", " kr.", 0},
};

/* Longest display text: sign, "XXX " or " kr.", and a grouped magnitude. */
enum { DISPLAY_SIZE = NUMBER_SIZE + 16 };

static ipart_status style_of(const struct display_style **out, const char *lang)
{
    for (size_t i = 0; i < COUNT(styles); i++) {
        if (strcmp(styles[i].lang, lang) == 0) {
            *out = &styles[i];
            return IPART_OK;
        }
    }
    /* "nb, nn, en, sv, da": two letters and ", " per language. */
    char supported[COUNT(styles) * 4 + 1] = "";
    for (size_t i = 0; i < COUNT(styles); i++) {
        if (i > 0)
            strcat(supported, ", ");
        strcat(supported, styles[i].lang);
    }
    char shown[ECHO_SIZE];
    return ipart__fail(IPART_EINVAL, "money.display.language",
                       "unsupported display language '%s' (supported: %s)", echo(shown, lang),
                       supported);
}

ipart_status ipart_money_format_display(char **out, ipart_money amount, const char *lang)
{
    if (!out || !lang)
        return ipart__fail_null("ipart_money_format_display", !out ? "out" : "lang");
    const struct currency *c;
    ipart_status rc = check_amount(&c, &amount);
    if (rc != IPART_OK)
        return rc;
    const struct display_style *style = NULL;
    rc = style_of(&style, lang);
    if (rc != IPART_OK)
        return rc;
    /* The currency is a local symbol after the number ("kr"), or its code
     * before (en) or after it. */
    char code_affix[8];
    const char *prefix = "", *suffix = "";
    if (style->home_currency && strcmp(style->home_currency, c->code) == 0) {
        suffix = style->home_symbol;
    } else if (style->code_first) {
        snprintf(code_affix, sizeof code_affix, "%s ", c->code);
        prefix = code_affix;
    } else {
        snprintf(code_affix, sizeof code_affix, " %s", c->code);
        suffix = code_affix;
    }
    char digits[NUMBER_SIZE], text[DISPLAY_SIZE];
    snprintf(text, sizeof text, "%s%s%s%s", amount.minor < 0 ? "-" : "", prefix,
             write_magnitude(digits, amount.minor, c->exponent, style->group,
                             style->decimal_mark),
             suffix);
    return hand_out(out, text);
}

/* ---- arithmetic ------------------------------------------------------------------ */

/* "<function>: <amount> <operation> does not fit in 64-bit minor units". */
static ipart_status arithmetic_overflow(const char *function, ipart_money amount,
                                        const struct currency *c, const char *operation)
{
    char text[CANONICAL_SIZE];
    return ipart__fail(IPART_EOVERFLOW, "money.arithmetic.overflow",
                       "%s: %s %s %s does not fit in 64-bit minor units", function,
                       write_canonical(text, amount.minor, c->exponent), c->code, operation);
}

/* Overflow of a op b, naming both amounts. */
static ipart_status binary_overflow(const char *function, ipart_money a, const char *op,
                                    ipart_money b, const struct currency *c)
{
    char operand[CANONICAL_SIZE], operation[CANONICAL_SIZE + 16];
    snprintf(operation, sizeof operation, "%s %s %s", op,
             write_canonical(operand, b.minor, c->exponent), c->code);
    return arithmetic_overflow(function, a, c, operation);
}

/* a + b or a - b, in one currency, overflow-checked. */
static ipart_status add_or_subtract(ipart_money *out, ipart_money a, ipart_money b, int subtract,
                                    const char *function)
{
    if (!out)
        return ipart__fail_null(function, "out");
    const struct currency *c;
    int64_t result;
    ipart_status rc = check_same_currency(&c, function, &a, &b);
    if (rc != IPART_OK)
        return rc;
    if (subtract ? __builtin_sub_overflow(a.minor, b.minor, &result)
                 : __builtin_add_overflow(a.minor, b.minor, &result))
        return binary_overflow(function, a, subtract ? "minus" : "plus", b, c);
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
    if (__builtin_mul_overflow(amount.minor, factor, &product)) {
        char operation[32];
        snprintf(operation, sizeof operation, "times %lld", (long long)factor);
        return arithmetic_overflow("ipart_money_mul", amount, c, operation);
    }
    *out = make(product, c);
    return IPART_OK;
}

/*
 * Whether a quotient truncated toward zero moves one unit away from zero.
 * The exact value lies strictly between two units; `twice_remainder`
 * against `divisor` tells whether it is below, at or above the half.
 */
static int rounds_away(ipart_rounding mode, int negative, wide twice_remainder, wide divisor,
                       int truncated_is_odd)
{
    switch (mode) {
    case IPART_ROUND_HALF_UP:
        return twice_remainder >= divisor;
    case IPART_ROUND_HALF_EVEN:
        return twice_remainder > divisor || (twice_remainder == divisor && truncated_is_odd);
    case IPART_ROUND_DOWN:
        return 0;
    case IPART_ROUND_UP:
        return 1;
    case IPART_ROUND_FLOOR:
        return negative;
    case IPART_ROUND_CEILING:
        return !negative;
    }
    return 0; /* not reached: the mode is checked before dividing */
}

/* numerator / denominator rounded to an integer by mode, exactly. The
 * operands are at most 2^126 and 2^63 in magnitude, so nothing overflows. */
static wide divide_rounded(wide numerator, wide denominator, ipart_rounding mode)
{
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    /* C division truncates toward zero; the remainder has the numerator's sign. */
    wide quotient = numerator / denominator;
    wide remainder = numerator % denominator;
    if (remainder == 0)
        return quotient;
    int negative = numerator < 0;
    wide twice_remainder = 2 * (negative ? -remainder : remainder);
    if (!rounds_away(mode, negative, twice_remainder, denominator, quotient % 2 != 0))
        return quotient;
    return negative ? quotient - 1 : quotient + 1;
}

/* amount * numerator / denominator for ratio and percent, which differ only in
 * how they name themselves in messages. */
static ipart_status scale(ipart_money *out, const char *function, ipart_money amount,
                          int64_t numerator, int64_t denominator, ipart_rounding mode)
{
    const struct currency *c;
    ipart_status rc = check_amount(&c, &amount);
    if (rc != IPART_OK)
        return rc;
    if ((int)mode < IPART_ROUND_HALF_UP || (int)mode > IPART_ROUND_CEILING)
        return ipart__fail(IPART_EINVAL, "money.rounding.unknown",
                           "%s: unknown rounding mode %d (expected %d to %d, "
                           "IPART_ROUND_HALF_UP to IPART_ROUND_CEILING)",
                           function, (int)mode, IPART_ROUND_HALF_UP, IPART_ROUND_CEILING);
    if (denominator == 0)
        return ipart__fail(IPART_EINVAL, "money.ratio.zero_denominator",
                           "%s: the denominator is zero (numerator %lld)", function,
                           (long long)numerator);
    wide result = divide_rounded((wide)amount.minor * numerator, denominator, mode);
    if (result > INT64_MAX || result < INT64_MIN) {
        char operation[64];
        snprintf(operation, sizeof operation, "times %lld/%lld", (long long)numerator,
                 (long long)denominator);
        return arithmetic_overflow(function, amount, c, operation);
    }
    *out = make((int64_t)result, c);
    return IPART_OK;
}

ipart_status ipart_money_ratio(ipart_money *out, ipart_money amount, int64_t numerator,
                               int64_t denominator, ipart_rounding mode)
{
    if (!out)
        return ipart__fail_null("ipart_money_ratio", "out");
    return scale(out, "ipart_money_ratio", amount, numerator, denominator, mode);
}

ipart_status ipart_money_percent(ipart_money *out, ipart_money amount, int64_t basis_points,
                                 ipart_rounding mode)
{
    if (!out)
        return ipart__fail_null("ipart_money_percent", "out");
    /* 10000 basis points are 100 %. */
    return scale(out, "ipart_money_percent", amount, basis_points, 10000, mode);
}

ipart_status ipart_money_compare(int *out, ipart_money a, ipart_money b)
{
    if (!out)
        return ipart__fail_null("ipart_money_compare", "out");
    const struct currency *c;
    ipart_status rc = check_same_currency(&c, "ipart_money_compare", &a, &b);
    if (rc == IPART_OK)
        *out = (a.minor > b.minor) - (a.minor < b.minor);
    return rc;
}

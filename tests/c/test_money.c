/*
 * Money: golden cases (tests/cases/core/money.json, shared with the Python
 * and Java tests), C-only contracts (NULL arguments, outputs left alone on
 * failure, error detail, out-of-memory) and properties over the int64
 * range checked against independent reference computations.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "core/money_p.h"
#include "core/strbuf_p.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(money, IPART_TEST_FIXTURE);

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* A value no call under test produces, to prove that failures leave outputs alone. */
static const ipart_money sentinel = {424242, "SEN"};
static char sentinel_text[] = "untouched";

static const char *const languages[] = {"nb", "nn", "en", "sv", "da"};
static const char *const rounding_names[] = {"half_up", "half_even", "down",
                                             "up",      "floor",     "ceiling"};

/* ---- helpers ---------------------------------------------------------- */

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static const char *text_of(const cJSON *obj, const char *key)
{
    const cJSON *value = item(obj, key);
    cr_assert(cJSON_IsString(value), "golden case field '%s' must be a string", key);
    return value->valuestring;
}

/* int64 values are strings in the golden cases: a JSON number is a double. */
static int64_t int64_of(const cJSON *obj, const char *key)
{
    const char *text = text_of(obj, key);
    char *end;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    cr_assert(errno == 0 && *text && *end == '\0', "'%s' is not an int64", text);
    return (int64_t)value;
}

static ipart_money money_of(const cJSON *json)
{
    ipart_money m;
    assert_ok(ipart_money_from_minor(&m, int64_of(json, "minor"), text_of(json, "currency")));
    return m;
}

static ipart_rounding rounding_of(const char *name)
{
    for (size_t i = 0; i < COUNT(rounding_names); i++)
        if (strcmp(rounding_names[i], name) == 0)
            return (ipart_rounding)i;
    cr_assert_fail("unknown rounding '%s' in the golden cases", name);
    return IPART_ROUND_HALF_EVEN;
}

static int is_sentinel(ipart_money m)
{
    return m.minor == sentinel.minor && strcmp(m.currency, sentinel.currency) == 0;
}

/* Caller text as a message quotes it: in quotes, control bytes as '?'. */
static const char *quoted(char out[128], const char *text)
{
    size_t n = 0;
    out[n++] = '\'';
    for (; *text && n < 125; text++)
        out[n++] = (unsigned char)*text < 0x20 ? '?' : *text;
    out[n++] = '\'';
    out[n] = '\0';
    return out;
}

/* The detail after a failure: the code, a key and a message that mentions `needle`. */
static void assert_detail(ipart_status rc, const char *key_prefix, const char *needle)
{
    const ipart_error *e = ipart_error_last();
    cr_assert_eq(e->code, rc, "detail code %s, returned %s", ipart_error_name(e->code),
                 ipart_error_name(rc));
    cr_assert_neq(e->key[0], '\0', "a failure must have a key");
    cr_assert_eq(strncmp(e->key, key_prefix, strlen(key_prefix)), 0,
                 "key '%s' does not start with '%s'", e->key, key_prefix);
    cr_assert_neq(e->message[0], '\0', "a failure must say why");
    if (needle)
        cr_assert_not_null(strstr(e->message, needle), "message \"%s\" does not name %s",
                           e->message, needle);
}

/* The failure a golden case expects: its status name and a money.* detail. */
static void assert_case_error(ipart_status rc, const cJSON *kase, const char *needle)
{
    char *json = cJSON_PrintUnformatted(kase);
    cr_assert_str_eq(ipart_error_name(rc), text_of(kase, "error"), "%s: %s", json,
                     ipart_error_last()->message);
    cJSON_free(json);
    assert_detail(rc, "money.", needle);
}

/* ---- golden cases ----------------------------------------------------- */

Test(money, golden_parse)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int checked = 0;
    cJSON_ArrayForEach(kase, item(cases, "parse")) {
        const char *text = text_of(kase, "text"), *currency = text_of(kase, "currency");
        ipart_money m = sentinel;
        ipart_status rc = ipart_money_parse(&m, text, currency);
        if (item(kase, "error")) {
            /* A currency error names the currency, any other the text. */
            char needle[128];
            assert_case_error(rc, kase, quoted(needle, rc == IPART_ECURRENCY ? currency : text));
            cr_assert(is_sentinel(m), "'%s': output written on failure", text);
        } else {
            cr_assert_eq(rc, IPART_OK, "'%s': %s", text, ipart_error_last()->message);
            cr_assert_eq(m.minor, int64_of(kase, "minor"), "'%s' gave %" PRId64, text, m.minor);
            cr_assert_str_eq(m.currency, currency);
        }
        checked++;
    }
    cr_assert_geq(checked, 50);
    cJSON_Delete(cases);
}

Test(money, golden_format_and_display)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int checked = 0;
    cJSON_ArrayForEach(kase, item(cases, "format")) {
        ipart_money m = money_of(kase), back;
        char *text = NULL;
        assert_ok(ipart_money_format(&text, m));
        cr_assert_str_eq(text, text_of(kase, "canonical"));
        assert_ok(ipart_money_parse(&back, text, m.currency));
        cr_assert_eq(back.minor, m.minor, "canonical text must parse back: %s", text);
        ipart_free(text);
        const cJSON *display = item(kase, "display");
        cr_assert_eq(cJSON_GetArraySize(display), (int)COUNT(languages),
                     "every format case gives every language");
        for (size_t i = 0; i < COUNT(languages); i++) {
            assert_ok(ipart_money_format_display(&text, m, languages[i]));
            cr_assert_str_eq(text, text_of(display, languages[i]), "lang %s", languages[i]);
            ipart_free(text);
        }
        checked++;
    }
    cr_assert_geq(checked, 20);
    cJSON_Delete(cases);
}

Test(money, golden_display_errors)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int checked = 0;
    cJSON_ArrayForEach(kase, item(cases, "display_errors")) {
        char *text = sentinel_text, needle[128];
        const char *lang = text_of(kase, "lang");
        ipart_status rc = ipart_money_format_display(&text, money_of(kase), lang);
        assert_case_error(rc, kase, quoted(needle, lang));
        /* The message also tells what would have worked. */
        cr_assert_not_null(strstr(ipart_error_last()->message, "nb, nn, en, sv, da"));
        cr_assert_eq(text, sentinel_text, "output written on failure");
        checked++;
    }
    cr_assert_geq(checked, 3);
    cJSON_Delete(cases);
}

static ipart_status run_op(const cJSON *kase, ipart_money *result, int *order)
{
    const char *op = text_of(kase, "op");
    ipart_money a = money_of(item(kase, "a"));
    if (strcmp(op, "add") == 0)
        return ipart_money_add(result, a, money_of(item(kase, "b")));
    if (strcmp(op, "sub") == 0)
        return ipart_money_sub(result, a, money_of(item(kase, "b")));
    if (strcmp(op, "mul") == 0)
        return ipart_money_mul(result, a, int64_of(kase, "factor"));
    if (strcmp(op, "ratio") == 0)
        return ipart_money_ratio(result, a, int64_of(kase, "numerator"),
                                 int64_of(kase, "denominator"),
                                 rounding_of(text_of(kase, "rounding")));
    if (strcmp(op, "percent") == 0)
        return ipart_money_percent(result, a, int64_of(kase, "basis_points"),
                                   rounding_of(text_of(kase, "rounding")));
    if (strcmp(op, "compare") == 0)
        return ipart_money_compare(order, a, money_of(item(kase, "b")));
    cr_assert_fail("unknown op '%s'", op);
    return IPART_EINTERNAL;
}

/* A mismatch names both currencies; other failures name the function. */
static const char *error_needle(const cJSON *kase, ipart_status rc, char buf[64])
{
    if (rc == IPART_ECURRENCY) {
        snprintf(buf, 64, "%s and %s", text_of(item(kase, "a"), "currency"),
                 text_of(item(kase, "b"), "currency"));
        return buf;
    }
    snprintf(buf, 64, "ipart_money_%s", text_of(kase, "op"));
    return buf;
}

Test(money, golden_arithmetic)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int checked = 0, modes_seen = 0;
    cJSON_ArrayForEach(kase, item(cases, "arithmetic")) {
        ipart_money result = sentinel;
        int order = 42;
        ipart_status rc = run_op(kase, &result, &order);
        char *json = cJSON_PrintUnformatted(kase), needle[64];
        if (item(kase, "error")) {
            assert_case_error(rc, kase, error_needle(kase, rc, needle));
            cr_assert(is_sentinel(result) && order == 42, "output written on failure: %s", json);
        } else if (strcmp(text_of(kase, "op"), "compare") == 0) {
            cr_assert_eq(rc, IPART_OK, "%s: %s", json, ipart_error_last()->message);
            cr_assert_eq(order, item(kase, "result")->valueint, "%s", json);
        } else {
            cr_assert_eq(rc, IPART_OK, "%s: %s", json, ipart_error_last()->message);
            ipart_money want = money_of(item(kase, "result"));
            cr_assert_eq(result.minor, want.minor, "%s: got %" PRId64, json, result.minor);
            cr_assert_str_eq(result.currency, want.currency);
        }
        if (item(kase, "rounding"))
            modes_seen |= 1 << rounding_of(text_of(kase, "rounding"));
        cJSON_free(json);
        checked++;
    }
    cr_assert_gt(checked, 300);
    cr_assert_eq(modes_seen, 0x3F, "every rounding mode has golden cases");
    cJSON_Delete(cases);
}

Test(money, golden_currencies)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int known = 0;
    cJSON_ArrayForEach(kase, item(cases, "currencies")) {
        const char *code = text_of(kase, "currency");
        int exponent = -1;
        ipart_status rc = ipart_currency_exponent(&exponent, code);
        if (item(kase, "error")) {
            char needle[128];
            assert_case_error(rc, kase, quoted(needle, code));
            cr_assert_eq(exponent, -1, "output written on failure");
        } else {
            cr_assert_eq(rc, IPART_OK, "%s: %s", code, ipart_error_last()->message);
            cr_assert_eq(exponent, item(kase, "exponent")->valueint, "%s", code);
            known++;
        }
    }
    cr_assert_geq(known, 21, "the required currencies are all listed");
    cJSON_Delete(cases);
}

/* ---- the issue's example, end to end ----------------------------------- */

Test(money, development_cap_parses_and_displays_as_in_the_issue)
{
    ipart_money cap;
    char *nb = NULL, *en = NULL, *canonical = NULL;
    assert_ok(ipart_money_parse(&cap, "12000000.00", "NOK"));
    cr_assert_eq(cap.minor, INT64_C(1200000000));
    assert_ok(ipart_money_format_display(&nb, cap, "nb"));
    assert_ok(ipart_money_format_display(&en, cap, "en"));
    assert_ok(ipart_money_format(&canonical, cap));
    cr_assert_str_eq(nb, "12 000 000,00 kr");
    cr_assert_str_eq(en, "NOK 12,000,000.00");
    cr_assert_str_eq(canonical, "12000000.00");
    ipart_free(nb);
    ipart_free(en);
    ipart_free(canonical);
}

/* ---- NULL arguments and untouched outputs ------------------------------ */

static void assert_null_argument(ipart_status rc, const char *function, const char *argument)
{
    char needle[64];
    cr_assert_eq(rc, IPART_EMISUSE, "%s(NULL %s) returned %s", function, argument,
                 ipart_error_name(rc));
    snprintf(needle, sizeof needle, "'%s'", argument);
    assert_detail(rc, "api.", needle);
    cr_assert_not_null(strstr(ipart_error_last()->message, function));
}

Test(money, null_arguments_are_misuse)
{
    ipart_money m = sentinel, nok = {100, "NOK"};
    char *text = sentinel_text;
    int i = 42;
    assert_null_argument(ipart_currency_exponent(NULL, "NOK"), "ipart_currency_exponent", "out");
    assert_null_argument(ipart_currency_exponent(&i, NULL), "ipart_currency_exponent",
                         "currency");
    assert_null_argument(ipart_money_from_minor(NULL, 1, "NOK"), "ipart_money_from_minor", "out");
    assert_null_argument(ipart_money_from_minor(&m, 1, NULL), "ipart_money_from_minor",
                         "currency");
    assert_null_argument(ipart_money_parse(NULL, "1", "NOK"), "ipart_money_parse", "out");
    assert_null_argument(ipart_money_parse(&m, NULL, "NOK"), "ipart_money_parse", "text");
    assert_null_argument(ipart_money_parse(&m, "1", NULL), "ipart_money_parse", "currency");
    assert_null_argument(ipart_money_format(NULL, nok), "ipart_money_format", "out");
    assert_null_argument(ipart_money_format_display(NULL, nok, "nb"),
                         "ipart_money_format_display", "out");
    assert_null_argument(ipart_money_format_display(&text, nok, NULL),
                         "ipart_money_format_display", "lang");
    assert_null_argument(ipart_money_add(NULL, nok, nok), "ipart_money_add", "out");
    assert_null_argument(ipart_money_sub(NULL, nok, nok), "ipart_money_sub", "out");
    assert_null_argument(ipart_money_mul(NULL, nok, 2), "ipart_money_mul", "out");
    assert_null_argument(ipart_money_ratio(NULL, nok, 1, 2, IPART_ROUND_HALF_UP),
                         "ipart_money_ratio", "out");
    assert_null_argument(ipart_money_percent(NULL, nok, 100, IPART_ROUND_HALF_UP),
                         "ipart_money_percent", "out");
    assert_null_argument(ipart_money_compare(NULL, nok, nok), "ipart_money_compare", "out");
    cr_assert(is_sentinel(m) && i == 42 && text == sentinel_text, "outputs written on misuse");
}

Test(money, failures_leave_every_output_untouched)
{
    ipart_money m = sentinel, nok = {100, "NOK"}, unknown = {100, "ZZZ"};
    char *text = sentinel_text;
    int i = 42;
    assert_fails_with(ipart_currency_exponent(&i, "ZZZ"), IPART_ECURRENCY);
    assert_fails_with(ipart_money_from_minor(&m, 1, "ZZZ"), IPART_ECURRENCY);
    assert_fails_with(ipart_money_format(&text, unknown), IPART_ECURRENCY);
    assert_fails_with(ipart_money_format_display(&text, unknown, "nb"), IPART_ECURRENCY);
    assert_fails_with(ipart_money_format_display(&text, nok, "de"), IPART_EINVAL);
    assert_fails_with(ipart_money_add(&m, nok, unknown), IPART_ECURRENCY);
    assert_fails_with(ipart_money_sub(&m, unknown, nok), IPART_ECURRENCY);
    assert_fails_with(ipart_money_mul(&m, unknown, 2), IPART_ECURRENCY);
    assert_fails_with(ipart_money_ratio(&m, unknown, 1, 2, IPART_ROUND_UP), IPART_ECURRENCY);
    assert_fails_with(ipart_money_percent(&m, unknown, 1, IPART_ROUND_UP), IPART_ECURRENCY);
    assert_fails_with(ipart_money_compare(&i, unknown, unknown), IPART_ECURRENCY);
    cr_assert(is_sentinel(m) && i == 42 && text == sentinel_text, "outputs written on failure");
}

Test(money, a_struct_with_garbage_currency_is_refused)
{
    ipart_money garbage, out = sentinel;
    memset(&garbage, 'A', sizeof garbage); /* no NUL inside the currency array */
    char *text = sentinel_text;
    assert_fails_with(ipart_money_format(&text, garbage), IPART_ECURRENCY);
    assert_detail(IPART_ECURRENCY, "money.currency.", "NUL-terminated");
    assert_fails_with(ipart_money_mul(&out, garbage, 2), IPART_ECURRENCY);
    ipart_money lower = {1, "nok"};
    assert_fails_with(ipart_money_add(&out, lower, lower), IPART_ECURRENCY);
    assert_detail(IPART_ECURRENCY, "money.currency.", "'nok'");
    cr_assert(is_sentinel(out) && text == sentinel_text);
}

Test(money, unknown_rounding_modes_are_refused)
{
    ipart_money m = {100, "NOK"}, out = sentinel;
    const int modes[] = {-1, 6, 9, 1000};
    for (size_t i = 0; i < COUNT(modes); i++) {
        assert_fails_with(ipart_money_ratio(&out, m, 1, 3, (ipart_rounding)modes[i]),
                          IPART_EINVAL);
        assert_detail(IPART_EINVAL, "money.rounding.", "unknown rounding mode");
        assert_fails_with(ipart_money_percent(&out, m, 100, (ipart_rounding)modes[i]),
                          IPART_EINVAL);
        assert_detail(IPART_EINVAL, "money.rounding.", "ipart_money_percent");
    }
    cr_assert(is_sentinel(out));
}

/* ---- messages ---------------------------------------------------------- */

Test(money, messages_name_the_input)
{
    ipart_money m, a = {INT64_MAX, "NOK"}, one = {1, "NOK"}, usd = {1, "USD"};
    char *text;
    assert_fails_with(ipart_money_parse(&m, "12,00", "NOK"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.syntax", NULL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "'12,00' is not a decimal amount: unexpected ',' at offset 2");
    assert_fails_with(ipart_money_parse(&m, "5.", "NOK"), IPART_EPARSE);
    cr_assert_str_eq(ipart_error_last()->message, "'5.' is not a decimal amount: expected a "
                     "digit after '.', found the end of the text at offset 2");
    assert_fails_with(ipart_money_parse(&m, "-", "NOK"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.syntax", "found the end of the text at offset 1");
    assert_fails_with(ipart_money_parse(&m, "1\xC3\xB8", "NOK"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.syntax", "unexpected byte 0xC3 at offset 1");
    assert_fails_with(ipart_money_parse(&m, "12 000", "NOK"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.syntax", "unexpected ' ' at offset 2");
    assert_fails_with(ipart_money_parse(&m, "007", "NOK"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.syntax", "after a leading 0, found '0' at offset 1");
    assert_fails_with(ipart_money_parse(&m, "1.001", "NOK"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.decimals", "'1.001' has 3 decimals");
    cr_assert_not_null(strstr(ipart_error_last()->message, "NOK allows at most 2"));
    assert_fails_with(ipart_money_parse(&m, "1.5", "JPY"), IPART_EPARSE);
    assert_detail(IPART_EPARSE, "money.parse.decimals", "'1.5' has 1 decimal, but JPY allows at most 0");
    assert_fails_with(ipart_money_parse(&m, "92233720368547758.08", "NOK"), IPART_EOVERFLOW);
    assert_detail(IPART_EOVERFLOW, "money.parse.overflow",
                  "(-92233720368547758.08 to 92233720368547758.07)");
    assert_fails_with(ipart_money_parse(&m, "1", "XYZ"), IPART_ECURRENCY);
    assert_detail(IPART_ECURRENCY, "money.currency.unknown", "unknown currency 'XYZ'");
    assert_fails_with(ipart_money_add(&m, a, usd), IPART_ECURRENCY);
    assert_detail(IPART_ECURRENCY, "money.currency.mismatch", "NOK and USD");
    assert_fails_with(ipart_money_add(&m, a, one), IPART_EOVERFLOW);
    assert_detail(IPART_EOVERFLOW, "money.arithmetic.overflow",
                  "92233720368547758.07 NOK plus 0.01 NOK");
    ipart_money bottom = {INT64_MIN, "NOK"};
    assert_fails_with(ipart_money_mul(&m, bottom, -1), IPART_EOVERFLOW);
    assert_detail(IPART_EOVERFLOW, "money.arithmetic.overflow",
                  "-92233720368547758.08 NOK times -1");
    assert_fails_with(ipart_money_ratio(&m, one, 7, 0, IPART_ROUND_DOWN), IPART_EINVAL);
    assert_detail(IPART_EINVAL, "money.ratio.zero_denominator", "the denominator is zero");
    assert_fails_with(ipart_money_format_display(&text, one, "de"), IPART_EINVAL);
    assert_detail(IPART_EINVAL, "money.display.language", "'de' (supported: nb, nn, en, sv, da)");
}

/* Whether s is well-formed UTF-8 (enough of a check for cut sequences). */
static int is_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                  : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0)
            return 0;
        for (p++; extra > 0; extra--, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

Test(money, long_input_is_quoted_cut_at_a_character_boundary)
{
    /* "1" and then 100 two-byte characters: the cut falls after byte 64, inside one. */
    char text[1 + 100 * 2 + 1] = "1";
    for (int i = 0; i < 100; i++)
        strcat(text, "\xC3\xB8"); /* ø */
    ipart_money m;
    assert_fails_with(ipart_money_parse(&m, text, "NOK"), IPART_EPARSE);
    const char *message = ipart_error_last()->message;
    cr_assert(is_utf8(message), "message cut inside a character: %s", message);
    cr_assert_not_null(strstr(message, "...'"), "a cut quote ends in ...: %s", message);
    cr_assert_lt(strlen(message), 200);
    /* Control bytes never reach the message. */
    assert_fails_with(ipart_money_parse(&m, "1\x1b[2J", "NOK"), IPART_EPARSE);
    cr_assert_null(strchr(ipart_error_last()->message, '\x1b'));
    assert_fails_with(ipart_currency_exponent(&(int){0}, "\x7f\x01\xC3\xB8"), IPART_ECURRENCY);
    cr_assert(is_utf8(ipart_error_last()->message));
    cr_assert_not_null(strstr(ipart_error_last()->message, "'??\xC3\xB8'"));
}

/* ---- out of memory ------------------------------------------------------ */

/* Every call that allocates, on one amount; outputs untouched on failure. */
static ipart_status format_everything(void *ctx)
{
    const ipart_money *m = ctx;
    char *text = sentinel_text;
    ipart_status rc = ipart_money_format(&text, *m);
    for (size_t i = 0; rc == IPART_OK && i < COUNT(languages); i++) {
        ipart_free(text);
        text = sentinel_text;
        rc = ipart_money_format_display(&text, *m, languages[i]);
    }
    if (rc != IPART_OK) {
        cr_assert_eq(text, sentinel_text, "output written on %s", ipart_error_name(rc));
        return rc;
    }
    ipart_free(text);
    return rc;
}

Test(money, formatting_fails_cleanly_when_memory_runs_out)
{
    const ipart_money amounts[] = {
        {INT64_MIN, "NOK"}, {INT64_MAX, "SEK"}, {0, "DKK"}, {-1, "KWD"}, {1200, "JPY"}};
    for (size_t i = 0; i < COUNT(amounts); i++) {
        ipart_money m = amounts[i];
        /* One allocation per call: the string handed to the caller. */
        cr_assert_eq(harness_fail_each(format_everything, &m), 1 + (long)COUNT(languages));
    }
}

Test(money, only_formatting_allocates)
{
    ipart_money a = {12345, "NOK"}, out;
    int order, exponent;
    harness_fail_at(0);
    assert_ok(ipart_money_parse(&out, "123.45", "NOK"));
    assert_ok(ipart_money_from_minor(&out, 1, "KWD"));
    assert_ok(ipart_currency_exponent(&exponent, "NOK"));
    assert_ok(ipart_money_add(&out, a, a));
    assert_ok(ipart_money_sub(&out, a, a));
    assert_ok(ipart_money_mul(&out, a, 3));
    assert_ok(ipart_money_ratio(&out, a, 1, 3, IPART_ROUND_HALF_EVEN));
    assert_ok(ipart_money_percent(&out, a, 2500, IPART_ROUND_HALF_EVEN));
    assert_ok(ipart_money_compare(&order, a, a));
    /* Failures report without allocating too. */
    ipart_money_parse(&out, "1,5", "NOK");
    ipart_money_add(&out, a, (ipart_money){1, "SEK"});
    cr_assert_eq(harness_allocations(), 0);
}

/* ---- properties over the int64 range ------------------------------------ */

/* Powers of two and of ten, their neighbours, and the limits. */
static size_t spread_of_int64(int64_t *out)
{
    size_t n = 0;
    for (int shift = 0; shift < 63; shift++) {
        int64_t p = (int64_t)1 << shift;
        out[n++] = p;
        out[n++] = p - 1;
        out[n++] = -p;
        out[n++] = -p + 1;
        out[n++] = -p - 1;
    }
    for (int64_t p = 10; p <= INT64_MAX / 10; p *= 10) {
        out[n++] = p + 1;
        out[n++] = -p - 1;
        out[n++] = p * 9 + (p - 1); /* 99...9 */
    }
    out[n++] = INT64_MAX;
    out[n++] = INT64_MAX - 1;
    out[n++] = INT64_MIN;
    out[n++] = INT64_MIN + 1;
    return n;
}

static const char *const some_currencies[] = {"NOK", "JPY", "KWD", "EUR", "ISK", "BHD"};

/* The canonical form: -?(0|[1-9][0-9]*) and then exactly `exponent` decimals. */
static void assert_canonical_shape(const char *text, int exponent)
{
    const char *p = text + (*text == '-');
    size_t units = strspn(p, "0123456789");
    cr_assert(units > 0 && (p[0] != '0' || units == 1), "'%s': units", text);
    if (exponent == 0) {
        cr_assert_eq(p[units], '\0', "'%s': no decimals", text);
        return;
    }
    cr_assert_eq(p[units], '.', "'%s'", text);
    cr_assert_eq(strspn(p + units + 1, "0123456789"), (size_t)exponent, "'%s'", text);
    cr_assert_eq(strlen(p + units + 1), (size_t)exponent, "'%s'", text);
}

Test(money, canonical_text_round_trips_across_the_int64_range)
{
    int64_t values[512];
    size_t n = spread_of_int64(values);
    for (size_t c = 0; c < COUNT(some_currencies); c++) {
        int exponent;
        assert_ok(ipart_currency_exponent(&exponent, some_currencies[c]));
        for (size_t i = 0; i < n; i++) {
            ipart_money m, back = sentinel;
            char *text = NULL;
            assert_ok(ipart_money_from_minor(&m, values[i], some_currencies[c]));
            assert_ok(ipart_money_format(&text, m));
            assert_canonical_shape(text, exponent);
            cr_assert_eq(text[0] == '-', values[i] < 0, "'%s': sign", text);
            assert_ok(ipart_money_parse(&back, text, some_currencies[c]));
            cr_assert_eq(back.minor, values[i], "%s %s", some_currencies[c], text);
            cr_assert_str_eq(back.currency, some_currencies[c]);
            ipart_free(text);
        }
    }
}

/* The canonical text as the formatter wrote it before it lost snprintf:
 * "%s%llu.%0*llu" of the sign, the units and the decimals. */
static void reference_canonical(char out[64], int64_t minor, int exponent)
{
    uint64_t magnitude = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    uint64_t scale = 1;
    for (int e = 0; e < exponent; e++)
        scale *= 10;
    if (exponent == 0)
        snprintf(out, 64, "%s%" PRIu64, minor < 0 ? "-" : "", magnitude);
    else
        snprintf(out, 64, "%s%" PRIu64 ".%0*" PRIu64, minor < 0 ? "-" : "", magnitude / scale,
                 exponent, magnitude % scale);
}

/* Whether a known code is new to `seen` (then added to it): the golden list
 * looks some codes up more than once, after near misses. */
static bool first_sight(char seen[64][4], int *count, const char *code)
{
    for (int i = 0; i < *count; i++)
        if (strcmp(seen[i], code) == 0)
            return false;
    cr_assert_lt(*count, 64);
    cr_assert_eq(strlen(code), 3u);
    memcpy(seen[(*count)++], code, 4);
    return true;
}

/* Every currency the library knows (the golden list), at every value of the
 * spread and small ones around zero: the canonical text, the same text with
 * its length, and the encoder's quoted member are the reference's. */
Test(money, canonical_text_of_every_currency_is_the_reference_text)
{
    int64_t values[560];
    size_t n = spread_of_int64(values);
    for (int64_t v = -1001; v <= 1001; v += 77)
        values[n++] = v;
    values[n++] = 0;
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int currencies = 0;
    char seen[64][4];
    cJSON_ArrayForEach(kase, item(cases, "currencies")) {
        if (item(kase, "error"))
            continue;
        const char *code = text_of(kase, "currency");
        int exponent = item(kase, "exponent")->valueint;
        if (!first_sight(seen, &currencies, code))
            continue;
        for (size_t i = 0; i < n; i++) {
            ipart_money m;
            char expected[64], text[IPART__MONEY_TEXT_SIZE], quoted_text[80];
            size_t length = 0;
            assert_ok(ipart_money_from_minor(&m, values[i], code));
            reference_canonical(expected, values[i], exponent);
            assert_ok(ipart__money_text(text, &length, m));
            cr_assert_str_eq(text, expected, "%s %" PRId64, code, values[i]);
            cr_assert_eq(length, strlen(expected), "%s %s: length", code, expected);
            assert_ok(ipart__money_canonical(text, m));
            cr_assert_str_eq(text, expected, "%s %" PRId64, code, values[i]);
            ipart__strbuf b = IPART__STRBUF_INIT;
            ipart__strbuf_putc(&b, '[');
            ipart__strbuf_json_money(&b, m);
            char *out = NULL;
            assert_ok(ipart__strbuf_finish(&b, &out));
            snprintf(quoted_text, sizeof quoted_text, "[\"%s\"", expected);
            cr_assert_str_eq(out, quoted_text);
            ipart_free(out);
        }
    }
    cr_assert_eq(currencies, 23, "every currency of the table is in the golden list");
    cJSON_Delete(cases);
}

/* The table is searched by halves: codes just beside each known one, and
 * before the first and after the last, are unknown; every known one found. */
Test(money, currency_lookup_finds_each_code_and_nothing_beside_it)
{
    static const char *const beside[] = {"AAA", "AUC", "AUE", "BHC", "JPX", "NOJ", "NOL",
                                         "TNE", "USC", "USE", "ZZZ", "\x7f\x7f\x7f",
                                         "\xff\xff\xff", "N\x01K", "A", "AU", "AUDD"};
    for (size_t i = 0; i < COUNT(beside); i++) {
        int exponent = -1;
        cr_assert_eq(ipart_currency_exponent(&exponent, beside[i]), IPART_ECURRENCY, "%zu", i);
        cr_assert_eq(exponent, -1);
        ipart_money m = {5, ""};
        memcpy(m.currency, beside[i], strlen(beside[i]) < 4 ? strlen(beside[i]) + 1 : 4);
        char text[IPART__MONEY_TEXT_SIZE] = "untouched";
        size_t length = 99;
        cr_assert_eq(ipart__money_text(text, &length, m), IPART_ECURRENCY, "%zu", i);
        cr_assert_str_eq(text, "untouched");
        cr_assert_eq(length, 99);
    }
    static const char *const known[] = {"AUD", "BGN", "BHD", "CAD", "CHF", "CZK", "DKK", "EUR",
                                        "GBP", "HUF", "ISK", "JOD", "JPY", "KRW", "KWD", "NOK",
                                        "NZD", "OMR", "PLN", "RON", "SEK", "TND", "USD"};
    for (size_t i = 0; i < COUNT(known); i++) {
        int exponent = -1;
        assert_ok(ipart_currency_exponent(&exponent, known[i]));
        cr_assert(exponent >= 0 && exponent <= 3, "%s", known[i]);
    }
}

/* s without the characters in `drop`, and with `from` replaced by `to`. */
static void normalise(char *s, const char *drop, char from, char to)
{
    char *w = s;
    for (const char *r = s; *r; r++)
        if (!strchr(drop, *r))
            *w++ = *r == from ? to : *r;
    *w = '\0';
}

/* Display texts are the canonical text, grouped and decorated: undoing the
 * decoration gives it back, and groups have exactly three digits. */
Test(money, display_is_the_canonical_amount_grouped)
{
    int64_t values[512];
    size_t n = spread_of_int64(values);
    for (size_t i = 0; i < n; i++) {
        ipart_money nok = {values[i], "NOK"}, eur = {values[i], "EUR"};
        char *canonical, *en, *nb, *da;
        assert_ok(ipart_money_format(&canonical, nok));
        assert_ok(ipart_money_format_display(&en, eur, "en"));
        assert_ok(ipart_money_format_display(&nb, nok, "nb"));
        assert_ok(ipart_money_format_display(&da, eur, "da"));
        /* "-EUR 1,234.56" -> "-1234.56" */
        const char *expected_en_prefix = values[i] < 0 ? "-EUR " : "EUR ";
        cr_assert_eq(strncmp(en, expected_en_prefix, strlen(expected_en_prefix)), 0, "%s", en);
        memmove(en + (values[i] < 0), en + strlen(expected_en_prefix),
                strlen(en) - strlen(expected_en_prefix) + 1);
        normalise(en, ",", '\0', '\0');
        cr_assert_str_eq(en, canonical);
        /* "-1 234,56 kr" -> "-1234.56" */
        size_t length = strlen(nb);
        cr_assert(length > 3 && strcmp(nb + length - 3, " kr") == 0, "%s", nb);
        nb[length - 3] = '\0';
        normalise(nb, " ", ',', '.');
        cr_assert_str_eq(nb, canonical);
        /* "1.234,56 EUR": every group separator is followed by three digits. */
        for (const char *p = strchr(da, '.'); p; p = strchr(p + 1, '.'))
            cr_assert_eq(strspn(p + 1, "0123456789"), 3, "%s", da);
        ipart_free(canonical);
        ipart_free(en);
        ipart_free(nb);
        ipart_free(da);
    }
}

/* A reference for ratio built differently from the library: from the floor
 * of the quotient and the remainder in [0, d). Small operands only. */
static int64_t reference_round(int64_t p, int64_t d, ipart_rounding mode)
{
    if (d < 0) {
        p = -p;
        d = -d;
    }
    int64_t below = p / d - (p % d != 0 && p < 0); /* the floor of p / d */
    int64_t remainder = p - below * d;            /* 0 <= remainder < d */
    if (remainder == 0)
        return below;
    int64_t above = below + 1;
    int positive = p > 0;
    switch (mode) {
    case IPART_ROUND_FLOOR: return below;
    case IPART_ROUND_CEILING: return above;
    case IPART_ROUND_DOWN: return positive ? below : above;
    case IPART_ROUND_UP: return positive ? above : below;
    default: break;
    }
    if (2 * remainder != d)
        return 2 * remainder < d ? below : above;
    if (mode == IPART_ROUND_HALF_UP)
        return positive ? above : below;
    return below % 2 == 0 ? below : above; /* IPART_ROUND_HALF_EVEN */
}

Test(money, ratio_agrees_with_a_reference_for_every_mode_and_sign)
{
    long checked = 0;
    for (int64_t a = -30; a <= 30; a++)
        for (int64_t num = -7; num <= 7; num++)
            for (int64_t den = -7; den <= 7; den++) {
                if (den == 0)
                    continue;
                for (int mode = IPART_ROUND_HALF_UP; mode <= IPART_ROUND_CEILING; mode++) {
                    ipart_money m = {a, "NOK"}, out;
                    assert_ok(ipart_money_ratio(&out, m, num, den, (ipart_rounding)mode));
                    int64_t want = reference_round(a * num, den, (ipart_rounding)mode);
                    cr_assert_eq(out.minor, want, "%" PRId64 " * %" PRId64 " / %" PRId64
                                 " (%s): got %" PRId64 ", want %" PRId64,
                                 a, num, den, rounding_names[mode], out.minor, want);
                    checked++;
                }
            }
    cr_assert_gt(checked, 70000);
}

Test(money, percent_is_a_ratio_over_ten_thousand)
{
    const int64_t amounts[] = {0, 1, -1, 12345, -99999, INT64_MAX, INT64_MIN};
    const int64_t points[] = {0, 1, -1, 1250, 5000, 10000, -10000, 33333};
    for (size_t i = 0; i < COUNT(amounts); i++)
        for (size_t j = 0; j < COUNT(points); j++)
            for (int mode = IPART_ROUND_HALF_UP; mode <= IPART_ROUND_CEILING; mode++) {
                ipart_money m = {amounts[i], "NOK"}, p = sentinel, r = sentinel;
                ipart_status rp = ipart_money_percent(&p, m, points[j], (ipart_rounding)mode);
                ipart_status rr = ipart_money_ratio(&r, m, points[j], 10000, (ipart_rounding)mode);
                cr_assert_eq(rp, rr);
                cr_assert_eq(p.minor, r.minor);
            }
}

Test(money, sum_then_difference_is_identity_unless_overflow)
{
    const int64_t samples[] = {0, 1, -1, 999, INT64_MAX / 2, INT64_MIN / 2, INT64_MAX, INT64_MIN};
    int overflows = 0;
    for (size_t i = 0; i < COUNT(samples); i++)
        for (size_t j = 0; j < COUNT(samples); j++) {
            ipart_money a = {samples[i], "NOK"}, b = {samples[j], "NOK"}, sum, back;
            if (ipart_money_add(&sum, a, b) != IPART_OK) {
                cr_assert_eq(ipart_error_last()->code, IPART_EOVERFLOW);
                overflows++;
                continue;
            }
            assert_ok(ipart_money_sub(&back, sum, b));
            cr_assert_eq(back.minor, a.minor);
        }
    cr_assert_gt(overflows, 0, "the samples reach the limits");
}

Test(money, compare_is_a_total_order_without_overflow)
{
    int64_t values[512];
    size_t n = spread_of_int64(values);
    for (size_t i = 0; i < n; i += 7)
        for (size_t j = 0; j < n; j += 5) {
            ipart_money a = {values[i], "JPY"}, b = {values[j], "JPY"};
            int ab = 42, ba = 42;
            assert_ok(ipart_money_compare(&ab, a, b));
            assert_ok(ipart_money_compare(&ba, b, a));
            cr_assert_eq(ab, (values[i] > values[j]) - (values[i] < values[j]));
            cr_assert_eq(ab, -ba);
        }
}

Test(money, from_minor_keeps_the_value_and_the_code)
{
    for (size_t c = 0; c < COUNT(some_currencies); c++) {
        ipart_money m = sentinel;
        assert_ok(ipart_money_from_minor(&m, INT64_MIN, some_currencies[c]));
        cr_assert_eq(m.minor, INT64_MIN);
        cr_assert_eq(memcmp(m.currency, some_currencies[c], 4), 0, "NUL-terminated code");
    }
}

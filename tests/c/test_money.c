/* Money, driven by tests/cases/core/money.json (shared with Python and Java).
 * SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

TestSuite(money, IPART_TEST_FIXTURE);

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static int64_t int64_of(const cJSON *text)
{
    cr_assert(cJSON_IsString(text), "int64 values are strings in the golden cases");
    return strtoll(text->valuestring, NULL, 10);
}

static ipart_money money_of(const cJSON *json)
{
    ipart_money m;
    assert_ok(ipart_money_from_minor(&m, int64_of(item(json, "minor")),
                                     item(json, "currency")->valuestring));
    return m;
}

static ipart_rounding rounding_of(const char *name)
{
    static const char *const names[] = {"half_up", "half_even", "down", "up", "floor", "ceiling"};
    for (int i = 0; i < 6; i++)
        if (strcmp(names[i], name) == 0)
            return (ipart_rounding)i;
    cr_assert_fail("unknown rounding '%s' in the golden cases", name);
    return IPART_ROUND_HALF_EVEN;
}

/* The expected error of a case: its status name. */
static void assert_error_name(ipart_status rc, const cJSON *kase)
{
    cr_assert_str_eq(ipart_error_name(rc), item(kase, "error")->valuestring, "%s: %s",
                     cJSON_PrintUnformatted(kase), ipart_error_last()->message);
    cr_assert_eq(ipart_error_last()->code, rc);
    cr_assert_neq(ipart_error_last()->message[0], '\0');
    cr_assert_neq(ipart_error_last()->key[0], '\0');
}

Test(money, golden_parse)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, item(cases, "parse")) {
        ipart_money m = {42, "SEN"}; /* sentinel: untouched on failure */
        ipart_status rc = ipart_money_parse(&m, item(kase, "text")->valuestring,
                                            item(kase, "currency")->valuestring);
        if (item(kase, "error")) {
            assert_error_name(rc, kase);
            cr_assert(m.minor == 42 && strcmp(m.currency, "SEN") == 0);
        } else {
            cr_assert_eq(rc, IPART_OK, "%s: %s", item(kase, "text")->valuestring,
                         ipart_error_last()->message);
            cr_assert_eq(m.minor, int64_of(item(kase, "minor")), "%s",
                         item(kase, "text")->valuestring);
            cr_assert_str_eq(m.currency, item(kase, "currency")->valuestring);
        }
    }
    cJSON_Delete(cases);
}

Test(money, golden_format_and_display)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, item(cases, "format")) {
        ipart_money m = money_of(kase);
        char *text = NULL;
        assert_ok(ipart_money_format(&text, m));
        cr_assert_str_eq(text, item(kase, "canonical")->valuestring);
        ipart_money back;
        assert_ok(ipart_money_parse(&back, text, m.currency));
        cr_assert_eq(back.minor, m.minor, "canonical text must parse back: %s", text);
        ipart_free(text);
        const cJSON *display;
        cJSON_ArrayForEach(display, item(kase, "display")) {
            assert_ok(ipart_money_format_display(&text, m, display->string));
            cr_assert_str_eq(text, display->valuestring, "lang %s", display->string);
            ipart_free(text);
        }
    }
    cJSON_ArrayForEach(kase, item(cases, "display_errors")) {
        char *text = (char *)"untouched";
        assert_error_name(ipart_money_format_display(&text, money_of(kase),
                                                     item(kase, "lang")->valuestring),
                          kase);
        cr_assert_str_eq(text, "untouched");
    }
    cJSON_Delete(cases);
}

static ipart_status run_op(const cJSON *kase, ipart_money *result, int *order)
{
    const char *op = item(kase, "op")->valuestring;
    ipart_money a = money_of(item(kase, "a"));
    if (strcmp(op, "add") == 0)
        return ipart_money_add(result, a, money_of(item(kase, "b")));
    if (strcmp(op, "sub") == 0)
        return ipart_money_sub(result, a, money_of(item(kase, "b")));
    if (strcmp(op, "mul") == 0)
        return ipart_money_mul(result, a, int64_of(item(kase, "factor")));
    if (strcmp(op, "ratio") == 0)
        return ipart_money_ratio(result, a, int64_of(item(kase, "numerator")),
                                 int64_of(item(kase, "denominator")),
                                 rounding_of(item(kase, "rounding")->valuestring));
    if (strcmp(op, "percent") == 0)
        return ipart_money_percent(result, a, int64_of(item(kase, "basis_points")),
                                   rounding_of(item(kase, "rounding")->valuestring));
    if (strcmp(op, "compare") == 0)
        return ipart_money_compare(order, a, money_of(item(kase, "b")));
    cr_assert_fail("unknown op '%s'", op);
    return IPART_EINTERNAL;
}

Test(money, golden_arithmetic)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    int checked = 0;
    cJSON_ArrayForEach(kase, item(cases, "arithmetic")) {
        ipart_money result = {42, "SEN"};
        int order = 42;
        ipart_status rc = run_op(kase, &result, &order);
        char *text = cJSON_PrintUnformatted(kase);
        if (item(kase, "error")) {
            assert_error_name(rc, kase);
            cr_assert(result.minor == 42 && order == 42, "output written on failure: %s", text);
        } else if (strcmp(item(kase, "op")->valuestring, "compare") == 0) {
            cr_assert_eq(rc, IPART_OK, "%s", text);
            cr_assert_eq(order, item(kase, "result")->valueint, "%s", text);
        } else {
            cr_assert_eq(rc, IPART_OK, "%s: %s", text, ipart_error_last()->message);
            ipart_money want = money_of(item(kase, "result"));
            cr_assert_eq(result.minor, want.minor, "%s: got %" PRId64, text, result.minor);
            cr_assert_str_eq(result.currency, want.currency);
        }
        free(text);
        checked++;
    }
    cr_assert_gt(checked, 100);
    cJSON_Delete(cases);
}

Test(money, golden_currencies)
{
    cJSON *cases = harness_load_case("core/money.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, item(cases, "currencies")) {
        int exponent = -1;
        ipart_status rc = ipart_currency_exponent(&exponent, item(kase, "currency")->valuestring);
        if (item(kase, "error")) {
            assert_error_name(rc, kase);
            cr_assert_eq(exponent, -1);
        } else {
            cr_assert_eq(rc, IPART_OK);
            cr_assert_eq(exponent, item(kase, "exponent")->valueint);
        }
    }
    cJSON_Delete(cases);
}

Test(money, null_arguments_are_misuse)
{
    ipart_money m = {100, "NOK"};
    char *text = NULL;
    int i;
    assert_fails_with(ipart_money_parse(NULL, "1", "NOK"), IPART_EMISUSE);
    assert_fails_with(ipart_money_parse(&m, NULL, "NOK"), IPART_EMISUSE);
    assert_fails_with(ipart_money_parse(&m, "1", NULL), IPART_EMISUSE);
    assert_fails_with(ipart_money_from_minor(&m, 1, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_money_format(NULL, m), IPART_EMISUSE);
    assert_fails_with(ipart_money_format_display(&text, m, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_money_add(NULL, m, m), IPART_EMISUSE);
    assert_fails_with(ipart_money_compare(NULL, m, m), IPART_EMISUSE);
    assert_fails_with(ipart_currency_exponent(&i, NULL), IPART_EMISUSE);
    cr_assert_null(text);
}

Test(money, a_struct_with_garbage_currency_is_refused)
{
    ipart_money bad;
    memset(&bad, 'A', sizeof bad); /* no NUL inside the currency array */
    char *text = NULL;
    assert_fails_with(ipart_money_format(&text, bad), IPART_ECURRENCY);
    ipart_money unknown = {1, "ZZZ"};
    assert_fails_with(ipart_money_mul(&bad, unknown, 2), IPART_ECURRENCY);
}

Test(money, bad_rounding_mode_is_refused)
{
    ipart_money m = {100, "NOK"}, out;
    assert_fails_with(ipart_money_ratio(&out, m, 1, 3, (ipart_rounding)9), IPART_EINVAL);
}

Test(money, messages_name_the_input)
{
    ipart_money m;
    ipart_money_parse(&m, "12,00", "NOK");
    cr_assert_not_null(strstr(ipart_error_last()->message, "'12,00'"));
    cr_assert_not_null(strstr(ipart_error_last()->message, "','"));
    ipart_money_parse(&m, "1.001", "NOK");
    cr_assert_not_null(strstr(ipart_error_last()->message, "NOK allows (2)"));
}

Test(money, canonical_text_round_trips_across_the_int64_range)
{
    static const char *const codes[] = {"NOK", "JPY", "KWD"};
    int64_t values[64];
    size_t n = 0;
    for (int shift = 0; shift < 63; shift += 3) {
        values[n++] = (int64_t)1 << shift;
        values[n++] = -((int64_t)1 << shift) - 1;
    }
    values[n++] = INT64_MAX;
    values[n++] = INT64_MIN;
    values[n++] = 0;
    for (size_t c = 0; c < 3; c++)
        for (size_t i = 0; i < n; i++) {
            ipart_money m, back;
            char *text = NULL;
            assert_ok(ipart_money_from_minor(&m, values[i], codes[c]));
            assert_ok(ipart_money_format(&text, m));
            assert_ok(ipart_money_parse(&back, text, codes[c]));
            cr_assert_eq(back.minor, values[i], "%s %s", codes[c], text);
            ipart_free(text);
        }
}

Test(money, sum_then_difference_is_identity_unless_overflow)
{
    int64_t samples[] = {0, 1, -1, 999, INT64_MAX / 2, INT64_MIN / 2, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < 8; i++)
        for (size_t j = 0; j < 8; j++) {
            ipart_money a = {samples[i], "NOK"}, b = {samples[j], "NOK"}, sum, back;
            if (ipart_money_add(&sum, a, b) != IPART_OK) {
                cr_assert_eq(ipart_error_last()->code, IPART_EOVERFLOW);
                continue;
            }
            assert_ok(ipart_money_sub(&back, sum, b));
            cr_assert_eq(back.minor, a.minor);
        }
}

static ipart_status format_both(void *ctx)
{
    ipart_money *m = ctx;
    char *canonical = NULL, *display = NULL;
    ipart_status rc = ipart_money_format(&canonical, *m);
    if (rc == IPART_OK)
        rc = ipart_money_format_display(&display, *m, "nb");
    ipart_free(canonical);
    ipart_free(display);
    return rc;
}

Test(money, formatting_fails_cleanly_when_memory_runs_out)
{
    ipart_money m = {INT64_MIN, "NOK"};
    cr_assert_geq(harness_fail_each(format_both, &m), 2);
}

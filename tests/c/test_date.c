/*
 * Civil dates: golden cases (tests/cases/core/dates.json, shared with the
 * Python and Java tests), C-only contracts (NULL arguments, outputs left
 * alone on failure, error detail, out-of-memory) and properties over
 * whole ranges of dates.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "core/date_p.h"

#include <stdio.h>
#include <string.h>

TestSuite(date, IPART_TEST_FIXTURE);

/* A value no call under test produces, to prove that failures leave outputs alone. */
static const ipart_date sentinel = {1234, 5, 6};

/* ---- helpers ---------------------------------------------------------- */

static ipart_date triple(const cJSON *array)
{
    cr_assert(cJSON_IsArray(array) && cJSON_GetArraySize(array) == 3, "expected [y, m, d]");
    ipart_date d = {cJSON_GetArrayItem(array, 0)->valueint, cJSON_GetArrayItem(array, 1)->valueint,
                    cJSON_GetArrayItem(array, 2)->valueint};
    return d;
}

static ipart_date iso(const char *text)
{
    ipart_date d;
    assert_ok(ipart_date_parse(&d, text));
    return d;
}

static int same_date(ipart_date a, ipart_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

#define assert_date_eq(actual, expected, ...)                                                 \
    cr_assert(same_date((actual), (expected)), __VA_ARGS__)

/* The detail after a failure: a key and a message that mentions `needle`. */
static void assert_detail(const char *key, const char *needle)
{
    const ipart_error *e = ipart_error_last();
    cr_assert_str_eq(e->key, key, "key '%s', expected '%s' (%s)", e->key, key, e->message);
    cr_assert_not_null(strstr(e->message, needle), "message '%s' does not name '%s'", e->message,
                       needle);
}

/* ---- golden cases ----------------------------------------------------- */

Test(date, golden_parse)
{
    cJSON *root = harness_load_case("core/dates.json");
    const cJSON *c;
    int n = 0;
    cJSON_ArrayForEach(c, harness_member(root, "parse"))
    {
        const char *text = harness_text(c, "text");
        ipart_date out = sentinel;
        const cJSON *date = cJSON_GetObjectItemCaseSensitive(c, "date");
        if (date) {
            assert_ok(ipart_date_parse(&out, text));
            assert_date_eq(out, triple(date), "'%s' parsed wrongly", text);
        } else {
            ipart_status code = harness_status_named(harness_text(c, "error"));
            assert_fails_with(ipart_date_parse(&out, text), code);
            assert_date_eq(out, sentinel, "'%s': output written on failure", text);
            assert_detail(code == IPART_EPARSE ? "date.parse.syntax" : "date.parse.nonexistent",
                          text);
        }
        n++;
    }
    cr_assert_gt(n, 20);
    cJSON_Delete(root);
}

Test(date, golden_make)
{
    cJSON *root = harness_load_case("core/dates.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, harness_member(root, "make"))
    {
        ipart_date in = triple(harness_member(c, "date"));
        ipart_date out = sentinel;
        if (cJSON_GetObjectItemCaseSensitive(c, "valid")) {
            assert_ok(ipart_date_make(&out, in.year, in.month, in.day));
            assert_date_eq(out, in, "make changed the date");
        } else {
            assert_fails_with(ipart_date_make(&out, in.year, in.month, in.day),
                              harness_status_named(harness_text(c, "error")));
            assert_date_eq(out, sentinel, "output written on failure");
            cr_assert_str_eq(ipart_error_last()->key, "date.invalid");
            cr_assert_neq(ipart_error_last()->path[0], '\0', "the bad field must be named");
        }
    }
    cJSON_Delete(root);
}

Test(date, golden_add_days)
{
    cJSON *root = harness_load_case("core/dates.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, harness_member(root, "add_days"))
    {
        ipart_date from = iso(harness_text(c, "date"));
        int64_t days = harness_int(c, "days");
        ipart_date out = sentinel;
        const cJSON *result = cJSON_GetObjectItemCaseSensitive(c, "result");
        if (result) {
            assert_ok(ipart_date_add_days(&out, from, days));
            assert_date_eq(out, iso(result->valuestring), "%s %+lld days", harness_text(c, "date"),
                           (long long)days);
        } else {
            assert_fails_with(ipart_date_add_days(&out, from, days),
                              harness_status_named(harness_text(c, "error")));
            assert_date_eq(out, sentinel, "output written on failure");
            assert_detail("date.range", harness_text(c, "date"));
        }
    }
    cJSON_Delete(root);
}

Test(date, golden_days_between)
{
    cJSON *root = harness_load_case("core/dates.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, harness_member(root, "days_between"))
    {
        ipart_date from = iso(harness_text(c, "from")), to = iso(harness_text(c, "to"));
        int64_t expected = harness_int(c, "days"), out = 0;
        assert_ok(ipart_date_days_between(&out, from, to));
        cr_assert_eq(out, expected, "%s to %s: %lld days, expected %lld", harness_text(c, "from"),
                     harness_text(c, "to"), (long long)out, (long long)expected);
        assert_ok(ipart_date_days_between(&out, to, from));
        cr_assert_eq(out, -expected, "the reverse distance must be negated");
    }
    cJSON_Delete(root);
}

Test(date, golden_weekday)
{
    cJSON *root = harness_load_case("core/dates.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, harness_member(root, "weekday"))
    {
        ipart_weekday out = (ipart_weekday)0;
        assert_ok(ipart_date_weekday(&out, iso(harness_text(c, "date"))));
        cr_assert_eq((int64_t)out, harness_int(c, "weekday"), "weekday of %s", harness_text(c, "date"));
    }
    cJSON_Delete(root);
}

/* ---- formatting and memory -------------------------------------------- */

Test(date, format_pads_every_field)
{
    static const struct {
        ipart_date date;
        const char *text;
    } cases[] = {
        {{2017, 1, 1}, "2017-01-01"},
        {{1, 1, 1}, "0001-01-01"},
        {{999, 10, 9}, "0999-10-09"},
        {{9999, 12, 31}, "9999-12-31"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = NULL;
        assert_ok(ipart_date_format(&text, cases[i].date));
        cr_assert_str_eq(text, cases[i].text);
        ipart_free(text);
    }
}

static ipart_status format_scenario(void *ctx)
{
    char *text = NULL;
    ipart_status rc = ipart_date_format(&text, *(const ipart_date *)ctx);
    if (rc == IPART_OK) {
        cr_assert_str_eq(text, "2019-04-23");
        ipart_free(text);
    } else {
        cr_assert_null(text, "output written on failure");
    }
    return rc;
}

Test(date, format_reports_out_of_memory_and_leaks_nothing)
{
    ipart_date d = {2019, 4, 23};
    cr_assert_eq(harness_fail_each(format_scenario, &d), 1, "format allocates exactly once");
    cr_assert_str_eq(ipart_error_last()->key, "memory.exhausted");
}

Test(date, only_format_allocates)
{
    ipart_date d = {2017, 5, 17}, out;
    int64_t days;
    ipart_weekday wd;
    int cmp;
    harness_fail_at(0);
    assert_ok(ipart_date_make(&out, 2017, 5, 17));
    assert_ok(ipart_date_parse(&out, "2017-05-17"));
    assert_ok(ipart_date_add_days(&out, d, 100));
    assert_ok(ipart_date_days_between(&days, d, out));
    assert_ok(ipart_date_weekday(&wd, d));
    assert_ok(ipart_date_compare(&cmp, d, out));
    assert_fails_with(ipart_date_parse(&out, "2017-02-29"), IPART_EINVAL);
    cr_assert_eq(harness_allocations(), 0, "date arithmetic must not allocate");
}

/* ---- C-only contracts ------------------------------------------------- */

Test(date, null_arguments_are_misuse)
{
    ipart_date d = {2017, 1, 1}, out = sentinel;
    assert_fails_with(ipart_date_make(NULL, 2017, 1, 1), IPART_EMISUSE);
    assert_detail("api.null_argument", "out");
    assert_fails_with(ipart_date_parse(NULL, "2017-01-01"), IPART_EMISUSE);
    assert_fails_with(ipart_date_parse(&out, NULL), IPART_EMISUSE);
    assert_detail("api.null_argument", "text");
    assert_date_eq(out, sentinel, "output written on failure");
    assert_fails_with(ipart_date_format(NULL, d), IPART_EMISUSE);
    assert_fails_with(ipart_date_add_days(NULL, d, 1), IPART_EMISUSE);
    assert_fails_with(ipart_date_days_between(NULL, d, d), IPART_EMISUSE);
    assert_fails_with(ipart_date_weekday(NULL, d), IPART_EMISUSE);
    assert_fails_with(ipart_date_compare(NULL, d, d), IPART_EMISUSE);
    assert_detail("api.null_argument", "ipart_date_compare");
}

Test(date, invalid_structs_are_rejected_by_every_function)
{
    const ipart_date bad[] = {{2017, 2, 29}, {2017, 13, 1}, {0, 1, 1}, {10000, 1, 1},
                              {2017, 4, 0},  {-5, -5, -5}};
    const ipart_date good = {2017, 1, 1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ipart_date d = bad[i], out = sentinel;
        char *text = (char *)"untouched";
        int64_t days = 42;
        ipart_weekday wd = IPART_SUNDAY;
        int cmp = 42;
        assert_fails_with(ipart_date_format(&text, d), IPART_EINVAL);
        cr_assert_str_eq(text, "untouched");
        assert_fails_with(ipart_date_add_days(&out, d, 1), IPART_EINVAL);
        assert_date_eq(out, sentinel, "output written on failure");
        assert_fails_with(ipart_date_days_between(&days, d, good), IPART_EINVAL);
        assert_fails_with(ipart_date_days_between(&days, good, d), IPART_EINVAL);
        cr_assert_eq(days, 42);
        assert_fails_with(ipart_date_weekday(&wd, d), IPART_EINVAL);
        cr_assert_eq(wd, IPART_SUNDAY);
        assert_fails_with(ipart_date_compare(&cmp, d, good), IPART_EINVAL);
        assert_fails_with(ipart_date_compare(&cmp, good, d), IPART_EINVAL);
        cr_assert_eq(cmp, 42);
        cr_assert_str_eq(ipart_error_last()->key, "date.invalid");
    }
}

Test(date, messages_name_the_input_and_the_field)
{
    ipart_date out;
    assert_fails_with(ipart_date_make(&out, 2017, 2, 29), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "2017-02-29 is not a date: February 2017 has 28 days");
    cr_assert_str_eq(ipart_error_last()->path, "day");
    assert_fails_with(ipart_date_make(&out, 2017, 13, 1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message, "2017-13-01 is not a date: month 13 is not 1..12");
    cr_assert_str_eq(ipart_error_last()->path, "month");
    assert_fails_with(ipart_date_make(&out, 12345, 1, 1), IPART_EINVAL);
    assert_detail("date.invalid", "year 12345 is outside 1..9999");
    cr_assert_str_eq(ipart_error_last()->path, "year");

    assert_fails_with(ipart_date_parse(&out, "2017-02-29"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "'2017-02-29' is not a date: February 2017 has 28 days");
    assert_fails_with(ipart_date_parse(&out, "2017-2-1"), IPART_EPARSE);
    assert_detail("date.parse.syntax", "'2017-2-1'");
    assert_detail("date.parse.syntax", "character 7"); /* the '-' where a digit belongs */
    assert_fails_with(ipart_date_parse(&out, "2017-01-01T00:00"), IPART_EPARSE);
    assert_detail("date.parse.syntax", "extra text");

    ipart_date last = {9999, 12, 31};
    assert_fails_with(ipart_date_add_days(&out, last, 1), IPART_ERANGE);
    assert_detail("date.range", "9999-12-31 +1 days");
}

Test(date, long_garbage_is_quoted_truncated)
{
    char text[600];
    memset(text, '7', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    ipart_date out = sentinel;
    assert_fails_with(ipart_date_parse(&out, text), IPART_EPARSE);
    cr_assert_lt(strlen(ipart_error_last()->message), 200, "the echo of the input is bounded");
    assert_date_eq(out, sentinel, "output written on failure");
}

Test(date, add_days_never_overflows)
{
    const ipart_date mid = {5000, 6, 15};
    const int64_t extremes[] = {INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
                                IPART__DAYS_MAX + 1, -IPART__DAYS_MAX};
    for (size_t i = 0; i < sizeof extremes / sizeof extremes[0]; i++) {
        ipart_date out = sentinel;
        assert_fails_with(ipart_date_add_days(&out, mid, extremes[i]), IPART_ERANGE);
        assert_date_eq(out, sentinel, "output written on failure");
    }
}

Test(date, compare_orders_dates)
{
    int cmp = 42;
    assert_ok(ipart_date_compare(&cmp, iso("2017-01-01"), iso("2017-01-02")));
    cr_assert_eq(cmp, -1);
    assert_ok(ipart_date_compare(&cmp, iso("2017-02-01"), iso("2017-01-31")));
    cr_assert_eq(cmp, 1);
    assert_ok(ipart_date_compare(&cmp, iso("2016-12-31"), iso("2017-01-01")));
    cr_assert_eq(cmp, -1);
    assert_ok(ipart_date_compare(&cmp, iso("2017-05-17"), iso("2017-05-17")));
    cr_assert_eq(cmp, 0);
}

/* ---- properties over ranges ------------------------------------------- */

/* The next date by the calendar rules, without day numbers: an independent oracle. */
static ipart_date next_date(ipart_date d)
{
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    int last = lengths[d.month - 1] + (d.month == 2 && leap);
    if (d.day < last)
        return (ipart_date){d.year, d.month, d.day + 1};
    if (d.month < 12)
        return (ipart_date){d.year, d.month + 1, 1};
    return (ipart_date){d.year + 1, 1, 1};
}

/* Zeller's congruence, converted to ISO numbering: another independent oracle. */
static int zeller_iso(ipart_date d)
{
    int m = d.month < 3 ? d.month + 12 : d.month;
    int y = d.month < 3 ? d.year - 1 : d.year;
    int h = (d.day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7; /* 0 = Saturday */
    return (h + 5) % 7 + 1;
}

Test(date, every_date_1900_to_2199_round_trips_and_steps_by_one_day)
{
    ipart_date d = {1900, 1, 1};
    long count = 0;
    while (d.year <= 2199) {
        char *text = NULL;
        char expected[16];
        ipart_date back = sentinel, next = sentinel;
        snprintf(expected, sizeof expected, "%04d-%02d-%02d", d.year, d.month, d.day);
        assert_ok(ipart_date_format(&text, d));
        if (strcmp(text, expected) != 0)
            cr_assert_fail("format gave '%s', expected '%s'", text, expected);
        assert_ok(ipart_date_parse(&back, text));
        ipart_free(text);
        if (!same_date(back, d))
            cr_assert_fail("%s did not round-trip", expected);
        assert_ok(ipart_date_add_days(&next, d, 1));
        ipart_date oracle = next_date(d);
        if (!same_date(next, oracle))
            cr_assert_fail("%s + 1 day gave %04d-%02d-%02d", expected, next.year, next.month,
                           next.day);
        d = oracle;
        count++;
    }
    cr_assert_eq(count, 109573, "1900..2199 has 109573 days"); /* 300 * 365 + 73 leap days */
}

Test(date, every_day_number_in_range_round_trips)
{
    cr_assert_eq(ipart__days_from_civil(1970, 1, 1), 0);
    cr_assert_eq(ipart__days_from_civil(1, 1, 1), IPART__DAYS_MIN);
    cr_assert_eq(ipart__days_from_civil(9999, 12, 31), IPART__DAYS_MAX);
    ipart_date previous = {0, 12, 31};
    for (int64_t z = IPART__DAYS_MIN; z <= IPART__DAYS_MAX; z++) {
        ipart_date d = ipart__civil_from_days(z);
        if (!ipart__date_is_valid(d) || ipart__days_from_civil(d.year, d.month, d.day) != z)
            cr_assert_fail("day number %lld gave %d-%d-%d", (long long)z, d.year, d.month, d.day);
        if (previous.year > 0 && !same_date(d, next_date(previous)))
            cr_assert_fail("day number %lld does not follow the previous date", (long long)z);
        previous = d;
    }
    cr_assert(same_date(previous, (ipart_date){9999, 12, 31}));
}

Test(date, add_then_between_gives_the_same_days)
{
    static const int64_t steps[] = {-100000, -1000, -366, -1, 0, 1, 10, 30, 365, 1000, 100000};
    ipart_date d = {1900, 1, 1};
    for (int i = 0; i < 300 * 365; i += 7) {
        ipart_date from;
        assert_ok(ipart_date_add_days(&from, d, i));
        for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
            ipart_date to;
            int64_t back = 0;
            assert_ok(ipart_date_add_days(&to, from, steps[k]));
            assert_ok(ipart_date_days_between(&back, from, to));
            if (back != steps[k])
                cr_assert_fail("add_days(%d-%d-%d, %lld) then days_between gave %lld",
                               from.year, from.month, from.day, (long long)steps[k],
                               (long long)back);
        }
    }
}

Test(date, weekday_agrees_with_zeller_and_day_numbers)
{
    ipart_date d = {1900, 1, 1};
    ipart_weekday previous = IPART_SUNDAY; /* 31 December 1899 was a Sunday */
    while (d.year <= 2199) {
        ipart_weekday wd = (ipart_weekday)0;
        assert_ok(ipart_date_weekday(&wd, d));
        if ((int)wd != zeller_iso(d) || (int)wd != (int)previous % 7 + 1)
            cr_assert_fail("weekday of %d-%d-%d is %d, Zeller says %d", d.year, d.month, d.day,
                           (int)wd, zeller_iso(d));
        previous = wd;
        d = next_date(d);
    }
    cr_assert_eq(ipart__weekday_from_days(0), IPART_THURSDAY, "1970-01-01 was a Thursday");
    cr_assert_eq(ipart__weekday_from_days(IPART__DAYS_MIN), IPART_MONDAY, "0001-01-01");
}

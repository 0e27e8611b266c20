/*
 * Holiday calendars and period counting: golden cases
 * (tests/cases/core/calendar.json, shared with the Python and Java tests),
 * C-only contracts (NULL arguments, outputs left alone on failure, no
 * allocation) and properties over every supported year.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "core/date_p.h"
#include "rules/periods_p.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

TestSuite(calendar, IPART_TEST_FIXTURE);

static const char *const profiles[] = {"NO", "SE", "DK", "EU"};
#define PROFILE_COUNT (sizeof profiles / sizeof profiles[0])

/* A value no call under test produces, to prove that failures leave outputs alone. */
static const ipart_date sentinel = {1234, 5, 6};

/* ---- helpers ---------------------------------------------------------- */

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

static int64_t day_number(ipart_date d)
{
    return ipart__days_from_civil(d.year, d.month, d.day);
}

static ipart_weekday weekday(ipart_date d)
{
    return ipart__weekday_from_days(day_number(d));
}

/* The index-th holiday, asserting success. */
static ipart_holiday holiday(const char *profile, int year, size_t index)
{
    ipart_holiday h;
    assert_ok(ipart_calendar_holiday_at(&h, profile, year, index));
    return h;
}

static size_t holiday_count(const char *profile, int year)
{
    size_t n = 0;
    assert_ok(ipart_calendar_holiday_count(&n, profile, year));
    return n;
}

/* The date of the holiday with this id in a year, or a date with year 0 if none. */
static ipart_date holiday_date(const char *profile, int year, const char *id)
{
    size_t n = holiday_count(profile, year);
    for (size_t i = 0; i < n; i++) {
        ipart_holiday h = holiday(profile, year, i);
        if (strcmp(h.id, id) == 0)
            return h.date;
    }
    return (ipart_date){0, 0, 0};
}

static int is_working(const char *profile, ipart_date d)
{
    int out = -1;
    assert_ok(ipart_calendar_is_working_day(&out, profile, d));
    return out;
}

/* ---- golden cases ----------------------------------------------------- */

Test(calendar, golden_easter)
{
    cJSON *root = harness_load_case("core/calendar.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, harness_member(root, "easter"))
    {
        int year = harness_int(c, "year");
        ipart_date out = sentinel;
        const cJSON *date = cJSON_GetObjectItemCaseSensitive(c, "date");
        if (date) {
            assert_ok(ipart_easter_sunday(&out, year));
            cr_assert(same_date(out, iso(date->valuestring)), "Easter %d: got %d-%02d-%02d",
                      year, out.year, out.month, out.day);
        } else {
            assert_fails_with(ipart_easter_sunday(&out, year), harness_status_named(harness_text(c, "error")));
            cr_assert(same_date(out, sentinel), "output written on failure");
            cr_assert_str_eq(ipart_error_last()->key, "calendar.easter.range");
        }
    }
    cJSON_Delete(root);
}

static void check_holiday_list(const cJSON *c)
{
    const char *profile = harness_text(c, "profile");
    int year = harness_int(c, "year");
    const cJSON *list = harness_member(c, "holidays");
    size_t expected = (size_t)cJSON_GetArraySize(list);
    cr_assert_eq(holiday_count(profile, year), expected, "%s %d: %zu holidays, expected %zu",
                 profile, year, holiday_count(profile, year), expected);
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, list)
    {
        ipart_holiday h = holiday(profile, year, i);
        ipart_date date = iso(harness_text(item, "date"));
        cr_assert(same_date(h.date, date), "%s %d #%zu: %d-%02d-%02d, expected %s", profile,
                  year, i, h.date.year, h.date.month, h.date.day, harness_text(item, "date"));
        cr_assert_str_eq(h.id, harness_text(item, "id"), "%s %d #%zu", profile, year, i);
        cr_assert(h.name_en[0] && h.name_local[0], "%s has no name", h.id);
        int is = -1;
        assert_ok(ipart_calendar_is_holiday(&is, profile, date));
        cr_assert_eq(is, 1, "%s %s must be a holiday", profile, harness_text(item, "date"));
        i++;
    }
    ipart_holiday out = {sentinel, "id", "en", "local"};
    assert_fails_with(ipart_calendar_holiday_at(&out, profile, year, i), IPART_ENOTFOUND);
    cr_assert(same_date(out.date, sentinel) && strcmp(out.id, "id") == 0,
              "output written on failure");
    cr_assert_str_eq(ipart_error_last()->key, "calendar.holiday.index");
}

Test(calendar, golden_holidays)
{
    cJSON *root = harness_load_case("core/calendar.json");
    const cJSON *c;
    int lists = 0;
    cJSON_ArrayForEach(c, harness_member(root, "holidays"))
    {
        check_holiday_list(c);
        lists++;
    }
    cr_assert_geq(lists, 8);
    cJSON_Delete(root);
}

Test(calendar, golden_holiday_errors)
{
    cJSON *root = harness_load_case("core/calendar.json");
    const cJSON *c;
    cJSON_ArrayForEach(c, harness_member(root, "holiday_errors"))
    {
        const char *profile = harness_text(c, "profile");
        int year = harness_int(c, "year");
        ipart_status code = harness_status_named(harness_text(c, "error"));
        size_t count = 4242;
        ipart_holiday h = {sentinel, "id", "en", "local"};
        assert_fails_with(ipart_calendar_holiday_count(&count, profile, year), code);
        cr_assert_eq(count, 4242, "output written on failure");
        assert_fails_with(ipart_calendar_holiday_at(&h, profile, year, 0), code);
        cr_assert(same_date(h.date, sentinel), "output written on failure");
        const char *key = code == IPART_EINVAL ? "profile.unknown" : "calendar.year.range";
        cr_assert_str_eq(ipart_error_last()->key, key, "'%s' %d", profile, year);
    }
    cJSON_Delete(root);
}

Test(calendar, golden_periods)
{
    cJSON *root = harness_load_case("core/calendar.json");
    const cJSON *c;
    int n = 0;
    cJSON_ArrayForEach(c, harness_member(root, "periods"))
    {
        const char *profile = harness_text(c, "profile");
        const char *from = harness_text(c, "from");
        int days = harness_int(c, "days");
        ipart_date out = sentinel;
        const cJSON *end = cJSON_GetObjectItemCaseSensitive(c, "end");
        if (end) {
            assert_ok(ipart_period_end(&out, profile, iso(from), days));
            cr_assert(same_date(out, iso(end->valuestring)),
                      "%s %s + %d: %d-%02d-%02d, expected %s", profile, from, days, out.year,
                      out.month, out.day, end->valuestring);
        } else {
            assert_fails_with(ipart_period_end(&out, profile, iso(from), days),
                              harness_status_named(harness_text(c, "error")));
            cr_assert(same_date(out, sentinel), "output written on failure");
        }
        n++;
    }
    cr_assert_geq(n, 20);
    cJSON_Delete(root);
}

/* ---- the worked examples, spelled out --------------------------------- */

Test(calendar, r40_standstill_example)
{
    /* RULES.md R40: NO, dispatched 2019-04-08, 10 days: day 10 is Maundy Thursday. */
    ipart_date day10, end;
    assert_ok(ipart_date_add_days(&day10, iso("2019-04-08"), 10));
    cr_assert(same_date(day10, holiday_date("NO", 2019, "maundy_thursday")));
    assert_ok(ipart_period_end(&end, "NO", iso("2019-04-08"), 10));
    cr_assert(same_date(end, iso("2019-04-23")));
    /* The same period in the EU profile has no holidays to skip. */
    assert_ok(ipart_period_end(&end, "EU", iso("2019-04-08"), 10));
    cr_assert(same_date(end, iso("2019-04-18")));
}

Test(calendar, the_rules_periods_count_per_profile)
{
    /* R40 as the guard and next_due compute it (rules/periods.c): NO counts
     * 10 days over Easter 2019; SE without electronic communication 15. */
    ipart_date end;
    assert_ok(ipart__standstill_end(&end, ipart__profile_get("NO"), 1, iso("2019-04-08")));
    cr_assert(same_date(end, iso("2019-04-23")));
    cr_assert(same_date(ipart__first_signing_day(end), iso("2019-04-24")));
    cr_assert(!ipart__standstill_over(end, iso("2019-04-23")), "the last day is still standstill");
    cr_assert(ipart__standstill_over(end, iso("2019-04-24")));
    ipart_date paper, electronic;
    assert_ok(ipart__standstill_end(&paper, ipart__profile_get("SE"), 0, iso("2021-03-01")));
    assert_ok(ipart__standstill_end(&electronic, ipart__profile_get("SE"), 1, iso("2021-03-01")));
    cr_assert(same_date(electronic, iso("2021-03-11")));
    cr_assert(same_date(paper, iso("2021-03-16")));
    /* R6: 30 days from the day after dispatch. */
    ipart_date deadline;
    assert_ok(ipart__request_deadline_min(&deadline, ipart__profile_get("EU"), iso("2021-03-01")));
    cr_assert(same_date(deadline, iso("2021-03-31")));
}

Test(calendar, names_and_ids)
{
    static const struct {
        const char *profile;
        int year;
        const char *id;
        const char *name_en;
        const char *name_local;
    } cases[] = {
        {"NO", 2017, "easter_monday", "Easter Monday", "Andre påskedag"},
        {"NO", 2017, "maundy_thursday", "Maundy Thursday", "Skjærtorsdag"},
        {"NO", 2017, "labour_day", "Labour Day", "Offentlig høytidsdag"},
        {"NO", 2017, "constitution_day", "Constitution Day", "Grunnlovsdag"},
        {"NO", 2017, "whit_monday", "Whit Monday", "Andre pinsedag"},
        {"SE", 2017, "midsummer_day", "Midsummer Day", "Midsommardagen"},
        {"SE", 2017, "national_day", "National Day", "Sveriges nationaldag"},
        {"DK", 2023, "great_prayer_day", "Great Prayer Day", "Store bededag"},
        {"DK", 2023, "boxing_day", "Boxing Day", "Anden juledag"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = holiday_count(cases[i].profile, cases[i].year);
        int found = 0;
        for (size_t k = 0; k < n; k++) {
            ipart_holiday h = holiday(cases[i].profile, cases[i].year, k);
            if (strcmp(h.id, cases[i].id) != 0)
                continue;
            cr_assert_str_eq(h.name_en, cases[i].name_en);
            cr_assert_str_eq(h.name_local, cases[i].name_local);
            found++;
        }
        cr_assert_eq(found, 1, "%s %d has %d '%s'", cases[i].profile, cases[i].year, found,
                     cases[i].id);
    }
}

Test(calendar, coinciding_holidays_are_both_listed_in_table_order)
{
    /* 2008: Ascension Day on 1 May; 2027: Whit Monday on 17 May. */
    ipart_holiday a = holiday("NO", 2008, 5), b = holiday("NO", 2008, 6);
    cr_assert(same_date(a.date, iso("2008-05-01")) && same_date(b.date, a.date));
    cr_assert_str_eq(a.id, "labour_day");
    cr_assert_str_eq(b.id, "ascension_day");
    a = holiday("NO", 2027, 8);
    b = holiday("NO", 2027, 9);
    cr_assert(same_date(a.date, iso("2027-05-17")) && same_date(b.date, a.date));
    cr_assert_str_eq(a.id, "constitution_day");
    cr_assert_str_eq(b.id, "whit_monday");
    cr_assert_eq(holiday_count("NO", 2027), 12, "the count counts entries, not dates");
}

Test(calendar, working_days_and_next_working_day)
{
    cr_assert_eq(is_working("NO", iso("2017-04-12")), 1, "Wednesday before Easter");
    cr_assert_eq(is_working("NO", iso("2017-04-13")), 0, "Maundy Thursday");
    cr_assert_eq(is_working("DK", iso("2017-04-13")), 0, "Maundy Thursday");
    cr_assert_eq(is_working("SE", iso("2017-04-13")), 1, "no Maundy Thursday in Sweden");
    cr_assert_eq(is_working("EU", iso("2017-04-14")), 1, "no Good Friday in the EU profile");
    cr_assert_eq(is_working("EU", iso("2017-04-15")), 0, "Saturday");
    cr_assert_eq(is_working("EU", iso("2017-04-16")), 0, "Sunday");

    int holiday_flag = -1;
    assert_ok(ipart_calendar_is_holiday(&holiday_flag, "NO", iso("2017-04-15")));
    cr_assert_eq(holiday_flag, 0, "a Saturday is not a holiday as such");
    assert_ok(ipart_calendar_is_holiday(&holiday_flag, "NO", iso("2017-05-17")));
    cr_assert_eq(holiday_flag, 1);

    static const struct {
        const char *profile, *date, *next;
    } cases[] = {
        {"NO", "2017-04-12", "2017-04-12"}, {"NO", "2017-04-13", "2017-04-18"},
        {"EU", "2017-04-13", "2017-04-13"}, {"EU", "2017-04-15", "2017-04-17"},
        {"SE", "2017-12-23", "2017-12-27"}, {"SE", "2017-12-30", "2018-01-02"},
        {"DK", "2023-05-05", "2023-05-08"}, {"DK", "2024-04-26", "2024-04-26"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipart_date out = sentinel;
        assert_ok(ipart_calendar_next_working_day(&out, cases[i].profile, iso(cases[i].date)));
        cr_assert(same_date(out, iso(cases[i].next)), "%s after %s", cases[i].profile,
                  cases[i].date);
    }
}

/* ---- C-only contracts ------------------------------------------------- */

Test(calendar, null_arguments_are_misuse)
{
    ipart_date d = {2017, 5, 17}, out = sentinel;
    size_t count = 4242;
    ipart_holiday h = {sentinel, "id", "en", "local"};
    int flag = 42;
    assert_fails_with(ipart_easter_sunday(NULL, 2017), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_holiday_count(NULL, "NO", 2017), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_holiday_count(&count, NULL, 2017), IPART_EMISUSE);
    cr_assert_str_eq(ipart_error_last()->key, "api.null_argument");
    cr_assert_not_null(strstr(ipart_error_last()->message, "profile"));
    assert_fails_with(ipart_calendar_holiday_at(NULL, "NO", 2017, 0), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_holiday_at(&h, NULL, 2017, 0), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_is_holiday(NULL, "NO", d), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_is_holiday(&flag, NULL, d), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_is_working_day(NULL, "NO", d), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_is_working_day(&flag, NULL, d), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_next_working_day(NULL, "NO", d), IPART_EMISUSE);
    assert_fails_with(ipart_calendar_next_working_day(&out, NULL, d), IPART_EMISUSE);
    assert_fails_with(ipart_period_end(NULL, "NO", d, 10), IPART_EMISUSE);
    assert_fails_with(ipart_period_end(&out, NULL, d, 10), IPART_EMISUSE);
    cr_assert_not_null(strstr(ipart_error_last()->message, "ipart_period_end"));
    cr_assert_eq(count, 4242);
    cr_assert_eq(flag, 42);
    cr_assert(same_date(out, sentinel) && same_date(h.date, sentinel));
}

Test(calendar, unknown_profiles_name_the_accepted_codes)
{
    static const char *const bad[] = {"no", "XX", "", "NOR", "N", "NO ", "eu", "Se"};
    ipart_date d = {2017, 5, 17};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ipart_date out = sentinel;
        int flag = 42;
        assert_fails_with(ipart_calendar_is_holiday(&flag, bad[i], d), IPART_EINVAL);
        assert_fails_with(ipart_calendar_is_working_day(&flag, bad[i], d), IPART_EINVAL);
        cr_assert_eq(flag, 42);
        assert_fails_with(ipart_calendar_next_working_day(&out, bad[i], d), IPART_EINVAL);
        assert_fails_with(ipart_period_end(&out, bad[i], d, 10), IPART_EINVAL);
        cr_assert(same_date(out, sentinel), "output written on failure");
        const ipart_error *e = ipart_error_last();
        cr_assert_str_eq(e->key, "profile.unknown");
        char quoted[16];
        snprintf(quoted, sizeof quoted, "'%s'", bad[i]);
        cr_assert_not_null(strstr(e->message, quoted), "'%s' not named in: %s", bad[i],
                           e->message);
        for (size_t k = 0; k < PROFILE_COUNT; k++)
            cr_assert_not_null(strstr(e->message, profiles[k]), "%s not listed in: %s",
                               profiles[k], e->message);
    }
}

Test(calendar, invalid_dates_are_rejected)
{
    const ipart_date bad[] = {{2017, 2, 29}, {2017, 0, 1}, {0, 1, 1}, {2017, 12, 32}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ipart_date out = sentinel;
        int flag = 42;
        assert_fails_with(ipart_calendar_is_holiday(&flag, "NO", bad[i]), IPART_EINVAL);
        assert_fails_with(ipart_calendar_is_working_day(&flag, "SE", bad[i]), IPART_EINVAL);
        assert_fails_with(ipart_calendar_next_working_day(&out, "DK", bad[i]), IPART_EINVAL);
        assert_fails_with(ipart_period_end(&out, "EU", bad[i], 10), IPART_EINVAL);
        cr_assert_str_eq(ipart_error_last()->key, "date.invalid");
        cr_assert_eq(flag, 42);
        cr_assert(same_date(out, sentinel), "output written on failure");
    }
}

Test(calendar, dates_outside_the_calendar_years_are_out_of_range)
{
    const ipart_date outside[] = {{1899, 12, 31}, {2200, 1, 1}, {1, 1, 1}, {9999, 12, 31}};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        for (size_t p = 0; p < PROFILE_COUNT; p++) {
            ipart_date out = sentinel;
            int flag = 42;
            assert_fails_with(ipart_calendar_is_holiday(&flag, profiles[p], outside[i]),
                              IPART_ERANGE);
            assert_fails_with(ipart_calendar_is_working_day(&flag, profiles[p], outside[i]),
                              IPART_ERANGE);
            assert_fails_with(ipart_calendar_next_working_day(&out, profiles[p], outside[i]),
                              IPART_ERANGE);
            cr_assert_str_eq(ipart_error_last()->key, "calendar.year.range");
            cr_assert_eq(flag, 42);
            cr_assert(same_date(out, sentinel), "output written on failure");
        }
    }
    /* Rolling forward past the last calendar day is out of range too. */
    ipart_date out = sentinel;
    assert_fails_with(ipart_calendar_next_working_day(&out, "SE", iso("2199-12-31")),
                      IPART_ERANGE);
    cr_assert_not_null(strstr(ipart_error_last()->message, "2199-12-31"));
    cr_assert(same_date(out, sentinel));
}

Test(calendar, period_end_errors)
{
    ipart_date out = sentinel, from = {2017, 1, 1};
    assert_fails_with(ipart_period_end(&out, "NO", from, -1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "period.days.negative");
    cr_assert_not_null(strstr(ipart_error_last()->message, "-1 days from 2017-01-01"));
    assert_fails_with(ipart_period_end(&out, "NO", from, INT_MIN), IPART_EINVAL);
    assert_fails_with(ipart_period_end(&out, "NO", from, INT_MAX), IPART_ERANGE);
    cr_assert_not_null(strstr(ipart_error_last()->message, "2017-01-01"));
    assert_fails_with(ipart_period_end(&out, "EU", (ipart_date){1, 1, 1}, INT_MAX), IPART_ERANGE);
    assert_fails_with(ipart_period_end(&out, "EU", (ipart_date){9999, 12, 31}, 0), IPART_ERANGE);
    cr_assert(same_date(out, sentinel), "output written on failure");
}

Test(calendar, nothing_allocates)
{
    harness_fail_at(0);
    ipart_date out;
    size_t n;
    ipart_holiday h;
    int flag;
    for (size_t p = 0; p < PROFILE_COUNT; p++) {
        assert_ok(ipart_calendar_holiday_count(&n, profiles[p], 2017));
        if (n)
            assert_ok(ipart_calendar_holiday_at(&h, profiles[p], 2017, n - 1));
        assert_ok(ipart_calendar_is_holiday(&flag, profiles[p], iso("2017-12-25")));
        assert_ok(ipart_calendar_is_working_day(&flag, profiles[p], iso("2017-12-25")));
        assert_ok(ipart_calendar_next_working_day(&out, profiles[p], iso("2017-12-23")));
        assert_ok(ipart_period_end(&out, profiles[p], iso("2017-12-15"), 10));
        assert_fails_with(ipart_period_end(&out, profiles[p], iso("2017-12-15"), -1),
                          IPART_EINVAL);
    }
    assert_ok(ipart_easter_sunday(&out, 2017));
    cr_assert_eq(harness_allocations(), 0, "calendars must not allocate");
}

/* ---- properties over every supported year ----------------------------- */

Test(calendar, lists_are_sorted_inside_their_year_and_each_entry_is_a_holiday)
{
    for (size_t p = 0; p < PROFILE_COUNT; p++) {
        for (int year = IPART_CALENDAR_FIRST_YEAR; year <= IPART_CALENDAR_LAST_YEAR; year++) {
            size_t n = holiday_count(profiles[p], year);
            int64_t previous = INT64_MIN;
            for (size_t i = 0; i < n; i++) {
                ipart_holiday h = holiday(profiles[p], year, i);
                int flag = -1;
                assert_ok(ipart_calendar_is_holiday(&flag, profiles[p], h.date));
                if (h.date.year != year || day_number(h.date) < previous || flag != 1 ||
                    is_working(profiles[p], h.date))
                    cr_assert_fail("%s %d: %s on %d-%02d-%02d is misplaced or not a holiday",
                                   profiles[p], year, h.id, h.date.year, h.date.month,
                                   h.date.day);
                previous = day_number(h.date);
            }
        }
    }
}

/* Number of distinct dates among a year's entries (entries are in date order). */
static size_t distinct_dates(const char *profile, int year)
{
    size_t n = holiday_count(profile, year), distinct = 0;
    int64_t previous = INT64_MIN;
    for (size_t i = 0; i < n; i++) {
        int64_t day = day_number(holiday(profile, year, i).date);
        distinct += day != previous;
        previous = day;
    }
    return distinct;
}

Test(calendar, is_holiday_is_true_exactly_on_the_listed_dates)
{
    for (size_t p = 0; p < PROFILE_COUNT; p++) {
        for (int year = IPART_CALENDAR_FIRST_YEAR; year <= IPART_CALENDAR_LAST_YEAR; year++) {
            size_t seen = 0;
            for (ipart_date d = {year, 1, 1}; d.year == year;) {
                int flag = -1;
                assert_ok(ipart_calendar_is_holiday(&flag, profiles[p], d));
                seen += (size_t)flag;
                assert_ok(ipart_date_add_days(&d, d, 1));
            }
            if (seen != distinct_dates(profiles[p], year))
                cr_assert_fail("%s %d: %zu holiday dates by is_holiday, %zu listed",
                               profiles[p], year, seen, distinct_dates(profiles[p], year));
        }
    }
}

Test(calendar, every_norwegian_holiday_is_a_holiday_and_the_law_changes_are_dated)
{
    for (int year = IPART_CALENDAR_FIRST_YEAR; year <= IPART_CALENDAR_LAST_YEAR; year++) {
        size_t expected = year >= 1947 ? 12 : 10;
        cr_assert_eq(holiday_count("NO", year), expected, "NO %d", year);
        cr_assert_eq(holiday_date("NO", year, "constitution_day").year, year >= 1947 ? year : 0);
        cr_assert_eq(holiday_count("SE", year), 16, "SE %d", year);
        cr_assert_eq(holiday_date("SE", year, "whit_monday").year, year <= 2004 ? year : 0);
        cr_assert_eq(holiday_date("SE", year, "national_day").year, year >= 2005 ? year : 0);
        cr_assert_eq(holiday_count("DK", year), year <= 2023 ? 11 : 10, "DK %d", year);
        cr_assert_eq(holiday_count("EU", year), 0);
    }
}

Test(calendar, movable_holidays_fall_on_their_weekdays)
{
    static const struct {
        const char *profile, *id;
        ipart_weekday weekday;
    } rules[] = {
        {"NO", "maundy_thursday", IPART_THURSDAY}, {"NO", "good_friday", IPART_FRIDAY},
        {"NO", "easter_sunday", IPART_SUNDAY},     {"NO", "easter_monday", IPART_MONDAY},
        {"NO", "ascension_day", IPART_THURSDAY},   {"NO", "whit_sunday", IPART_SUNDAY},
        {"NO", "whit_monday", IPART_MONDAY},       {"SE", "midsummer_eve", IPART_FRIDAY},
        {"SE", "midsummer_day", IPART_SATURDAY},   {"SE", "all_saints_day", IPART_SATURDAY},
        {"DK", "great_prayer_day", IPART_FRIDAY},
    };
    for (int year = IPART_CALENDAR_FIRST_YEAR; year <= IPART_CALENDAR_LAST_YEAR; year++) {
        for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
            ipart_date d = holiday_date(rules[i].profile, year, rules[i].id);
            if (d.year == 0)
                continue; /* not in force that year */
            cr_assert_eq(weekday(d), rules[i].weekday, "%s %s %d", rules[i].profile,
                         rules[i].id, year);
        }
        /* The Swedish windows: Midsummer Eve 19-25 June, the day after it Midsummer Day,
         * All Saints' Day 31 October - 6 November. */
        ipart_date eve = holiday_date("SE", year, "midsummer_eve");
        ipart_date day = holiday_date("SE", year, "midsummer_day");
        ipart_date saints = holiday_date("SE", year, "all_saints_day");
        cr_assert(eve.month == 6 && eve.day >= 19 && eve.day <= 25, "Midsummer Eve %d", year);
        cr_assert_eq(day_number(day), day_number(eve) + 1, "Midsummer Day %d", year);
        cr_assert((saints.month == 10 && saints.day == 31) ||
                      (saints.month == 11 && saints.day <= 6),
                  "All Saints' Day %d", year);
    }
}

/* Oudin's Easter algorithm (1940): an independent oracle for the Meeus one. */
static ipart_date oudin_easter(int y)
{
    int c = y / 100, n = y % 19;
    int k = (c - 17) / 25;
    int i = (c - c / 4 - (c - k) / 3 + 19 * n + 15) % 30;
    i = i - (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
    int j = (y + y / 4 + i + 2 - c + c / 4) % 7;
    int l = i - j;
    int month = 3 + (l + 40) / 44;
    return (ipart_date){y, month, l + 28 - 31 * (month / 4)};
}

Test(calendar, easter_agrees_with_an_independent_algorithm_1583_to_9999)
{
    for (int year = 1583; year <= 9999; year++) {
        ipart_date e = sentinel;
        assert_ok(ipart_easter_sunday(&e, year));
        ipart_date o = oudin_easter(year);
        if (!same_date(e, o) || weekday(e) != IPART_SUNDAY ||
            day_number(e) < ipart__days_from_civil(year, 3, 22) ||
            day_number(e) > ipart__days_from_civil(year, 4, 25))
            cr_assert_fail("Easter %d: %d-%02d-%02d, Oudin says %d-%02d-%02d", year, e.year,
                           e.month, e.day, o.year, o.month, o.day);
    }
}

/*
 * Check one period against Reg. 1182/71 Art. 3(4)-(5), stated independently
 * of the implementation: the end is the first day on or after from + days
 * that is a working day and, for periods of two days or more, closes a
 * period (from, end] holding at least two working days.
 */
static void check_period(const char *profile, ipart_date from, int days)
{
    ipart_date end;
    assert_ok(ipart_period_end(&end, profile, from, days));
    int64_t expected = day_number(from) + days;
    for (;; expected++) {
        if (!is_working(profile, ipart__civil_from_days(expected)))
            continue;
        int working = 0;
        for (int64_t z = day_number(from) + 1; z <= expected; z++)
            working += is_working(profile, ipart__civil_from_days(z));
        if (days < 2 || working >= 2)
            break;
    }
    if (day_number(end) != expected)
        cr_assert_fail("%s %d-%02d-%02d + %d: got %d-%02d-%02d", profile, from.year, from.month,
                       from.day, days, end.year, end.month, end.day);
}

Test(calendar, period_end_follows_art_3_paragraphs_4_and_5)
{
    static const int lengths[] = {0, 1, 2, 3, 4, 10, 15, 30};
    for (size_t p = 0; p < PROFILE_COUNT; p++) {
        for (ipart_date from = {2015, 1, 1}; from.year <= 2030;) {
            for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
                check_period(profiles[p], from, lengths[k]);
            assert_ok(ipart_date_add_days(&from, from, 1));
        }
    }
}

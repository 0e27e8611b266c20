/*
 * Public-holiday calendars per profile, and the counting of periods under
 * Regulation (EEC, Euratom) 1182/71 (RULES.md R6, R40).
 *
 * Each profile's holidays are one table of rules (data); one routine
 * expands a table for a year, one checks a single date against it, and one
 * rolls a date forward to a working day. Nothing here allocates, and every
 * table is const, so all of it is thread-safe.
 *
 * Choices made here, and why:
 * - Years 1900..IPART_CALENDAR_LAST_YEAR only. Beyond that range the law
 *   is unknown, so a guess would silently give wrong deadlines.
 * - Holidays that fall on a Sunday are listed all the same (Easter Sunday,
 *   Whit Sunday, 17 May on a Sunday): the lists are the legal calendars,
 *   not days off gained. Weekends themselves are not holidays, see
 *   ipart_calendar_is_working_day().
 * - When two holidays fall on the same date (NO: Ascension Day on 1 May
 *   2008, Whit Monday on 17 May 2027), both are listed: date order, then
 *   table order. ipart_calendar_holiday_count() counts these entries, so
 *   it can exceed the number of distinct dates.
 * - NO (lov om helligdager og helligdagsfred; lov 26 April 1947 nr. 1 on
 *   1 and 17 May): the Christian holidays, plus 1 and 17 May from 1947.
 *   Sundays other than Easter and Whit Sunday are not listed.
 * - SE (lag 1989:253 om allmänna helgdagar): Whit Monday up to 2004 and
 *   National Day 6 June from 2005. Midsummer Eve, Christmas Eve and New
 *   Year's Eve are not public holidays, but lag (1930:173) om beräkning av
 *   lagstadgad tid lets a statutory period that ends on one of them run to
 *   the next working day, so they are listed here to count periods right.
 *   The rules before the 1953 reform are not modelled (Midsummer Day then
 *   fixed on 24 June, All Saints' Day on 1 November, Annunciation Day on
 *   25 March; 1 May a holiday only from 1939): years 1900..1952 get
 *   today's rules.
 * - DK (helligdagsloven): Great Prayer Day up to 2023 (abolished as a
 *   holiday from 2024 by an act of 2023). Constitution Day (5 June),
 *   Christmas Eve and New Year's Eve are customary days off, not public
 *   holidays; Palm Sunday is a holiday but always a Sunday, so not listed.
 * - EU: no national holidays; only weekends stop a period.
 * - Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
 *   valid for 1583..9999.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ipart/calendar.h"
#include "date_p.h"
#include "error_p.h"

#include <string.h>

/* ---- the tables ------------------------------------------------------- */

typedef enum rule_kind {
    RULE_FIXED,       /* the same month and day every year */
    RULE_EASTER,      /* a number of days after Easter Sunday (negative: before) */
    RULE_WEEKDAY_FROM /* the first given weekday on or after a month and day */
} rule_kind;

typedef struct holiday_rule {
    const char *id;
    const char *name_en;
    const char *name_local;
    rule_kind kind;
    int month;      /* RULE_FIXED: the date; RULE_WEEKDAY_FROM: first day of the window */
    int day;
    int arg;        /* RULE_EASTER: days after Easter; RULE_WEEKDAY_FROM: ISO weekday */
    int first_year; /* the years the rule is in force */
    int last_year;
} holiday_rule;

#define FIXED(m, d) RULE_FIXED, (m), (d), 0
#define EASTER(n) RULE_EASTER, 0, 0, (n)
#define FIRST(weekday, m, d) RULE_WEEKDAY_FROM, (m), (d), (weekday)
#define ALWAYS IPART_CALENDAR_FIRST_YEAR, IPART_CALENDAR_LAST_YEAR
#define SINCE(year) (year), IPART_CALENDAR_LAST_YEAR
#define UNTIL(year) IPART_CALENDAR_FIRST_YEAR, (year)

static const holiday_rule no_rules[] = {
    {"new_years_day", "New Year's Day", "Nyttårsdag", FIXED(1, 1), ALWAYS},
    {"maundy_thursday", "Maundy Thursday", "Skjærtorsdag", EASTER(-3), ALWAYS},
    {"good_friday", "Good Friday", "Langfredag", EASTER(-2), ALWAYS},
    {"easter_sunday", "Easter Sunday", "Første påskedag", EASTER(0), ALWAYS},
    {"easter_monday", "Easter Monday", "Andre påskedag", EASTER(1), ALWAYS},
    {"labour_day", "Labour Day", "Offentlig høytidsdag", FIXED(5, 1), SINCE(1947)},
    {"constitution_day", "Constitution Day", "Grunnlovsdag", FIXED(5, 17), SINCE(1947)},
    {"ascension_day", "Ascension Day", "Kristi himmelfartsdag", EASTER(39), ALWAYS},
    {"whit_sunday", "Whit Sunday", "Første pinsedag", EASTER(49), ALWAYS},
    {"whit_monday", "Whit Monday", "Andre pinsedag", EASTER(50), ALWAYS},
    {"christmas_day", "Christmas Day", "Første juledag", FIXED(12, 25), ALWAYS},
    {"boxing_day", "Boxing Day", "Andre juledag", FIXED(12, 26), ALWAYS},
};

static const holiday_rule se_rules[] = {
    {"new_years_day", "New Year's Day", "Nyårsdagen", FIXED(1, 1), ALWAYS},
    {"epiphany", "Epiphany", "Trettondedag jul", FIXED(1, 6), ALWAYS},
    {"good_friday", "Good Friday", "Långfredagen", EASTER(-2), ALWAYS},
    {"easter_sunday", "Easter Sunday", "Påskdagen", EASTER(0), ALWAYS},
    {"easter_monday", "Easter Monday", "Annandag påsk", EASTER(1), ALWAYS},
    {"labour_day", "Labour Day", "Första maj", FIXED(5, 1), ALWAYS},
    {"ascension_day", "Ascension Day", "Kristi himmelsfärdsdag", EASTER(39), ALWAYS},
    {"whit_sunday", "Whit Sunday", "Pingstdagen", EASTER(49), ALWAYS},
    {"whit_monday", "Whit Monday", "Annandag pingst", EASTER(50), UNTIL(2004)},
    {"national_day", "National Day", "Sveriges nationaldag", FIXED(6, 6), SINCE(2005)},
    {"midsummer_eve", "Midsummer Eve", "Midsommarafton", FIRST(IPART_FRIDAY, 6, 19), ALWAYS},
    {"midsummer_day", "Midsummer Day", "Midsommardagen", FIRST(IPART_SATURDAY, 6, 20), ALWAYS},
    {"all_saints_day", "All Saints' Day", "Alla helgons dag", FIRST(IPART_SATURDAY, 10, 31),
     ALWAYS},
    {"christmas_eve", "Christmas Eve", "Julafton", FIXED(12, 24), ALWAYS},
    {"christmas_day", "Christmas Day", "Juldagen", FIXED(12, 25), ALWAYS},
    {"boxing_day", "Boxing Day", "Annandag jul", FIXED(12, 26), ALWAYS},
    {"new_years_eve", "New Year's Eve", "Nyårsafton", FIXED(12, 31), ALWAYS},
};

static const holiday_rule dk_rules[] = {
    {"new_years_day", "New Year's Day", "Nytårsdag", FIXED(1, 1), ALWAYS},
    {"maundy_thursday", "Maundy Thursday", "Skærtorsdag", EASTER(-3), ALWAYS},
    {"good_friday", "Good Friday", "Langfredag", EASTER(-2), ALWAYS},
    {"easter_sunday", "Easter Sunday", "Påskedag", EASTER(0), ALWAYS},
    {"easter_monday", "Easter Monday", "Anden påskedag", EASTER(1), ALWAYS},
    {"great_prayer_day", "Great Prayer Day", "Store bededag", EASTER(26), UNTIL(2023)},
    {"ascension_day", "Ascension Day", "Kristi himmelfartsdag", EASTER(39), ALWAYS},
    {"whit_sunday", "Whit Sunday", "Pinsedag", EASTER(49), ALWAYS},
    {"whit_monday", "Whit Monday", "Anden pinsedag", EASTER(50), ALWAYS},
    {"christmas_day", "Christmas Day", "Juledag", FIXED(12, 25), ALWAYS},
    {"boxing_day", "Boxing Day", "Anden juledag", FIXED(12, 26), ALWAYS},
};

typedef struct calendar {
    const char *code;
    const holiday_rule *rules;
    size_t count;
} calendar;

#define TABLE(rules) rules, sizeof rules / sizeof rules[0]

static const calendar calendars[] = {
    {"NO", TABLE(no_rules)},
    {"SE", TABLE(se_rules)},
    {"DK", TABLE(dk_rules)},
    {"EU", NULL, 0},
};

/* A year's holidays fit in a stack array of this size (see expand()). */
#define MAX_HOLIDAYS 24
_Static_assert(sizeof no_rules / sizeof no_rules[0] <= MAX_HOLIDAYS, "NO table too long");
_Static_assert(sizeof se_rules / sizeof se_rules[0] <= MAX_HOLIDAYS, "SE table too long");
_Static_assert(sizeof dk_rules / sizeof dk_rules[0] <= MAX_HOLIDAYS, "DK table too long");

/* ---- Easter and the rules --------------------------------------------- */

/* Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8). */
static int64_t easter_days(int year)
{
    int a = year % 19;                 /* place in the 19-year lunar cycle */
    int b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;           /* lunar correction */
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    return ipart__days_from_civil(year, n / 31, n % 31 + 1);
}

static int in_force(const holiday_rule *r, int year)
{
    return year >= r->first_year && year <= r->last_year;
}

/* Day number of a rule's holiday in a year; `easter` is that year's Easter Sunday. */
static int64_t rule_day(const holiday_rule *r, int year, int64_t easter)
{
    switch (r->kind) {
    case RULE_FIXED:
        return ipart__days_from_civil(year, r->month, r->day);
    case RULE_EASTER:
        return easter + r->arg;
    case RULE_WEEKDAY_FROM: {
        int64_t start = ipart__days_from_civil(year, r->month, r->day);
        return start + (r->arg - (int)ipart__weekday_from_days(start) + 7) % 7;
    }
    }
    return 0; /* not reached: every kind is handled above */
}

typedef struct entry {
    int64_t day;
    const holiday_rule *rule;
} entry;

/*
 * A year's holidays in date order, then table order for holidays on the
 * same date (the insertion sort moves an entry only past strictly later
 * ones). Returns the number of entries.
 */
static size_t expand(const calendar *cal, int year, entry out[MAX_HOLIDAYS])
{
    int64_t easter = easter_days(year);
    size_t n = 0;
    for (size_t i = 0; i < cal->count; i++) {
        const holiday_rule *r = &cal->rules[i];
        if (!in_force(r, year))
            continue;
        entry e = {rule_day(r, year, easter), r};
        size_t j = n++;
        for (; j > 0 && out[j - 1].day > e.day; j--)
            out[j] = out[j - 1];
        out[j] = e;
    }
    return n;
}

/* Whether a day number of `year` is a holiday: one pass over the table, no sorting. */
static int is_holiday_day(const calendar *cal, int year, int64_t day)
{
    if (cal->count == 0)
        return 0;
    int64_t easter = easter_days(year);
    for (size_t i = 0; i < cal->count; i++)
        if (in_force(&cal->rules[i], year) && rule_day(&cal->rules[i], year, easter) == day)
            return 1;
    return 0;
}

static int is_working_day(const calendar *cal, int64_t day)
{
    if (ipart__weekday_from_days(day) >= IPART_SATURDAY)
        return 0;
    return !is_holiday_day(cal, ipart__civil_from_days(day).year, day);
}

/* ---- argument checks -------------------------------------------------- */

static int64_t first_calendar_day(void)
{
    return ipart__days_from_civil(IPART_CALENDAR_FIRST_YEAR, 1, 1);
}

static int64_t last_calendar_day(void)
{
    return ipart__days_from_civil(IPART_CALENDAR_LAST_YEAR, 12, 31);
}

/* The calendar of a profile code; codes are exact and upper-case. */
static ipart_status find_calendar(const calendar **out, const char *function, const char *profile)
{
    if (!profile)
        return ipart__fail_null(function, "profile");
    for (size_t i = 0; i < sizeof calendars / sizeof calendars[0]; i++) {
        if (strcmp(calendars[i].code, profile) == 0) {
            *out = &calendars[i];
            return IPART_OK;
        }
    }
    return ipart__fail(IPART_EINVAL, "profile.unknown",
                       "unknown profile '%.32s' (expected NO, SE, DK or EU)", profile);
}

static ipart_status check_year(int year)
{
    if (year >= IPART_CALENDAR_FIRST_YEAR && year <= IPART_CALENDAR_LAST_YEAR)
        return IPART_OK;
    return ipart__fail(IPART_ERANGE, "calendar.year.range",
                       "no holiday calendar for the year %d (years %d..%d are known)", year,
                       IPART_CALENDAR_FIRST_YEAR, IPART_CALENDAR_LAST_YEAR);
}

/* The checks shared by the functions asking about one year. */
static ipart_status prepare_year(const calendar **cal, const char *function, const void *out,
                                 const char *profile, int year)
{
    if (!out)
        return ipart__fail_null(function, "out");
    ipart_status rc = find_calendar(cal, function, profile);
    return rc == IPART_OK ? check_year(year) : rc;
}

/* The checks shared by the functions asking about one date; gives its day number. */
static ipart_status prepare_date(const calendar **cal, int64_t *day, const char *function,
                                 const void *out, const char *profile, ipart_date date)
{
    if (!out)
        return ipart__fail_null(function, "out");
    ipart_status rc = find_calendar(cal, function, profile);
    if (rc == IPART_OK)
        rc = ipart__date_check(date);
    if (rc == IPART_OK)
        rc = check_year(date.year);
    if (rc == IPART_OK)
        *day = ipart__days_from_civil(date.year, date.month, date.day);
    return rc;
}

/* ---- rolling forward (Reg. 1182/71 Art. 3(4)) -------------------------- */

/*
 * The first working day on or after `day`, which is inside the calendar.
 * The one place that moves a date past weekends and holidays.
 */
static ipart_status roll_forward(int64_t *out, const calendar *cal, int64_t day)
{
    int64_t last = last_calendar_day();
    int64_t d = day;
    while (!is_working_day(cal, d)) {
        if (++d > last) {
            char text[IPART__DATE_TEXT_SIZE];
            ipart__date_text(text, sizeof text, ipart__civil_from_days(day));
            return ipart__fail(IPART_ERANGE, "calendar.year.range",
                               "the first working day on or after %s (profile %s) falls after "
                               "%d, the last year of the holiday calendars",
                               text, cal->code, IPART_CALENDAR_LAST_YEAR);
        }
    }
    *out = d;
    return IPART_OK;
}

/* ---- public API ------------------------------------------------------- */

ipart_status ipart_easter_sunday(ipart_date *out, int year)
{
    if (!out)
        return ipart__fail_null("ipart_easter_sunday", "out");
    if (year < 1583 || year > 9999)
        return ipart__fail(IPART_ERANGE, "calendar.easter.range",
                           "no Gregorian Easter date for the year %d (years 1583..9999)", year);
    *out = ipart__civil_from_days(easter_days(year));
    return IPART_OK;
}

ipart_status ipart_calendar_holiday_count(size_t *out, const char *profile, int year)
{
    const calendar *cal = NULL;
    ipart_status rc = prepare_year(&cal, "ipart_calendar_holiday_count", out, profile, year);
    if (rc != IPART_OK)
        return rc;
    entry entries[MAX_HOLIDAYS];
    *out = expand(cal, year, entries);
    return IPART_OK;
}

ipart_status ipart_calendar_holiday_at(ipart_holiday *out, const char *profile, int year,
                                       size_t index)
{
    const calendar *cal = NULL;
    ipart_status rc = prepare_year(&cal, "ipart_calendar_holiday_at", out, profile, year);
    if (rc != IPART_OK)
        return rc;
    entry entries[MAX_HOLIDAYS];
    size_t n = expand(cal, year, entries);
    if (index >= n)
        return ipart__fail(IPART_ENOTFOUND, "calendar.holiday.index",
                           "holiday index %zu is past the end: profile %s has %zu holidays in %d",
                           index, cal->code, n, year);
    const holiday_rule *r = entries[index].rule;
    out->date = ipart__civil_from_days(entries[index].day);
    out->id = r->id;
    out->name_en = r->name_en;
    out->name_local = r->name_local;
    return IPART_OK;
}

ipart_status ipart_calendar_is_holiday(int *out, const char *profile, ipart_date date)
{
    const calendar *cal = NULL;
    int64_t day = 0;
    ipart_status rc = prepare_date(&cal, &day, "ipart_calendar_is_holiday", out, profile, date);
    if (rc == IPART_OK)
        *out = is_holiday_day(cal, date.year, day);
    return rc;
}

ipart_status ipart_calendar_is_working_day(int *out, const char *profile, ipart_date date)
{
    const calendar *cal = NULL;
    int64_t day = 0;
    ipart_status rc = prepare_date(&cal, &day, "ipart_calendar_is_working_day", out, profile, date);
    if (rc == IPART_OK)
        *out = is_working_day(cal, day);
    return rc;
}

ipart_status ipart_calendar_next_working_day(ipart_date *out, const char *profile, ipart_date date)
{
    const calendar *cal = NULL;
    int64_t day = 0;
    ipart_status rc =
        prepare_date(&cal, &day, "ipart_calendar_next_working_day", out, profile, date);
    if (rc == IPART_OK)
        rc = roll_forward(&day, cal, day);
    if (rc == IPART_OK)
        *out = ipart__civil_from_days(day);
    return rc;
}

/* The last day of the period before rolling: from + days, inside the calendar. */
static ipart_status period_last_day(int64_t *out, ipart_date from, int days)
{
    char text[IPART__DATE_TEXT_SIZE];
    ipart__date_text(text, sizeof text, from);
    if (days < 0)
        return ipart__fail(IPART_EINVAL, "period.days.negative",
                           "a period of %d days from %s: the number of days must not be negative",
                           days, text);
    /* int64_t: no int `days` can overflow this sum. */
    int64_t end = ipart__days_from_civil(from.year, from.month, from.day) + days;
    if (end < first_calendar_day() || end > last_calendar_day())
        return ipart__fail(IPART_ERANGE, "calendar.year.range",
                           "a period of %d days from %s ends outside the holiday calendar "
                           "years %d..%d",
                           days, text, IPART_CALENDAR_FIRST_YEAR, IPART_CALENDAR_LAST_YEAR);
    *out = end;
    return IPART_OK;
}

/*
 * Art. 3(5): a period of two days or more includes at least two working
 * days. Only short periods over holidays can miss that: any 14 days hold
 * at least two working days in every profile, so only the last 14 days
 * before the end need counting, from the end back, and only until two are
 * found (in most periods the last two days: every day tested looks up the
 * year's holidays).
 */
static ipart_status include_two_working_days(int64_t *end, const calendar *cal, int64_t from,
                                             int days)
{
    if (days < 2)
        return IPART_OK;
    int64_t start = from + 1 > *end - 13 ? from + 1 : *end - 13;
    if (start < first_calendar_day())
        start = first_calendar_day();
    int working = 0;
    for (int64_t d = *end; d >= start && working < 2; d--)
        working += is_working_day(cal, d);
    for (; working < 2; working++) {
        ipart_status rc = roll_forward(end, cal, *end + 1);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

/*
 * Reg. 1182/71 Art. 3: a period in days starts at the beginning of the day
 * after the event (Art. 3(1), 3(2)(b)), so its last day is from + days; if
 * that is a Saturday, Sunday or public holiday, the period ends with the
 * next working day (Art. 3(4)); and a period of two days or more includes
 * at least two working days (Art. 3(5)). `from` itself may lie before
 * 1900: only the days that are tested against holidays must be in the
 * calendar.
 */
ipart_status ipart_period_end(ipart_date *out, const char *profile, ipart_date from, int days)
{
    if (!out)
        return ipart__fail_null("ipart_period_end", "out");
    const calendar *cal = NULL;
    ipart_status rc = find_calendar(&cal, "ipart_period_end", profile);
    if (rc == IPART_OK)
        rc = ipart__date_check(from);
    int64_t day = 0;
    if (rc == IPART_OK)
        rc = period_last_day(&day, from, days);
    if (rc == IPART_OK)
        rc = roll_forward(&day, cal, day);
    if (rc == IPART_OK)
        rc = include_two_working_days(&day, cal,
                                      ipart__days_from_civil(from.year, from.month, from.day), days);
    if (rc == IPART_OK)
        *out = ipart__civil_from_days(day);
    return rc;
}

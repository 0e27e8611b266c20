/*
 * Civil dates: validation, ISO 8601 text, and arithmetic on day numbers.
 *
 * Dates are proleptic Gregorian, years 1..9999, with no time and no zone.
 * All arithmetic goes through day numbers (date_p.h) using Howard
 * Hinnant's days_from_civil / civil_from_days algorithms: integer only,
 * exact, constant time. Nothing here allocates except the string that
 * ipart_date_format() hands to the caller.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "date_p.h"
#include "alloc_p.h"
#include "error_p.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

/* ---- day numbers ------------------------------------------------------ */

/*
 * Hinnant's algorithm: shift the year to start on 1 March, so the leap day
 * is the last day of the shifted year and month lengths follow the
 * 153-day / 5-month pattern; then count 400-year eras of 146097 days.
 * Years are >= 0 here, so every division truncates as a floor would.
 */
int64_t ipart__days_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = y / 400;
    int64_t yoe = y - era * 400;                                  /* 0..399 */
    int64_t mp = month > 2 ? month - 3 : month + 9;               /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + day - 1;                   /* 0..365 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* 0..146096 */
    return era * 146097 + doe - 719468; /* 719468: 0000-03-01 to 1970-01-01 */
}

ipart_date ipart__civil_from_days(int64_t days)
{
    int64_t z = days + 719468; /* >= 0 for every supported date */
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;                                      /* 0..146096 */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0..365 */
    int64_t mp = (5 * doy + 2) / 153;                                    /* 0..11 */
    ipart_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

ipart_weekday ipart__weekday_from_days(int64_t days)
{
    /* Day 0 (1970-01-01) was a Thursday, ISO 4; floor the remainder. */
    int64_t r = (days + 3) % 7;
    if (r < 0)
        r += 7;
    return (ipart_weekday)(r + 1);
}

static int is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int ipart__days_in_month(int year, int month)
{
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

/* ---- validation ------------------------------------------------------- */

/*
 * Why a struct is not a date, into `why`, and the field at fault; NULL
 * field when the date is valid. The one place that decides validity.
 */
static const char *explain_invalid(ipart_date d, char *why, size_t size)
{
    if (d.year < 1 || d.year > 9999) {
        snprintf(why, size, "year %d is outside 1..9999", d.year);
        return "year";
    }
    if (d.month < 1 || d.month > 12) {
        snprintf(why, size, "month %d is not 1..12", d.month);
        return "month";
    }
    int last = ipart__days_in_month(d.year, d.month);
    if (d.day < 1) {
        snprintf(why, size, "day %d is not 1..%d", d.day, last);
        return "day";
    }
    if (d.day > last) {
        snprintf(why, size, "%s %d has %d days", month_names[d.month - 1], d.year, last);
        return "day";
    }
    return NULL;
}

int ipart__date_is_valid(ipart_date date)
{
    char why[96];
    return explain_invalid(date, why, sizeof why) == NULL;
}

/* Write the two decimal digits of value (0 <= value < 100). */
static char *put_pair(char *at, int value)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    memcpy(at, pairs + 2 * value, 2);
    return at + 2;
}

size_t ipart__date_text(char *buf, size_t size, ipart_date d)
{
    if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 &&
        d.day <= 99) {
        /* "%04d-%02d-%02d" without snprintf: dates are written for every event */
        char *at = put_pair(put_pair(buf, d.year / 100), d.year % 100);
        *at++ = '-';
        at = put_pair(at, d.month);
        *at++ = '-';
        *put_pair(at, d.day) = '\0';
        return 10;
    }
    int n = snprintf(buf, size, "year %d, month %d, day %d", d.year, d.month, d.day);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

ipart_status ipart__date_check(ipart_date date)
{
    char why[96];
    const char *field = explain_invalid(date, why, sizeof why);
    if (!field)
        return IPART_OK;
    char text[IPART__DATE_TEXT_SIZE];
    ipart__date_text(text, sizeof text, date);
    ipart_status rc = ipart__fail(IPART_EINVAL, "date.invalid", "%s is not a date: %s", text, why);
    ipart__error_set_path(field);
    return rc;
}

/* Validate a date and give its day number. */
static ipart_status to_days(int64_t *days, ipart_date date)
{
    ipart_status rc = ipart__date_check(date);
    if (rc == IPART_OK)
        *days = ipart__days_from_civil(date.year, date.month, date.day);
    return rc;
}

/* ---- public API ------------------------------------------------------- */

ipart_status ipart_date_make(ipart_date *out, int year, int month, int day)
{
    if (!out)
        return ipart__fail_null("ipart_date_make", "out");
    ipart_date d = {year, month, day};
    ipart_status rc = ipart__date_check(d);
    if (rc == IPART_OK)
        *out = d;
    return rc;
}

/* The shape of an ISO calendar date: 'D' a digit, anything else itself. */
static const char iso_shape[] = "DDDD-DD-DD";

/* Index of the first character that breaks the shape, or -1 if none does. */
static int shape_mismatch(const char *text)
{
    for (int i = 0; iso_shape[i]; i++) {
        char c = text[i];
        int ok = iso_shape[i] == 'D' ? (c >= '0' && c <= '9') : c == iso_shape[i];
        if (!ok) /* also stops at the terminating NUL of a short text */
            return i;
    }
    return text[sizeof iso_shape - 1] ? (int)(sizeof iso_shape - 1) : -1;
}

static int two_digits(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* What is wrong at the first character that breaks the shape. */
static const char *mismatch_reason(const char *text, int at)
{
    if (text[at] == '\0')
        return "it ends too early";
    if (at == (int)(sizeof iso_shape - 1))
        return "extra text follows the date";
    if (iso_shape[at] == 'D')
        return "a digit is expected here";
    return "a '-' is expected here";
}

static ipart_status syntax_error(const char *text, int at)
{
    return ipart__fail(IPART_EPARSE, "date.parse.syntax",
                       "'%.64s' is not an ISO 8601 date YYYY-MM-DD: %s (character %d)", text,
                       mismatch_reason(text, at), at + 1);
}

ipart_status ipart_date_parse(ipart_date *out, const char *text)
{
    if (!out)
        return ipart__fail_null("ipart_date_parse", "out");
    if (!text)
        return ipart__fail_null("ipart_date_parse", "text");
    if (!text[0])
        return ipart__fail(IPART_EPARSE, "date.parse.syntax",
                           "'' is not an ISO 8601 date YYYY-MM-DD: the text is empty");
    int at = shape_mismatch(text);
    if (at >= 0)
        return syntax_error(text, at);
    ipart_date d = {two_digits(text) * 100 + two_digits(text + 2), two_digits(text + 5),
                    two_digits(text + 8)};
    char why[96];
    if (explain_invalid(d, why, sizeof why))
        return ipart__fail(IPART_EINVAL, "date.parse.nonexistent", "'%s' is not a date: %s",
                           text, why);
    *out = d;
    return IPART_OK;
}

ipart_status ipart_date_format(char **out, ipart_date date)
{
    if (!out)
        return ipart__fail_null("ipart_date_format", "out");
    ipart_status rc = ipart__date_check(date);
    if (rc != IPART_OK)
        return rc;
    char *text = ipart__malloc(sizeof iso_shape);
    if (!text)
        return ipart__fail_nomem();
    snprintf(text, sizeof iso_shape, "%04d-%02d-%02d", date.year, date.month, date.day);
    *out = text;
    return IPART_OK;
}

ipart_status ipart_date_add_days(ipart_date *out, ipart_date date, int64_t days)
{
    if (!out)
        return ipart__fail_null("ipart_date_add_days", "out");
    int64_t from;
    ipart_status rc = to_days(&from, date);
    if (rc != IPART_OK)
        return rc;
    /* Compare before adding, so that no value of `days` can overflow. */
    if (days < IPART__DAYS_MIN - from || days > IPART__DAYS_MAX - from) {
        char text[IPART__DATE_TEXT_SIZE];
        ipart__date_text(text, sizeof text, date);
        return ipart__fail(IPART_ERANGE, "date.range",
                           "%s %+" PRId64 " days falls outside the years 1..9999", text, days);
    }
    *out = ipart__civil_from_days(from + days);
    return IPART_OK;
}

ipart_status ipart_date_days_between(int64_t *out, ipart_date from, ipart_date to)
{
    if (!out)
        return ipart__fail_null("ipart_date_days_between", "out");
    int64_t a = 0, b = 0;
    ipart_status rc = to_days(&a, from);
    if (rc == IPART_OK)
        rc = to_days(&b, to);
    if (rc == IPART_OK)
        *out = b - a;
    return rc;
}

ipart_status ipart_date_weekday(ipart_weekday *out, ipart_date date)
{
    if (!out)
        return ipart__fail_null("ipart_date_weekday", "out");
    int64_t days;
    ipart_status rc = to_days(&days, date);
    if (rc == IPART_OK)
        *out = ipart__weekday_from_days(days);
    return rc;
}

ipart_status ipart_date_compare(int *out, ipart_date a, ipart_date b)
{
    if (!out)
        return ipart__fail_null("ipart_date_compare", "out");
    /* Days 1..28 exist in every month: only other days need the full check
     * (the guards compare dates for every event). */
    ipart_status rc = ipart__date_plainly_valid(a) ? IPART_OK : ipart__date_check(a);
    if (rc == IPART_OK && !ipart__date_plainly_valid(b))
        rc = ipart__date_check(b);
    if (rc == IPART_OK) /* valid dates order as (year, month, day) */
        *out = a.year != b.year     ? (a.year > b.year) - (a.year < b.year)
               : a.month != b.month ? (a.month > b.month) - (a.month < b.month)
                                    : (a.day > b.day) - (a.day < b.day);
    return rc;
}

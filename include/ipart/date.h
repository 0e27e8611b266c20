/** @file
 * libipart - civil dates (proleptic Gregorian, years 1..9999).
 *
 * A date has no time and no time zone: procurement periods are counted in
 * whole calendar days (Regulation 1182/71). Dates travel as ISO 8601
 * "YYYY-MM-DD". All functions are pure and thread-safe; functions taking an
 * ipart_date validate it and fail with IPART_EINVAL if it does not exist.
 * Output parameters are written only on success.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_DATE_H
#define IPART_DATE_H

#include "common.h"
#include "errors.h"

/** A civil date. A small frozen value type: pass it by value. */
typedef struct ipart_date {
    int year;   /**< 1..9999 */
    int month;  /**< 1..12 */
    int day;    /**< 1..28/29/30/31 */
} ipart_date;

/** ISO 8601 weekdays, as returned by ipart_date_weekday(). */
typedef enum ipart_weekday {
    IPART_MONDAY = 1,
    IPART_TUESDAY = 2,
    IPART_WEDNESDAY = 3,
    IPART_THURSDAY = 4,
    IPART_FRIDAY = 5,
    IPART_SATURDAY = 6,
    IPART_SUNDAY = 7
} ipart_weekday;

IPART_BEGIN_DECL

/**
 * Build a date, checking that it exists (2017-02-29 does not).
 * @return IPART_OK; IPART_EINVAL naming the bad field.
 */
IPART_API ipart_status ipart_date_make(ipart_date *out, int year, int month, int day);

/**
 * Parse ISO 8601 calendar date "YYYY-MM-DD" exactly (four-digit year,
 * two-digit month and day, nothing before or after).
 * @return IPART_OK; IPART_EPARSE for bad syntax; IPART_EINVAL for a date
 *         that does not exist; IPART_EMISUSE on NULL.
 */
IPART_API ipart_status ipart_date_parse(ipart_date *out, const char *text);

/**
 * Format as "YYYY-MM-DD". *out is owned by the caller: release it with
 * ipart_free(). @return IPART_OK; IPART_EINVAL; IPART_ENOMEM.
 */
IPART_API ipart_status ipart_date_format(char **out, ipart_date date);

/**
 * date + days (days may be negative).
 * @return IPART_OK; IPART_EINVAL; IPART_ERANGE if the result leaves 1..9999.
 */
IPART_API ipart_status ipart_date_add_days(ipart_date *out, ipart_date date, int64_t days);

/**
 * Number of days from `from` to `to` (positive when `to` is later).
 * @return IPART_OK; IPART_EINVAL.
 */
IPART_API ipart_status ipart_date_days_between(int64_t *out, ipart_date from, ipart_date to);

/** ISO weekday of a date (1 = Monday .. 7 = Sunday). @return IPART_OK; IPART_EINVAL. */
IPART_API ipart_status ipart_date_weekday(ipart_weekday *out, ipart_date date);

/**
 * Order two dates: *out is -1, 0 or 1.
 * @return IPART_OK; IPART_EINVAL if either does not exist.
 */
IPART_API ipart_status ipart_date_compare(int *out, ipart_date a, ipart_date b);

IPART_END_DECL

#endif /* IPART_DATE_H */

/*
 * Private: day-number arithmetic on civil dates, shared by date.c and
 * calendar.c so that both count days the same way.
 *
 * A day number is the count of days since 1970-01-01 (negative before).
 * It turns date arithmetic into integer arithmetic: adding days, the
 * distance between dates and the weekday are all exact and need no loop.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CORE_DATE_P_H
#define IPART_CORE_DATE_P_H

#include <stddef.h>

#include "ipart/date.h"

/* Day numbers of 0001-01-01 and 9999-12-31, the ends of the supported range. */
#define IPART__DAYS_MIN INT64_C(-719162)
#define IPART__DAYS_MAX INT64_C(2932896)

/* Days 1..28 of months 1..12 of years 1..9999 exist in every calendar: such a
 * date is valid without the full check, so comparing two of them is plain
 * (year, month, day) order (the guards compare dates for every event). */
static inline int ipart__date_plainly_valid(ipart_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= 28;
}

/* Large enough for ipart__date_text() of any struct, even one with huge fields. */
#define IPART__DATE_TEXT_SIZE 64

/* Day number of a date. Exact for any proleptic Gregorian year >= 0 (month 1..12). */
int64_t ipart__days_from_civil(int year, int month, int day);

/* The date of a day number in IPART__DAYS_MIN..IPART__DAYS_MAX. */
ipart_date ipart__civil_from_days(int64_t days);

/* ISO weekday of a day number (1 = Monday .. 7 = Sunday). */
ipart_weekday ipart__weekday_from_days(int64_t days);

/* Days in a month (1..12) of a year: 28..31. */
int ipart__days_in_month(int year, int month);

/* 1 if the struct names a date of years 1..9999 that exists, else 0. */
int ipart__date_is_valid(ipart_date date);

/*
 * IPART_OK for a valid date; otherwise IPART_EINVAL with key "date.invalid",
 * a message naming the date and what is wrong ("2017-02-29 is not a date:
 * February 2017 has 28 days") and the bad field ("year", "month", "day")
 * as the error path.
 */
ipart_status ipart__date_check(ipart_date date);

/* "YYYY-MM-DD" for fields that fit that shape, else "year Y, month M, day D".
 * buf holds at least IPART__DATE_TEXT_SIZE bytes (size bounds the second form).
 * Returns the length written (before the NUL). */
size_t ipart__date_text(char *buf, size_t size, ipart_date date);

#endif

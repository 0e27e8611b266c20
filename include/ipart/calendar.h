/** @file
 * libipart - public-holiday calendars and the counting of periods.
 *
 * A calendar belongs to a jurisdiction profile: "NO" (Norway, the default
 * profile of the library), "SE" (Sweden), "DK" (Denmark) or "EU" (no
 * national holidays: weekends only). Holidays are computed for the years
 * 1900..2199, Easter-based ones from the Gregorian computus; known changes
 * of the law are dated (Swedish National Day replaced Whit Monday from
 * 2005; Danish Great Prayer Day was abolished from 2024; Norwegian 1 and
 * 17 May are public holidays from 1947).
 *
 * Periods follow Regulation (EEC, Euratom) 1182/71 as doc/rules.md R6/R40
 * describe: counting starts on the day after the event, days are calendar
 * days, a period whose last day is a Saturday, Sunday or public holiday
 * ends on the next working day, and a period of two days or more includes
 * at least two working days (Art. 3(5)).
 *
 * "Holiday" means a day on which periods do not end. For SE that includes
 * Midsummer Eve, Christmas Eve and New Year's Eve, which are not public
 * holidays but are treated as such by the Swedish law on computing
 * statutory periods (lag 1930:173). When two holidays fall on one date,
 * both are listed (date order, then table order), so a year's count may
 * exceed its number of distinct holiday dates.
 *
 * All functions are pure and thread-safe. Output parameters are written
 * only on success. Profile codes are upper-case; anything else fails with
 * IPART_EINVAL naming the accepted codes.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_CALENDAR_H
#define IPART_CALENDAR_H

#include "common.h"
#include "errors.h"
#include "date.h"

/** First year for which holidays are known. */
#define IPART_CALENDAR_FIRST_YEAR 1900
/** Last year for which holidays are known. */
#define IPART_CALENDAR_LAST_YEAR 2199

/** One public holiday. Strings are static: valid for the life of the process. */
typedef struct ipart_holiday {
    ipart_date date;         /**< the day of the holiday */
    const char *id;          /**< stable identifier ("easter_monday", "constitution_day") */
    const char *name_en;     /**< English name ("Easter Monday") */
    const char *name_local;  /**< name in the profile's language ("Andre påskedag"), UTF-8 */
} ipart_holiday;

IPART_BEGIN_DECL

/**
 * Easter Sunday of a Gregorian year.
 * @return IPART_OK; IPART_ERANGE outside 1583..9999.
 */
IPART_API ipart_status ipart_easter_sunday(ipart_date *out, int year);

/**
 * Number of public holidays of a profile in a year.
 * @return IPART_OK; IPART_EINVAL for an unknown profile; IPART_ERANGE for a
 *         year outside IPART_CALENDAR_FIRST_YEAR..IPART_CALENDAR_LAST_YEAR.
 */
IPART_API ipart_status ipart_calendar_holiday_count(size_t *out, const char *profile, int year);

/**
 * The index-th public holiday of a profile in a year, in date order.
 * @return IPART_OK; IPART_ENOTFOUND when index >= the count; as
 *         ipart_calendar_holiday_count() otherwise.
 */
IPART_API ipart_status ipart_calendar_holiday_at(ipart_holiday *out, const char *profile, int year,
                                                 size_t index);

/**
 * Whether a date is a public holiday of a profile (weekends are not
 * holidays as such; see ipart_calendar_is_working_day()). *out is 1 or 0.
 * @return IPART_OK; IPART_EINVAL; IPART_ERANGE.
 */
IPART_API ipart_status ipart_calendar_is_holiday(int *out, const char *profile, ipart_date date);

/**
 * Whether a date is a working day: not a Saturday, Sunday or public
 * holiday. *out is 1 or 0. @return as ipart_calendar_is_holiday().
 */
IPART_API ipart_status ipart_calendar_is_working_day(int *out, const char *profile, ipart_date date);

/**
 * The date itself if it is a working day, else the next working day.
 * @return as ipart_calendar_is_holiday().
 */
IPART_API ipart_status ipart_calendar_next_working_day(ipart_date *out, const char *profile,
                                                       ipart_date date);

/**
 * Last day of a period of `days` calendar days that starts on the day
 * after `from` (Reg. 1182/71 Art. 3): from + days, moved to the next
 * working day if that is a Saturday, Sunday or public holiday. Example
 * (NO): a 10-day standstill from 2019-04-08 would end on Maundy Thursday
 * 2019-04-18 and so ends on Tuesday 2019-04-23.
 * @return IPART_OK; IPART_EINVAL for a negative `days`, a bad date or an
 *         unknown profile; IPART_ERANGE when the end leaves the calendar years.
 */
IPART_API ipart_status ipart_period_end(ipart_date *out, const char *profile, ipart_date from,
                                        int days);

IPART_END_DECL

#endif /* IPART_CALENDAR_H */

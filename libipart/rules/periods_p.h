/*
 * Private: the law's periods as pure functions of a profile and dates
 * (Reg. 1182/71 counting, the profile's calendar): the minimum request
 * period (R6) and the standstill (R40). The guards and the queries both
 * call these, so a deadline is computed in one place.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_RULES_PERIODS_P_H
#define IPART_RULES_PERIODS_P_H

#include "ipart/date.h"
#include "ipart/errors.h"
#include "rules/rules_p.h"

/* R6: the earliest request deadline of a notice dispatched on `dispatch`
 * (the profile's minimum request days, counted from the day after). Fails
 * as ipart_period_end does (a date outside the calendar). */
ipart_status ipart__request_deadline_min(ipart_date *out, const ipart__profile *profile,
                                         ipart_date dispatch);

/* R40: the last day of the standstill after an award notified on
 * `award_date`: the profile's standstill days, or its days without
 * electronic communication (SE: 15) when `electronic` is 0. */
ipart_status ipart__standstill_end(ipart_date *out, const ipart__profile *profile, int electronic,
                                   ipart_date award_date);

/* R40: is the standstill that ends on `standstill_end` over on `on`? */
int ipart__standstill_over(ipart_date standstill_end, ipart_date on);

/* R40: the first day a contract may be signed - the day after the
 * standstill's end (the end itself if no later date exists). */
ipart_date ipart__first_signing_day(ipart_date standstill_end);

#endif

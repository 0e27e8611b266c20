/*
 * The law's periods (periods_p.h): R6 and R40.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "rules/periods_p.h"

#include "ipart/calendar.h"

ipart_status ipart__request_deadline_min(ipart_date *out, const ipart__profile *profile,
                                         ipart_date dispatch)
{
    return ipart_period_end(out, profile->code, dispatch, profile->min_request_days);
}

ipart_status ipart__standstill_end(ipart_date *out, const ipart__profile *profile, int electronic,
                                   ipart_date award_date)
{
    int days = electronic ? profile->standstill_days : profile->standstill_days_paper;
    return ipart_period_end(out, profile->code, award_date, days);
}

int ipart__standstill_over(ipart_date standstill_end, ipart_date on)
{
    int cmp = 0;
    ipart_date_compare(&cmp, standstill_end, on);
    return cmp < 0;
}

ipart_date ipart__first_signing_day(ipart_date standstill_end)
{
    ipart_date first = standstill_end;
    ipart_date_add_days(&first, standstill_end, 1);
    return first;
}

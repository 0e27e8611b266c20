/*
 * The Stavanger walk-through ("Leve HELE LIVET", 2017, Norway's first
 * innovation partnership), told with what libipart can do today: the
 * Norwegian calendar, Regulation 1182/71 period counting, and exact money.
 * It grows into the whole procedure as the library does.
 *
 * The public sources give "autumn 2017" for the notice, not a date; the
 * dispatch date below is illustrative (a Friday whose 30-day period ends
 * on a Sunday, to show the roll-over of RULES.md R6).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <ipart/ipart.h>

#include <stdio.h>
#include <stdlib.h>

/* Print the failure and stop: a demo has nothing sensible to do after it. */
static void check(ipart_status rc, const char *what)
{
    if (rc == IPART_OK)
        return;
    const ipart_error *e = ipart_error_last();
    fprintf(stderr, "%s failed: %s (%s)%s%s\n", what, e->message, ipart_error_name(rc),
            e->rule[0] ? ", rule " : "", e->rule);
    exit(1);
}

static void print_date(const char *label, ipart_date d)
{
    static const char *const weekdays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
    char *text = NULL;
    ipart_weekday wd;
    check(ipart_date_format(&text, d), "format date");
    check(ipart_date_weekday(&wd, d), "weekday");
    printf("  %-44s %s (%s)\n", label, text, weekdays[wd]);
    ipart_free(text);
}

static void print_money(const char *label, ipart_money m)
{
    char *nb = NULL, *en = NULL, *canonical = NULL;
    check(ipart_money_format_display(&nb, m, "nb"), "format money (nb)");
    check(ipart_money_format_display(&en, m, "en"), "format money (en)");
    check(ipart_money_format(&canonical, m), "format money");
    printf("  %-44s %s | %s | JSON \"%s\"\n", label, nb, en, canonical);
    ipart_free(nb);
    ipart_free(en);
    ipart_free(canonical);
}

static void deadlines(void)
{
    ipart_date dispatch, request_deadline, award_notice, standstill_end, earliest_signature;
    printf("Deadlines (profile NO, Regulation 1182/71 counting)\n");
    check(ipart_date_parse(&dispatch, "2017-09-15"), "parse notice date");
    print_date("contract notice dispatched (illustrative)", dispatch);
    /* R6: at least 30 days for requests to participate, from the day after dispatch. */
    check(ipart_period_end(&request_deadline, "NO", dispatch, 30), "request deadline");
    print_date("earliest request deadline (R6, 30 days)", request_deadline);

    /* R40: a 10-day standstill must have expired before signature; the
     * RULES.md worked example rolls over Easter 2019. */
    check(ipart_date_parse(&award_notice, "2019-04-08"), "parse award notice date");
    check(ipart_period_end(&standstill_end, "NO", award_notice, 10), "standstill end");
    check(ipart_date_add_days(&earliest_signature, standstill_end, 1), "earliest signature");
    print_date("award notice dispatched (R40 example)", award_notice);
    print_date("standstill ends, rolled over Easter (R40)", standstill_end);
    print_date("earliest contract signature", earliest_signature);
}

static void holidays_2017(void)
{
    size_t count = 0;
    check(ipart_calendar_holiday_count(&count, "NO", 2017), "holiday count");
    printf("\nNorwegian public holidays 2017 (%zu)\n", count);
    for (size_t i = 0; i < count; i++) {
        ipart_holiday h;
        char *text = NULL;
        check(ipart_calendar_holiday_at(&h, "NO", 2017, i), "holiday");
        check(ipart_date_format(&text, h.date), "format date");
        printf("  %s  %-22s %s\n", text, h.name_local, h.name_en);
        ipart_free(text);
    }
}

static void budget(void)
{
    ipart_money cap, per_partner, share, remaining;
    printf("\nDevelopment budget (Stavanger: up to NOK 12 million)\n");
    check(ipart_money_parse(&cap, "12000000.00", "NOK"), "parse cap");
    print_money("development cap", cap);
    /* Three partners sharing the pot equally: rounding is always explicit. */
    check(ipart_money_ratio(&per_partner, cap, 1, 3, IPART_ROUND_DOWN), "split");
    print_money("one third, rounded down", per_partner);
    /* Partial compensation: the authority pays 62.5 % of a declared cost. */
    ipart_money declared;
    check(ipart_money_parse(&declared, "3450000", "NOK"), "parse declared cost");
    check(ipart_money_percent(&share, declared, 6250, IPART_ROUND_HALF_EVEN), "share");
    print_money("62.5 % of a declared NOK 3 450 000", share);
    check(ipart_money_sub(&remaining, cap, share), "headroom");
    print_money("cap headroom after that commitment", remaining);

    /* Bad input gets a precise error, never a silent default. */
    ipart_money bad;
    ipart_status rc = ipart_money_parse(&bad, "12 000 000,00", "NOK");
    printf("  parsing \"12 000 000,00\" is refused: %s: %s\n", ipart_error_name(rc),
           ipart_error_last()->message);
    ipart_money usd, sum;
    check(ipart_money_parse(&usd, "1.00", "USD"), "parse USD");
    rc = ipart_money_add(&sum, cap, usd);
    printf("  adding USD to NOK is refused: %s: %s\n", ipart_error_name(rc),
           ipart_error_last()->message);
}

int main(void)
{
    printf("libipart %s - Stavanger kommune, \"Leve HELE LIVET\" (2017)\n\n",
           ipart_version_string());
    deadlines();
    holidays_2017();
    budget();
    return 0;
}

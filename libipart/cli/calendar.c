/*
 * ipart deadline and ipart holidays: the calendar on its own.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int parse_int(long *out, const char *text, long min, long max)
{
    char *end = NULL;
    errno = 0;
    long v = text ? strtol(text, &end, 10) : 0;
    if (!text || !*text || *end || errno || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

static const char *weekday_name(ipart_date d)
{
    static const char *const en[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
    static const char *const nb[] = {"", "mandag", "tirsdag", "onsdag", "torsdag",
                                     "fredag", "lørdag", "søndag"};
    ipart_weekday w = IPART_MONDAY;
    ipart_date_weekday(&w, d);
    return strcmp(cli_lang(), "nb") == 0 ? nb[w] : en[w];
}

static int failed(const char *command, ipart_status rc)
{
    fprintf(stderr, "ipart %s:\n", command);
    cli_print_error(stderr, rc, 0);
    return EXIT_MALFORMED;
}

int cmd_deadline(const cli_options *o)
{
    ipart_date from, nominal, end;
    long days = 0;
    if (!o->profile || !o->from || parse_int(&days, o->days, 0, 100000) != 0 || o->arg_count)
        return cli_usage_error("deadline", "--profile, --from, --days?");
    ipart_status rc = ipart_date_parse(&from, o->from);
    if (rc == IPART_OK)
        rc = ipart_period_end(&end, o->profile, from, (int)days);
    if (rc != IPART_OK)
        return failed("deadline", rc);
    ipart_date_add_days(&nominal, from, days);
    int moved = 0;
    ipart_date_compare(&moved, end, nominal);
    char a[11], b[11];
    if (o->json) {
        printf("{\"profile\":");
        cli_json_string(stdout, o->profile);
        printf(",\"from\":\"%s\",\"days\":%ld,\"end\":\"%s\",\"weekday\":\"%s\","
               "\"moved\":%s}\n", cli_date(a, from), days, cli_date(b, end), weekday_name(end),
               moved ? "true" : "false");
        return EXIT_VALID;
    }
    printf("%s (%s)", cli_date(a, end), weekday_name(end));
    if (moved)
        printf(", %s %s (%s)", L("rolled"), cli_date(b, nominal), weekday_name(nominal));
    printf("\n");
    return EXIT_VALID;
}

int cmd_holidays(const cli_options *o)
{
    long year = 0;
    size_t count = 0;
    if (!o->profile || parse_int(&year, o->year, 0, 9999) != 0 || o->arg_count)
        return cli_usage_error("holidays", "--profile, --year?");
    ipart_status rc = ipart_calendar_holiday_count(&count, o->profile, (int)year);
    if (rc != IPART_OK)
        return failed("holidays", rc);
    if (o->json)
        printf("[");
    for (size_t i = 0; i < count; i++) {
        ipart_holiday h;
        char d[11];
        if (ipart_calendar_holiday_at(&h, o->profile, (int)year, i) != IPART_OK)
            return failed("holidays", ipart_error_last()->code);
        if (!o->json) {
            printf("%s  %-9s  %-28s %s\n", cli_date(d, h.date), weekday_name(h.date),
                   h.name_local, h.name_en);
            continue;
        }
        printf("%s{\"date\":\"%s\",\"id\":", i ? ",\n " : "", cli_date(d, h.date));
        cli_json_string(stdout, h.id);
        printf(",\"name_local\":");
        cli_json_string(stdout, h.name_local);
        printf(",\"name_en\":");
        cli_json_string(stdout, h.name_en);
        printf("}");
    }
    if (o->json)
        printf("]\n");
    return EXIT_VALID;
}

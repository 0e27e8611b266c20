/*
 * ipart check FILE...: load each document, replaying every event through
 * the rules; report the first event refused with its index, rule, legal
 * source, JSON path and message.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The event index a load error's path names ("$.events[12].date"), or -1. */
static long event_index(const char *path)
{
    const char *at = strstr(path, "$.events[");
    return at ? strtol(at + 9, NULL, 10) : -1;
}

static void print_result(const char *path, ipart_status rc, const ipart_partnership *p, int json)
{
    if (json) {
        fputs("{\"file\":", stdout);
        cli_json_string(stdout, path);
        if (rc == IPART_OK) {
            printf(",\"valid\":true,\"events\":%zu,\"stage\":\"%s\"}",
                   ipart_partnership_event_count(p),
                   ipart_stage_name(ipart_partnership_stage(p)));
            return;
        }
        long index = event_index(ipart_error_last()->path);
        printf(",\"valid\":false,\"exit\":%d,\"index\":", cli_exit_for(rc));
        index < 0 ? printf("null,") : printf("%ld,", index);
        cli_print_error(stdout, rc, 1);
        fputs("}", stdout);
        return;
    }
    if (rc == IPART_OK) {
        printf("%s: %s, %zu %s, %s %s\n", path, L("valid"), ipart_partnership_event_count(p),
               L("events"), L("stage"), ipart_stage_name(ipart_partnership_stage(p)));
        return;
    }
    long index = event_index(ipart_error_last()->path);
    printf("%s: ", path);
    if (index >= 0)
        printf("%s %ld ", L("event"), index);
    printf("%s\n", L(cli_exit_for(rc) == EXIT_REFUSED ? "refused" : "malformed"));
    cli_print_error(stdout, rc, 0);
}

static int check_one(const char *path, int json)
{
    char *text = cli_read_file(path);
    if (!text) {
        if (json) {
            fputs("{\"file\":", stdout);
            cli_json_string(stdout, path);
            printf(",\"valid\":false,\"exit\":%d,\"index\":null,\"code\":null,"
                   "\"message\":\"cannot be read\"}", EXIT_MALFORMED);
        }
        return EXIT_MALFORMED;
    }
    ipart_partnership *p = NULL;
    ipart_status rc = ipart_partnership_load(&p, text);
    free(text);
    print_result(path, rc, p, json);
    ipart_partnership_free(p);
    return cli_exit_for(rc);
}

int cmd_check(const cli_options *o)
{
    if (o->arg_count == 0)
        return cli_usage_error("check", "FILE?");
    int worst = EXIT_VALID;
    if (o->json)
        fputs("[", stdout);
    for (size_t i = 0; i < o->arg_count; i++) {
        if (o->json && i > 0)
            fputs(",\n", stdout);
        int rc = check_one(o->args[i], o->json);
        worst = rc > worst ? rc : worst;
    }
    if (o->json)
        fputs("]\n", stdout);
    return worst;
}

/*
 * ipart report FILE --format F [--out OUT]: the partnership's report.
 * One row per format in `formats`; the exports (record, ocds, eforms) get
 * theirs when the library has them.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

/* Each renderer writes the report into *out (owned: ipart_free() or free()
 * as `library_owned` says) and returns an exit code. */
typedef int (*renderer)(char **out, const ipart_partnership *p);

static int timeline_svg(char **out, const ipart_partnership *p)
{
    ipart_status rc = ipart_partnership_timeline_svg(out, p, cli_lang());
    if (rc != IPART_OK)
        cli_print_error(stderr, rc, 0);
    return cli_exit_for(rc);
}

/* Write `print`'s output into a string through a memory stream. */
static int capture(char **out, const ipart_partnership *p,
                   int (*print)(FILE *, const ipart_partnership *, const char *))
{
    size_t length = 0;
    FILE *f = open_memstream(out, &length);
    if (!f)
        return EXIT_IO;
    int rc = print(f, p, NULL);
    if (fclose(f) != 0 && rc == EXIT_VALID)
        rc = EXIT_IO;
    return rc;
}

static void text_ranking_and_warnings(FILE *f, const ipart_partnership *p)
{
    char *json = NULL;
    if (ipart_partnership_ranking_json(&json, p) == IPART_OK) {
        cJSON *ranking = cJSON_Parse(json);
        fprintf(f, "%s:\n", L("ranking"));
        const cJSON *r = NULL;
        cJSON_ArrayForEach(r, ranking) {
            fprintf(f, "  %d. %-10s %s %s\n",
                    cJSON_GetObjectItemCaseSensitive(r, "rank")->valueint,
                    cJSON_GetObjectItemCaseSensitive(r, "tenderer")->valuestring,
                    cJSON_GetObjectItemCaseSensitive(r, "total")->valuestring, L("points"));
        }
        cJSON_Delete(ranking);
    }
    ipart_free(json);
    size_t warnings = ipart_partnership_warning_count(p);
    if (warnings)
        fprintf(f, "%s:\n", L("warnings"));
    for (size_t i = 0; i < warnings; i++) {
        ipart_warning w;
        if (ipart_partnership_warning_at(&w, p, i) == IPART_OK)
            fprintf(f, "  %s %zu %s: %s\n", L("event"), w.event, w.rule, w.message);
    }
}

static int print_text(FILE *f, const ipart_partnership *p, const char *party)
{
    int rc = cli_status_text(f, p, party);
    ipart_threshold_verdict v;
    if (rc == EXIT_VALID && ipart_partnership_threshold(&v, p) == IPART_OK) {
        char *value = cli_money(v.estimated_value), *threshold = cli_money(v.threshold);
        fprintf(f, "%s: %s, %s %s (R3, R30)\n", L("threshold"), value,
                L(v.above ? "above" : "below"), threshold);
        free(value);
        free(threshold);
    }
    if (rc == EXIT_VALID)
        text_ranking_and_warnings(f, p);
    return rc;
}

static int text_report(char **out, const ipart_partnership *p)
{
    return capture(out, p, print_text);
}

static int json_report(char **out, const ipart_partnership *p)
{
    return capture(out, p, cli_status_json);
}

static const struct {
    const char *name;
    renderer render; /* NULL: not available yet */
    int library_owned;
} formats[] = {
    {"text", text_report, 0},
    {"json", json_report, 0},
    {"svg", timeline_svg, 1},
    {"record", NULL, 0},
    {"ocds", NULL, 0},
    {"eforms", NULL, 0},
};

int cmd_report(const cli_options *o)
{
    if (o->arg_count != 1 || !o->format)
        return cli_usage_error("report", "FILE --format?");
    size_t i = 0;
    while (i < sizeof formats / sizeof formats[0] && strcmp(formats[i].name, o->format) != 0)
        i++;
    if (i == sizeof formats / sizeof formats[0])
        return cli_usage_error("report", "%s: %s", L("unknown_format"), o->format);
    if (!formats[i].render) {
        fprintf(stderr, "ipart report: --format %s: %s\n", o->format, L("not_available"));
        return EXIT_MALFORMED;
    }
    int rc = EXIT_VALID;
    ipart_partnership *p = cli_load(o->args[0], &rc);
    if (!p)
        return rc;
    char *text = NULL;
    rc = formats[i].render(&text, p);
    if (rc == EXIT_VALID && cli_emit(o->out, text) != 0)
        rc = EXIT_IO;
    formats[i].library_owned ? ipart_free(text) : free(text);
    ipart_partnership_free(p);
    return rc;
}

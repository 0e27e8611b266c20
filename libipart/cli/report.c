/*
 * ipart report FILE --format F [--out OUT]: the partnership's report.
 * One row per format in `formats`: the status reports (text, json, svg)
 * and the library's exports (record, ocds, eforms: include/ipart/exports.h),
 * each export as the party of --as sees it (the authority by default).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

/* What a renderer needs besides the partnership. */
typedef struct request {
    const cli_options *o;
    const char *party;    /* --as, or the authority's id */
    const char *settings; /* the text of --settings (eforms), or NULL */
} request;

/* Each renderer writes the report into *out (owned: ipart_free() or free()
 * as `library_owned` says) and returns an exit code. */
typedef int (*renderer)(char **out, const ipart_partnership *p, const request *r);

/* The exit code of a library call, its error printed when it failed. */
static int library(ipart_status rc)
{
    if (rc != IPART_OK)
        cli_print_error(stderr, rc, 0);
    return cli_exit_for(rc);
}

static int timeline_svg(char **out, const ipart_partnership *p, const request *r)
{
    (void)r;
    return library(ipart_partnership_timeline_svg(out, p, cli_lang()));
}

/* The procurement record (R41): text, or JSON with --json. */
static int record(char **out, const ipart_partnership *p, const request *r)
{
    return library(r->o->json ? ipart_partnership_record_json(out, p, r->party, cli_lang())
                              : ipart_partnership_record_text(out, p, r->party, cli_lang()));
}

static int ocds(char **out, const ipart_partnership *p, const request *r)
{
    return library(ipart_partnership_ocds_json(out, p, r->o->ocid, r->party, cli_lang()));
}

/* The eForms notice as XML, or its map of BT values with --map. */
static int eforms(char **out, const ipart_partnership *p, const request *r)
{
    const char *subtype = r->o->subtype;
    return library(r->o->map
                       ? ipart_partnership_eforms_map_json(out, p, subtype, r->party, r->settings)
                       : ipart_partnership_eforms_xml(out, p, subtype, r->party, r->settings));
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
            fprintf(f, "  %s %zu %s: %s\n", L("event"), w.event, w.rule,
                    strcmp(ipart_message_language(cli_lang()), "nb") == 0 ? w.message_nb
                                                                          : w.message);
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

static int text_report(char **out, const ipart_partnership *p, const request *r)
{
    (void)r;
    return capture(out, p, print_text);
}

static int json_report(char **out, const ipart_partnership *p, const request *r)
{
    (void)r;
    return capture(out, p, cli_status_json);
}

typedef struct format {
    const char *name;
    renderer render;
    int library_owned;
    const char *takes; /* the options it takes beyond --out, as "|--as|--map|" */
    const char *needs; /* those it cannot do without */
} format;

static const format formats[] = {
    {"text", text_report, 0, "|", "|"},
    {"json", json_report, 0, "|", "|"},
    {"svg", timeline_svg, 1, "|", "|"},
    {"record", record, 1, "|--as|--json|", "|"},
    {"ocds", ocds, 1, "|--as|--ocid|", "|--ocid|"},
    {"eforms", eforms, 1, "|--as|--subtype|--settings|--map|", "|--subtype|--settings|"},
};
#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

static const format *find_format(const char *name)
{
    for (size_t i = 0; i < FORMAT_COUNT; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

/* A usage error when an option is given that the format does not take, or
 * one it needs is missing. */
static int check_options(const format *f, const cli_options *o)
{
    const struct { const char *name; int given; } options[] = {
        {"--as", o->as != NULL},           {"--json", o->json},
        {"--ocid", o->ocid != NULL},       {"--subtype", o->subtype != NULL},
        {"--settings", o->settings != NULL}, {"--map", o->map},
    };
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        if (options[i].given && !cli_listed(f->takes, options[i].name))
            return cli_usage_error("report", "--format %s: %s: %s", f->name, L("not_taken"),
                                   options[i].name);
        if (!options[i].given && cli_listed(f->needs, options[i].name))
            return cli_usage_error("report", "--format %s: %s: %s", f->name, L("needed"),
                                   options[i].name);
    }
    return EXIT_VALID;
}

/* The party the export is for: --as (which must be a party of the
 * partnership), or else the contracting authority, who sees everything. */
static int choose_party(const char **party, const ipart_partnership *p, const char *as)
{
    ipart_party who;
    if (as) {
        if (ipart_partnership_party_get(&who, p, as) != IPART_OK) {
            fprintf(stderr, "ipart report: %s: %s\n", L("unknown_party"), as);
            return EXIT_MALFORMED;
        }
        *party = as;
        return EXIT_VALID;
    }
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        if (ipart_partnership_party_at(&who, p, i) == IPART_OK &&
            who.role == IPART_ROLE_AUTHORITY) {
            *party = who.id;
            return EXIT_VALID;
        }
    }
    fprintf(stderr, "ipart report: %s\n", L("no_authority"));
    return EXIT_REFUSED;
}

/* Render the format for the party into --out or standard output. */
static int render(const format *f, const ipart_partnership *p, request *r)
{
    int rc = cli_listed(f->takes, "--as") ? choose_party(&r->party, p, r->o->as) : EXIT_VALID;
    char *text = NULL;
    if (rc == EXIT_VALID)
        rc = f->render(&text, p, r);
    if (rc == EXIT_VALID && cli_emit(r->o->out, text) != 0)
        rc = EXIT_IO;
    f->library_owned ? ipart_free(text) : free(text);
    return rc;
}

int cmd_report(const cli_options *o)
{
    if (o->arg_count != 1 || !o->format)
        return cli_usage_error("report", "FILE --format?");
    const format *f = find_format(o->format);
    if (!f)
        return cli_usage_error("report", "%s: %s", L("unknown_format"), o->format);
    int rc = check_options(f, o);
    if (rc != EXIT_VALID)
        return rc;
    char *settings = o->settings ? cli_read_file(o->settings) : NULL;
    if (o->settings && !settings)
        return EXIT_MALFORMED;
    request r = {o, NULL, settings};
    ipart_partnership *p = cli_load(o->args[0], &rc);
    if (p)
        rc = render(f, p, &r);
    ipart_partnership_free(p);
    free(settings);
    return rc;
}

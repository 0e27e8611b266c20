/*
 * ipart - check, apply to, report on innovation-partnership documents
 * (doc/ipart.1). The subcommands and their options.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(const cli_options *o);
    const char *synopsis;
    const char *options; /* the value options it takes, as "|--as|--format|" */
} command;

static const command commands[] = {
    {"check", cmd_check, "ipart check [--json] FILE...", "|"},
    {"apply", cmd_apply, "ipart apply [--json] FILE EVENTS.json|-", "|"},
    {"status", cmd_status, "ipart status [--json] FILE [--as PARTY]", "|--as|"},
    {"report", cmd_report,
     "ipart report FILE --format text|json|svg|record|ocds|eforms [--out OUT]\n"
     "    [--as PARTY] [--json] [--ocid ID] [--subtype 16|29|38|E1 --settings FILE [--map]]",
     "|--format|--out|--as|--ocid|--subtype|--settings|--map|"},
    {"deadline", cmd_deadline, "ipart deadline [--json] --profile NO --from DATE --days N",
     "|--profile|--from|--days|"},
    {"holidays", cmd_holidays, "ipart holidays [--json] --profile SE --year YEAR",
     "|--profile|--year|"},
    {"demo", cmd_demo, "ipart demo [--out DIR]", "|--out|"},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void print_overview(FILE *f)
{
    fprintf(f, "%s\n\n", L("help_ipart"));
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        char key[32];
        snprintf(key, sizeof key, "help_%s", commands[i].name);
        fprintf(f, "  %-58s %s\n", commands[i].synopsis, L(key));
    }
    fprintf(f, "\n%s\n", L("help_common"));
}

static void print_help(const command *c)
{
    char key[32];
    snprintf(key, sizeof key, "help_%s", c->name);
    printf("%s: %s\n\n  %s\n\n", L("usage"), L(key), c->synopsis);
    snprintf(key, sizeof key, "details_%s", c->name);
    if (strcmp(L(key), key) != 0) /* the command has more to say */
        printf("%s\n", L(key));
    printf("%s\n", L("help_common"));
}

int cli_usage_error(const char *command_name, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "ipart %s: ", command_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    const command *c = find_command(command_name);
    fprintf(stderr, "\n%s: %s\n", L("usage"), c ? c->synopsis : "ipart COMMAND ... (ipart --help)");
    return EXIT_MALFORMED;
}

/* The value option `name` of a command, or NULL when it takes none such. */
static const char **option_slot(cli_options *o, const command *c, const char *name)
{
    static const struct { const char *name; size_t offset; } slots[] = {
        {"--as", offsetof(cli_options, as)},         {"--format", offsetof(cli_options, format)},
        {"--profile", offsetof(cli_options, profile)}, {"--from", offsetof(cli_options, from)},
        {"--days", offsetof(cli_options, days)},     {"--year", offsetof(cli_options, year)},
        {"--out", offsetof(cli_options, out)},       {"--ocid", offsetof(cli_options, ocid)},
        {"--subtype", offsetof(cli_options, subtype)}, {"--settings", offsetof(cli_options, settings)},
    };
    if (!cli_listed(c->options, name))
        return NULL;
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
        if (strcmp(slots[i].name, name) == 0)
            return (const char **)((char *)o + slots[i].offset);
    return NULL;
}

/* Options may come anywhere after the command; "--lang X" anywhere at all. */
static int parse(cli_options *o, const command *c, int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = 1;
        } else if (strcmp(a, "--map") == 0 && cli_listed(c->options, "--map")) {
            o->map = 1;
        } else if (strcmp(a, "--lang") == 0) {
            i++; /* taken by main() */
        } else if (a[0] == '-' && a[1] == '-') {
            const char **slot = option_slot(o, c, a);
            if (!slot)
                return cli_usage_error(c->name, "%s: %s", L("unknown_option"), a);
            if (i + 1 >= argc)
                return cli_usage_error(c->name, "%s: %s", L("missing_value"), a);
            *slot = argv[++i];
        } else if (o->arg_count < sizeof o->args / sizeof o->args[0]) {
            o->args[o->arg_count++] = a;
        } else {
            return cli_usage_error(c->name, "%s", L("too_many_operands"));
        }
    }
    return EXIT_VALID;
}

/* --lang X wherever it is; the environment's language is not consulted, so
 * a script's output does not depend on where it runs. */
static int choose_language(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") != 0)
            continue;
        if (i + 1 >= argc || cli_set_lang(argv[i + 1]) != 0) {
            fprintf(stderr, "ipart: --lang nb|en\n");
            return EXIT_MALFORMED;
        }
    }
    return EXIT_VALID;
}

int main(int argc, char **argv)
{
    /* A file-size limit must fail the write (and leave the original), not kill us. */
    signal(SIGXFSZ, SIG_IGN);
    if (choose_language(argc, argv) != EXIT_VALID)
        return EXIT_MALFORMED;
    int first = 1;
    while (first < argc && strcmp(argv[first], "--lang") == 0)
        first += 2;
    if (first >= argc || strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
        print_overview(first >= argc ? stderr : stdout);
        return first >= argc ? EXIT_MALFORMED : EXIT_VALID;
    }
    if (strcmp(argv[first], "--version") == 0) {
        printf("ipart (libipart) %s\n", ipart_version_string());
        return EXIT_VALID;
    }
    const command *c = find_command(argv[first]);
    if (!c) {
        fprintf(stderr, "ipart: %s: %s\n", L("unknown_command"), argv[first]);
        print_overview(stderr);
        return EXIT_MALFORMED;
    }
    cli_options o = {0};
    int rc = parse(&o, c, argc - first - 1, argv + first + 1);
    if (rc != EXIT_VALID)
        return rc;
    if (o.help) {
        print_help(c);
        return EXIT_VALID;
    }
    return c->run(&o);
}

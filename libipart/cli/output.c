/*
 * Printing for the `ipart` command: errors with their rule, JSON strings,
 * money and dates in the chosen language.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(f, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", f);
        else if (*c < 0x20)
            fprintf(f, "\\u%04x", *c);
        else
            fputc(*c, f);
    }
    fputc('"', f);
}

int cli_exit_for(ipart_status rc)
{
    switch (rc) {
    case IPART_OK:
        return EXIT_VALID;
    case IPART_EPARSE:
    case IPART_EINVAL:
    case IPART_EVERSION:
    case IPART_ERANGE:
    case IPART_EMISUSE:
        return EXIT_MALFORMED;
    case IPART_ENOMEM:
    case IPART_EINTERNAL:
        return EXIT_IO;
    default: /* ERULE, EPERM, ESTATE, ENOTFOUND, EEXISTS, ECURRENCY, EOVERFLOW */
        return EXIT_REFUSED;
    }
}

void cli_print_error(FILE *f, ipart_status rc, int json)
{
    const ipart_error *e = ipart_error_last();
    if (json) {
        fputs("\"code\":", f);
        cli_json_string(f, ipart_error_name(rc));
        fputs(",\"rule\":", f);
        cli_json_string(f, e->rule);
        fputs(",\"source\":", f);
        cli_json_string(f, e->source);
        fputs(",\"path\":", f);
        cli_json_string(f, e->path);
        fputs(",\"message\":", f);
        cli_json_string(f, ipart_error_message_in(cli_lang()));
        return;
    }
    fprintf(f, "  %s", ipart_error_name(rc));
    if (e->rule[0])
        fprintf(f, "  %s %s%s%s%s", L("rule"), e->rule, e->source[0] ? " (" : "", e->source,
                e->source[0] ? ")" : "");
    if (e->path[0])
        fprintf(f, "\n  %s %s", L("path"), e->path);
    fprintf(f, "\n  %s\n", ipart_error_message_in(cli_lang()));
}

char *cli_money(ipart_money m)
{
    char *text = NULL;
    if (ipart_money_format_display(&text, m, cli_lang()) != IPART_OK)
        return strdup("?");
    char *copy = strdup(text);
    ipart_free(text);
    return copy ? copy : strdup("?");
}

const char *cli_date(char buf[11], ipart_date d)
{
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
             (unsigned)d.day % 100u);
    return buf;
}

int cli_listed(const char *list, const char *option)
{
    char bar[32];
    if ((size_t)snprintf(bar, sizeof bar, "|%s|", option) >= sizeof bar)
        return 0;
    return strstr(list, bar) != NULL;
}

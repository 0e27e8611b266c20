/*
 * ipart apply FILE EVENTS: apply one event, a JSON array of events, or a
 * stream of them (one after the other, e.g. one per line) to the document,
 * all or nothing: the first event refused stops it and the file is left as
 * it was; otherwise the document is saved atomically.
 *
 * The events are handed to the library as the user wrote them: this file
 * only finds where each begins and ends.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* The end of the JSON value starting at s: after its closing bracket for
 * an object or array, else at the next separator. Strings are skipped
 * whole. Unbalanced text ends at its end (the library then says why). */
static const char *value_end(const char *s)
{
    int depth = 0;
    for (; *s; s++) {
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++)
                if (*s == '\\' && s[1])
                    s++;
            if (!*s)
                return s;
        } else if (*s == '{' || *s == '[') {
            depth++;
        } else if (*s == '}' || *s == ']') {
            if (depth == 0)
                return s; /* the end of an enclosing array */
            if (--depth == 0)
                return s + 1;
        } else if (depth == 0 && (*s == ',' || *s == ' ' || *s == '\n' || *s == '\t' ||
                                  *s == '\r')) {
            return s;
        }
    }
    return s;
}

typedef struct events {
    char **items;
    size_t count, capacity;
} events;

static int push(events *ev, const char *start, const char *end)
{
    if (ev->count == ev->capacity) {
        size_t capacity = ev->capacity ? ev->capacity * 2 : 16;
        char **bigger = realloc(ev->items, capacity * sizeof *bigger);
        if (!bigger)
            return -1;
        ev->items = bigger;
        ev->capacity = capacity;
    }
    char *copy = malloc((size_t)(end - start) + 1);
    if (!copy)
        return -1;
    memcpy(copy, start, (size_t)(end - start));
    copy[end - start] = '\0';
    ev->items[ev->count++] = copy;
    return 0;
}

static void free_events(events *ev)
{
    for (size_t i = 0; i < ev->count; i++)
        free(ev->items[i]);
    free(ev->items);
}

/* Split the text into events: the elements of one top-level array, or the
 * values one after the other. @return 0, or -1 when it is not so shaped. */
static int split(events *ev, const char *text)
{
    const char *s = skip_space(text);
    int array = *s == '[';
    if (array)
        s = skip_space(s + 1);
    while (*s && !(array && *s == ']')) {
        const char *end = value_end(s);
        if (end == s || push(ev, s, end) != 0)
            return -1;
        s = skip_space(end);
        if (array && *s == ',')
            s = skip_space(s + 1);
    }
    if (array && *s != ']')
        return -1;
    return *skip_space(array ? s + 1 : s) ? -1 : 0;
}

static int report_refusal(const char *file, size_t index, ipart_status rc, int json)
{
    if (json) {
        fputs("{\"file\":", stdout);
        cli_json_string(stdout, file);
        printf(",\"applied\":0,\"exit\":%d,\"index\":%zu,", cli_exit_for(rc), index);
        cli_print_error(stdout, rc, 1);
        fputs("}\n", stdout);
    } else {
        printf("%s: %s %zu %s; %s\n", file, L("event"), index,
               L(cli_exit_for(rc) == EXIT_REFUSED ? "refused" : "malformed"), L("unchanged"));
        cli_print_error(stdout, rc, 0);
    }
    return cli_exit_for(rc);
}

/* The events' text is not one event, an array or a stream of them. */
static int report_unsplittable(const char *file, const char *events_path, int json)
{
    fprintf(stderr, "ipart apply: %s: %s; %s %s\n", events_path, L("malformed"), file,
            L("unchanged"));
    if (json) {
        fputs("{\"file\":", stdout);
        cli_json_string(stdout, file);
        printf(",\"applied\":0,\"exit\":%d,\"index\":null,\"code\":\"IPART_EPARSE\","
               "\"message\":\"not a JSON event, array or stream of events\"}\n",
               EXIT_MALFORMED);
    }
    return EXIT_MALFORMED;
}

/* Apply every event to p; the first refusal is reported and returned. */
static int apply_all(ipart_partnership *p, const events *ev, const char *file, int json)
{
    for (size_t i = 0; i < ev->count; i++) {
        ipart_status rc = ipart_partnership_apply(p, ev->items[i]);
        if (rc != IPART_OK)
            return report_refusal(file, i, rc, json);
    }
    return EXIT_VALID;
}

static int save(const ipart_partnership *p, const char *file, size_t applied, int json)
{
    char *document = NULL;
    if (ipart_partnership_save(&document, p) != IPART_OK)
        return EXIT_IO;
    int failed = cli_write_atomic(file, document, strlen(document));
    ipart_free(document);
    if (failed)
        return EXIT_IO;
    const char *stage = ipart_stage_name(ipart_partnership_stage(p));
    if (json) {
        fputs("{\"file\":", stdout);
        cli_json_string(stdout, file);
        printf(",\"applied\":%zu,\"events\":%zu,\"stage\":\"%s\"}\n", applied,
               ipart_partnership_event_count(p), stage);
    } else {
        printf("%s: %s %zu, %s (%zu %s, %s %s)\n", file, L("applied"), applied, L("saved"),
               ipart_partnership_event_count(p), L("events"), L("stage"), stage);
    }
    return EXIT_VALID;
}

int cmd_apply(const cli_options *o)
{
    if (o->arg_count != 2)
        return cli_usage_error("apply", "FILE EVENTS.json|-");
    int rc = EXIT_VALID;
    ipart_partnership *p = cli_load(o->args[0], &rc);
    if (!p)
        return rc;
    char *text = cli_read_file(o->args[1]);
    events ev = {NULL, 0, 0};
    if (!text) {
        rc = EXIT_MALFORMED;
    } else if (split(&ev, text) != 0 || ev.count == 0) {
        rc = report_unsplittable(o->args[0], o->args[1], o->json);
    } else {
        rc = apply_all(p, &ev, o->args[0], o->json);
        if (rc == EXIT_VALID)
            rc = save(p, o->args[0], ev.count, o->json);
    }
    free_events(&ev);
    free(text);
    ipart_partnership_free(p);
    return rc;
}

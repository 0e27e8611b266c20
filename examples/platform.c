/*
 * A platform's use of libipart (doc/guide-c.md): one stored document per
 * case; each user action loads the case, applies one event and stores the
 * result only when the event was accepted; a refusal reports the rule and
 * leaves the stored bytes as they were. Two cases are handled on two
 * threads at once.
 *
 *     platform [examples/stavanger-procedure.json]
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <ipart/ipart.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The platform's store: here one document in memory per case. */
typedef struct stored_case {
    const char *id;
    char *document;   /* canonical JSON, owned by the store (ipart_free) */
} stored_case;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    long size = -1;
    char *text = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (text = malloc((size_t)size + 1)) != NULL) {
        if (fread(text, 1, (size_t)size, f) == (size_t)size)
            text[size] = '\0';
        else {
            free(text);
            text = NULL;
        }
    }
    if (f)
        fclose(f);
    return text;
}

/* Print this thread's error detail after a failed call. */
static void report(const char *case_id, const char *what)
{
    const ipart_error *e = ipart_error_last();
    printf("[%s] %s refused: %s rule %s at %s (%s)\n    %s\n", case_id, what,
           ipart_error_name(e->code), e->rule[0] ? e->rule : "-", e->path[0] ? e->path : "-",
           e->key, e->message);
}

/* One user action: load, apply, save; the store changes only on success. */
static ipart_status handle_action(stored_case *c, const char *what, const char *event_json)
{
    ipart_partnership *p = NULL;
    char *saved = NULL;
    ipart_status rc = ipart_partnership_load(&p, c->document);
    if (rc == IPART_OK)
        rc = ipart_partnership_apply(p, event_json);
    if (rc == IPART_OK)
        rc = ipart_partnership_save(&saved, p);
    if (rc == IPART_OK) {
        ipart_free(c->document);
        c->document = saved;
        printf("[%s] %s: accepted, %zu events stored\n", c->id, what,
               ipart_partnership_event_count(p));
    } else {
        report(c->id, what);
    }
    ipart_partnership_free(p);
    return rc;
}

/* What the platform shows on the case page: stage and the next deadline. */
static void show(const stored_case *c)
{
    ipart_partnership *p = NULL;
    ipart_due due;
    char *day = NULL;
    if (ipart_partnership_load(&p, c->document) != IPART_OK) {
        report(c->id, "load");
        return;
    }
    printf("[%s] stage %s, %zu events", c->id, ipart_stage_name(ipart_partnership_stage(p)),
           ipart_partnership_event_count(p));
    if (ipart_partnership_next_due(&due, p) == IPART_OK && ipart_date_format(&day, due.date) == IPART_OK)
        printf(", next due: %s on %s (%s)", due.kind, day, due.event_type);
    printf("\n");
    ipart_free(day);
    ipart_partnership_free(p);
}

/* A worker: its own partnership objects and its own error detail. */
typedef struct job {
    stored_case *c;
    const char *what;
    const char *event;
    ipart_status rc;
    char rule[8];
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    ipart_partnership *p = NULL;
    j->rc = ipart_partnership_load(&p, j->c->document);
    if (j->rc == IPART_OK)
        j->rc = ipart_partnership_apply(p, j->event);
    snprintf(j->rule, sizeof j->rule, "%s", j->rc == IPART_OK ? "-" : ipart_error_last()->rule);
    ipart_partnership_free(p);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/stavanger-procedure.json";
    char *text = read_file(path);
    ipart_partnership *p = NULL;
    if (!text || ipart_partnership_load(&p, text) != IPART_OK) {
        fprintf(stderr, "cannot load %s\n", path);
        free(text);
        return 1;
    }
    free(text);
    /* Store the canonical form: load(save(p)) saves to the same bytes. */
    stored_case stavanger = {"stavanger-2017", NULL};
    if (ipart_partnership_save(&stavanger.document, p) != IPART_OK)
        return 1;
    ipart_partnership_free(p);
    show(&stavanger);

    size_t size = strlen(stavanger.document) + 1;
    char *before = malloc(size);
    if (!before)
        return 1;
    memcpy(before, stavanger.document, size);
    handle_action(&stavanger, "NAV exercises the option",
                  "{\"type\":\"option_exercised\",\"date\":\"2019-12-02\",\"actor\":\"nav\","
                  "\"partner\":\"op05\",\"quantity\":5,\"unit_price\":\"240000.00\"}");
    handle_action(&stavanger, "op05 completes the partnership",
                  "{\"type\":\"partnership_completed\",\"date\":\"2019-12-03\",\"actor\":\"op05\"}");
    handle_action(&stavanger, "a note with a bad date",
                  "{\"type\":\"note_recorded\",\"date\":\"2019-12-32\",\"actor\":\"stavanger\","
                  "\"text\":\"typo\"}");
    printf("[%s] stored bytes unchanged by the refusals: %s\n", stavanger.id,
           strcmp(stavanger.document, before) == 0 ? "yes" : "no");
    free(before);
    handle_action(&stavanger, "Stavanger records a note",
                  "{\"type\":\"note_recorded\",\"date\":\"2019-12-03\",\"actor\":\"stavanger\","
                  "\"text\":\"Leveranseplan mottatt.\"}");
    show(&stavanger);

    /* Two threads, each with its own objects; the error detail is per thread. */
    job jobs[2] = {
        {&stavanger, "over the maximum cost",
         "{\"type\":\"option_exercised\",\"date\":\"2019-12-04\",\"actor\":\"stavanger\","
         "\"partner\":\"op05\",\"quantity\":1,\"unit_price\":\"250000.01\"}", IPART_OK, ""},
        {&stavanger, "a note",
         "{\"type\":\"note_recorded\",\"date\":\"2019-12-04\",\"actor\":\"stavanger\","
         "\"text\":\"ok\"}", IPART_OK, ""},
    };
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        if (pthread_create(&threads[i], NULL, run_job, &jobs[i]) != 0)
            return 1;
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        printf("thread %d (%s): %s, rule %s\n", i, jobs[i].what, ipart_error_name(jobs[i].rc),
               jobs[i].rule);
    }
    ipart_free(stavanger.document);
    return 0;
}

/*
 * The typed apply entry point (include/ipart/event.h) against apply from
 * JSON text, on the generated benchmark events (bench_generate.c): the
 * Stavanger case's preparation, then participation requests of fresh
 * operators and their qualification. Target (issue #18, ARCHITECTURE.md
 * §8): at least 2 M events/s applied with the event typed in memory.
 *
 * Three ways to apply the same N events to copies of the same prepared
 * case, alternating in one process:
 *   built   - the events built beforehand (one ipart_event each), then
 *             applied: the event typed in memory (the target's measure)
 *   reused  - one ipart_event reset, filled by its setters and applied per
 *             event: a host converting its own records as it goes
 *   text    - ipart_partnership_apply() of each event's JSON text
 * Every run checks that the three cases save the same bytes. Rates are per
 * second of this thread's CPU time (the machine is shared: the wall clock
 * would count waiting for a core).
 *
 * Usage: bench_typed [--side built|reused|text] [--quick | --once N]
 *                    <examples/stavanger-procedure.json>
 * --quick runs each way once on 1 000 events (CTest: bench.typed_quick);
 * --once applies N events once each way, for callgrind
 * (--toggle-collect=apply_built, build_and_apply, apply_texts).
 * --side runs only that way, so that the other two do not evict its data
 * from the caches between its runs (interleaved, the three sides share the
 * caches: the built side, which reads the most memory the host filled
 * beforehand, loses the most). Its saved document is compared, after the
 * timed runs, with one from the text (built, reused). Without --side the
 * three alternate.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <ipart/ipart.h>
#include "bench_generate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU seconds of this thread: on a machine shared by several jobs the wall
 * clock counts the time spent waiting for a core too. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The host's own record of an event: what a platform holds in memory. */
typedef struct record {
    int assessment; /* 0: participation_requested, 1: candidate_assessed */
    char operator_id[16];
    char name[48];
} record;

static const ipart_date REQUESTED = {2017, 9, 20}, ASSESSED = {2017, 10, 20};
static const char REASON[] = "Oppfyller alle utvelgelseskriterier; FoU-kapasitet er dokumentert.";

/* The generator's events (bench_generate.c) as records: `n` of them. */
static record *records(size_t n)
{
    record *r = calloc(n ? n : 1, sizeof *r);
    size_t requests = (n + 1) / 2;
    for (size_t i = 0; i < n; i++) {
        size_t op = i < requests ? i : i - requests;
        r[i].assessment = i >= requests;
        snprintf(r[i].operator_id, sizeof r[i].operator_id, "g%zu", op);
        snprintf(r[i].name, sizeof r[i].name, "Leverandør %zu AS", op);
    }
    return r;
}

/* Fill `ev` (reset to the record's type) from the record. */
static void fill(ipart_event *ev, const record *r, const char *authority)
{
    if (r->assessment) {
        bench_check(ipart_event_reset(ev, "candidate_assessed"), "reset");
        bench_check(ipart_event_set_date(ev, "date", ASSESSED), "date");
        bench_check(ipart_event_set_string(ev, "actor", authority), "actor");
        bench_check(ipart_event_set_string(ev, "candidate", r->operator_id), "candidate");
        bench_check(ipart_event_set_bool(ev, "qualified", 1), "qualified");
        bench_check(ipart_event_set_string(ev, "reason", REASON), "reason");
    } else {
        bench_check(ipart_event_reset(ev, "participation_requested"), "reset");
        bench_check(ipart_event_set_date(ev, "date", REQUESTED), "date");
        bench_check(ipart_event_set_string(ev, "actor", r->operator_id), "actor");
        bench_check(ipart_event_set_string(ev, "operator.id", r->operator_id), "operator.id");
        bench_check(ipart_event_set_string(ev, "operator.name", r->name), "operator.name");
    }
}

/* The JSON text of a record, as bench_generate() writes it. */
static char *text_of(const record *r, const char *authority)
{
    char text[512];
    if (r->assessment)
        snprintf(text, sizeof text,
                 "{\"type\":\"candidate_assessed\",\"date\":\"2017-10-20\",\"actor\":\"%s\","
                 "\"candidate\":\"%s\",\"qualified\":true,\"reason\":\"%s\"}",
                 authority, r->operator_id, REASON);
    else
        snprintf(text, sizeof text,
                 "{\"type\":\"participation_requested\",\"date\":\"2017-09-20\","
                 "\"actor\":\"%s\",\"operator\":{\"id\":\"%s\",\"name\":\"%s\"}}",
                 r->operator_id, r->operator_id, r->name);
    return strdup(text);
}

__attribute__((noinline)) static double apply_built(ipart_partnership *p, ipart_event **built,
                                                    size_t n)
{
    double t0 = now();
    for (size_t i = 0; i < n; i++)
        bench_check(ipart_partnership_apply_event(p, built[i]), "apply_event");
    return now() - t0;
}

__attribute__((noinline)) static double build_and_apply(ipart_partnership *p, const record *r,
                                                        size_t n, const char *authority)
{
    ipart_event *ev = NULL;
    bench_check(ipart_event_new(&ev, "note_recorded"), "event_new");
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        fill(ev, &r[i], authority);
        bench_check(ipart_partnership_apply_event(p, ev), "apply_event");
    }
    double t = now() - t0;
    ipart_event_free(ev);
    return t;
}

__attribute__((noinline)) static double apply_texts(ipart_partnership *p, char **texts, size_t n)
{
    double t0 = now();
    for (size_t i = 0; i < n; i++)
        bench_check(ipart_partnership_apply(p, texts[i]), "apply");
    return now() - t0;
}

/* The case prepared up to the generator's own events. */
static ipart_partnership *prepared(const ipart_partnership *model)
{
    ipart_partnership *p = NULL;
    bench_check(ipart_partnership_new(&p, ipart_partnership_profile(model)), "new");
    for (size_t i = 0; i < bench_generate_prefix(model); i++) {
        char *text = NULL;
        bench_check(ipart_partnership_event_at(&text, model, i), "event_at");
        bench_check(ipart_partnership_apply(p, text), "apply prefix");
        ipart_free(text);
    }
    return p;
}

static char *saved(ipart_partnership *p)
{
    char *text = NULL;
    bench_check(ipart_partnership_save(&text, p), "save");
    ipart_partnership_free(p);
    return text;
}

/* The way(s) to apply: all three alternating, or one alone. */
typedef enum side { SIDE_ALL, SIDE_BUILT, SIDE_REUSED, SIDE_TEXT } side;

static const char *const SIDE_NAMES[] = {"all", "built", "reused", "text"};

/* The document the text side saves after the n events (untimed). */
static char *text_reference(const ipart_partnership *base, char **texts, size_t n)
{
    ipart_partnership *c = NULL;
    bench_check(ipart_partnership_clone(&c, base), "clone");
    apply_texts(c, texts, n);
    return saved(c);
}

/* One way alone, `reps` times on clones of `base`: its CPU seconds; its
 * last saved document must be the text side's. */
static double run_side(side which, const ipart_partnership *base, ipart_event **built,
                       const record *r, char **texts, size_t n, int reps, const char *authority)
{
    double t = 0;
    char *last = NULL;
    for (int rep = 0; rep < reps; rep++) {
        ipart_partnership *a = NULL;
        bench_check(ipart_partnership_clone(&a, base), "clone");
        t += which == SIDE_BUILT    ? apply_built(a, built, n)
             : which == SIDE_REUSED ? build_and_apply(a, r, n, authority)
                                    : apply_texts(a, texts, n);
        ipart_free(last);
        last = saved(a);
    }
    /* The text side is the reference itself (and callgrind's toggle on
     * apply_texts counts only its timed runs). */
    char *want = which == SIDE_TEXT ? NULL : text_reference(base, texts, n);
    if (want && strcmp(last, want) != 0) {
        fprintf(stderr, "the %s side saved another document than the text\n", SIDE_NAMES[which]);
        exit(1);
    }
    ipart_free(last);
    ipart_free(want);
    return t;
}

/* The three ways alternating, `reps` times: their CPU seconds. */
static void run_all(double t[3], const ipart_partnership *base, ipart_event **built,
                    const record *r, char **texts, size_t n, int reps, const char *authority)
{
    for (int rep = 0; rep < reps; rep++) {
        ipart_partnership *a = NULL, *b = NULL, *c = NULL;
        bench_check(ipart_partnership_clone(&a, base), "clone");
        bench_check(ipart_partnership_clone(&b, base), "clone");
        bench_check(ipart_partnership_clone(&c, base), "clone");
        t[0] += apply_built(a, built, n);
        t[1] += build_and_apply(b, r, n, authority);
        t[2] += apply_texts(c, texts, n);
        char *sa = saved(a), *sb = saved(b), *sc = saved(c);
        if (strcmp(sa, sc) != 0 || strcmp(sb, sc) != 0) {
            fprintf(stderr, "typed and text applies saved different documents\n");
            exit(1);
        }
        ipart_free(sa);
        ipart_free(sb);
        ipart_free(sc);
    }
}

static void run(const ipart_partnership *model, size_t n, int reps, side which)
{
    ipart_partnership *base = prepared(model);
    ipart_party authority_party;
    bench_check(ipart_partnership_party_at(&authority_party, base, 0), "party_at");
    char authority[128];
    snprintf(authority, sizeof authority, "%s", authority_party.id);
    record *r = records(n);
    /* The builders only where the built side runs, so that a side alone
     * has only its own data in memory. */
    int builds = which == SIDE_ALL || which == SIDE_BUILT;
    ipart_event **built = calloc(n ? n : 1, sizeof *built);
    char **texts = malloc(n * sizeof *texts);
    for (size_t i = 0; i < n; i++) {
        if (builds) {
            bench_check(ipart_event_new(&built[i], "note_recorded"), "event_new");
            fill(built[i], &r[i], authority);
        }
        texts[i] = text_of(&r[i], authority);
    }
    double total = (double)n * reps;
    printf("typed apply, %zu generated events x %d runs%s%s:\n", n, reps,
           which == SIDE_ALL ? "" : ", side alone: ", which == SIDE_ALL ? "" : SIDE_NAMES[which]);
    if (which == SIDE_ALL) {
        double t[3] = {0, 0, 0};
        run_all(t, base, built, r, texts, n, reps, authority);
        printf("  built beforehand, applied   %10.0f events/s\n", total / t[0]);
        printf("  reset + setters + apply     %10.0f events/s\n", total / t[1]);
        printf("  from JSON text              %10.0f events/s (built is %.2fx, reused %.2fx)\n",
               total / t[2], t[2] / t[0], t[2] / t[1]);
    } else {
        double t = run_side(which, base, built, r, texts, n, reps, authority);
        printf("  %-27s %10.0f events/s\n",
               which == SIDE_BUILT    ? "built beforehand, applied"
               : which == SIDE_REUSED ? "reset + setters + apply"
                                      : "from JSON text",
               total / t);
    }
    for (size_t i = 0; i < n; i++) {
        ipart_event_free(built[i]);
        free(texts[i]);
    }
    free(built);
    free(texts);
    free(r);
    ipart_partnership_free(base);
}

/* The side named by `name`, or -1. */
static int side_of(const char *name)
{
    for (int s = SIDE_BUILT; s <= SIDE_TEXT; s++)
        if (strcmp(name, SIDE_NAMES[s]) == 0)
            return s;
    return -1;
}

int main(int argc, char **argv)
{
    int arg = 1, which = SIDE_ALL;
    if (argc > arg + 1 && strcmp(argv[arg], "--side") == 0) {
        which = side_of(argv[arg + 1]);
        arg += 2;
    }
    int once = argc - arg == 3 && strcmp(argv[arg], "--once") == 0;
    int quick = argc - arg == 2 && strcmp(argv[arg], "--quick") == 0;
    if (which < 0 || (!once && !quick && argc - arg != 1)) {
        fprintf(stderr,
                "usage: %s [--side built|reused|text] [--quick | --once N] "
                "examples/stavanger-procedure.json\n",
                argv[0]);
        return 2;
    }
    char *stavanger = bench_read_file(argv[argc - 1]);
    ipart_partnership *model = NULL;
    bench_check(ipart_partnership_load(&model, stavanger), "load");
    if (once)
        run(model, (size_t)strtoul(argv[arg + 1], NULL, 10), 1, (side)which);
    else if (quick)
        run(model, 1000, 1, (side)which);
    else {
        run(model, 10000, 20, (side)which);
        run(model, 100000, 3, (side)which);
    }
    ipart_partnership_free(model);
    free(stavanger);
    return 0;
}

/*
 * Rights at an earlier point of the log (issue #18, target: <= 20 us per
 * query; doc/performance.md). Not a test: numbers go to performance.md
 * with the command that produced them.
 *
 * On a loaded case, every point of the log at which the rights can be
 * answered (from the award on), for the authority, a follower and the
 * partner about the partner's results and background IP:
 *   ipart_partnership_rights_at()       (the state's history, no replay)
 *   ipart_partnership_rights_explain()  (the same, with the clauses)
 * against the path every query took before the history existed: a replay
 * of the prefix from the log's JSON text, then the rights of the replayed
 * log (kept here as the reference). Every point's answers are compared
 * with the reference's, so the benchmark fails when they differ.
 *
 * Usage: bench_rights [--quick] <examples/stavanger-procedure.json>
 * `--quick` times each side once (CTest's smoke run, bench.rights_quick).
 * For instruction counts (doc/performance.md):
 *   valgrind --tool=callgrind --toggle-collect=rights_every_point \
 *     --toggle-collect=rights_by_replay ./tests/bench/bench_rights --quick FILE
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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The questions asked at every point: who, about what. */
typedef struct question {
    const char *party, *asset;
} question;

static const question QUESTIONS[] = {
    {"stavanger", "op05.foreground"}, {"baerum", "op05.foreground"},
    {"op05", "op05.foreground"},      {"op05", "op05.background"},
    {"stavanger", "op08.foreground"}, {"baerum", "op11.background"},
};
#define QUESTION_COUNT (sizeof QUESTIONS / sizeof *QUESTIONS)

/* The first point of the log at which every question has an answer (the
 * partners exist from the award on). */
static size_t first_answerable(const ipart_partnership *p)
{
    size_t events = ipart_partnership_event_count(p);
    for (size_t k = 0; k <= events; k++) {
        ipart_rights r;
        size_t q = 0;
        while (q < QUESTION_COUNT &&
               ipart_partnership_rights_at(&r, p, k, QUESTIONS[q].party, QUESTIONS[q].asset) ==
                   IPART_OK)
            q++;
        if (q == QUESTION_COUNT)
            return k;
    }
    fprintf(stderr, "bench_rights: no point of the log answers every question\n");
    exit(1);
}

/* Every question at every point from `from` to the end; `rights` holds the
 * answers, point after point. Returns the queries made. */
__attribute__((noinline)) static size_t rights_every_point(const ipart_partnership *p,
                                                           size_t from, ipart_rights *rights)
{
    size_t events = ipart_partnership_event_count(p), n = 0;
    for (size_t k = from; k <= events; k++)
        for (size_t q = 0; q < QUESTION_COUNT; q++, n++)
            bench_check(ipart_partnership_rights_at(&rights[n], p, k, QUESTIONS[q].party,
                                                    QUESTIONS[q].asset),
                        "rights_at");
    return n;
}

/* The same with the explanations (clauses, rules, reasons). */
__attribute__((noinline)) static size_t explain_every_point(const ipart_partnership *p,
                                                            size_t from)
{
    size_t events = ipart_partnership_event_count(p), n = 0;
    for (size_t k = from; k <= events; k++)
        for (size_t q = 0; q < QUESTION_COUNT; q++, n++) {
            ipart_rights_explanation *x = NULL;
            bench_check(ipart_partnership_rights_explain(&x, p, k, QUESTIONS[q].party,
                                                         QUESTIONS[q].asset),
                        "rights_explain");
            ipart_rights_explanation_free(x);
        }
    return n;
}

/* The reference, the path before the history: replay the first `k` events
 * from their JSON text on a new case, then ask about the whole replayed log. */
__attribute__((noinline)) static void rights_by_replay(const ipart_partnership *p, size_t k,
                                                       ipart_rights *rights)
{
    ipart_partnership *copy = NULL;
    bench_check(ipart_partnership_new(&copy, ipart_partnership_profile(p)), "new");
    for (size_t i = 0; i < k; i++) {
        char *text = NULL;
        bench_check(ipart_partnership_event_at(&text, p, i), "event_at");
        bench_check(ipart_partnership_apply(copy, text), "apply");
        ipart_free(text);
    }
    for (size_t q = 0; q < QUESTION_COUNT; q++)
        bench_check(ipart_partnership_rights(&rights[q], copy, QUESTIONS[q].party,
                                             QUESTIONS[q].asset),
                    "rights");
    ipart_partnership_free(copy);
}

/* Exit unless the answers at every point from `from` on (`history`, from
 * rights_every_point()) are the replay's. */
static void agrees_with_replay(const ipart_partnership *p, size_t from, const ipart_rights *history)
{
    size_t events = ipart_partnership_event_count(p);
    for (size_t k = from; k <= events; k++) {
        ipart_rights replayed[QUESTION_COUNT];
        rights_by_replay(p, k, replayed);
        if (memcmp(replayed, &history[(k - from) * QUESTION_COUNT], sizeof replayed) != 0) {
            fprintf(stderr, "bench_rights: after %zu events the history and the replay "
                            "disagree\n", k);
            exit(1);
        }
    }
}

/* Seconds per call of `run` (at least `reps` runs and 0.2 s unless quick). */
#define TIMED(seconds, reps, quick, calls, run)                                          \
    do {                                                                               \
        double t0_ = now();                                                            \
        size_t r_ = 0;                                                                 \
        do {                                                                           \
            calls = (run);                                                             \
            r_++;                                                                      \
        } while (!(quick) && (r_ < (size_t)(reps) || now() - t0_ < 0.2));              \
        seconds = (now() - t0_) / (double)r_ / (double)(calls);                        \
    } while (0)

int main(int argc, char **argv)
{
    int quick = argc > 2 && strcmp(argv[1], "--quick") == 0;
    if (argc != 2 + quick) {
        fprintf(stderr, "usage: %s [--quick] examples/stavanger-procedure.json\n", argv[0]);
        return 2;
    }
    char *text = bench_read_file(argv[1 + quick]);
    ipart_partnership *p = NULL;
    bench_check(ipart_partnership_load(&p, text), "load");
    size_t events = ipart_partnership_event_count(p), from = first_answerable(p);
    size_t points = events - from + 1, n = 0;
    ipart_rights *history = calloc(points * QUESTION_COUNT, sizeof *history);
    ipart_rights replayed[QUESTION_COUNT];
    if (!history)
        return 1;

    double at, explain, replay;
    TIMED(at, 20, quick, n, rights_every_point(p, from, history));
    TIMED(explain, 20, quick, n, explain_every_point(p, from));
    size_t mid = events - 20; /* mid-development, as the issue measured it */
    /* Before the history each query replayed its prefix: one replay = one query. */
    TIMED(replay, 5, quick, n, (rights_by_replay(p, mid, replayed), 1));

    agrees_with_replay(p, from, history);
    printf("rights at an earlier point: %zu events, %zu points x %zu questions\n", events,
           points, QUESTION_COUNT);
    printf("  rights_at       %8.3f us per query (history)\n", at * 1e6);
    printf("  rights_explain  %8.3f us per query (history, clauses copied)\n", explain * 1e6);
    printf("  by replay       %8.1f us per query (the prefix of %zu events from its text)\n",
           replay * 1e6, mid);
    printf("  replay / history: %.0fx; every point's answers agree\n", replay / at);
    free(history);
    ipart_partnership_free(p);
    free(text);
    return 0;
}

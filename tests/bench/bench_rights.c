/*
 * Rights and views at an earlier point of the log (issue #18, target for
 * the rights: <= 20 us per query; doc/performance.md). Not a test: numbers
 * go to performance.md with the command that produced them.
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
 * The party-scoped view at a point, for the authority, a follower and two
 * partners (one terminated), the same way:
 *   ipart_partnership_view_at_json()    (the state as it was then, no replay)
 * against a replay of the prefix and ipart_partnership_view_json() of the
 * replayed log (what a host did before), at the same point; every point's
 * views are compared with the replay's, byte for byte.
 *
 * Usage: bench_rights [--quick] <examples/stavanger-procedure.json>
 * `--quick` times each side once (CTest's smoke run, bench.rights_quick).
 * For instruction counts (doc/performance.md):
 *   valgrind --tool=callgrind --toggle-collect=rights_every_point \
 *     --toggle-collect=rights_by_replay ./tests/bench/bench_rights --quick FILE
 *   (views: --toggle-collect=views_at_point --toggle-collect=views_by_replay)
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

/* A new case holding the first `k` events of `p`, replayed from their JSON text. */
static ipart_partnership *replayed(const ipart_partnership *p, size_t k)
{
    ipart_partnership *copy = NULL;
    bench_check(ipart_partnership_new(&copy, ipart_partnership_profile(p)), "new");
    for (size_t i = 0; i < k; i++) {
        char *text = NULL;
        bench_check(ipart_partnership_event_at(&text, p, i), "event_at");
        bench_check(ipart_partnership_apply(copy, text), "apply");
        ipart_free(text);
    }
    return copy;
}

/* The reference, the path before the history: replay the first `k` events
 * from their JSON text on a new case, then ask about the whole replayed log. */
__attribute__((noinline)) static void rights_by_replay(const ipart_partnership *p, size_t k,
                                                       ipart_rights *rights)
{
    ipart_partnership *copy = replayed(p, k);
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

/* ---- views ------------------------------------------------------------------------- */

/* Whose view is asked for at every point. */
static const char *const VIEWERS[] = {"stavanger", "baerum", "op05", "op08"};
#define VIEWER_COUNT (sizeof VIEWERS / sizeof *VIEWERS)

/* Every viewer's view after the first `k` events, from the state (no
 * replay); `views` gets the texts (owned by the caller) when not NULL.
 * Returns the queries made. */
__attribute__((noinline)) static size_t views_at_point(const ipart_partnership *p, size_t k,
                                                       char **views)
{
    for (size_t v = 0; v < VIEWER_COUNT; v++) {
        char *json = NULL;
        bench_check(ipart_partnership_view_at_json(&json, p, k, VIEWERS[v]), "view_at_json");
        if (views)
            views[v] = json;
        else
            ipart_free(json);
    }
    return VIEWER_COUNT;
}

/* The reference, what a host did before: for each query, replay the first
 * `k` events from their JSON text on a new case and ask for the view of
 * the replayed log. Returns the queries made. */
__attribute__((noinline)) static size_t views_by_replay(const ipart_partnership *p, size_t k,
                                                        char **views)
{
    for (size_t v = 0; v < VIEWER_COUNT; v++) {
        ipart_partnership *copy = replayed(p, k);
        char *json = NULL;
        bench_check(ipart_partnership_view_json(&json, copy, VIEWERS[v]), "view_json");
        if (views)
            views[v] = json;
        else
            ipart_free(json);
        ipart_partnership_free(copy);
    }
    return VIEWER_COUNT;
}

/* The first point at which every viewer is a party. */
static size_t first_viewable(const ipart_partnership *p)
{
    size_t events = ipart_partnership_event_count(p), withheld;
    for (size_t k = 0; k <= events; k++) {
        size_t v = 0;
        while (v < VIEWER_COUNT &&
               ipart_partnership_view_withheld_at(&withheld, p, k, VIEWERS[v]) == IPART_OK)
            v++;
        if (v == VIEWER_COUNT)
            return k;
    }
    fprintf(stderr, "bench_rights: no point of the log has every viewer\n");
    exit(1);
}

/* Exit unless every viewer's view at every point from `from` on is the
 * replay's, byte for byte. */
static void views_agree_with_replay(const ipart_partnership *p, size_t from)
{
    for (size_t k = from; k <= ipart_partnership_event_count(p); k++) {
        char *at[VIEWER_COUNT], *replayed[VIEWER_COUNT];
        views_at_point(p, k, at);
        views_by_replay(p, k, replayed);
        for (size_t v = 0; v < VIEWER_COUNT; v++) {
            if (strcmp(at[v], replayed[v]) != 0) {
                fprintf(stderr, "bench_rights: the view of %s after %zu events differs from "
                                "the replay's\n", VIEWERS[v], k);
                exit(1);
            }
            ipart_free(at[v]);
            ipart_free(replayed[v]);
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

    size_t view_from = first_viewable(p);
    double view_at, view_replay;
    TIMED(view_at, 20, quick, n, views_at_point(p, mid, NULL));
    TIMED(view_replay, 3, quick, n, views_by_replay(p, mid, NULL));
    views_agree_with_replay(p, view_from);
    printf("views at an earlier point: %zu viewers at each of %zu points\n", VIEWER_COUNT,
           events - view_from + 1);
    printf("  view_at_json    %8.1f us per view after %zu events (no replay)\n", view_at * 1e6,
           mid);
    printf("  by replay       %8.1f us per view (the prefix replayed from its text, then "
           "view_json)\n", view_replay * 1e6);
    printf("  replay / view_at: %.0fx; every point's views agree\n", view_replay / view_at);
    free(history);
    ipart_partnership_free(p);
    free(text);
    return 0;
}

/*
 * Benchmarks for the targets of ARCHITECTURE.md §8 (not tests: numbers go
 * to doc/performance.md with the command that produced them).
 *
 *   load+save vs cJSON parse+print of the same bytes (target: <= 2x)
 *   apply throughput in memory (target: >= 1 million events/s)
 *   scaling: 10x the events and parties costs <= 11x the time
 *   clone cost; bytes per event and per party
 *
 * Usage: bench_document <examples/stavanger-procedure.json>
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <ipart/ipart.h>
#include <ipart/sys/alloc.h>
#include <cjson/cJSON.h>

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

static void check(ipart_status rc, const char *what)
{
    if (rc != IPART_OK) {
        fprintf(stderr, "%s: %s\n", what, ipart_error_last()->message);
        exit(1);
    }
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    if (!text || fread(text, 1, (size_t)n, f) != (size_t)n)
        exit(1);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* Bytes live in the library's allocator, to report memory per event/party. */
static size_t live_bytes;
static void *count_malloc(size_t n, void *ctx)
{
    (void)ctx;
    size_t *p = malloc(n + sizeof(size_t) * 2);
    if (!p)
        return NULL;
    *p = n;
    live_bytes += n;
    return p + 2;
}
static void count_free(void *ptr, void *ctx)
{
    (void)ctx;
    if (ptr) {
        size_t *p = (size_t *)ptr - 2;
        live_bytes -= *p;
        free(p);
    }
}
static void *count_realloc(void *ptr, size_t n, void *ctx)
{
    if (!ptr)
        return count_malloc(n, ctx);
    size_t *p = (size_t *)ptr - 2;
    size_t old = *p;
    p = realloc(p, n + sizeof(size_t) * 2);
    if (!p)
        return NULL;
    live_bytes = live_bytes - old + n;
    *p = n;
    return p + 2;
}

/* A synthetic document with `operators` requests and assessments. */
static char *synthetic(int operators)
{
    size_t cap = (size_t)operators * 400 + 8192, len = 0;
    char *doc = malloc(cap);
    len += (size_t)sprintf(doc + len,
        "{\"format\":\"ipart-document\",\"version\":1,\"profile\":\"NO\",\"events\":[\n"
        "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\",\"authority\":"
        "{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},\"title\":\"t\",\"currency\":\"NOK\"},\n"
        "{\"type\":\"need_described\",\"date\":\"2017-03-01\",\"actor\":\"a\",\"need_description\":\"n\","
        "\"market_check_done\":true,\"market_check_justification\":\"j\"},\n"
        "{\"type\":\"terms_set\",\"date\":\"2017-08-31\",\"actor\":\"a\",\"contract_type\":\"services\","
        "\"minimum_requirements\":[{\"id\":\"m\",\"text\":\"t\"}],\"selection_criteria\":[{\"id\":\"s\","
        "\"text\":\"t\",\"kind\":\"rnd_capacity\"}],\"award_criteria\":[{\"id\":\"p\",\"name\":\"p\","
        "\"kind\":\"price\",\"weight\":3000},{\"id\":\"q\",\"name\":\"q\",\"kind\":\"quality\",\"weight\":7000}],"
        "\"candidates\":{\"min\":3,\"max\":null},\"reservations\":{\"staged_reduction\":true,"
        "\"termination_after_phase\":true,\"award_on_initial_tender\":false},\"ipr\":{\"regime\":"
        "\"supplier_owns\",\"description\":\"d\"},\"budget\":{\"development_cap\":\"12000000.00\","
        "\"max_rnd_value\":\"12000000.00\",\"estimated_purchase_value\":\"30000000.00\"},"
        "\"later_purchase\":\"option\",\"tender_documents_complete\":true,\"contract_draft\":\"c\","
        "\"deadline_justification\":\"j\",\"development\":{\"phases\":[{\"id\":\"p1\","
        "\"kind\":\"rnd\",\"name\":\"n\",\"due\":\"2018-12-31\",\"targets\":[{\"id\":\"t1\","
        "\"criteria\":\"c\",\"verification\":\"v\"}],\"instalments\":[{\"id\":\"i1\","
        "\"target\":\"t1\",\"share\":10000}]}]},\"option\":{\"description\":\"d\","
        "\"unit\":\"u\",\"max_unit_price\":\"1000.00\",\"quantity\":1,\"expires\":"
        "\"2021-12-31\",\"performance_levels\":[{\"id\":\"l\",\"text\":\"t\"}],"
        "\"followers\":[]},\"proportionality\":{\"justification\":\"j\"}},\n"
        "{\"type\":\"notice_published\",\"date\":\"2017-09-15\",\"actor\":\"a\","
        "\"request_deadline\":\"2017-10-16\",\"channel\":\"Doffin\"}");
    for (int i = 0; i < operators; i++)
        len += (size_t)sprintf(doc + len, ",\n{\"type\":\"participation_requested\",\"date\":"
                               "\"2017-09-20\",\"actor\":\"op%d\",\"operator\":{\"id\":\"op%d\","
                               "\"name\":\"Operator %d AS\"}}", i, i, i);
    for (int i = 0; i < operators; i++)
        len += (size_t)sprintf(doc + len, ",\n{\"type\":\"candidate_assessed\",\"date\":"
                               "\"2017-10-20\",\"actor\":\"a\",\"candidate\":\"op%d\","
                               "\"qualified\":true,\"reason\":\"meets the criteria\"}", i);
    sprintf(doc + len, "\n]}\n");
    return doc;
}

static double time_load_save(const char *doc, int reps)
{
    double t0 = now();
    for (int r = 0; r < reps; r++) {
        ipart_partnership *p = NULL;
        char *saved = NULL;
        check(ipart_partnership_load(&p, doc), "load");
        check(ipart_partnership_save(&saved, p), "save");
        ipart_free(saved);
        ipart_partnership_free(p);
    }
    return (now() - t0) / reps;
}

static double time_cjson(const char *doc, int reps)
{
    double t0 = now();
    for (int r = 0; r < reps; r++) {
        cJSON *json = cJSON_Parse(doc);
        char *printed = cJSON_PrintUnformatted(json);
        cJSON_free(printed);
        cJSON_Delete(json);
    }
    return (now() - t0) / reps;
}

/* An event with n distinct keys, or n distinct recipient ids, then the
 * first one again: refused as a duplicate, which must cost linear time. */
static char *repeated(size_t n, int ids)
{
    char *text = malloc(n * 16 + 256), *at = text;
    at += sprintf(at, "{\"type\":\"consent_given\",\"date\":\"2018-01-11\",\"actor\":\"op05\"%s",
                  ids ? ",\"item\":{\"event\":1},\"recipients\":[" : "");
    for (size_t i = 0; i <= n; i++)
        at += ids ? sprintf(at, "%s\"r%zu\"", i ? "," : "", i < n ? i : 0)
                  : sprintf(at, ",\"k%zu\":0", i < n ? i : 0);
    strcpy(at, ids ? "]}" : "}");
    return text;
}

/* On the Stavanger case after its 77th event, where op05 may give consent. */
static void bench_duplicates(const ipart_partnership *stavanger)
{
    ipart_partnership *p = NULL;
    check(ipart_partnership_new(&p, ipart_partnership_profile(stavanger)), "new");
    for (size_t i = 0; i < 77; i++) {
        char *ev = NULL;
        check(ipart_partnership_event_at(&ev, stavanger, i), "event_at");
        check(ipart_partnership_apply(p, ev), "replay");
        ipart_free(ev);
    }
    for (int ids = 0; ids <= 1; ids++) {
        double base = 0;
        for (size_t n = 10000; n <= 1000000; n *= 10) {
            char *text = repeated(n, ids);
            int reps = n == 10000 ? 20 : n == 100000 ? 5 : 2;
            double t0 = now();
            for (int r = 0; r < reps; r++)
                if (ipart_partnership_apply(p, text) != IPART_EINVAL)
                    check(IPART_EINTERNAL, "a repeat must be refused");
            double t = (now() - t0) / reps;
            base = n == 10000 ? t : base;
            printf("duplicate %s among %7zu: refused in %8.2f ms (%.1fx the time of 10^4)\n",
                   ids ? "id " : "key", n, t * 1e3, t / base);
            free(text);
        }
    }
    ipart_partnership_free(p);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s examples/stavanger-procedure.json\n", argv[0]);
        return 2;
    }
    char *stavanger = read_file(argv[1]);
    ipart_partnership *p = NULL;
    check(ipart_partnership_load(&p, stavanger), "load");
    size_t events = ipart_partnership_event_count(p);

    int reps = 300;
    double ours = time_load_save(stavanger, reps), base = time_cjson(stavanger, reps);
    printf("stavanger document: %zu events, %zu bytes\n", events, strlen(stavanger));
    printf("  load+save            %8.1f us   (cJSON parse+print %6.1f us, ratio %.2fx)\n",
           ours * 1e6, base * 1e6, ours / base);
    printf("  apply (via load)     %8.0f events/s\n", (double)events / ours);

    double t0 = now();
    for (int r = 0; r < reps; r++) {
        ipart_partnership *copy = NULL;
        check(ipart_partnership_clone(&copy, p), "clone");
        ipart_partnership_free(copy);
    }
    printf("  clone                %8.1f us\n", (now() - t0) / reps * 1e6);
    bench_duplicates(p);
    ipart_partnership_free(p);

    double small_t = 0, large_t = 0;
    for (int scale = 1; scale <= 10; scale *= 10) {
        char *doc = synthetic(2000 * scale);
        double t = time_load_save(doc, scale == 1 ? 20 : 3);
        double b = time_cjson(doc, scale == 1 ? 20 : 3);
        printf("synthetic, %6d operators (%6d events): load+save %8.2f ms, cJSON %7.2f ms, "
               "ratio %.2fx, %8.0f events/s\n", 2000 * scale, 4 + 4000 * scale, t * 1e3, b * 1e3,
               t / b, (4 + 4000.0 * scale) / t);
        if (scale == 1)
            small_t = t;
        else
            large_t = t;
        free(doc);
    }
    printf("scaling: 10x the events and parties costs %.2fx the time\n", large_t / small_t);

    /* Memory: live bytes of a loaded document, per event and per party. */
    ipart_allocator counting = {IPART_ALLOCATOR_VERSION, count_malloc, count_realloc, count_free,
                                NULL};
    check(ipart_set_allocator(&counting), "allocator");
    char *doc = synthetic(20000);
    check(ipart_partnership_load(&p, doc), "load");
    size_t loaded = live_bytes;
    ipart_partnership_free(p);
    free(doc);
    doc = synthetic(0);
    check(ipart_partnership_load(&p, doc), "load");
    /* Each operator is one party and two events (request, assessment). */
    printf("memory: %zu bytes for 40 004 events and 20 001 parties (an empty case: %zu):\n"
           "        %.0f bytes per operator = 1 party + 2 events, log text included\n",
           loaded, live_bytes, (double)(loaded - live_bytes) / 20000);
    ipart_partnership_free(p);
    free(doc);
    free(stavanger);
    return 0;
}

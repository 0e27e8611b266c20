/* Benchmark documents applied event by event. SPDX-License-Identifier: Apache-2.0 */
#include "bench_generate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bench_check(ipart_status rc, const char *what)
{
    if (rc != IPART_OK) {
        const ipart_error *e = ipart_error_last();
        fprintf(stderr, "%s: %s (%s) at %s: %s\n", what, ipart_error_name((enum ipart_error_code)rc), e->rule,
                e->path, e->message);
        exit(1);
    }
}

char *bench_read_file(const char *path)
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

size_t bench_generate_prefix(const ipart_partnership *model)
{
    size_t n = ipart_partnership_event_count(model);
    for (size_t i = 0; i < n; i++) {
        ipart_event_header h;
        bench_check(ipart_partnership_event_header_at(&h, model, i), "event_header_at");
        if (strcmp(h.type, "participation_requested") == 0)
            return i;
    }
    fprintf(stderr, "the model case has no participation_requested event\n");
    exit(1);
}

static void apply(ipart_partnership *p, const char *text)
{
    bench_check(ipart_partnership_apply(p, text), text);
}

char *bench_generate(const ipart_partnership *model, size_t events)
{
    size_t prefix = bench_generate_prefix(model);
    ipart_partnership *p = NULL;
    bench_check(ipart_partnership_new(&p, ipart_partnership_profile(model)), "new");
    for (size_t i = 0; i < prefix; i++) {
        char *text = NULL;
        bench_check(ipart_partnership_event_at(&text, model, i), "event_at");
        apply(p, text);
        ipart_free(text);
    }
    size_t own = events > prefix ? events - prefix : 0;
    size_t requests = (own + 1) / 2;
    char text[512];
    for (size_t i = 0; i < requests; i++) {
        snprintf(text, sizeof text,
                 "{\"type\":\"participation_requested\",\"date\":\"2017-09-20\","
                 "\"actor\":\"g%zu\",\"operator\":{\"id\":\"g%zu\",\"name\":\"Leverandør %zu AS\"}}",
                 i, i, i);
        apply(p, text);
    }
    ipart_party party; /* the authority; its id is borrowed until the next apply */
    bench_check(ipart_partnership_party_at(&party, p, 0), "party_at");
    char authority[128];
    snprintf(authority, sizeof authority, "%s", party.id);
    for (size_t i = 0; i < own - requests; i++) {
        snprintf(text, sizeof text,
                 "{\"type\":\"candidate_assessed\",\"date\":\"2017-10-20\",\"actor\":\"%s\","
                 "\"candidate\":\"g%zu\",\"qualified\":true,\"reason\":\"Oppfyller alle "
                 "utvelgelseskriterier; FoU-kapasitet er dokumentert.\"}",
                 authority, i);
        apply(p, text);
    }
    char *saved = NULL;
    bench_check(ipart_partnership_save(&saved, p), "save");
    ipart_partnership_free(p);
    return saved;
}

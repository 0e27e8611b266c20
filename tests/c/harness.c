/* Counting and failing allocators, golden-case loading. SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"
#include "ipart/sys/alloc.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each block carries a header holding its size, so realloc and free keep the count right. */
typedef struct header {
    size_t size;
    size_t pad; /* keep max_align_t-friendly alignment of the payload */
} header;

static long live_blocks;
static long allocations;
static long fail_at;
static int injected;

static int should_fail(void)
{
    allocations++;
    if (fail_at > 0 && allocations == fail_at) {
        injected = 1;
        return 1;
    }
    return 0;
}

static void *counting_malloc(size_t size, void *ctx)
{
    (void)ctx;
    if (should_fail())
        return NULL;
    header *h = malloc(sizeof(header) + size);
    if (!h)
        return NULL;
    h->size = size;
    live_blocks++;
    return h + 1;
}

static void counting_free(void *ptr, void *ctx)
{
    (void)ctx;
    if (!ptr)
        return;
    live_blocks--;
    free((header *)ptr - 1);
}

static void *counting_realloc(void *ptr, size_t size, void *ctx)
{
    if (!ptr)
        return counting_malloc(size, ctx);
    if (should_fail())
        return NULL;
    header *h = realloc((header *)ptr - 1, sizeof(header) + size);
    if (!h)
        return NULL;
    h->size = size;
    return h + 1;
}

void harness_install(void)
{
    static const ipart_allocator counting = {IPART_ALLOCATOR_VERSION, counting_malloc,
                                             counting_realloc, counting_free, NULL};
    live_blocks = 0;
    harness_fail_at(0);
    cr_assert_eq(ipart_set_allocator(&counting), IPART_OK);
    ipart_error_clear();
}

void harness_check_and_uninstall(void)
{
    long leaked = live_blocks;
    ipart_set_allocator(NULL);
    cr_assert_eq(leaked, 0, "%ld block(s) allocated by libipart were never freed", leaked);
}

void harness_fail_at(long n)
{
    fail_at = n;
    allocations = 0;
    injected = 0;
}

long harness_allocations(void)
{
    return allocations;
}

long harness_live(void)
{
    return live_blocks;
}

int harness_failure_injected(void)
{
    return injected;
}

long harness_fail_each(harness_scenario scenario, void *ctx)
{
    for (long n = 1;; n++) {
        long live_before = live_blocks;
        harness_fail_at(n);
        ipart_status rc = scenario(ctx);
        if (!injected) {
            harness_fail_at(0);
            cr_assert_eq(rc, IPART_OK, "scenario failed without an injected failure: %s",
                         ipart_error_last()->message);
            return n - 1;
        }
        cr_assert_eq(rc, IPART_ENOMEM, "allocation %ld failed but the scenario returned %s (%s)",
                     n, ipart_error_name(rc), ipart_error_last()->message);
        cr_assert_eq(ipart_error_last()->code, IPART_ENOMEM);
        cr_assert_eq(live_blocks, live_before, "allocation %ld failed and %ld block(s) leaked", n,
                     live_blocks - live_before);
    }
}

cJSON *harness_load_case(const char *relative_path)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", IPART_CASES_DIR, relative_path);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open golden case %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    cr_assert_not_null(text);
    cr_assert_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    text[size] = '\0';
    fclose(f);
    cJSON *json = cJSON_ParseWithLength(text, (size_t)size);
    free(text);
    cr_assert_not_null(json, "golden case %s is not valid JSON", path);
    return json;
}

const cJSON *harness_member(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    cr_assert_not_null(item, "golden case lacks \"%s\"", name);
    return item;
}

const char *harness_text(const cJSON *object, const char *name)
{
    const cJSON *item = harness_member(object, name);
    cr_assert(cJSON_IsString(item), "\"%s\" must be a string", name);
    return item->valuestring;
}

int64_t harness_int(const cJSON *object, const char *name)
{
    const cJSON *item = harness_member(object, name);
    cr_assert(cJSON_IsNumber(item), "\"%s\" must be a number", name);
    return (int64_t)item->valuedouble;
}

ipart_status harness_status_named(const char *name)
{
#define STATUS_FROM_NAME(n, value, cls, msg)                                                  \
    if (strcmp(name, "IPART_" #n) == 0)                                                       \
        return IPART_##n;
    IPART_ERROR_MAP(STATUS_FROM_NAME)
#undef STATUS_FROM_NAME
    cr_assert_fail("golden case names an unknown status '%s'", name);
    return IPART_EINTERNAL;
}

void harness_apply_json(ipart_partnership *p, const cJSON *event, int index)
{
    char *text = cJSON_PrintUnformatted(event);
    cr_assert_not_null(text);
    ipart_status rc = ipart_partnership_apply(p, text);
    cr_assert_eq(rc, IPART_OK, "event %d (%s) failed: %s [%s] at %s", index,
                 harness_text(event, "type"), ipart_error_last()->message,
                 ipart_error_last()->rule, ipart_error_last()->path);
    cJSON_free(text);
}

ipart_partnership *harness_replay(const cJSON *kase, int count)
{
    const cJSON *doc = harness_member(kase, "document");
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, harness_text(doc, "profile")));
    int i = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, harness_member(doc, "events")) {
        if (count >= 0 && i >= count)
            break;
        harness_apply_json(p, ev, i++);
    }
    return p;
}

long harness_each_procedure(long (*check)(const char *name), int *cases)
{
    DIR *dir = opendir(IPART_CASES_DIR "/procedure");
    cr_assert(dir);
    long sum = 0;
    *cases = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        size_t n = strlen(entry->d_name);
        if (n < 6 || strcmp(entry->d_name + n - 5, ".json") != 0 ||
            strcmp(entry->d_name, "rejections.json") == 0)
            continue;
        sum += check(entry->d_name);
        (*cases)++;
    }
    closedir(dir);
    return sum;
}

ipart_partnership *harness_load_procedure(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "procedure/%s", name);
    cJSON *kase = harness_load_case(path);
    char *text = cJSON_PrintUnformatted(harness_member(kase, "document"));
    cr_assert_not_null(text);
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_load(&p, text));
    cJSON_free(text);
    cJSON_Delete(kase);
    return p;
}

void harness_record(harness_outcome *o, ipart_status rc, ipart_partnership *p)
{
    memset(o, 0, sizeof *o);
    o->rc = rc;
    const ipart_error *e = ipart_error_last();
    if (rc != IPART_OK) {
        const char *parts[6] = {e->rule, e->source, e->path, e->key, e->message,
                                ipart_error_message_in("nb")};
        for (int i = 0; i < 6; i++)
            snprintf(o->detail[i], sizeof o->detail[i], "%s", parts[i]);
    }
    if (p) {
        char *saved = NULL;
        assert_ok(ipart_partnership_save(&saved, p));
        o->saved = malloc(strlen(saved) + 1);
        cr_assert_not_null(o->saved);
        strcpy(o->saved, saved);
        ipart_free(saved);
    }
}

void harness_assert_same(const harness_outcome *a, const harness_outcome *b, const char *what)
{
    cr_assert_eq(a->rc, b->rc, "%s: status %s vs %s (%s)", what, ipart_error_name(a->rc),
                 ipart_error_name(b->rc), b->detail[4]);
    for (int i = 0; i < 6; i++)
        cr_assert_str_eq(a->detail[i], b->detail[i], "%s: error detail %d differs", what, i);
    cr_assert_eq(!a->saved, !b->saved, "%s", what);
    if (a->saved)
        cr_assert_str_eq(a->saved, b->saved, "%s: saved bytes differ", what);
}

static cJSON *rejection_batch(const cJSON *row, ipart_partnership **base, int *before)
{
    const cJSON *refused = cJSON_GetObjectItemCaseSensitive(row, "event");
    if (!cJSON_IsObject(refused))
        return NULL;
    char path[128];
    snprintf(path, sizeof path, "procedure/%s", harness_text(row, "base"));
    cJSON *kase = harness_load_case(path);
    const cJSON *events = harness_member(harness_member(kase, "document"), "events");
    int prefix = (int)harness_int(row, "prefix");
    *before = prefix < 2 ? prefix : 2;
    *base = harness_replay(kase, prefix - *before);
    cJSON *batch = cJSON_CreateArray();
    cr_assert_not_null(batch);
    for (int i = prefix - *before; i < prefix; i++)
        cJSON_AddItemToArray(batch, cJSON_Duplicate(cJSON_GetArrayItem(events, i), 1));
    cJSON_AddItemToArray(batch, cJSON_Duplicate(refused, 1));
    cJSON_Delete(kase);
    return batch;
}

long harness_each_rejection_batch(harness_rejection_check check, void *ctx, int *total)
{
    cJSON *rows = harness_load_case("procedure/rejections.json");
    const cJSON *row;
    long sum = 0;
    *total = 0;
    cJSON_ArrayForEach(row, rows) {
        ipart_partnership *base;
        int before;
        cJSON *batch = rejection_batch(row, &base, &before);
        if (!batch)
            continue;
        sum += check(row, base, batch, before, ctx);
        ++*total;
        cJSON_Delete(batch);
        ipart_partnership_free(base);
    }
    cJSON_Delete(rows);
    return sum;
}

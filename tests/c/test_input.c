/*
 * Untrusted JSON text (issue #11): duplicate keys and ids found in linear
 * time, NUL characters refused in every string, one size limit, the depth
 * limit enforced while reading, the byte-order mark refused, and cJSON's
 * memory routed through the allocator hook - alike for load, apply and
 * what-if.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "io/codec_p.h"
#include "io/field_hint_p.h"
#include "io/json_p.h"
#include "ipart/sys/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

TestSuite(input, IPART_TEST_FIXTURE);

/* ---- helpers ----------------------------------------------------------------- */

/* A growing malloc'd text (the test's own memory, not the library's). */
typedef struct text {
    char *data;
    size_t len, cap;
} text;

static void put(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->data = realloc(t->data, t->cap);
        cr_assert_not_null(t->data);
    }
    memcpy(t->data + t->len, s, n + 1);
    t->len += n;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ipart_partnership *stavanger_at(int prefix)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, prefix);
    cJSON_Delete(kase);
    return p;
}

static char *save(const ipart_partnership *p)
{
    char *out = NULL;
    assert_ok(ipart_partnership_save(&out, p));
    return out;
}

static void assert_detail(const char *key, const char *path)
{
    cr_assert_str_eq(ipart_error_last()->key, key, "%s", ipart_error_last()->message);
    cr_assert_str_eq(ipart_error_last()->path, path, "%s", ipart_error_last()->message);
}

/* Before each event of every golden procedure is applied - or only the
 * first event of each type - call visit(p, event, ctx) on the case as it
 * stands; visit returns 1 when it applied the event itself. Returns the
 * number of event types seen. */
typedef int (*event_visit)(ipart_partnership *p, cJSON *event, void *ctx);

static int for_each_golden_event(int first_of_type, event_visit visit, void *ctx)
{
    static const char *const cases[] = {"stavanger.json", "se_initial_award.json",
                                        "se_negotiated.json", "dk_procedure.json",
                                        "no_authority_owns.json", "no_without_reduction.json"};
    cJSON *seen = cJSON_CreateObject();
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char name[64];
        snprintf(name, sizeof name, "procedure/%s", cases[c]);
        cJSON *kase = harness_load_case(name);
        const cJSON *doc = harness_member(kase, "document");
        ipart_partnership *p = NULL;
        assert_ok(ipart_partnership_new(&p, harness_text(doc, "profile")));
        int i = 0;
        cJSON *ev;
        cJSON_ArrayForEach(ev, harness_member(doc, "events")) {
            const char *type = harness_text(ev, "type");
            int first = !cJSON_GetObjectItemCaseSensitive(seen, type);
            if (first)
                cJSON_AddTrueToObject(seen, type);
            if (!((first || !first_of_type) && visit(p, ev, ctx)))
                harness_apply_json(p, ev, i);
            i++;
        }
        ipart_partnership_free(p);
        cJSON_Delete(kase);
    }
    int types = cJSON_GetArraySize(seen);
    cJSON_Delete(seen);
    return types;
}

/* ---- finding 1: duplicates in linear time ----------------------------------- */

/* An event object with n distinct keys and then the first one again. */
static char *event_with_repeated_key(size_t n)
{
    text t = {0};
    put(&t, "{\"type\":\"note_recorded\",\"date\":\"2018-01-11\",\"actor\":\"stavanger\"");
    char key[32];
    for (size_t i = 0; i <= n; i++) {
        snprintf(key, sizeof key, ",\"k%zu\":0", i < n ? i : 0);
        put(&t, key);
    }
    put(&t, "}");
    return t.data;
}

/* A consent naming n distinct recipients and then the first one again. */
static char *consent_with_repeated_id(size_t n)
{
    text t = {0};
    put(&t, "{\"type\":\"consent_given\",\"date\":\"2018-01-11\",\"actor\":\"op05\","
            "\"item\":{\"event\":71},\"recipients\":[");
    char id[32];
    for (size_t i = 0; i <= n; i++) {
        snprintf(id, sizeof id, "%s\"r%zu\"", i ? "," : "", i < n ? i : 0);
        put(&t, id);
    }
    put(&t, "]}");
    return t.data;
}

typedef char *(*make_input)(size_t n);

/* CPU seconds to refuse the input of size n (the best of `runs`), checking
 * the refusal names the repeat. */
static double refusal_seconds(ipart_partnership *p, make_input make, size_t n, int runs,
                              const char *key)
{
    char *input = make(n);
    char *before = save(p);
    double best = 1e30;
    for (int r = 0; r < runs; r++) {
        double start = cpu_seconds();
        ipart_status rc = ipart_partnership_apply(p, input);
        double spent = cpu_seconds() - start;
        best = spent < best ? spent : best;
        cr_assert_eq(rc, IPART_EINVAL, "%s", ipart_error_last()->message);
        cr_assert_str_eq(ipart_error_last()->key, key, "%s", ipart_error_last()->message);
    }
    char expected[64];
    if (make == event_with_repeated_key)
        snprintf(expected, sizeof expected, "$.k0");
    else
        snprintf(expected, sizeof expected, "$.recipients[%zu]", n);
    cr_assert_str_eq(ipart_error_last()->path, expected);
    char *after = save(p);
    cr_assert_str_eq(after, before, "a refused event changed the document");
    ipart_free(before);
    ipart_free(after);
    free(input);
    return best;
}

/* 10^5 and 10^6 against 10^4 in the same run (CPU time, best of a few
 * runs): the time may grow at most 6x faster than the input - caches and
 * page faults cost a few times more on 10^6 members, while a quadratic
 * check already grows 100x from 10^4 to 10^5. */
static void assert_linear(ipart_partnership *p, make_input make, const char *key)
{
    double base = refusal_seconds(p, make, 10000, 5, key);
    for (size_t n = 100000; n <= 1000000; n *= 10) {
        double t = refusal_seconds(p, make, n, 2, key);
        double bound = 6.0 * (double)(n / 10000) * (base > 1e-4 ? base : 1e-4);
        cr_log_info("%s: %zu in %.4f s (10^4 in %.4f s, ratio %.1f)", key, n, t, base, t / base);
        cr_assert_leq(t, bound, "%zu: %.3f s, more than 6x linear from %.4f s at 10^4", n, t,
                      base);
    }
}

Test(input, duplicate_keys_are_found_in_linear_time)
{
    ipart_partnership *p = stavanger_at(77);
    assert_linear(p, event_with_repeated_key, "document.key.duplicate");
    ipart_partnership_free(p);
}

Test(input, duplicate_ids_are_found_in_linear_time)
{
    ipart_partnership *p = stavanger_at(77);
    assert_linear(p, consent_with_repeated_id, "document.id.duplicate");
    ipart_partnership_free(p);
}

Test(input, small_and_large_objects_find_the_same_repeat)
{
    /* 16 members compare pairwise, 17 hash: both name the second "b". */
    for (size_t extra = 13; extra <= 15; extra++) {
        text t = {0};
        put(&t, "{\"a\":1,\"b\":2");
        char key[32];
        for (size_t i = 0; i < extra; i++) {
            snprintf(key, sizeof key, ",\"x%zu\":0", i);
            put(&t, key);
        }
        put(&t, ",\"b\":3}");
        cJSON *json = NULL;
        assert_fails_with(ipart__json_parse(&json, t.data, t.len, "$"), IPART_EINVAL);
        assert_detail("document.key.duplicate", "$.b");
        cr_assert_null(json);
        free(t.data);
    }
}

/* ---- finding 2: NUL characters --------------------------------------------- */

/* Path of a member or element below `parent`. */
static void child_path(char *out, size_t size, const char *parent, const cJSON *child, int index)
{
    if (child->string)
        snprintf(out, size, "%s.%s", parent, child->string);
    else
        snprintf(out, size, "%s[%d]", parent, index);
}

typedef struct nul_run {
    ipart_partnership *p;
    cJSON *event;
    const char *before;
    int refused;
} nul_run;

/* Apply the event with "\u0000" appended to one string (or key) of it:
 * refused with that string's path, nothing changed. */
static void apply_with_nul(nul_run *r, const char *path)
{
    char *printed = cJSON_PrintUnformatted(r->event);
    cr_assert_not_null(printed);
    char *marker = strstr(printed, "\\u0001");
    cr_assert_not_null(marker);
    memcpy(marker, "\\u0000", 6);
    assert_fails_with(ipart_partnership_apply(r->p, printed), IPART_EINVAL);
    assert_detail("document.string.nul", path);
    char *after = save(r->p);
    cr_assert_str_eq(after, r->before);
    ipart_free(after);
    cJSON_free(printed);
    r->refused++;
}

static void append_marker(char **s)
{
    size_t n = strlen(*s);
    char *longer = cJSON_malloc(n + 2);
    cr_assert_not_null(longer);
    memcpy(longer, *s, n);
    memcpy(longer + n, "\x01", 2);
    cJSON_free(*s);
    *s = longer;
}

static void nul_in_each_string(nul_run *r, cJSON *node, const char *path)
{
    int index = 0;
    for (cJSON *child = node->child; child; child = child->next, index++) {
        char at[512];
        child_path(at, sizeof at, path, child, index);
        if (child->string) { /* the key itself */
            char *key = child->string;
            child->string = cJSON_malloc(strlen(key) + 2);
            cr_assert_not_null(child->string);
            strcpy(child->string, key);
            strcat(child->string, "\x01");
            char key_path[600];
            snprintf(key_path, sizeof key_path, "%s.%s\\u0000", path, key);
            apply_with_nul(r, key_path);
            cJSON_free(child->string);
            child->string = key;
        }
        if (cJSON_IsString(child)) {
            char *original = child->valuestring;
            child->valuestring = cJSON_malloc(strlen(original) + 1);
            strcpy(child->valuestring, original);
            append_marker(&child->valuestring);
            apply_with_nul(r, at);
            cJSON_free(child->valuestring);
            child->valuestring = original;
        }
        nul_in_each_string(r, child, at);
    }
}

static int nul_in_each_string_of(ipart_partnership *p, cJSON *event, void *ctx)
{
    char *before = save(p);
    nul_run r = {p, event, before, 0};
    nul_in_each_string(&r, event, "$");
    cr_assert_gt(r.refused, 3, "an event has type, date and actor at least");
    *(int *)ctx += r.refused;
    ipart_free(before);
    return 0;
}

Test(input, a_nul_character_is_refused_in_every_string_and_key_of_every_golden_event)
{
    int refused = 0;
    for_each_golden_event(0, nul_in_each_string_of, &refused);
    cr_log_info("%d strings and keys refused with \\u0000", refused);
    cr_assert_gt(refused, 1000);
}

Test(input, escaped_backslash_before_u0000_is_text_not_nul)
{
    ipart_partnership *p = stavanger_at(77);
    assert_ok(ipart_partnership_apply(p, "{\"type\":\"note_recorded\",\"date\":\"2018-01-11\","
                                         "\"actor\":\"stavanger\",\"text\":\"C:\\\\u0000\"}"));
    char *last = NULL;
    assert_ok(ipart_partnership_event_at(&last, p, ipart_partnership_event_count(p) - 1));
    cr_assert(strstr(last, "\"C:\\\\u0000\"") != NULL, "%s", last);
    ipart_free(last);
    ipart_partnership_free(p);
}

/* ---- findings 3 and 6: size, depth, byte-order mark --------------------------- */

typedef enum entry { LOAD, APPLY, WHAT_IF } entry;

/* Load, apply (on a created partnership) or what-if the text; the status. */
static ipart_status give(entry to, const char *input, ipart_partnership *p)
{
    ipart_partnership *loaded = NULL;
    char *report = NULL;
    ipart_status rc = to == LOAD    ? ipart_partnership_load(&loaded, input)
                      : to == APPLY ? ipart_partnership_apply(p, input)
                                    : ipart_partnership_what_if_json(&report, p, input);
    ipart_partnership_free(loaded);
    ipart_free(report);
    return rc;
}

/* Every entry point refuses `input` with `code`, `key` and `path`, having
 * allocated nothing: the text was refused before any tree was built. */
static void assert_refused_before_parsing(const char *input, ipart_status code, const char *key,
                                          const char *path)
{
    ipart_partnership *p = stavanger_at(2);
    char *before = save(p);
    for (entry to = LOAD; to <= WHAT_IF; to++) {
        harness_fail_at(0);
        assert_fails_with(give(to, input, p), code);
        cr_assert_eq(harness_allocations(), 0, "entry %d allocated before refusing", (int)to);
        assert_detail(key, path);
    }
    char *after = save(p);
    cr_assert_str_eq(after, before);
    ipart_free(before);
    ipart_free(after);
    ipart_partnership_free(p);
}

static char *nested(size_t depth, const char *innermost)
{
    text t = {0};
    for (size_t i = 0; i < depth; i++)
        put(&t, "[");
    put(&t, innermost);
    for (size_t i = 0; i < depth; i++)
        put(&t, "]");
    return t.data;
}

Test(input, depth_beyond_32_is_erange_before_any_tree_is_built)
{
    /* 32 arrays: the value inside is at level 33. cJSON's own limit (1000)
     * and far beyond it give the same answer. */
    size_t depths[] = {32, 33, 1000, 1001, 100000};
    for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
        char *input = nested(depths[i], "0");
        char path[128] = "$";
        for (int level = 1; level <= 32; level++)
            strcat(path, "[0]");
        assert_refused_before_parsing(input, IPART_ERANGE, "document.depth", path);
        free(input);
    }
}

Test(input, depth_of_32_is_read)
{
    char *input = nested(31, "0"); /* the innermost value is at level 32 */
    cJSON *json = NULL;
    assert_ok(ipart__json_parse(&json, input, strlen(input), "$"));
    cJSON_Delete(json);
    free(input);
}

Test(input, a_byte_order_mark_is_refused_alike_by_load_apply_and_what_if)
{
    assert_refused_before_parsing("\xEF\xBB\xBF[]", IPART_EPARSE, "json.bom", "$");
    /* Without it the same text is read (an empty what-if is a valid request). */
    ipart_partnership *p = stavanger_at(2);
    assert_ok(give(WHAT_IF, "[]", p));
    ipart_partnership_free(p);
}

Test(input, text_over_64_mib_is_erange_for_load_apply_and_what_if)
{
    size_t size = IPART__MAX_INPUT_BYTES + 1;
    char *input = malloc(size + 1);
    cr_assert_not_null(input);
    memset(input, ' ', size);
    input[0] = '[';
    input[size - 1] = ']';
    input[size] = '\0';
    assert_refused_before_parsing(input, IPART_ERANGE, "document.size", "$");
    free(input);
}

/* ---- finding 5: cJSON's memory ------------------------------------------------ */

Test(input, cjson_allocates_through_the_hook_and_back_when_it_is_removed)
{
    static const char json_text[] = "{\"a\":[1,2,{\"b\":\"c\"}]}";
    long live = harness_live();
    harness_fail_at(0);
    cJSON *json = NULL;
    assert_ok(ipart__json_parse(&json, json_text, strlen(json_text), "$"));
    cr_assert_gt(harness_allocations(), 4, "cJSON's nodes are counted by the hook");
    cr_assert_gt(harness_live(), live);
    cJSON_Delete(json);
    cr_assert_eq(harness_live(), live);

    assert_ok(ipart_set_allocator(NULL)); /* cJSON back on malloc */
    harness_fail_at(0);
    json = cJSON_Parse(json_text);
    cr_assert_not_null(json);
    cr_assert_eq(harness_allocations(), 0);
    cJSON_Delete(json);
    harness_install();
}

static ipart_status parse_scenario(void *ctx)
{
    const char *json_text = ctx;
    cJSON *json = NULL;
    ipart_status rc = ipart__json_parse(&json, json_text, strlen(json_text), "$");
    cJSON_Delete(json);
    return rc;
}

Test(input, cjson_out_of_memory_is_enomem_not_eparse)
{
    cr_assert_gt(harness_fail_each(parse_scenario, "{\"a\":[1,2,{\"b\":\"c\"}],\"d\":\"e\"}"), 5);
}

/* Every allocation of applying the event failing in turn: IPART_ENOMEM and
 * nothing changed; then nothing fails and the event is applied. */
static int apply_failing_each_allocation(ipart_partnership *p, cJSON *event, void *ctx)
{
    (void)ctx;
    const char *type = harness_text(event, "type");
    char *event_text = cJSON_PrintUnformatted(event);
    char *before = save(p);
    for (long n = 1;; n++) {
        harness_fail_at(n);
        ipart_status rc = ipart_partnership_apply(p, event_text);
        int injected = harness_failure_injected();
        harness_fail_at(0);
        if (!injected) {
            cr_assert_eq(rc, IPART_OK, "%s", ipart_error_last()->message);
            break;
        }
        cr_assert_eq(rc, IPART_ENOMEM, "%s, allocation %ld: %s", type, n,
                     ipart_error_last()->message);
        char *after = save(p);
        cr_assert_str_eq(after, before, "%s, allocation %ld", type, n);
        ipart_free(after);
    }
    ipart_free(before);
    cJSON_free(event_text);
    return 1;
}

/* Each event type once (its first occurrence in the golden procedures). */
Test(input, every_event_type_is_atomic_when_cjson_runs_out_of_memory)
{
    int types = for_each_golden_event(1, apply_failing_each_allocation, NULL);
    cr_log_info("%d event types", types);
    cr_assert_geq(types, 25);
}

/* ---- every field refuses a value of the wrong kind ---------------------------- */

/* JSON kinds (true and false are one kind). */
static int kind_of(const cJSON *item)
{
    int type = item->type & 0xFF;
    return type == cJSON_True ? cJSON_False : type;
}

typedef struct mutation_run {
    const ipart_partnership *p;
    cJSON *event;
    int refused, accepted;
} mutation_run;

/* Apply the event as it is printed now to a copy of the case: refused at
 * `path` (shape or currency) and nothing changed - or, when `may_pass`
 * (the value may be valid there), anything but a changed refusal. */
static void apply_mutated(mutation_run *r, const char *path, int may_pass, const char *what)
{
    char *printed = cJSON_PrintUnformatted(r->event);
    cr_assert_not_null(printed);
    ipart_partnership *copy = NULL;
    assert_ok(ipart_partnership_clone(&copy, r->p));
    size_t count = ipart_partnership_event_count(copy);
    ipart_status rc = ipart_partnership_apply(copy, printed);
    if (rc == IPART_OK) {
        cr_assert(may_pass, "%s at %s was accepted: %s", what, path, printed);
        r->accepted++;
    } else if (may_pass) {
        cr_assert_eq(ipart_partnership_event_count(copy), count);
    } else {
        cr_assert(rc == IPART_EINVAL || rc == IPART_ECURRENCY, "%s at %s: %s (%s)", what, path,
                  ipart_error_name(rc), ipart_error_last()->message);
        cr_assert_str_eq(ipart_error_last()->path, path, "%s: %s", what,
                         ipart_error_last()->message);
        cr_assert_eq(ipart_partnership_event_count(copy), count);
        r->refused++;
    }
    ipart_partnership_free(copy);
    cJSON_free(printed);
}

/* Replace the value of `item` in place by one of each other kind, then put
 * it back. */
static void each_other_kind(mutation_run *r, cJSON *item, const char *path)
{
    static const int kinds[] = {cJSON_Number, cJSON_True, cJSON_NULL, cJSON_Array,
                                cJSON_Object, cJSON_String};
    cJSON saved = *item;
    static char letter[] = "s";
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (kinds[k] == kind_of(&saved) || (kinds[k] == cJSON_True && kind_of(&saved) == cJSON_False))
            continue;
        if (saved.string && strcmp(saved.string, "item") == 0 && kinds[k] == cJSON_String)
            continue; /* a blanket consent: R19's business, not the reader's */
        item->type = (saved.type & ~0xFF) | kinds[k];
        item->child = NULL;
        item->valuestring = kinds[k] == cJSON_String ? letter : NULL;
        item->valuedouble = 7;
        item->valueint = 7;
        /* null may mean "absent" (nullable fields), refused later or not;
         * the consent item may be a string (a blanket consent, R19). */
        int may_pass = kinds[k] == cJSON_NULL ||
                       (saved.string && strcmp(saved.string, "item") == 0);
        apply_mutated(r, path, may_pass, "another kind");
        *item = saved;
    }
}

/* A string made invalid: bad UTF-8, or one byte over the limit. */
static void each_bad_string(mutation_run *r, cJSON *item, const char *path)
{
    char *saved = item->valuestring;
    size_t n = strlen(saved);
    char *bad = malloc(IPART__MAX_STRING + 2);
    cr_assert_not_null(bad);
    snprintf(bad, IPART__MAX_STRING + 2, "%s\xC3(", saved); /* a lead byte, no continuation */
    item->valuestring = bad;
    apply_mutated(r, path, 0, "bad UTF-8");
    memset(bad, 'x', IPART__MAX_STRING + 1);
    memcpy(bad, saved, n < 8 ? n : 8);
    bad[IPART__MAX_STRING + 1] = '\0';
    apply_mutated(r, path, 0, "65 537 bytes");
    item->valuestring = saved;
    free(bad);
}

static void mutate_each_member(mutation_run *r, cJSON *node, const char *path)
{
    int index = 0;
    for (cJSON *child = node->child; child; child = child->next, index++) {
        char at[512];
        child_path(at, sizeof at, path, child, index);
        if (cJSON_IsNull(child))
            continue; /* an absent optional value: any kind may fill it */
        each_other_kind(r, child, at);
        if (cJSON_IsString(child))
            each_bad_string(r, child, at);
        mutate_each_member(r, child, at);
    }
}

static int mutate_event(ipart_partnership *p, cJSON *event, void *ctx)
{
    mutation_run r = {p, event, 0, 0};
    mutate_each_member(&r, event, "$");
    cr_assert_gt(r.refused, 6, "%s", harness_text(event, "type"));
    *(int *)ctx += r.refused;
    return 0;
}

Test(input, every_member_of_each_event_type_refuses_a_value_of_another_kind_at_its_path)
{
    int refused = 0;
    int types = for_each_golden_event(1, mutate_event, &refused);
    cr_log_info("%d mutations refused at their path over %d event types", refused, types);
    cr_assert_geq(types, 25);
}

/* ---- the prescan's corners ------------------------------------------------------ */

static void assert_parse_fails(const char *json_text, size_t length, ipart_status code,
                               const char *key, const char *path)
{
    cJSON *json = NULL;
    assert_fails_with(ipart__json_parse(&json, json_text, length, "$"), code);
    cr_assert_null(json);
    cr_assert_str_eq(ipart_error_last()->key, key, "%s", ipart_error_last()->message);
    if (path)
        cr_assert_str_eq(ipart_error_last()->path, path, "%s", ipart_error_last()->message);
}

Test(input, a_nul_is_found_wherever_the_string_is)
{
    static const char raw[] = "{\"a\":\"x\0y\"}"; /* a raw NUL byte, given a length */
    assert_parse_fails(raw, sizeof raw - 1, IPART_EINVAL, "document.string.nul", "$.a");
    assert_parse_fails("[1,\"\\u0000\"]", 12, IPART_EINVAL, "document.string.nul", "$[1]");
    assert_parse_fails("{\"\":\"\\u0000\"}", 13, IPART_EINVAL, "document.string.nul", "$.");
    assert_parse_fails("{\"a\\\"b\":{\"c\":[\"\\u0000\"]}}", 24, IPART_EINVAL,
                       "document.string.nul", "$.a\\\"b.c[0]");
    assert_parse_fails("\"\\u0000\"", 8, IPART_EINVAL, "document.string.nul", "$");
}

Test(input, a_long_path_is_cut_to_the_detail_buffer_not_overrun)
{
    text t = {0};
    put(&t, "{\"");
    for (int i = 0; i < 300; i++)
        put(&t, "k");
    put(&t, "\":\"\\u0000\"}");
    assert_parse_fails(t.data, t.len, IPART_EINVAL, "document.string.nul", NULL);
    const char *path = ipart_error_last()->path;
    cr_assert_eq(strncmp(path, "$.kkkk", 6), 0, "%s", path);
    cr_assert_lt(strlen(path), 256);
    free(t.data);
}

Test(input, text_that_is_not_json_passes_the_prescan_and_fails_as_syntax)
{
    static const char *const broken[] = {
        "]", "}", "1,2", "\"abc\\", "{\"ab", "\"\\u000", "[tru", "{\"a\" 1}", "[1 2]", "@",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        cJSON *json = NULL;
        ipart_status rc = ipart__json_parse(&json, broken[i], strlen(broken[i]), "$");
        cr_assert_eq(rc, IPART_EPARSE, "'%s': %s", broken[i], ipart_error_last()->message);
        cr_assert_null(json);
    }
}

Test(input, scalars_count_as_a_level_wherever_they_stand)
{
    /* 31 arrays, then an object whose member is at level 33. */
    char *deep = nested(31, "{\"a\":true}");
    assert_parse_fails(deep, strlen(deep), IPART_ERANGE, "document.depth", NULL);
    cr_assert(strstr(ipart_error_last()->path, "[0].a") != NULL, "%s",
              ipart_error_last()->path);
    free(deep);
    char *fits = nested(29, "{\"a\":[-1.5e3,null,false,\"x\"]}"); /* the scalars at 32 */
    cJSON *json = NULL;
    assert_ok(ipart__json_parse(&json, fits, strlen(fits), "$"));
    cJSON_Delete(json);
    free(fits);
}

/* ---- unknown fields: the hint's edit distance and its typo limit ------------- */

Test(input, edit_distance_counts_each_edit_once)
{
    cr_assert_eq(ipart__edit_distance("summary", "summary"), 0);
    cr_assert_eq(ipart__edit_distance("sumary", "summary"), 1);   /* insertion */
    cr_assert_eq(ipart__edit_distance("pirce", "price"), 1);      /* transposition */
    cr_assert_eq(ipart__edit_distance("kind", "id"), 2);
    cr_assert_eq(ipart__edit_distance("", "date"), 4);
    cr_assert_eq(ipart__edit_distance("tender", "price"), 5);
    char longer[80];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    cr_assert_eq(ipart__edit_distance(longer, "a"), 64, "overlong names are far");
    cr_assert_eq(ipart__edit_distance("a", longer), 64);
}

Test(input, the_hint_suggests_close_names_and_where_a_name_belongs)
{
    const object_spec *negotiation = &ipart__event_bodies[IPART__EV_NEGOTIATION_HELD];
    ipart__text both;
    const char *hint = both.in[IPART__EN];
    ipart__field_hint(&both, negotiation, 1, IPART__EV_NEGOTIATION_HELD, "tenderr");
    cr_assert_str_eq(hint, "did you mean 'tenderer'?");
    ipart__field_hint(&both, negotiation, 1, IPART__EV_NEGOTIATION_HELD, "acter");
    cr_assert_str_eq(hint, "did you mean 'actor'?", "the header fields count at event level");
    ipart__field_hint(&both, negotiation, 0, IPART__EV_NEGOTIATION_HELD, "acter");
    cr_assert_str_eq(hint, "", "but not inside an object");
    ipart__field_hint(&both, negotiation, 1, IPART__EV_NEGOTIATION_HELD, "tender");
    cr_assert_str_eq(hint, "did you mean 'tenderer'? ('tender' is a field of $ in "
                           "'tender_submitted')", "%s", hint);
    cr_assert_str_eq(both.in[IPART__NB], "mente du 'tenderer'? ('tender' er et felt i $ i "
                                         "'tender_submitted')", "%s", both.in[IPART__NB]);
    ipart__field_hint(&both, negotiation, 1, IPART__EV_NEGOTIATION_HELD, "zzzzzz");
    cr_assert_str_eq(hint, "");
}

/* The UTF-8 check reads plain ASCII eight bytes at a time (io/field_check.c):
 * a fault must be found wherever it falls against those eight-byte runs,
 * and a multi-byte character must pass wherever it starts. */
Test(input, utf8_faults_are_found_at_every_offset_of_the_eight_byte_runs)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 1);
    static const struct {
        const char *bytes;
        int valid;
    } pieces[] = {
        {"\xC3\xA6", 1},         /* æ */
        {"\xE2\x82\xAC", 1},     /* € */
        {"\xF0\x9F\x98\x80", 1}, /* an emoji */
        {"\xFF", 0},             /* never a UTF-8 byte */
        {"\xC0\xAF", 0},         /* overlong */
        {"\x80", 0},             /* a continuation byte alone */
        {"\xE2\x82", 0},         /* cut short by the end of the string */
    };
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
        for (size_t at = 0; at <= 17; at++) {
            char value[64] = {0};
            memset(value, 'a', at);
            strcat(value, pieces[k].bytes);
            if (pieces[k].valid || k != 6)
                strcat(value, "bcdefghij"); /* ASCII after it, except the cut one */
            char event[256];
            snprintf(event, sizeof event,
                     "{\"type\":\"note_recorded\",\"date\":\"2017-02-09\",\"actor\":\"stavanger\","
                     "\"text\":\"%s\"}",
                     value);
            ipart_partnership *q = NULL;
            assert_ok(ipart_partnership_clone(&q, p));
            ipart_status rc = ipart_partnership_apply(q, event);
            if (pieces[k].valid) {
                cr_assert_eq(rc, IPART_OK, "piece %zu at %zu: %s", k, at, ipart_error_last()->message);
            } else {
                cr_assert_eq(rc, IPART_EINVAL, "piece %zu at %zu", k, at);
                cr_assert_str_eq(ipart_error_last()->key, "document.string.utf8");
                cr_assert_str_eq(ipart_error_last()->path, "$.text");
            }
            ipart_partnership_free(q);
        }
    }
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

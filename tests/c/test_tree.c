/*
 * ipart_partnership_apply_tree (ipart/tree.h, issue #18) against its
 * definition: apply_all of the tree's JSON text. The host here is cJSON
 * (tree_cjson.h), so the text is cJSON's print of the same tree. Every
 * golden procedure and rejection gives the same status, error detail and
 * saved bytes both ways; the fast route (io/tree_p.h) takes the golden
 * batches whatever their key order; what only the text can decide (a NUL,
 * a repeated key, the size limit) is decided by the text; a node the host
 * cannot read or a number without JSON text fails at its path, applying
 * nothing; out of memory applies nothing.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "io/tree_p.h"
#include "tree_cjson.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(tree, IPART_TEST_FIXTURE);

/* ---- helpers ----------------------------------------------------------------- */

/* Whether the fast route takes `events` for `base` (nothing applied). */
static int fast_route_takes(const ipart_partnership *base, const ipart_tree_reader *reader,
                            void *host, const cJSON *events)
{
    ipart__ahead a;
    ipart__ahead_start(&a, base);
    ipart__stream_result r = ipart__tree_decode(&a, reader, host, events);
    ipart__ahead_end(&a);
    return r == IPART__STREAM_TAKEN;
}

/* apply_tree of `events` through `reader` on a clone of `base`, and
 * apply_all of `text` on another: the same outcome (status, error detail,
 * saved bytes). Returns the status. */
static ipart_status same_as(const ipart_partnership *base, const ipart_tree_reader *reader,
                            void *host, const cJSON *events, const char *text, const char *what)
{
    ipart_partnership *by_tree = NULL, *by_text = NULL;
    assert_ok(ipart_partnership_clone(&by_tree, base));
    assert_ok(ipart_partnership_clone(&by_text, base));
    harness_outcome a, b;
    harness_record(&b, ipart_partnership_apply_all(by_text, text), by_text);
    harness_record(&a, ipart_partnership_apply_tree(by_tree, reader, host, events), by_tree);
    harness_assert_same(&a, &b, what);
    free(a.saved);
    free(b.saved);
    ipart_partnership_free(by_tree);
    ipart_partnership_free(by_text);
    return a.rc;
}

/* same_as for a cJSON tree and cJSON's print of it. */
static ipart_status same_as_text(const ipart_partnership *base, const cJSON *events,
                                 const char *what)
{
    char *text = cJSON_PrintUnformatted(events);
    cr_assert_not_null(text);
    ipart_status rc = same_as(base, &tree_cjson_reader, NULL, events, text, what);
    cJSON_free(text);
    return rc;
}

/* `p` refuses `events` with `code` at `path` (error key `key`) and changes
 * nothing: the same event count and saved bytes. */
static void refused_whole(ipart_partnership *p, const cJSON *events, ipart_status code,
                          const char *path, const char *key)
{
    char *before = NULL, *after = NULL;
    assert_ok(ipart_partnership_save(&before, p));
    assert_fails_with(ipart_partnership_apply_tree(p, &tree_cjson_reader, NULL, events), code);
    cr_assert_str_eq(ipart_error_last()->path, path);
    cr_assert_str_eq(ipart_error_last()->key, key);
    assert_ok(ipart_partnership_save(&after, p));
    cr_assert_str_eq(after, before, "a refused tree changed the case");
    ipart_free(before);
    ipart_free(after);
}

/* A golden procedure's case and its events array (owned by the case). */
static cJSON *procedure(const char *name, const cJSON **events)
{
    char path[128];
    snprintf(path, sizeof path, "procedure/%s", name);
    cJSON *kase = harness_load_case(path);
    *events = harness_member(harness_member(kase, "document"), "events");
    return kase;
}

/* The same tree with every object's members in reverse order. */
static cJSON *reversed(const cJSON *node)
{
    cJSON *copy = cJSON_Duplicate(node, 0);
    cr_assert_not_null(copy);
    const cJSON *child;
    cJSON *children[512];
    int n = 0;
    cJSON_ArrayForEach(child, node) {
        cr_assert_lt(n, 512);
        children[n++] = reversed(child);
    }
    for (int i = 0; i < n; i++) {
        cJSON *c = children[cJSON_IsObject(node) ? n - 1 - i : i];
        if (cJSON_IsObject(node))
            cJSON_AddItemToObject(copy, c->string, c);
        else
            cJSON_AddItemToArray(copy, c);
    }
    return copy;
}

/* ---- golden cases ------------------------------------------------------------- */

static long same_procedure(const char *name)
{
    const cJSON *events;
    cJSON *kase = procedure(name, &events);
    ipart_partnership *base = harness_replay(kase, 0);
    cr_assert_eq(same_as_text(base, events, name), IPART_OK, "%s", name);
    cr_assert(fast_route_takes(base, &tree_cjson_reader, NULL, events),
              "%s: the fast route declined a golden procedure", name);
    cJSON *backwards = reversed(events);
    cr_assert_eq(same_as_text(base, backwards, name), IPART_OK, "%s reversed", name);
    cr_assert(fast_route_takes(base, &tree_cjson_reader, NULL, backwards),
              "%s: members in another order are declined", name);
    cJSON_Delete(backwards);
    ipart_partnership_free(base);
    cJSON_Delete(kase);
    return 1;
}

Test(tree, every_golden_procedure_is_taken_fast_to_the_bytes_of_its_text, .timeout = 300)
{
    int cases = 0;
    cr_assert_eq(harness_each_procedure(same_procedure, &cases), cases);
    cr_assert_geq(cases, 5);
}

/* One golden rejection as a tree: the text's outcome (the error, its path
 * "$[2]...", the events applied); 1 when the fast route takes it. */
static long same_rejection(const cJSON *row, ipart_partnership *base, const cJSON *batch,
                           int before, void *ctx)
{
    (void)before;
    (void)ctx;
    ipart_status rc = same_as_text(base, batch, harness_text(row, "name"));
    cr_assert_str_eq(ipart_error_name(rc), harness_text(row, "code"), "%s",
                     harness_text(row, "name"));
    return fast_route_takes(base, &tree_cjson_reader, NULL, batch);
}

/* Every golden rejection after the two events before it, as one tree. */
Test(tree, every_golden_rejection_is_the_error_of_its_text, .timeout = 300)
{
    int total = 0;
    long taken = harness_each_rejection_batch(same_rejection, NULL, &total);
    cr_log_info("%ld of %d rejections taken by the fast route", taken, total);
    cr_assert_gt(taken, total / 2, "only %ld of %d rejections taken fast", taken, total);
    cr_assert_geq(total, 200);
}

/* ---- what only the text decides ------------------------------------------------ */

/* The first `count` Stavanger events as a tree, and an empty case for them. */
static cJSON *stavanger(int count, ipart_partnership **base)
{
    const cJSON *events;
    cJSON *kase = procedure("stavanger.json", &events);
    *base = harness_replay(kase, 0);
    cJSON *array = cJSON_CreateArray();
    for (int i = 0; i < count; i++)
        cJSON_AddItemToArray(array, cJSON_Duplicate(cJSON_GetArrayItem(events, i), 1));
    cJSON_Delete(kase);
    return array;
}

static cJSON *event_at(cJSON *array, int i)
{
    return cJSON_GetArrayItem(array, i);
}

Test(tree, repeated_keys_wrong_types_and_numbers_are_decided_by_the_text)
{
    ipart_partnership *base;
    cJSON *events = stavanger(6, &base);
    /* A repeated key (cJSON keeps both), a second "type", a key the event
     * does not have, an object where a string goes, a number in a string
     * field, no "type". */
    const char *const names[] = {"actor", "type", "colour", "date", "actor"};
    for (int k = 0; k < 5; k++) {
        cJSON *changed = cJSON_Duplicate(events, 1);
        cJSON *ev = event_at(changed, 3);
        if (k == 3)
            cJSON_ReplaceItemInObjectCaseSensitive(ev, "date", cJSON_CreateObject());
        else if (k == 4)
            cJSON_ReplaceItemInObjectCaseSensitive(ev, "actor", cJSON_CreateNumber(7));
        else
            cJSON_AddItemToObject(ev, names[k], cJSON_CreateString("stavanger"));
        cr_assert_neq(same_as_text(base, changed, names[k]), IPART_OK, "case %d", k);
        cr_assert_not(fast_route_takes(base, &tree_cjson_reader, NULL, changed), "case %d", k);
        cJSON_Delete(changed);
    }
    cJSON *untyped = cJSON_Duplicate(events, 1);
    cJSON_DeleteItemFromObjectCaseSensitive(event_at(untyped, 2), "type");
    cr_assert_eq(same_as_text(base, untyped, "no type"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$[2].type");
    cJSON_Delete(untyped);
    /* Integers as the text writes them: 2^53 + 1 (a double), 1.5, -0, 1e300,
     * the limits, in terms_set's candidates.min (0..1000). */
    const double numbers[] = {9007199254740993.0, 1.5, -0.0, 1e300, 1000, 1001, -1, 3.0000001};
    for (size_t k = 0; k < sizeof numbers / sizeof numbers[0]; k++) {
        cJSON *changed = cJSON_Duplicate(events, 1);
        cJSON *candidates = cJSON_GetObjectItemCaseSensitive(event_at(changed, 5), "candidates");
        cr_assert_not_null(candidates, "terms_set without candidates");
        cJSON_ReplaceItemInObjectCaseSensitive(candidates, "min", cJSON_CreateNumber(numbers[k]));
        char what[64];
        snprintf(what, sizeof what, "min %.17g", numbers[k]);
        same_as_text(base, changed, what);
        cJSON_Delete(changed);
    }
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

/* Members in any order, nothing changed: the fast route takes them. */
Test(tree, a_stavanger_batch_in_reverse_member_order_is_taken_fast)
{
    ipart_partnership *base;
    cJSON *events = stavanger(123, &base);
    cJSON *backwards = reversed(events);
    cr_assert(fast_route_takes(base, &tree_cjson_reader, NULL, backwards));
    cr_assert_eq(same_as_text(base, backwards, "reversed"), IPART_OK);
    cJSON_Delete(backwards);
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

/* A host whose strings may hold a NUL: '#' in a cJSON string stands for it. */
static void nul_read(void *host, const void *node, ipart_tree_node *out)
{
    char *buffer = host;
    tree_cjson_reader.read(NULL, node, out);
    if (out->kind == IPART_TREE_STRING && memchr(out->text, '#', out->length)) {
        memcpy(buffer, out->text, out->length);
        for (size_t i = 0; i < out->length; i++)
            buffer[i] = buffer[i] == '#' ? '\0' : buffer[i];
        out->text = buffer;
    }
}

static int nul_next(void *host, const void *container, uintptr_t *cursor, const void **child,
                    const char **key, size_t *key_length)
{
    (void)host;
    return tree_cjson_reader.next(NULL, container, cursor, child, key, key_length);
}

Test(tree, a_nul_in_a_string_is_refused_as_its_escape_in_the_text)
{
    static const ipart_tree_reader nul_reader = {nul_read, nul_next};
    char buffer[4096];
    ipart_partnership *base;
    cJSON *events = stavanger(2, &base);
    cJSON *follower = cJSON_GetObjectItemCaseSensitive(event_at(events, 1), "follower");
    cJSON_ReplaceItemInObjectCaseSensitive(follower, "name", cJSON_CreateString("B#rum"));
    cr_assert_not(fast_route_takes(base, &nul_reader, buffer, events));
    const char *text_of_events = NULL;
    char *text = cJSON_PrintUnformatted(events);
    char *escaped = malloc(strlen(text) + 8);
    cr_assert_not_null(escaped);
    char *at = strstr(text, "B#rum");
    cr_assert_not_null(at);
    snprintf(escaped, strlen(text) + 8, "%.*sB\\u0000rum%s", (int)(at - text), text, at + 5);
    text_of_events = escaped;
    cr_assert_eq(same_as(base, &nul_reader, buffer, events, text_of_events, "NUL"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.string.nul");
    cr_assert_str_eq(ipart_error_last()->path, "$[1].follower.name");
    free(escaped);
    cJSON_free(text);
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

/* ---- what the host cannot give ---------------------------------------------- */

Test(tree, an_unreadable_node_or_a_number_without_text_fails_at_its_path_applying_nothing)
{
    ipart_partnership *base;
    cJSON *events = stavanger(4, &base);
    cJSON *raw = cJSON_Duplicate(events, 1);
    cJSON_ReplaceItemInObjectCaseSensitive(event_at(raw, 2), "actor", cJSON_CreateRaw("x"));
    refused_whole(base, raw, IPART_EINVAL, "$[2].actor", "tree.unreadable");
    cr_assert_not_null(strstr(ipart_error_last()->message, "$[2].actor"));
    cJSON *nan = cJSON_Duplicate(events, 1);
    cJSON *follower = cJSON_GetObjectItemCaseSensitive(event_at(nan, 3), "follower");
    cJSON_AddItemToObject(follower, "size", cJSON_CreateNumber(NAN));
    refused_whole(base, nan, IPART_EINVAL, "$[3].follower.size", "tree.number");
    cJSON *infinite = cJSON_Duplicate(events, 1);
    cJSON_ReplaceItemInArray(infinite, 0, cJSON_CreateNumber(-INFINITY));
    refused_whole(base, infinite, IPART_EINVAL, "$[0]", "tree.number");
    /* Below the nesting limit nothing is read: the text's depth error. */
    cJSON *deep = cJSON_Duplicate(events, 1), *inner = cJSON_CreateRaw("x");
    for (int level = 0; level < 40; level++) {
        cJSON *outer = cJSON_CreateArray();
        cJSON_AddItemToArray(outer, inner);
        inner = outer;
    }
    cJSON_AddItemToObject(event_at(deep, 1), "nested", inner);
    assert_fails_with(ipart_partnership_apply_tree(base, &tree_cjson_reader, NULL, deep),
                      IPART_ERANGE);
    cr_assert_str_eq(ipart_error_last()->key, "document.depth");
    cr_assert_eq(ipart_partnership_event_count(base), 0);
    cJSON_Delete(deep);
    cJSON_Delete(infinite);
    cJSON_Delete(nan);
    cJSON_Delete(raw);
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

Test(tree, not_an_array_and_null_arguments)
{
    ipart_partnership *base;
    cJSON *events = stavanger(1, &base);
    cr_assert_eq(same_as_text(base, event_at(events, 0), "an object"), IPART_EINVAL);
    cJSON *number = cJSON_CreateNumber(3);
    cr_assert_eq(same_as_text(base, number, "a number"), IPART_EINVAL);
    static const ipart_tree_reader half = {NULL, NULL};
    assert_fails_with(ipart_partnership_apply_tree(NULL, &tree_cjson_reader, NULL, events),
                      IPART_EMISUSE);
    assert_fails_with(ipart_partnership_apply_tree(base, NULL, NULL, events), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_apply_tree(base, &half, NULL, events), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_apply_tree(base, &tree_cjson_reader, NULL, NULL),
                      IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_event_count(base), 0);
    cJSON_Delete(number);
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

/* Text over 64 MiB is refused for its size, though every event decodes:
 * 200 followers named by 60 000 control bytes, 6 bytes each as escapes. */
Test(tree, a_tree_whose_text_passes_the_size_limit_applies_nothing, .timeout = 300)
{
    ipart_partnership *base;
    cJSON *events = stavanger(2, &base);
    cJSON *first = cJSON_CreateArray();
    cJSON_AddItemToArray(first, cJSON_DetachItemFromArray(events, 0));
    assert_ok(ipart_partnership_apply_tree(base, &tree_cjson_reader, NULL, first));
    char *controls = malloc(60001);
    cr_assert_not_null(controls);
    memset(controls, '\x01', 60000);
    controls[60000] = '\0';
    cJSON *follower = cJSON_GetObjectItemCaseSensitive(event_at(events, 0), "follower");
    cJSON_ReplaceItemInObjectCaseSensitive(follower, "name", cJSON_CreateString(controls));
    cJSON *many = cJSON_CreateArray();
    for (int i = 0; i < 200; i++)
        cJSON_AddItemToArray(many, cJSON_Duplicate(event_at(events, 0), 1));
    cr_assert_not(fast_route_takes(base, &tree_cjson_reader, NULL, many));
    refused_whole(base, many, IPART_ERANGE, "$", "document.size");
    free(controls);
    cJSON_Delete(many);
    cJSON_Delete(first);
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

/* ---- memory -------------------------------------------------------------------- */

Test(tree, out_of_memory_anywhere_is_enomem_and_applies_nothing, .timeout = 300)
{
    ipart_partnership *base;
    cJSON *events = stavanger(123, &base);
    char *before = NULL;
    assert_ok(ipart_partnership_save(&before, base));
    ipart_partnership *c = NULL;
    assert_ok(ipart_partnership_clone(&c, base));
    ipart__ahead a;
    harness_fail_at(0);
    ipart__ahead_start(&a, c);
    cr_assert_eq(ipart__tree_decode(&a, &tree_cjson_reader, NULL, events), IPART__STREAM_TAKEN);
    long decoding = harness_allocations();
    ipart__ahead_end(&a);
    ipart_partnership_free(c);
    cr_assert_geq(decoding, 3, "%ld allocations", decoding);
    for (long k = 1; k <= decoding; k++) {
        assert_ok(ipart_partnership_clone(&c, base));
        harness_fail_at(k);
        ipart_status got = ipart_partnership_apply_tree(c, &tree_cjson_reader, NULL, events);
        int injected = harness_failure_injected();
        harness_fail_at(0);
        cr_assert(injected, "allocation %ld", k);
        cr_assert_eq(got, IPART_ENOMEM, "allocation %ld", k);
        char *after = NULL;
        assert_ok(ipart_partnership_save(&after, c));
        cr_assert_str_eq(after, before, "allocation %ld: something applied", k);
        ipart_free(after);
        ipart_partnership_free(c);
    }
    ipart_free(before);
    cJSON_Delete(events);
    ipart_partnership_free(base);
}

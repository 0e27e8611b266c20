/*
 * Differential fuzz target (issue #18): ipart_partnership_apply_tree
 * against its definition, ipart_partnership_apply_all of the tree's JSON
 * text. The bytes are parsed by cJSON; the tree (the array itself, a single
 * value wrapped in an array, a document's events) is applied through the
 * cJSON host of the C tests (tests/c/tree_cjson.c), as it is and with every
 * object's members reversed (the fast route reads members in any order),
 * and its cJSON print is applied as text, to a new, a fresh and a staged
 * case. It aborts on any difference in status, error detail (code, rule,
 * source, path, key, message in English and bokmål), log length or saved
 * bytes. A tree holding a number without JSON text (cJSON reads 1e999 as
 * infinity) must instead fail with IPART_EINVAL "tree.number", applying
 * nothing.
 *
 * Built with clang -fsanitize=fuzzer when IPART_BUILD_FUZZERS is on;
 * otherwise fuzz_main.c replays the corpus as an ordinary test.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <math.h>
#include <stdint.h>

#include "fuzz_outcome.h"
#include "io/codec_p.h"
#include "io/tree_p.h"
#include "tree_cjson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t trees, taken, applied; /* trees tried, taken by the fast route, applied in full */

/* Whether a number that is not finite is in the tree above the nesting
 * limit (level 1 is the tree's root), where the text writer reads it. */
static int has_infinite(const cJSON *node, int level)
{
    if (level > IPART__MAX_DEPTH)
        return 0;
    if (cJSON_IsNumber(node))
        return !isfinite(node->valuedouble);
    for (const cJSON *c = node->child; c; c = c->next)
        if (has_infinite(c, level + 1))
            return 1;
    return 0;
}

static void check_tree(const ipart_partnership *base, const cJSON *tree)
{
    ipart_partnership *by_tree = NULL, *by_text = NULL;
    if (ipart_partnership_clone(&by_tree, base) != IPART_OK ||
        ipart_partnership_clone(&by_text, base) != IPART_OK)
        abort();
    outcome a, b;
    ipart__ahead ahead;
    ipart__ahead_start(&ahead, base);
    taken += ipart__tree_decode(&ahead, &tree_cjson_reader, NULL, tree) == IPART__STREAM_TAKEN;
    ipart__ahead_end(&ahead);
    trees++;
    record(&a, ipart_partnership_apply_tree(by_tree, &tree_cjson_reader, NULL, tree), by_tree);
    if (has_infinite(tree, 1)) {
        record(&b, IPART_OK, by_text); /* nothing applied */
        if (a.rc != IPART_EINVAL || strcmp(a.detail[3], "tree.number") != 0 ||
            strcmp(a.saved, b.saved) != 0)
            abort();
        ipart_free(a.saved);
        ipart_free(b.saved);
    } else {
        char *text = cJSON_PrintUnformatted(tree);
        if (!text)
            abort();
        record(&b, ipart_partnership_apply_all(by_text, text), by_text);
        applied += a.rc == IPART_OK;
        same(&a, &b);
        cJSON_free(text);
    }
    ipart_partnership_free(by_tree);
    ipart_partnership_free(by_text);
}

/* The same tree with every object's members in reverse order. */
static cJSON *reversed(const cJSON *node)
{
    cJSON *copy = cJSON_Duplicate(node, 0);
    if (!copy)
        abort();
    for (const cJSON *c = node->child; c; c = c->next) {
        cJSON *child = reversed(c);
        if (cJSON_IsObject(node)) {
            child->next = copy->child; /* prepended: reversed */
            if (copy->child) {
                child->prev = copy->child->prev;
                copy->child->prev = child;
            } else {
                child->prev = child;
            }
            copy->child = child;
        } else {
            cJSON_AddItemToArray(copy, child);
        }
    }
    return copy;
}

static ipart_partnership *fresh; /* just created, as fuzz_document's */
static ipart_partnership *empty; /* new: no event, no currency yet */

static void check_trees(const cJSON *tree, size_t size)
{
    const ipart_partnership *staged = at_stage[size % STAGE_COUNT];
    cJSON *backwards = reversed(tree);
    check_tree(empty, tree);
    check_tree(fresh, tree);
    check_tree(staged, tree);
    check_tree(staged, backwards);
    cJSON_Delete(backwards);
}

static void report(void)
{
    fprintf(stderr, "fuzz_tree: %zu trees, %zu taken by the fast route, %zu applied in full\n",
            trees, taken, applied);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fresh) {
        prepare();
        if (ipart_partnership_new(&fresh, "NO") != IPART_OK ||
            ipart_partnership_apply(fresh,
                                    "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\","
                                    "\"actor\":\"a\",\"authority\":{\"id\":\"a\",\"name\":\"A\","
                                    "\"kind\":\"sub_central\"},\"title\":\"t\",\"currency\":\"NOK\"}") !=
                IPART_OK)
            abort();
        if (ipart_partnership_new(&empty, "NO") != IPART_OK)
            abort();
        atexit(report);
    }
    cJSON *json = cJSON_ParseWithLength((const char *)data, size);
    if (!json)
        return 0;
    const cJSON *events = cJSON_GetObjectItemCaseSensitive(json, "events");
    if (cJSON_IsArray(json)) {
        check_trees(json, size);
    } else {
        cJSON *wrapped = cJSON_CreateArray();
        if (!wrapped)
            abort();
        cJSON_AddItemReferenceToArray(wrapped, json);
        check_trees(wrapped, size);
        cJSON_Delete(wrapped);
    }
    if (cJSON_IsArray(events))
        check_trees(events, size);
    cJSON_Delete(json);
    return 0;
}

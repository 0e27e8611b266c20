/*
 * Tender evaluation: the golden cases of tests/cases/evaluation (shared
 * with the Python and Java tests), properties checked against brute force,
 * atomicity and the failing allocator.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "rules/evaluation_p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(evaluation, IPART_TEST_FIXTURE);

/* ---- golden cases -------------------------------------------------------------- */

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static int64_t number_text(const cJSON *v)
{
    cr_assert(cJSON_IsString(v), "golden values are strings");
    char *end = NULL;
    long long x = strtoll(v->valuestring, &end, 10);
    cr_assert(end && *end == '\0', "not an integer: %s", v->valuestring);
    return x;
}

static ipart_price_model model_of(const cJSON *kase)
{
    ipart_price_model m;
    assert_ok(ipart_price_model_parse(&m, harness_text(kase, "model")));
    return m;
}

/* The inputs of a case: its own kinds/values/scale or those of its set. */
typedef struct inputs {
    int64_t kinds[8];
    size_t criteria;
    int64_t values[64];
    size_t count;
    int64_t scale, reference;
    ipart_price_model model;
} inputs;

static inputs inputs_of(const cJSON *file, const cJSON *kase)
{
    inputs in;
    memset(&in, 0, sizeof in);
    const cJSON *src = item(kase, "set") ? harness_member(harness_member(file, "sets"),
                                                         harness_text(kase, "set"))
                                         : kase;
    const cJSON *k;
    cJSON_ArrayForEach(k, harness_member(src, "kinds")) {
        cr_assert_lt(in.criteria, 8);
        in.kinds[in.criteria++] = strcmp(k->valuestring, "price") == 0 ? IPART_CRITERION_PRICE
                                                                       : IPART_CRITERION_QUALITY;
    }
    const cJSON *row, *v;
    cJSON_ArrayForEach(row, harness_member(src, "values"))
        cJSON_ArrayForEach(v, row) {
            cr_assert_lt(in.count, 64);
            in.values[in.count++] = number_text(v);
        }
    in.scale = harness_int(src, "quality_scale");
    in.reference = item(kase, "reference_price") ? number_text(item(kase, "reference_price")) : 0;
    in.model = model_of(kase);
    return in;
}

static ipart_evaluation *evaluation_of(const inputs *in)
{
    ipart_evaluation *e = NULL;
    assert_ok(ipart_evaluation_new(&e, in->model, in->reference, in->scale, in->kinds,
                                   in->criteria, in->values, in->count));
    return e;
}

static size_t int_array(int64_t *out, size_t max, const cJSON *array)
{
    size_t n = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, array) {
        if (cJSON_IsArray(v)) {
            n += int_array(out + n, max - n, v);
            continue;
        }
        cr_assert_lt(n, max);
        out[n++] = (int64_t)v->valuedouble;
    }
    return n;
}

Test(evaluation, golden_scoring)
{
    cJSON *file = harness_load_case("evaluation/scoring.json");
    const cJSON *kase;
    int count = 0;
    cJSON_ArrayForEach(kase, harness_member(file, "scoring")) {
        const char *name = harness_text(kase, "name");
        inputs in = inputs_of(file, kase);
        ipart_evaluation *e = evaluation_of(&in);
        int64_t w[8], want_totals[16], want_ranks[16], totals[16], ranks[16];
        size_t k = int_array(w, 8, harness_member(kase, "weights"));
        size_t n = int_array(want_totals, 16, harness_member(kase, "totals"));
        int_array(want_ranks, 16, harness_member(kase, "ranks"));
        cr_assert_eq(ipart_evaluation_tenders(e), n, "%s", name);
        assert_ok(ipart_evaluation_score(totals, n, ranks, n, e, w, k));
        for (size_t t = 0; t < n; t++) {
            cr_assert_eq(totals[t], want_totals[t], "%s: total of %zu is %lld, expected %lld",
                         name, t, (long long)totals[t], (long long)want_totals[t]);
            cr_assert_eq(ranks[t], want_ranks[t], "%s: rank of %zu", name, t);
        }
        int64_t winner = 0;
        assert_ok(ipart_evaluation_bulk(&winner, 1, NULL, 0, e, w, k));
        cr_assert_eq(winner, harness_int(kase, "winner"), "%s: winner", name);
        ipart_evaluation_free(e);
        count++;
    }
    cr_assert_geq(count, 5);
    cJSON_Delete(file);
}

Test(evaluation, golden_bulk)
{
    cJSON *file = harness_load_case("evaluation/scoring.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, harness_member(file, "bulk")) {
        const char *name = harness_text(kase, "name");
        inputs in = inputs_of(file, kase);
        ipart_evaluation *e = evaluation_of(&in);
        int64_t w[64], want_winners[16], want_totals[64], winners[16], totals[64];
        size_t wc = int_array(w, 64, harness_member(kase, "weights"));
        size_t m = int_array(want_winners, 16, harness_member(kase, "winners"));
        size_t tc = int_array(want_totals, 64, harness_member(kase, "totals"));
        assert_ok(ipart_evaluation_bulk(winners, m, totals, tc, e, w, wc));
        for (size_t i = 0; i < m; i++)
            cr_assert_eq(winners[i], want_winners[i], "%s: winner of vector %zu", name, i);
        for (size_t i = 0; i < tc; i++)
            cr_assert_eq(totals[i], want_totals[i], "%s: total %zu", name, i);
        /* Without totals: the same winners. */
        memset(winners, 0x55, sizeof winners);
        assert_ok(ipart_evaluation_bulk(winners, m, NULL, 0, e, w, wc));
        for (size_t i = 0; i < m; i++)
            cr_assert_eq(winners[i], want_winners[i]);
        ipart_evaluation_free(e);
    }
    cJSON_Delete(file);
}

static cJSON *stability(const ipart_evaluation *e, const int64_t *w, size_t k)
{
    char *text = NULL;
    assert_ok(ipart_evaluation_stability_json(&text, e, w, k));
    cJSON *json = cJSON_Parse(text);
    cr_assert_not_null(json, "stability is not JSON: %s", text);
    ipart_free(text);
    return json;
}

/* Same JSON value (cJSON_Compare, numbers exactly). */
static void assert_same(const cJSON *got, const cJSON *want, const char *what)
{
    char *g = cJSON_PrintUnformatted(got), *x = cJSON_PrintUnformatted(want);
    cr_assert(cJSON_Compare(got, want, 1), "%s: got %s, expected %s", what, g, x);
    cJSON_free(g);
    cJSON_free(x);
}

Test(evaluation, golden_stability)
{
    cJSON *file = harness_load_case("evaluation/scoring.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, harness_member(file, "stability")) {
        const char *name = harness_text(kase, "name");
        inputs in = inputs_of(file, kase);
        ipart_evaluation *e = evaluation_of(&in);
        int64_t w[8];
        size_t k = int_array(w, 8, harness_member(kase, "weights"));
        cJSON *got = stability(e, w, k);
        assert_same(item(got, "winner"), harness_member(kase, "winner"), name);
        assert_same(item(got, "winner_change"), harness_member(kase, "winner_change"), name);
        if (item(kase, "removals"))
            assert_same(item(got, "removals"), item(kase, "removals"), name);
        const cJSON *want;
        if (item(kase, "pairs")) {
            cr_assert_eq(cJSON_GetArraySize(item(got, "pairs")),
                         cJSON_GetArraySize(item(kase, "pairs")));
            cJSON_ArrayForEach(want, item(kase, "pairs")) {
                const cJSON *p, *found = NULL;
                cJSON_ArrayForEach(p, item(got, "pairs"))
                    if (cJSON_Compare(item(p, "ahead"), item(want, "ahead"), 1) &&
                        cJSON_Compare(item(p, "behind"), item(want, "behind"), 1))
                        found = p;
                cr_assert_not_null(found, "%s: a pair is missing", name);
                assert_same(found, want, name);
            }
        }
        cJSON_Delete(got);
        ipart_evaluation_free(e);
    }
    cJSON_Delete(file);
}

/* The JSON ipart_evaluation_stability_json() should write, from the typed result. */
static cJSON *stability_typed(const ipart_stability *s)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON *totals = cJSON_AddArrayToObject(obj, "totals");
    cJSON *ranks = cJSON_AddArrayToObject(obj, "ranks");
    size_t n = ipart_stability_tender_count(s);
    int64_t winner = ipart_stability_winner(s);
    cJSON *top = cJSON_CreateArray();
    for (size_t t = 0; t < n; t++) {
        ipart_stability_tender row;
        assert_ok(ipart_stability_tender_at(&row, s, t));
        cJSON_AddItemToArray(totals, cJSON_CreateNumber((double)row.total));
        cJSON_AddItemToArray(ranks, cJSON_CreateNumber((double)row.rank));
        if (row.tied_at_top)
            cJSON_AddItemToArray(top, cJSON_CreateNumber((double)t));
        cr_assert_eq(row.tied_at_top, row.rank == 1 && winner == IPART_EVAL_TIED);
    }
    if (winner == IPART_EVAL_TIED)
        cJSON_AddNullToObject(obj, "winner");
    else
        cJSON_AddNumberToObject(obj, "winner", (double)winner);
    cJSON_AddItemToObject(obj, "tied_at_top", top);
    cJSON *pairs = cJSON_AddArrayToObject(obj, "pairs");
    cr_assert_eq(ipart_stability_pair_count(s), n * (n - 1) / 2);
    for (size_t i = 0; i < ipart_stability_pair_count(s); i++) {
        ipart_stability_pair pr;
        assert_ok(ipart_stability_pair_at(&pr, s, i));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(pairs, row);
        cJSON_AddNumberToObject(row, "ahead", (double)pr.ahead);
        cJSON_AddNumberToObject(row, "behind", (double)pr.behind);
        cJSON_AddNumberToObject(row, "margin", (double)pr.margin);
        if (!pr.has_swap) {
            cJSON_AddNullToObject(row, "swap");
            continue;
        }
        cJSON *swap = cJSON_AddObjectToObject(row, "swap");
        cJSON_AddNumberToObject(swap, "from", (double)pr.swap_from);
        cJSON_AddNumberToObject(swap, "to", (double)pr.swap_to);
        cJSON_AddNumberToObject(swap, "basis_points", (double)pr.swap_basis_points);
    }
    ipart_winner_change c;
    if (ipart_stability_winner_change(&c, s) == IPART_OK) {
        cJSON *change = cJSON_AddObjectToObject(obj, "winner_change");
        cJSON_AddNumberToObject(change, "challenger", (double)c.challenger);
        cJSON_AddNumberToObject(change, "from", (double)c.from_criterion);
        cJSON_AddNumberToObject(change, "to", (double)c.to_criterion);
        cJSON_AddNumberToObject(change, "basis_points", (double)c.basis_points);
    } else {
        cr_assert_eq(ipart_error_last()->code, IPART_ENOTFOUND);
        cJSON_AddNullToObject(obj, "winner_change");
    }
    cJSON *removals = cJSON_AddArrayToObject(obj, "removals");
    for (size_t r = 0; r < n; r++) {
        ipart_stability_removal rm;
        assert_ok(ipart_stability_removal_at(&rm, s, r));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(removals, row);
        cJSON_AddNumberToObject(row, "removed", (double)rm.removed);
        cJSON_AddBoolToObject(row, "reversal", rm.reversal);
        cJSON_AddNumberToObject(row, "changed_pairs", (double)rm.changed_pairs);
        if (rm.has_pair) {
            int pair[2] = {(int)rm.pair_first, (int)rm.pair_second};
            cJSON_AddItemToObject(row, "pair", cJSON_CreateIntArray(pair, 2));
        } else {
            cJSON_AddNullToObject(row, "pair");
        }
        if (rm.winner_after == IPART_EVAL_TIED)
            cJSON_AddNullToObject(row, "winner_after");
        else
            cJSON_AddNumberToObject(row, "winner_after", (double)rm.winner_after);
    }
    ipart_stability_tender past;
    assert_fails_with(ipart_stability_tender_at(&past, s, n), IPART_ENOTFOUND);
    return obj;
}

Test(evaluation, golden_stability_typed_results_are_the_export)
{
    cJSON *file = harness_load_case("evaluation/scoring.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, harness_member(file, "stability")) {
        const char *name = harness_text(kase, "name");
        inputs in = inputs_of(file, kase);
        ipart_evaluation *e = evaluation_of(&in);
        int64_t w[8];
        size_t k = int_array(w, 8, harness_member(kase, "weights"));
        ipart_stability *s = NULL;
        assert_ok(ipart_evaluation_stability(&s, e, w, k));
        /* The result is independent of the evaluation once made. */
        ipart_evaluation_free(e);
        const cJSON *winner = harness_member(kase, "winner");
        cr_assert_eq(ipart_stability_winner(s),
                     cJSON_IsNull(winner) ? IPART_EVAL_TIED : (int64_t)winner->valuedouble,
                     "%s: winner", name);
        cJSON *typed = stability_typed(s);
        e = evaluation_of(&in);
        cJSON *exported = stability(e, w, k);
        assert_same(exported, typed, name);
        assert_same(item(typed, "winner_change"), harness_member(kase, "winner_change"), name);
        cJSON_Delete(typed);
        cJSON_Delete(exported);
        ipart_stability_free(s);
        ipart_evaluation_free(e);
    }
    ipart_stability_free(NULL);
    cr_assert_eq(ipart_stability_winner(NULL), IPART_EVAL_TIED);
    cJSON_Delete(file);
}

Test(evaluation, golden_errors)
{
    cJSON *file = harness_load_case("evaluation/scoring.json");
    const cJSON *kase;
    int count = 0;
    cJSON_ArrayForEach(kase, harness_member(file, "errors")) {
        const char *name = harness_text(kase, "name"), *call = harness_text(kase, "call");
        ipart_status want = harness_status_named(harness_text(kase, "error"));
        inputs in = inputs_of(file, kase);
        int64_t w[64], sentinel[64], out1[64], out2[64];
        size_t wc = item(kase, "weights") ? int_array(w, 64, item(kase, "weights")) : 0;
        memset(sentinel, 0x5a, sizeof sentinel);
        memcpy(out1, sentinel, sizeof out1);
        memcpy(out2, sentinel, sizeof out2);
        ipart_status rc;
        ipart_evaluation *e = NULL;
        char *text = NULL;
        if (strcmp(call, "new") == 0) {
            rc = ipart_evaluation_new(&e, in.model, in.reference, in.scale, in.kinds,
                                      in.criteria, in.values, in.count);
            cr_assert_null(e, "%s: a failed new must not hand out an object", name);
        } else {
            e = evaluation_of(&in);
            size_t n = ipart_evaluation_tenders(e), m = wc / in.criteria;
            if (strcmp(call, "score") == 0)
                rc = ipart_evaluation_score(out1, n, out2, n, e, w, wc);
            else if (strcmp(call, "bulk") == 0)
                rc = ipart_evaluation_bulk(out1, m, out2, m * n, e, w, wc);
            else
                rc = ipart_evaluation_stability_json(&text, e, w, wc);
            ipart_evaluation_free(e);
        }
        cr_assert_eq(rc, want, "%s: %s (%s)", name, ipart_error_name(rc),
                     ipart_error_last()->message);
        cr_assert_eq(ipart_error_last()->code, want);
        cr_assert_str_eq(ipart_error_last()->path, harness_text(kase, "path"), "%s", name);
        cr_assert_str_eq(ipart_error_last()->rule, "");
        cr_assert_null(text);
        cr_assert(memcmp(out1, sentinel, sizeof out1) == 0, "%s wrote an output", name);
        cr_assert(memcmp(out2, sentinel, sizeof out2) == 0, "%s wrote an output", name);
        count++;
    }
    cr_assert_geq(count, 10);
    cJSON_Delete(file);
}

Test(evaluation, weights_sum_message)
{
    int64_t kinds[] = {IPART_CRITERION_PRICE, IPART_CRITERION_QUALITY}, values[] = {100, 5};
    ipart_evaluation *e = NULL;
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 10, kinds, 2, values, 2));
    int64_t w[] = {3000, 6999}, total, rank;
    assert_fails_with(ipart_evaluation_score(&total, 1, &rank, 1, e, w, 2), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "weights: the weights sum to 9999 basis points; they must sum to 10000 (100 %)");
    cr_assert_str_eq(ipart_error_last()->key, "evaluation.weights.sum");
    ipart_evaluation_free(e);
}

Test(evaluation, misuse_and_names)
{
    ipart_price_model m;
    int64_t x = 0, kinds[] = {0}, values[] = {5};
    ipart_evaluation *e = NULL;
    assert_fails_with(ipart_price_model_parse(&m, "cheapest"), IPART_EINVAL);
    assert_fails_with(ipart_price_model_parse(NULL, "linear"), IPART_EMISUSE);
    assert_fails_with(ipart_evaluation_new(NULL, IPART_PRICE_LINEAR, 0, 10, kinds, 1, values, 1),
                      IPART_EMISUSE);
    assert_fails_with(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 0, 10, NULL, 1, values, 1),
                      IPART_EMISUSE);
    assert_fails_with(ipart_evaluation_new(&e, (ipart_price_model)7, 0, 10, kinds, 1, values, 1),
                      IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "model");
    int64_t bad_kind[] = {2};
    assert_fails_with(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 0, 10, bad_kind, 1, values, 1),
                      IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "kinds[0]");
    assert_fails_with(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 0, 10, kinds, 0, NULL, 0),
                      IPART_EINVAL);
    cr_assert_null(e);
    for (int i = 0; i < 3; i++) {
        assert_ok(ipart_price_model_parse(&m, ipart_price_model_name((ipart_price_model)i)));
        cr_assert_eq((int)m, i);
    }
    cr_assert_str_eq(ipart_price_model_name((ipart_price_model)9), "unknown");
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 0, 10, kinds, 1, values, 1));
    assert_fails_with(ipart_evaluation_points(&x, e, 1, 0, 100), IPART_ENOTFOUND);
    assert_fails_with(ipart_evaluation_points(&x, e, 0, 0, 10001), IPART_EINVAL);
    assert_ok(ipart_evaluation_points(&x, e, 0, 0, 2500));
    cr_assert_eq(x, 25000000, "a sole tender is the lowest: full points");
    assert_fails_with(ipart_evaluation_bulk(&x, 1, NULL, 0, e, NULL, 1), IPART_EMISUSE);
    assert_fails_with(ipart_evaluation_stability_json(NULL, e, values, 1), IPART_EMISUSE);
    cr_assert_eq(ipart_evaluation_tenders(NULL), 0);
    cr_assert_eq(ipart_evaluation_criteria(e), 1);
    ipart_evaluation_free(e);
    ipart_evaluation_free(NULL);
}

/* ---- the models on the edges ----------------------------------------------------- */

Test(evaluation, model_edges)
{
    int64_t kinds[] = {IPART_CRITERION_PRICE};
    int64_t prices[] = {1000, 1500, 2000, 2500};
    ipart_evaluation *e = NULL;
    int64_t pts;
    /* Linear with a reference below the highest: the floor at 0. */
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 2000, 10, kinds, 1, prices, 4));
    int64_t want_linear[] = {100000000, 50000000, 0, 0};
    for (size_t t = 0; t < 4; t++) {
        assert_ok(ipart_evaluation_points(&pts, e, t, 0, 10000));
        cr_assert_eq(pts, want_linear[t], "linear tender %zu: %lld", t, (long long)pts);
    }
    ipart_evaluation_free(e);
    /* Linear with a reference at or below the lowest: full points at the lowest only. */
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 900, 10, kinds, 1, prices, 4));
    assert_ok(ipart_evaluation_points(&pts, e, 0, 0, 10000));
    cr_assert_eq(pts, 100000000);
    assert_ok(ipart_evaluation_points(&pts, e, 1, 0, 10000));
    cr_assert_eq(pts, 0);
    ipart_evaluation_free(e);
    /* Proportional deviation: 50 % above = half the points, 100 % and more = 0. */
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_PROPORTIONAL_DEVIATION, 0, 10, kinds, 1,
                                   prices, 4));
    int64_t want_dev[] = {100000000, 50000000, 0, 0};
    for (size_t t = 0; t < 4; t++) {
        assert_ok(ipart_evaluation_points(&pts, e, t, 0, 10000));
        cr_assert_eq(pts, want_dev[t], "deviation tender %zu", t);
    }
    ipart_evaluation_free(e);
    /* Equal prices under linear (reference = highest = lowest): all full points. */
    int64_t same[] = {700, 700};
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_LINEAR, 0, 10, kinds, 1, same, 2));
    assert_ok(ipart_evaluation_points(&pts, e, 1, 0, 10000));
    cr_assert_eq(pts, 100000000);
    ipart_evaluation_free(e);
    /* Prices near INT64_MAX take the exact 128-bit path: 1/3 of 100 points rounds down. */
    int64_t huge[] = {INT64_MAX / 3, INT64_MAX / 3 * 3};
    assert_ok(ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 10, kinds, 1, huge, 2));
    assert_ok(ipart_evaluation_points(&pts, e, 1, 0, 10000));
    cr_assert_eq(pts, 33333333);
    ipart_evaluation_free(e);
}

/* ---- properties, against brute force --------------------------------------------------- */

static uint64_t rng_state = 88172645463325252ULL;

static int64_t rnd(int64_t lo, int64_t hi) /* inclusive */
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return lo + (int64_t)(rng_state % (uint64_t)(hi - lo + 1));
}

typedef struct random_case {
    size_t n, k;
    int64_t kinds[4], values[40], w[4], scale;
    ipart_price_model model;
} random_case;

static random_case random_case_make(ipart_price_model model)
{
    random_case c;
    c.model = model;
    c.n = (size_t)rnd(2, 7);
    c.k = (size_t)rnd(2, 4);
    c.scale = rnd(1, 3) == 1 ? 10 : 100;
    int64_t left = 10000;
    for (size_t j = 0; j < c.k; j++) {
        c.kinds[j] = j == 0 ? IPART_CRITERION_PRICE : rnd(0, 3) == 0 ? IPART_CRITERION_PRICE
                                                                     : IPART_CRITERION_QUALITY;
        c.w[j] = j + 1 == c.k ? left : rnd(0, left);
        left -= c.w[j];
    }
    for (size_t t = 0; t < c.n; t++)
        for (size_t j = 0; j < c.k; j++)
            c.values[t * c.k + j] = c.kinds[j] == IPART_CRITERION_PRICE ? rnd(900000, 2000000)
                                                                        : rnd(0, c.scale);
    return c;
}

static ipart_evaluation *random_evaluation(const random_case *c)
{
    ipart_evaluation *e = NULL;
    assert_ok(ipart_evaluation_new(&e, c->model, 0, c->scale, c->kinds, c->k, c->values,
                                   c->n * c->k));
    return e;
}

Test(evaluation, property_scaling_prices_keeps_relative_totals)
{
    for (int round = 0; round < 200; round++) {
        random_case c = random_case_make(IPART_PRICE_RELATIVE);
        ipart_evaluation *e = random_evaluation(&c);
        int64_t factor = rnd(2, 1000);
        for (size_t i = 0; i < c.n * c.k; i++)
            if (c.kinds[i % c.k] == IPART_CRITERION_PRICE)
                c.values[i] *= factor;
        ipart_evaluation *scaled = random_evaluation(&c);
        int64_t t1[8], r1[8], t2[8], r2[8];
        assert_ok(ipart_evaluation_score(t1, c.n, r1, c.n, e, c.w, c.k));
        assert_ok(ipart_evaluation_score(t2, c.n, r2, c.n, scaled, c.w, c.k));
        for (size_t t = 0; t < c.n; t++) {
            cr_assert_eq(t1[t], t2[t], "round %d: prices x %lld changed a total", round,
                         (long long)factor);
            cr_assert_eq(r1[t], r2[t]);
        }
        ipart_evaluation_free(e);
        ipart_evaluation_free(scaled);
    }
}

/* Totals under w with d basis points moved from a to b. */
static void totals_moved(int64_t *out, const ipart_evaluation *e, const random_case *c, size_t a,
                         size_t b, int64_t d)
{
    int64_t w[4], ranks[8];
    memcpy(w, c->w, sizeof w);
    w[a] -= d;
    w[b] += d;
    assert_ok(ipart_evaluation_score(out, c->n, ranks, c->n, e, w, c->k));
}

Test(evaluation, property_stability_matches_brute_force)
{
    int swaps = 0, nones = 0, reversals = 0;
    for (int round = 0; round < 40; round++) {
        random_case c = random_case_make((ipart_price_model)(round % 3));
        ipart_evaluation *e = random_evaluation(&c);
        cJSON *s = stability(e, c.w, c.k);
        const cJSON *p;
        cJSON_ArrayForEach(p, item(s, "pairs")) {
            size_t ahead = (size_t)item(p, "ahead")->valueint;
            size_t behind = (size_t)item(p, "behind")->valueint;
            /* Brute force: the smallest d over every transfer a -> b. */
            int64_t best = 0;
            size_t best_a = 0, best_b = 0;
            int64_t tot[8];
            for (size_t a = 0; a < c.k; a++)
                for (size_t b = 0; b < c.k; b++) {
                    if (a == b)
                        continue;
                    for (int64_t d = 1; d <= c.w[a] && (!best || d < best); d++) {
                        totals_moved(tot, e, &c, a, b, d);
                        if (tot[behind] > tot[ahead]) {
                            best = d;
                            best_a = a;
                            best_b = b;
                            break;
                        }
                    }
                }
            const cJSON *swap = item(p, "swap");
            if (!best) {
                cr_assert(cJSON_IsNull(swap), "round %d: a swap that brute force cannot find",
                          round);
                nones++;
                continue;
            }
            swaps++;
            cr_assert(cJSON_IsObject(swap), "round %d: brute force swaps %zu/%zu at %lld", round,
                      ahead, behind, (long long)best);
            cr_assert_eq(item(swap, "basis_points")->valuedouble, (double)best, "round %d", round);
            cr_assert_eq((size_t)item(swap, "from")->valueint, best_a);
            cr_assert_eq((size_t)item(swap, "to")->valueint, best_b);
        }
        /* Removals against evaluations built without the tender. */
        int64_t full[8], ranks[8];
        assert_ok(ipart_evaluation_score(full, c.n, ranks, c.n, e, c.w, c.k));
        const cJSON *r;
        cJSON_ArrayForEach(r, item(s, "removals")) {
            size_t gone = (size_t)item(r, "removed")->valueint;
            random_case less = c;
            less.n = c.n - 1;
            for (size_t t = 0, u = 0; t < c.n; t++)
                if (t != gone)
                    memcpy(less.values + (u++) * c.k, c.values + t * c.k, c.k * sizeof(int64_t));
            ipart_evaluation *e2 = random_evaluation(&less);
            int64_t after[8], ranks2[8];
            assert_ok(ipart_evaluation_score(after, less.n, ranks2, less.n, e2, c.w, c.k));
            size_t changed = 0;
            for (size_t i = 0; i < less.n; i++)
                for (size_t j = i + 1; j < less.n; j++) {
                    size_t oi = i < gone ? i : i + 1, oj = j < gone ? j : j + 1;
                    int before = (full[oi] > full[oj]) - (full[oi] < full[oj]);
                    int now = (after[i] > after[j]) - (after[i] < after[j]);
                    changed += before != now;
                }
            cr_assert_eq((size_t)item(r, "changed_pairs")->valueint, changed, "round %d", round);
            cr_assert_eq(cJSON_IsTrue(item(r, "reversal")), changed > 0);
            reversals += changed > 0;
            ipart_evaluation_free(e2);
        }
        cJSON_Delete(s);
        ipart_evaluation_free(e);
    }
    /* The random cases must cover both outcomes, or the test proves little. */
    cr_assert_gt(swaps, 20);
    cr_assert_gt(nones, 5);
    cr_assert_gt(reversals, 0);
}

Test(evaluation, property_bulk_agrees_with_score)
{
    random_case c = random_case_make(IPART_PRICE_LINEAR);
    ipart_evaluation *e = random_evaluation(&c);
    enum { M = 50 };
    int64_t w[M * 4], winners[M], totals[M * 8];
    for (size_t m = 0; m < M; m++) {
        int64_t left = 10000;
        for (size_t j = 0; j < c.k; j++) {
            w[m * c.k + j] = j + 1 == c.k ? left : rnd(0, left);
            left -= w[m * c.k + j];
        }
    }
    assert_ok(ipart_evaluation_bulk(winners, M, totals, M * c.n, e, w, M * c.k));
    for (size_t m = 0; m < M; m++) {
        int64_t one[8], ranks[8];
        assert_ok(ipart_evaluation_score(one, c.n, ranks, c.n, e, w + m * c.k, c.k));
        size_t firsts = 0, first = 0;
        for (size_t t = 0; t < c.n; t++) {
            cr_assert_eq(totals[m * c.n + t], one[t]);
            if (ranks[t] == 1 && !firsts++)
                first = t;
        }
        cr_assert_eq(winners[m], firsts == 1 ? (int64_t)first : IPART_EVAL_TIED);
    }
    ipart_evaluation_free(e);
}

Test(evaluation, property_fast_division_is_exact)
{
    /* The bulk loop divides by multiplication; it must agree with the plain
     * 128-bit division everywhere, including round-half-up boundaries. */
    int64_t kinds[] = {IPART_CRITERION_PRICE};
    for (int round = 0; round < 3000; round++) {
        int64_t magnitude = (int64_t)1 << rnd(1, 40);
        int64_t prices[2] = {rnd(1, magnitude), 0};
        prices[1] = prices[0] + rnd(0, magnitude);
        ipart_evaluation *e = NULL;
        assert_ok(ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 10, kinds, 1, prices, 2));
        for (int i = 0; i < 20; i++) {
            int64_t w = i < 2 ? i * 10000 : rnd(0, 10000), got;
            assert_ok(ipart_evaluation_points(&got, e, 1, 0, w));
            cr_assert_eq(got, ipart__eval_points(w, prices[0], prices[1]), "%lld/%lld at %lld",
                         (long long)prices[0], (long long)prices[1], (long long)w);
        }
        ipart_evaluation_free(e);
    }
}

/* ---- allocation failures ---------------------------------------------------------------- */

static ipart_status scenario_all(void *ctx)
{
    (void)ctx;
    int64_t kinds[] = {IPART_CRITERION_PRICE, IPART_CRITERION_QUALITY};
    int64_t values[] = {1000000, 20, 2000000, 95, 1250000, 60};
    int64_t w[] = {5000, 5000}, totals[3], ranks[3];
    ipart_evaluation *e = NULL;
    char *text = NULL;
    ipart_status rc = ipart_evaluation_new(&e, IPART_PRICE_RELATIVE, 0, 100, kinds, 2, values, 6);
    if (rc != IPART_OK) {
        cr_assert_null(e);
        return rc;
    }
    memset(totals, 0x5a, sizeof totals);
    rc = ipart_evaluation_score(totals, 3, ranks, 3, e, w, 2);
    if (rc != IPART_OK)
        cr_assert_eq(totals[0], 0x5a5a5a5a5a5a5a5aLL, "a failed score wrote its output");
    if (rc == IPART_OK)
        rc = ipart_evaluation_stability_json(&text, e, w, 2);
    cr_assert((rc == IPART_OK) == (text != NULL));
    ipart_free(text);
    ipart_evaluation_free(e);
    return rc;
}

Test(evaluation, allocation_failures)
{
    long allocations = harness_fail_each(scenario_all, NULL);
    cr_assert_geq(allocations, 4, "new, score and stability allocate");
}

/* ---- the terms choose the model ------------------------------------------------------------ */

static char *variant_document(const cJSON *file, const cJSON *variant)
{
    char base[128];
    snprintf(base, sizeof base, "procedure/%s", harness_text(file, "base"));
    cJSON *kase = harness_load_case(base);
    cJSON *doc = cJSON_DetachItemFromObjectCaseSensitive(kase, "document");
    cJSON_Delete(kase);
    cJSON *events = cJSON_GetObjectItemCaseSensitive(doc, "events");
    int prefix = (int)harness_int(file, "prefix");
    while (cJSON_GetArraySize(events) > prefix)
        cJSON_DeleteItemFromArray(events, prefix);
    const cJSON *model = harness_member(variant, "price_model");
    cJSON *ev;
    int terms = 0;
    cJSON_ArrayForEach(ev, events)
        if (strcmp(item(ev, "type")->valuestring, "terms_set") == 0 && !cJSON_IsNull(model)) {
            cJSON_AddItemToObject(ev, "price_model", cJSON_Duplicate(model, 1));
            terms++;
        }
    cr_assert(cJSON_IsNull(model) || terms > 0, "the base has no terms_set");
    char *text = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    return text;
}

Test(evaluation, terms_choose_the_price_model)
{
    cJSON *file = harness_load_case("evaluation/price_models.json");
    const cJSON *variant;
    int count = 0;
    cJSON_ArrayForEach(variant, harness_member(file, "variants")) {
        const char *name = harness_text(variant, "name");
        char *text = variant_document(file, variant);
        ipart_partnership *p = NULL;
        ipart_status rc = ipart_partnership_load(&p, text);
        cJSON_free(text);
        count++;
        if (item(variant, "error")) {
            cr_assert_eq(rc, harness_status_named(harness_text(variant, "error")), "%s: %s", name,
                         ipart_error_name(rc));
            cr_assert_str_eq(ipart_error_last()->path, harness_text(variant, "path"), "%s", name);
            cr_assert_null(p);
            continue;
        }
        cr_assert_eq(rc, IPART_OK, "%s: %s", name, ipart_error_last()->message);
        char *ranking = NULL, *saved = NULL, *again = NULL;
        assert_ok(ipart_partnership_ranking_json(&ranking, p));
        cJSON *got = cJSON_Parse(ranking);
        const cJSON *want = harness_member(variant, "ranking");
        cr_assert_eq(cJSON_GetArraySize(got), cJSON_GetArraySize(want), "%s", name);
        for (int i = 0; i < cJSON_GetArraySize(want); i++) {
            const cJSON *g = cJSON_GetArrayItem(got, i), *w = cJSON_GetArrayItem(want, i);
            cr_assert_str_eq(item(g, "tenderer")->valuestring, item(w, "tenderer")->valuestring,
                             "%s: place %d", name, i);
            cr_assert_str_eq(item(g, "total")->valuestring, item(w, "total")->valuestring,
                             "%s: %s", name, item(w, "tenderer")->valuestring);
            cr_assert_eq(item(g, "rank")->valueint, item(w, "rank")->valueint);
        }
        /* The price model survives save and load byte for byte. */
        assert_ok(ipart_partnership_save(&saved, p));
        cr_assert_eq(strstr(saved, "\"price_model\"") != NULL,
                     !cJSON_IsNull(item(variant, "price_model")), "%s", name);
        ipart_partnership *q = NULL;
        assert_ok(ipart_partnership_load(&q, saved));
        assert_ok(ipart_partnership_save(&again, q));
        cr_assert_str_eq(saved, again);
        cJSON_Delete(got);
        ipart_free(ranking);
        ipart_free(saved);
        ipart_free(again);
        ipart_partnership_free(q);
        ipart_partnership_free(p);
    }
    cr_assert_geq(count, 6);
    cJSON_Delete(file);
}

/*
 * Tender evaluation: the price models, totals and ranks, bulk weight sweeps
 * and rank-stability analysis (include/ipart/evaluation.h,
 * doc/evaluation.md). Integer arithmetic only: floating point is used for
 * nothing but choosing where an exact search starts.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "rules/evaluation_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"

__extension__ typedef __int128 wide;

#define POINT_SCALE 10000 /* millionths of a point per basis point of weight at full score */

/* ---- the arithmetic ---------------------------------------------------------- */

void ipart__price_fraction(int64_t *num, int64_t *den, ipart_price_model model, int64_t price,
                           int64_t lowest, int64_t highest, int64_t reference)
{
    *num = 0;
    *den = 1;
    switch (model) {
    case IPART_PRICE_RELATIVE:
        *num = lowest;
        *den = price;
        return;
    case IPART_PRICE_LINEAR: {
        int64_t r = reference > 0 ? reference : highest;
        if (r <= lowest)
            *num = price == lowest;
        else if (price < r) {
            *num = r - price;
            *den = r - lowest;
        }
        return;
    }
    case IPART_PRICE_PROPORTIONAL_DEVIATION: {
        int64_t above = price - lowest; /* both positive: no overflow */
        if (above < lowest) {
            *num = lowest - above;
            *den = lowest;
        }
        return;
    }
    }
}

int64_t ipart__eval_points(int64_t weight, int64_t num, int64_t den)
{
    wide x = (wide)weight * POINT_SCALE * num;
    return (int64_t)((2 * x + den) / (2 * (wide)den));
}

/* ---- names --------------------------------------------------------------------- */

static const char *const model_names[] = {"relative", "linear", "proportional_deviation"};
#define MODEL_COUNT (sizeof model_names / sizeof model_names[0])

const char *ipart_price_model_name(ipart_price_model model)
{
    return (unsigned)model < MODEL_COUNT ? model_names[model] : "unknown";
}

ipart_status ipart_price_model_parse(ipart_price_model *out, const char *name)
{
    if (!out || !name)
        return ipart__fail_null("ipart_price_model_parse", !out ? "out" : "name");
    for (size_t i = 0; i < MODEL_COUNT; i++)
        if (strcmp(model_names[i], name) == 0) {
            *out = (ipart_price_model)i;
            return IPART_OK;
        }
    return ipart__fail(IPART_EINVAL, "evaluation.model.unknown",
                       "unknown price model '%s' (expected relative, linear or "
                       "proportional_deviation)",
                       name);
}

/* ---- the evaluation object ------------------------------------------------------ */

struct ipart_evaluation {
    size_t tenders, criteria;
    ipart_price_model model;
    int64_t reference, scale;
    int64_t *kinds;  /* criteria */
    int64_t *values; /* tenders x criteria, as given */
    int64_t *num;    /* tenders x criteria: the fraction of each weight, reduced */
    int64_t *den;
    int64_t *num2;   /* 2 * 10^4 * num where that fits the fast path, else -1 */
    struct divisor *div; /* tenders x criteria: division by 2 * den without a divide */
};

/*
 * Division by an invariant divisor (Granlund and Montgomery, "Division by
 * invariant integers using multiplication", 1994, fig. 4.1): for d >= 1 and
 * any 64-bit x, x / d = (t + ((x - t) >> 1)) >> (l - 1) with
 * t = mulhi(m, x), l = ceil(log2 d), m = floor(2^64 (2^l - d) / d) + 1;
 * a power of two is a shift. Exact, and several times faster than the
 * 64-bit divide instruction in the bulk loop.
 */
typedef struct divisor {
    uint64_t m;
    int shift; /* l - 1, or log2 d for a power of two */
    int pow2;
} divisor;

static divisor divisor_make(uint64_t d)
{
    divisor v = {0, 0, 0};
    int l = 0;
    while (l < 64 && ((uint64_t)1 << l) < d)
        l++;
    if ((d & (d - 1)) == 0) {
        v.pow2 = 1;
        v.shift = l;
        return v;
    }
    __extension__ unsigned __int128 top = (unsigned __int128)(((uint64_t)1 << l) - d) << 64;
    v.m = (uint64_t)(top / d) + 1;
    v.shift = l - 1;
    return v;
}

static uint64_t divide(uint64_t x, const divisor *v)
{
    if (v->pow2)
        return x >> v->shift;
    __extension__ uint64_t t = (uint64_t)(((unsigned __int128)v->m * x) >> 64);
    return (t + ((x - t) >> 1)) >> v->shift;
}

/* EINVAL at a path ("values[2][1]"), the message prefixed with it, as the
 * codec and the guards report a value; no rule (these are arguments). */
static ipart_status bad(const char *path, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

static ipart_status bad(const char *path, const char *key, const char *fmt, ...)
{
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    ipart__text_at(&t, path);
    return ipart__fail_text(IPART_EINVAL, "", "", path, key, &t);
}

static int64_t gcd(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Fill num/den for every tender but `skip` (SIZE_MAX: none), the lowest and
 * highest price of each price criterion taken over those tenders. */
static void fractions(const ipart_evaluation *e, size_t skip, int64_t *num, int64_t *den)
{
    size_t n = e->tenders, k = e->criteria;
    for (size_t c = 0; c < k; c++) {
        int64_t lowest = INT64_MAX, highest = 0;
        if (e->kinds[c] == IPART_CRITERION_PRICE)
            for (size_t t = 0; t < n; t++) {
                int64_t v = e->values[t * k + c];
                if (t == skip)
                    continue;
                lowest = v < lowest ? v : lowest;
                highest = v > highest ? v : highest;
            }
        for (size_t t = 0; t < n; t++) {
            size_t at = t * k + c;
            int64_t a = 0, b = 1;
            if (t == skip)
                ;
            else if (e->kinds[c] == IPART_CRITERION_QUALITY) {
                a = e->values[at];
                b = e->scale;
            } else {
                ipart__price_fraction(&a, &b, e->model, e->values[at], lowest, highest,
                                      e->reference);
            }
            int64_t g = a ? gcd(a, b) : b;
            num[at] = a / g;
            den[at] = b / g;
        }
    }
}

static ipart_status check_values(ipart_price_model model, int64_t reference, int64_t scale,
                                 const int64_t *kinds, size_t k, const int64_t *values,
                                 size_t count)
{
    char at[64];
    if ((unsigned)model >= MODEL_COUNT)
        return bad("model", "evaluation.model.unknown", "unknown price model %d", (int)model);
    if (reference < 0)
        return bad("reference_price", "evaluation.reference.negative",
                   "the reference price must not be negative (0: the highest tender price), not "
                   "%lld", (long long)reference);
    if (scale < 1)
        return bad("quality_scale", "evaluation.scale", "the quality scale must be at least 1, "
                   "not %lld", (long long)scale);
    if (k == 0)
        return bad("kinds", "evaluation.criteria.none", "at least one criterion is needed, not "
                   "%zu", k);
    for (size_t c = 0; c < k; c++)
        if (kinds[c] != IPART_CRITERION_PRICE && kinds[c] != IPART_CRITERION_QUALITY) {
            snprintf(at, sizeof at, "kinds[%zu]", c);
            return bad(at, "evaluation.kind", "a criterion is price (0) or quality (1), not %lld",
                       (long long)kinds[c]);
        }
    if (count == 0 || count % k != 0)
        return bad("values", "evaluation.values.count",
                   "%zu values are not a whole number of tenders of %zu criteria", count, k);
    for (size_t i = 0; i < count; i++) {
        int64_t v = values[i];
        snprintf(at, sizeof at, "values[%zu][%zu]", i / k, i % k);
        if (kinds[i % k] == IPART_CRITERION_PRICE && v <= 0)
            return bad(at, "evaluation.price.positive", "a price must be positive, not %lld",
                       (long long)v);
        if (kinds[i % k] == IPART_CRITERION_QUALITY && (v < 0 || v > scale))
            return bad(at, "evaluation.score.scale", "the score %lld is outside the quality "
                       "scale 0..%lld", (long long)v, (long long)scale);
    }
    return IPART_OK;
}

ipart_status ipart_evaluation_new(ipart_evaluation **out, ipart_price_model model,
                                  int64_t reference_price, int64_t quality_scale,
                                  const int64_t *kinds, size_t criteria, const int64_t *values,
                                  size_t values_count)
{
    if (!out || (!kinds && criteria) || (!values && values_count))
        return ipart__fail_null("ipart_evaluation_new", !out ? "out" : !kinds ? "kinds" : "values");
    ipart_status rc = check_values(model, reference_price, quality_scale, kinds, criteria, values,
                                   values_count);
    if (rc != IPART_OK)
        return rc;
    size_t cells = values_count;
    ipart_evaluation *e = ipart__calloc(1, sizeof *e);
    int64_t *block = cells <= (SIZE_MAX / sizeof(int64_t) - criteria) / 4
                         ? ipart__calloc(criteria + 4 * cells, sizeof *block)
                         : NULL;
    divisor *div = block ? ipart__calloc(cells, sizeof *div) : NULL;
    if (!e || !block || !div) {
        ipart__free(e);
        ipart__free(block);
        ipart__free(div);
        return ipart__fail_nomem();
    }
    e->div = div;
    e->tenders = values_count / criteria;
    e->criteria = criteria;
    e->model = model;
    e->reference = reference_price;
    e->scale = quality_scale;
    e->kinds = block;
    e->values = block + criteria;
    e->num = e->values + cells;
    e->den = e->num + cells;
    e->num2 = e->den + cells;
    memcpy(e->kinds, kinds, criteria * sizeof *kinds);
    memcpy(e->values, values, cells * sizeof *values);
    fractions(e, SIZE_MAX, e->num, e->den);
    /* Fast path: 2x + den = w * (2 * 10^4 * num) + den fits int64 for w <= 10^4. */
    const int64_t limit = 2 * (int64_t)POINT_SCALE * IPART_EVAL_WEIGHT_TOTAL;
    for (size_t i = 0; i < cells; i++) {
        e->num2[i] = e->num[i] <= (INT64_MAX - e->den[i]) / limit
                         ? 2 * (int64_t)POINT_SCALE * e->num[i]
                         : -1;
        if (e->num2[i] >= 0)
            e->div[i] = divisor_make(2 * (uint64_t)e->den[i]);
    }
    *out = e;
    return IPART_OK;
}

void ipart_evaluation_free(ipart_evaluation *e)
{
    if (!e)
        return;
    ipart__free(e->kinds);
    ipart__free(e->div);
    ipart__free(e);
}

size_t ipart_evaluation_tenders(const ipart_evaluation *e)
{
    return e ? e->tenders : 0;
}

size_t ipart_evaluation_criteria(const ipart_evaluation *e)
{
    return e ? e->criteria : 0;
}

/* Points of cell `at` under weight w (0..10000), exact either way. */
static int64_t cell_points(const ipart_evaluation *e, size_t at, int64_t w)
{
    if (e->num2[at] >= 0)
        return (int64_t)divide((uint64_t)(w * e->num2[at] + e->den[at]), &e->div[at]);
    return ipart__eval_points(w, e->num[at], e->den[at]);
}

ipart_status ipart_evaluation_points(int64_t *out, const ipart_evaluation *e, size_t tender,
                                     size_t criterion, int64_t weight)
{
    if (!out || !e)
        return ipart__fail_null("ipart_evaluation_points", !out ? "out" : "evaluation");
    if (tender >= e->tenders || criterion >= e->criteria)
        return ipart__fail(IPART_ENOTFOUND, "evaluation.index",
                           "no tender %zu, criterion %zu (there are %zu tenders, %zu criteria)",
                           tender, criterion, e->tenders, e->criteria);
    if (weight < 0 || weight > IPART_EVAL_WEIGHT_TOTAL)
        return bad("weight", "evaluation.weight.range",
                   "a weight is 0..10000 basis points, not %lld", (long long)weight);
    *out = cell_points(e, tender * e->criteria + criterion, weight);
    return IPART_OK;
}

/* ---- weights ------------------------------------------------------------------------ */

/* Check `rows` weight vectors; `matrix` chooses the paths "weights[m][c]"
 * (bulk) or "weights[c]" (one vector). */
static ipart_status check_weights(const int64_t *w, size_t k, size_t rows, int matrix)
{
    char at[64];
    for (size_t m = 0; m < rows; m++) {
        int64_t sum = 0;
        for (size_t c = 0; c < k; c++) {
            int64_t v = w[m * k + c];
            if (v < 0 || v > IPART_EVAL_WEIGHT_TOTAL) {
                if (matrix)
                    snprintf(at, sizeof at, "weights[%zu][%zu]", m, c);
                else
                    snprintf(at, sizeof at, "weights[%zu]", c);
                return bad(at, "evaluation.weight.range",
                           "a weight is 0..10000 basis points, not %lld", (long long)v);
            }
            sum += v;
        }
        if (sum != IPART_EVAL_WEIGHT_TOTAL) {
            if (matrix)
                snprintf(at, sizeof at, "weights[%zu]", m);
            else
                snprintf(at, sizeof at, "weights");
            return bad(at, "evaluation.weights.sum",
                       "the weights sum to %lld basis points; they must sum to 10000 (100 %%)",
                       (long long)sum);
        }
    }
    return IPART_OK;
}

static ipart_status check_count(const char *what, size_t got, size_t want)
{
    if (got == want)
        return IPART_OK;
    return bad(what, "evaluation.count", "%zu elements given, %zu expected", got, want);
}

static int64_t total_of(const ipart_evaluation *e, size_t t, const int64_t *w)
{
    int64_t total = 0;
    for (size_t c = 0; c < e->criteria; c++)
        total += cell_points(e, t * e->criteria + c, w[c]);
    return total;
}

static int descending(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x > y ? -1 : x < y;
}

/* Competition ranks of n totals: 1 + the number of strictly better totals.
 * `sorted` is scratch space for n values. */
static void rank_totals(int64_t *ranks, const int64_t *totals, int64_t *sorted, size_t n)
{
    memcpy(sorted, totals, n * sizeof *totals);
    qsort(sorted, n, sizeof *sorted, descending);
    for (size_t t = 0; t < n; t++) {
        size_t lo = 0, hi = n; /* first position holding a total <= totals[t] */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (sorted[mid] > totals[t])
                lo = mid + 1;
            else
                hi = mid;
        }
        ranks[t] = (int64_t)lo + 1;
    }
}

ipart_status ipart_evaluation_score(int64_t *totals_out, size_t totals_count, int64_t *ranks_out,
                                    size_t ranks_count, const ipart_evaluation *e,
                                    const int64_t *weights, size_t weights_count)
{
    if (!totals_out || !ranks_out || !e || !weights)
        return ipart__fail_null("ipart_evaluation_score", !totals_out ? "totals_out"
                                                          : !ranks_out ? "ranks_out"
                                                          : !e         ? "evaluation"
                                                                       : "weights");
    ipart_status rc;
    if ((rc = check_count("totals_out", totals_count, e->tenders)) != IPART_OK ||
        (rc = check_count("ranks_out", ranks_count, e->tenders)) != IPART_OK ||
        (rc = check_count("weights", weights_count, e->criteria)) != IPART_OK ||
        (rc = check_weights(weights, e->criteria, 1, 0)) != IPART_OK)
        return rc;
    size_t n = e->tenders;
    int64_t *scratch = ipart__calloc(2 * n, sizeof *scratch);
    if (!scratch)
        return ipart__fail_nomem();
    for (size_t t = 0; t < n; t++)
        scratch[t] = total_of(e, t, weights);
    memcpy(totals_out, scratch, n * sizeof *scratch);
    rank_totals(ranks_out, totals_out, scratch + n, n);
    ipart__free(scratch);
    return IPART_OK;
}

ipart_status ipart_evaluation_bulk(int64_t *winners_out, size_t winners_count, int64_t *totals_out,
                                   size_t totals_count, const ipart_evaluation *e,
                                   const int64_t *weights, size_t weights_count)
{
    if (!winners_out || !e || !weights || (!totals_out && totals_count))
        return ipart__fail_null("ipart_evaluation_bulk", !winners_out ? "winners_out"
                                                         : !e         ? "evaluation"
                                                         : !weights   ? "weights"
                                                                      : "totals_out");
    size_t n = e->tenders, k = e->criteria, m = weights_count / k;
    ipart_status rc;
    if (weights_count == 0 || weights_count % k != 0)
        return bad("weights", "evaluation.count",
                   "%zu weights are not a whole number of vectors of %zu criteria",
                   weights_count, k);
    if ((rc = check_count("winners_out", winners_count, m)) != IPART_OK ||
        (totals_out && (rc = check_count("totals_out", totals_count,
                                         m <= SIZE_MAX / n ? m * n : 0)) != IPART_OK) ||
        (rc = check_weights(weights, k, m, 1)) != IPART_OK)
        return rc;
    for (size_t s = 0; s < m; s++) {
        const int64_t *w = weights + s * k;
        int64_t best = -1, winner = IPART_EVAL_TIED;
        for (size_t t = 0; t < n; t++) {
            int64_t total = total_of(e, t, w);
            if (totals_out)
                totals_out[s * n + t] = total;
            if (total > best) {
                best = total;
                winner = (int64_t)t;
            } else if (total == best) {
                winner = IPART_EVAL_TIED;
            }
        }
        winners_out[s] = winner;
    }
    return IPART_OK;
}

/* ---- rank stability ------------------------------------------------------------------ */

/* Tender t's total when d basis points of weight move from criterion a to b
 * (`total` is its total under w). */
static int64_t moved_total(const ipart_evaluation *e, size_t t, const int64_t *w, int64_t total,
                           size_t a, size_t b, int64_t d)
{
    size_t ta = t * e->criteria + a, tb = t * e->criteria + b;
    return total - cell_points(e, ta, w[a]) - cell_points(e, tb, w[b]) +
           cell_points(e, ta, w[a] - d) + cell_points(e, tb, w[b] + d);
}

static double fraction_of(const ipart_evaluation *e, size_t at)
{
    return (double)e->num[at] / (double)e->den[at];
}

/*
 * The smallest d in 1..w[a] after which `behind` has a strictly higher
 * total than `ahead` once d basis points move from a to b; 0 if none.
 *
 * Exact: the totals are tested in integers. The difference of the totals
 * is D(d) = D(0) + s*d + err(d), with s the exact slope (micro-points per
 * basis point) and |err| <= 4 (two rounded points per tender change, each
 * by at most 1 from the exact change). So no d below (D(0) - 4) / -s can
 * succeed, and the scan starts just below the double estimate of that
 * bound (its error is far below the margin of 2).
 */
static int64_t swap_at(const ipart_evaluation *e, const int64_t *w, const int64_t *totals,
                       size_t ahead, size_t behind, size_t a, size_t b)
{
    size_t k = e->criteria;
    size_t ia = ahead * k + a, ib = ahead * k + b, ja = behind * k + a, jb = behind * k + b;
    if (w[a] == 0)
        return 0;
    if (e->num[ia] == e->num[ja] && e->den[ia] == e->den[ja] && e->num[ib] == e->num[jb] &&
        e->den[ib] == e->den[jb])
        return 0; /* the same points on a and b: the difference never moves */
    int64_t diff = totals[ahead] - totals[behind];
    double s = 1e4 * ((fraction_of(e, ib) - fraction_of(e, ia)) -
                      (fraction_of(e, jb) - fraction_of(e, ja)));
    int64_t from = 1;
    if (s < -1e-9) {
        double start = (double)(diff - 4) / -s - 2;
        if (start > (double)w[a])
            return 0;
        if (start > 1)
            from = (int64_t)start;
    } else if (diff > 4) {
        return 0;
    }
    for (int64_t d = from; d <= w[a]; d++)
        if (moved_total(e, behind, w, totals[behind], a, b, d) >
            moved_total(e, ahead, w, totals[ahead], a, b, d))
            return d;
    return 0;
}

typedef struct shift {
    int64_t d; /* 0: none */
    size_t from, to;
} shift;

static shift pair_swap(const ipart_evaluation *e, const int64_t *w, const int64_t *totals,
                       size_t ahead, size_t behind)
{
    shift best = {0, 0, 0};
    for (size_t a = 0; a < e->criteria; a++)
        for (size_t b = 0; b < e->criteria; b++) {
            if (a == b)
                continue;
            int64_t d = swap_at(e, w, totals, ahead, behind, a, b);
            if (d && (!best.d || d < best.d))
                best = (shift){d, a, b};
        }
    return best;
}

static int compare(int64_t x, int64_t y)
{
    return (x > y) - (x < y);
}

/* The tender with the best total among those not `skip`, or -1 if tied. */
static int64_t sole_best(const int64_t *totals, size_t n, size_t skip)
{
    int64_t best = -1, who = -1;
    for (size_t t = 0; t < n; t++) {
        if (t == skip)
            continue;
        if (totals[t] > best) {
            best = totals[t];
            who = (int64_t)t;
        } else if (totals[t] == best) {
            who = -1;
        }
    }
    return who;
}

struct ipart_stability {
    size_t tenders;
    int64_t *totals, *ranks; /* tenders each */
    int64_t winner;          /* IPART_EVAL_TIED when shared */
    size_t pair_count;
    ipart_stability_pair *pairs;
    int has_change;
    ipart_winner_change change;
    ipart_stability_removal *removals; /* tenders */
};

static void stability_pairs(ipart_stability *s, const ipart_evaluation *e, const int64_t *w)
{
    size_t n = e->tenders, at = 0;
    const int64_t *totals = s->totals;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            size_t ahead = totals[j] > totals[i] ? j : i, behind = ahead == i ? j : i;
            shift sw = pair_swap(e, w, totals, ahead, behind);
            s->pairs[at++] = (ipart_stability_pair){ahead, behind, totals[ahead] - totals[behind],
                                                    sw.d != 0, sw.from, sw.to, sw.d};
            if (s->winner >= 0 && ahead == (size_t)s->winner && sw.d &&
                (!s->has_change || sw.d < s->change.basis_points ||
                 (sw.d == s->change.basis_points && behind < s->change.challenger))) {
                s->change = (ipart_winner_change){behind, sw.from, sw.to, sw.d};
                s->has_change = 1;
            }
        }
}

/* scratch: 2 * tenders * criteria + tenders values. */
static void stability_removals(ipart_stability *s, const ipart_evaluation *e, const int64_t *w,
                               int64_t *scratch)
{
    size_t n = e->tenders, k = e->criteria;
    const int64_t *totals = s->totals;
    int64_t *num = scratch, *den = scratch + n * k, *after = den + n * k;
    for (size_t r = 0; r < n; r++) {
        fractions(e, r, num, den);
        for (size_t t = 0; t < n; t++) {
            after[t] = 0;
            for (size_t c = 0; t != r && c < k; c++)
                after[t] += ipart__eval_points(w[c], num[t * k + c], den[t * k + c]);
        }
        ipart_stability_removal rm = {.removed = r};
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++) {
                if (i == r || j == r ||
                    compare(totals[i], totals[j]) == compare(after[i], after[j]))
                    continue;
                if (!rm.changed_pairs++) {
                    rm.pair_first = i;
                    rm.pair_second = j;
                }
            }
        rm.reversal = rm.has_pair = rm.changed_pairs > 0;
        rm.winner_after = sole_best(after, n, r);
        s->removals[r] = rm;
    }
}

void ipart_stability_free(ipart_stability *s)
{
    if (!s)
        return;
    ipart__free(s->totals);
    ipart__free(s->pairs);
    ipart__free(s->removals);
    ipart__free(s);
}

static ipart_stability *stability_alloc(size_t n)
{
    ipart_stability *s = ipart__calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->tenders = n;
    s->pair_count = n * (n - 1) / 2;
    s->totals = ipart__calloc(n ? 2 * n : 1, sizeof *s->totals);
    s->pairs = ipart__calloc(s->pair_count ? s->pair_count : 1, sizeof *s->pairs);
    s->removals = ipart__calloc(n ? n : 1, sizeof *s->removals);
    if (!s->totals || !s->pairs || !s->removals) {
        ipart_stability_free(s);
        return NULL;
    }
    s->ranks = s->totals + n;
    return s;
}

ipart_status ipart_evaluation_stability(ipart_stability **out, const ipart_evaluation *e,
                                        const int64_t *weights, size_t weights_count)
{
    if (!out || !e || !weights)
        return ipart__fail_null("ipart_evaluation_stability",
                                !out ? "out" : !e ? "evaluation" : "weights");
    ipart_status rc;
    if ((rc = check_count("weights", weights_count, e->criteria)) != IPART_OK ||
        (rc = check_weights(weights, e->criteria, 1, 0)) != IPART_OK)
        return rc;
    size_t n = e->tenders, cells = n * e->criteria;
    ipart_stability *s = stability_alloc(n);
    /* sorted ranks | removal: num, den, totals after */
    int64_t *scratch = ipart__calloc(n + 2 * cells + n, sizeof *scratch);
    if (!s || !scratch) {
        ipart_stability_free(s);
        ipart__free(scratch);
        return ipart__fail_nomem();
    }
    for (size_t t = 0; t < n; t++)
        s->totals[t] = total_of(e, t, weights);
    rank_totals(s->ranks, s->totals, scratch, n);
    s->winner = sole_best(s->totals, n, SIZE_MAX);
    stability_pairs(s, e, weights);
    stability_removals(s, e, weights, scratch + n);
    ipart__free(scratch);
    *out = s;
    return IPART_OK;
}

size_t ipart_stability_tender_count(const ipart_stability *s)
{
    return s ? s->tenders : 0;
}

static ipart_status stability_index(const void *out, const ipart_stability *s, size_t index,
                                    size_t count, const char *function)
{
    if (!out || !s)
        return ipart__fail_null(function, !out ? "out" : "stability");
    if (index >= count)
        return ipart__fail(IPART_ENOTFOUND, "stability.index", "%s: no row %zu: there are %zu",
                           function, index, count);
    return IPART_OK;
}

ipart_status ipart_stability_tender_at(ipart_stability_tender *out, const ipart_stability *s,
                                       size_t t)
{
    ipart_status rc = stability_index(out, s, t, s ? s->tenders : 0, "ipart_stability_tender_at");
    if (rc == IPART_OK)
        *out = (ipart_stability_tender){s->totals[t], s->ranks[t],
                                        s->ranks[t] == 1 && s->winner < 0};
    return rc;
}

int64_t ipart_stability_winner(const ipart_stability *s)
{
    return s ? s->winner : IPART_EVAL_TIED;
}

size_t ipart_stability_pair_count(const ipart_stability *s)
{
    return s ? s->pair_count : 0;
}

ipart_status ipart_stability_pair_at(ipart_stability_pair *out, const ipart_stability *s,
                                     size_t index)
{
    ipart_status rc =
        stability_index(out, s, index, s ? s->pair_count : 0, "ipart_stability_pair_at");
    if (rc == IPART_OK)
        *out = s->pairs[index];
    return rc;
}

ipart_status ipart_stability_winner_change(ipart_winner_change *out, const ipart_stability *s)
{
    if (!out || !s)
        return ipart__fail_null("ipart_stability_winner_change", !out ? "out" : "stability");
    if (!s->has_change)
        return ipart__fail(IPART_ENOTFOUND, "stability.winner_change",
                           s->winner < 0 ? "the best total is tied"
                                         : "no single weight transfer changes the winner");
    *out = s->change;
    return IPART_OK;
}

ipart_status ipart_stability_removal_at(ipart_stability_removal *out, const ipart_stability *s,
                                        size_t removed)
{
    ipart_status rc =
        stability_index(out, s, removed, s ? s->tenders : 0, "ipart_stability_removal_at");
    if (rc == IPART_OK)
        *out = s->removals[removed];
    return rc;
}

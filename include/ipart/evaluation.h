/** @file
 * libipart - tender evaluation: price-scoring models, totals, ranking,
 * rank stability and bulk weight sweeps (doc/evaluation.md).
 *
 * Fixed point. Weights are basis points (10000 = 100 points) and must sum
 * to 10000 per weight vector. Each criterion gives a tender a fraction
 * num/den of its weight (0 <= num <= den): the price models below for a
 * price or cost criterion, score/quality_scale for a quality criterion.
 * Its points, in millionths of a point, are
 *     round_half_up(weight * 10^4 * num / den) = (2x + den) div (2 den),
 *     x = weight * 10^4 * num
 * computed exactly in 128-bit integers, and a total is the sum of its
 * criteria's points (out of 100 000 000 millionths = 100 points). The same
 * integers come out in C, Python and Java; the partnership's ranking
 * (ipart_partnership_ranking_json) uses the same functions.
 *
 * Ties are reported, never broken: tied tenders share a rank, and a bulk
 * winner that is tied is IPART_EVAL_TIED.
 *
 * Threading: an ipart_evaluation is immutable after ipart_evaluation_new(),
 * so one may be used from several threads at once. Errors are per thread
 * (ipart_error_last()).
 *
 * Atomicity: a call that fails writes nothing to its outputs.
 *
 * Arrays are passed as pointer + element count. Two-dimensional arrays are
 * row-major: values[t * criteria + c], weights[m * criteria + c],
 * totals[m * tenders + t].
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_EVALUATION_H
#define IPART_EVALUATION_H

#include "common.h"
#include "errors.h"

/**
 * How a price (or cost) criterion turns prices into a fraction of its
 * weight. L is the lowest price among the evaluated tenders, p a tender's
 * price, all in minor units (øre), all > 0.
 */
typedef enum ipart_price_model {
    /** p -> L / p: the lowest gets full points, the others in proportion. */
    IPART_PRICE_RELATIVE = 0,
    /** p -> (R - p) / (R - L), at least 0: full points at the lowest, none at
     *  the reference price R and above. R is the reference price given, or
     *  the highest price among the tenders when none is (reference 0). If
     *  R <= L, the tenders at L get full points and the others none. */
    IPART_PRICE_LINEAR = 1,
    /** p -> (L - (p - L)) / L, at least 0: each per cent above the lowest
     *  costs one per cent of the points; none at twice the lowest. */
    IPART_PRICE_PROPORTIONAL_DEVIATION = 2
} ipart_price_model;

/** Criterion kinds, as the elements of the `kinds` array. */
#define IPART_CRITERION_PRICE 0   /**< price or cost: scored by the price model */
#define IPART_CRITERION_QUALITY 1 /**< quality: score / quality_scale */

/** The sum every weight vector must have: 100 % in basis points. */
#define IPART_EVAL_WEIGHT_TOTAL 10000
/** A bulk winner when two or more tenders share the best total. */
#define IPART_EVAL_TIED (-1)

/** Evaluated tenders under a price model. Opaque and immutable. */
typedef struct ipart_evaluation ipart_evaluation;

IPART_BEGIN_DECL

/**
 * The terms' name of a price model ("relative", "linear",
 * "proportional_deviation"); "unknown" otherwise. Static; thread-safe.
 */
IPART_API const char *ipart_price_model_name(ipart_price_model model);

/**
 * The price model with a terms' name. @return IPART_OK; IPART_EINVAL for
 * another name; IPART_EMISUSE for NULL arguments.
 */
IPART_API ipart_status ipart_price_model_parse(ipart_price_model *out, const char *name);

/**
 * Evaluate `values_count / criteria` tenders on `criteria` criteria.
 *
 * @param out             receives the evaluation (release with ipart_evaluation_free())
 * @param model           the price model of every price criterion
 * @param reference_price linear model: the price that gets 0 points, in
 *                        minor units; 0 = the highest tender price. Other
 *                        models ignore it. Must not be negative.
 * @param quality_scale   the top of the quality scale (scores are 0..scale), >= 1
 * @param kinds           IPART_CRITERION_PRICE or _QUALITY per criterion
 * @param criteria        number of criteria (>= 1)
 * @param values          tenders x criteria: a price in minor units (> 0)
 *                        for a price criterion, a score (0..scale) for a
 *                        quality criterion; copied
 * @param values_count    a positive multiple of `criteria`
 * @return IPART_OK; IPART_EINVAL with the detail's path naming the value
 *         ("values[2][1]", "kinds[0]", "quality_scale"...); IPART_ENOMEM;
 *         IPART_EMISUSE for NULL pointers. *out is untouched on failure.
 */
IPART_API ipart_status ipart_evaluation_new(ipart_evaluation **out, ipart_price_model model,
                                            int64_t reference_price, int64_t quality_scale,
                                            const int64_t *kinds, size_t criteria,
                                            const int64_t *values, size_t values_count);

/** Release an evaluation. NULL is a no-op. */
IPART_API void ipart_evaluation_free(ipart_evaluation *evaluation);

/** Number of tenders. */
IPART_API size_t ipart_evaluation_tenders(const ipart_evaluation *evaluation);

/** Number of criteria. */
IPART_API size_t ipart_evaluation_criteria(const ipart_evaluation *evaluation);

/**
 * The points (millionths) tender `tender` gets on criterion `criterion`
 * under `weight` basis points. @return IPART_OK; IPART_ENOTFOUND for an
 * index past the end; IPART_EINVAL for a weight outside 0..10000.
 */
IPART_API ipart_status ipart_evaluation_points(int64_t *out, const ipart_evaluation *evaluation,
                                               size_t tender, size_t criterion, int64_t weight);

/**
 * Totals and ranks under one weight vector.
 *
 * @param totals_out  tenders elements: each total in millionths of a point
 * @param totals_count the number of elements of totals_out
 * @param ranks_out   tenders elements: 1 = best; tied tenders share the
 *                    rank and the next rank is skipped (1, 1, 3)
 * @param ranks_count the number of elements of ranks_out
 * @param evaluation  the tenders and criteria to score (not modified)
 * @param weights     criteria elements, basis points, 0..10000, sum 10000
 * @param weights_count the number of elements of weights
 * @return IPART_OK; IPART_EINVAL for wrong counts (path "totals_out",
 *         "ranks_out", "weights") or weights (path "weights[c]" or
 *         "weights": "the weights sum to ... basis points; they must sum
 *         to 10000 (100 %)"); IPART_EMISUSE for NULL pointers.
 */
IPART_API ipart_status ipart_evaluation_score(int64_t *totals_out, size_t totals_count,
                                              int64_t *ranks_out, size_t ranks_count,
                                              const ipart_evaluation *evaluation,
                                              const int64_t *weights, size_t weights_count);

/**
 * Score every tender under M weight vectors at once (a sweep).
 *
 * @param winners_out M elements: the index of the tender with the best
 *                    total, or IPART_EVAL_TIED when several share it
 * @param winners_count M, the number of weight vectors
 * @param totals_out  M x tenders totals in millionths, or NULL (with
 *                    totals_count 0) when only the winners are wanted
 * @param totals_count the number of elements of totals_out
 * @param evaluation  the tenders and criteria to score (not modified)
 * @param weights     M x criteria basis points; every row sums to 10000
 * @param weights_count the number of elements of weights (M x criteria)
 * @return IPART_OK; IPART_EINVAL for counts that do not match (path
 *         "winners_out", "totals_out", "weights") or a bad row (path
 *         "weights[m]" or "weights[m][c]"): then nothing is written;
 *         IPART_EMISUSE for NULL pointers. Allocates nothing.
 */
IPART_API ipart_status ipart_evaluation_bulk(int64_t *winners_out, size_t winners_count,
                                             int64_t *totals_out, size_t totals_count,
                                             const ipart_evaluation *evaluation,
                                             const int64_t *weights, size_t weights_count);

/**
 * How robust the ranking under one weight vector is (see
 * ipart_evaluation_stability()). Tenders and criteria are 0-based indices
 * of the evaluation; points are integers in millionths. Opaque, owned by
 * the caller (ipart_stability_free()), independent of the evaluation once
 * made, and immutable: threads may share it.
 */
typedef struct ipart_stability ipart_stability;

/** One tender under the weights. */
typedef struct ipart_stability_tender {
    int64_t total;      /**< millionths of a point */
    int64_t rank;       /**< 1 = best; tied tenders share it (1, 1, 3) */
    int tied_at_top;    /**< 1 when it shares the best total with another tender */
} ipart_stability_tender;

/**
 * A pair of tenders, the better total first (the lower index on a tie),
 * and the smallest transfer of weight that puts `behind` strictly ahead:
 * `swap_basis_points` basis points from criterion `swap_from` to `swap_to`
 * (the others unchanged, the sum still 10000); the smaller criterion index
 * breaks equal transfers. `has_swap` 0: no single transfer does.
 */
typedef struct ipart_stability_pair {
    size_t ahead;       /**< index of the tender with the better total */
    size_t behind;      /**< index of the other tender */
    int64_t margin;     /**< total of ahead - total of behind */
    int has_swap;       /**< 1 when a single weight transfer reverses the pair */
    size_t swap_from;   /**< the criterion that gives weight */
    size_t swap_to;     /**< the criterion that takes it */
    int64_t swap_basis_points; /**< the smallest such transfer, in basis points */
} ipart_stability_pair;

/** The smallest weight transfer that changes the winner, over every challenger. */
typedef struct ipart_winner_change {
    size_t challenger;  /**< the tender that wins after it */
    size_t from_criterion; /**< the criterion that gives weight */
    size_t to_criterion;   /**< the criterion that takes it */
    int64_t basis_points;  /**< the size of the transfer, in basis points */
} ipart_winner_change;

/**
 * One tender left out: the others re-evaluated without it (the lowest and
 * highest prices recomputed). `reversal` is 1 when any two of the others
 * compare differently (ahead, tied, behind) than with it; (`pair_first`,
 * `pair_second`) is the first such pair when `has_pair`.
 */
typedef struct ipart_stability_removal {
    size_t removed;       /**< index of the tender left out */
    int reversal;         /**< 1 when some pair of the others changes order */
    size_t changed_pairs; /**< how many pairs of the others change order */
    int has_pair;         /**< 1 when `pair_first`/`pair_second` hold the first such pair */
    size_t pair_first;    /**< the first changed pair: one tender */
    size_t pair_second;   /**< and the other */
    int64_t winner_after; /**< the sole best of the others, or IPART_EVAL_TIED */
} ipart_stability_removal;

/**
 * Compute the stability of the ranking under `weights` (criteria basis
 * points summing to 10000). Cost: O(tenders^2 x criteria^2) transfers,
 * each a short exact search.
 * @return IPART_OK; IPART_EINVAL for the weights (as ipart_evaluation_score);
 *         IPART_ENOMEM; IPART_EMISUSE. On failure *out is untouched.
 */
IPART_API ipart_status ipart_evaluation_stability(ipart_stability **out,
                                                  const ipart_evaluation *evaluation,
                                                  const int64_t *weights, size_t weights_count);

/** Release a stability result. NULL is a no-op. */
IPART_API void ipart_stability_free(ipart_stability *stability);

/** Number of tenders (0 for NULL). */
IPART_API size_t ipart_stability_tender_count(const ipart_stability *stability);

/** The t-th tender. @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE. */
IPART_API ipart_status ipart_stability_tender_at(ipart_stability_tender *out,
                                                 const ipart_stability *stability, size_t tender);

/** The tender with the best total, or IPART_EVAL_TIED when it is shared (or for NULL). */
IPART_API int64_t ipart_stability_winner(const ipart_stability *stability);

/** Number of pairs: every pair of tenders once (0 for NULL). */
IPART_API size_t ipart_stability_pair_count(const ipart_stability *stability);

/**
 * The index-th pair, in the order (0,1), (0,2), ... (1,2), ...
 * @return IPART_OK; IPART_ENOTFOUND past the end; IPART_EMISUSE.
 */
IPART_API ipart_status ipart_stability_pair_at(ipart_stability_pair *out,
                                               const ipart_stability *stability, size_t index);

/**
 * The smallest weight change that changes the winner.
 * @return IPART_OK; IPART_ENOTFOUND when none does or the top is tied;
 *         IPART_EMISUSE.
 */
IPART_API ipart_status ipart_stability_winner_change(ipart_winner_change *out,
                                                     const ipart_stability *stability);

/** The r-th removal (one per tender). @return IPART_OK; IPART_ENOTFOUND; IPART_EMISUSE. */
IPART_API ipart_status ipart_stability_removal_at(ipart_stability_removal *out,
                                                  const ipart_stability *stability, size_t removed);

/**
 * JSON export of ipart_evaluation_stability() (owned by the caller,
 * release with ipart_free()):
 *
 *     {"totals": [...], "ranks": [...],
 *      "winner": t | null,                 null when the best total is tied
 *      "tied_at_top": [t, ...],
 *      "pairs": [{"ahead": i, "behind": j, "margin": D,
 *                 "swap": {"from": a, "to": b, "basis_points": d} | null}],
 *      "winner_change": {"challenger": j, "from": a, "to": b,
 *                        "basis_points": d} | null,
 *      "removals": [{"removed": r, "reversal": bool, "changed_pairs": n,
 *                    "pair": [i, j] | null, "winner_after": t | null}]}
 *
 * @return as ipart_evaluation_stability().
 */
IPART_API ipart_status ipart_evaluation_stability_json(char **out,
                                                       const ipart_evaluation *evaluation,
                                                       const int64_t *weights,
                                                       size_t weights_count);

IPART_END_DECL

#endif /* IPART_EVALUATION_H */

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import no.ipart.swig.IpartCapi;
import no.ipart.swig.IpartCapiConstants;
import no.ipart.swig.ipart_evaluation;

/**
 * Tenders scored on criteria under one price model (include/ipart/evaluation.h).
 * Weights are basis points summing to 10000; totals are exact integers in
 * millionths of a point, identical to C and Python. Ties are reported, never
 * broken. Immutable; owns native memory: use try-with-resources.
 */
public final class Evaluation implements AutoCloseable {
    /** A bulk winner when several tenders share the best total. */
    public static final long TIED = IpartCapiConstants.IPART_EVAL_TIED;
    /** A price or cost criterion, as an element of {@code kinds}. */
    public static final long PRICE = IpartCapiConstants.IPART_CRITERION_PRICE;
    /** A quality criterion, as an element of {@code kinds}. */
    public static final long QUALITY = IpartCapiConstants.IPART_CRITERION_QUALITY;

    private ipart_evaluation handle;
    private final int tenders;
    private final int criteria;

    /**
     * Evaluate tenders.
     *
     * @param model the price model of every price criterion
     * @param referencePrice linear model: the price (minor units) that gets 0 points; 0 = the highest tender price
     * @param qualityScale the top of the quality scale (scores 0..scale)
     * @param kinds {@link #PRICE} or {@link #QUALITY} per criterion
     * @param values tenders x criteria, row-major: prices in minor units, scores
     * @throws InvalidArgumentException for a bad value (getPath() names it, "values[1][0]")
     */
    public Evaluation(PriceModel model, long referencePrice, long qualityScale, long[] kinds, long[] values) {
        handle = IpartCapi.ipart_swig_evaluation_new(model.toC(), referencePrice, qualityScale, kinds, values);
        tenders = (int) IpartCapi.ipart_evaluation_tenders(handle);
        criteria = (int) IpartCapi.ipart_evaluation_criteria(handle);
    }

    /** Totals and ranks under one weight vector. */
    public static final class Scores {
        private final long[] totals;
        private final long[] ranks;

        Scores(long[] totals, long[] ranks) {
            this.totals = totals;
            this.ranks = ranks;
        }

        /**
         * Totals in millionths of a point, in tender order.
         *
         * @return a copy
         */
        public long[] totals() { return totals.clone(); }

        /**
         * Ranks in tender order: 1 is best; tied tenders share a rank.
         *
         * @return a copy
         */
        public long[] ranks() { return ranks.clone(); }

        /**
         * The tender with the best total, or {@link #TIED} when it is shared.
         *
         * @return an index or TIED
         */
        public long winner() {
            long winner = TIED;
            for (int t = 0; t < ranks.length; t++)
                if (ranks[t] == 1)
                    winner = winner == TIED ? t : Long.MIN_VALUE;
            return winner == Long.MIN_VALUE ? TIED : winner;
        }
    }

    /**
     * Totals and ranks under one weight vector.
     *
     * @param weights basis points per criterion, summing to 10000
     * @return the scores
     * @throws InvalidArgumentException if the weights do not sum to 10000 (getPath() "weights")
     */
    public Scores score(long[] weights) {
        long[] totals = new long[tenders];
        long[] ranks = new long[tenders];
        IpartCapi.ipart_evaluation_score(totals, ranks, h(), weights);
        return new Scores(totals, ranks);
    }

    /**
     * Winners of many weight vectors in one call.
     *
     * @param weights vectors x criteria basis points, row-major; each row sums to 10000
     * @param totals receives vectors x tenders totals (row-major), or null
     * @return per vector the winning tender's index, or {@link #TIED}
     * @throws InvalidArgumentException for a bad row (getPath() "weights[m]"); nothing is written then
     */
    public long[] bulk(long[] weights, long[] totals) {
        long[] winners = new long[criteria == 0 ? 0 : weights.length / criteria];
        IpartCapi.ipart_evaluation_bulk(winners, totals, h(), weights);
        return winners;
    }

    /**
     * How robust the ranking is, as JSON (see ipart_evaluation_stability_json):
     * totals, ranks, winner, pairs with the smallest weight transfer that swaps
     * them, winner_change, and removals (rank reversal).
     *
     * @param weights basis points per criterion, summing to 10000
     * @return a JSON object
     */
    public String stabilityJson(long[] weights) {
        String[] out = new String[1];
        IpartCapi.ipart_evaluation_stability_json(out, h(), weights);
        return out[0];
    }

    /**
     * The points a tender gets on a criterion.
     *
     * @param tender tender index
     * @param criterion criterion index
     * @param weight basis points, 0..10000
     * @return millionths of a point
     * @throws NotFoundException for an index past the end
     */
    public long points(int tender, int criterion, long weight) {
        long[] out = new long[1];
        IpartCapi.ipart_evaluation_points(out, h(), tender, criterion, weight);
        return out[0];
    }

    /**
     * Number of tenders.
     *
     * @return the count
     */
    public int tenders() { return tenders; }

    /**
     * Number of criteria.
     *
     * @return the count
     */
    public int criteria() { return criteria; }

    private ipart_evaluation h() {
        if (handle == null)
            throw new IllegalStateException("the evaluation is closed");
        return handle;
    }

    /** Release the native object (idempotent). */
    @Override
    public void close() {
        if (handle != null) {
            handle.delete();
            handle = null;
        }
    }
}

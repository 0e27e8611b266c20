// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.IpartCapiConstants;
import no.ipart.swig.ipart_evaluation;
import no.ipart.swig.ipart_stability;
import no.ipart.swig.ipart_stability_pair;
import no.ipart.swig.ipart_stability_removal;
import no.ipart.swig.ipart_stability_tender;
import no.ipart.swig.ipart_winner_change;

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
    private final List<String> tenderNames;
    private final List<String> criterionNames;

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
        this(model, referencePrice, qualityScale, kinds, values, null, null);
    }

    /**
     * Evaluate named tenders on named criteria; the typed results
     * ({@link #stability(long[])}) name them so.
     *
     * @param model the price model of every price criterion
     * @param referencePrice linear model: the price (minor units) that gets 0 points; 0 = the highest tender price
     * @param qualityScale the top of the quality scale (scores 0..scale)
     * @param kinds {@link #PRICE} or {@link #QUALITY} per criterion
     * @param values tenders x criteria, row-major: prices in minor units, scores
     * @param tenderNames one name per tender (ids), or null for "0", "1"...
     * @param criterionNames one name per criterion, or null for "c0", "c1"...
     * @throws InvalidArgumentException for a bad value (getPath() names it, "values[1][0]")
     * @throws IllegalArgumentException when a list of names has the wrong length
     */
    public Evaluation(PriceModel model, long referencePrice, long qualityScale, long[] kinds,
                      long[] values, List<String> tenderNames, List<String> criterionNames) {
        handle = IpartCapi.ipart_swig_evaluation_new(model.toC(), referencePrice, qualityScale, kinds, values);
        tenders = (int) IpartCapi.ipart_evaluation_tenders(handle);
        criteria = (int) IpartCapi.ipart_evaluation_criteria(handle);
        this.tenderNames = names(tenderNames, tenders, "");
        this.criterionNames = names(criterionNames, criteria, "c");
    }

    private List<String> names(List<String> given, int count, String prefix) {
        if (given != null && given.size() != count) {
            close();
            throw new IllegalArgumentException(given.size() + " names for " + count + " items");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++)
            out.add(given != null ? given.get(i) : prefix + i);
        return Collections.unmodifiableList(out);
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
     * How robust the ranking is: each tender's points and rank, the winner,
     * every pair with the smallest weight transfer that swaps it, the
     * smallest change of the winner, and the removals (rank reversal).
     * Tenders and criteria are named by {@link #tenderNames()} and
     * {@link #criterionNames()}.
     *
     * @param weights basis points per criterion, summing to 10000
     * @return the analysis
     * @throws InvalidArgumentException for the weights
     */
    public Stability stability(long[] weights) {
        try (ipart_stability s = IpartCapi.ipart_swig_evaluation_stability(h(), weights)) {
            List<Stability.Tender> rows = new ArrayList<>();
            List<String> top = new ArrayList<>();
            for (long t = 0; t < IpartCapi.ipart_stability_tender_count(s); t++) {
                try (ipart_stability_tender r = new ipart_stability_tender()) {
                    IpartCapi.ipart_stability_tender_at(r, s, t);
                    rows.add(new Stability.Tender(tender(t), Queries.points(r.getTotal()),
                        r.getRank(), r.getTied_at_top() != 0));
                    if (r.getTied_at_top() != 0)
                        top.add(tender(t));
                }
            }
            long winner = IpartCapi.ipart_stability_winner(s);
            return new Stability(Collections.unmodifiableList(rows),
                winner == TIED ? Optional.empty() : Optional.of(tender(winner)),
                Collections.unmodifiableList(top), pairs(s), winnerChange(s, winner),
                removals(s));
        }
    }

    private String tender(long index) { return tenderNames.get(Math.toIntExact(index)); }

    private Stability.WeightShift shift(long from, long to, long basisPoints) {
        return new Stability.WeightShift(criterionNames.get(Math.toIntExact(from)),
            criterionNames.get(Math.toIntExact(to)), basisPoints);
    }

    private List<Stability.Pair> pairs(ipart_stability s) {
        List<Stability.Pair> out = new ArrayList<>();
        for (long i = 0; i < IpartCapi.ipart_stability_pair_count(s); i++) {
            try (ipart_stability_pair p = new ipart_stability_pair()) {
                IpartCapi.ipart_stability_pair_at(p, s, i);
                out.add(new Stability.Pair(tender(p.getAhead()), tender(p.getBehind()),
                    Queries.points(p.getMargin()), p.getHas_swap() == 0 ? Optional.empty()
                        : Optional.of(shift(p.getSwap_from(), p.getSwap_to(), p.getSwap_basis_points()))));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Optional<Stability.WinnerChange> winnerChange(ipart_stability s, long winner) {
        if (winner == TIED)
            return Optional.empty();
        try (ipart_winner_change c = new ipart_winner_change()) {
            IpartCapi.ipart_stability_winner_change(c, s);
            return Optional.of(new Stability.WinnerChange(tender(c.getChallenger()),
                shift(c.getFrom_criterion(), c.getTo_criterion(), c.getBasis_points())));
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    private List<Stability.Removal> removals(ipart_stability s) {
        List<Stability.Removal> out = new ArrayList<>();
        for (long r = 0; r < IpartCapi.ipart_stability_tender_count(s); r++) {
            try (ipart_stability_removal m = new ipart_stability_removal()) {
                IpartCapi.ipart_stability_removal_at(m, s, r);
                out.add(new Stability.Removal(tender(m.getRemoved()), m.getReversal() != 0,
                    m.getChanged_pairs(), m.getHas_pair() == 0 ? Optional.empty()
                        : Optional.of(List.of(tender(m.getPair_first()), tender(m.getPair_second()))),
                    m.getWinner_after() == TIED ? Optional.empty()
                        : Optional.of(tender(m.getWinner_after()))));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * How robust the ranking is, as the JSON export (see
     * ipart_evaluation_stability_json), tenders and criteria as indices.
     *
     * @param weights basis points per criterion, summing to 10000
     * @return a JSON object
     * @deprecated use {@link #stability(long[])}
     */
    @Deprecated
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

    /**
     * The tenders' names, in tender order.
     *
     * @return unmodifiable
     */
    public List<String> tenderNames() { return tenderNames; }

    /**
     * The criteria's names, in criterion order.
     *
     * @return unmodifiable
     */
    public List<String> criterionNames() { return criterionNames; }

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

// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How robust the ranking under one weight vector is (ipart_evaluation_stability;
 * doc/evaluation.md). Tenders and criteria are named as in the
 * {@link Evaluation}; points are out of 100 with six decimals.
 *
 * @param tenders every tender, in tender order
 * @param winner the sole best tender, empty when the best total is tied
 * @param tiedAtTop the tenders sharing the best total when it is tied
 * @param pairs every pair once: (0,1), (0,2)... (1,2)...
 * @param winnerChange the smallest weight change that changes the winner
 * @param removals one per tender, in tender order
 */
public record Stability(List<Tender> tenders, Optional<String> winner, List<String> tiedAtTop,
                        List<Pair> pairs, Optional<WinnerChange> winnerChange,
                        List<Removal> removals) {
    /**
     * One tender under the weights.
     *
     * @param tender its name
     * @param points its total
     * @param rank 1 = best; tied tenders share it
     * @param tiedAtTop it shares the best total with another tender
     */
    public record Tender(String tender, BigDecimal points, long rank, boolean tiedAtTop) {}

    /**
     * A transfer of weight between two criteria, the others unchanged.
     *
     * @param fromCriterion the criterion that gives weight
     * @param toCriterion the criterion that takes it
     * @param basisPoints how much
     */
    public record WeightShift(String fromCriterion, String toCriterion, long basisPoints) {}

    /**
     * Two tenders, the better total first.
     *
     * @param ahead the better one (the lower index on a tie)
     * @param behind the other
     * @param margin points of ahead minus points of behind
     * @param swap the smallest single transfer after which behind is strictly ahead
     */
    public record Pair(String ahead, String behind, BigDecimal margin, Optional<WeightShift> swap) {}

    /**
     * The smallest weight transfer that changes the winner.
     *
     * @param challenger the tender that wins after it
     * @param shift the transfer
     */
    public record WinnerChange(String challenger, WeightShift shift) {}

    /**
     * The others re-evaluated without one tender.
     *
     * @param removed the tender left out
     * @param reversal two of the others compare differently than with it
     * @param changedPairs how many pairs do
     * @param pair the first such pair
     * @param winnerAfter the sole best of the others, empty when tied
     */
    public record Removal(String removed, boolean reversal, long changedPairs,
                          Optional<List<String>> pair, Optional<String> winnerAfter) {}
}

package dev.prdarts.search.pools;

import java.util.List;

/**
 * What prune and replace did to one edge.
 *
 * @param trained the pool trained during the cycle, in pool order
 * @param weights the softmax weight of each trained candidate at the cycle's end
 * @param kept whether pruning kept each trained candidate
 * @param next the pool of the next cycle: survivors in their order, then the new children
 * @param missingMorphs how many requested morphs found no child within the attempt limit
 */
public record EdgeOutcome(
        List<Candidate> trained,
        double[] weights,
        boolean[] kept,
        List<Candidate> next,
        int missingMorphs) {

    /** Returns the number of candidates pruning dropped. */
    public int dropped() {
        int n = 0;
        for (boolean k : kept) {
            if (!k) {
                n++;
            }
        }
        return n;
    }

    /** Returns the number of new children in the next pool. */
    public int added() {
        int n = 0;
        for (Candidate c : next) {
            if (c.isNew()) {
                n++;
            }
        }
        return n;
    }
}

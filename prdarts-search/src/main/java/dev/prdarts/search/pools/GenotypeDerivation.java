package dev.prdarts.search.pools;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.OpKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives the final cell from the pools and softmax weights of the last cycle (DESIGN section 5).
 *
 * <p>An edge's strength is the weight of its best non-zero candidate; each node keeps its two
 * strongest incoming edges, each with its best non-zero candidate. A {@code zero} candidate never
 * counts.
 *
 * <p>Tie rule: of two candidates with equal weight the one earlier in the pool is best; of two
 * edges with equal strength the one reading the lower state is kept. A node's two entries are
 * listed strongest first.
 */
public final class GenotypeDerivation {

    private GenotypeDerivation() {}

    /**
     * Returns the cell derived from one cell type's pools.
     *
     * @param ops every edge's operations in pool order, 14 edges in edge order
     * @param weights every edge's softmax weights, matching {@code ops}
     * @throws IllegalArgumentException if the sizes disagree
     * @throws IllegalStateException if a node has fewer than two edges with a non-zero candidate
     */
    public static CellGenotype derive(List<List<OpConfig>> ops, List<double[]> weights) {
        if (ops.size() != EdgeIndex.EDGES || weights.size() != EdgeIndex.EDGES) {
            throw new IllegalArgumentException(
                    "a cell needs "
                            + EdgeIndex.EDGES
                            + " edges of operations and weights, got "
                            + ops.size()
                            + " and "
                            + weights.size());
        }
        List<GenotypeEntry> entries = new ArrayList<>();
        for (int node = 0; node < EdgeIndex.NODES; node++) {
            List<int[]> choices = new ArrayList<>();
            List<Double> strengths = new ArrayList<>();
            for (int input = 0; input < node + 2; input++) {
                int edge = EdgeIndex.edgeOf(node, input);
                List<OpConfig> pool = ops.get(edge);
                double[] p = weights.get(edge);
                if (pool.size() != p.length) {
                    throw new IllegalArgumentException(
                            "edge "
                                    + edge
                                    + " has "
                                    + pool.size()
                                    + " operations but "
                                    + p.length
                                    + " weights");
                }
                int best = bestNonZero(pool, p);
                if (best >= 0) {
                    choices.add(new int[] {input, best});
                    strengths.add(p[best]);
                }
            }
            if (choices.size() < 2) {
                throw new IllegalStateException(
                        "node "
                                + (node + 2)
                                + " has fewer than two incoming edges with a non-zero candidate");
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < choices.size(); i++) {
                order.add(i);
            }
            order.sort(
                    Comparator.comparingDouble((Integer i) -> -strengths.get(i))
                            .thenComparingInt(i -> choices.get(i)[0]));
            for (int k = 0; k < 2; k++) {
                int[] choice = choices.get(order.get(k));
                int edge = EdgeIndex.edgeOf(node, choice[0]);
                entries.add(new GenotypeEntry(ops.get(edge).get(choice[1]), choice[0]));
            }
        }
        return new CellGenotype(entries, CellGenotype.defaultConcat());
    }

    /** Returns the position of the best non-zero candidate, or -1 when all are zero. */
    static int bestNonZero(List<OpConfig> pool, double[] p) {
        int best = -1;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).kind() == OpKind.ZERO) {
                continue;
            }
            if (best < 0 || p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}

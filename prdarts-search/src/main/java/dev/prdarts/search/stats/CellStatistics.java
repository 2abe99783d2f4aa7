package dev.prdarts.search.stats;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.OpKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Statistics of one cell type's pools over all its edges (DESIGN section 9).
 *
 * @param share the share of candidates of each family; the shares sum to 1
 * @param kernels how many conv candidates have each kernel size
 * @param edgeSimilarity each edge's pool similarity, in edge order
 * @param similarity the mean of the edge similarities
 * @param distinctSeen how many distinct operations any edge of the cell type has held so far
 */
public record CellStatistics(
        Map<OpKind, Double> share,
        SortedMap<Integer, Integer> kernels,
        List<Double> edgeSimilarity,
        double similarity,
        int distinctSeen) {

    /** Creates statistics; the maps and list are copied and unmodifiable. */
    public CellStatistics {
        share = Collections.unmodifiableMap(new EnumMap<>(share));
        kernels = Collections.unmodifiableSortedMap(new TreeMap<>(kernels));
        edgeSimilarity = List.copyOf(edgeSimilarity);
    }

    /**
     * Returns the statistics of one cell type's pools.
     *
     * @param pools every edge's operations
     * @param distinctSeen the number of distinct operations the cell type's edges have held
     */
    public static CellStatistics of(
            List<? extends List<? extends OpConfig>> pools, int distinctSeen) {
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("statistics need at least one edge");
        }
        Map<OpKind, Integer> counts = new EnumMap<>(OpKind.class);
        for (OpKind k : OpKind.values()) {
            counts.put(k, 0);
        }
        SortedMap<Integer, Integer> kernels = new TreeMap<>();
        double[] sims = new double[pools.size()];
        int total = 0;
        for (int e = 0; e < pools.size(); e++) {
            List<? extends OpConfig> pool = pools.get(e);
            for (OpConfig op : pool) {
                counts.merge(op.kind(), 1, Integer::sum);
                if (op instanceof ConvOp c) {
                    kernels.merge(c.kernel(), 1, Integer::sum);
                }
                total++;
            }
            sims[e] = Similarity.pool(pool);
        }

        Map<OpKind, Double> share = new EnumMap<>(OpKind.class);
        for (OpKind k : OpKind.values()) {
            share.put(k, counts.get(k) / (double) total);
        }
        double mean = 0;
        Double[] boxed = new Double[sims.length];
        for (int e = 0; e < sims.length; e++) {
            mean += sims[e];
            boxed[e] = sims[e];
        }
        return new CellStatistics(share, kernels, List.of(boxed), mean / sims.length, distinctSeen);
    }
}

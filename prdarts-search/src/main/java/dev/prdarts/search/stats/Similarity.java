package dev.prdarts.search.stats;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import java.util.List;

/**
 * The similarity of candidate operations (DESIGN section 9).
 *
 * <p>Two candidates of different families score 0. Two of the same family score {@code (1 + e) / (1
 * + n)} for {@code e} equal attributes out of {@code n}: pools compare type and kernel, convs
 * kernel, dilation and expansion list; skip and zero have no attributes and score 1 with
 * themselves. The expansion list counts partly: with {@code m = min(len1, len2) + 1} it scores
 * {@code 1/m} for equal length plus {@code 1/m} for each equal factor of the common leading run.
 */
public final class Similarity {

    private Similarity() {}

    /** Returns the similarity of two candidates, in [0, 1]. */
    public static double of(OpConfig a, OpConfig b) {
        if (a.kind() != b.kind()) {
            return 0;
        }
        if (a instanceof PoolOp pa && b instanceof PoolOp pb) {
            double e = (pa.type() == pb.type() ? 1 : 0) + (pa.kernel() == pb.kernel() ? 1 : 0);
            return (1 + e) / 3;
        }
        if (a instanceof ConvOp ca && b instanceof ConvOp cb) {
            double e =
                    (ca.kernel() == cb.kernel() ? 1 : 0) + (ca.dilation() == cb.dilation() ? 1 : 0);
            e += expansionScore(ca.expansions(), cb.expansions());
            return (1 + e) / 4;
        }
        return 1;
    }

    /** Returns the partial score of two expansion lists, in [0, 1]. */
    static double expansionScore(List<Integer> x, List<Integer> y) {
        int common = Math.min(x.size(), y.size());
        double m = common + 1;
        double score = x.size() == y.size() ? 1 / m : 0;
        for (int i = 0; i < common && x.get(i).equals(y.get(i)); i++) {
            score += 1 / m;
        }
        return score;
    }

    /**
     * Returns a pool's similarity: the mean over all ordered pairs of its candidates, each
     * candidate paired with itself included.
     *
     * @throws IllegalArgumentException if the pool is empty
     */
    public static double pool(List<? extends OpConfig> ops) {
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("the similarity of an empty pool is undefined");
        }
        double sum = 0;
        for (OpConfig a : ops) {
            for (OpConfig b : ops) {
                sum += of(a, b);
            }
        }
        return sum / ((double) ops.size() * ops.size());
    }
}

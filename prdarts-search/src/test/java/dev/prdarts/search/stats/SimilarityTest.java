package dev.prdarts.search.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {

    private static final double EPS = 1e-12;

    @Test
    void differentFamiliesScoreZero() {
        assertEquals(0, Similarity.of(PoolOp.MAX3, SkipOp.INSTANCE));
        assertEquals(0, Similarity.of(ConvOp.START, PoolOp.AVG3));
        assertEquals(0, Similarity.of(ZeroOp.INSTANCE, SkipOp.INSTANCE));
    }

    @Test
    void identicalCandidatesScoreOne() {
        for (OpConfig op :
                List.of(
                        PoolOp.MAX3,
                        SkipOp.INSTANCE,
                        ZeroOp.INSTANCE,
                        ConvOp.START,
                        ConvOp.of(5, 2, 2, 1))) {
            assertEquals(1, Similarity.of(op, op), EPS, op.text());
        }
    }

    @Test
    void poolsOfDifferentTypeShareOnlyTheKernel() {
        // (1 + 1) / (1 + 2)
        assertEquals(2.0 / 3, Similarity.of(PoolOp.MAX3, PoolOp.AVG3), EPS);
    }

    @Test
    void convsDifferingInKernelScoreThreeQuarters() {
        // d and x equal: (1 + 2) / (1 + 3)
        assertEquals(0.75, Similarity.of(ConvOp.of(3, 1), ConvOp.of(5, 1)), EPS);
    }

    @Test
    void expansionListsCountPartly() {
        // [] vs [1]: m = 1, lengths differ, no common factor: x scores 0 -> (1 + 2) / 4
        assertEquals(0.75, Similarity.of(ConvOp.of(3, 1), ConvOp.of(3, 1, 1)), EPS);
        // [1] vs [2]: m = 2, equal length 1/2, first factor differs: (1 + 2.5) / 4
        assertEquals(3.5 / 4, Similarity.of(ConvOp.of(3, 1, 1), ConvOp.of(3, 1, 2)), EPS);
        // [2,1] vs [2]: m = 2, lengths differ, first factor equal 1/2: (1 + 2.5) / 4
        assertEquals(3.5 / 4, Similarity.of(ConvOp.of(3, 1, 2, 1), ConvOp.of(3, 1, 2)), EPS);
        // [1,2] vs [2,2]: m = 3, equal length 1/3, leading run broken at once: (1 + 2 + 1/3) / 4
        assertEquals(
                (3 + 1.0 / 3) / 4,
                Similarity.of(ConvOp.of(3, 1, 1, 2), ConvOp.of(3, 1, 2, 2)),
                EPS);
        // k, d and x all differ: [1] vs []: (1 + 0) / 4
        assertEquals(0.25, Similarity.of(ConvOp.of(5, 2, 1), ConvOp.of(3, 1)), EPS);
    }

    @Test
    void similarityIsSymmetric() {
        ConvOp a = ConvOp.of(3, 2, 2, 1);
        ConvOp b = ConvOp.of(3, 1, 2);
        assertEquals(Similarity.of(a, b), Similarity.of(b, a), EPS);
    }

    @Test
    void poolSimilarityAveragesAllOrderedPairsWithSelfPairs() {
        // max/avg: 2/3 each way; skip scores 0 with both pools
        List<OpConfig> ops = List.of(PoolOp.MAX3, PoolOp.AVG3, SkipOp.INSTANCE);

        // 3 self pairs (1 each) + 2 ordered pool pairs (2/3 each) over 9 pairs
        assertEquals((3 + 4.0 / 3) / 9, Similarity.pool(ops), EPS);
    }

    @Test
    void poolOfOneHasSimilarityOne() {
        assertEquals(1, Similarity.pool(List.of(ConvOp.START)), EPS);
    }
}

package dev.prdarts.search.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.OpKind;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellStatisticsTest {

    @Test
    void countsFamiliesKernelsAndMeanSimilarity() {
        List<List<OpConfig>> pools =
                List.of(
                        List.of(PoolOp.MAX3, ConvOp.START, ConvOp.of(5, 1)),
                        List.of(SkipOp.INSTANCE, ConvOp.START, ConvOp.of(3, 2, 1)));

        CellStatistics s = CellStatistics.of(pools, 9);

        assertEquals(4.0 / 6, s.share().get(OpKind.CONV), 1e-12);
        assertEquals(1.0 / 6, s.share().get(OpKind.POOL), 1e-12);
        assertEquals(1.0 / 6, s.share().get(OpKind.SKIP), 1e-12);
        assertEquals(0.0, s.share().get(OpKind.ZERO));
        assertEquals(Map.of(3, 3, 5, 1), s.kernels());
        // edge 0: 3 self pairs + conv pair 0.75 twice = 4.5 / 9
        assertEquals(4.5 / 9, s.edgeSimilarity().get(0), 1e-12);
        // edge 1: 3 self pairs + conv(3,1,[]) vs conv(3,2,[1]) = (1 + 1) / 4 twice = 4 / 9
        assertEquals(4.0 / 9, s.edgeSimilarity().get(1), 1e-12);
        assertEquals((4.5 / 9 + 4.0 / 9) / 2, s.similarity(), 1e-12);
        assertEquals(9, s.distinctSeen());
    }
}

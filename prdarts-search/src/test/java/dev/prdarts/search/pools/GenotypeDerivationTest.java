package dev.prdarts.search.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenotypeDerivationTest {

    private static final List<OpConfig> POOL =
            List.of(PoolOp.MAX3, PoolOp.AVG3, SkipOp.INSTANCE, ConvOp.START);

    /** Logits for every edge; edge e puts its highest logit on candidate e % 4 with value hi. */
    private static double[][] logits() {
        double[][] a = new double[EdgeIndex.EDGES][];
        for (int e = 0; e < EdgeIndex.EDGES; e++) {
            a[e] = new double[] {0.0, 0.1, 0.2, 0.3};
        }
        // node 0 (edges 0, 1): both kept; edge 0 strongest on conv, edge 1 on max
        a[0] = new double[] {0.0, 0.0, 0.0, 2.0};
        a[1] = new double[] {1.0, 0.0, 0.0, 0.0};
        // node 1 (edges 2, 3, 4): keep edge 4 (skip 3.0) then edge 2 (avg 1.5)
        a[2] = new double[] {0.0, 1.5, 0.0, 0.0};
        a[3] = new double[] {0.5, 0.0, 0.0, 0.0};
        a[4] = new double[] {0.0, 0.0, 3.0, 0.0};
        // node 2 (edges 5..8): keep edge 7 (conv 2.5), edge 5 (max 2.0)
        a[5] = new double[] {2.0, 0.0, 0.0, 0.0};
        a[6] = new double[] {0.0, 0.0, 0.0, 0.0};
        a[7] = new double[] {0.0, 0.0, 0.0, 2.5};
        a[8] = new double[] {0.0, 1.0, 0.0, 0.0};
        // node 3 (edges 9..13): keep edge 13 (avg 4.0), edge 10 (skip 3.5)
        a[9] = new double[] {0.0, 0.0, 0.0, 0.0};
        a[10] = new double[] {0.0, 0.0, 3.5, 0.0};
        a[11] = new double[] {1.0, 0.0, 0.0, 0.0};
        a[12] = new double[] {0.0, 0.0, 0.0, 2.0};
        a[13] = new double[] {0.0, 4.0, 0.0, 0.0};
        return a;
    }

    private static List<List<OpConfig>> pools(List<OpConfig> pool) {
        List<List<OpConfig>> ops = new ArrayList<>();
        for (int e = 0; e < EdgeIndex.EDGES; e++) {
            ops.add(pool);
        }
        return ops;
    }

    private static List<double[]> softmax(double[][] logits) {
        List<double[]> p = new ArrayList<>();
        for (double[] l : logits) {
            p.add(Softmax.of(l));
        }
        return p;
    }

    private static final List<GenotypeEntry> EXPECTED =
            List.of(
                    new GenotypeEntry(ConvOp.START, 0),
                    new GenotypeEntry(PoolOp.MAX3, 1),
                    new GenotypeEntry(SkipOp.INSTANCE, 2),
                    new GenotypeEntry(PoolOp.AVG3, 0),
                    new GenotypeEntry(ConvOp.START, 2),
                    new GenotypeEntry(PoolOp.MAX3, 0),
                    new GenotypeEntry(PoolOp.AVG3, 4),
                    new GenotypeEntry(SkipOp.INSTANCE, 1));

    @Test
    void keepsTheTwoStrongestEdgesPerNodeWithTheirBestCandidate() {
        CellGenotype cell = GenotypeDerivation.derive(pools(POOL), softmax(logits()));

        assertEquals(EXPECTED, cell.entries());
        assertEquals(List.of(2, 3, 4, 5), cell.concat());
    }

    @Test
    void shiftingAllLogitsOfAnEdgeChangesNothing() {
        double[][] shifted = logits();
        for (int i = 0; i < 4; i++) {
            shifted[4][i] += 37.25;
            shifted[7][i] -= 12.5;
        }

        CellGenotype cell = GenotypeDerivation.derive(pools(POOL), softmax(shifted));

        assertEquals(EXPECTED, cell.entries());
    }

    @Test
    void strengthIsTheSoftmaxWeightNotTheLogit() {
        double[][] a = logits();
        // edge 3 gets a higher top logit than edge 2 (1.5) but a flatter distribution once the
        // other logits rise with it: p = e^2 / (e^2 + 3 e^1.9) is below edge 2's weight
        a[3] = new double[] {2.0, 1.9, 1.9, 1.9};

        CellGenotype cell = GenotypeDerivation.derive(pools(POOL), softmax(a));

        assertEquals(new GenotypeEntry(PoolOp.AVG3, 0), cell.entries().get(3));
    }

    @Test
    void equalEdgeStrengthsKeepTheLowerInput() {
        List<double[]> p = softmax(logits());
        // node 2: edges 5, 6, 7, 8 exactly equally strong on different candidates
        p.set(5, new double[] {0.4, 0.2, 0.2, 0.2});
        p.set(6, new double[] {0.2, 0.4, 0.2, 0.2});
        p.set(7, new double[] {0.2, 0.2, 0.4, 0.2});
        p.set(8, new double[] {0.2, 0.2, 0.2, 0.4});

        CellGenotype cell = GenotypeDerivation.derive(pools(POOL), p);

        assertEquals(
                List.of(new GenotypeEntry(PoolOp.MAX3, 0), new GenotypeEntry(PoolOp.AVG3, 1)),
                cell.node(2));
    }

    @Test
    void equalCandidateWeightsPickTheEarlierCandidate() {
        double[][] a = logits();
        a[0] = new double[] {2.0, 0.0, 0.0, 2.0};

        CellGenotype cell = GenotypeDerivation.derive(pools(POOL), softmax(a));

        // edge 0 (p = 0.44 on max and conv) ranks below edge 1 (max, p = 0.475); it shows max
        assertEquals(
                List.of(new GenotypeEntry(PoolOp.MAX3, 1), new GenotypeEntry(PoolOp.MAX3, 0)),
                cell.node(0));
    }

    @Test
    void zeroNeverCountsForTheEdgeOrTheChoice() {
        List<OpConfig> withZero =
                List.of(PoolOp.MAX3, PoolOp.AVG3, SkipOp.INSTANCE, ConvOp.START, ZeroOp.INSTANCE);
        double[][] a = logits();
        for (int e = 0; e < a.length; e++) {
            double[] l = new double[5];
            System.arraycopy(a[e], 0, l, 0, 4);
            l[4] = -1.0;
            a[e] = l;
        }
        // edge 3 is all zero-weighted: its zero candidate is far stronger than anything
        a[3] = new double[] {0.0, 0.0, 0.0, 0.0, 9.0};
        // edge 0: zero dominates, the best non-zero is still the conv
        a[0] = new double[] {0.0, 0.0, 0.0, 0.5, 9.0};

        CellGenotype cell = GenotypeDerivation.derive(pools(withZero), softmax(a));

        // edge 1 (max, p about 0.45) is now stronger than edge 0 (conv, p about 0.0002)
        assertEquals(
                List.of(new GenotypeEntry(PoolOp.MAX3, 1), new GenotypeEntry(ConvOp.START, 0)),
                cell.node(0));
        assertEquals(EXPECTED.subList(2, 8), cell.entries().subList(2, 8));
        for (GenotypeEntry entry : cell.entries()) {
            assertTrue(!(entry.op() instanceof ZeroOp), "zero chosen: " + entry);
        }
    }

    @Test
    void nodeWithoutTwoNonZeroEdgesIsReported() {
        List<List<OpConfig>> ops = pools(POOL);
        ops.set(1, List.of(ZeroOp.INSTANCE));
        List<double[]> p = softmax(logits());
        p.set(1, new double[] {1.0});

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> GenotypeDerivation.derive(ops, p));

        assertEquals(
                "node 2 has fewer than two incoming edges with a non-zero candidate",
                e.getMessage());
    }

    @Test
    void poolsOfOneAfterTheLastCycleGiveTheirOnlyOperation() {
        List<List<OpConfig>> ops = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        for (int e = 0; e < EdgeIndex.EDGES; e++) {
            ops.add(List.of(ConvOp.of(3 + 2 * (e % 3), 1)));
            p.add(new double[] {1.0});
        }

        CellGenotype cell = GenotypeDerivation.derive(ops, p);

        // all strengths equal: inputs 0 and 1 of every node
        for (int node = 0; node < 4; node++) {
            assertEquals(0, cell.node(node).get(0).input());
            assertEquals(1, cell.node(node).get(1).input());
        }
        assertEquals(ConvOp.of(5, 1), cell.entries().get(1).op());
        assertEquals(ConvOp.of(3, 1), cell.entries().get(3).op());
    }
}

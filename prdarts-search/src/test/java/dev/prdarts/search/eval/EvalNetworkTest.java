package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.ops.catalog.CandidateOp;
import dev.prdarts.search.genotype.BuiltinGenotypes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvalNetworkTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray images(int n, int c, int side, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n * c * side * side];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return manager.create(v, new Shape(n, c, side, side));
    }

    private static CellGenotype cell(OpConfig op) {
        List<GenotypeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            entries.add(new GenotypeEntry(op, i % 2));
        }
        return new CellGenotype(entries, CellGenotype.defaultConcat());
    }

    @Test
    void smallNetworkMapsFashionMnistShapedImagesToLogits() {
        EvalNetworkSpec spec = new EvalNetworkSpec(4, 5, 10, 1, 28, 28, false);
        EvalNetwork net =
                new EvalNetwork(
                        BuiltinGenotypes.get("DL2"), spec, manager, new SplittableRandom(1));
        EvalNetwork.Output out = net.forward(images(3, 1, 28, 2), true);
        assertEquals(new Shape(3, 10), out.logits().getShape());
        assertNull(out.auxLogits());
    }

    @Test
    void auxiliaryLogitsOnlyInTraining() {
        EvalNetworkSpec spec = new EvalNetworkSpec(4, 3, 10, 3, 32, 32, true);
        EvalNetwork net =
                new EvalNetwork(
                        BuiltinGenotypes.get("DL1"), spec, manager, new SplittableRandom(1));
        NDArray x = images(2, 3, 32, 3);
        EvalNetwork.Output train = net.forward(x, true);
        assertNotNull(train.auxLogits());
        assertEquals(new Shape(2, 10), train.auxLogits().getShape());
        assertNull(net.forward(x, false).auxLogits());
    }

    @Test
    void auxiliaryLossIsAddedWithItsWeightOnlyInTraining() {
        EvalNetworkSpec spec = new EvalNetworkSpec(4, 3, 10, 3, 32, 32, true);
        EvalNetwork net =
                new EvalNetwork(
                        BuiltinGenotypes.get("DL1"), spec, manager, new SplittableRandom(1));
        NDArray x = images(4, 3, 32, 3);
        NDArray labels = manager.create(new int[] {0, 3, 7, 9});

        EvalNetwork.Output train = net.forward(x, true);
        float main = Losses.crossEntropy(train.logits(), labels).getFloat();
        float aux = Losses.crossEntropy(train.auxLogits(), labels).getFloat();
        float total = Losses.trainingLoss(train, labels, 0.4f).getFloat();
        assertTrue(aux > 0f);
        assertEquals(main + 0.4f * aux, total, 1e-5f);

        EvalNetwork.Output eval = net.forward(x, false);
        assertEquals(
                Losses.crossEntropy(eval.logits(), labels).getFloat(),
                Losses.trainingLoss(eval, labels, 0.4f).getFloat(),
                0f);
    }

    @Test
    void crossEntropyMatchesAHandComputedValue() {
        NDArray logits =
                manager.create(
                        new float[] {0f, 0f, Float.valueOf((float) Math.log(2))}, new Shape(1, 3));
        // softmax = (1/4, 1/4, 1/2): loss of label 2 is ln 2.
        assertEquals(
                (float) Math.log(2),
                Losses.crossEntropy(logits, manager.create(new int[] {2})).getFloat(),
                1e-6f);
    }

    @Test
    void dropPathIsOffInEvaluation() {
        EvalNetworkSpec spec = new EvalNetworkSpec(4, 3, 10, 1, 16, 16, false);
        EvalNetwork net =
                new EvalNetwork(
                        BuiltinGenotypes.get("DL2"), spec, manager, new SplittableRandom(1));
        NDArray x = images(4, 1, 16, 5);
        float[] without = net.forward(x, false).logits().toFloatArray();
        net.setDropPathProbability(0.9f);
        float[] with = net.forward(x, false).logits().toFloatArray();
        assertArrayEquals(without, with, 0f);
        // and in training it does change the output, so the comparison above can fail
        float[] trainWith = net.forward(x, true).logits().toFloatArray();
        net.setDropPathProbability(0f);
        float[] trainWithout = net.forward(x, true).logits().toFloatArray();
        assertFalse(java.util.Arrays.equals(trainWith, trainWithout));
    }

    @Test
    void dropPathNeverTouchesIdentityOps() {
        // a normal cell of identities only: dropping paths would change its training output
        EvalCell skips =
                new EvalCell(
                        cell(SkipOp.INSTANCE),
                        6,
                        6,
                        4,
                        false,
                        false,
                        manager,
                        new SplittableRandom(1));
        EvalCell convs =
                new EvalCell(
                        cell(ConvOp.START),
                        6,
                        6,
                        4,
                        false,
                        false,
                        manager,
                        new SplittableRandom(1));
        NDArray s0 = images(8, 6, 8, 1);
        NDArray s1 = images(8, 6, 8, 2);
        DropPath drop = new DropPath(new SplittableRandom(3));
        assertArrayEquals(
                skips.forward(s0, s1, true, drop, 0f).toFloatArray(),
                skips.forward(s0, s1, true, drop, 0.9f).toFloatArray(),
                0f);
        assertFalse(
                java.util.Arrays.equals(
                        convs.forward(s0, s1, true, drop, 0f).toFloatArray(),
                        convs.forward(s0, s1, true, drop, 0.9f).toFloatArray()));
    }

    @Test
    void dropPathAppliesToEveryOpButTheIdentity() {
        EvalCell reduce =
                new EvalCell(
                        cell(SkipOp.INSTANCE),
                        6,
                        6,
                        4,
                        true,
                        false,
                        manager,
                        new SplittableRandom(1));
        for (CandidateOp op : reduce.ops()) {
            // stride-2 skips are factorized reduces: real ops
            assertTrue(EvalCell.dropsPath(op), op.toString());
        }
        EvalCell normal =
                new EvalCell(
                        cell(SkipOp.INSTANCE),
                        6,
                        6,
                        4,
                        false,
                        false,
                        manager,
                        new SplittableRandom(1));
        for (CandidateOp op : normal.ops()) {
            assertFalse(EvalCell.dropsPath(op), op.toString());
        }
        EvalCell pools =
                new EvalCell(
                        cell(PoolOp.MAX3), 6, 6, 4, false, false, manager, new SplittableRandom(1));
        assertTrue(EvalCell.dropsPath(pools.ops().get(0)));
    }

    @Test
    void dropPathKeepsOrZeroesWholeSamplesAndRescales() {
        NDArray x = manager.ones(new Shape(64, 2, 3, 3));
        float[] y = new DropPath(new SplittableRandom(7)).apply(x, 0.5f).toFloatArray();
        int dropped = 0;
        for (int n = 0; n < 64; n++) {
            float first = y[n * 18];
            assertTrue(first == 0f || first == 2f, "sample " + n + ": " + first);
            for (int k = 1; k < 18; k++) {
                assertEquals(first, y[n * 18 + k], 0f);
            }
            dropped += first == 0f ? 1 : 0;
        }
        assertTrue(dropped > 10 && dropped < 54, "dropped " + dropped);
        assertTrue(new DropPath(new SplittableRandom(7)).apply(x, 0f) == x);
    }

    @Test
    void auxiliaryHeadIsRefusedForTwentyEightPixelImages() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new EvalNetworkSpec(36, 20, 10, 1, 28, 28, true));
        assertTrue(e.getMessage().contains("1x28x28 gives 7x7"), e.getMessage());
        assertTrue(EvalNetworkSpec.auxiliaryFits(32, 32));
        assertTrue(EvalNetworkSpec.auxiliaryFits(29, 29));
        assertFalse(EvalNetworkSpec.auxiliaryFits(28, 28));
    }

    @Test
    void reductionCellsSitAtOneAndTwoThirds() {
        EvalNetworkSpec spec = EvalNetworkSpec.paper(10, false);
        List<Integer> reductions = new ArrayList<>();
        for (int i = 0; i < spec.cells(); i++) {
            if (spec.isReduction(i)) {
                reductions.add(i);
            }
        }
        assertEquals(List.of(6, 13), reductions);
        assertEquals(13, spec.auxiliaryCell());
    }

    @Test
    void parameterCountOfDl1MatchesThePublishedFigure() {
        EvalNetwork net =
                new EvalNetwork(
                        BuiltinGenotypes.get("DL1"),
                        EvalNetworkSpec.paper(10, true),
                        manager,
                        new SplittableRandom(0));
        assertEquals(3_174_166L, net.parameterCount(false));
        assertEquals(3_650_592L, net.parameterCount(true));
    }

    @Test
    void genotypeWithConcatOfTwoStatesHasNarrowerCells() {
        Genotype g = BuiltinGenotypes.get("DL2");
        Genotype narrow =
                new Genotype(
                        new CellGenotype(g.normal().entries(), List.of(4, 5)),
                        new CellGenotype(g.reduce().entries(), List.of(4, 5)));
        EvalNetworkSpec spec = new EvalNetworkSpec(4, 3, 10, 1, 16, 16, false);
        EvalNetwork net = new EvalNetwork(narrow, spec, manager, new SplittableRandom(1));
        assertEquals(new Shape(2, 10), net.forward(images(2, 1, 16, 1), false).logits().getShape());
    }
}

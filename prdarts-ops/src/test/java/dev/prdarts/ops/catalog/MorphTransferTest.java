package dev.prdarts.ops.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.ops.morph.MorphKind;
import dev.prdarts.ops.morph.MorphRules;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MorphTransferTest {

    private static final int C = 4;

    private NDManager manager;
    private SeededRandom random;
    private final MorphRules rules = new MorphRules();

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        random = new SeededRandom(11);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Builds a conv candidate with random BN parameters and non-trivial running statistics. */
    private ConvCandidate trained(String text, int stride, NetworkKind kind) {
        ConvCandidate op =
                (ConvCandidate)
                        Catalog.create(OpConfig.parse(text), C, stride, kind, manager, random);
        for (SeparableUnit unit : op.units()) {
            BatchNorm2d bn = unit.bn();
            int n = bn.channels();
            bn.runningMean().set(Tensors.normalValues(random, 0.5, n));
            float[] var = new float[n];
            float[] gamma = new float[n];
            for (int i = 0; i < n; i++) {
                var[i] = 0.3f + 2f * (float) random.nextDouble();
                gamma[i] = 0.5f + (float) random.nextDouble();
            }
            bn.runningVar().set(var);
            if (bn.affine()) {
                bn.gamma().set(gamma);
                bn.beta().set(Tensors.normalValues(random, 0.3, n));
            }
        }
        return op;
    }

    private ConvCandidate child(ConvCandidate parent, MorphKind kind) {
        ConvOp childConfig = rules.apply(kind, parent.config()).orElseThrow();
        ConvCandidate child =
                (ConvCandidate)
                        Catalog.create(
                                childConfig,
                                C,
                                parent.stride(),
                                parent.units().get(0).bn().affine()
                                        ? NetworkKind.EVALUATION
                                        : NetworkKind.SEARCH,
                                manager,
                                random);
        MorphTransfer.transfer(parent, child, random);
        return child;
    }

    private float maxAbsDiff(CandidateOp a, CandidateOp b, int side) {
        NDArray x = Tensors.normal(manager, random, 1.0, new Shape(3, C, side, side));
        return a.forward(x, false).sub(b.forward(x, false)).abs().max().getFloat();
    }

    @Test
    void growKernelLeavesTheOutputUnchanged() {
        for (NetworkKind kind : NetworkKind.values()) {
            for (String text : new String[] {"conv(k=3,d=1,x=[1])", "conv(k=1,d=1,x=[])"}) {
                ConvCandidate parent = trained(text, 2, kind);
                ConvCandidate child = child(parent, MorphKind.GROW_KERNEL);
                assertEquals(parent.config().kernel() + 2, child.config().kernel());
                assertTrue(maxAbsDiff(parent, child, 9) < 1e-5f, text + " " + kind);
            }
        }
    }

    @Test
    void widenLeavesTheOutputUnchanged() {
        for (NetworkKind kind : NetworkKind.values()) {
            for (String text : new String[] {"conv(k=3,d=1,x=[1])", "conv(k=5,d=2,x=[2,1,3])"}) {
                ConvCandidate parent = trained(text, 1, kind);
                ConvCandidate child = child(parent, MorphKind.WIDEN);
                assertTrue(child.config().expansionSum() == parent.config().expansionSum() + 1);
                assertTrue(maxAbsDiff(parent, child, 7) < 1e-5f, text + " " + kind);
            }
        }
    }

    @Test
    void widenGivesNewChannelsRandomWeightsAndFreshStatistics() {
        ConvCandidate parent = trained("conv(k=3,d=1,x=[1])", 1, NetworkKind.EVALUATION);
        ConvCandidate child = child(parent, MorphKind.WIDEN);
        SeparableUnit widened = child.units().get(0);
        NDArray newRows = widened.pointwise().weight().get(new NDIndex("4:"));
        assertTrue(newRows.abs().sum().getFloat() > 0f);
        assertArrayEquals(
                new float[] {0f, 0f, 0f, 0f},
                widened.bn().runningMean().get(new NDIndex("4:")).toFloatArray());
        assertArrayEquals(
                new float[] {1f, 1f, 1f, 1f},
                widened.bn().runningVar().get(new NDIndex("4:")).toFloatArray());
        SeparableUnit reader = child.units().get(1);
        NDArray readsNew = reader.pointwise().weight().get(new NDIndex(":, 4:"));
        assertEquals(0f, readsNew.abs().sum().getFloat());
        NDArray newKernels = reader.depthwise().weight().get(new NDIndex("4:"));
        assertTrue(newKernels.abs().sum().getFloat() > 0f);
    }

    @Test
    void shrinkKeepsTheCentreWeights() {
        ConvCandidate parent = trained("conv(k=5,d=1,x=[])", 1, NetworkKind.SEARCH);
        ConvCandidate child = child(parent, MorphKind.SHRINK_KERNEL);
        assertEquals(3, child.config().kernel());
        NDArray centre =
                parent.units().get(0).depthwise().weight().get(new NDIndex(":, :, 1:4, 1:4"));
        assertArrayEquals(
                centre.toFloatArray(), child.units().get(0).depthwise().weight().toFloatArray());
        assertArrayEquals(
                parent.units().get(0).pointwise().weight().toFloatArray(),
                child.units().get(0).pointwise().weight().toFloatArray());
        assertArrayEquals(
                parent.units().get(0).bn().runningVar().toFloatArray(),
                child.units().get(0).bn().runningVar().toFloatArray());
    }

    @Test
    void insertCopiesTheUnitsAndAppendsAnIdentityUnit() {
        ConvCandidate parent = trained("conv(k=3,d=1,x=[2])", 2, NetworkKind.EVALUATION);
        ConvCandidate child = child(parent, MorphKind.INSERT_UNIT);
        assertEquals(OpConfig.parse("conv(k=3,d=1,x=[2,1])"), child.config());
        for (int i = 0; i < 2; i++) {
            assertSameValues(parent.units().get(i), child.units().get(i));
        }
        SeparableUnit added = child.units().get(2);
        float[] dw = added.depthwise().weight().toFloatArray();
        for (int ch = 0; ch < C; ch++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(j == 4 ? 1f : 0f, dw[ch * 9 + j]);
            }
        }
        float[] pw = added.pointwise().weight().toFloatArray();
        for (int o = 0; o < C; o++) {
            for (int j = 0; j < C; j++) {
                assertEquals(o == j ? 1f : 0f, pw[o * C + j]);
            }
        }
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, added.bn().runningMean().toFloatArray());
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, added.bn().runningVar().toFloatArray());
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, added.bn().gamma().toFloatArray());

        // in evaluation mode the identity unit is ReLU scaled by the fresh BN's 1/sqrt(1 + eps)
        NDArray x = Tensors.normal(manager, random, 1.0, new Shape(2, C, 8, 8));
        NDArray expected = parent.forward(x, false).getNDArrayInternal().relu();
        expected = expected.div((float) Math.sqrt(1 + BatchNorm2d.EPSILON));
        float diff = child.forward(x, false).sub(expected).abs().max().getFloat();
        assertTrue(diff < 1e-5f, "diff " + diff);
    }

    @Test
    void dilateAndUndilateReuseTheWeights() {
        ConvCandidate parent = trained("conv(k=5,d=1,x=[1])", 1, NetworkKind.SEARCH);
        ConvCandidate dilated = child(parent, MorphKind.DILATE);
        assertEquals(2, dilated.config().dilation());
        assertValuesEqual(parent, dilated);
        ConvCandidate undilated = child(dilated, MorphKind.UNDILATE);
        assertEquals(1, undilated.config().dilation());
        assertValuesEqual(parent, undilated);
    }

    @Test
    void transferIntoParametersThatRequireGradientsWorks() {
        ConvCandidate parent = trained("conv(k=3,d=1,x=[])", 1, NetworkKind.SEARCH);
        ConvCandidate child =
                (ConvCandidate)
                        Catalog.create(
                                OpConfig.parse("conv(k=5,d=1,x=[])"),
                                C,
                                1,
                                NetworkKind.SEARCH,
                                manager,
                                random);
        child.parameters().values().forEach(p -> p.setRequiresGradient(true));
        MorphTransfer.transfer(parent, child, random);
        assertTrue(maxAbsDiff(parent, child, 6) < 1e-5f);
    }

    @Test
    void transferBetweenDifferentChannelCountsIsRefused() {
        ConvCandidate parent = trained("conv(k=3,d=1,x=[])", 1, NetworkKind.SEARCH);
        ConvCandidate other =
                (ConvCandidate)
                        Catalog.create(
                                OpConfig.parse("conv(k=5,d=1,x=[])"),
                                8,
                                1,
                                NetworkKind.SEARCH,
                                manager,
                                random);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MorphTransfer.transfer(parent, other, random));
        assertTrue(e.getMessage().contains("C=4"), e.getMessage());
        assertTrue(e.getMessage().contains("C=8"), e.getMessage());
    }

    private static void assertValuesEqual(ParameterHolder a, ParameterHolder b) {
        assertSameArrays(a.parameters(), b.parameters());
        assertSameArrays(a.buffers(), b.buffers());
    }

    private static void assertSameValues(SeparableUnit a, SeparableUnit b) {
        assertValuesEqual(a, b);
    }

    private static void assertSameArrays(Map<String, NDArray> a, Map<String, NDArray> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name).toFloatArray(), b.get(name).toFloatArray(), name);
        }
    }
}

package dev.prdarts.ops.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final List<String> OPS =
            List.of(
                    "max_pool(3)",
                    "avg_pool(3)",
                    "skip",
                    "zero",
                    "conv(k=3,d=1,x=[])",
                    "conv(k=5,d=2,x=[])",
                    "conv(k=1,d=1,x=[2,1])",
                    "conv(k=7,d=2,x=[1,3])");

    private NDManager manager;
    private SeededRandom random;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        random = new SeededRandom(7);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray input(long... shape) {
        return Tensors.normal(manager, random, 1.0, new Shape(shape));
    }

    @Test
    void everyOpKeepsShapeAtStrideOneAndHalvesRoundingUpAtStrideTwo() {
        for (int side : new int[] {8, 7, 14, 1}) {
            NDArray x = input(2, 4, side, side);
            for (String text : OPS) {
                for (NetworkKind kind : NetworkKind.values()) {
                    for (int stride : new int[] {1, 2}) {
                        CandidateOp op =
                                Catalog.create(
                                        OpConfig.parse(text), 4, stride, kind, manager, random);
                        NDArray y = op.forward(x, true);
                        long out = (side + stride - 1) / stride;
                        assertEquals(
                                new Shape(2, 4, out, out),
                                y.getShape(),
                                text + " stride " + stride + " side " + side);
                    }
                }
            }
        }
    }

    @Test
    void parameterCountsFollowTheCatalog() {
        int c = 4;
        assertEquals(0, count("max_pool(3)", c, 2, NetworkKind.SEARCH));
        assertEquals(0, count("skip", c, 1, NetworkKind.SEARCH));
        assertEquals(0, count("zero", c, 2, NetworkKind.SEARCH));
        // factorized reduce: two 1x1 convs c -> c/2, BN affine-free in search, affine in eval
        assertEquals(c * c, count("skip", c, 2, NetworkKind.SEARCH));
        assertEquals(c * c + 2 * c, count("skip", c, 2, NetworkKind.EVALUATION));
        // one unit: depthwise c*k*k, pointwise c*c
        assertEquals(c * 9 + c * c, count("conv(k=3,d=1,x=[])", c, 1, NetworkKind.SEARCH));
        // x=[2]: unit c -> 2c (dw c*25, pw 2c*c, bn 2*2c) and 2c -> c (dw 2c*25, pw c*2c, bn 2c)
        long expected = c * 25 + 2 * c * c + 4 * c + 2 * c * 25 + 2 * c * c + 2 * c;
        assertEquals(expected, count("conv(k=5,d=2,x=[2])", c, 2, NetworkKind.EVALUATION));
    }

    private long count(String text, int c, int stride, NetworkKind kind) {
        return Catalog.create(OpConfig.parse(text), c, stride, kind, manager, random)
                .parameterCount();
    }

    @Test
    void parameterNamesAreStructural() {
        CandidateOp conv =
                Catalog.create(
                        OpConfig.parse("conv(k=3,d=1,x=[1])"),
                        4,
                        1,
                        NetworkKind.EVALUATION,
                        manager,
                        random);
        assertEquals(
                List.of(
                        "unit0.depthwise.weight",
                        "unit0.pointwise.weight",
                        "unit0.bn.gamma",
                        "unit0.bn.beta",
                        "unit1.depthwise.weight",
                        "unit1.pointwise.weight",
                        "unit1.bn.gamma",
                        "unit1.bn.beta"),
                List.copyOf(conv.parameters().keySet()));
        assertEquals(
                List.of(
                        "unit0.bn.running_mean",
                        "unit0.bn.running_var",
                        "unit1.bn.running_mean",
                        "unit1.bn.running_var"),
                List.copyOf(conv.buffers().keySet()));
        CandidateOp pool =
                Catalog.create(
                        OpConfig.parse("avg_pool(3)"), 4, 1, NetworkKind.SEARCH, manager, random);
        assertTrue(pool.parameters().isEmpty());
        assertEquals(
                List.of("bn.running_mean", "bn.running_var"), List.copyOf(pool.buffers().keySet()));
        CandidateOp evalPool =
                Catalog.create(
                        OpConfig.parse("avg_pool(3)"),
                        4,
                        1,
                        NetworkKind.EVALUATION,
                        manager,
                        random);
        assertTrue(evalPool.buffers().isEmpty());
    }

    @Test
    void averagePoolIgnoresPaddedZeros() {
        for (int stride : new int[] {1, 2}) {
            CandidateOp pool =
                    Catalog.create(
                            OpConfig.parse("avg_pool(3)"),
                            1,
                            stride,
                            NetworkKind.EVALUATION,
                            manager,
                            random);
            NDArray ones = manager.ones(new Shape(1, 1, 7, 7));
            float[] y = pool.forward(ones, false).toFloatArray();
            for (float v : y) {
                assertEquals(1f, v, 1e-6f);
            }
        }
        CandidateOp pool =
                Catalog.create(
                        OpConfig.parse("avg_pool(3)"),
                        1,
                        1,
                        NetworkKind.EVALUATION,
                        manager,
                        random);
        NDArray x = manager.arange(9f).reshape(1, 1, 3, 3);
        // corner (0,0) averages pixels 0, 1, 3, 4; the centre averages all nine
        float[] y = pool.forward(x, false).toFloatArray();
        assertEquals(2f, y[0], 1e-6f);
        assertEquals(4f, y[4], 1e-6f);
    }

    @Test
    void maxPoolMatchesANaiveMaximumInTrainingAndEvaluation() {
        int side = 7;
        NDArray x = input(2, 3, side, side);
        float[] v = x.toFloatArray();
        for (int stride : new int[] {1, 2}) {
            CandidateOp pool =
                    Catalog.create(
                            OpConfig.parse("max_pool(3)"),
                            3,
                            stride,
                            NetworkKind.EVALUATION,
                            manager,
                            random);
            int out = (side + stride - 1) / stride;
            float[] expected = new float[2 * 3 * out * out];
            for (int plane = 0; plane < 6; plane++) {
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < out; j++) {
                        float m = Float.NEGATIVE_INFINITY;
                        for (int a = i * stride - 1; a <= i * stride + 1; a++) {
                            for (int b = j * stride - 1; b <= j * stride + 1; b++) {
                                if (a >= 0 && a < side && b >= 0 && b < side) {
                                    m = Math.max(m, v[plane * side * side + a * side + b]);
                                }
                            }
                        }
                        expected[plane * out * out + i * out + j] = m;
                    }
                }
            }
            assertArrayEquals(expected, pool.forward(x, true).toFloatArray(), "stride " + stride);
            assertArrayEquals(expected, pool.forward(x, false).toFloatArray(), "stride " + stride);
        }
    }

    @Test
    void scaledForwardEqualsTheScaledOutput() {
        NDArray x = input(2, 4, 7, 7);
        NDArray relu = x.getNDArrayInternal().relu();
        NDArray scale = manager.create(0.37f);
        for (String text : OPS) {
            for (int stride : new int[] {1, 2}) {
                for (NetworkKind kind : NetworkKind.values()) {
                    CandidateOp op =
                            Catalog.create(OpConfig.parse(text), 4, stride, kind, manager, random);
                    float[] expected = op.forward(x, false).mul(scale).toFloatArray();
                    float[] got = op.forward(x, null, scale, false).toFloatArray();
                    assertArrayEquals(expected, got, 1e-5f, text + " stride " + stride);
                    NDArray r = op.startsWithRelu() ? relu : null;
                    got = op.forward(x, r, scale, false).toFloatArray();
                    assertArrayEquals(expected, got, 1e-5f, text + " stride " + stride);
                }
            }
        }
    }

    @Test
    void batchNormUsesRunningStatisticsInEvaluationMode() {
        BatchNorm2d bn = new BatchNorm2d(2, true, manager);
        bn.runningMean().set(new float[] {1f, -2f});
        bn.runningVar().set(new float[] {4f, 0.25f});
        bn.gamma().set(new float[] {2f, 1f});
        bn.beta().set(new float[] {0.5f, 0f});
        NDArray x = manager.create(new float[] {3f, 0f}, new Shape(1, 2, 1, 1));
        float[] y = bn.forward(x, false).toFloatArray();
        assertEquals(2f * (3f - 1f) / (float) Math.sqrt(4 + 1e-5) + 0.5f, y[0], 1e-5f);
        assertEquals((0f + 2f) / (float) Math.sqrt(0.25 + 1e-5), y[1], 1e-4f);
    }

    @Test
    void batchNormTrainingNormalisesAndUpdatesRunningStatistics() {
        BatchNorm2d bn = new BatchNorm2d(1, false, manager);
        NDArray x = manager.create(new float[] {1f, 3f}, new Shape(2, 1, 1, 1));
        float[] y = bn.forward(x, true).toFloatArray();
        assertEquals(-1f, y[0], 1e-3f);
        assertEquals(1f, y[1], 1e-3f);
        // running = 0.9 * old + 0.1 * batch; the variance is unbiased (2 for {1, 3})
        assertEquals(0.2f, bn.runningMean().getFloat(0), 1e-6f);
        assertEquals(0.9f + 0.2f, bn.runningVar().getFloat(0), 1e-6f);
    }

    @Test
    void factorizedReduceReadsEvenAndShiftedPixelsAndZeroFillsOddSides() {
        FactorizedReduce reduce = new FactorizedReduce(1, 2, false, manager, random);
        reduce.conv1().weight().set(new float[] {1f});
        reduce.conv2().weight().set(new float[] {1f});
        float[] values = new float[9];
        for (int i = 0; i < 9; i++) {
            values[i] = i + 1;
        }
        NDArray x = manager.create(values, new Shape(1, 1, 3, 3));
        NDArray y = reduce.forward(x, false, false);
        assertEquals(new Shape(1, 2, 2, 2), y.getShape());
        float scale = (float) Math.sqrt(1 + 1e-5);
        float[] out = y.mul(scale).toFloatArray();
        // first half: pixels (0,0) (0,2) (2,0) (2,2); second half: (1,1) and zeros beyond the edge
        assertArrayEquals(new float[] {1f, 3f, 7f, 9f, 5f, 0f, 0f, 0f}, out, 1e-4f);

        NDArray even = manager.arange(1f, 17f).reshape(1, 1, 4, 4);
        float[] evenOut = reduce.forward(even, false, false).mul(scale).toFloatArray();
        assertArrayEquals(new float[] {1f, 3f, 9f, 11f, 6f, 8f, 14f, 16f}, evenOut, 1e-4f);
    }

    @Test
    void skipAtStrideTwoWithOddChannelsIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Catalog.create(
                                        OpConfig.parse("skip"),
                                        5,
                                        2,
                                        NetworkKind.SEARCH,
                                        manager,
                                        random));
        assertTrue(e.getMessage().contains("even channel count"), e.getMessage());
        assertTrue(e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void badStrideIsRefusedNamingTheOp() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Catalog.create(
                                        OpConfig.parse("max_pool(3)"),
                                        4,
                                        3,
                                        NetworkKind.SEARCH,
                                        manager,
                                        random));
        assertEquals("stride of max_pool(3) must be 1 or 2, got 3", e.getMessage());
    }

    @Test
    void forwardFromReluEqualsForward() {
        NDArray x = input(2, 4, 7, 7);
        NDArray relu = x.getNDArrayInternal().relu();
        for (String text : List.of("conv(k=3,d=2,x=[1])", "skip")) {
            CandidateOp op =
                    Catalog.create(OpConfig.parse(text), 4, 2, NetworkKind.SEARCH, manager, random);
            assertTrue(op.startsWithRelu());
            float[] a = op.forward(x, false).toFloatArray();
            float[] b = op.forwardFromRelu(relu, false).toFloatArray();
            assertArrayEquals(a, b, 1e-6f, text);
        }
        CandidateOp identity =
                Catalog.create(OpConfig.parse("skip"), 4, 1, NetworkKind.SEARCH, manager, random);
        assertFalse(identity.startsWithRelu());
        assertThrows(IllegalStateException.class, () -> identity.forwardFromRelu(relu, false));
    }

    @Test
    void gradientsReachParametersAndIntermediatesDieWithTheStepManager() {
        for (String text : List.of("conv(k=3,d=1,x=[1])", "skip")) {
            gradientsReachParameters(text);
        }
    }

    private void gradientsReachParameters(String text) {
        CandidateOp op =
                Catalog.create(OpConfig.parse(text), 4, 2, NetworkKind.EVALUATION, manager, random);
        for (NDArray p : op.parameters().values()) {
            p.setRequiresGradient(true);
        }
        int before = manager.getManagedArrays().size();
        try (NDManager step = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = Tensors.normal(step, random, 1.0, new Shape(2, 4, 7, 7));
            NDArray loss = op.forward(x, true).square().sum();
            collector.backward(loss);
        }
        assertEquals(before, manager.getManagedArrays().size());
        try (NDManager check = manager.newSubManager()) {
            for (var e : op.parameters().entrySet()) {
                NDArray grad = e.getValue().getGradient();
                assertNotNull(grad);
                grad.attach(check);
                assertTrue(grad.abs().sum().getFloat() > 0f, e.getKey());
            }
        }
    }

    @Test
    void stemPreprocessingAndClassifierHaveTheExpectedShapesAndCounts() {
        Stem stem = new Stem(3, 12, manager, random);
        assertEquals(3 * 12 * 9 + 2 * 12, stem.parameterCount());
        NDArray x = input(2, 3, 7, 7);
        NDArray s = stem.forward(x, true);
        assertEquals(new Shape(2, 12, 7, 7), s.getShape());
        Preprocessing plain = new Preprocessing(12, 4, false, false, manager, random);
        assertEquals(48, plain.parameterCount());
        assertEquals(new Shape(2, 4, 7, 7), plain.forward(s, true).getShape());
        Preprocessing reduce = new Preprocessing(12, 4, true, false, manager, random);
        assertEquals(48, reduce.parameterCount());
        assertEquals(new Shape(2, 4, 4, 4), reduce.forward(s, true).getShape());
        Classifier classifier = new Classifier(12, 10, manager, random);
        assertEquals(130, classifier.parameterCount());
        assertEquals(new Shape(2, 10), classifier.forward(s).getShape());
    }

    @Test
    void sameSeedGivesSameInitialValues() {
        OpConfig conv = OpConfig.parse("conv(k=3,d=1,x=[])");
        CandidateOp a =
                Catalog.create(conv, 4, 1, NetworkKind.SEARCH, manager, new SeededRandom(3));
        CandidateOp b =
                Catalog.create(conv, 4, 1, NetworkKind.SEARCH, manager, new SeededRandom(3));
        assertArrayEquals(
                a.parameters().get("unit0.depthwise.weight").toFloatArray(),
                b.parameters().get("unit0.depthwise.weight").toFloatArray());
    }
}

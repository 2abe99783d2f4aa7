package dev.prdarts.search.supernet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.ops.catalog.Tensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupernetTest {

    static final List<OpConfig> PRDARTS4 =
            ops("max_pool(3)", "avg_pool(3)", "skip", "conv(k=3,d=1,x=[])");

    static final List<OpConfig> SIX =
            ops(
                    "max_pool(3)",
                    "avg_pool(3)",
                    "skip",
                    "conv(k=3,d=1,x=[])",
                    "conv(k=5,d=1,x=[])",
                    "conv(k=3,d=1,x=[1])");

    /** A small network: 1x9x9 images (odd sides: 9 -> 5 -> 3), C = 4, 3 cells, 2 reductions. */
    static final SupernetSpec SMALL = new SupernetSpec(1, 9, 9, 3, 4, 3);

    static List<OpConfig> ops(String... texts) {
        List<OpConfig> list = new ArrayList<>();
        for (String t : texts) {
            list.add(OpConfig.parse(t));
        }
        return List.copyOf(list);
    }

    static Map<CellType, List<List<OpConfig>>> everywhere(List<OpConfig> pool) {
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            pools.put(type, Collections.nCopies(CellTopology.EDGES, pool));
        }
        return pools;
    }

    @Test
    void prdarts4OnEveryEdgeHasThePublishedParameterCount() {
        try (Supernet net = Supernet.build(SupernetSpec.cifar(10), everywhere(PRDARTS4), 1)) {
            assertEquals(402_938, net.parameterCount());
        }
    }

    @Test
    void sixCandidatePoolHasThePublishedParameterCount() {
        try (Supernet net = Supernet.build(SupernetSpec.cifar(10), everywhere(SIX), 1)) {
            assertEquals(1_262_202, net.parameterCount());
        }
    }

    @Test
    void alphasAreOnePerEdgeAndCellTypeAndNotCounted() {
        try (Supernet net = Supernet.build(SMALL, everywhere(SIX), 1)) {
            assertEquals(28, net.alphaArrays().size());
            assertEquals(new Shape(6), net.alpha(CellType.REDUCE, 13).getShape());
            for (String name : net.weights().keySet()) {
                assertFalse(name.startsWith("alphas"), name);
            }
            float[] a = net.alpha(CellType.NORMAL, 0).toFloatArray();
            for (float v : a) {
                assertTrue(Math.abs(v) < 1e-2, "alpha " + v);
            }
            assertTrue(a[0] != a[1]);
        }
    }

    @Test
    void forwardGivesLogitsForOddImageSides() {
        try (Supernet net = Supernet.build(SMALL, everywhere(SIX), 1);
                NDManager step = NDManager.newBaseManager()) {
            NDArray images = Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 9, 9));
            assertEquals(new Shape(2, 3), net.forward(images, true).getShape());
            assertEquals(new Shape(2, 3), net.forward(images, false).getShape());
        }
    }

    @Test
    void fashionMnistSizesWorkThroughBothReductions() {
        // 28 -> 14 -> 7 with cells 2 and 5 reducing; C = 2 keeps the test light
        SupernetSpec mnist = new SupernetSpec(1, 28, 28, 10, 2, 8);
        try (Supernet net = Supernet.build(mnist, everywhere(SIX), 1);
                NDManager step = NDManager.newBaseManager()) {
            NDArray images = Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 28, 28));
            assertEquals(new Shape(2, 10), net.forward(images, true).getShape());
            assertEquals(new Shape(2, 10), net.forward(images, false).getShape());
        }
    }

    @Test
    void forwardOutsideAGradientCollectorRecordsNoGraph() {
        try (Supernet net = Supernet.build(SMALL, everywhere(PRDARTS4), 1);
                NDManager step = NDManager.newBaseManager()) {
            net.setWeightGradients(true);
            net.setAlphaGradients(true);
            NDArray images = Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 9, 9));
            NDArray logits = net.forward(images, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = logits.sum();
                assertThrows(EngineException.class, () -> gc.backward(loss));
            }
        }
    }

    @Test
    void sharingParameterFreeCandidatesChangesNoNumber() {
        Map<CellType, List<List<OpConfig>>> pools = mixedPools();
        try (Supernet shared = Supernet.build(SMALL, pools, 5, null, true);
                Supernet plain = Supernet.build(SMALL, pools, 5, null, false);
                NDManager step = NDManager.newBaseManager()) {
            assertEquals(plain.parameterCount(), shared.parameterCount());
            assertTrue(shared.buffers().size() < plain.buffers().size());
            NDArray images = Tensors.normal(step, new SeededRandom(3), 1, new Shape(4, 1, 9, 9));
            float[] trainA = shared.forward(images, true).toFloatArray();
            float[] trainB = plain.forward(images, true).toFloatArray();
            assertArrayEquals(trainB, trainA, 1e-5f);
            // evaluation uses the running statistics the training pass updated
            float[] a = shared.forward(images, false).toFloatArray();
            float[] b = plain.forward(images, false).toFloatArray();
            assertArrayEquals(b, a, 1e-5f);
        }
    }

    /** Pools that differ per edge and include zero, so some states share and some do not. */
    private static Map<CellType, List<List<OpConfig>>> mixedPools() {
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> edges = new ArrayList<>();
            for (int e = 0; e < CellTopology.EDGES; e++) {
                edges.add(
                        e % 3 == 0
                                ? SIX
                                : e % 3 == 1
                                        ? PRDARTS4
                                        : ops("zero", "avg_pool(3)", "conv(k=3,d=2,x=[2])"));
            }
            pools.put(type, edges);
        }
        return pools;
    }

    @Test
    void aNodeWhoseCandidatesAreAllZeroOutputsZeros() {
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> edges = new ArrayList<>(Collections.nCopies(14, PRDARTS4));
            edges.set(0, ops("zero"));
            edges.set(1, ops("zero"));
            pools.put(type, edges);
        }
        try (Supernet net = Supernet.build(SMALL, pools, 1);
                NDManager step = NDManager.newBaseManager()) {
            NDArray images = Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 9, 9));
            assertEquals(new Shape(2, 3), net.forward(images, true).getShape());
        }
    }

    @Test
    void stepManagerHoldsEveryIntermediate() {
        try (Supernet net = Supernet.build(SMALL, everywhere(SIX), 1)) {
            int before = -1;
            for (int i = 0; i < 2; i++) {
                try (NDManager step = NDManager.newBaseManager()) {
                    NDArray images =
                            Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 9, 9));
                    net.forward(images, true);
                }
                // the first pass may cache the average pools' constant scales; later ones add
                // nothing
                int now = net.manager().getManagedArrays().size();
                if (before >= 0) {
                    assertEquals(before, now);
                }
                before = now;
            }
        }
    }

    @Test
    void gradientsReachOnlyTheGroupSwitchedOn() {
        try (Supernet net = Supernet.build(SMALL, everywhere(PRDARTS4), 1)) {
            net.setAlphaGradients(true);
            try (NDManager step = NDManager.newBaseManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray images =
                        Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 9, 9));
                gc.backward(net.forward(images, true).square().sum());
            }
            try (NDManager check = NDManager.newBaseManager()) {
                for (NDArray a : net.alphaArrays()) {
                    NDArray g = a.getGradient();
                    g.attach(check);
                    assertTrue(g.abs().sum().getFloat() > 0f);
                }
                for (NDArray w : net.weightArrays()) {
                    assertFalse(w.hasGradient());
                }
            }
        }
    }

    @Test
    void stateRoundTripReproducesTheOutput() {
        try (Supernet a = Supernet.build(SMALL, mixedPools(), 1);
                Supernet b = Supernet.build(SMALL, mixedPools(), 2);
                NDManager step = NDManager.newBaseManager()) {
            NDArray images = Tensors.normal(step, new SeededRandom(2), 1, new Shape(2, 1, 9, 9));
            a.forward(images, true);
            b.loadState(a.state());
            assertArrayEquals(
                    a.forward(images, false).toFloatArray(),
                    b.forward(images, false).toFloatArray(),
                    1e-6f);
            assertTrue(a.state().keySet().contains("alphas.reduce.13"));
            assertTrue(a.state().keySet().contains("cells.0.states.1.max_pool(3).bn.running_var"));
        }
    }

    @Test
    void loadStateOfAnotherShapeNamesTheDifference() {
        try (Supernet a = Supernet.build(SMALL, everywhere(PRDARTS4), 1);
                Supernet b = Supernet.build(SMALL, everywhere(SIX), 1)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> a.loadState(b.state()));
            assertTrue(e.getMessage().contains("conv(k=5,d=1,x=[])"), e.getMessage());
        }
    }

    @Test
    void rebuildCarriesSurvivorsAndInitialisesChildrenFromParents() {
        OpConfig conv3 = OpConfig.parse("conv(k=3,d=1,x=[])");
        OpConfig conv5 = OpConfig.parse("conv(k=5,d=1,x=[])");
        try (Supernet first = Supernet.build(SMALL, everywhere(PRDARTS4), 1);
                NDManager step = NDManager.newBaseManager()) {
            NDArray images = Tensors.normal(step, new SeededRandom(2), 1, new Shape(4, 1, 9, 9));
            first.forward(images, true);

            // new pools: drop avg_pool, add conv5 (child of conv3) on every edge
            List<OpConfig> next =
                    List.of(OpConfig.parse("max_pool(3)"), OpConfig.parse("skip"), conv3, conv5);
            Map<CellType, List<Map<OpConfig, OpConfig>>> parents = new EnumMap<>(CellType.class);
            for (CellType type : CellType.values()) {
                Map<OpConfig, OpConfig> edge = new HashMap<>();
                edge.put(conv5, conv3);
                parents.put(type, Collections.nCopies(14, edge));
            }
            try (Supernet second = Supernet.rebuild(first, everywhere(next), parents, 9)) {
                for (String name :
                        List.of(
                                "stem.conv.weight",
                                "stem.bn.running_mean",
                                "cells.2.pre0.conv1.weight",
                                "cells.2.edges.0.conv(k=3,d=1,x=[]).unit0.pointwise.weight",
                                "cells.2.edges.0.skip.reduce.conv2.weight",
                                "cells.0.states.0.max_pool(3).bn.running_var",
                                "classifier.linear.bias")) {
                    assertArrayEquals(
                            first.state().get(name).toFloatArray(),
                            second.state().get(name).toFloatArray(),
                            name);
                }
                // the child's centre equals the parent's kernel, its border is zero
                NDArray parentKernel =
                        first.state()
                                .get("cells.0.edges.3.conv(k=3,d=1,x=[]).unit0.depthwise.weight");
                NDArray childKernel =
                        second.state()
                                .get("cells.0.edges.3.conv(k=5,d=1,x=[]).unit0.depthwise.weight");
                assertArrayEquals(
                        parentKernel.toFloatArray(),
                        childKernel.get(":, :, 1:4, 1:4").toFloatArray());
                assertEquals(0f, childKernel.get(":, :, 0, :").abs().sum().getFloat());
                assertEquals(new Shape(4), second.alpha(CellType.NORMAL, 0).getShape());
                assertNotNull(second.forward(images, true));
            }
        }
    }

    @Test
    void rebuildRefusesAParentOutsideThePreviousPool() {
        OpConfig conv5 = OpConfig.parse("conv(k=5,d=1,x=[])");
        OpConfig conv7 = OpConfig.parse("conv(k=7,d=1,x=[])");
        try (Supernet first = Supernet.build(SMALL, everywhere(PRDARTS4), 1)) {
            Map<CellType, List<Map<OpConfig, OpConfig>>> parents = new EnumMap<>(CellType.class);
            parents.put(CellType.NORMAL, Collections.nCopies(14, Map.of(conv7, conv5)));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    Supernet.rebuild(
                                            first,
                                            everywhere(ops("skip", "conv(k=7,d=1,x=[])")),
                                            parents,
                                            1));
            assertTrue(e.getMessage().contains("parent conv(k=5,d=1,x=[])"), e.getMessage());
        }
    }

    @Test
    void badPoolsAreRefusedNamingTheCellAndEdge() {
        Map<CellType, List<List<OpConfig>>> pools = everywhere(PRDARTS4);
        pools.put(CellType.REDUCE, Collections.nCopies(13, PRDARTS4));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Supernet.build(SMALL, pools, 1));
        assertEquals("pools of the reduce cell must list 14 edges, got 13", e.getMessage());

        Map<CellType, List<List<OpConfig>>> twice = everywhere(PRDARTS4);
        List<List<OpConfig>> edges = new ArrayList<>(twice.get(CellType.NORMAL));
        edges.set(4, ops("skip", "skip"));
        twice.put(CellType.NORMAL, edges);
        e = assertThrows(IllegalArgumentException.class, () -> Supernet.build(SMALL, twice, 1));
        assertTrue(e.getMessage().startsWith("normal edge 4:"), e.getMessage());
    }

    @Test
    void resetAlphasIsSeeded() {
        try (Supernet net = Supernet.build(SMALL, everywhere(PRDARTS4), 1)) {
            net.resetAlphas(new SeededRandom(4));
            float[] a = net.alpha(CellType.REDUCE, 5).toFloatArray();
            net.resetAlphas(new SeededRandom(4));
            assertArrayEquals(a, net.alpha(CellType.REDUCE, 5).toFloatArray());
            double[] p = net.probabilities(CellType.REDUCE, 5);
            assertEquals(1.0, p[0] + p[1] + p[2] + p[3], 1e-9);
        }
    }

    @Test
    void edgeTopologyFollowsTheDesignOrder() {
        assertEquals(List.of(0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4), inputs());
        assertEquals(9, CellTopology.firstEdge(3));
        assertEquals(2, CellTopology.stride(1, true));
        assertEquals(1, CellTopology.stride(4, true));
        assertEquals(1, CellTopology.stride(0, false));
    }

    private static List<Integer> inputs() {
        List<Integer> list = new ArrayList<>();
        for (int e = 0; e < 14; e++) {
            list.add(CellTopology.input(e));
        }
        return list;
    }
}

package dev.prdarts.search.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.search.config.Preset;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.pools.InitialCatalog;
import dev.prdarts.search.supernet.Supernet;
import dev.prdarts.search.supernet.SupernetSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BilevelTrainerTest {

    private static final SearchConfig PAPER = new SearchConfigLoader().preset(Preset.PAPER);

    private Supernet net;
    private NDManager root;
    private BilevelTrainer trainer;

    @BeforeEach
    void build() {
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> edges = new ArrayList<>();
            for (int e = 0; e < 14; e++) {
                edges.add(InitialCatalog.PRDARTS4.ops());
            }
            pools.put(type, edges);
        }
        net = Supernet.build(new SupernetSpec(1, 8, 8, 3, 4, 3), pools, 7);
        root = NDManager.newBaseManager();
        trainer = new BilevelTrainer(net, PAPER.weights(), PAPER.alpha(), root);
    }

    @AfterEach
    void close() {
        trainer.close();
        root.close();
        net.close();
    }

    private static Map<String, float[]> copy(Map<String, NDArray> arrays) {
        Map<String, float[]> m = new LinkedHashMap<>();
        arrays.forEach((k, v) -> m.put(k, v.toFloatArray()));
        return m;
    }

    private static boolean same(Map<String, float[]> before, Map<String, NDArray> now) {
        for (Map.Entry<String, NDArray> e : now.entrySet()) {
            if (!java.util.Arrays.equals(before.get(e.getKey()), e.getValue().toFloatArray())) {
                return false;
            }
        }
        return true;
    }

    private static NDArray images(NDManager m) {
        return m.randomNormal(new Shape(6, 1, 8, 8));
    }

    private static NDArray labels(NDManager m) {
        return m.create(new int[] {0, 1, 2, 0, 1, 2});
    }

    @Test
    void alphaStepChangesOnlyTheAlphas() {
        Map<String, float[]> weights = copy(net.weights());
        Map<String, float[]> alphas = copy(net.alphasByName());

        try (NDManager step = root.newSubManager()) {
            StepResult r = trainer.alphaStep(images(step), labels(step), step);
            assertEquals(6, r.count());
            assertTrue(r.loss() > 0);
        }

        assertTrue(same(weights, net.weights()), "the alpha step changed network weights");
        assertFalse(same(alphas, net.alphasByName()), "the alpha step left the alphas alone");
        assertEquals(1, trainer.alphaOptimizer().steps());
        assertEquals(0, trainer.weightOptimizer().steps());
    }

    @Test
    void weightStepChangesOnlyTheWeights() {
        Map<String, float[]> weights = copy(net.weights());
        Map<String, float[]> alphas = copy(net.alphasByName());

        try (NDManager step = root.newSubManager()) {
            trainer.weightStep(images(step), labels(step), 0.025, step);
        }

        assertFalse(same(weights, net.weights()), "the weight step left the weights alone");
        assertTrue(same(alphas, net.alphasByName()), "the weight step changed the alphas");
        assertFalse(trainer.weightOptimizer().momentumBuffers().isEmpty());
    }

    @Test
    void alphaStepRecordsNoWeightGradients() {
        try (NDManager step = root.newSubManager()) {
            trainer.weightStep(images(step), labels(step), 0.025, step);
            trainer.alphaStep(images(step), labels(step), step);
        }

        // weight gradients were zeroed after the weight step and the alpha step added none;
        // switching recording back on keeps the stored gradients as they are
        net.setWeightGradients(true);
        for (NDArray w : net.weights().values()) {
            try (NDArray g = w.getGradient()) {
                assertEquals(0f, g.abs().sum().getFloat(), "gradient of a weight");
            }
        }
    }

    @Test
    void evaluationChangesNothing() {
        Map<String, float[]> state = copy(net.state());

        try (NDManager step = root.newSubManager()) {
            StepResult r = trainer.evaluate(images(step), labels(step));
            assertEquals(6, r.count());
        }

        assertTrue(same(state, net.state()), "evaluation changed weights, buffers or alphas");
    }

    @Test
    void crossEntropyMatchesTheHandComputedValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {1f, 2f, 0.5f, 0f, 0f, 3f}, new Shape(2, 3));
            NDArray labels = m.create(new int[] {1, 0});

            double loss = trainer.crossEntropy(logits, labels).getFloat();

            double l0 = -(2 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)));
            double l1 = -(0 - Math.log(2 + Math.exp(3)));
            assertEquals((l0 + l1) / 2, loss, 1e-5);
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        int[] counts = new int[4];
        for (int i = 0; i < counts.length; i++) {
            try (NDManager step = root.newSubManager()) {
                trainer.alphaStep(images(step), labels(step), step);
                trainer.weightStep(images(step), labels(step), 0.025, step);
                trainer.evaluate(images(step), labels(step));
            }
            counts[i] = net.manager().getManagedArrays().size() + root.getManagedArrays().size();
        }

        // the first step creates the momentum buffers; afterwards nothing accumulates
        assertEquals(counts[1], counts[2]);
        assertEquals(counts[1], counts[3]);
    }

    @Test
    void labelsOfAnyIntegerTypeWork() {
        try (NDManager step = root.newSubManager()) {
            StepResult r =
                    trainer.evaluate(images(step), labels(step).toType(DataType.INT64, false));
            assertEquals(6, r.count());
        }
    }
}

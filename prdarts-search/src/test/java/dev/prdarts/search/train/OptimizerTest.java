package dev.prdarts.search.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Runs loss = sum(c * w) for each array so that every gradient equals c. */
    private static void backward(NDManager step, Map<String, NDArray> arrays, float[][] c) {
        try (GradientCollector gc = step.getEngine().newGradientCollector()) {
            NDArray loss = null;
            int i = 0;
            for (NDArray w : arrays.values()) {
                NDArray term = step.create(c[i++], w.getShape()).mul(w).sum();
                loss = loss == null ? term : loss.add(term);
            }
            gc.backward(loss);
        }
    }

    private Map<String, NDArray> arrays(float[]... values) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("a" + i, manager.create(values[i]));
        }
        return m;
    }

    @Test
    void sgdFollowsMomentumAndWeightDecay() {
        Map<String, NDArray> arrays = arrays(new float[] {1f, -2f});
        GradientGroup group = new GradientGroup("weights", arrays);
        group.requireGradients(true);
        double w0 = 1;
        double w1 = -2;
        double b0 = 0;
        double b1 = 0;
        try (SgdOptimizer sgd = new SgdOptimizer(group, 0.9, 0.1, 100, manager)) {
            for (int t = 0; t < 3; t++) {
                try (NDManager step = manager.newSubManager()) {
                    backward(step, arrays, new float[][] {{0.5f, 1.5f}});
                    sgd.step(0.01, step);
                }
                // hand computation of PyTorch SGD
                double g0 = 0.5 + 0.1 * w0;
                double g1 = 1.5 + 0.1 * w1;
                b0 = t == 0 ? g0 : 0.9 * b0 + g0;
                b1 = t == 0 ? g1 : 0.9 * b1 + g1;
                w0 -= 0.01 * b0;
                w1 -= 0.01 * b1;
            }
            assertArrayEquals(
                    new float[] {(float) w0, (float) w1}, arrays.get("a0").toFloatArray(), 1e-6f);
            assertArrayEquals(
                    new float[] {(float) b0, (float) b1},
                    sgd.momentumBuffers().get("a0").toFloatArray(),
                    1e-6f);
            assertEquals(3, sgd.steps());
        }
    }

    @Test
    void globalNormClippingScalesAllGradientsOfTheGroup() {
        Map<String, NDArray> arrays = arrays(new float[] {0f, 0f}, new float[] {0f});
        GradientGroup group = new GradientGroup("weights", arrays);
        group.requireGradients(true);
        try (SgdOptimizer sgd = new SgdOptimizer(group, 0, 0, 5, manager);
                NDManager step = manager.newSubManager()) {
            // gradients (3, 4) and (12): global norm 13, clipped to 5
            backward(step, arrays, new float[][] {{3f, 4f}, {12f}});

            double norm = sgd.step(1.0, step);

            assertEquals(13, norm, 1e-5);
            double s = 5 / (13 + GradientGroup.CLIP_EPS);
            assertArrayEquals(
                    new float[] {(float) (-3 * s), (float) (-4 * s)},
                    arrays.get("a0").toFloatArray(),
                    1e-5f);
            assertArrayEquals(
                    new float[] {(float) (-12 * s)}, arrays.get("a1").toFloatArray(), 1e-5f);
        }
    }

    @Test
    void gradientsAreZeroAfterAStep() {
        Map<String, NDArray> arrays = arrays(new float[] {1f});
        GradientGroup group = new GradientGroup("weights", arrays);
        group.requireGradients(true);
        try (SgdOptimizer sgd = new SgdOptimizer(group, 0, 0, 100, manager)) {
            for (int t = 0; t < 2; t++) {
                try (NDManager step = manager.newSubManager()) {
                    backward(step, arrays, new float[][] {{2f}});
                    sgd.step(0.5, step);
                }
            }
            // two steps of gradient 2 (not 2 then 4): 1 - 0.5 * 2 - 0.5 * 2
            assertArrayEquals(new float[] {-1f}, arrays.get("a0").toFloatArray(), 1e-6f);
        }
    }

    @Test
    void adamFollowsPyTorchWithBiasCorrection() {
        Map<String, NDArray> arrays = arrays(new float[] {0.5f, -0.25f});
        GradientGroup group = new GradientGroup("alpha", arrays);
        group.requireGradients(true);
        double lr = 6e-4;
        double b1 = 0.5;
        double b2 = 0.999;
        double wd = 1e-3;
        double[] w = {0.5, -0.25};
        double[] m = new double[2];
        double[] v = new double[2];
        double[] c = {0.3, -2.0};
        try (AdamOptimizer adam = new AdamOptimizer(group, lr, b1, b2, wd, 100, manager)) {
            for (int t = 1; t <= 4; t++) {
                try (NDManager step = manager.newSubManager()) {
                    backward(step, arrays, new float[][] {{(float) c[0], (float) c[1]}});
                    adam.step(step);
                }
                for (int i = 0; i < 2; i++) {
                    double g = c[i] + wd * w[i];
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    double denom =
                            Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + AdamOptimizer.EPS;
                    w[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / denom;
                }
            }
            assertArrayEquals(
                    new float[] {(float) w[0], (float) w[1]},
                    arrays.get("a0").toFloatArray(),
                    1e-6f);
            assertArrayEquals(
                    new float[] {(float) m[0], (float) m[1]},
                    adam.firstMoments().get("a0").toFloatArray(),
                    1e-6f);
            assertEquals(4, adam.steps());
        }
    }

    @Test
    void stepsLeaveNoArraysInTheLongLivedManager() {
        Map<String, NDArray> arrays = arrays(new float[] {1f, 2f}, new float[] {3f});
        GradientGroup group = new GradientGroup("weights", arrays);
        group.requireGradients(true);
        try (SgdOptimizer sgd = new SgdOptimizer(group, 0.9, 3e-4, 5, manager);
                AdamOptimizer adam = new AdamOptimizer(group, 1e-3, 0.5, 0.999, 1e-3, 5, manager)) {
            int before = -1;
            for (int t = 0; t < 5; t++) {
                try (NDManager step = manager.newSubManager()) {
                    backward(step, arrays, new float[][] {{1f, 1f}, {1f}});
                    sgd.step(0.1, step);
                    backward(step, arrays, new float[][] {{1f, 1f}, {1f}});
                    adam.step(step);
                }
                int now = manager.getManagedArrays().size();
                if (t == 1) {
                    before = now;
                }
                if (t > 1) {
                    assertEquals(before, now, "arrays in the long-lived manager at step " + t);
                }
            }
        }
    }

    @Test
    void cosineStartsAtMaxAndDecaysTowardsMin() {
        CosineSchedule s = new CosineSchedule(0.025, 0.01);

        assertEquals(0.025, s.rate(0, 10), 1e-15);
        assertEquals(0.0175, s.rate(5, 10), 1e-12);
        assertEquals(0.01 + 0.015 * (1 + Math.cos(Math.PI * 0.9)) / 2, s.rate(9, 10), 1e-15);
    }
}

package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumSgdTest {

    /** Runs backward of sum(w * c) so that the gradient of w is c. */
    private static void backward(NDManager m, NDArray w, float[] c) {
        try (NDManager step = m.newSubManager();
                GradientCollector gc = step.getEngine().newGradientCollector()) {
            gc.backward(w.mul(step.create(c)).sum());
        }
    }

    @Test
    void updatesFollowThePytorchRuleWithWeightDecayAndMomentum() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f});
            w.setRequiresGradient(true);
            MomentumSgd sgd = new MomentumSgd(m, 0.9, 0.1, 0);

            backward(m, w, new float[] {0.5f, 1f});
            double norm = sgd.step(Map.of("w", w), 0.1);
            assertEquals(Math.sqrt(0.25 + 1), norm, 1e-6);
            // d = g + 0.1 w = (0.6, 0.8); buf = d; w = w - 0.1 d
            assertArrayEquals(new float[] {0.94f, -2.08f}, w.toFloatArray(), 1e-6f);

            backward(m, w, new float[] {0.5f, 1f});
            sgd.step(Map.of("w", w), 0.05);
            // d = (0.5 + 0.094, 1 - 0.208) = (0.594, 0.792); buf = 0.9 (0.6, 0.8) + d
            float b0 = 0.9f * 0.6f + 0.594f;
            float b1 = 0.9f * 0.8f + 0.792f;
            assertArrayEquals(
                    new float[] {0.94f - 0.05f * b0, -2.08f - 0.05f * b1}, w.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void gradientsAreClippedToTheGlobalNormAndZeroedAfterTheStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0f});
            NDArray b = m.create(new float[] {0f});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (NDManager step = m.newSubManager();
                    GradientCollector gc = step.getEngine().newGradientCollector()) {
                gc.backward(a.mul(3f).add(b.mul(4f)).sum());
            }
            MomentumSgd sgd = new MomentumSgd(m, 0, 0, 1);
            double norm = sgd.step(Map.of("a", a, "b", b), 1.0);
            assertEquals(5.0, norm, 1e-6);
            // clipped to norm 1: (0.6, 0.8)
            assertEquals(-0.6f, a.getFloat(), 1e-5f);
            assertEquals(-0.8f, b.getFloat(), 1e-5f);
            assertEquals(0f, a.getGradient().getFloat(), 0f);
            assertEquals(0f, b.getGradient().getFloat(), 0f);
        }
    }
}

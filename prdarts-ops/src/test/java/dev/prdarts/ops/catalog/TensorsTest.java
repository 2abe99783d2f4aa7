package dev.prdarts.ops.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TensorsTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void assignWritesEveryValueInPlace() {
        NDArray target = manager.zeros(new Shape(2, 3, 1, 2));
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i - 5.5f;
        }

        Tensors.assign(target, values);

        assertArrayEquals(values, target.toFloatArray());
        assertEquals(new Shape(2, 3, 1, 2), target.getShape());
    }

    @Test
    void assignWritesAScalar() {
        NDArray target = manager.create(0f);

        Tensors.assign(target, new float[] {2.5f});

        assertArrayEquals(new float[] {2.5f}, target.toFloatArray());
        assertEquals(new Shape(), target.getShape());
    }

    @Test
    void assignKeepsTheGradientFlagAndWorksWhileGradientsAreRecorded() {
        NDArray weight = manager.ones(new Shape(4));
        weight.setRequiresGradient(true);

        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            Tensors.assign(weight, new float[] {1f, 2f, 3f, 4f});
            NDArray loss = weight.mul(weight).sum();
            collector.backward(loss);
        }

        assertTrue(weight.hasGradient());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, weight.toFloatArray());
        assertArrayEquals(new float[] {2f, 4f, 6f, 8f}, weight.getGradient().toFloatArray());
    }

    @Test
    void assignRefusesAWrongNumberOfValues() {
        NDArray target = manager.zeros(new Shape(2, 2));

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> Tensors.assign(target, new float[3]));

        assertEquals("expected 4 values for shape (2, 2), got 3", e.getMessage());
    }

    @Test
    void copyAllWritesIntoTheTargetArrays() {
        NDArray a = manager.zeros(new Shape(3));
        NDArray source = manager.create(new float[] {7f, 8f, 9f});

        Tensors.copyAll(Map.of("a", a), Map.of("a", source));

        assertArrayEquals(new float[] {7f, 8f, 9f}, a.toFloatArray());
    }
}

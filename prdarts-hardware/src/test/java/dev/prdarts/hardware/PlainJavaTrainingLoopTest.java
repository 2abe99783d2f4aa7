package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shows another training loop using the batch-size manager and a probe with plain Java: no Guice,
 * no search code.
 */
class PlainJavaTrainingLoopTest {

    /** The largest batch this pretend device really holds; its probe under-reports. */
    private static final int REAL_CAPACITY = 64;

    @Test
    void aPlainLoopGrowsItsBatchAndSettlesOnTheLargestSizeThatFits() {
        ScriptedMemoryProbe probe = new ScriptedMemoryProbe(1L << 30).thenUsages(0.30);
        BatchSizeManager batches = new BatchSizeManager(BatchSizeConfig.defaults(), probe);
        List<Integer> trained = new ArrayList<>();
        double lossSum = 0;

        try (NDManager model = NDManager.newBaseManager()) {
            NDArray weights = model.ones(new Shape(4, 1));
            for (int step = 0; step < 60; step++) {
                lossSum +=
                        batches.runStep(
                                size -> {
                                    // Per-step arrays live in a sub-manager closed even on failure.
                                    try (NDManager stepManager = model.newSubManager()) {
                                        if (size > REAL_CAPACITY) {
                                            throw new EngineException(
                                                    "CUDA out of memory. Tried to allocate 1 GiB");
                                        }
                                        NDArray x =
                                                stepManager.randomUniform(0, 1, new Shape(size, 4));
                                        float loss = x.matMul(weights).mean().getFloat();
                                        trained.add(size);
                                        return loss;
                                    }
                                });
            }
        }

        assertEquals(60, trained.size());
        assertEquals(REAL_CAPACITY, batches.batchSize());
        assertEquals(4, batches.oomBackoffs());
        assertTrue(trained.stream().allMatch(s -> s <= REAL_CAPACITY), trained.toString());
        assertEquals(List.of(24, 48), trained.subList(4, 6));
        assertTrue(lossSum > 0);
    }
}

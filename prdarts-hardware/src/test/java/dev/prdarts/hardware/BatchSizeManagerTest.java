package dev.prdarts.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.djl.engine.EngineException;
import ch.qos.logback.classic.Level;
import dev.prdarts.api.hardware.MemoryProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchSizeManagerTest {

    private static final long BUDGET = 1L << 30;

    private MemoryProbe probe;
    private BatchSizeManager manager;

    @BeforeEach
    void setUp() {
        probe = mock(MemoryProbe.class);
        when(probe.name()).thenReturn("gpu:0");
        when(probe.budgetBytes()).thenReturn(BUDGET);
        manager = new BatchSizeManager(BatchSizeConfig.defaults(), probe);
    }

    private void usage(double fraction) {
        when(probe.peakBytes()).thenReturn(bytes(fraction));
    }

    private static long bytes(double fraction) {
        return Math.round(fraction * BUDGET);
    }

    private void steps(int n) {
        for (int i = 0; i < n; i++) {
            manager.afterStep();
        }
    }

    /** Puts the manager at {@code size} as if it had grown there step by step. */
    private void startAt(int size) {
        manager.restore(new BatchSizeState(size, List.of(), 128, 0, 0, 0, 0, 0));
    }

    @Test
    void startsAtBMin() {
        assertEquals(24, manager.batchSize());
    }

    @Test
    void at24WithUsage040GrowsTo48BecauseOfTheDoublingCap() {
        usage(0.40);

        steps(5);

        assertEquals(48, manager.batchSize());
        assertEquals(1, manager.changes());
    }

    @Test
    void at48WithUsage050GrowsTo88ByTheMemoryBound() {
        startAt(48);
        usage(0.50);

        steps(5);

        assertEquals(88, manager.batchSize());
    }

    @Test
    void at88WithUsage090StaysAt88() {
        startAt(88);
        usage(0.90);

        steps(5);

        assertEquals(88, manager.batchSize());
        assertEquals(0, manager.changes());
    }

    @Test
    void at120WithUsage010StopsAtBMax() {
        startAt(120);
        usage(0.10);

        steps(5);

        assertEquals(128, manager.batchSize());
    }

    @Test
    void followsTheDesignSequenceFromBMin() {
        usage(0.40);
        steps(5);
        usage(0.50);
        steps(5);
        usage(0.90);
        steps(5);

        assertEquals(88, manager.batchSize());
        assertEquals(2, manager.changes());
    }

    @Test
    void doublingCapHoldsEvenWithAlmostNoMemoryUse() {
        usage(0.01);

        steps(5);
        assertEquals(48, manager.batchSize());
        steps(5);
        assertEquals(96, manager.batchSize());
        steps(5);
        assertEquals(128, manager.batchSize());
        steps(5);
        assertEquals(128, manager.batchSize());
    }

    @Test
    void proposalMatchesTheLinearModel() {
        assertEquals(48, manager.proposeSize(0.40));
        assertEquals(40, manager.proposeSize(0.50));
        assertEquals(24, manager.proposeSize(0.95));
    }

    @Test
    void decidesOnlyAfterEveryFifthStep() {
        usage(0.10);

        steps(4);
        assertEquals(24, manager.batchSize());
        steps(1);
        assertEquals(48, manager.batchSize());
        steps(4);
        assertEquals(48, manager.batchSize());
        steps(1);
        assertEquals(96, manager.batchSize());
        verify(probe, times(3)).resetPeak();
    }

    @Test
    void decidesOnThePeakOfTheWindowNotTheLastReading() {
        when(probe.peakBytes())
                .thenReturn(bytes(0.90), bytes(0.30), bytes(0.30), bytes(0.30), bytes(0.30));

        steps(5);

        assertEquals(24, manager.batchSize());
    }

    @Test
    void neverShrinksWhenUsageIsAboveTheThreshold() {
        startAt(88);
        usage(1.50);

        steps(10);

        assertEquals(88, manager.batchSize());
    }

    @Test
    void rebuildResetsToBMinAndRestartsTheWindowButKeepsCounters() {
        usage(0.10);
        steps(5);
        steps(3);
        assertEquals(48, manager.batchSize());

        manager.onRebuild();

        assertEquals(24, manager.batchSize());
        assertEquals(1, manager.changes());
        steps(4);
        assertEquals(24, manager.batchSize());
        steps(1);
        assertEquals(48, manager.batchSize());
    }

    @Test
    void logsOneInfoLinePerChangeWithOldNewAndUsage() {
        try (LogCapture log = new LogCapture(BatchSizeManager.class)) {
            usage(0.40);
            steps(5);
            usage(0.90);
            steps(5);

            assertEquals(
                    List.of("batch size 24 -> 48 (peak memory 40.0% of gpu:0 budget 1.0 GiB)"),
                    log.lines(Level.INFO));
        }
    }

    @Test
    void outOfMemoryDropsToThePreviousSizeAndRetriesWithFreshData() {
        usage(0.40);
        steps(5);
        usage(0.50);
        steps(5);
        assertEquals(88, manager.batchSize());
        List<Integer> calls = new ArrayList<>();

        String result =
                manager.runStep(
                        size -> {
                            calls.add(size);
                            if (size == 88) {
                                throw new EngineException(
                                        "CUDA out of memory. Tried to allocate 2.00 GiB");
                            }
                            return "trained on " + size;
                        });

        assertEquals("trained on 48", result);
        assertEquals(List.of(88, 48), calls);
        assertEquals(48, manager.batchSize());
        assertEquals(1, manager.oomBackoffs());
    }

    @Test
    void afterABackOffTheFailedSizeIsNotTriedAgainUntilRebuild() {
        startAt(88);
        manager.backOff(new EngineException("CUDA out of memory"));
        assertEquals(24, manager.batchSize());
        usage(0.01);

        steps(5);
        assertEquals(48, manager.batchSize());
        steps(5);
        assertEquals(80, manager.batchSize());

        manager.onRebuild();
        steps(15);
        assertEquals(128, manager.batchSize());
    }

    @Test
    void javaOutOfMemoryErrorAlsoBacksOff() {
        startAt(48);

        int used =
                manager.runStep(
                        size -> {
                            if (size == 48) {
                                throw new OutOfMemoryError("Direct buffer memory");
                            }
                            return size;
                        });

        assertEquals(24, used);
        assertEquals(1, manager.oomBackoffs());
    }

    @Test
    void outOfMemoryAtBMinStopsWithAClearMessage() {
        EngineException oom = new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");

        MinBatchDoesNotFitException e =
                assertThrows(
                        MinBatchDoesNotFitException.class,
                        () ->
                                manager.runStep(
                                        size -> {
                                            throw oom;
                                        }));

        assertEquals(
                "batch size 24 (b_min) does not fit in memory (gpu:0 budget 1.0 GiB): lower"
                        + " --batch-min or raise --memory-budget; the engine said: CUDA out of"
                        + " memory. Tried to allocate 2.00 GiB",
                e.getMessage());
        assertSame(oom, e.getCause());
        assertEquals(24, e.batchSize());
        assertEquals(0, manager.oomBackoffs());
    }

    @Test
    void otherFailuresPropagateWithoutBackingOff() {
        startAt(48);
        IllegalStateException bug = new IllegalStateException("shape mismatch (2, 3) vs (3, 2)");
        List<Integer> calls = new ArrayList<>();

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                manager.runStep(
                                        size -> {
                                            calls.add(size);
                                            throw bug;
                                        }));

        assertSame(bug, e);
        assertEquals(List.of(48), calls);
        assertEquals(48, manager.batchSize());
        assertEquals(0, manager.oomBackoffs());
    }

    @Test
    void successfulRunStepCountsAsATrainingStep() {
        usage(0.10);

        for (int i = 0; i < 5; i++) {
            manager.runStep(size -> size);
        }

        assertEquals(48, manager.batchSize());
    }

    @Test
    void largestUsedCoversTheWindowAndRestarts() {
        usage(0.10);
        steps(6);

        assertEquals(48, manager.takeLargestUsed());
        assertEquals(48, manager.takeLargestUsed());
        manager.onRebuild();
        assertEquals(24, manager.takeLargestUsed());
    }

    @Test
    void stateRoundTripContinuesTheSameWay() {
        usage(0.40);
        steps(5);
        usage(0.50);
        steps(3);
        BatchSizeState saved = manager.state();

        BatchSizeManager restored = new BatchSizeManager(BatchSizeConfig.defaults(), probe);
        restored.restore(saved);

        assertEquals(saved, restored.state());
        restored.afterStep();
        restored.afterStep();
        assertEquals(88, restored.batchSize());
        assertEquals(2, restored.changes());
        restored.backOff(new EngineException("out of memory"));
        assertEquals(48, restored.batchSize());
    }

    @Test
    void restoreRejectsSizesOffTheGrid() {
        BatchSizeState bad = new BatchSizeState(90, List.of(), 128, 0, 0, 0, 0, 0);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> manager.restore(bad));

        assertEquals(
                "batch-size state batchSize must be b_min + n * b_mult within [b_min, b_max]"
                        + " (24, 8, 128), got 90",
                e.getMessage());
    }

    @Test
    void restoreRejectsAHistoryAboveTheSize() {
        BatchSizeState bad = new BatchSizeState(48, List.of(88), 128, 0, 0, 0, 0, 0);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> manager.restore(bad));

        assertEquals(
                "batch-size state history must rise and stay below batchSize (48), got [88]",
                e.getMessage());
    }
}

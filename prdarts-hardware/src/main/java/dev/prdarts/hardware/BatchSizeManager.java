package dev.prdarts.hardware;

import dev.prdarts.api.hardware.MemoryProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the training batch size from measured memory use (DESIGN section 7).
 *
 * <p>The batch starts at {@code bMin}. After every {@code interval} completed steps the manager
 * reads the peak memory use since its last decision, assumes memory grows in proportion to the
 * batch size, and moves to the largest size {@code bMin + n * bMult} that is at most {@code bMax},
 * at most twice the current size, and predicted to stay under the threshold. This path never
 * shrinks the batch. When the engine runs out of memory the batch drops back to the size it grew
 * from (or {@code bMin}), and it will not grow to the failed size again until the next rebuild.
 * {@link #onRebuild()} resets everything but the counters to {@code bMin}.
 *
 * <p>The class needs no container: a training loop creates it with a config and a probe, calls
 * {@link #runStep(IntFunction)} (or {@link #afterStep()} and {@link #backOff(Throwable)}) and reads
 * {@link #batchSize()}. It is not thread-safe; one training loop owns it.
 */
public final class BatchSizeManager {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSizeManager.class);

    private final BatchSizeConfig config;
    private final MemoryProbe probe;

    private int batchSize;
    private final List<Integer> history = new ArrayList<>();
    private int ceiling;
    private int stepsSinceDecision;
    private long peakBytes;
    private int largestUsed;
    private int changes;
    private int oomBackoffs;

    /**
     * Creates a manager that starts at {@code config.bMin()} and a new peak window of the probe.
     *
     * @param config the batch-size limits
     * @param probe the memory probe of the device the loop trains on
     */
    public BatchSizeManager(BatchSizeConfig config, MemoryProbe probe) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.probe = Objects.requireNonNull(probe, "probe must not be null");
        this.batchSize = config.bMin();
        this.ceiling = config.bMax();
        probe.resetPeak();
    }

    /** Returns the batch size the next step should use. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the limits this manager works with. */
    public BatchSizeConfig config() {
        return config;
    }

    /** Returns the probe this manager reads. */
    public MemoryProbe probe() {
        return probe;
    }

    /** Returns the number of adaptive increases so far (resets and back-offs not included). */
    public int changes() {
        return changes;
    }

    /** Returns the number of out-of-memory back-offs so far. */
    public int oomBackoffs() {
        return oomBackoffs;
    }

    /**
     * Runs one training step with the current batch size, backing off and retrying on out-of-memory
     * failures.
     *
     * <p>{@code step} receives the batch size, fetches fresh data of that size and trains on it; it
     * must release its per-step native memory even when it fails (a sub-{@code NDManager} in
     * try-with-resources). After a recognised out-of-memory failure ({@link
     * OutOfMemoryFailures#isOutOfMemory(Throwable)}) the step is run again with the smaller size;
     * other failures propagate unchanged. After a successful step {@link #afterStep()} is called.
     *
     * @param step the training step, given the batch size
     * @return what the successful step returned
     * @throws MinBatchDoesNotFitException if the step runs out of memory at {@code bMin}
     */
    public <T> T runStep(IntFunction<? extends T> step) {
        while (true) {
            T result;
            try {
                result = step.apply(batchSize);
            } catch (RuntimeException | OutOfMemoryError e) {
                if (!OutOfMemoryFailures.isOutOfMemory(e)) {
                    throw e;
                }
                backOff(e);
                continue;
            }
            afterStep();
            return result;
        }
    }

    /**
     * Records a completed step at the current batch size and, every {@code interval} steps, decides
     * the next size from the peak memory use.
     *
     * @return the batch size of the next step
     */
    public int afterStep() {
        largestUsed = Math.max(largestUsed, batchSize);
        peakBytes = Math.max(peakBytes, probe.peakBytes());
        stepsSinceDecision++;
        if (stepsSinceDecision >= config.interval()) {
            decide();
        }
        return batchSize;
    }

    /**
     * Returns the size the batch would move to from the current one if the peak usage (a fraction
     * of the budget) measured at the current size were {@code peakUsage}; the current size when it
     * would not grow.
     */
    public int proposeSize(double peakUsage) {
        if (!(peakUsage < config.threshold())) {
            return batchSize;
        }
        long doubled = 2L * batchSize;
        int limit = (int) Math.min(Math.min(config.bMax(), ceiling), doubled);
        for (int size = config.gridFloor(limit); size > batchSize; size -= config.bMult()) {
            double predicted = peakUsage * size / batchSize;
            if (predicted < config.threshold()) {
                return size;
            }
        }
        return batchSize;
    }

    /**
     * Drops the batch after an out-of-memory failure at the current size: to the size it last grew
     * from, or {@code bMin}. The failed size is not tried again until the next rebuild.
     *
     * @param cause the out-of-memory failure
     * @return the new batch size
     * @throws MinBatchDoesNotFitException if the current size is already {@code bMin}
     */
    public int backOff(Throwable cause) {
        Objects.requireNonNull(cause, "cause must not be null");
        int failed = batchSize;
        if (failed <= config.bMin()) {
            throw new MinBatchDoesNotFitException(config.bMin(), where(), cause);
        }
        int previous = history.isEmpty() ? config.bMin() : history.remove(history.size() - 1);
        batchSize = Math.min(previous, config.gridFloor(failed - 1));
        ceiling = Math.min(ceiling, failed - 1);
        oomBackoffs++;
        startWindow();
        LOG.info(
                "out of memory at batch size {}; backing off to {} ({}): {}",
                failed,
                batchSize,
                where(),
                OutOfMemoryFailures.firstLine(cause));
        return batchSize;
    }

    /**
     * Resets the batch size to {@code bMin} because the network was rebuilt (new candidates have
     * new memory needs). The counters are kept.
     */
    public void onRebuild() {
        int old = batchSize;
        batchSize = config.bMin();
        history.clear();
        ceiling = config.bMax();
        largestUsed = 0;
        startWindow();
        if (old != batchSize) {
            LOG.info("batch size {} -> {} (network rebuilt)", old, batchSize);
        }
    }

    /**
     * Returns the largest batch size a completed step used since the previous call (or since the
     * last rebuild), or the current size when no step completed; starts a new window.
     */
    public int takeLargestUsed() {
        int largest = largestUsed > 0 ? largestUsed : batchSize;
        largestUsed = 0;
        return largest;
    }

    /** Returns the state for a checkpoint. */
    public BatchSizeState state() {
        return new BatchSizeState(
                batchSize,
                history,
                ceiling,
                stepsSinceDecision,
                peakBytes,
                largestUsed,
                changes,
                oomBackoffs);
    }

    /**
     * Restores a state taken from a manager with the same limits.
     *
     * @throws IllegalArgumentException if the state does not fit this manager's limits
     */
    public void restore(BatchSizeState state) {
        Objects.requireNonNull(state, "state must not be null");
        requireGrid("batchSize", state.batchSize());
        if (state.ceiling() < state.batchSize() || state.ceiling() > config.bMax()) {
            throw new IllegalArgumentException(
                    "batch-size state ceiling must be in [batchSize ("
                            + state.batchSize()
                            + "), b_max ("
                            + config.bMax()
                            + ")], got "
                            + state.ceiling());
        }
        int below = 0;
        for (int size : state.history()) {
            requireGrid("history entry", size);
            if (size <= below || size >= state.batchSize()) {
                throw new IllegalArgumentException(
                        "batch-size state history must rise and stay below batchSize ("
                                + state.batchSize()
                                + "), got "
                                + state.history());
            }
            below = size;
        }
        if (state.largestUsed() != 0) {
            requireGrid("largestUsed", state.largestUsed());
        }
        batchSize = state.batchSize();
        history.clear();
        history.addAll(state.history());
        ceiling = state.ceiling();
        stepsSinceDecision = state.stepsSinceDecision();
        peakBytes = state.peakBytes();
        largestUsed = state.largestUsed();
        changes = state.changes();
        oomBackoffs = state.oomBackoffs();
    }

    private void decide() {
        double usage = (double) peakBytes / probe.budgetBytes();
        int old = batchSize;
        int next = proposeSize(usage);
        startWindow();
        if (next > old) {
            history.add(old);
            batchSize = next;
            changes++;
            LOG.info(
                    "batch size {} -> {} (peak memory {} of {})",
                    old,
                    next,
                    percent(usage),
                    where());
        } else {
            LOG.debug("batch size stays {} (peak memory {} of {})", old, percent(usage), where());
        }
    }

    private void startWindow() {
        stepsSinceDecision = 0;
        peakBytes = 0;
        probe.resetPeak();
    }

    private void requireGrid(String what, int size) {
        if (!config.isGridSize(size)) {
            throw new IllegalArgumentException(
                    "batch-size state "
                            + what
                            + " must be b_min + n * b_mult within [b_min, b_max] ("
                            + config.bMin()
                            + ", "
                            + config.bMult()
                            + ", "
                            + config.bMax()
                            + "), got "
                            + size);
        }
    }

    private String where() {
        return probe.name() + " budget " + MemorySize.format(probe.budgetBytes());
    }

    private static String percent(double usage) {
        return String.format(Locale.ROOT, "%.1f%%", usage * 100);
    }
}

package dev.prdarts.hardware;

import java.util.List;
import java.util.Objects;

/**
 * The state of a {@link BatchSizeManager}, for checkpoints.
 *
 * @param batchSize the batch size of the next step
 * @param history the sizes the batch grew from since the last rebuild, oldest first
 * @param ceiling the largest size allowed until the next rebuild (lowered by out-of-memory
 *     back-offs)
 * @param stepsSinceDecision training steps since the last decision
 * @param peakBytes the peak memory use seen since the last decision, 0 if none
 * @param largestUsed the largest batch size used since {@link BatchSizeManager#takeLargestUsed()}
 * @param changes the number of adaptive increases so far
 * @param oomBackoffs the number of out-of-memory back-offs so far
 */
public record BatchSizeState(
        int batchSize,
        List<Integer> history,
        int ceiling,
        int stepsSinceDecision,
        long peakBytes,
        int largestUsed,
        int changes,
        int oomBackoffs) {

    /** Copies the history and checks the counters. */
    public BatchSizeState {
        history = List.copyOf(Objects.requireNonNull(history, "history must not be null"));
        if (stepsSinceDecision < 0 || peakBytes < 0 || changes < 0 || oomBackoffs < 0) {
            throw new IllegalArgumentException(
                    "batch-size state counters must be >= 0, got steps "
                            + stepsSinceDecision
                            + ", peak "
                            + peakBytes
                            + ", changes "
                            + changes
                            + ", oom back-offs "
                            + oomBackoffs);
        }
    }
}

package dev.prdarts.hardware;

/**
 * Signals that even the smallest batch size ran out of memory, so training cannot go on.
 *
 * <p>A search stops on it after keeping what it has written; the message says what to change.
 */
public final class MinBatchDoesNotFitException extends RuntimeException {

    private final int batchSize;

    /**
     * Creates the exception.
     *
     * @param batchSize the smallest batch size, which failed
     * @param where the probe's name and budget, for example "cpu, budget 6.0 GiB"
     * @param cause the engine's out-of-memory failure
     */
    public MinBatchDoesNotFitException(int batchSize, String where, Throwable cause) {
        super(
                "batch size "
                        + batchSize
                        + " (b_min) does not fit in memory ("
                        + where
                        + "): lower --batch-min or raise --memory-budget; the engine said: "
                        + OutOfMemoryFailures.firstLine(cause),
                cause);
        this.batchSize = batchSize;
    }

    /** Returns the batch size that did not fit. */
    public int batchSize() {
        return batchSize;
    }
}

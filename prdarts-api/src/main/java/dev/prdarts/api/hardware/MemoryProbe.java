package dev.prdarts.api.hardware;

/**
 * Reports how much of a memory budget is in use on one device.
 *
 * <p>Implementations read the figures on each call (they are not cached) and must be cheap enough
 * to call after every training step. Probes that can observe the highest use between two reads (for
 * example the kernel's resident-set high-water mark) report it through {@link #peakBytes()}; the
 * others return the current figure there.
 */
public interface MemoryProbe {

    /** Returns a short name of what is measured, for example {@code "cpu"} or {@code "gpu:0"}. */
    String name();

    /** Returns the bytes in use now. */
    long usedBytes();

    /** Returns the bytes the process may use; always greater than zero. */
    long budgetBytes();

    /**
     * Returns the highest number of bytes in use since the last {@link #resetPeak()} (or since the
     * probe was created); the default returns {@link #usedBytes()}.
     */
    default long peakBytes() {
        return usedBytes();
    }

    /** Starts a new peak window; the default does nothing. */
    default void resetPeak() {}

    /** Returns the bytes in use now as a fraction of the budget (may exceed 1). */
    default double usage() {
        return (double) usedBytes() / budgetBytes();
    }
}

package dev.prdarts.hardware;

import dev.prdarts.api.hardware.MemoryProbe;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A memory probe whose readings a test sets or scripts in advance.
 *
 * <p>Each reading of {@link #peakBytes()} takes the next scripted value; once the script is used up
 * the last value repeats. {@link #usedBytes()} returns the last value read without advancing.
 * Useful for tests of training loops in any module; it measures nothing.
 */
public final class ScriptedMemoryProbe implements MemoryProbe {

    private final long budgetBytes;
    private final Deque<Long> script = new ArrayDeque<>();
    private long current;
    private int peakResets;

    /**
     * Creates a probe that reports 0 bytes used of {@code budgetBytes}.
     *
     * @throws IllegalArgumentException if the budget is not positive
     */
    public ScriptedMemoryProbe(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("budgetBytes must be > 0, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** Returns a probe with a budget of 1,000,000 bytes that reports the given usage fractions. */
    public static ScriptedMemoryProbe ofUsages(double... usages) {
        ScriptedMemoryProbe probe = new ScriptedMemoryProbe(1_000_000);
        probe.thenUsages(usages);
        return probe;
    }

    /** Appends readings given as fractions of the budget; returns this probe. */
    public ScriptedMemoryProbe thenUsages(double... usages) {
        for (double usage : usages) {
            if (!(usage >= 0)) {
                throw new IllegalArgumentException("usage must be >= 0, got " + usage);
            }
            script.addLast(Math.round(usage * budgetBytes));
        }
        return this;
    }

    /** Appends readings in bytes; returns this probe. */
    public ScriptedMemoryProbe thenBytes(long... bytes) {
        for (long b : bytes) {
            if (b < 0) {
                throw new IllegalArgumentException("bytes must be >= 0, got " + b);
            }
            script.addLast(b);
        }
        return this;
    }

    /** Returns how often {@link #resetPeak()} was called. */
    public int peakResets() {
        return peakResets;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public long usedBytes() {
        return current;
    }

    @Override
    public long peakBytes() {
        if (!script.isEmpty()) {
            current = script.removeFirst();
        }
        return current;
    }

    @Override
    public void resetPeak() {
        peakResets++;
    }

    @Override
    public long budgetBytes() {
        return budgetBytes;
    }
}

package dev.prdarts.hardware;

import dev.prdarts.hardware.probe.LinuxMemoryInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches the process's resident memory from a daemon thread and reports once when it passes a
 * limit.
 *
 * <p>On a CPU the engine does not report a failed allocation: Linux overcommits, and a network or
 * batch that is too large grows the process until the kernel kills it (or the machine stalls)
 * without a word. The guard turns that into one clear message while there is still memory left to
 * say it. The batch-size manager keeps a run under its memory budget; the guard is the last line,
 * placed by default at {@value #DEFAULT_SHARE_PERCENT}% of the machine's (or cgroup's) memory.
 *
 * <p>What happens then is the caller's choice ({@code onExceeded}): the command line prints the
 * message and halts the JVM; checkpoints are written atomically, so nothing on disk is left
 * half-written.
 */
public final class ResidentMemoryGuard implements AutoCloseable {

    /** The default limit as a percentage of the machine's or cgroup's memory. */
    public static final int DEFAULT_SHARE_PERCENT = 90;

    /** The default time between two reads of the resident memory. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(20);

    private final LongSupplier residentBytes;
    private final long limitBytes;
    private final String limitText;
    private final Duration interval;
    private final Consumer<String> onExceeded;
    private final Thread thread;
    private volatile boolean closed;

    private ResidentMemoryGuard(
            LongSupplier residentBytes,
            long limitBytes,
            String limitText,
            Duration interval,
            Consumer<String> onExceeded) {
        this.residentBytes = residentBytes;
        this.limitBytes = limitBytes;
        this.limitText = limitText;
        this.interval = interval;
        this.onExceeded = onExceeded;
        this.thread = new Thread(this::watch, "prdarts-memory-guard");
        this.thread.setDaemon(true);
    }

    /**
     * Starts a guard.
     *
     * @param residentBytes reads the resident memory in bytes; a negative value means unknown and
     *     is skipped
     * @param limitBytes the limit, > 0
     * @param limitText how the limit is described in the message, e.g. "90% of 23.5 GiB"
     * @param interval the time between two reads, > 0
     * @param onExceeded receives the message, once, on the guard's thread
     * @return the running guard
     */
    public static ResidentMemoryGuard start(
            LongSupplier residentBytes,
            long limitBytes,
            String limitText,
            Duration interval,
            Consumer<String> onExceeded) {
        Objects.requireNonNull(residentBytes, "residentBytes must not be null");
        Objects.requireNonNull(limitText, "limitText must not be null");
        Objects.requireNonNull(onExceeded, "onExceeded must not be null");
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes must be > 0, got " + limitBytes);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0, got " + interval);
        }
        ResidentMemoryGuard guard =
                new ResidentMemoryGuard(residentBytes, limitBytes, limitText, interval, onExceeded);
        guard.thread.start();
        return guard;
    }

    /**
     * Starts a guard of this process at {@value #DEFAULT_SHARE_PERCENT}% of the smaller of the
     * machine's memory and the cgroup limit, or returns empty when neither can be read (not Linux).
     */
    public static Optional<ResidentMemoryGuard> startDefault(Consumer<String> onExceeded) {
        LinuxMemoryInfo info = new LinuxMemoryInfo();
        OptionalLong total = machineLimit(info);
        if (total.isEmpty() || info.residentBytes().isEmpty()) {
            return Optional.empty();
        }
        long limit = total.getAsLong() / 100 * DEFAULT_SHARE_PERCENT;
        String text =
                DEFAULT_SHARE_PERCENT
                        + "% of the "
                        + MemorySize.format(total.getAsLong())
                        + " this machine has";
        return Optional.of(
                start(
                        () -> info.residentBytes().orElse(-1),
                        limit,
                        text,
                        DEFAULT_INTERVAL,
                        onExceeded));
    }

    /** Returns the smaller of the physical memory and the cgroup limit, if either is known. */
    static OptionalLong machineLimit(LinuxMemoryInfo info) {
        OptionalLong physical = info.physicalBytes();
        OptionalLong cgroup = info.cgroupLimitBytes();
        if (physical.isEmpty()) {
            return cgroup;
        }
        if (cgroup.isEmpty()) {
            return physical;
        }
        return OptionalLong.of(Math.min(physical.getAsLong(), cgroup.getAsLong()));
    }

    /** Returns the limit in bytes. */
    public long limitBytes() {
        return limitBytes;
    }

    /** Returns whether the guard's thread is still watching. */
    public boolean isWatching() {
        return thread.isAlive();
    }

    private void watch() {
        long sleepMillis = Math.max(1, interval.toMillis());
        while (!closed) {
            long used = residentBytes.getAsLong();
            if (used > limitBytes) {
                onExceeded.accept(message(used));
                return;
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Returns the message for a resident memory of {@code used} bytes. */
    String message(long used) {
        return "out of memory: the process holds "
                + MemorySize.format(used)
                + ", over "
                + limitText
                + " ("
                + MemorySize.format(limitBytes)
                + "); stopped before the system runs out. Use fewer channels or cells, a smaller"
                + " batch, or a smaller dataset limit";
    }

    /** Stops watching; waits briefly for the thread to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

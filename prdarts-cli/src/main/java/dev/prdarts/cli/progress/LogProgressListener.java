package dev.prdarts.cli.progress;

import dev.prdarts.search.progress.ProgressChecks;
import dev.prdarts.search.progress.ProgressListener;
import dev.prdarts.search.progress.ProgressTask;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reports progress as plain lines: at most one per interval while a task runs, and one when it
 * ends. Lines give the count, the percentage, the rate, the ETA and the latest status.
 */
final class LogProgressListener implements ProgressListener {

    private final Consumer<String> sink;
    private final LongSupplier nanoClock;
    private final long intervalNanos;

    /**
     * Creates a listener.
     *
     * @param sink receives each line (the log in production)
     * @param nanoClock a monotonic clock in nanoseconds
     * @param interval the least time between two lines of one task
     */
    LogProgressListener(Consumer<String> sink, LongSupplier nanoClock, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "progress log interval must be positive, got " + interval);
        }
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public ProgressTask start(String task, long total) {
        ProgressChecks.checkStart(task, total);
        long started = nanoClock.getAsLong();
        return new ProgressTask() {
            private long done;
            private long lastLine = started;
            private String info;
            private boolean ended;

            @Override
            public void step(long steps, String newInfo) {
                ProgressChecks.checkStep(steps, ended, task);
                done += steps;
                if (newInfo != null) {
                    info = newInfo;
                }
                long now = nanoClock.getAsLong();
                if (now - lastLine >= intervalNanos) {
                    lastLine = now;
                    sink.accept(line(task, total, done, now - started, info, false));
                }
            }

            @Override
            public void end() {
                if (!ended) {
                    ended = true;
                    long now = nanoClock.getAsLong();
                    sink.accept(line(task, total, done, now - started, info, true));
                }
            }
        };
    }

    /** Returns one progress line. */
    static String line(
            String task, long total, long done, long elapsedNanos, String info, boolean ended) {
        StringBuilder sb = new StringBuilder(task).append(": ");
        sb.append(done);
        if (total >= 0) {
            sb.append('/').append(total);
            if (total > 0) {
                sb.append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total));
            }
        }
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0) {
            sb.append(String.format(Locale.ROOT, ", %.2f/s", done / seconds));
        }
        if (ended) {
            sb.append(", done in ").append(duration(seconds));
        } else if (total > 0 && done > 0 && done < total) {
            double eta = seconds * (total - done) / done;
            sb.append(", ETA ").append(duration(eta));
        }
        if (info != null && !info.isBlank()) {
            sb.append(", ").append(info);
        }
        return sb.toString();
    }

    /** Returns a duration as {@code 1h 02m 03s}, {@code 2m 03s} or {@code 3s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long r = s % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, r);
        }
        if (m > 0) {
            return String.format(Locale.ROOT, "%dm %02ds", m, r);
        }
        return r + "s";
    }
}

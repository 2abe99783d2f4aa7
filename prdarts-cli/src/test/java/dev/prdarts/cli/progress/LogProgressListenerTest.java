package dev.prdarts.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prdarts.search.progress.ProgressTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogProgressListenerTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final LogProgressListener listener =
            new LogProgressListener(lines::add, now::get, Duration.ofSeconds(30));

    private void advanceSeconds(long s) {
        now.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void writesNoLineBeforeTheIntervalHasPassed() {
        ProgressTask task = listener.start("epoch 1", 100);
        advanceSeconds(29);

        task.step(10, "loss 2.1");

        assertEquals(List.of(), lines);
    }

    @Test
    void writesCountRateEtaAndStatusOncePerInterval() {
        ProgressTask task = listener.start("cycle 1 epoch 2", 100);
        advanceSeconds(30);

        task.step(25, "loss 1.50");
        advanceSeconds(10);
        task.step(5, null);

        assertEquals(
                List.of("cycle 1 epoch 2: 25/100 (25%), 0.83/s, ETA 1m 30s, loss 1.50"), lines);
    }

    @Test
    void endWritesAFinalLineOnlyOnce() {
        ProgressTask task = listener.start("retrain", 10);
        advanceSeconds(4);
        task.step(10, "acc 0.91");

        task.end();
        task.close();

        assertEquals(List.of("retrain: 10/10 (100%), 2.50/s, done in 4s, acc 0.91"), lines);
    }

    @Test
    void unknownTotalShowsCountAndRateWithoutEta() {
        ProgressTask task = listener.start("loading", -1);
        advanceSeconds(2 * 3600 + 5);
        task.step(7200, null);

        assertEquals(List.of("loading: 7200, 1.00/s"), lines);
    }

    @Test
    void stepAfterEndIsMisuse() {
        ProgressTask task = listener.start("epoch 3", 5);
        task.end();

        var ex = assertThrows(IllegalStateException.class, () -> task.step(1, null));

        assertEquals("progress task 'epoch 3' has already ended", ex.getMessage());
    }

    @Test
    void negativeTotalBelowUnknownIsRejected() {
        var ex = assertThrows(IllegalArgumentException.class, () -> listener.start("x", -2));

        assertEquals("progress total of task 'x' must be >= -1 (unknown), got -2", ex.getMessage());
    }
}

package dev.prdarts.cli.progress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.search.progress.ProgressTask;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

class BarProgressListenerTest {

    @Test
    void barShowsTaskPercentageAndStatusWhenTheTaskEnds() {
        List<String> frames = new CopyOnWriteArrayList<>();
        BarProgressListener listener =
                new BarProgressListener(() -> new DelegatingProgressBarConsumer(frames::add));

        try (ProgressTask task = listener.start("cycle 1 epoch 1", 40)) {
            task.step(40, "loss 1.23");
        }

        String last = frames.get(frames.size() - 1);
        assertTrue(last.startsWith("cycle 1 epoch 1 100%"), last);
        assertTrue(last.contains("40/40"), last);
        assertTrue(last.contains("loss 1.23"), last);
    }
}

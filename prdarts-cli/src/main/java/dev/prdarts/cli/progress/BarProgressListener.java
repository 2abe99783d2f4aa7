package dev.prdarts.cli.progress;

import dev.prdarts.search.progress.ProgressChecks;
import dev.prdarts.search.progress.ProgressListener;
import dev.prdarts.search.progress.ProgressTask;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws one progress bar per task (with rate and ETA) on the terminal's error stream. */
final class BarProgressListener implements ProgressListener {

    private final Supplier<ProgressBarConsumer> consumers;

    /**
     * Creates a listener drawing on standard error; the library redraws several bars in place when
     * the terminal understands ANSI escapes, else one line per bar.
     */
    BarProgressListener() {
        this.consumers = null;
    }

    /** Creates a listener drawing through consumers from the given factory (for tests). */
    BarProgressListener(Supplier<ProgressBarConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public ProgressTask start(String task, long total) {
        ProgressChecks.checkStart(task, total);
        ProgressBarBuilder builder =
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500)
                        .showSpeed();
        if (consumers != null) {
            builder.setConsumer(consumers.get());
        }
        ProgressBar bar = builder.build();
        return new ProgressTask() {
            private boolean ended;

            @Override
            public void step(long steps, String info) {
                ProgressChecks.checkStep(steps, ended, task);
                bar.stepBy(steps);
                if (info != null) {
                    bar.setExtraMessage(info);
                }
            }

            @Override
            public void end() {
                if (!ended) {
                    ended = true;
                    bar.close();
                }
            }
        };
    }
}

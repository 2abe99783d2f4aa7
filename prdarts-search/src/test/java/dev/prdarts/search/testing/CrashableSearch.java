package dev.prdarts.search.testing;

import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.SearchListener;
import dev.prdarts.search.run.SearchResult;
import dev.prdarts.search.run.SearchRunner;
import dev.prdarts.search.run.SearchStoppedException;
import dev.prdarts.search.run.StopSignals;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs or resumes a {@link TinySearch} of {@link TinySearch#THREE_CYCLES} in a process of its own,
 * so a test can kill it anywhere. Prints a marker line on standard output where it waits:
 *
 * <pre>
 * CrashableSearch run|resume DIR [--pause-step C:E:S] [--pause-cycle C] [--wait-stop C:E:S]
 * </pre>
 *
 * <p>{@code --pause-step} sleeps after weight step S of epoch E of cycle C ({@code paused at step
 * C:E:S}); {@code --pause-cycle} sleeps after cycle C has ended ({@code paused after cycle C});
 * {@code --wait-stop} waits after that step until a signal asks the search to stop ({@code waiting
 * for a stop at step C:E:S}). Exits 0 when the search ends, 130 when it was stopped.
 */
public final class CrashableSearch {

    private CrashableSearch() {}

    /** Runs the search as the arguments say. */
    public static void main(String[] args) throws Exception {
        boolean resume = args[0].equals("resume");
        Path dir = Path.of(args[1]);
        String pauseStep = null;
        String waitStop = null;
        int pauseCycle = -1;
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--pause-step" -> pauseStep = args[i + 1];
                case "--wait-stop" -> waitStop = args[i + 1];
                case "--pause-cycle" -> pauseCycle = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }

        SearchConfig config = TinySearch.config(TinySearch.THREE_CYCLES);
        RunFolder folder = resume ? RunFolder.existing(dir) : RunFolder.prepare(dir, false);
        SearchRunner runner =
                new SearchRunner(
                        config,
                        TinySearch.data(config.seed()),
                        TinySearch.DL,
                        TinySearch.batches(config),
                        null,
                        folder);
        runner.setListener(new Pauses(runner, pauseStep, waitStop, pauseCycle));
        PrintStream out = System.out;
        int code;
        try (StopSignals signals = StopSignals.install(runner)) {
            SearchResult r = resume ? runner.resume(false) : runner.run();
            out.println("finished after " + r.epochs() + " epochs");
            code = 0;
        } catch (SearchStoppedException e) {
            out.println("stopped; resume with: " + SearchStoppedException.resumeCommand(dir));
            code = 130;
        }
        out.flush();
        System.exit(code);
    }

    /** Sleeps or waits at the requested points. */
    private static final class Pauses implements SearchListener {
        private final SearchRunner runner;
        private final String pauseStep;
        private final String waitStop;
        private final int pauseCycle;

        Pauses(SearchRunner runner, String pauseStep, String waitStop, int pauseCycle) {
            this.runner = runner;
            this.pauseStep = pauseStep;
            this.waitStop = waitStop;
            this.pauseCycle = pauseCycle;
        }

        @Override
        public void stepFinished(int cycle, int epoch, int step) {
            String at = cycle + ":" + epoch + ":" + step;
            if (at.equals(pauseStep)) {
                sleepForever("paused at step " + at);
            }
            if (at.equals(waitStop)) {
                mark("waiting for a stop at step " + at);
                while (!runner.stopRequested()) {
                    sleep(10);
                }
            }
        }

        @Override
        public void cycleFinished(int cycle) {
            if (cycle == pauseCycle) {
                sleepForever("paused after cycle " + cycle);
            }
        }

        private static void sleepForever(String marker) {
            mark(marker);
            sleep(600_000);
        }

        private static void mark(String marker) {
            System.out.println(marker);
            System.out.flush();
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

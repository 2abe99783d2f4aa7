package dev.prdarts.cli.progress;

import dev.prdarts.search.progress.ProgressListener;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Chooses how the command line shows progress: a bar on a terminal, log lines otherwise. */
public final class CliProgress {

    /** How often the log-line form reports a running task. */
    public static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    /** How progress is shown. */
    public enum Mode {
        /** A redrawn progress bar with rate and ETA; for a person at a terminal. */
        BAR,
        /** Plain log lines at a fixed interval; for CI logs and files. */
        LOG
    }

    private CliProgress() {}

    /**
     * Returns the mode for an output that is or is not an interactive terminal.
     *
     * @param console whether the process has a console ({@code System.console() != null})
     * @param term the {@code TERM} environment variable, or {@code null}
     * @return {@link Mode#BAR} on a terminal that can redraw a line, else {@link Mode#LOG}
     */
    public static Mode choose(boolean console, String term) {
        if (!console) {
            return Mode.LOG;
        }
        if (term != null && term.strip().toLowerCase(Locale.ROOT).equals("dumb")) {
            return Mode.LOG;
        }
        return Mode.BAR;
    }

    /** Returns the listener of the given mode, writing bars to stderr or lines to the log. */
    public static ProgressListener create(Mode mode) {
        return switch (mode) {
            case BAR -> new BarProgressListener();
            case LOG ->
                    new LogProgressListener(
                            LoggerFactory.getLogger("dev.prdarts.progress")::info,
                            System::nanoTime,
                            LOG_INTERVAL);
        };
    }

    /** Returns the listener this process should use, judged by its console and {@code TERM}. */
    public static ProgressListener forThisProcess() {
        return create(choose(System.console() != null, System.getenv("TERM")));
    }
}

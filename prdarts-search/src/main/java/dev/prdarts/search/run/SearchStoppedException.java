package dev.prdarts.search.run;

import java.nio.file.Path;

/**
 * Thrown by {@link SearchRunner} when a stop was requested (Ctrl-C): the search has finished its
 * current step, written a checkpoint and can be resumed from it.
 */
public final class SearchStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path runDir;
    private final transient Path checkpoint;

    /**
     * Creates the exception.
     *
     * @param runDir the run folder to resume
     * @param checkpoint the checkpoint written at the stop
     * @param where where the search stopped, for example {@code cycle 2, epoch 3, step 17}
     */
    public SearchStoppedException(Path runDir, Path checkpoint, String where) {
        super(
                "search stopped at "
                        + where
                        + "; checkpoint "
                        + checkpoint
                        + "; resume with: "
                        + resumeCommand(runDir));
        this.runDir = runDir;
        this.checkpoint = checkpoint;
    }

    /** Returns the command line that continues the search. */
    public static String resumeCommand(Path runDir) {
        String dir = runDir.toString();
        boolean plain = dir.matches("[A-Za-z0-9_./:@%+=,-]+");
        return "./prdarts search --resume " + (plain ? dir : "'" + dir.replace("'", "'\\''") + "'");
    }

    /** Returns the run folder to resume. */
    public Path runDir() {
        return runDir;
    }

    /** Returns the checkpoint written at the stop. */
    public Path checkpoint() {
        return checkpoint;
    }
}

package dev.prdarts.search.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a checkpoint file is truncated, damaged or not a checkpoint at all. */
public final class CheckpointFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file the file that was read
     * @param problem what is wrong with it, for example {@code checksum mismatch}
     */
    public CheckpointFormatException(Path file, String problem) {
        super("checkpoint " + file + " is unusable: " + problem);
        this.file = file;
        this.problem = problem;
    }

    /**
     * Creates the exception with the failure that revealed the problem.
     *
     * @param file the file that was read
     * @param problem what is wrong with it
     * @param cause the underlying failure
     */
    public CheckpointFormatException(Path file, String problem, Throwable cause) {
        this(file, problem);
        initCause(cause);
    }

    /** Returns the file that was read. */
    public Path file() {
        return file;
    }

    /** Returns what is wrong with the file, without the file name. */
    public String problem() {
        return problem;
    }
}

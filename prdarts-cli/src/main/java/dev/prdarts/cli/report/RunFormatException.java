package dev.prdarts.cli.report;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a file of a run folder does not follow the run-folder format. */
public class RunFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the file, the line (when known) and the rule. */
    public RunFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? " line " + line : "") + ": " + message);
    }

    /** Creates an exception naming the file and the rule, keeping the underlying cause. */
    public RunFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}

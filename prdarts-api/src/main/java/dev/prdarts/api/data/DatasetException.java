package dev.prdarts.api.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reports a dataset file that is missing or malformed.
 *
 * <p>The message is one line that names the file and what is wrong with it, for example {@code
 * /data/cifar10/data_batch_1.bin: size 30731 bytes is not a whole number of 3073-byte records}.
 */
public class DatasetException extends IOException {

    private final transient Path file;

    /** Creates an exception about {@code file}; the message becomes {@code "<file>: <problem>"}. */
    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** Creates an exception about {@code file} caused by a lower-level failure. */
    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** Creates an exception whose message names the thing that is wrong itself. */
    public DatasetException(String message) {
        super(message);
        this.file = null;
    }

    /** Returns the file at fault, or {@code null} when the problem is not about one file. */
    public Path file() {
        return file;
    }
}

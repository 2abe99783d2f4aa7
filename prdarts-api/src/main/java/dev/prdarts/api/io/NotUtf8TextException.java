package dev.prdarts.api.io;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a file that must be UTF-8 text holds bytes that are not valid UTF-8. */
public final class NotUtf8TextException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file, as a string so that the exception stays serializable. */
    private final String file;

    private final long offset;

    /**
     * Creates the exception.
     *
     * @param file the file read
     * @param offset the offset in bytes of the first byte that is not valid UTF-8
     */
    public NotUtf8TextException(Path file, long offset) {
        super(file + ": not valid UTF-8 text (bad byte at offset " + offset + ")");
        this.file = file.toString();
        this.offset = offset;
    }

    /** Returns the file that is not text, as given to the reader. */
    public String file() {
        return file;
    }

    /** Returns the offset in bytes of the first byte that is not valid UTF-8. */
    public long offset() {
        return offset;
    }
}

package dev.prdarts.ops.space;

import java.io.IOException;
import java.nio.file.Path;

/** Signals a spaces file that is not valid TOML or declares a space wrongly. */
public final class SpaceFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** Creates the exception; the message is prefixed with the file. */
    public SpaceFileException(Path file, String message) {
        super("spaces file " + file + ": " + message);
        this.file = file;
    }

    /** Returns the file that was being read. */
    public Path file() {
        return file;
    }
}

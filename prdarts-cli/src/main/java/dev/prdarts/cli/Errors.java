package dev.prdarts.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one line the user sees. */
final class Errors {

    private Errors() {}

    /** Returns one line describing the failure, without a stack trace. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        String msg;
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            msg = "file not found: " + t.getMessage();
        } else if (t instanceof AccessDeniedException) {
            msg = "permission denied: " + t.getMessage();
        } else if (t.getMessage() == null || t.getMessage().isBlank()) {
            msg = t.getClass().getSimpleName();
        } else {
            msg = t.getMessage();
        }
        return msg.replace('\n', ' ').strip();
    }
}

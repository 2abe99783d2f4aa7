package dev.prdarts.search.genotype;

import java.io.IOException;

/** Signals a genotype file that cannot be read: bad JSON or a bad cell; the message is one line. */
public final class GenotypeFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message naming the file and the bad entry. */
    public GenotypeFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and the underlying parser failure. */
    public GenotypeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.prdarts.api.genotype;

import java.util.Locale;

/** The two searched cell types. */
public enum CellType {
    NORMAL,
    REDUCE;

    /** Returns the lower-case name used in files, {@code normal} or {@code reduce}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

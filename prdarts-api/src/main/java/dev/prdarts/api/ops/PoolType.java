package dev.prdarts.api.ops;

/** Pooling flavour: maximum or average (average never counts padded zeros). */
public enum PoolType {
    MAX("max_pool"),
    AVG("avg_pool");

    private final String textName;

    PoolType(String textName) {
        this.textName = textName;
    }

    /** Returns the name used in the canonical text form, {@code max_pool} or {@code avg_pool}. */
    public String textName() {
        return textName;
    }
}

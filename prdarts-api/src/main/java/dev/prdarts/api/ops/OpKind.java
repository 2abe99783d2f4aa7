package dev.prdarts.api.ops;

/** The family of an operation, used for statistics and similarity. */
public enum OpKind {
    CONV,
    POOL,
    SKIP,
    ZERO
}

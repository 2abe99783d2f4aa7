package dev.prdarts.api.ops;

/** The skip connection: identity at stride 1, a factorized reduce at stride 2. */
public record SkipOp() implements OpConfig {

    /** The only instance anyone needs. */
    public static final SkipOp INSTANCE = new SkipOp();

    @Override
    public String text() {
        return "skip";
    }

    @Override
    public OpKind kind() {
        return OpKind.SKIP;
    }

    @Override
    public String toString() {
        return text();
    }
}

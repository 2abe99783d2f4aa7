package dev.prdarts.api.ops;

/** The zero operation of the DARTS catalog: an all-zero output of the right shape. */
public record ZeroOp() implements OpConfig {

    /** The only instance anyone needs. */
    public static final ZeroOp INSTANCE = new ZeroOp();

    @Override
    public String text() {
        return "zero";
    }

    @Override
    public OpKind kind() {
        return OpKind.ZERO;
    }

    @Override
    public String toString() {
        return text();
    }
}

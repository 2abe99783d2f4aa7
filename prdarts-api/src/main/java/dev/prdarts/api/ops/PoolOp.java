package dev.prdarts.api.ops;

/**
 * A pooling operation with a square kernel, stride of the edge and padding {@code kernel / 2}.
 *
 * @param type max or average
 * @param kernel odd kernel side, at least 1
 */
public record PoolOp(PoolType type, int kernel) implements OpConfig {

    /** The 3x3 max pool of the initial catalogs. */
    public static final PoolOp MAX3 = new PoolOp(PoolType.MAX, 3);

    /** The 3x3 average pool of the initial catalogs. */
    public static final PoolOp AVG3 = new PoolOp(PoolType.AVG, 3);

    /** Creates a pool and checks that the kernel is a positive odd number. */
    public PoolOp {
        if (type == null) {
            throw new IllegalArgumentException("pool type must not be null");
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException(
                    "pool kernel must be a positive odd number, got " + kernel);
        }
    }

    @Override
    public String text() {
        return type.textName() + "(" + kernel + ")";
    }

    @Override
    public OpKind kind() {
        return OpKind.POOL;
    }

    @Override
    public String toString() {
        return text();
    }
}

package dev.prdarts.api.space;

import dev.prdarts.api.ops.ConvOp;

/**
 * Bounds on conv configurations that morphs may produce (DESIGN section 4).
 *
 * @param name the space's unique name, for example {@code DL}
 * @param kernelMin smallest kernel side
 * @param kernelMax largest kernel side
 * @param dilationMax largest dilation
 * @param maxDepth most expansion factors, or {@link #UNBOUNDED}
 * @param maxWidth largest single expansion factor, or {@link #UNBOUNDED}
 * @param maxSum largest sum of expansion factors, or {@link #UNBOUNDED}
 */
public record ConstraintSpace(
        String name,
        int kernelMin,
        int kernelMax,
        int dilationMax,
        int maxDepth,
        int maxWidth,
        int maxSum) {

    /** Marks a bound that does not limit anything. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * Creates a space and checks that its bounds are consistent and admit {@link ConvOp#START}, the
     * conv every search starts from (the other bounds always admit it: it has dilation 1 and no
     * expansion factors).
     */
    public ConstraintSpace {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("space name must not be empty");
        }
        check(name, "kernel_min", kernelMin, 1);
        check(name, "kernel_max", kernelMax, kernelMin);
        check(name, "dilation_max", dilationMax, 1);
        check(name, "max_depth", maxDepth, 0);
        check(name, "max_width", maxWidth, 1);
        check(name, "max_sum", maxSum, 0);
        int k = ConvOp.START.kernel();
        if (kernelMin > k || kernelMax < k) {
            throw new IllegalArgumentException(
                    "space "
                            + name
                            + ": the bounds must admit the starting conv "
                            + ConvOp.START.text()
                            + ", so kernel_min must be <= "
                            + k
                            + " and kernel_max >= "
                            + k
                            + ", got kernel_min = "
                            + kernelMin
                            + ", kernel_max = "
                            + kernelMax);
        }
    }

    private static void check(String name, String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    "space " + name + ": " + key + " must be >= " + min + ", got " + value);
        }
    }

    /** Returns whether the conv configuration lies inside every bound of this space. */
    public boolean allows(ConvOp op) {
        return op.kernel() >= kernelMin
                && op.kernel() <= kernelMax
                && op.dilation() <= dilationMax
                && op.expansions().size() <= maxDepth
                && op.maxExpansion() <= maxWidth
                && op.expansionSum() <= maxSum;
    }
}

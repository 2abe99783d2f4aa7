package dev.prdarts.api.ops;

import java.util.List;

/**
 * A chain of separable conv units (DESIGN section 2).
 *
 * <p>A unit is ReLU, depthwise {@code kernel x kernel} conv with the given dilation, pointwise 1x1
 * conv and BN. The chain has {@code expansions.size() + 1} units and its channels run {@code C ->
 * x1*C -> ... -> xn*C -> C}. {@code x=[]} is a single unit; {@code x=[1]} is the DARTS {@code
 * sep_conv}.
 *
 * @param kernel odd kernel side, at least 1
 * @param dilation dilation, at least 1
 * @param expansions the expansion factors between units, each at least 1; copied and immutable
 */
public record ConvOp(int kernel, int dilation, List<Integer> expansions) implements OpConfig {

    /** The PR-DARTS starting conv, {@code conv(k=3,d=1,x=[])}. */
    public static final ConvOp START = new ConvOp(3, 1, List.of());

    /** Creates a conv configuration and checks its values. */
    public ConvOp {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException(
                    "conv kernel must be a positive odd number, got " + kernel);
        }
        if (dilation < 1) {
            throw new IllegalArgumentException("conv dilation must be >= 1, got " + dilation);
        }
        if (expansions == null) {
            throw new IllegalArgumentException("conv expansions must not be null");
        }
        expansions = List.copyOf(expansions);
        for (int x : expansions) {
            if (x < 1) {
                throw new IllegalArgumentException(
                        "conv expansion factors must be >= 1, got " + expansions);
            }
        }
    }

    /** Creates a conv configuration from its kernel, dilation and expansion factors. */
    public static ConvOp of(int kernel, int dilation, Integer... expansions) {
        return new ConvOp(kernel, dilation, List.of(expansions));
    }

    /** Returns the number of separable units in the chain, {@code expansions.size() + 1}. */
    public int units() {
        return expansions.size() + 1;
    }

    /** Returns the sum of the expansion factors (0 for a single unit). */
    public int expansionSum() {
        int sum = 0;
        for (int x : expansions) {
            sum += x;
        }
        return sum;
    }

    /** Returns the largest expansion factor, or 0 for a single unit. */
    public int maxExpansion() {
        int max = 0;
        for (int x : expansions) {
            max = Math.max(max, x);
        }
        return max;
    }

    /**
     * Returns the channel multiplier of each unit boundary: {@code [1, x1, ..., xn, 1]}.
     *
     * <p>Unit {@code i} maps {@code multipliers[i] * C} channels to {@code multipliers[i+1] * C}.
     */
    public int[] channelMultipliers() {
        int[] m = new int[expansions.size() + 2];
        m[0] = 1;
        for (int i = 0; i < expansions.size(); i++) {
            m[i + 1] = expansions.get(i);
        }
        m[m.length - 1] = 1;
        return m;
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("conv(k=").append(kernel).append(",d=").append(dilation).append(",x=[");
        for (int i = 0; i < expansions.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(expansions.get(i));
        }
        return sb.append("])").toString();
    }

    @Override
    public OpKind kind() {
        return OpKind.CONV;
    }

    @Override
    public String toString() {
        return text();
    }
}

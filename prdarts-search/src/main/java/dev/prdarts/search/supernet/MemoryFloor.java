package dev.prdarts.search.supernet;

import dev.prdarts.hardware.MemorySize;

/**
 * Computes a lower bound of the memory a DARTS-shaped network needs to train, without building it,
 * so a size that cannot fit is refused before any work starts.
 *
 * <p>The bound counts only what every such network must hold at its peak: the weights and gradients
 * of the two 1x1 preprocessing convolutions of each cell, and one (N, 4C, H, W) float32 output per
 * cell kept for the backward pass (the next cell's preprocessing reads it). Everything else
 * (candidate operations, their saved activations, optimizer state, the engine) only adds to it, so
 * a configuration this bound refuses could never run; one it accepts may still be too large, which
 * the batch-size manager and the process's memory guard then handle.
 */
public final class MemoryFloor {

    private static final long FLOAT_BYTES = 4;

    private MemoryFloor() {}

    /**
     * Returns the lower bound in bytes; {@link Long#MAX_VALUE} when it overflows.
     *
     * @param channels initial channels C (the stem has 3C)
     * @param cells number of cells L; cells L/3 and 2L/3 reduce
     * @param height image height
     * @param width image width
     * @param batch the smallest batch size a step uses
     */
    public static long bytes(int channels, int cells, int height, int width, int batch) {
        try {
            long total = 0;
            long c = channels;
            long prevPrev = 3L * c;
            long prev = 3L * c;
            long h = height;
            long w = width;
            for (int i = 0; i < cells; i++) {
                boolean reduction = i == cells / 3 || i == 2 * cells / 3;
                if (reduction) {
                    c *= 2;
                    h = (h + 1) / 2;
                    w = (w + 1) / 2;
                }
                long preWeights = Math.multiplyExact(prevPrev + prev, c);
                long weightBytes = Math.multiplyExact(2 * FLOAT_BYTES, preWeights);
                long outputValues =
                        Math.multiplyExact(
                                Math.multiplyExact(batch, 4 * c), Math.multiplyExact(h, w));
                long outputBytes = Math.multiplyExact(FLOAT_BYTES, outputValues);
                total = Math.addExact(total, Math.addExact(weightBytes, outputBytes));
                prevPrev = prev;
                prev = 4 * c;
            }
            return total;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Checks that the bound fits the memory budget.
     *
     * @param what names the network's size settings in the message, e.g. "search.channels = 8,
     *     search.cells = 5"
     * @param budgetBytes the memory budget
     * @throws IllegalArgumentException naming the settings, the bound and the budget when the bound
     *     exceeds the budget
     */
    public static void check(
            String what,
            int channels,
            int cells,
            int height,
            int width,
            int batch,
            long budgetBytes) {
        require(
                what + " at batch size " + batch + " on " + height + "x" + width + " images",
                bytes(channels, cells, height, width, batch),
                budgetBytes);
    }

    /**
     * Checks that a lower bound of the memory a network needs fits the budget.
     *
     * @param what names the settings the bound comes from, for the message
     * @param floorBytes the lower bound, {@link Long#MAX_VALUE} when it overflowed
     * @throws IllegalArgumentException naming the settings, the bound and the budget when the bound
     *     exceeds the budget
     */
    public static void require(String what, long floorBytes, long budgetBytes) {
        if (floorBytes > budgetBytes) {
            throw new IllegalArgumentException(
                    what
                            + " needs more than "
                            + gib(floorBytes)
                            + " (a lower bound), over the memory budget of "
                            + gib(budgetBytes)
                            + "; use fewer channels or cells");
        }
    }

    private static String gib(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "2^63 bytes";
        }
        return MemorySize.format(bytes);
    }
}

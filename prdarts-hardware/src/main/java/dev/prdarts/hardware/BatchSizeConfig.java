package dev.prdarts.hardware;

/**
 * The limits of the adaptive batch size (DESIGN section 7).
 *
 * <p>Batch sizes live on the grid {@code bMin + n * bMult} and never exceed {@code bMax}. Every
 * {@code interval} training steps the manager reads the peak memory usage and may grow the batch;
 * it grows only while the predicted usage stays under {@code threshold}.
 *
 * @param bMin the smallest batch size, used after every rebuild of the network
 * @param bMult the grid step between batch sizes
 * @param bMax the largest batch size
 * @param threshold the largest predicted fraction of the memory budget a batch may use, in (0, 1]
 * @param interval the number of training steps between two decisions
 */
public record BatchSizeConfig(int bMin, int bMult, int bMax, double threshold, int interval) {

    /** The default smallest batch size. */
    public static final int DEFAULT_B_MIN = 24;

    /** The default grid step. */
    public static final int DEFAULT_B_MULT = 8;

    /** The default largest batch size. */
    public static final int DEFAULT_B_MAX = 128;

    /** The default usage threshold. */
    public static final double DEFAULT_THRESHOLD = 0.95;

    /** The default number of training steps between two decisions. */
    public static final int DEFAULT_INTERVAL = 5;

    /** Validates the limits. */
    public BatchSizeConfig {
        if (bMin < 1) {
            throw new IllegalArgumentException("batch-min must be >= 1, got " + bMin);
        }
        if (bMult <= 0) {
            throw new IllegalArgumentException("batch-mult must be > 0, got " + bMult);
        }
        if (bMin > bMax) {
            throw new IllegalArgumentException(
                    "batch-min (" + bMin + ") must be <= batch-max (" + bMax + ")");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "batch-threshold must be in (0, 1], got " + threshold);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("batch interval must be >= 1, got " + interval);
        }
    }

    /** Creates limits that decide every {@value #DEFAULT_INTERVAL} steps. */
    public BatchSizeConfig(int bMin, int bMult, int bMax, double threshold) {
        this(bMin, bMult, bMax, threshold, DEFAULT_INTERVAL);
    }

    /** Returns the defaults: 24, 8, 128, 0.95, every 5 steps. */
    public static BatchSizeConfig defaults() {
        return new BatchSizeConfig(DEFAULT_B_MIN, DEFAULT_B_MULT, DEFAULT_B_MAX, DEFAULT_THRESHOLD);
    }

    /**
     * Returns the largest grid size {@code bMin + n * bMult} that is <= {@code limit}, or {@code
     * bMin} when {@code limit} is smaller than {@code bMin}.
     */
    public int gridFloor(int limit) {
        if (limit < bMin) {
            return bMin;
        }
        return bMin + (limit - bMin) / bMult * bMult;
    }

    /** Returns whether {@code size} is a grid size within the limits. */
    public boolean isGridSize(int size) {
        return size >= bMin && size <= bMax && (size - bMin) % bMult == 0;
    }
}

package dev.prdarts.search.train;

/**
 * The weights' learning rate within one cycle: cosine decay from {@code max} towards {@code min}
 * over the cycle's epochs, restarting at {@code max} every cycle (DESIGN section 6).
 *
 * <p>Epoch {@code e} (0-based) of {@code T} uses {@code min + (max - min) (1 + cos(pi e / T)) / 2},
 * the per-epoch schedule of DARTS.
 */
public record CosineSchedule(double max, double min) {

    /** Creates a schedule and checks {@code 0 <= min <= max}. */
    public CosineSchedule {
        if (!(min >= 0 && min <= max)) {
            throw new IllegalArgumentException(
                    "cosine schedule needs 0 <= min <= max, got min " + min + ", max " + max);
        }
    }

    /** Returns the learning rate of 0-based epoch {@code epoch} of a cycle of {@code epochs}. */
    public double rate(int epoch, int epochs) {
        if (epochs < 1 || epoch < 0 || epoch >= epochs) {
            throw new IllegalArgumentException(
                    "epoch must be in 0.." + (epochs - 1) + ", got " + epoch);
        }
        return min + (max - min) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
    }
}

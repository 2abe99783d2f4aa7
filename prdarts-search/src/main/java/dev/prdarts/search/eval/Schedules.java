package dev.prdarts.search.eval;

/** The per-epoch schedules of retraining: cosine learning rate and linear drop-path. */
public final class Schedules {

    private Schedules() {}

    /**
     * Returns the learning rate of epoch {@code epoch} (0-based) of {@code epochs}: {@code min +
     * (base - min) * (1 + cos(pi * epoch / epochs)) / 2}, so epoch 0 uses {@code base} and the rate
     * approaches {@code min} at the end (SGDR without restarts, Loshchilov and Hutter 2017).
     */
    public static double cosineLearningRate(double base, double min, int epoch, int epochs) {
        check(epoch, epochs);
        return min + (base - min) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
    }

    /**
     * Returns the drop-path probability of epoch {@code epoch} (0-based) of {@code epochs}: {@code
     * max * epoch / epochs}, rising linearly from 0 in the first epoch towards {@code max}.
     */
    public static float dropPathProbability(double max, int epoch, int epochs) {
        check(epoch, epochs);
        return (float) (max * epoch / epochs);
    }

    private static void check(int epoch, int epochs) {
        if (epochs < 1 || epoch < 0 || epoch >= epochs) {
            throw new IllegalArgumentException(
                    "epoch must be in 0.." + (epochs - 1) + " (of " + epochs + "), got " + epoch);
        }
    }
}

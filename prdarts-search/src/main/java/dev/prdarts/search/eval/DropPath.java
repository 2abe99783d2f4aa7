package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/**
 * Drop-path (Larsson et al., FractalNet; used by DARTS for retraining): zeroes an operation's
 * output for a random subset of the samples of a batch and scales the others by {@code 1 / (1 -
 * p)}, so the expectation is unchanged.
 *
 * <p>The mask is drawn on the Java side from a seeded generator, so a seed fixes it.
 */
public final class DropPath {

    private final RandomGenerator random;

    /** Creates a drop-path that draws its masks from {@code random}. */
    public DropPath(RandomGenerator random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        this.random = random;
    }

    /**
     * Returns {@code x} with whole samples dropped with probability {@code p}.
     *
     * @param x an array of shape (N, C, H, W)
     * @param p the drop probability in [0, 1); 0 returns {@code x} itself
     * @return the masked and rescaled array, owned by the manager of {@code x}
     */
    public NDArray apply(NDArray x, float p) {
        if (!(p >= 0f && p < 1f)) {
            throw new IllegalArgumentException("drop-path probability must be in [0, 1), got " + p);
        }
        if (p == 0f) {
            return x;
        }
        float keep = 1f - p;
        int n = Math.toIntExact(x.getShape().get(0));
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextFloat() < keep ? 1f / keep : 0f;
        }
        Shape shape = new Shape(n, 1, 1, 1);
        return x.mul(x.getManager().create(mask, shape));
    }
}

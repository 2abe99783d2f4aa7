package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;

/**
 * Batch normalisation over the channels of (N, C, H, W) arrays, affine or affine-free.
 *
 * <p>Training mode normalises with the batch statistics and updates the running mean and variance
 * in place (momentum 0.1, PyTorch convention: {@code running = 0.9 * running + 0.1 * batch}, the
 * variance unbiased); evaluation mode normalises with the running statistics. Epsilon is 1e-5. The
 * running statistics are buffers ({@code running_mean}, {@code running_var}); an affine BN also has
 * the parameters {@code gamma} (starts at 1) and {@code beta} (starts at 0). An affine-free BN
 * passes constant ones and zeros to the engine, which rejects missing ones.
 */
public final class BatchNorm2d implements ParameterHolder {

    /** The epsilon added to the variance. */
    public static final float EPSILON = 1e-5f;

    /** The weight of the batch statistics in the running-statistics update. */
    public static final float MOMENTUM = 0.1f;

    private final int channels;
    private final boolean affine;
    private final NDArray gamma;
    private final NDArray beta;
    private final NDArray runningMean;
    private final NDArray runningVar;

    /** Creates a BN over {@code channels} channels whose arrays live in {@code manager}. */
    public BatchNorm2d(int channels, boolean affine, NDManager manager) {
        if (channels < 1) {
            throw new IllegalArgumentException("BN channels must be >= 1, got " + channels);
        }
        this.channels = channels;
        this.affine = affine;
        Shape shape = new Shape(channels);
        this.gamma = manager.ones(shape);
        this.beta = manager.zeros(shape);
        this.runningMean = manager.zeros(shape);
        this.runningVar = manager.ones(shape);
    }

    /** Returns {@code x} normalised per channel; the result belongs to the manager of {@code x}. */
    public NDArray forward(NDArray x, boolean training) {
        return forward(x, training, null);
    }

    /**
     * Returns {@code scale * BN(x)}, folding the scalar into the BN's scale and shift so no extra
     * pass over the data is needed; gradients reach {@code scale}.
     *
     * @param scale a scalar array in a per-step manager, or null for 1
     */
    public NDArray forward(NDArray x, boolean training, NDArray scale) {
        NDArray g = gamma;
        NDArray b = beta;
        if (scale != null) {
            g = scale.mul(gamma);
            if (affine) {
                b = scale.mul(beta);
            }
        }
        // DJL passes 1 - momentum to PyTorch; axis -1 selects the plain channel-first path.
        NDArray y =
                x.getNDArrayInternal()
                        .batchNorm(
                                x,
                                runningMean,
                                runningVar,
                                g,
                                b,
                                -1,
                                1f - MOMENTUM,
                                EPSILON,
                                training)
                        .singletonOrThrow();
        if (g != gamma) {
            g.close();
        }
        if (b != beta) {
            b.close();
        }
        return y;
    }

    /** Returns the number of channels. */
    public int channels() {
        return channels;
    }

    /** Returns whether gamma and beta are trainable parameters. */
    public boolean affine() {
        return affine;
    }

    /** Returns the live scale, shape (C); constant ones when affine-free. */
    public NDArray gamma() {
        return gamma;
    }

    /** Returns the live shift, shape (C); constant zeros when affine-free. */
    public NDArray beta() {
        return beta;
    }

    /** Returns the live running mean, shape (C). */
    public NDArray runningMean() {
        return runningMean;
    }

    /** Returns the live running variance, shape (C). */
    public NDArray runningVar() {
        return runningVar;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        if (affine) {
            out.put(prefix + "gamma", gamma);
            out.put(prefix + "beta", beta);
        }
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        out.put(prefix + "running_mean", runningMean);
        out.put(prefix + "running_var", runningVar);
    }
}

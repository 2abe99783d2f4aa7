package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import dev.prdarts.api.ops.OpConfig;

/**
 * One candidate operation of a mixed edge, built for a channel count and an edge stride.
 *
 * <p>Every candidate maps (N, C, H, W) to (N, C, ceil(H / s), ceil(W / s)) for stride {@code s},
 * for odd sizes too. Results belong to the manager of the input, so a caller that creates the input
 * in a per-step sub-manager frees every intermediate by closing it.
 */
public interface CandidateOp extends ParameterHolder {

    /** Returns the configuration this candidate implements. */
    OpConfig config();

    /** Returns the channel count C of input and output. */
    int channels();

    /** Returns the edge stride, 1 or 2. */
    int stride();

    /**
     * Returns the output for input {@code x} of shape (N, C, H, W).
     *
     * @param training true to normalise with batch statistics and update the running ones
     */
    NDArray forward(NDArray x, boolean training);

    /**
     * Returns whether the candidate begins with a ReLU of its input, so callers can compute the
     * ReLU once and share it through {@link #forwardFromRelu}.
     */
    default boolean startsWithRelu() {
        return false;
    }

    /**
     * Returns the output given {@code relu(x)} instead of {@code x}; equal to {@code forward(x,
     * training)}.
     *
     * @throws IllegalStateException when {@link #startsWithRelu()} is false
     */
    default NDArray forwardFromRelu(NDArray reluOfX, boolean training) {
        throw new IllegalStateException(config().text() + " does not start with a ReLU");
    }

    /**
     * Returns {@code scale * op(x)}, the term a mixed edge adds up. Candidates that end with a BN
     * fold the scale into it, which saves a pass over the data.
     *
     * @param x the input (N, C, H, W)
     * @param reluOfX {@code relu(x)} when the caller already has it, or null; used only by
     *     candidates that start with a ReLU
     * @param scale a scalar array (the candidate's softmax weight), or null for 1
     * @param training true to normalise with batch statistics and update the running ones
     * @return a new array, or {@code x} itself for the stride-1 skip without a scale
     */
    default NDArray forward(NDArray x, NDArray reluOfX, NDArray scale, boolean training) {
        NDArray y =
                reluOfX != null && startsWithRelu()
                        ? forwardFromRelu(reluOfX, training)
                        : forward(x, training);
        if (scale == null) {
            return y;
        }
        NDArray scaled = y.mul(scale);
        if (y != x) {
            y.close();
        }
        return scaled;
    }
}

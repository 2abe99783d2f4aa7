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
}

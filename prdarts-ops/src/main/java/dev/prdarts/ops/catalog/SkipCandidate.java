package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prdarts.api.ops.SkipOp;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The skip candidate: the identity at stride 1 (it returns its input array itself), a {@link
 * FactorizedReduce} at stride 2 (parameter names {@code reduce.*}).
 */
public final class SkipCandidate implements CandidateOp {

    private final int channels;
    private final int stride;
    private final FactorizedReduce reduce;

    SkipCandidate(
            int channels, int stride, boolean affine, NDManager manager, RandomGenerator random) {
        this.channels = channels;
        this.stride = stride;
        this.reduce =
                stride == 1
                        ? null
                        : new FactorizedReduce(channels, channels, affine, manager, random);
    }

    @Override
    public SkipOp config() {
        return SkipOp.INSTANCE;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int stride() {
        return stride;
    }

    /** Returns whether this skip is the identity (stride 1). */
    public boolean isIdentity() {
        return reduce == null;
    }

    /**
     * Returns the factorized reduce of a stride-2 skip.
     *
     * @throws IllegalStateException for the stride-1 identity
     */
    public FactorizedReduce reduce() {
        if (reduce == null) {
            throw new IllegalStateException("a stride-1 skip is the identity and has no reduce");
        }
        return reduce;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        return reduce == null ? x : reduce.forward(x, training, false);
    }

    @Override
    public NDArray forward(NDArray x, NDArray reluOfX, NDArray scale, boolean training) {
        if (reduce == null) {
            return scale == null ? x : x.mul(scale);
        }
        return reluOfX != null
                ? reduce.forward(reluOfX, training, true, scale)
                : reduce.forward(x, training, false, scale);
    }

    @Override
    public boolean startsWithRelu() {
        return reduce != null;
    }

    @Override
    public NDArray forwardFromRelu(NDArray reluOfX, boolean training) {
        if (reduce == null) {
            throw new IllegalStateException("a stride-1 skip does not start with a ReLU");
        }
        return reduce.forward(reluOfX, training, true);
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        if (reduce != null) {
            reduce.collectParameters(prefix + "reduce.", out);
        }
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        if (reduce != null) {
            reduce.collectBuffers(prefix + "reduce.", out);
        }
    }

    @Override
    public String toString() {
        return "skip/s" + stride;
    }
}

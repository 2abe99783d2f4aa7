package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The preprocessing of one cell input to C channels (DESIGN section 1): ReLU-1x1 conv-BN, or a
 * factorized reduce when the input comes from before a reduction cell and is twice as large.
 *
 * <p>Parameter names are those of the wrapped {@link ReluConvBn} ({@code conv.weight}, {@code
 * bn.*}) or {@link FactorizedReduce} ({@code conv1.weight}, {@code conv2.weight}, {@code bn.*}).
 */
public final class Preprocessing implements ParameterHolder {

    private final ReluConvBn plain;
    private final FactorizedReduce reduce;

    /**
     * Creates the preprocessing.
     *
     * @param in input channels
     * @param out output channels C
     * @param reduce true for a factorized reduce (halves the spatial size)
     * @param affine whether the BN is affine
     * @param manager owner of the arrays
     * @param random source of initial values
     */
    public Preprocessing(
            int in,
            int out,
            boolean reduce,
            boolean affine,
            NDManager manager,
            RandomGenerator random) {
        this.plain = reduce ? null : new ReluConvBn(in, out, affine, manager, random);
        this.reduce = reduce ? new FactorizedReduce(in, out, affine, manager, random) : null;
    }

    /** Returns whether this preprocessing halves the spatial size. */
    public boolean reduces() {
        return reduce != null;
    }

    /** Returns the preprocessed input, (N, in, H, W) to (N, out, H', W'). */
    public NDArray forward(NDArray x, boolean training) {
        return reduce == null ? plain.forward(x, training) : reduce.forward(x, training, false);
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        if (reduce == null) {
            plain.collectParameters(prefix, out);
        } else {
            reduce.collectParameters(prefix, out);
        }
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        if (reduce == null) {
            plain.collectBuffers(prefix, out);
        } else {
            reduce.collectBuffers(prefix, out);
        }
    }
}

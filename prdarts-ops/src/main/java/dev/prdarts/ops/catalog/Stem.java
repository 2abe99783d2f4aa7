package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The network stem: 3x3 conv (padding 1, bias-free) from the image channels to {@code out}
 * channels, then an affine BN. Used by both the search and the evaluation network.
 *
 * <p>(N, in, H, W) to (N, out, H, W). Parameter names {@code conv.weight}, {@code bn.gamma}, {@code
 * bn.beta}; buffers {@code bn.running_mean}, {@code bn.running_var}.
 */
public final class Stem implements ParameterHolder {

    private final Conv2d conv;
    private final BatchNorm2d bn;

    /** Creates the stem with its arrays in {@code manager}. */
    public Stem(int in, int out, NDManager manager, RandomGenerator random) {
        this.conv = new Conv2d(in, out, 3, 1, 1, 1, 1, manager, random);
        this.bn = new BatchNorm2d(out, true, manager);
    }

    /** Returns BN(conv(x)); the result belongs to the manager of {@code x}. */
    public NDArray forward(NDArray x, boolean training) {
        NDArray c = conv.forward(x);
        NDArray y = bn.forward(c, training);
        c.close();
        return y;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        conv.collectParameters(prefix + "conv.", out);
        bn.collectParameters(prefix + "bn.", out);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        bn.collectBuffers(prefix + "bn.", out);
    }
}

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * ReLU, 1x1 conv (stride 1), BN: the cell preprocessing of an input that needs no reduction.
 *
 * <p>(N, in, H, W) to (N, out, H, W). Parameter names {@code conv.weight}, {@code bn.*}.
 */
public final class ReluConvBn implements ParameterHolder {

    private final Conv2d conv;
    private final BatchNorm2d bn;

    /** Creates the preprocessing with its arrays in {@code manager}. */
    public ReluConvBn(int in, int out, boolean affine, NDManager manager, RandomGenerator random) {
        this.conv = new Conv2d(in, out, 1, 1, 0, 1, 1, manager, random);
        this.bn = new BatchNorm2d(out, affine, manager);
    }

    /** Returns BN(conv(relu(x))); the result belongs to the manager of {@code x}. */
    public NDArray forward(NDArray x, boolean training) {
        NDArray r = x.getNDArrayInternal().relu();
        NDArray c = conv.forward(r);
        r.close();
        NDArray y = bn.forward(c, training);
        c.close();
        return y;
    }

    /** Returns the conv. */
    public Conv2d conv() {
        return conv;
    }

    /** Returns the BN. */
    public BatchNorm2d bn() {
        return bn;
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

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Halves the spatial size: ReLU, then two 1x1 stride-2 convs with {@code out / 2} outputs each, one
 * on x and one on x shifted by one pixel in both spatial dims, concatenated on channels, then BN.
 *
 * <p>(N, in, H, W) maps to (N, out, ceil(H / 2), ceil(W / 2)). For an odd side the shifted branch
 * is one row or column short; it is completed with zeros (the pixel beyond the border), so both
 * halves always have the same size. Parameter names: {@code conv1.weight}, {@code conv2.weight},
 * {@code bn.*}.
 */
public final class FactorizedReduce implements ParameterHolder {

    private static final NDIndex SHIFT = new NDIndex(":, :, 1:, 1:");

    private final Conv2d conv1;
    private final Conv2d conv2;
    private final BatchNorm2d bn;

    /**
     * Creates the reduction.
     *
     * @throws IllegalArgumentException when {@code out} is odd
     */
    public FactorizedReduce(
            int in, int out, boolean affine, NDManager manager, RandomGenerator random) {
        if (out < 2 || out % 2 != 0) {
            throw new IllegalArgumentException(
                    "a factorized reduce (skip at stride 2) needs an even output channel count"
                            + " >= 2, got "
                            + out);
        }
        this.conv1 = new Conv2d(in, out / 2, 1, 2, 0, 1, 1, manager, random);
        this.conv2 = new Conv2d(in, out / 2, 1, 2, 0, 1, 1, manager, random);
        this.bn = new BatchNorm2d(out, affine, manager);
    }

    /**
     * Returns the reduced input.
     *
     * @param inputIsRelu true when {@code x} already is the ReLU of the input
     */
    public NDArray forward(NDArray x, boolean training, boolean inputIsRelu) {
        NDArray r = inputIsRelu ? x : x.getNDArrayInternal().relu();
        NDArray a = conv1.forward(r);
        Shape sa = a.getShape();
        Shape sx = r.getShape();
        if (sx.get(2) == 1 || sx.get(3) == 1) {
            // the shifted input is empty: everything it would read lies beyond the border
            NDArray zeros = r.getManager().zeros(sa, r.getDataType(), r.getDevice());
            return bn.forward(NDArrays.concat(new NDList(a, zeros), 1), training);
        }
        NDArray b = conv2.forward(r.get(SHIFT));
        Shape sb = b.getShape();
        long padH = sa.get(2) - sb.get(2);
        long padW = sa.get(3) - sb.get(3);
        if (padH != 0 || padW != 0) {
            // PyTorch order: (left, right) of the last axis, then (top, bottom).
            b = b.pad(new Shape(0, padW, 0, padH), 0);
        }
        return bn.forward(NDArrays.concat(new NDList(a, b), 1), training);
    }

    /** Returns the conv on the unshifted input. */
    public Conv2d conv1() {
        return conv1;
    }

    /** Returns the conv on the shifted input. */
    public Conv2d conv2() {
        return conv2;
    }

    /** Returns the BN. */
    public BatchNorm2d bn() {
        return bn;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        conv1.collectParameters(prefix + "conv1.", out);
        conv2.collectParameters(prefix + "conv2.", out);
        bn.collectParameters(prefix + "bn.", out);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        bn.collectBuffers(prefix + "bn.", out);
    }
}

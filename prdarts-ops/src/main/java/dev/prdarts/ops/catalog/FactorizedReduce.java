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
 * reads zeros beyond the border, so both halves always have the same size. Parameter names: {@code
 * conv1.weight}, {@code conv2.weight}, {@code bn.*}.
 */
public final class FactorizedReduce implements ParameterHolder {

    private static final NDIndex EVEN = new NDIndex(":, :, 0::2, 0::2");
    private static final NDIndex ODD = new NDIndex(":, :, 1::2, 1::2");

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
        return forward(x, training, inputIsRelu, null);
    }

    /**
     * Returns {@code scale} times the reduced input; the scale is folded into the BN.
     *
     * <p>A 1x1 stride-2 conv reads the even rows and columns, the one on the shifted input the odd
     * ones. Both sets are gathered into one array of 2 * in channels and go through a single 1x1
     * conv whose block-diagonal kernel holds {@code conv1} and {@code conv2}: the same numbers as
     * two convs and a concatenation, with less traffic. An odd side gets one zero row or column at
     * the end first, so the shifted half reads zeros beyond the border.
     *
     * @param scale a scalar array, or null for 1
     */
    public NDArray forward(NDArray x, boolean training, boolean inputIsRelu, NDArray scale) {
        NDArray r = inputIsRelu ? x : x.getNDArrayInternal().relu();
        Shape shape = r.getShape();
        long padH = shape.get(2) % 2;
        long padW = shape.get(3) % 2;
        NDArray in = r;
        if (padH != 0 || padW != 0) {
            // PyTorch order: (left, right) of the last axis, then (top, bottom).
            in = r.pad(new Shape(0, padW, 0, padH), 0);
        }
        NDArray even = in.get(EVEN);
        NDArray odd = in.get(ODD);
        NDArray gathered = NDArrays.concat(new NDList(even, odd), 1);
        even.close();
        odd.close();
        if (in != r) {
            in.close();
        }
        if (!inputIsRelu) {
            r.close();
        }
        long inChannels = conv1.inChannels();
        NDArray first = conv1.weight().pad(new Shape(0, 0, 0, 0, 0, inChannels), 0);
        NDArray second = conv2.weight().pad(new Shape(0, 0, 0, 0, inChannels, 0), 0);
        NDArray kernel = NDArrays.concat(new NDList(first, second), 0);
        first.close();
        second.close();
        NDArray joined =
                gathered.getNDArrayInternal()
                        .convolution(
                                gathered,
                                kernel,
                                null,
                                new Shape(1, 1),
                                new Shape(0, 0),
                                new Shape(1, 1),
                                1)
                        .singletonOrThrow();
        kernel.close();
        gathered.close();
        NDArray y = bn.forward(joined, training, scale);
        joined.close();
        return y;
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

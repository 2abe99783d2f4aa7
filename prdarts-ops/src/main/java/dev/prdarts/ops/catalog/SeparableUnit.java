package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One separable unit: ReLU, depthwise k x k conv (dilation d, padding d(k-1)/2, stride s),
 * pointwise 1x1 conv, BN (DESIGN section 2).
 *
 * <p>Parameter names: {@code depthwise.weight} (in, 1, k, k), {@code pointwise.weight} (out, in, 1,
 * 1), and the BN's under {@code bn.}.
 */
public final class SeparableUnit implements ParameterHolder {

    private final Conv2d depthwise;
    private final Conv2d pointwise;
    private final BatchNorm2d bn;

    /** Creates a unit mapping {@code in} to {@code out} channels with its arrays in manager. */
    public SeparableUnit(
            int in,
            int out,
            int kernel,
            int dilation,
            int stride,
            boolean affine,
            NDManager manager,
            RandomGenerator random) {
        int padding = dilation * (kernel - 1) / 2;
        this.depthwise = new Conv2d(in, in, kernel, stride, padding, dilation, in, manager, random);
        this.pointwise = new Conv2d(in, out, 1, 1, 0, 1, 1, manager, random);
        this.bn = new BatchNorm2d(out, affine, manager);
    }

    /**
     * Returns the unit's output for {@code x}, shape (N, in, H, W) to (N, out, H', W').
     *
     * @param inputIsRelu true when {@code x} already is the ReLU of the unit's input
     */
    public NDArray forward(NDArray x, boolean training, boolean inputIsRelu) {
        return forward(x, training, inputIsRelu, null);
    }

    /**
     * Returns {@code scale} times the unit's output; the scale is folded into the BN.
     *
     * @param scale a scalar array, or null for 1
     */
    public NDArray forward(NDArray x, boolean training, boolean inputIsRelu, NDArray scale) {
        NDArray r = inputIsRelu ? x : x.getNDArrayInternal().relu();
        NDArray d = depthwise.forward(r);
        if (!inputIsRelu) {
            r.close();
        }
        NDArray p = pointwise.forward(d);
        d.close();
        NDArray y = bn.forward(p, training, scale);
        p.close();
        return y;
    }

    /** Returns the depthwise conv. */
    public Conv2d depthwise() {
        return depthwise;
    }

    /** Returns the pointwise conv. */
    public Conv2d pointwise() {
        return pointwise;
    }

    /** Returns the BN. */
    public BatchNorm2d bn() {
        return bn;
    }

    /** Returns the number of input channels. */
    public int inChannels() {
        return depthwise.inChannels();
    }

    /** Returns the number of output channels. */
    public int outChannels() {
        return pointwise.outChannels();
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        depthwise.collectParameters(prefix + "depthwise.", out);
        pointwise.collectParameters(prefix + "pointwise.", out);
        bn.collectParameters(prefix + "bn.", out);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        bn.collectBuffers(prefix + "bn.", out);
    }
}

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A bias-free 2-D convolution with a square kernel, its weight laid out as (out, in / groups, k,
 * k).
 *
 * <p>The weight starts uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))}, the PyTorch default,
 * with {@code fanIn = in / groups * k * k}.
 */
public final class Conv2d implements ParameterHolder {

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;
    private final NDArray weight;

    /**
     * Creates a convolution whose weight lives in {@code manager}.
     *
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernel kernel side
     * @param stride stride in both dimensions
     * @param padding zero padding on every side
     * @param dilation dilation in both dimensions
     * @param groups channel groups; {@code inChannels} makes it depthwise
     * @param manager owner of the weight
     * @param random source of the initial values
     */
    public Conv2d(
            int inChannels,
            int outChannels,
            int kernel,
            int stride,
            int padding,
            int dilation,
            int groups,
            NDManager manager,
            RandomGenerator random) {
        if (inChannels < 1 || outChannels < 1 || groups < 1) {
            throw new IllegalArgumentException(
                    "conv channels and groups must be >= 1, got in="
                            + inChannels
                            + ", out="
                            + outChannels
                            + ", groups="
                            + groups);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(
                    "conv groups ("
                            + groups
                            + ") must divide in ("
                            + inChannels
                            + ") and out ("
                            + outChannels
                            + ") channels");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        Shape shape = new Shape(outChannels, inChannels / groups, kernel, kernel);
        double bound = 1.0 / Math.sqrt((double) inChannels / groups * kernel * kernel);
        this.weight = Tensors.uniform(manager, random, bound, shape);
    }

    /**
     * Returns the convolution of {@code x}, shape (N, in, H, W) to (N, out, H', W').
     *
     * <p>The result belongs to the manager of {@code x}.
     */
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal()
                .convolution(
                        x,
                        weight,
                        null,
                        new Shape(stride, stride),
                        new Shape(padding, padding),
                        new Shape(dilation, dilation),
                        groups)
                .singletonOrThrow();
    }

    /** Returns the live weight, shape (out, in / groups, k, k). */
    public NDArray weight() {
        return weight;
    }

    /** Returns the number of input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Returns the number of output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** Returns the kernel side. */
    public int kernel() {
        return kernel;
    }

    /** Returns the stride. */
    public int stride() {
        return stride;
    }

    /** Returns the dilation. */
    public int dilation() {
        return dilation;
    }

    /** Returns the number of channel groups. */
    public int groups() {
        return groups;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        out.put(prefix + "weight", weight);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {}
}

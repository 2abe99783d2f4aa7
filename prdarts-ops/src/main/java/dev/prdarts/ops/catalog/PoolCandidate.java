package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.PoolType;
import java.util.HashMap;
import java.util.Map;

/**
 * A max or average pool with the edge stride and padding {@code k / 2}; the average ignores padded
 * positions. In the search network it is followed by an affine-free BN (buffers {@code bn.*}).
 */
public final class PoolCandidate implements CandidateOp {

    private final PoolOp config;
    private final int channels;
    private final int stride;
    private final BatchNorm2d bn;
    private final NDManager manager;
    private final Map<Long, NDArray> averageScales = new HashMap<>();

    PoolCandidate(PoolOp config, int channels, int stride, boolean withBn, NDManager manager) {
        this.config = config;
        this.channels = channels;
        this.stride = stride;
        this.bn = withBn ? new BatchNorm2d(channels, false, manager) : null;
        this.manager = manager;
    }

    @Override
    public PoolOp config() {
        return config;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int stride() {
        return stride;
    }

    /** Returns whether a BN follows the pool. */
    public boolean hasBn() {
        return bn != null;
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        int k = config.kernel();
        Shape kernel = new Shape(k, k);
        Shape strides = new Shape(stride, stride);
        Shape padding = new Shape(k / 2, k / 2);
        NDArray y;
        if (config.type() == PoolType.MAX) {
            y = x.getNDArrayInternal().maxPool(kernel, strides, padding, false);
        } else {
            // The engine counts padded zeros whatever the flag says; rescale by k*k / valid count.
            y = x.getNDArrayInternal().avgPool(kernel, strides, padding, false, true);
            y = y.mul(averageScale(x.getShape().get(2), x.getShape().get(3)));
        }
        return bn == null ? y : bn.forward(y, training);
    }

    /** Returns (1, 1, H', W'): k*k over the number of input pixels under each window. */
    private NDArray averageScale(long height, long width) {
        return averageScales.computeIfAbsent(
                height << 32 | width,
                key -> {
                    int k = config.kernel();
                    int pad = k / 2;
                    int outH = (int) Catalog.outputSize(height, stride);
                    int outW = (int) Catalog.outputSize(width, stride);
                    float[] scale = new float[outH * outW];
                    for (int i = 0; i < outH; i++) {
                        int rows = covered(i * stride - pad, k, height);
                        for (int j = 0; j < outW; j++) {
                            int cols = covered(j * stride - pad, k, width);
                            scale[i * outW + j] = (float) (k * k) / (rows * cols);
                        }
                    }
                    return manager.create(scale, new Shape(1, 1, outH, outW));
                });
    }

    private static int covered(int start, int k, long size) {
        return (int) (Math.min(start + k, size) - Math.max(start, 0));
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {}

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {
        if (bn != null) {
            bn.collectBuffers(prefix + "bn.", out);
        }
    }

    @Override
    public String toString() {
        return config.text() + "/s" + stride;
    }
}

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.PoolType;
import java.util.HashMap;
import java.util.Map;

/**
 * A max or average pool with the edge stride and padding {@code k / 2}; the average ignores padded
 * positions. In the search network it is followed by an affine-free BN (buffers {@code bn.*}).
 *
 * <p>How the engine computes it, for speed (the numbers are the pool's): the average is a depthwise
 * convolution with a constant all-ones kernel times the reciprocal of the number of real pixels in
 * each window. The maximum runs in channels-last layout when training (several times faster than
 * the engine's channel-first kernel) and as separable row and column maxima over strided views when
 * not training.
 */
public final class PoolCandidate implements CandidateOp {

    private final PoolOp config;
    private final int channels;
    private final int stride;
    private final BatchNorm2d bn;
    private final NDManager manager;
    private final Map<Long, NDArray> averageScales = new HashMap<>();
    private NDArray onesKernel;

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
        return forward(x, null, null, training);
    }

    @Override
    public NDArray forward(NDArray x, NDArray reluOfX, NDArray scale, boolean training) {
        NDArray y = config.type() == PoolType.MAX ? max(x, training) : average(x);
        NDArray out;
        if (bn != null) {
            out = bn.forward(y, training, scale);
        } else if (scale != null) {
            out = y.mul(scale);
        } else {
            return y;
        }
        y.close();
        return out;
    }

    private NDArray average(NDArray x) {
        int k = config.kernel();
        if (onesKernel == null) {
            onesKernel = manager.ones(new Shape(channels, 1, k, k));
        }
        NDArray sum =
                x.getNDArrayInternal()
                        .convolution(
                                x,
                                onesKernel,
                                null,
                                new Shape(stride, stride),
                                new Shape(k / 2, k / 2),
                                new Shape(1, 1),
                                channels)
                        .singletonOrThrow();
        NDArray y = sum.mul(averageScale(x.getShape().get(2), x.getShape().get(3)));
        sum.close();
        return y;
    }

    private NDArray max(NDArray x, boolean training) {
        int k = config.kernel();
        if (training) {
            return channelsLastMax(x, k);
        }
        return separableMax(x, k);
    }

    private NDArray channelsLastMax(NDArray x, int k) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        // a copy in (N, H, W, C) order, seen as (N, C, H, W): the engine's channels-last layout
        NDArray nhwc = x.transpose(0, 2, 3, 1);
        NDArray flat = nhwc.reshape(-1);
        nhwc.close();
        NDArray packed = flat.reshape(n, h, w, channels);
        flat.close();
        NDArray lastView = packed.transpose(0, 3, 1, 2);
        packed.close();
        NDArray pooled =
                lastView.getNDArrayInternal()
                        .maxPool(
                                new Shape(k, k),
                                new Shape(stride, stride),
                                new Shape(k / 2, k / 2),
                                false);
        lastView.close();
        Shape out = pooled.getShape();
        NDArray backFlat = pooled.reshape(-1);
        pooled.close();
        NDArray y = backFlat.reshape(out);
        backFlat.close();
        return y;
    }

    private NDArray separableMax(NDArray x, int k) {
        Shape s = x.getShape();
        long outH = Catalog.outputSize(s.get(2), stride);
        long outW = Catalog.outputSize(s.get(3), stride);
        int pad = k / 2;
        NDArray padded = x.pad(new Shape(pad, pad, pad, pad), Float.NEGATIVE_INFINITY);
        NDArray rows = maxOverTaps(padded, k, 3, outW);
        padded.close();
        NDArray y = maxOverTaps(rows, k, 2, outH);
        rows.close();
        return y;
    }

    /** Returns the maximum over the k strided views of {@code a} along {@code axis}. */
    private NDArray maxOverTaps(NDArray a, int k, int axis, long outSize) {
        NDArray result = null;
        for (int t = 0; t < k; t++) {
            long end = t + stride * (outSize - 1) + 1;
            NDIndex index = new NDIndex().addAllDim(axis).addSliceDim(t, end, stride);
            NDArray view = a.get(index);
            if (result == null) {
                result = view;
            } else {
                NDArray next = result.maximum(view);
                result.close();
                view.close();
                result = next;
            }
        }
        return result;
    }

    /** Returns (1, 1, H', W'): one over the number of input pixels under each window. */
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
                            scale[i * outW + j] = 1f / (rows * cols);
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

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer with bias, (N, in) to (N, out).
 *
 * <p>Weight (out, in) and bias (out) start uniform in {@code [-1/sqrt(in), 1/sqrt(in))}, the
 * PyTorch default.
 */
public final class Linear implements ParameterHolder {

    private final NDArray weight;
    private final NDArray bias;

    /** Creates the layer with its arrays in {@code manager}. */
    public Linear(int in, int out, NDManager manager, RandomGenerator random) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(
                    "linear sizes must be >= 1, got in=" + in + ", out=" + out);
        }
        double bound = 1.0 / Math.sqrt(in);
        this.weight = Tensors.uniform(manager, random, bound, new Shape(out, in));
        this.bias = Tensors.uniform(manager, random, bound, new Shape(out));
    }

    /** Returns {@code x W^T + b}; the result belongs to the manager of {@code x}. */
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        out.put(prefix + "weight", weight);
        out.put(prefix + "bias", bias);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {}
}

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Global average pool and a linear layer with bias: (N, C, H, W) to logits (N, classes).
 *
 * <p>Parameter names {@code linear.weight} (classes, C) and {@code linear.bias} (classes).
 */
public final class Classifier implements ParameterHolder {

    private final Linear linear;

    /** Creates the classifier with its arrays in {@code manager}. */
    public Classifier(int channels, int classes, NDManager manager, RandomGenerator random) {
        this.linear = new Linear(channels, classes, manager, random);
    }

    /** Returns the logits; the result belongs to the manager of {@code x}. */
    public NDArray forward(NDArray x) {
        NDArray pooled = x.getNDArrayInternal().globalAvgPool();
        NDArray y = linear.forward(pooled);
        pooled.close();
        return y;
    }

    @Override
    public void collectParameters(String prefix, Map<String, NDArray> out) {
        linear.collectParameters(prefix + "linear.", out);
    }

    @Override
    public void collectBuffers(String prefix, Map<String, NDArray> out) {}
}

package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that owns named trainable parameters and named buffers (BN running statistics).
 *
 * <p>Names are stable: they depend only on the structure (for example {@code
 * unit0.depthwise.weight}), never on values or creation order, so they can match parameters between
 * two networks. The arrays returned are the live ones: writing into them changes the holder.
 * Buffers are never trainable and never counted as parameters.
 */
public interface ParameterHolder {

    /**
     * Adds the trainable parameters to {@code out}, each under {@code prefix + name}, in a fixed
     * order.
     */
    void collectParameters(String prefix, Map<String, NDArray> out);

    /** Adds the buffers (non-trainable state) to {@code out}, each under {@code prefix + name}. */
    void collectBuffers(String prefix, Map<String, NDArray> out);

    /** Returns the trainable parameters by name, in a fixed order. */
    default Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        collectParameters("", out);
        return out;
    }

    /** Returns the buffers (BN running mean and variance) by name, in a fixed order. */
    default Map<String, NDArray> buffers() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        collectBuffers("", out);
        return out;
    }

    /** Returns the number of trainable scalars (buffers excluded). */
    default long parameterCount() {
        long n = 0;
        for (NDArray a : parameters().values()) {
            n += a.size();
        }
        return n;
    }
}

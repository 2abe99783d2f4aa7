package dev.prdarts.ops.catalog;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Creates initialised parameter arrays and copies values between arrays. */
public final class Tensors {

    private Tensors() {}

    /**
     * Returns a float32 array of {@code shape} drawn uniformly from {@code [-bound, bound)}.
     *
     * <p>The values come from {@code random} on the Java side, so a seed fixes them on any engine.
     */
    public static NDArray uniform(
            NDManager manager, RandomGenerator random, double bound, Shape shape) {
        float[] values = new float[arrayLength(shape.size(), shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(values, shape);
    }

    /** Returns a float32 array of {@code shape} drawn from N(0, std^2) using {@code random}. */
    public static NDArray normal(
            NDManager manager, RandomGenerator random, double std, Shape shape) {
        return manager.create(normalValues(random, std, shape.size()), shape);
    }

    /** Returns {@code count} values drawn from N(0, std^2) using {@code random}. */
    public static float[] normalValues(RandomGenerator random, double std, long count) {
        float[] values = new float[arrayLength(count, null)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    /**
     * Returns {@code count} as an array length.
     *
     * @throws IllegalArgumentException naming the parameter's shape when one array cannot hold it
     *     (a network far too large: too many channels)
     */
    static int arrayLength(long count, Shape shape) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "a parameter "
                            + (shape == null ? "" : "of shape " + shape + " ")
                            + "has "
                            + count
                            + " values, more than one array holds; the network is far too large"
                            + " (use fewer channels)");
        }
        return (int) count;
    }

    /**
     * Returns the standard deviation of Xavier-normal (Glorot) initialisation for a weight of
     * {@code shape} laid out as (out, in, kh, kw): sqrt(2 / (fanIn + fanOut)).
     */
    public static double xavierStd(Shape shape) {
        long receptive = 1;
        for (int i = 2; i < shape.dimension(); i++) {
            receptive *= shape.get(i);
        }
        long fanIn = shape.get(1) * receptive;
        long fanOut = shape.get(0) * receptive;
        return Math.sqrt(2.0 / (fanIn + fanOut));
    }

    /**
     * Copies the values of {@code source} into {@code target} in place.
     *
     * @throws IllegalArgumentException naming {@code what} when the shapes differ
     */
    public static void copyInto(NDArray target, NDArray source, String what) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException(
                    what
                            + ": shape "
                            + source.getShape()
                            + " does not match the target shape "
                            + target.getShape());
        }
        if (source.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(
                    what + ": expected float32 values, got " + source.getDataType());
        }
        assign(target, source.toFloatArray());
    }

    /**
     * Writes {@code values} into {@code target} in place; the array keeps its identity, shape and
     * gradient flag.
     *
     * <p>The values go in through a view detached from the gradient graph, like PyTorch's {@code
     * p.detach().copy_(v)}, so this works on parameters that record gradients. It avoids DJL's
     * {@code NDArray.set(Buffer)}, whose PyTorch implementation enters the deprecated {@code
     * AutoNonVariableTypeMode} and so prints a native warning on stderr.
     *
     * @throws IllegalArgumentException when the number of values differs from the target's size
     */
    public static void assign(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException(
                    "expected "
                            + target.size()
                            + " values for shape "
                            + target.getShape()
                            + ", got "
                            + values.length);
        }
        NDManager manager = target.getManager();
        try (NDArray source = manager.create(values, target.getShape());
                NDArray view = target.stopGradient()) {
            view.set(new NDIndex("..."), source);
        }
    }

    /**
     * Copies every array of {@code source} into the array of the same name in {@code target}.
     *
     * @throws IllegalArgumentException when a name is missing on either side or shapes differ
     */
    public static void copyAll(Map<String, NDArray> target, Map<String, NDArray> source) {
        if (!target.keySet().equals(source.keySet())) {
            throw new IllegalArgumentException(
                    "parameter names differ: target has "
                            + target.keySet()
                            + ", source has "
                            + source.keySet());
        }
        for (Map.Entry<String, NDArray> e : source.entrySet()) {
            copyInto(target.get(e.getKey()), e.getValue(), e.getKey());
        }
    }
}

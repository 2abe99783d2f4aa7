package dev.prdarts.search.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named group of trainable arrays (the network weights or the alphas) and the operations an
 * optimizer needs on their gradients: switching gradients on or off, reading them with global-norm
 * clipping, and zeroing them.
 *
 * <p>Gradient arrays returned by {@link #clippedGradients} belong to the step manager passed in, so
 * closing that manager frees them; the parameters' own gradient buffers stay with the parameters.
 */
public final class GradientGroup {

    /** The epsilon added to the norm before dividing, as PyTorch's {@code clip_grad_norm_}. */
    static final double CLIP_EPS = 1e-6;

    private final String name;
    private final Map<String, NDArray> arrays;

    /**
     * Creates a group over live arrays.
     *
     * @param name the group's name for messages, for example {@code weights}
     * @param arrays the arrays by stable name; the map is copied, the arrays are not
     */
    public GradientGroup(String name, Map<String, NDArray> arrays) {
        if (arrays == null || arrays.isEmpty()) {
            throw new IllegalArgumentException("group " + name + " has no arrays");
        }
        this.name = name;
        this.arrays = new LinkedHashMap<>(arrays);
    }

    /** Returns the group's name. */
    public String name() {
        return name;
    }

    /** Returns the live arrays by name, in a fixed order. */
    public Map<String, NDArray> arrays() {
        return arrays;
    }

    /** Switches gradient recording on or off for every array of the group. */
    public void requireGradients(boolean on) {
        for (NDArray a : arrays.values()) {
            a.setRequiresGradient(on);
        }
    }

    /**
     * Returns every array's gradient, scaled so that their global L2 norm is at most {@code
     * maxNorm} (scale {@code maxNorm / (norm + 1e-6)} when below 1), and the norm before scaling.
     *
     * @param step the manager that owns the returned gradient arrays
     */
    public Gradients clippedGradients(NDManager step, double maxNorm) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        NDArray sum = null;
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray g = e.getValue().getGradient();
            g.attach(step);
            grads.put(e.getKey(), g);
            NDArray sq = g.square().sum();
            sum = sum == null ? sq : sum.add(sq);
        }
        double norm = Math.sqrt(sum.getFloat());
        double scale = maxNorm / (norm + CLIP_EPS);
        if (scale < 1) {
            for (NDArray g : grads.values()) {
                g.muli(scale);
            }
        }
        return new Gradients(grads, norm);
    }

    /** Sets the gradients read by {@link #clippedGradients} to zero, ready for the next step. */
    public static void zero(Gradients grads) {
        for (NDArray g : grads.byName().values()) {
            g.muli(0);
        }
    }

    /**
     * The gradients of one step.
     *
     * @param byName the (possibly clipped) gradient of each array, owned by the step manager; the
     *     arrays share storage with the parameters' gradient buffers
     * @param norm the global L2 norm before clipping
     */
    public record Gradients(Map<String, NDArray> byName, double norm) {}
}

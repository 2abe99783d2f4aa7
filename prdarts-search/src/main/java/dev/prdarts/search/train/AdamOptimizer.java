package dev.prdarts.search.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prdarts.ops.catalog.Tensors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with L2 weight decay added to the gradient, as PyTorch's {@code Adam} (not AdamW), applied
 * to one {@link GradientGroup} (DESIGN section 6; Kingma and Ba, 2015).
 *
 * <p>Per array at step {@code t}: {@code g = grad + wd * w}; {@code m = b1 m + (1 - b1) g}; {@code
 * v = b2 v + (1 - b2) g^2}; {@code w = w - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) +
 * eps)}. Moments and step count are readable for checkpoints.
 */
public final class AdamOptimizer implements AutoCloseable {

    /** The epsilon of the denominator, PyTorch's default. */
    public static final double EPS = 1e-8;

    private final GradientGroup group;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double maxNorm;
    private final NDManager state;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long steps;

    /**
     * Creates the optimizer with zero moments.
     *
     * @param group the arrays it updates
     * @param lr the constant learning rate
     * @param beta1 the first-moment decay
     * @param beta2 the second-moment decay
     * @param weightDecay the L2 factor added to the gradient
     * @param maxNorm the largest global gradient norm
     * @param parent the manager under which the moments are kept
     */
    public AdamOptimizer(
            GradientGroup group,
            double lr,
            double beta1,
            double beta2,
            double weightDecay,
            double maxNorm,
            NDManager parent) {
        this.group = group;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.maxNorm = maxNorm;
        this.state = parent.newSubManager();
        for (Map.Entry<String, NDArray> e : group.arrays().entrySet()) {
            first.put(e.getKey(), state.zeros(e.getValue().getShape()));
            second.put(e.getKey(), state.zeros(e.getValue().getShape()));
        }
    }

    /**
     * Updates every array of the group from its gradient and zeroes the gradients.
     *
     * @param step the manager that owns this step's temporaries
     * @return the global gradient norm before clipping
     */
    public double step(NDManager step) {
        GradientGroup.Gradients grads = group.clippedGradients(step, maxNorm);
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = Math.sqrt(1 - Math.pow(beta2, steps));
        double stepSize = lr / correction1;
        for (Map.Entry<String, NDArray> e : group.arrays().entrySet()) {
            NDArray w = e.getValue();
            NDArray g = grads.byName().get(e.getKey());
            if (weightDecay != 0) {
                g.addi(SgdOptimizer.temp(w.mul(weightDecay), step));
            }
            NDArray m = first.get(e.getKey());
            NDArray v = second.get(e.getKey());
            m.muli(beta1).addi(g.mul(1 - beta1));
            v.muli(beta2).addi(g.square().muli(1 - beta2));
            NDArray denom = SgdOptimizer.temp(v.sqrt(), step).divi(correction2).addi(EPS);
            NDArray update = SgdOptimizer.temp(m.mul(stepSize), step).divi(denom);
            w.subi(update);
        }
        GradientGroup.zero(grads);
        return grads.norm();
    }

    /** Returns the constant learning rate. */
    public double learningRate() {
        return lr;
    }

    /** Returns the first moments by array name (live arrays). */
    public Map<String, NDArray> firstMoments() {
        return Collections.unmodifiableMap(first);
    }

    /** Returns the second moments by array name (live arrays). */
    public Map<String, NDArray> secondMoments() {
        return Collections.unmodifiableMap(second);
    }

    /** Returns the number of steps taken, the {@code t} of the bias corrections. */
    public long steps() {
        return steps;
    }

    /** Sets moments and step count saved from this class's getters; values are copied. */
    public void restore(Map<String, float[]> savedFirst, Map<String, float[]> savedSecond, long t) {
        for (Map.Entry<String, NDArray> e : first.entrySet()) {
            Tensors.assign(e.getValue(), require(savedFirst, e.getKey()));
            Tensors.assign(second.get(e.getKey()), require(savedSecond, e.getKey()));
        }
        steps = t;
    }

    private static float[] require(Map<String, float[]> saved, String key) {
        float[] v = saved.get(key);
        if (v == null) {
            throw new IllegalArgumentException("saved Adam state lacks array " + key);
        }
        return v;
    }

    @Override
    public void close() {
        state.close();
    }
}

package dev.prdarts.search.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's {@code SGD}
 * (dampening 0, no Nesterov), applied to one {@link GradientGroup} (DESIGN section 6).
 *
 * <p>Per array: {@code g = grad + wd * w}; {@code buf = momentum * buf + g} (the first step sets
 * {@code buf = g}); {@code w = w - lr * buf}. The momentum buffers are kept in a manager this
 * optimizer owns and are readable by name for checkpoints.
 */
public final class SgdOptimizer implements AutoCloseable {

    private final GradientGroup group;
    private final double momentum;
    private final double weightDecay;
    private final double maxNorm;
    private final NDManager state;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private long steps;

    /**
     * Creates the optimizer.
     *
     * @param group the arrays it updates
     * @param momentum the momentum factor, in [0, 1)
     * @param weightDecay the L2 factor added to the gradient, >= 0
     * @param maxNorm the largest global gradient norm, > 0
     * @param parent the manager under which the momentum buffers are kept
     */
    public SgdOptimizer(
            GradientGroup group,
            double momentum,
            double weightDecay,
            double maxNorm,
            NDManager parent) {
        this.group = group;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.maxNorm = maxNorm;
        this.state = parent.newSubManager();
    }

    /**
     * Updates every array of the group from its gradient and zeroes the gradients.
     *
     * @param lr the learning rate of this step
     * @param step the manager that owns this step's temporaries
     * @return the global gradient norm before clipping
     */
    public double step(double lr, NDManager step) {
        GradientGroup.Gradients grads = group.clippedGradients(step, maxNorm);
        for (Map.Entry<String, NDArray> e : group.arrays().entrySet()) {
            NDArray w = e.getValue();
            NDArray g = grads.byName().get(e.getKey());
            if (weightDecay != 0) {
                g.addi(temp(w.mul(weightDecay), step));
            }
            NDArray buf = buffers.get(e.getKey());
            if (buf == null || momentum == 0) {
                buf = g.duplicate();
                buf.attach(state);
                NDArray old = buffers.put(e.getKey(), buf);
                if (old != null) {
                    old.close();
                }
            } else {
                buf.muli(momentum).addi(g);
            }
            w.subi(temp(buf.mul(lr), step));
        }
        GradientGroup.zero(grads);
        steps++;
        return grads.norm();
    }

    /** Returns the momentum buffers by array name (live arrays; empty before the first step). */
    public Map<String, NDArray> momentumBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Returns the number of steps taken. */
    public long steps() {
        return steps;
    }

    /** Returns the group this optimizer updates. */
    public GradientGroup group() {
        return group;
    }

    /**
     * Sets the state saved from {@link #momentumBuffers()} and {@link #steps()}; values are copied.
     */
    public void restore(Map<String, float[]> savedBuffers, long savedSteps) {
        for (NDArray b : buffers.values()) {
            b.close();
        }
        buffers.clear();
        for (Map.Entry<String, float[]> e : savedBuffers.entrySet()) {
            NDArray w = group.arrays().get(e.getKey());
            if (w == null) {
                throw new IllegalArgumentException(
                        "saved momentum for unknown array " + e.getKey());
            }
            buffers.put(e.getKey(), state.create(e.getValue(), w.getShape()));
        }
        steps = savedSteps;
    }

    static NDArray temp(NDArray a, NDManager step) {
        a.attach(step);
        return a;
    }

    @Override
    public void close() {
        state.close();
        buffers.clear();
    }
}

package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum, weight decay and global gradient-norm clipping, with
 * the update rule of PyTorch's {@code SGD}: {@code d = g + wd * w; buf = momentum * buf + d; w -=
 * lr * buf} (the first step sets {@code buf = d}).
 *
 * <p>The gradients are clipped together first: when their global L2 norm exceeds {@code clip} all
 * are scaled by {@code clip / norm}. After the update each gradient is zeroed in place, ready for
 * the next backward pass. Momentum buffers live in the manager given at construction.
 */
public final class MomentumSgd {

    private final NDManager manager;
    private final double momentum;
    private final double weightDecay;
    private final double clip;
    private final Map<String, NDArray> buffers = new HashMap<>();

    /**
     * Creates the optimiser.
     *
     * @param manager owner of the momentum buffers
     * @param momentum momentum in [0, 1)
     * @param weightDecay L2 weight decay, >= 0
     * @param clip maximum global gradient norm, 0 for no clipping
     */
    public MomentumSgd(NDManager manager, double momentum, double weightDecay, double clip) {
        this.manager = manager;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.clip = clip;
    }

    /**
     * Updates every parameter from its gradient and zeroes the gradients.
     *
     * @param parameters the parameters by name; each must have a gradient from a backward pass
     * @param learningRate the learning rate of this step
     * @return the global gradient norm before clipping
     */
    public double step(Map<String, NDArray> parameters, double learningRate) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double sumSquares = 0;
            Map<String, NDArray> grads = new HashMap<>();
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray g = e.getValue().getGradient();
                grads.put(e.getKey(), g);
                sumSquares += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sumSquares);
            float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;

            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray w = e.getValue();
                NDArray g = grads.get(e.getKey());
                NDArray d = scale == 1f ? g.duplicate() : g.mul(scale);
                if (weightDecay != 0) {
                    d.addi(w.mul((float) weightDecay));
                }
                NDArray buf = buffers.get(e.getKey());
                if (buf == null || momentum == 0) {
                    if (momentum != 0) {
                        buf = d.duplicate();
                        buf.attach(manager);
                        NDScope.unregister(buf);
                        buffers.put(e.getKey(), buf);
                    } else {
                        buf = d;
                    }
                } else {
                    buf.muli((float) momentum).addi(d);
                }
                w.subi(buf.mul((float) learningRate));
                g.muli(0f);
            }
            return norm;
        }
    }
}

package dev.prdarts.search.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.supernet.Supernet;

/**
 * First-order DARTS training of one supernet for one cycle (DESIGN sections 5 and 6; Liu et al.,
 * "DARTS", 2019).
 *
 * <p>An alpha step updates the alphas with Adam on a batch of the alpha half; a weight step updates
 * the network weights with SGD on a batch of the weight half; each group's gradients are clipped to
 * a global norm of its own. Gradients are recorded only for the group being trained, so the alpha
 * step computes no weight gradients (PERFORMANCE.md). Evaluation records no gradients at all.
 *
 * <p>The optimizers start fresh with the trainer, so each cycle's trainer has zero momentum and
 * zero Adam moments, like its freshly reset alphas.
 */
public final class BilevelTrainer implements AutoCloseable {

    private final Supernet net;
    private final SgdOptimizer sgd;
    private final AdamOptimizer adam;
    private final int classes;
    private Boolean training;

    /**
     * Creates the trainer and its two optimizers.
     *
     * @param net the network to train; the trainer does not close it
     * @param weights SGD settings of the network weights
     * @param alpha Adam settings of the alphas
     * @param parent the manager under which optimizer state is kept
     */
    public BilevelTrainer(
            Supernet net,
            SearchConfig.Weights weights,
            SearchConfig.Alpha alpha,
            NDManager parent) {
        this.net = net;
        this.classes = net.spec().classes();
        this.sgd =
                new SgdOptimizer(
                        new GradientGroup("weights", net.weights()),
                        weights.momentum(),
                        weights.weightDecay(),
                        weights.gradClip(),
                        parent);
        this.adam =
                new AdamOptimizer(
                        new GradientGroup("alpha", net.alphasByName()),
                        alpha.lr(),
                        alpha.beta1(),
                        alpha.beta2(),
                        alpha.weightDecay(),
                        alpha.gradClip(),
                        parent);
    }

    /**
     * Trains the alphas on one batch of the alpha half.
     *
     * @param images (N, C, H, W) images owned by {@code step}
     * @param labels (N) int32 labels owned by {@code step}
     * @param step the manager of this step's temporaries, closed by the caller after the step
     * @throws NonFiniteLossException if the loss is NaN or infinite
     */
    public StepResult alphaStep(NDArray images, NDArray labels, NDManager step) {
        train(false);
        StepResult r = forwardBackward(images, labels, "alpha step");
        adam.step(step);
        return r;
    }

    /**
     * Trains the network weights on one batch of the weight half.
     *
     * @param images (N, C, H, W) images owned by {@code step}
     * @param labels (N) int32 labels owned by {@code step}
     * @param lr the learning rate of this step
     * @param step the manager of this step's temporaries, closed by the caller after the step
     * @throws NonFiniteLossException if the loss is NaN or infinite
     */
    public StepResult weightStep(NDArray images, NDArray labels, double lr, NDManager step) {
        train(true);
        StepResult r = forwardBackward(images, labels, "weight step");
        sgd.step(lr, step);
        return r;
    }

    /**
     * Evaluates one batch without recording gradients; BN uses its running statistics.
     *
     * @param images (N, C, H, W) images; their manager receives every intermediate
     * @param labels (N) int32 labels
     */
    public StepResult evaluate(NDArray images, NDArray labels) {
        NDArray logits = net.forward(images, false);
        return result(logits, crossEntropy(logits, labels), labels);
    }

    /** Returns the SGD optimizer of the network weights (its state is readable). */
    public SgdOptimizer weightOptimizer() {
        return sgd;
    }

    /** Returns the Adam optimizer of the alphas (its state is readable). */
    public AdamOptimizer alphaOptimizer() {
        return adam;
    }

    private void train(boolean weights) {
        if (training == null || training != weights) {
            net.setAlphaGradients(!weights);
            net.setWeightGradients(weights);
            training = weights;
        }
    }

    private StepResult forwardBackward(NDArray images, NDArray labels, String what) {
        NDArray logits;
        NDArray loss;
        try (GradientCollector collector = images.getManager().getEngine().newGradientCollector()) {
            logits = net.forward(images, true);
            loss = crossEntropy(logits, labels);
            collector.backward(loss);
        }
        StepResult r = result(logits, loss, labels);
        if (Double.isNaN(r.loss()) || Double.isInfinite(r.loss())) {
            throw new NonFiniteLossException(what, r.loss());
        }
        return r;
    }

    /** Returns the mean cross-entropy of (N, K) logits against (N) labels, as a scalar array. */
    NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        NDArray target = labels.oneHot(classes).toType(logp.getDataType(), false);
        return logp.mul(target).sum(new int[] {1}).mean().neg();
    }

    private static StepResult result(NDArray logits, NDArray loss, NDArray labels) {
        NDArray predicted = logits.argMax(1).toType(DataType.INT32, false);
        NDArray hits = predicted.eq(labels.toType(DataType.INT32, false));
        int correct = (int) hits.toType(DataType.INT64, false).sum().getLong();
        return new StepResult(loss.getFloat(), correct, (int) labels.size());
    }

    /** Closes the optimizers' state; the network stays open. */
    @Override
    public void close() {
        sgd.close();
        adam.close();
    }
}

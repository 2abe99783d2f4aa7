package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The losses of retraining: softmax cross-entropy and the auxiliary-weighted training loss. */
public final class Losses {

    private Losses() {}

    /**
     * Returns the mean softmax cross-entropy, a scalar.
     *
     * @param logits (N, classes)
     * @param labels (N) integer class labels
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int classes = Math.toIntExact(logits.getShape().get(1));
        NDArray oneHot = labels.toType(DataType.INT64, false).oneHot(classes);
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /**
     * Returns the training loss: the cross-entropy of the logits plus {@code auxWeight} times that
     * of the auxiliary logits, when the output has them (training with an auxiliary head only).
     */
    public static NDArray trainingLoss(EvalNetwork.Output output, NDArray labels, float auxWeight) {
        NDArray loss = crossEntropy(output.logits(), labels);
        if (output.auxLogits() != null && auxWeight != 0f) {
            loss = loss.add(crossEntropy(output.auxLogits(), labels).mul(auxWeight));
        }
        return loss;
    }
}

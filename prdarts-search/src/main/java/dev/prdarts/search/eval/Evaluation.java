package dev.prdarts.search.eval;

/**
 * The result of evaluating a network on a dataset split.
 *
 * @param loss the mean cross-entropy
 * @param top1 the share of images whose highest logit is the label, in [0, 1]
 * @param top5 the share of images whose label is among the five highest logits, or {@code NaN} when
 *     there are at most five classes
 * @param images the number of images evaluated
 */
public record Evaluation(double loss, double top1, double top5, int images) {

    /** Returns whether a top-5 accuracy was computed (more than five classes). */
    public boolean hasTop5() {
        return !Double.isNaN(top5);
    }
}

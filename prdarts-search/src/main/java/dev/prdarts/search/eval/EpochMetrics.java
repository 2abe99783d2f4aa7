package dev.prdarts.search.eval;

/**
 * One line of a training run's {@code metrics.jsonl} (docs/run-folder.md).
 *
 * @param epoch the epoch, 1-based
 * @param trainLoss the mean training loss (with the weighted auxiliary loss, if any)
 * @param trainAcc the training accuracy of the main logits, in [0, 1]
 * @param testLoss the mean test cross-entropy
 * @param testAcc the test top-1 accuracy, in [0, 1]
 * @param testTop5 the test top-5 accuracy, {@code NaN} for five classes or fewer
 * @param lr the learning rate of the epoch
 * @param dropPath the drop-path probability of the epoch
 * @param batchSize the largest batch size of the epoch
 * @param seconds the wall time of the epoch, evaluation included
 * @param images the number of training images seen in the epoch
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAcc,
        double testLoss,
        double testAcc,
        double testTop5,
        double lr,
        double dropPath,
        int batchSize,
        double seconds,
        long images) {}

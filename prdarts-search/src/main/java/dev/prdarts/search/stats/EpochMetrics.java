package dev.prdarts.search.stats;

import java.util.Locale;

/**
 * The figures of one finished epoch, one line of {@code metrics.jsonl} (docs/run-folder.md).
 *
 * @param cycle the 1-based cycle
 * @param epoch the 1-based epoch within the cycle
 * @param globalEpoch the 1-based epoch over the whole search
 * @param phase grace (weights only) or search (alpha and weights)
 * @param trainLoss the mean cross-entropy of the weight steps
 * @param trainAcc the accuracy of the weight steps, in [0, 1]
 * @param validLoss the mean loss on the alpha half, or null in epochs without validation
 * @param validAcc the accuracy on the alpha half, or null in epochs without validation
 * @param lr the weights' learning rate of the epoch
 * @param alphaLr the architecture weights' learning rate
 * @param batchSize the largest batch size used in the epoch
 * @param batchSizeChanges how often the batch size changed during the epoch
 * @param oomBackoffs how often a step ran out of memory and was redone smaller
 * @param seconds the wall-clock time of the epoch
 * @param images the number of images the weight steps trained on
 */
public record EpochMetrics(
        int cycle,
        int epoch,
        int globalEpoch,
        Phase phase,
        double trainLoss,
        double trainAcc,
        Double validLoss,
        Double validAcc,
        double lr,
        double alphaLr,
        int batchSize,
        int batchSizeChanges,
        int oomBackoffs,
        double seconds,
        long images) {

    /** Whether an epoch trained the weights only or alpha too. */
    public enum Phase {
        /** Weights only. */
        GRACE,
        /** Alpha step then weight step. */
        SEARCH;

        /** Returns the name written to the metrics, {@code grace} or {@code search}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Returns a copy with the seconds set to 0, for comparing runs. */
    public EpochMetrics withoutTime() {
        return new EpochMetrics(
                cycle,
                epoch,
                globalEpoch,
                phase,
                trainLoss,
                trainAcc,
                validLoss,
                validAcc,
                lr,
                alphaLr,
                batchSize,
                batchSizeChanges,
                oomBackoffs,
                0,
                images);
    }
}

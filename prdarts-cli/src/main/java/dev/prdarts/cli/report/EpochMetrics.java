package dev.prdarts.cli.report;

/**
 * One line of {@code metrics.jsonl}: a finished epoch of a search or a training run.
 *
 * <p>Fields a run does not record are {@code null}: search runs have {@code cycle}, {@code valid_*}
 * and {@code alpha_lr}, training runs {@code test_*} and {@code drop_path}.
 *
 * @param line the 1-based line number in the file
 * @param cycle the 1-based cycle (search runs)
 * @param epoch the 1-based epoch (within the cycle for searches)
 * @param globalEpoch the 1-based epoch counted over the whole search
 * @param phase {@code grace} or {@code search} (search runs)
 * @param trainLoss the mean training loss
 * @param trainAcc the training accuracy in [0, 1]
 * @param validLoss the validation loss, null in epochs without validation
 * @param validAcc the validation accuracy in [0, 1]
 * @param testLoss the test loss (training runs)
 * @param testAcc the test accuracy in [0, 1] (training runs)
 * @param lr the weight learning rate
 * @param batchSize the largest batch size of the epoch
 * @param seconds the wall time of the epoch
 */
public record EpochMetrics(
        int line,
        Integer cycle,
        int epoch,
        Integer globalEpoch,
        String phase,
        Double trainLoss,
        Double trainAcc,
        Double validLoss,
        Double validAcc,
        Double testLoss,
        Double testAcc,
        Double lr,
        Integer batchSize,
        Double seconds) {

    /** Returns the epoch counted over the whole run: {@code global_epoch} when present. */
    public int x() {
        return globalEpoch != null ? globalEpoch : epoch;
    }

    /** Returns the held-out accuracy: validation for searches, test for training runs. */
    public Double heldOutAcc() {
        return validAcc != null ? validAcc : testAcc;
    }

    /** Returns the held-out loss: validation for searches, test for training runs. */
    public Double heldOutLoss() {
        return validLoss != null ? validLoss : testLoss;
    }
}

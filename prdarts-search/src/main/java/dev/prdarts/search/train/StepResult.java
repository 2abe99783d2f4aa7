package dev.prdarts.search.train;

/**
 * The figures of one training or evaluation pass over a batch.
 *
 * @param loss the mean cross-entropy over the batch
 * @param correct how many images were classified correctly
 * @param count the batch size
 */
public record StepResult(double loss, int correct, int count) {}

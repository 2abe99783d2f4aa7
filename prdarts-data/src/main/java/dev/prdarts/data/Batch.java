package dev.prdarts.data;

import ai.djl.ndarray.NDArray;

/**
 * One batch of images and labels.
 *
 * @param images the images, (N, C, H, W) float32, augmented and normalised
 * @param labels the class labels, (N) int32
 * @param epoch the epoch (0-based) of the batch's first image
 * @param start the position within that epoch of the batch's first image
 */
public record Batch(NDArray images, NDArray labels, int epoch, int start) implements AutoCloseable {

    /** Returns the number of images N. */
    public int size() {
        return Math.toIntExact(labels.getShape().get(0));
    }

    /** Closes both arrays now instead of with their manager. */
    @Override
    public void close() {
        images.close();
        labels.close();
    }
}

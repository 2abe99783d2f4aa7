package dev.prdarts.data;

import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.random.SeededRandom;

/**
 * One part of a dataset (the whole training set, the weight half, the alpha half or the test set)
 * and the way its batches are made.
 *
 * <p>Training splits are shuffled every epoch and augmented; the test split is read in order and
 * only normalised. Each split derives its own seed from the data seed and its name, so the two
 * halves are shuffled differently but reproducibly.
 */
public final class Split {

    private final String name;
    private final ImageSet images;
    private final Normalization normalization;
    private final Augmentation augmentation;
    private final boolean training;
    private final long seed;

    Split(
            String name,
            ImageSet images,
            Normalization normalization,
            Augmentation augmentation,
            boolean training,
            long dataSeed) {
        this.name = name;
        this.images = images;
        this.normalization = normalization;
        this.augmentation = training ? augmentation : Augmentation.NONE;
        this.training = training;
        this.seed = SeededRandom.derive(dataSeed, "batches/" + name).nextLong();
    }

    /** Returns the split's name: {@code train}, {@code weight}, {@code alpha} or {@code test}. */
    public String name() {
        return name;
    }

    /** Returns the split's images, as bytes. */
    public ImageSet images() {
        return images;
    }

    /** Returns the number of images. */
    public int size() {
        return images.size();
    }

    /** Returns the augmentation its batches get ({@link Augmentation#NONE} for the test split). */
    public Augmentation augmentation() {
        return augmentation;
    }

    /** Returns the normalisation of its batches. */
    public Normalization normalization() {
        return normalization;
    }

    /** Returns whether batches are shuffled and augmented. */
    public boolean training() {
        return training;
    }

    /**
     * Returns a builder preset for this split: its name, normalisation, augmentation, seed, and
     * shuffling for training splits; change anything before {@code build()}.
     */
    public BatchStream.Builder stream() {
        return BatchStream.builder(images, normalization)
                .name(name)
                .augmentation(augmentation)
                .shuffle(training)
                .seed(seed);
    }

    /** Returns a stream that goes epoch by epoch (weight half, evaluation). */
    public BatchStream epochs(int batchSize) {
        return stream().batchSize(batchSize).build();
    }

    /** Returns a stream that cycles forever with full batches (alpha half). */
    public BatchStream cycled(int batchSize) {
        return stream().cycle(true).batchSize(batchSize).build();
    }

    @Override
    public String toString() {
        return "Split[" + name + ", " + size() + " images]";
    }
}

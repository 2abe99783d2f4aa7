package dev.prdarts.search.bench;

import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.data.DataOptions;
import dev.prdarts.data.DataSplits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small learnable image dataset made up in memory, for tests and benchmarks that must not depend
 * on files: class {@code k} of {@code K} brightens vertical stripe {@code k} of the image, under
 * seeded uniform noise.
 */
public final class SyntheticData {

    private SyntheticData() {}

    /**
     * Returns the dataset split into a weight and an alpha half.
     *
     * @param shape the image shape
     * @param classes the number of classes, at least 2 and at most the image width
     * @param train the number of training images (both halves together)
     * @param seed the seed of the pixels and of shuffling and augmentation
     */
    public static DataSplits splits(ImageShape shape, int classes, int train, long seed) {
        if (classes < 2 || classes > shape.width()) {
            throw new IllegalArgumentException(
                    "classes must be in 2.." + shape.width() + ", got " + classes);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("stripe" + k);
        }
        double[] mean = new double[shape.channels()];
        double[] std = new double[shape.channels()];
        java.util.Arrays.fill(mean, 0.4);
        java.util.Arrays.fill(std, 0.25);
        ImageDataset dataset =
                new ImageDataset(
                        "synthetic",
                        shape,
                        names,
                        images(shape, classes, train, seed),
                        images(shape, classes, Math.max(classes, train / 8), seed + 1),
                        Optional.of(Normalization.of(mean, std)),
                        Optional.empty(),
                        false);
        int pad = Math.max(1, shape.height() / 8);
        DataOptions options = DataOptions.builder().seed(seed).pad(pad).build();
        return DataSplits.of(dataset, options, dataset.normalization().orElseThrow());
    }

    private static ImageSet images(ImageShape shape, int classes, int count, long seed) {
        SeededRandom random = SeededRandom.derive(seed, "synthetic-pixels");
        byte[] pixels = new byte[count * shape.size()];
        int[] labels = new int[count];
        int stripe = shape.width() / classes;
        for (int i = 0; i < count; i++) {
            int label = i % classes;
            labels[i] = label;
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < shape.height(); y++) {
                    for (int x = 0; x < shape.width(); x++) {
                        boolean bright = x / stripe == label;
                        int v = (bright ? 150 : 40) + random.nextInt(80);
                        pixels[i * shape.size() + c * shape.plane() + y * shape.width() + x] =
                                (byte) v;
                    }
                }
            }
        }
        return new ImageSet(shape, pixels, labels);
    }
}

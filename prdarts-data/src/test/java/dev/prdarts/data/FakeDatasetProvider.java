package dev.prdarts.data;

import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import java.util.List;
import java.util.Optional;

/** A plugin dataset for registry tests: 2 classes of 1x2x2 images with pixel value = index. */
public class FakeDatasetProvider implements DatasetProvider {

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String description() {
        return "test dataset";
    }

    @Override
    public ImageDataset load(DatasetRequest request) {
        return dataset(name(), 10, 4);
    }

    /** Returns a dataset whose image i has all pixels i and label i % 2. */
    static ImageDataset dataset(String name, int train, int test) {
        return new ImageDataset(
                name,
                new ImageShape(1, 2, 2),
                List.of("even", "odd"),
                images(train),
                images(test),
                Optional.empty(),
                Optional.empty(),
                true);
    }

    static ImageSet images(int n) {
        byte[] pixels = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
            labels[i] = i % 2;
        }
        return new ImageSet(new ImageShape(1, 2, 2), pixels, labels);
    }

    /** A second provider that claims the built-in name {@code cifar10}. */
    public static final class Clash extends FakeDatasetProvider {
        @Override
        public String name() {
            return "cifar10";
        }
    }
}

package dev.prdarts.search.eval;

import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.data.DataOptions;
import dev.prdarts.data.DataSplits;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** A tiny, easily separable dataset: class k brightens quadrant k of a noisy 1x8x8 image. */
final class SyntheticData {

    static final ImageShape SHAPE = new ImageShape(1, 8, 8);

    private SyntheticData() {}

    static ImageSet images(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] pixels = new byte[n * SHAPE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 4;
            labels[i] = k;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean lit = (y / 4) * 2 + (x / 4) == k;
                    int v = (lit ? 170 : 40) + r.nextInt(60);
                    pixels[i * 64 + y * 8 + x] = (byte) v;
                }
            }
        }
        return new ImageSet(SHAPE, pixels, labels);
    }

    static ImageDataset dataset(String name) {
        return new ImageDataset(
                name,
                SHAPE,
                List.of("a", "b", "c", "d"),
                images(64, 1),
                images(32, 2),
                Optional.of(Normalization.of(new double[] {0.4}, new double[] {0.25})),
                Optional.empty(),
                false);
    }

    static DataSplits splits() {
        ImageDataset d = dataset("synthetic");
        return DataSplits.of(
                d, DataOptions.builder().pad(1).seed(3).build(), d.normalization().orElseThrow());
    }
}

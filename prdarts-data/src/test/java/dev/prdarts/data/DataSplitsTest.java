package dev.prdarts.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.data.testing.DataFixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSplitsTest {

    private static final Normalization IDENTITY =
            Normalization.of(new double[] {0}, new double[] {1});

    @TempDir Path cache;

    private DataOptions.Builder options() {
        return DataOptions.builder().cacheDir(cache);
    }

    @Test
    void halvesFollowThePortion() {
        ImageDataset ds = FakeDatasetProvider.dataset("fake", 10, 4);

        DataSplits data = DataSplits.of(ds, options().portion(0.7).build(), IDENTITY);

        assertEquals(7, data.weightHalf().size());
        assertEquals(3, data.alphaHalf().size());
        assertEquals(10, data.train().size());
        assertEquals(4, data.test().size());
        // weight half is the first images, alpha half the rest (pixel value = index)
        assertEquals(6, data.weightHalf().images().pixel(6, 0, 0, 0));
        assertEquals(7, data.alphaHalf().images().pixel(0, 0, 0, 0));
        assertEquals(new ImageShape(1, 2, 2), data.shape());
        assertEquals(2, data.classes());
    }

    @Test
    void defaultPortionSplitsInHalf() {
        DataSplits data =
                DataSplits.of(
                        FakeDatasetProvider.dataset("fake", 11, 4), options().build(), IDENTITY);

        assertEquals(5, data.weightHalf().size());
        assertEquals(6, data.alphaHalf().size());
    }

    @Test
    void limitKeepsTheFirstImagesOfEverySplit() {
        DataSplits data =
                DataSplits.of(
                        FakeDatasetProvider.dataset("fake", 20, 6),
                        options().limit(3).build(),
                        IDENTITY);

        assertEquals(3, data.weightHalf().size());
        assertEquals(3, data.alphaHalf().size());
        assertEquals(3, data.test().size());
        assertEquals(10, data.alphaHalf().images().pixel(0, 0, 0, 0));
    }

    @Test
    void limitLargerThanASplitIsRejected() {
        DataSplits data =
                DataSplits.of(
                        FakeDatasetProvider.dataset("fake", 20, 6),
                        options().limit(8).build(),
                        IDENTITY);

        assertEquals(8, data.weightHalf().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, data::test);
        assertEquals("limit 8 is larger than the test split of fake (6 images)", e.getMessage());
    }

    @Test
    void portionLeavingAnEmptyHalfIsRejected() {
        ImageDataset ds = FakeDatasetProvider.dataset("fake", 3, 2);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DataSplits.of(ds, options().portion(0.2).build(), IDENTITY));

        assertEquals(
                "portion 0.2 of the 3 training images of fake leaves one half empty",
                e.getMessage());
    }

    @Test
    void badOptionsAreRejected() {
        assertEquals(
                "portion must lie strictly between 0 and 1, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> options().portion(1).build())
                        .getMessage());
        assertEquals(
                "limit must be >= 0 (0: no limit), got -1",
                assertThrows(IllegalArgumentException.class, () -> options().limit(-1).build())
                        .getMessage());
    }

    @Test
    void trainingSplitsAreAugmentedAndTheTestSplitIsNot() {
        DataSplits data =
                DataSplits.of(
                        FakeDatasetProvider.dataset("fake", 10, 4),
                        options().pad(2).cutout(1).build(),
                        IDENTITY);

        assertEquals(new Augmentation(2, true, 1), data.weightHalf().augmentation());
        assertEquals(new Augmentation(2, true, 1), data.alphaHalf().augmentation());
        assertEquals(Augmentation.NONE, data.test().augmentation());
        assertTrue(data.weightHalf().training());
        assertFalse(data.test().training());
    }

    @Test
    void flipFollowsTheDatasetUnlessSet() throws IOException {
        Path dir = cache.resolve("digits");
        DataFixtures.idxFolder(dir, 4, 4, false);
        DatasetRegistry registry = new DatasetRegistry();

        DataSplits digits = DataSplits.load(registry, "mnist", options().dataDir(dir).build());
        DataSplits forced =
                DataSplits.load(registry, "mnist", options().dataDir(dir).flip(true).build());

        assertFalse(digits.augmentation().flip());
        assertTrue(forced.augmentation().flip());
    }

    @Test
    void testSplitComesInOrderOnlyNormalised() {
        Normalization norm = Normalization.of(new double[] {0.5}, new double[] {0.25});
        DataSplits data =
                DataSplits.of(FakeDatasetProvider.dataset("fake", 10, 4), options().build(), norm);

        try (NDManager m = NDManager.newBaseManager();
                BatchStream s = data.test().epochs(4)) {
            float[] v = s.next(m).images().toFloatArray();

            for (int i = 0; i < 4; i++) {
                float expected = (float) ((i / 255.0 - 0.5) / 0.25);
                assertArrayEquals(
                        new float[] {expected, expected, expected, expected},
                        java.util.Arrays.copyOfRange(v, i * 4, i * 4 + 4));
            }
        }
    }

    @Test
    void halvesAreShuffledDifferentlyButReproducibly() {
        DataOptions opts = options().seed(9).portion(0.5).build();
        DataSplits a = DataSplits.of(FakeDatasetProvider.dataset("fake", 200, 4), opts, IDENTITY);
        DataSplits b = DataSplits.of(FakeDatasetProvider.dataset("fake", 200, 4), opts, IDENTITY);

        int[] weightA = order(a.weightHalf(), 0);
        int[] weightB = order(b.weightHalf(), 0);
        int[] alpha = order(a.alphaHalf(), 100);

        assertArrayEquals(weightA, weightB);
        assertFalse(java.util.Arrays.equals(weightA, alpha), "the halves use different orders");
    }

    /** Returns the positions in the split's first epoch, as image index minus {@code first}. */
    private static int[] order(Split split, int first) {
        try (NDManager m = NDManager.newBaseManager();
                BatchStream s =
                        split.stream().augmentation(Augmentation.NONE).batchSize(100).build()) {
            float[] v = s.next(m).images().toFloatArray();
            int[] ids = new int[v.length / 4];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Math.round(v[i * 4] * 255) - first;
            }
            return ids;
        }
    }
}

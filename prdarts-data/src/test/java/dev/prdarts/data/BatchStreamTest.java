package dev.prdarts.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchStreamTest {

    private static final Normalization IDENTITY =
            Normalization.of(new double[] {0}, new double[] {1});

    private static NDManager base;

    @BeforeAll
    static void startEngine() {
        base = NDManager.newBaseManager();
    }

    @AfterAll
    static void stopEngine() {
        base.close();
    }

    /** Returns the image ids (pixel value * 255) of a batch of FakeDatasetProvider images. */
    private static int[] ids(Batch batch) {
        float[] v = batch.images().toFloatArray();
        int[] ids = new int[batch.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.round(v[i * 4] * 255);
        }
        return ids;
    }

    private static BatchStream.Builder stream(int n) {
        return BatchStream.builder(FakeDatasetProvider.images(n), IDENTITY).name("t");
    }

    @Test
    void batchesHoldNchwFloatImagesAndIntLabels() {
        try (BatchStream s = stream(10).batchSize(4).build();
                NDManager step = base.newSubManager()) {
            Batch b = s.next(step);

            assertEquals(new Shape(4, 1, 2, 2), b.images().getShape());
            assertEquals(DataType.FLOAT32, b.images().getDataType());
            assertEquals(new Shape(4), b.labels().getShape());
            assertEquals(DataType.INT32, b.labels().getDataType());
            assertArrayEquals(
                    new float[] {
                        0, 0, 0, 0, 1 / 255f, 1 / 255f, 1 / 255f, 1 / 255f, 2 / 255f, 2 / 255f,
                        2 / 255f, 2 / 255f, 3 / 255f, 3 / 255f, 3 / 255f, 3 / 255f
                    },
                    b.images().toFloatArray());
            assertArrayEquals(new int[] {0, 1, 0, 1}, b.labels().toIntArray());
            assertEquals(0, b.epoch());
            assertEquals(0, b.start());
        }
    }

    @Test
    void stagingBuffersGiveTheSameBatchesAsWritingInPlace() {
        float[] inPlace;
        float[] staged;
        int[] stagedLabels;
        try (BatchStream a = stream(30).shuffle(true).seed(4).batchSize(7).build();
                BatchStream b =
                        stream(30).shuffle(true).seed(4).batchSize(7).stagingOnly().build();
                NDManager m = base.newSubManager()) {
            a.next(m);
            b.next(m);
            inPlace = a.next(m).images().toFloatArray();
            Batch batch = b.next(m);
            staged = batch.images().toFloatArray();
            stagedLabels = batch.labels().toIntArray();
        }

        assertArrayEquals(inPlace, staged);
        for (int i = 0; i < 7; i++) {
            assertEquals(Math.round(staged[i * 4] * 255) % 2, stagedLabels[i]);
        }
    }

    @Test
    void arraysBelongToTheCallersManager() {
        try (BatchStream s = stream(10).batchSize(4).build()) {
            Batch b;
            try (NDManager step = base.newSubManager()) {
                b = s.next(step);
                assertEquals(step, b.images().getManager());
            }
            assertTrue(b.images().isReleased());
            assertTrue(b.labels().isReleased());
        }
    }

    @Test
    void epochVisitsEveryImageOnceWhenTheBatchSizeChanges() {
        int[] sizes = {3, 7, 1, 16, 5};
        try (BatchStream s = stream(50).shuffle(true).seed(3).batchSize(2).build()) {
            List<Integer> seen = new ArrayList<>();
            int last = -1;
            for (int step = 0; s.hasNext(); step++) {
                s.setBatchSize(sizes[step % sizes.length]);
                try (NDManager m = base.newSubManager()) {
                    Batch b = s.next(m);
                    assertEquals(seen.size(), b.start());
                    for (int id : ids(b)) {
                        seen.add(id);
                    }
                    last = b.size();
                }
            }

            assertEquals(50, seen.size());
            assertEquals(50, new HashSet<>(seen).size());
            assertTrue(last < 16, "the last batch of the epoch holds the rest only");
            assertFalse(s.hasNext());
            NoSuchElementException e =
                    assertThrows(NoSuchElementException.class, () -> s.next(base));
            assertEquals(
                    "epoch 0 of t is finished; call nextEpoch() to start the next one",
                    e.getMessage());

            s.nextEpoch();
            assertEquals(1, s.epoch());
            s.setBatchSize(50);
            try (NDManager m = base.newSubManager()) {
                Batch b = s.next(m);
                assertEquals(1, b.epoch());
                int[] second = ids(b);
                assertEquals(50, new HashSet<>(toList(second)).size());
                assertNotEquals(seen, toList(second), "each epoch is shuffled afresh");
            }
        }
    }

    @Test
    void sameSeedGivesTheSameImagesWhateverTheBatchSizes() {
        float[] a = collect(11, new int[] {5}, 3);
        float[] b = collect(11, new int[] {1, 13, 2, 8}, 3);
        float[] other = collect(12, new int[] {5}, 3);

        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, other), "another seed gives other batches");
    }

    /** Returns the float values of {@code epochs} epochs of an augmented, shuffled stream. */
    private static float[] collect(long seed, int[] sizes, int epochs) {
        byte[] pixels = new byte[40 * 3 * 6 * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 13);
        }
        ImageSet images = new ImageSet(new ImageShape(3, 6, 6), pixels, new int[40]);
        Normalization norm = Normalization.of(new double[] {0.1, 0.2, 0.3}, new double[] {1, 2, 3});
        List<Float> values = new ArrayList<>();
        try (BatchStream s =
                BatchStream.builder(images, norm)
                        .augmentation(new Augmentation(2, true, 3))
                        .shuffle(true)
                        .seed(seed)
                        .build()) {
            int step = 0;
            for (int e = 0; e < epochs; e++) {
                while (s.hasNext()) {
                    s.setBatchSize(sizes[step++ % sizes.length]);
                    try (NDManager m = base.newSubManager()) {
                        for (float v : s.next(m).images().toFloatArray()) {
                            values.add(v);
                        }
                    }
                }
                s.nextEpoch();
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    @Test
    void cycledStreamGivesFullBatchesRunningIntoTheNextEpoch() {
        try (BatchStream s = stream(10).shuffle(true).seed(5).cycle(true).batchSize(4).build()) {
            List<Integer> seen = new ArrayList<>();
            List<Batch> batches = new ArrayList<>();
            try (NDManager m = base.newSubManager()) {
                for (int i = 0; i < 5; i++) {
                    assertTrue(s.hasNext());
                    Batch b = s.next(m);
                    assertEquals(4, b.size());
                    batches.add(b);
                    seen.addAll(toList(ids(b)));
                }
            }

            assertEquals(10, new HashSet<>(seen.subList(0, 10)).size());
            assertEquals(10, new HashSet<>(seen.subList(10, 20)).size());
            assertEquals(0, batches.get(2).epoch());
            assertEquals(8, batches.get(2).start());
            assertEquals(1, batches.get(3).epoch());
            assertEquals(2, batches.get(3).start());
            assertEquals(2, s.epoch());
            IllegalStateException e = assertThrows(IllegalStateException.class, s::nextEpoch);
            assertTrue(e.getMessage().contains("is cycled and has no epoch ends"));
        }
    }

    @Test
    void streamStartedWhereAnotherStoodContinuesItExactly() {
        try (NDManager m = base.newSubManager();
                BatchStream whole = stream(10).shuffle(true).seed(9).batchSize(3).build()) {
            // the first stream stops 7 images into its second epoch
            whole.next(m);
            whole.next(m);
            whole.next(m);
            whole.next(m);
            whole.nextEpoch();
            whole.next(m);
            whole.next(m);
            whole.setBatchSize(1);
            whole.next(m);
            assertEquals(1, whole.epoch());
            assertEquals(7, whole.position());

            try (BatchStream resumed =
                    stream(10).shuffle(true).seed(9).batchSize(2).startAt(1, 7).build()) {
                assertEquals(1, resumed.epoch());
                assertEquals(7, resumed.position());
                whole.setBatchSize(2);
                for (int i = 0; i < 4; i++) {
                    if (!whole.hasNext()) {
                        assertFalse(resumed.hasNext());
                        whole.nextEpoch();
                        resumed.nextEpoch();
                    }
                    Batch a = whole.next(m);
                    Batch b = resumed.next(m);
                    assertArrayEquals(ids(a), ids(b));
                    assertEquals(a.epoch(), b.epoch());
                    assertEquals(a.start(), b.start());
                }
            }
        }
    }

    @Test
    void cycledStreamStartedMidEpochRunsOnLikeTheOriginal() {
        try (NDManager m = base.newSubManager();
                BatchStream whole =
                        stream(10).shuffle(true).seed(4).cycle(true).batchSize(4).build();
                BatchStream resumed =
                        stream(10)
                                .shuffle(true)
                                .seed(4)
                                .cycle(true)
                                .batchSize(4)
                                .startAt(1, 2)
                                .build()) {
            for (int i = 0; i < 3; i++) {
                whole.next(m);
            }
            assertEquals(1, whole.epoch());
            assertEquals(2, whole.position());

            for (int i = 0; i < 5; i++) {
                assertArrayEquals(ids(whole.next(m)), ids(resumed.next(m)));
            }
            assertEquals(whole.epoch(), resumed.epoch());
            assertEquals(whole.position(), resumed.position());
        }
    }

    @Test
    void startBeyondTheSplitIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> stream(10).cycle(true).startAt(0, 10).build());
        assertEquals(
                "start position of cycled stream t must be <= 9 for 10 images, got 10",
                e.getMessage());
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> stream(10).startAt(-1, 0));
        assertTrue(negative.getMessage().contains("got epoch -1"), negative.getMessage());
    }

    @Test
    void nextEpochSkipsWhatIsLeftOfTheCurrentOne() {
        try (BatchStream s = stream(100).batchSize(10).build();
                NDManager m = base.newSubManager()) {
            s.next(m);
            s.nextEpoch();
            Batch b = s.next(m);

            assertEquals(1, b.epoch());
            assertEquals(0, b.start());
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ids(b));
        }
    }

    @Test
    void closeStopsTheBackgroundThread() throws InterruptedException {
        BatchStream s = stream(1000).build();
        assertTrue(s.workerAlive());

        s.close();

        assertFalse(s.workerAlive());
        assertFalse(s.hasNext());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.next(base));
        assertEquals("batch stream t is closed", e.getMessage());
    }

    @Test
    void emptySplitIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> stream(0).build());

        assertEquals("split t has no images to batch", e.getMessage());
    }

    @Test
    void badBatchSizeIsRejected() {
        try (BatchStream s = stream(4).build()) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> s.setBatchSize(0));
            assertEquals("batch size must be >= 1, got 0", e.getMessage());
        }
    }

    @Test
    void labelsFeedTheSoftmaxCrossEntropyLoss() {
        try (BatchStream s = stream(8).batchSize(8).build();
                NDManager m = base.newSubManager()) {
            Batch b = s.next(m);
            NDArray logits = m.zeros(new Shape(8, 2));

            float loss =
                    Loss.softmaxCrossEntropyLoss()
                            .evaluate(new NDList(b.labels()), new NDList(logits))
                            .getFloat();

            assertEquals((float) Math.log(2), loss, 1e-6f);
        }
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    @Test
    void imageSeedsDifferForEveryEpochAndPosition() {
        Set<Long> seeds = new HashSet<>();
        for (int e = 0; e < 50; e++) {
            for (int k = 0; k < 200; k++) {
                seeds.add(BatchStream.imageSeed(7, e, k));
            }
        }
        assertEquals(50 * 200, seeds.size());
    }
}

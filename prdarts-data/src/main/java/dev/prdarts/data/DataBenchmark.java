package dev.prdarts.data;

import ai.djl.ndarray.NDManager;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.random.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the data pipeline: augmentation plus batching throughput with one background thread, and
 * the resident memory of holding CIFAR-sized images in memory.
 *
 * <p>Uses random 3x32x32 images (the speed does not depend on the pixel values), CIFAR-10
 * normalisation and a cycled stream like the alpha half's, closing a sub-manager every step as a
 * training loop does.
 */
public final class DataBenchmark {

    /** The image shape measured: CIFAR's. */
    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private DataBenchmark() {}

    /**
     * What to measure.
     *
     * @param images how many images to hold (CIFAR-10 training set: 50,000)
     * @param batchSize images per batch
     * @param seconds how long to stream, after a short warm-up
     * @param augmentation the augmentation applied
     */
    public record Settings(int images, int batchSize, double seconds, Augmentation augmentation) {

        /** Creates settings and checks them. */
        public Settings {
            if (images < 1 || batchSize < 1 || !(seconds > 0)) {
                throw new IllegalArgumentException(
                        "benchmark needs images >= 1, batch size >= 1 and seconds > 0, got "
                                + images
                                + ", "
                                + batchSize
                                + ", "
                                + seconds);
            }
        }
    }

    /**
     * What was measured.
     *
     * @param settings the settings
     * @param imagesStreamed images handed out in the timed part
     * @param seconds length of the timed part
     * @param imagesPerSecond throughput
     * @param heldBytes bytes of pixel data held
     * @param residentBeforeBytes process resident memory before the images were created, -1 if
     *     unknown
     * @param residentAfterBytes process resident memory with the images held, -1 if unknown
     */
    public record Result(
            Settings settings,
            long imagesStreamed,
            double seconds,
            double imagesPerSecond,
            long heldBytes,
            long residentBeforeBytes,
            long residentAfterBytes) {

        /** Returns the resident memory the images added, -1 if unknown. */
        public long residentDeltaBytes() {
            return residentBeforeBytes < 0 || residentAfterBytes < 0
                    ? -1
                    : residentAfterBytes - residentBeforeBytes;
        }
    }

    /** Runs the benchmark, creating batch arrays in sub-managers of {@code manager}. */
    public static Result run(Settings settings, NDManager manager) {
        System.gc();
        long before = residentBytes();
        ImageSet images = randomImages(settings.images());
        long after = residentBytes();

        try (BatchStream stream =
                BatchStream.builder(images, Normalization.CIFAR10)
                        .name("bench")
                        .augmentation(settings.augmentation())
                        .shuffle(true)
                        .cycle(true)
                        .seed(1)
                        .batchSize(settings.batchSize())
                        .build()) {
            for (int i = 0; i < 20; i++) {
                try (NDManager step = manager.newSubManager()) {
                    stream.next(step);
                }
            }
            long streamed = 0;
            long start = System.nanoTime();
            long deadline = start + (long) (settings.seconds() * 1e9);
            long now;
            do {
                try (NDManager step = manager.newSubManager()) {
                    streamed += stream.next(step).size();
                }
                now = System.nanoTime();
            } while (now < deadline);
            double seconds = (now - start) / 1e9;
            long held = (long) images.size() * SHAPE.size();
            return new Result(settings, streamed, seconds, streamed / seconds, held, before, after);
        }
    }

    /** Returns {@code count} images of random bytes with random labels 0..9, all pages touched. */
    static ImageSet randomImages(int count) {
        SeededRandom rng = new SeededRandom(42);
        byte[] pixels = new byte[Math.multiplyExact(count, SHAPE.size())];
        rng.nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(10);
        }
        return new ImageSet(SHAPE, pixels, labels);
    }

    /** Returns this process's resident memory from {@code /proc/self/status}, or -1 if unknown. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

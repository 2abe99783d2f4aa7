package dev.prdarts.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.random.SeededRandom;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of one split as DJL arrays, prepared ahead by one background thread.
 *
 * <p><b>Order.</b> The stream walks the split epoch by epoch. Each epoch visits every image once,
 * in a fresh random order when shuffling (else in order). Image k of epoch e gets its augmentation
 * from a random source seeded by (seed, e, k) alone, so the same seed gives the same images in the
 * same order with the same augmentation, whatever the thread timing and whatever batch sizes are
 * asked for: changing the batch size only changes where the sequence is cut.
 *
 * <p><b>Epochs.</b> An epoch stream ({@code cycle(false)}) ends each epoch with a possibly shorter
 * batch; {@link #hasNext()} then returns false until {@link #nextEpoch()} starts the next one. A
 * cycled stream ({@code cycle(true)}, for the alpha half) never ends: its batches are always full
 * and simply run on into the next epoch's order.
 *
 * <p><b>Memory.</b> {@link #next} creates the batch's arrays in the caller's manager, so closing a
 * per-step sub-manager frees them; on the PyTorch CPU engine they are allocated by the engine and
 * filled in place (no Java direct buffers left for the garbage collector, no second copy). The
 * background thread keeps a few hundred augmented images ready. {@link #close()} stops the thread.
 *
 * <p><b>Resuming.</b> {@link Builder#startAt(int, int)} starts a stream where an earlier one with
 * the same seed stood (its {@link #epoch()} and {@link #position()}); it then hands out the same
 * images as the earlier stream would have, so a checkpointed search can continue exactly.
 *
 * <p>One consumer thread: {@code next}, {@code setBatchSize} and {@code nextEpoch} must be called
 * from the same thread (the training loop).
 */
public final class BatchStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchStream.class);

    /** Images per unit of work handed from the background thread to the consumer. */
    static final int CHUNK = 32;

    /** Upper bound of the float bytes prepared ahead. */
    private static final long AHEAD_BYTES = 16L << 20;

    private static final long MIX1 = 0xBF58476D1CE4E5B9L;
    private static final long MIX2 = 0x94D049BB133111EBL;

    private final String name;
    private final ImageSet images;
    private final ImageShape shape;
    private final Augmenter augmenter;
    private final boolean shuffle;
    private final boolean cycle;
    private final long seed;
    private final int count;
    private final boolean allowInPlace;
    private final int startEpoch;
    private final int startPosition;

    private final BlockingQueue<Chunk> ready;
    private final BlockingQueue<Chunk> free;
    private final Thread worker;
    private volatile Throwable failure;
    private volatile boolean closed;

    private int batchSize;
    private Chunk current;
    private int currentIndex;
    private int epoch;
    private int position;
    private ByteBuffer imageStaging;
    private ByteBuffer labelStaging;

    private BatchStream(Builder b) {
        this.name = b.name;
        this.images = b.images;
        this.shape = images.shape();
        this.augmenter = new Augmenter(shape, b.normalization, b.augmentation);
        this.shuffle = b.shuffle;
        this.cycle = b.cycle;
        this.seed = b.seed;
        this.count = images.size();
        this.batchSize = b.batchSize;
        this.allowInPlace = b.allowInPlace;
        this.startEpoch = b.startEpoch;
        this.startPosition = b.startPosition;
        this.epoch = startEpoch;
        this.position = startPosition;

        long chunkBytes = (long) CHUNK * shape.size() * Float.BYTES;
        int ahead = (int) Math.max(2, Math.min(16, AHEAD_BYTES / chunkBytes));
        this.ready = new ArrayBlockingQueue<>(ahead);
        this.free = new ArrayBlockingQueue<>(ahead + 2);
        for (int i = 0; i < ahead + 2; i++) {
            free.add(new Chunk(CHUNK, shape.size()));
        }
        this.worker = new Thread(this::produce, "prdarts-batches-" + name);
        worker.setDaemon(true);
        worker.start();
        LOG.debug(
                "batch stream {}: {} images, batch {}, {}, {}, {} chunks ahead",
                name,
                count,
                batchSize,
                b.augmentation,
                cycle ? "cycled" : "by epoch",
                ahead);
    }

    /**
     * Returns a builder for a stream over {@code images}, normalised with {@code normalization}.
     */
    public static Builder builder(ImageSet images, Normalization normalization) {
        return new Builder(images, normalization);
    }

    /** Returns the name of the split, used in messages and the thread name. */
    public String name() {
        return name;
    }

    /** Returns the number of images in one epoch. */
    public int epochSize() {
        return count;
    }

    /** Returns the current epoch, 0-based. */
    public int epoch() {
        return epoch;
    }

    /** Returns how many images of the current epoch have been handed out. */
    public int position() {
        return position;
    }

    /** Returns the size of the next batch (the last batch of an epoch may be smaller). */
    public int batchSize() {
        return batchSize;
    }

    /** Sets the size of the batches from the next one on. */
    public void setBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + size);
        }
        this.batchSize = size;
    }

    /** Returns whether {@link #next} has a batch: always for a cycled stream. */
    public boolean hasNext() {
        return !closed && (cycle || position < count);
    }

    /**
     * Returns the next batch, its arrays created in {@code manager}.
     *
     * @throws NoSuchElementException if the epoch of an epoch stream is finished
     * @throws IllegalStateException if the stream is closed or its background thread failed
     */
    public Batch next(NDManager manager) {
        ensureOpen();
        if (!cycle && position >= count) {
            throw new NoSuchElementException(
                    "epoch "
                            + epoch
                            + " of "
                            + name
                            + " is finished; call nextEpoch() to start the next one");
        }
        int n = cycle ? batchSize : Math.min(batchSize, count - position);
        int firstEpoch = epoch;
        int firstPosition = position;
        int floats = shape.size();
        Shape imageShape = new Shape(n, shape.channels(), shape.height(), shape.width());
        Shape labelShape = new Shape(n);

        // On the PyTorch CPU engine the arrays are allocated first and filled in place through a
        // view of their memory; elsewhere through staging buffers copied to the device.
        boolean inPlace = allowInPlace && writesInPlace(manager);
        NDArray x = null;
        NDArray y = null;
        FloatBuffer pixelOut;
        IntBuffer labelOut;
        if (inPlace) {
            x = manager.create(imageShape, DataType.FLOAT32);
            y = manager.create(labelShape, DataType.INT32);
            pixelOut = x.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
            labelOut = y.toByteBuffer(true).order(ByteOrder.nativeOrder()).asIntBuffer();
        } else {
            if (!manager.getDevice().isGpu()) {
                // another engine's CPU arrays may keep using the buffer: never reuse it
                imageStaging = null;
                labelStaging = null;
            }
            imageStaging = capacity(imageStaging, (long) n * floats * Float.BYTES);
            labelStaging = capacity(labelStaging, (long) n * Integer.BYTES);
            pixelOut = imageStaging.asFloatBuffer();
            labelOut = labelStaging.asIntBuffer();
        }

        int filled = 0;
        while (filled < n) {
            Chunk chunk = currentChunk();
            int k = Math.min(n - filled, chunk.count - currentIndex);
            pixelOut.put(chunk.pixels, currentIndex * floats, k * floats);
            labelOut.put(chunk.labels, currentIndex, k);
            currentIndex += k;
            filled += k;
            position += k;
            if (cycle && position == count) {
                epoch++;
                position = 0;
            }
        }

        if (!inPlace) {
            imageStaging.limit(n * floats * Float.BYTES);
            labelStaging.limit(n * Integer.BYTES);
            x = manager.create(imageStaging, imageShape, DataType.FLOAT32);
            y = manager.create(labelStaging, labelShape, DataType.INT32);
        }
        return new Batch(x, y, firstEpoch, firstPosition);
    }

    /**
     * Starts the next epoch of an epoch stream, skipping what is left of the current one.
     *
     * @throws IllegalStateException for a cycled stream, which has no epoch ends
     */
    public void nextEpoch() {
        ensureOpen();
        if (cycle) {
            throw new IllegalStateException(
                    "stream "
                            + name
                            + " is cycled and has no epoch ends; nextEpoch() is for epoch streams");
        }
        while (position < count) {
            Chunk chunk = currentChunk();
            int k = chunk.count - currentIndex;
            currentIndex += k;
            position += k;
        }
        epoch++;
        position = 0;
    }

    /** Stops the background thread; arrays already handed out stay with their managers. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.clear();
        current = null;
        imageStaging = null;
        labelStaging = null;
    }

    /** Returns whether the background thread is running (false once closed). */
    boolean workerAlive() {
        return worker.isAlive();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("batch stream " + name + " is closed");
        }
    }

    /** Returns the chunk holding the next image, taking a new one when the current is used up. */
    private Chunk currentChunk() {
        if (current != null && currentIndex < current.count) {
            return current;
        }
        if (current != null) {
            free.add(current);
            current = null;
        }
        Chunk next;
        try {
            do {
                next = ready.poll(200, TimeUnit.MILLISECONDS);
                if (next == null && failure != null) {
                    throw new IllegalStateException(
                            "batch preparation for " + name + " failed: " + failure, failure);
                }
            } while (next == null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for batches of " + name, e);
        }
        if (next.epoch != epoch || next.start != position) {
            throw new IllegalStateException(
                    "batch stream "
                            + name
                            + " out of step: expected epoch "
                            + epoch
                            + " position "
                            + position
                            + ", got "
                            + next.epoch
                            + "/"
                            + next.start);
        }
        current = next;
        currentIndex = 0;
        return next;
    }

    /** Runs on the background thread: prepares chunks epoch after epoch until interrupted. */
    private void produce() {
        byte[] image = new byte[shape.size()];
        try {
            for (int e = startEpoch; !closed; e++) {
                int[] order = order(e);
                int first = e == startEpoch ? startPosition : 0;
                for (int start = first; start < count; start += CHUNK) {
                    Chunk chunk = free.take();
                    chunk.epoch = e;
                    chunk.start = start;
                    chunk.count = Math.min(CHUNK, count - start);
                    for (int k = 0; k < chunk.count; k++) {
                        int index = order == null ? start + k : order[start + k];
                        images.copyImage(index, image, 0);
                        SeededRandom rng = new SeededRandom(imageSeed(seed, e, start + k));
                        augmenter.apply(
                                image, 0, augmenter.draw(rng), chunk.pixels, k * shape.size());
                        chunk.labels[k] = images.label(index);
                    }
                    ready.put(chunk);
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("batch stream {} stopped", name);
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.debug("batch stream {} failed", name, e);
        }
    }

    /**
     * Returns the order of epoch {@code e}: a seeded permutation, or null for the natural order.
     */
    private int[] order(int e) {
        if (!shuffle) {
            return null;
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SeededRandom rng = new SeededRandom(mix(seed ^ 0x5EED5EEDL, e));
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Returns the seed of the augmentation of image {@code k} of epoch {@code e}. */
    static long imageSeed(long seed, int e, int k) {
        return mix(mix(seed, e), k);
    }

    private static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    private static ByteBuffer capacity(ByteBuffer buffer, long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("batch of " + bytes + " bytes is too large");
        }
        if (buffer == null || buffer.capacity() < bytes) {
            int size =
                    (int)
                            Math.min(
                                    Integer.MAX_VALUE,
                                    Math.max(bytes, buffer == null ? 0 : 2L * buffer.capacity()));
            buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        return buffer;
    }

    /**
     * Returns whether batches for {@code manager} can be written straight into the arrays' memory:
     * on the PyTorch engine's CPU a contiguous array's byte buffer is a view of its memory. Other
     * engines and devices get a staging buffer that {@code create} copies to the device (or, on
     * another engine's CPU, a fresh buffer per batch).
     */
    private static boolean writesInPlace(NDManager manager) {
        return !manager.getDevice().isGpu()
                && "PyTorch".equals(manager.getEngine().getEngineName());
    }

    /** A run of prepared images handed from the background thread to the consumer. */
    private static final class Chunk {
        final float[] pixels;
        final int[] labels;
        int epoch;
        int start;
        int count;

        Chunk(int images, int imageSize) {
            this.pixels = new float[images * imageSize];
            this.labels = new int[images];
        }
    }

    /** Builds a {@link BatchStream}; the stream's thread starts in {@link #build()}. */
    public static final class Builder {
        private final ImageSet images;
        private final Normalization normalization;
        private String name = "images";
        private Augmentation augmentation = Augmentation.NONE;
        private boolean shuffle;
        private boolean cycle;
        private long seed;
        private int batchSize = 64;
        private boolean allowInPlace = true;
        private int startEpoch;
        private int startPosition;

        private Builder(ImageSet images, Normalization normalization) {
            this.images = Objects.requireNonNull(images, "images");
            this.normalization = Objects.requireNonNull(normalization, "normalization");
        }

        /** Sets the name used in messages and the thread name. */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /** Sets the augmentation (default none). */
        public Builder augmentation(Augmentation value) {
            this.augmentation = Objects.requireNonNull(value, "augmentation");
            return this;
        }

        /** Sets whether every epoch uses a fresh random order (default false: in order). */
        public Builder shuffle(boolean value) {
            this.shuffle = value;
            return this;
        }

        /** Sets whether the stream runs forever over epochs without ends (default false). */
        public Builder cycle(boolean value) {
            this.cycle = value;
            return this;
        }

        /** Sets the seed of the order and the augmentation. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets the first batch size (default 64). */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Sets where the stream starts: at image {@code position} of epoch {@code epoch} (both
         * 0-based; default 0, 0), the values {@link BatchStream#epoch()} and {@link
         * BatchStream#position()} of a stream to continue. An epoch stream may start at the end of
         * an epoch ({@code position} equal to the split's size), where {@link
         * BatchStream#nextEpoch()} is due.
         *
         * @throws IllegalArgumentException if either is negative (the upper bound of {@code
         *     position} is checked in {@link #build()})
         */
        public Builder startAt(int epoch, int position) {
            if (epoch < 0 || position < 0) {
                throw new IllegalArgumentException(
                        "start epoch and position must be >= 0, got epoch "
                                + epoch
                                + ", position "
                                + position);
            }
            this.startEpoch = epoch;
            this.startPosition = position;
            return this;
        }

        /** Makes the stream use staging buffers even where it could write in place (tests). */
        Builder stagingOnly() {
            this.allowInPlace = false;
            return this;
        }

        /**
         * Returns the stream, its background thread started.
         *
         * @throws IllegalArgumentException if there are no images, or the start position lies
         *     beyond the split (at or beyond its end for a cycled stream)
         */
        public BatchStream build() {
            if (images.size() == 0) {
                throw new IllegalArgumentException("split " + name + " has no images to batch");
            }
            int last = cycle ? images.size() - 1 : images.size();
            if (startPosition > last) {
                throw new IllegalArgumentException(
                        "start position of "
                                + (cycle ? "cycled " : "")
                                + "stream "
                                + name
                                + " must be <= "
                                + last
                                + " for "
                                + images.size()
                                + " images, got "
                                + startPosition);
            }
            return new BatchStream(this);
        }
    }
}

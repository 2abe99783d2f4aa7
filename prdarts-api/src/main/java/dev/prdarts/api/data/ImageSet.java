package dev.prdarts.api.data;

import java.util.Objects;

/**
 * Labelled images held in memory as unsigned bytes, in (N, C, H, W) order.
 *
 * <p>One image takes {@code shape().size()} bytes (3,072 for CIFAR), so 50,000 CIFAR images take
 * 150 MB. Slices share the backing arrays; nothing here copies pixels except {@link #copyImage}.
 * The arrays given to the constructor are owned by the set afterwards and must not be changed.
 */
public final class ImageSet {

    private final ImageShape shape;
    private final byte[] pixels;
    private final int[] labels;
    private final int from;
    private final int size;

    /**
     * Creates a set over {@code labels.length} images whose bytes lie back to back in {@code
     * pixels}.
     *
     * @throws IllegalArgumentException if {@code pixels} does not hold exactly one image per label
     */
    public ImageSet(ImageShape shape, byte[] pixels, int[] labels) {
        this(shape, pixels, labels, 0, labels.length);
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(
                    "image set of "
                            + labels.length
                            + " labels of shape "
                            + shape
                            + " needs "
                            + (long) labels.length * shape.size()
                            + " pixel bytes, got "
                            + pixels.length);
        }
    }

    private ImageSet(ImageShape shape, byte[] pixels, int[] labels, int from, int size) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.from = from;
        this.size = size;
    }

    /** Returns an empty set of the given shape. */
    public static ImageSet empty(ImageShape shape) {
        return new ImageSet(shape, new byte[0], new int[0]);
    }

    /** Returns the shape of every image. */
    public ImageShape shape() {
        return shape;
    }

    /** Returns the number of images. */
    public int size() {
        return size;
    }

    /** Returns the label of image {@code i}. */
    public int label(int i) {
        return labels[from + Objects.checkIndex(i, size)];
    }

    /** Returns the value 0..255 of one pixel of image {@code i}. */
    public int pixel(int i, int channel, int y, int x) {
        Objects.checkIndex(channel, shape.channels());
        Objects.checkIndex(y, shape.height());
        Objects.checkIndex(x, shape.width());
        int offset = offset(i) + (channel * shape.height() + y) * shape.width() + x;
        return pixels[offset] & 0xFF;
    }

    /** Copies the {@code C * H * W} bytes of image {@code i} into {@code dst} at {@code at}. */
    public void copyImage(int i, byte[] dst, int at) {
        System.arraycopy(pixels, offset(i), dst, at, shape.size());
    }

    /** Returns the images {@code start} (inclusive) to {@code end} (exclusive), sharing memory. */
    public ImageSet slice(int start, int end) {
        Objects.checkFromToIndex(start, end, size);
        return new ImageSet(shape, pixels, labels, from + start, end - start);
    }

    /** Returns the number of images of each class, for labels in {@code 0..classes-1}. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < size; i++) {
            counts[labels[from + i]]++;
        }
        return counts;
    }

    private int offset(int i) {
        return (from + Objects.checkIndex(i, size)) * shape.size();
    }

    @Override
    public String toString() {
        return "ImageSet[" + size + " images of " + shape + "]";
    }
}

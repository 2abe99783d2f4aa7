package dev.prdarts.data;

import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import java.util.random.RandomGenerator;

/**
 * Turns one byte image into normalised floats with the random changes of an {@link Augmentation}.
 *
 * <p>The random choices for an image are drawn first ({@link #draw}) and applied second ({@link
 * #apply}), so tests can check that the output is exactly the chosen window. Not thread safe only
 * in the sense that callers supply their own random source; the instance itself is immutable.
 */
final class Augmenter {

    private final ImageShape shape;
    private final Augmentation augmentation;
    private final float[][] lut;

    /**
     * The random choices for one image.
     *
     * @param dy row of the crop window in the padded image, 0..2*pad (pad: no shift)
     * @param dx column of the crop window in the padded image, 0..2*pad
     * @param flip whether the crop is mirrored left-right
     * @param cutY row of the Cutout square's centre
     * @param cutX column of the Cutout square's centre
     */
    record Draw(int dy, int dx, boolean flip, int cutY, int cutX) {}

    /** Creates an augmenter for images of {@code shape}. */
    Augmenter(ImageShape shape, Normalization normalization, Augmentation augmentation) {
        if (normalization.channels() != shape.channels()) {
            throw new IllegalArgumentException(
                    "normalization has "
                            + normalization.channels()
                            + " channels but images are "
                            + shape);
        }
        this.shape = shape;
        this.augmentation = augmentation;
        this.lut = new float[shape.channels()][256];
        for (int c = 0; c < shape.channels(); c++) {
            double mean = normalization.mean().get(c);
            double std = normalization.std().get(c);
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (float) ((v / 255.0 - mean) / std);
            }
        }
    }

    /** Returns the random choices for one image, drawn in a fixed order from {@code rng}. */
    Draw draw(RandomGenerator rng) {
        int pad = augmentation.pad();
        int dy = pad;
        int dx = pad;
        if (pad > 0) {
            dy = rng.nextInt(2 * pad + 1);
            dx = rng.nextInt(2 * pad + 1);
        }
        boolean flip = augmentation.flip() && rng.nextBoolean();
        int cutY = 0;
        int cutX = 0;
        if (augmentation.cutout() > 0) {
            cutY = rng.nextInt(shape.height());
            cutX = rng.nextInt(shape.width());
        }
        return new Draw(dy, dx, flip, cutY, cutX);
    }

    /**
     * Writes the augmented, normalised image ({@code C * H * W} floats, (C, H, W) order) to {@code
     * out} at {@code outAt}, reading the byte image at {@code image[at]}.
     */
    void apply(byte[] image, int at, Draw d, float[] out, int outAt) {
        int h = shape.height();
        int w = shape.width();
        int pad = augmentation.pad();
        int shiftY = d.dy() - pad;
        int shiftX = d.dx() - pad;
        for (int c = 0; c < shape.channels(); c++) {
            float[] table = lut[c];
            float padValue = table[0];
            int plane = at + c * h * w;
            for (int y = 0; y < h; y++) {
                int o = outAt + (c * h + y) * w;
                int sy = y + shiftY;
                if (sy < 0 || sy >= h) {
                    java.util.Arrays.fill(out, o, o + w, padValue);
                    continue;
                }
                int row = plane + sy * w;
                if (d.flip()) {
                    for (int x = 0; x < w; x++) {
                        int sx = w - 1 - x + shiftX;
                        out[o + x] = sx >= 0 && sx < w ? table[image[row + sx] & 0xFF] : padValue;
                    }
                } else {
                    int lo = Math.max(0, -shiftX);
                    int hi = Math.min(w, w - shiftX);
                    for (int x = 0; x < lo; x++) {
                        out[o + x] = padValue;
                    }
                    for (int x = lo; x < hi; x++) {
                        out[o + x] = table[image[row + x + shiftX] & 0xFF];
                    }
                    for (int x = Math.max(lo, hi); x < w; x++) {
                        out[o + x] = padValue;
                    }
                }
            }
        }
        int side = augmentation.cutout();
        if (side > 0) {
            int y0 = Math.max(0, d.cutY() - side / 2);
            int y1 = Math.min(h, d.cutY() - side / 2 + side);
            int x0 = Math.max(0, d.cutX() - side / 2);
            int x1 = Math.min(w, d.cutX() - side / 2 + side);
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = y0; y < y1; y++) {
                    int o = outAt + (c * h + y) * w;
                    java.util.Arrays.fill(out, o + x0, o + Math.max(x0, x1), 0f);
                }
            }
        }
    }
}

package dev.prdarts.api.data;

/**
 * The shape of one image: channels, height and width, as in (C, H, W).
 *
 * @param channels number of channels, 1 (grey) or 3 (RGB) for the built-in datasets
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ImageShape(int channels, int height, int width) {

    /** Creates a shape and checks that every side is positive. */
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "image shape sides must be >= 1, got " + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "image shape " + channels + "x" + height + "x" + width + " is too large");
        }
    }

    /** Returns the number of values in one image, C * H * W. */
    public int size() {
        return channels * height * width;
    }

    /** Returns the number of pixels in one channel, H * W. */
    public int plane() {
        return height * width;
    }

    /** Returns the shape as {@code CxHxW}, for example {@code 3x32x32}. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}

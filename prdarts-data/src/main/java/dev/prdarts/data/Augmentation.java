package dev.prdarts.data;

/**
 * The random changes made to each training image before it is normalised (DESIGN section 6).
 *
 * <p>In this order: zero-pad by {@code pad} pixels on every side and crop a random window of the
 * original size (so the image shifts by up to {@code pad} pixels); mirror left-right with
 * probability 1/2 when {@code flip}; normalise; then, when {@code cutout > 0}, set one {@code
 * cutout x cutout} square centred on a random pixel to zero (clipped at the borders), as the Cutout
 * reference does after normalisation. Padding pixels are black, i.e. byte value 0 before
 * normalisation.
 *
 * @param pad zero padding for the random crop, 0 for no crop
 * @param flip whether to mirror half of the images left-right
 * @param cutout side of the Cutout square, 0 for none
 */
public record Augmentation(int pad, boolean flip, int cutout) {

    /** No augmentation: images are only normalised (evaluation). */
    public static final Augmentation NONE = new Augmentation(0, false, 0);

    /** The default padding for the random crop, DESIGN section 6 (for 32x32 images). */
    public static final int DEFAULT_PAD = 4;

    /** Creates settings and checks that sizes are not negative. */
    public Augmentation {
        if (pad < 0) {
            throw new IllegalArgumentException("augmentation pad must be >= 0, got " + pad);
        }
        if (cutout < 0) {
            throw new IllegalArgumentException("augmentation cutout must be >= 0, got " + cutout);
        }
    }

    /** Returns whether these settings change nothing but the normalisation. */
    public boolean isNone() {
        return pad == 0 && !flip && cutout == 0;
    }

    /** Returns a copy with the given Cutout side. */
    public Augmentation withCutout(int side) {
        return new Augmentation(pad, flip, side);
    }
}

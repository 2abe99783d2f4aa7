package dev.prdarts.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load and split a dataset: where its files are, how much of it to use, and how training
 * images are augmented.
 *
 * @param dataDir the dataset's folder; empty for the provider's default
 * @param imageSize the side images are resized to (image folders only), 0 for the default
 * @param limit use only the first {@code limit} images of each split (train, weight half, alpha
 *     half, test); 0 for all
 * @param portion the share of the training set in the weight half, in (0, 1); the rest is the alpha
 *     half (DESIGN section 6: 0.5)
 * @param seed seed of every shuffle and augmentation
 * @param pad zero padding of the random crop for training images (DESIGN: 4)
 * @param flip whether training images are mirrored at random; empty for the dataset's default (on,
 *     except for digits)
 * @param cutout side of the Cutout square for training images, 0 for none (search: 0, retraining:
 *     16)
 * @param cacheDir where normalisation statistics are cached when the data folder is not writable;
 *     empty for the user cache folder ({@code $XDG_CACHE_HOME/prdarts} or {@code ~/.cache/prdarts})
 */
public record DataOptions(
        Optional<Path> dataDir,
        int imageSize,
        int limit,
        double portion,
        long seed,
        int pad,
        Optional<Boolean> flip,
        int cutout,
        Optional<Path> cacheDir) {

    /** The default share of the weight half. */
    public static final double DEFAULT_PORTION = 0.5;

    /** Creates options and checks every value. */
    public DataOptions {
        dataDir = dataDir == null ? Optional.empty() : dataDir;
        flip = flip == null ? Optional.empty() : flip;
        cacheDir = cacheDir == null ? Optional.empty() : cacheDir;
        if (imageSize < 0) {
            throw new IllegalArgumentException("image size must be >= 0, got " + imageSize);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0: no limit), got " + limit);
        }
        if (!(portion > 0 && portion < 1)) {
            throw new IllegalArgumentException(
                    "portion must lie strictly between 0 and 1, got " + portion);
        }
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be >= 0, got " + pad);
        }
        if (cutout < 0) {
            throw new IllegalArgumentException("cutout must be >= 0, got " + cutout);
        }
    }

    /** Returns a builder starting from the defaults: all data, portion 0.5, seed 0, pad 4. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the defaults. */
    public static DataOptions defaults() {
        return builder().build();
    }

    /** Builds {@link DataOptions}; every setter is optional. */
    public static final class Builder {
        private Path dataDir;
        private int imageSize;
        private int limit;
        private double portion = DEFAULT_PORTION;
        private long seed;
        private int pad = Augmentation.DEFAULT_PAD;
        private Boolean flip;
        private int cutout;
        private Path cacheDir;

        private Builder() {}

        /** Sets the dataset's folder ({@code null}: the provider's default). */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Sets the side images are resized to (image folders), 0 for the default. */
        public Builder imageSize(int side) {
            this.imageSize = side;
            return this;
        }

        /** Sets how many images of each split to use, 0 for all. */
        public Builder limit(int images) {
            this.limit = images;
            return this;
        }

        /** Sets the share of the training set in the weight half. */
        public Builder portion(double share) {
            this.portion = share;
            return this;
        }

        /** Sets the seed of shuffles and augmentation. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets the random-crop padding of training images. */
        public Builder pad(int pixels) {
            this.pad = pixels;
            return this;
        }

        /** Sets whether training images are mirrored ({@code null}: the dataset's default). */
        public Builder flip(Boolean on) {
            this.flip = on;
            return this;
        }

        /** Sets the Cutout side of training images, 0 for none. */
        public Builder cutout(int side) {
            this.cutout = side;
            return this;
        }

        /** Sets the fallback folder for cached statistics ({@code null}: the user cache). */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** Returns the options, checked. */
        public DataOptions build() {
            return new DataOptions(
                    Optional.ofNullable(dataDir),
                    imageSize,
                    limit,
                    portion,
                    seed,
                    pad,
                    Optional.ofNullable(flip),
                    cutout,
                    Optional.ofNullable(cacheDir));
        }
    }
}

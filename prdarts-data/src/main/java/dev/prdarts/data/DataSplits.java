package dev.prdarts.data;

import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset loaded and split for a search or a retraining (DESIGN section 6).
 *
 * <p>The training set is cut in two: the first {@code portion} of it is the weight half (trains the
 * network weights), the rest the alpha half (trains the architecture weights and gives the
 * validation figure). With a {@code limit}, every split keeps only its first {@code limit} images;
 * a limit larger than a split is an error when that split is asked for.
 */
public final class DataSplits {

    private static final Logger LOG = LoggerFactory.getLogger(DataSplits.class);

    private final ImageDataset dataset;
    private final DataOptions options;
    private final Normalization normalization;
    private final Augmentation augmentation;
    private final int cut;

    private DataSplits(ImageDataset dataset, DataOptions options, Normalization normalization) {
        this.dataset = dataset;
        this.options = options;
        this.normalization = normalization;
        this.augmentation =
                new Augmentation(
                        options.pad(), options.flip().orElse(dataset.flipSafe()), options.cutout());
        int n = dataset.train().size();
        this.cut = (int) Math.floor(n * options.portion());
        if (cut == 0 || cut == n) {
            throw new IllegalArgumentException(
                    "portion "
                            + options.portion()
                            + " of the "
                            + n
                            + " training images of "
                            + dataset.name()
                            + " leaves one half empty");
        }
    }

    /**
     * Loads the named dataset and splits it.
     *
     * @throws IllegalArgumentException if no dataset has that name or the options do not fit it
     * @throws IOException if its files are missing or malformed
     */
    public static DataSplits load(DatasetRegistry registry, String name, DataOptions options)
            throws IOException {
        ImageDataset dataset =
                registry.load(name, new DatasetRequest(options.dataDir(), options.imageSize()));
        return of(dataset, options);
    }

    /**
     * Splits a loaded dataset; its normalisation comes from the dataset, the cache, or is computed
     * from the training set and cached (see {@link DataOptions#cacheDir()}).
     */
    public static DataSplits of(ImageDataset dataset, DataOptions options) {
        Normalization stats =
                new NormalizationCache(
                                options.cacheDir().orElseGet(NormalizationCache::userCacheDir))
                        .resolve(dataset);
        return of(dataset, options, stats);
    }

    /** Splits a loaded dataset with the given normalisation. */
    public static DataSplits of(
            ImageDataset dataset, DataOptions options, Normalization normalization) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(options, "options");
        if (normalization.channels() != dataset.shape().channels()) {
            throw new IllegalArgumentException(
                    "normalization has "
                            + normalization.channels()
                            + " channels but "
                            + dataset.name()
                            + " images are "
                            + dataset.shape());
        }
        DataSplits splits = new DataSplits(dataset, options, normalization);
        LOG.info(
                "dataset {}: {} training images, {} test images, {}, {} classes",
                dataset.name(),
                dataset.train().size(),
                dataset.test().size(),
                dataset.shape(),
                dataset.classes());
        return splits;
    }

    /** Returns the loaded dataset as a whole. */
    public ImageDataset dataset() {
        return dataset;
    }

    /** Returns the dataset's name. */
    public String name() {
        return dataset.name();
    }

    /** Returns the shape (C, H, W) of every image: the network's input shape. */
    public ImageShape shape() {
        return dataset.shape();
    }

    /** Returns the number of classes: the network's output size. */
    public int classes() {
        return dataset.classes();
    }

    /** Returns the class names, in label order. */
    public List<String> classNames() {
        return dataset.classNames();
    }

    /** Returns the per-channel statistics every batch is normalised with. */
    public Normalization normalization() {
        return normalization;
    }

    /** Returns the augmentation of the training splits. */
    public Augmentation augmentation() {
        return augmentation;
    }

    /** Returns the options the data was loaded with. */
    public DataOptions options() {
        return options;
    }

    /** Returns the whole training set (retraining). */
    public Split train() {
        return split("train", dataset.train(), true);
    }

    /**
     * Checks that the {@code limit} fits every split a search uses, the weight and alpha halves,
     * without creating any batch, so a command can refuse it before it writes anything; logs the
     * images each half will use.
     *
     * @throws IllegalArgumentException naming the split and its size when the limit is larger
     */
    public void checkSearchLimit() {
        int weight = weightHalf().size();
        int alpha = alphaHalf().size();
        LOG.info("search: {} weight-half and {} alpha-half images{}", weight, alpha, limitNote());
    }

    /**
     * Checks that the {@code limit} fits every split a retraining uses, the whole training set and
     * the test set, without creating any batch; logs the images each will use.
     *
     * @throws IllegalArgumentException naming the split and its size when the limit is larger
     */
    public void checkTrainingLimit() {
        int train = train().size();
        int test = test().size();
        LOG.info("training: {} training and {} test images{}", train, test, limitNote());
    }

    private String limitNote() {
        return options.limit() > 0 ? " (limit " + options.limit() + ")" : "";
    }

    /** Returns the first {@code portion} of the training set, which trains the weights. */
    public Split weightHalf() {
        return split("weight", dataset.train().slice(0, cut), true);
    }

    /** Returns the rest of the training set, which trains alpha and gives the validation figure. */
    public Split alphaHalf() {
        return split("alpha", dataset.train().slice(cut, dataset.train().size()), true);
    }

    /** Returns the test set, in order and without augmentation. */
    public Split test() {
        return split("test", dataset.test(), false);
    }

    private Split split(String name, ImageSet images, boolean training) {
        int limit = options.limit();
        if (limit > 0) {
            if (limit > images.size()) {
                throw new IllegalArgumentException(
                        "limit "
                                + limit
                                + " is larger than the "
                                + name
                                + " split of "
                                + dataset.name()
                                + " ("
                                + images.size()
                                + " images)");
            }
            images = images.slice(0, limit);
        }
        return new Split(name, images, normalization, augmentation, training, options.seed());
    }
}

package dev.prdarts.api.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole dataset in memory: its training and test images, shape and classes.
 *
 * @param name the dataset's name, for example {@code cifar10}
 * @param shape the shape of every image
 * @param classNames one name per class; labels lie in {@code 0..classNames.size()-1}
 * @param train the training images
 * @param test the test images
 * @param normalization known per-channel statistics (the published CIFAR constants), or empty to
 *     have them computed from the training set
 * @param home the folder the data was read from, where computed statistics are cached; empty for
 *     data that does not come from a folder
 * @param flipSafe whether random horizontal flips keep the images meaningful (false for digits)
 */
public record ImageDataset(
        String name,
        ImageShape shape,
        List<String> classNames,
        ImageSet train,
        ImageSet test,
        Optional<Normalization> normalization,
        Optional<Path> home,
        boolean flipSafe) {

    /** Creates a dataset and checks that its parts agree with each other. */
    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        normalization = normalization == null ? Optional.empty() : normalization;
        home = home == null ? Optional.empty() : home;
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " has no classes");
        }
        if (!train.shape().equals(shape) || !test.shape().equals(shape)) {
            throw new IllegalArgumentException(
                    "dataset "
                            + name
                            + " has shape "
                            + shape
                            + " but its training images are "
                            + train.shape()
                            + " and its test images "
                            + test.shape());
        }
        if (normalization.isPresent() && normalization.get().channels() != shape.channels()) {
            throw new IllegalArgumentException(
                    "dataset "
                            + name
                            + " has "
                            + shape.channels()
                            + " channels but its normalization has "
                            + normalization.get().channels());
        }
    }

    /** Returns the number of classes. */
    public int classes() {
        return classNames.size();
    }
}

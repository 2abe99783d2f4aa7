package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads an MNIST-style dataset: four IDX files, plain or gzipped, of 1-channel images.
 *
 * <p>Looks for {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} in the data folder, each either as it
 * is or with {@code .gz} appended (the plain file wins when both exist).
 */
abstract class IdxDatasetProvider implements DatasetProvider {

    private static final String EXPECTS =
            "IDX files train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
                    + " t10k-labels-idx1-ubyte (each optionally .gz)";

    /** Returns the class names, in label order. */
    abstract List<String> classNames();

    /** Returns the folder used when no data folder is given, or {@code null} if there is none. */
    abstract Path defaultFolder();

    /** Returns whether horizontal flips suit these images. */
    abstract boolean flipSafe();

    @Override
    public ImageDataset load(DatasetRequest request) throws IOException {
        Path dir = DataFiles.folder(request, defaultFolder(), name(), EXPECTS);
        Path trainImages = find(dir, "train-images-idx3-ubyte");
        Path trainLabels = find(dir, "train-labels-idx1-ubyte");
        Path testImages = find(dir, "t10k-images-idx3-ubyte");
        Path testLabels = find(dir, "t10k-labels-idx1-ubyte");

        ImageSet train = IdxFiles.read(trainImages, trainLabels, classNames().size());
        ImageSet test = IdxFiles.read(testImages, testLabels, classNames().size());
        if (!train.shape().equals(test.shape())) {
            throw new DatasetException(
                    testImages,
                    "holds images of "
                            + test.shape()
                            + " but "
                            + trainImages
                            + " holds images of "
                            + train.shape());
        }
        return new ImageDataset(
                name(),
                train.shape(),
                classNames(),
                train,
                test,
                Optional.empty(),
                Optional.of(dir),
                flipSafe());
    }

    private static Path find(Path dir, String name) throws IOException {
        return DataFiles.existing(dir, List.of(name, name + ".gz"), EXPECTS);
    }
}

package dev.prdarts.data.provider;

import java.nio.file.Path;
import java.util.List;

/**
 * Provides {@code fashion-mnist}: Zalando's Fashion-MNIST, 10 classes, 1x28x28, from IDX files.
 *
 * <p>Without a data folder it reads {@value #DEFAULT_FOLDER}, where the Debian package {@code
 * dataset-fashion-mnist} installs the gzipped files.
 */
public final class FashionMnistProvider extends IdxDatasetProvider {

    /** Where the Debian package installs the files. */
    public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";

    static final List<String> CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST, 10 classes, 1x28x28, IDX files (default folder "
                + DEFAULT_FOLDER
                + ")";
    }

    @Override
    List<String> classNames() {
        return CLASSES;
    }

    @Override
    Path defaultFolder() {
        return Path.of(DEFAULT_FOLDER);
    }

    @Override
    boolean flipSafe() {
        return true;
    }
}

package dev.prdarts.data.provider;

import java.nio.file.Path;
import java.util.List;

/**
 * Provides {@code mnist}: handwritten digits, 10 classes, 1x28x28, from IDX files.
 *
 * <p>Needs a data folder. Random horizontal flips are off by default: a mirrored digit is not the
 * same digit.
 */
public final class MnistProvider extends IdxDatasetProvider {

    private static final List<String> CLASSES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public String description() {
        return "MNIST digits, 10 classes, 1x28x28, IDX files (needs --data-dir)";
    }

    @Override
    List<String> classNames() {
        return CLASSES;
    }

    @Override
    Path defaultFolder() {
        return null;
    }

    @Override
    boolean flipSafe() {
        return false;
    }
}

package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Provides {@code builtin}: a class-balanced sample of Fashion-MNIST that ships inside the jar.
 *
 * <p>6,000 training images (600 per class) and 1,000 test images (100 per class), 1x28x28, stored
 * as gzipped IDX resources made by {@link BuiltinSampleTool} from the Debian package's files. It
 * needs no data folder, so a search runs on a fresh machine. A request that names a data folder is
 * refused: the folder would silently go unused.
 */
public final class BuiltinProvider implements DatasetProvider {

    /** The resource folder, relative to this class, holding the four IDX files. */
    static final String RESOURCES = "builtin/";

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public String description() {
        return "built-in Fashion-MNIST sample, 10 classes, 1x28x28, 6000 train / 1000 test images";
    }

    @Override
    public ImageDataset load(DatasetRequest request) throws IOException {
        if (request.dataDir().isPresent()) {
            throw new DatasetException(
                    "dataset 'builtin' is inside the jar and reads no data folder (got "
                            + request.dataDir().get()
                            + "); for Fashion-MNIST IDX files in a folder use dataset"
                            + " 'fashion-mnist'");
        }
        ImageSet train = read("train");
        ImageSet test = read("t10k");
        return new ImageDataset(
                name(),
                train.shape(),
                FashionMnistProvider.CLASSES,
                train,
                test,
                Optional.empty(),
                Optional.empty(),
                true);
    }

    private static ImageSet read(String prefix) throws IOException {
        return IdxFiles.read(
                resource(prefix + "-images-idx3-ubyte.gz"),
                resource(prefix + "-labels-idx1-ubyte.gz"),
                FashionMnistProvider.CLASSES.size());
    }

    private static IdxFiles.Source resource(String name) {
        String path = RESOURCES + name;
        return new IdxFiles.Source(
                Path.of(path),
                () -> {
                    InputStream in = BuiltinProvider.class.getResourceAsStream(path);
                    if (in == null) {
                        throw new DatasetException(
                                Path.of(path), "built-in sample resource is missing from the jar");
                    }
                    return in;
                });
    }
}

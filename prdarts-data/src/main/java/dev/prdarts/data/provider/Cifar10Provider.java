package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.Normalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Provides {@code cifar10}: the binary version of CIFAR-10 (10 classes, 3x32x32).
 *
 * <p>Reads {@code data_batch_1.bin} .. {@code data_batch_5.bin} (training) and {@code
 * test_batch.bin} from the data folder or its {@code cifar-10-batches-bin} subfolder. Records are
 * one label byte and 3,072 pixel bytes. Uses the published normalisation constants.
 */
public final class Cifar10Provider implements DatasetProvider {

    static final List<String> CLASSES =
            List.of(
                    "airplane",
                    "automobile",
                    "bird",
                    "cat",
                    "deer",
                    "dog",
                    "frog",
                    "horse",
                    "ship",
                    "truck");

    private static final String EXPECTS =
            "the CIFAR-10 binary version: data_batch_1.bin .. data_batch_5.bin, test_batch.bin";

    @Override
    public String name() {
        return "cifar10";
    }

    @Override
    public String description() {
        return "CIFAR-10 binary version, 10 classes, 3x32x32 (data_batch_1..5.bin, test_batch.bin)";
    }

    @Override
    public ImageDataset load(DatasetRequest request) throws IOException {
        Path dir = DataFiles.folder(request, null, name(), EXPECTS);
        dir = DataFiles.unpackedFolder(dir, "cifar-10-batches-bin", "test_batch.bin");
        List<Path> trainFiles = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            trainFiles.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        List<Path> all = new ArrayList<>(trainFiles);
        all.add(dir.resolve("test_batch.bin"));
        for (Path file : all) {
            DataFiles.existing(dir, List.of(file.getFileName().toString()), EXPECTS);
        }

        ImageSet train = CifarFiles.read(trainFiles, 1, 0, CLASSES.size());
        ImageSet test =
                CifarFiles.read(List.of(dir.resolve("test_batch.bin")), 1, 0, CLASSES.size());
        return new ImageDataset(
                name(),
                CifarFiles.SHAPE,
                CLASSES,
                train,
                test,
                Optional.of(Normalization.CIFAR10),
                Optional.of(dir),
                true);
    }
}

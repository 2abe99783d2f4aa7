package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.Normalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Provides {@code cifar100}: the binary version of CIFAR-100 with its 100 fine labels, 3x32x32.
 *
 * <p>Reads {@code train.bin} and {@code test.bin} from the data folder or its {@code
 * cifar-100-binary} subfolder. Records are two label bytes (coarse, then fine) and 3,072 pixel
 * bytes; the fine label is used. Uses the published normalisation constants.
 */
public final class Cifar100Provider implements DatasetProvider {

    static final List<String> CLASSES =
            List.of(
                    "apple",
                    "aquarium_fish",
                    "baby",
                    "bear",
                    "beaver",
                    "bed",
                    "bee",
                    "beetle",
                    "bicycle",
                    "bottle",
                    "bowl",
                    "boy",
                    "bridge",
                    "bus",
                    "butterfly",
                    "camel",
                    "can",
                    "castle",
                    "caterpillar",
                    "cattle",
                    "chair",
                    "chimpanzee",
                    "clock",
                    "cloud",
                    "cockroach",
                    "couch",
                    "crab",
                    "crocodile",
                    "cup",
                    "dinosaur",
                    "dolphin",
                    "elephant",
                    "flatfish",
                    "forest",
                    "fox",
                    "girl",
                    "hamster",
                    "house",
                    "kangaroo",
                    "keyboard",
                    "lamp",
                    "lawn_mower",
                    "leopard",
                    "lion",
                    "lizard",
                    "lobster",
                    "man",
                    "maple_tree",
                    "motorcycle",
                    "mountain",
                    "mouse",
                    "mushroom",
                    "oak_tree",
                    "orange",
                    "orchid",
                    "otter",
                    "palm_tree",
                    "pear",
                    "pickup_truck",
                    "pine_tree",
                    "plain",
                    "plate",
                    "poppy",
                    "porcupine",
                    "possum",
                    "rabbit",
                    "raccoon",
                    "ray",
                    "road",
                    "rocket",
                    "rose",
                    "sea",
                    "seal",
                    "shark",
                    "shrew",
                    "skunk",
                    "skyscraper",
                    "snail",
                    "snake",
                    "spider",
                    "squirrel",
                    "streetcar",
                    "sunflower",
                    "sweet_pepper",
                    "table",
                    "tank",
                    "telephone",
                    "television",
                    "tiger",
                    "tractor",
                    "train",
                    "trout",
                    "tulip",
                    "turtle",
                    "wardrobe",
                    "whale",
                    "willow_tree",
                    "wolf",
                    "woman",
                    "worm");

    private static final String EXPECTS = "the CIFAR-100 binary version: train.bin, test.bin";

    @Override
    public String name() {
        return "cifar100";
    }

    @Override
    public String description() {
        return "CIFAR-100 binary version, 100 fine classes, 3x32x32 (train.bin, test.bin)";
    }

    @Override
    public ImageDataset load(DatasetRequest request) throws IOException {
        Path dir = DataFiles.folder(request, null, name(), EXPECTS);
        dir = DataFiles.unpackedFolder(dir, "cifar-100-binary", "test.bin");
        Path trainFile = DataFiles.existing(dir, List.of("train.bin"), EXPECTS);
        Path testFile = DataFiles.existing(dir, List.of("test.bin"), EXPECTS);

        ImageSet train = CifarFiles.read(List.of(trainFile), 2, 1, CLASSES.size());
        ImageSet test = CifarFiles.read(List.of(testFile), 2, 1, CLASSES.size());
        return new ImageDataset(
                name(),
                CifarFiles.SHAPE,
                CLASSES,
                train,
                test,
                Optional.of(Normalization.CIFAR100),
                Optional.of(dir),
                true);
    }
}

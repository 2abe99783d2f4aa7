package dev.prdarts.data.provider;

import dev.prdarts.api.data.ImageSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Makes the built-in sample from the Fashion-MNIST IDX files (the tool behind {@code builtin}).
 *
 * <p>Keeps, in file order, the first {@code trainPerClass} training images and the first {@code
 * testPerClass} test images of every class, and writes them as gzipped IDX files. The result is
 * deterministic: same input files, same bytes out. Run from the repository root after {@code mvn
 * -pl prdarts-data -am compile}:
 *
 * <pre>
 * java -cp prdarts-api/target/classes:prdarts-data/target/classes \
 *     dev.prdarts.data.provider.BuiltinSampleTool /usr/share/datasets/fashion-mnist \
 *     prdarts-data/src/main/resources/dev/prdarts/data/provider/builtin 600 100
 * </pre>
 */
public final class BuiltinSampleTool {

    private BuiltinSampleTool() {}

    /**
     * Writes the sample; arguments: source folder, output folder, training images per class
     * (default 600), test images per class (default 100).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println(
                    "usage: BuiltinSampleTool SOURCE_DIR OUT_DIR [TRAIN_PER_CLASS]"
                            + " [TEST_PER_CLASS]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int trainPerClass = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int testPerClass = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int classes = FashionMnistProvider.CLASSES.size();

        Files.createDirectories(out);
        for (String prefix : new String[] {"train", "t10k"}) {
            ImageSet all =
                    IdxFiles.read(
                            source.resolve(prefix + "-images-idx3-ubyte.gz"),
                            source.resolve(prefix + "-labels-idx1-ubyte.gz"),
                            classes);
            int perClass = prefix.equals("train") ? trainPerClass : testPerClass;
            ImageSet sample = balancedHead(all, classes, perClass);
            Path images = out.resolve(prefix + "-images-idx3-ubyte.gz");
            Path labels = out.resolve(prefix + "-labels-idx1-ubyte.gz");
            IdxFiles.write(sample, images, labels);
            System.out.printf(
                    "%s: %d images, %d + %d bytes%n",
                    prefix, sample.size(), Files.size(images), Files.size(labels));
        }
    }

    /** Returns the first {@code perClass} images of every class, in their original order. */
    static ImageSet balancedHead(ImageSet all, int classes, int perClass) {
        int[] taken = new int[classes];
        int[] keep =
                IntStream.range(0, all.size())
                        .filter(i -> taken[all.label(i)]++ < perClass)
                        .toArray();
        if (Arrays.stream(taken).anyMatch(t -> t < perClass)) {
            throw new IllegalArgumentException(
                    "source has fewer than "
                            + perClass
                            + " images of some class: "
                            + Arrays.toString(taken));
        }
        byte[] pixels = new byte[keep.length * all.shape().size()];
        int[] labels = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            all.copyImage(keep[k], pixels, k * all.shape().size());
            labels[k] = all.label(keep[k]);
        }
        return new ImageSet(all.shape(), pixels, labels);
    }
}

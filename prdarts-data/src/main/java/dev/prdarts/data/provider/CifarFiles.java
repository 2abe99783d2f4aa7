package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100.
 *
 * <p>A file is a sequence of records: {@code labelBytes} label bytes, then 3,072 pixel bytes, the
 * 1,024 red values first, then green, then blue, each plane row by row. That is already the (C, H,
 * W) order {@link ImageSet} keeps.
 */
public final class CifarFiles {

    /** The shape of every CIFAR image. */
    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private CifarFiles() {}

    /**
     * Reads and concatenates the records of {@code files}, checking every file before keeping any.
     *
     * @param labelBytes label bytes per record (1 for CIFAR-10, 2 for CIFAR-100)
     * @param labelIndex which of the label bytes is the label (CIFAR-100: 1, the fine label)
     * @param classes labels must lie in {@code 0..classes-1}
     * @throws DatasetException if a file is missing, not a whole number of records, or holds a
     *     label outside the class range
     */
    public static ImageSet read(List<Path> files, int labelBytes, int labelIndex, int classes)
            throws IOException {
        int record = labelBytes + SHAPE.size();
        long total = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(file, "missing file");
            }
            long size = Files.size(file);
            if (size == 0 || size % record != 0) {
                throw new DatasetException(
                        file,
                        "size "
                                + size
                                + " bytes is not a whole number of "
                                + record
                                + "-byte records ("
                                + labelBytes
                                + " label "
                                + (labelBytes == 1 ? "byte" : "bytes")
                                + " + 3072 pixel bytes)");
            }
            total += size / record;
        }
        if (total * SHAPE.size() > Integer.MAX_VALUE - 8) {
            throw new DatasetException(
                    "the CIFAR files hold " + total + " images, too many to keep in memory");
        }

        byte[] pixels = new byte[Math.toIntExact(total * SHAPE.size())];
        int[] labels = new int[(int) total];
        int n = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            int records = bytes.length / record;
            for (int r = 0; r < records; r++) {
                int at = r * record;
                int label = bytes[at + labelIndex] & 0xFF;
                if (label >= classes) {
                    throw new DatasetException(
                            file,
                            "record "
                                    + r
                                    + " has label "
                                    + label
                                    + ", outside the class range 0.."
                                    + (classes - 1));
                }
                labels[n] = label;
                System.arraycopy(bytes, at + labelBytes, pixels, n * SHAPE.size(), SHAPE.size());
                n++;
            }
        }
        return new ImageSet(SHAPE, pixels, labels);
    }
}

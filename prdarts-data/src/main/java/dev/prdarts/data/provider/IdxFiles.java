package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX files of MNIST and Fashion-MNIST, plain or gzipped.
 *
 * <p>An image file starts with the big-endian ints 2051, N, rows, cols, followed by N * rows * cols
 * unsigned pixel bytes; a label file starts with 2049, N, followed by N label bytes. A file whose
 * name ends in {@code .gz} is read through gzip, any other file as it is.
 */
public final class IdxFiles {

    /** The magic number of an IDX image file (unsigned bytes, three dimensions). */
    public static final int IMAGES_MAGIC = 2051;

    /** The magic number of an IDX label file (unsigned bytes, one dimension). */
    public static final int LABELS_MAGIC = 2049;

    private IdxFiles() {}

    /**
     * Reads an image file and its label file into one set of 1-channel images.
     *
     * @param classes labels must lie in {@code 0..classes-1}
     * @throws DatasetException if either file is missing or malformed, their counts differ, or a
     *     label lies outside the class range
     */
    public static ImageSet read(Path imagesFile, Path labelsFile, int classes) throws IOException {
        requireFile(imagesFile);
        requireFile(labelsFile);
        return read(
                new Source(imagesFile, () -> Files.newInputStream(imagesFile)),
                new Source(labelsFile, () -> Files.newInputStream(labelsFile)),
                classes);
    }

    /**
     * Reads images and labels from two sources; the name of each is used in messages and to decide
     * whether it is gzipped.
     */
    public static ImageSet read(Source images, Source labels, int classes) throws IOException {
        byte[] imageBytes = readAll(images);
        byte[] labelBytes = readAll(labels);

        ByteBuffer ib = ByteBuffer.wrap(imageBytes);
        checkMagic(images.name(), ib, IMAGES_MAGIC, 16);
        int count = ib.getInt(4);
        int rows = ib.getInt(8);
        int cols = ib.getInt(12);
        if (count < 0 || rows < 1 || cols < 1) {
            throw new DatasetException(
                    images.name(),
                    "header declares "
                            + count
                            + " images of "
                            + rows
                            + "x"
                            + cols
                            + ", which is not a valid size");
        }
        long expected = (long) count * rows * cols;
        long held = imageBytes.length - 16L;
        if (held != expected) {
            throw new DatasetException(
                    images.name(),
                    "holds "
                            + held
                            + " pixel bytes, not a whole number of "
                            + rows
                            + "x"
                            + cols
                            + " images matching its header's count "
                            + count
                            + " ("
                            + expected
                            + " bytes)");
        }

        ByteBuffer lb = ByteBuffer.wrap(labelBytes);
        checkMagic(labels.name(), lb, LABELS_MAGIC, 8);
        int labelCount = lb.getInt(4);
        if (labelCount < 0 || labelBytes.length - 8L != labelCount) {
            throw new DatasetException(
                    labels.name(),
                    "holds "
                            + (labelBytes.length - 8L)
                            + " label bytes but its header declares "
                            + labelCount);
        }
        if (labelCount != count) {
            throw new DatasetException(
                    images.name(),
                    "holds "
                            + count
                            + " images but "
                            + labels.name()
                            + " holds "
                            + labelCount
                            + " labels");
        }

        int[] labelArray = new int[count];
        for (int i = 0; i < count; i++) {
            int label = labelBytes[8 + i] & 0xFF;
            if (label >= classes) {
                throw new DatasetException(
                        labels.name(),
                        "item "
                                + i
                                + " has label "
                                + label
                                + ", outside the class range 0.."
                                + (classes - 1));
            }
            labelArray[i] = label;
        }
        byte[] pixels = new byte[(int) expected];
        System.arraycopy(imageBytes, 16, pixels, 0, pixels.length);
        return new ImageSet(new ImageShape(1, rows, cols), pixels, labelArray);
    }

    /**
     * Writes {@code set} (1-channel images) as an image file and a label file, gzipped (at the best
     * compression) when a name ends in {@code .gz}.
     */
    public static void write(ImageSet set, Path imagesFile, Path labelsFile) throws IOException {
        ImageShape shape = set.shape();
        if (shape.channels() != 1) {
            throw new IllegalArgumentException(
                    "IDX files hold 1-channel images, got shape " + shape);
        }
        try (DataOutputStream out = new DataOutputStream(create(imagesFile))) {
            out.writeInt(IMAGES_MAGIC);
            out.writeInt(set.size());
            out.writeInt(shape.height());
            out.writeInt(shape.width());
            byte[] image = new byte[shape.size()];
            for (int i = 0; i < set.size(); i++) {
                set.copyImage(i, image, 0);
                out.write(image);
            }
        }
        try (DataOutputStream out = new DataOutputStream(create(labelsFile))) {
            out.writeInt(LABELS_MAGIC);
            out.writeInt(set.size());
            for (int i = 0; i < set.size(); i++) {
                out.writeByte(set.label(i));
            }
        }
    }

    private static void checkMagic(Path name, ByteBuffer buf, int magic, int headerBytes)
            throws DatasetException {
        String kind = magic == IMAGES_MAGIC ? "IDX images" : "IDX labels";
        if (buf.limit() < 4) {
            throw new DatasetException(
                    name, "is too short (" + buf.limit() + " bytes) to be an " + kind + " file");
        }
        int found = buf.getInt(0);
        if (found != magic) {
            String hint = "";
            if ((found >>> 16) == 0x1F8B) {
                hint = "; the file is gzip-compressed but its name does not end in .gz";
            } else if (found == IMAGES_MAGIC || found == LABELS_MAGIC) {
                hint =
                        found == IMAGES_MAGIC
                                ? "; it is an image file where labels were expected"
                                : "; it is a label file where images were expected";
            }
            throw new DatasetException(
                    name,
                    "wrong magic number "
                            + found
                            + " (0x"
                            + Integer.toHexString(found)
                            + "), expected "
                            + magic
                            + " for "
                            + kind
                            + hint);
        }
        if (buf.limit() < headerBytes) {
            throw new DatasetException(
                    name, "is too short (" + buf.limit() + " bytes) for an " + kind + " header");
        }
    }

    private static byte[] readAll(Source source) throws IOException {
        try (InputStream raw = source.opener().open()) {
            if (!isGzipName(source.name())) {
                return raw.readAllBytes();
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return in.readAllBytes();
            } catch (ZipException e) {
                throw new DatasetException(
                        source.name(),
                        "its name ends in .gz but it is not valid gzip data ("
                                + e.getMessage()
                                + ")",
                        e);
            } catch (EOFException e) {
                throw new DatasetException(source.name(), "gzip data ends too early", e);
            }
        }
    }

    private static void requireFile(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "missing file");
        }
    }

    private static OutputStream create(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (!isGzipName(file)) {
            return out;
        }
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        };
    }

    private static boolean isGzipName(Path name) {
        return name.getFileName().toString().endsWith(".gz");
    }

    /**
     * Where IDX bytes come from and the name they are reported under.
     *
     * @param name the file's path or resource name; a name ending in {@code .gz} means gzipped
     * @param opener opens the stream, which is closed after reading
     */
    public record Source(Path name, Opener opener) {}

    /** Opens a stream of IDX bytes. */
    @FunctionalInterface
    public interface Opener {

        /** Returns a new stream positioned at the first byte. */
        InputStream open() throws IOException;
    }
}

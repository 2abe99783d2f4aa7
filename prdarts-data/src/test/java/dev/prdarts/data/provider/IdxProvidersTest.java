package dev.prdarts.data.provider;

import static dev.prdarts.data.testing.DataFixtures.idxFolder;
import static dev.prdarts.data.testing.DataFixtures.idxImages;
import static dev.prdarts.data.testing.DataFixtures.idxLabels;
import static dev.prdarts.data.testing.DataFixtures.labels;
import static dev.prdarts.data.testing.DataFixtures.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxProvidersTest {

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idxImagesLabelsAndShapeComeBackExactly(boolean gzip) throws IOException {
        idxFolder(dir, 28, 28, gzip);

        ImageDataset ds = new MnistProvider().load(DatasetRequest.of(dir));

        assertEquals(new ImageShape(1, 28, 28), ds.shape());
        assertEquals(12, ds.train().size());
        assertEquals(5, ds.test().size());
        int[] expectedLabels = labels(12);
        for (int i = 0; i < 12; i++) {
            assertEquals(expectedLabels[i], ds.train().label(i));
            assertImage(ds.train(), i, 28, 28);
        }
        for (int i = 0; i < 5; i++) {
            assertImage(ds.test(), i, 28, 28);
        }
        assertFalse(ds.flipSafe(), "digits must not be mirrored by default");
    }

    @Test
    void nonSquareImagesKeepRowsAndColumns() throws IOException {
        idxFolder(dir, 5, 7, false);

        ImageSet train = new FashionMnistProvider().load(DatasetRequest.of(dir)).train();

        assertEquals(new ImageShape(1, 5, 7), train.shape());
        assertEquals(pattern(3, 2 * 7 + 6) & 0xFF, train.pixel(3, 0, 2, 6));
    }

    @Test
    void plainAndGzippedFilesMayBeMixed() throws IOException {
        idxFolder(dir, 4, 4, false);
        Path plain = dir.resolve("train-labels-idx1-ubyte");
        idxLabels(dir.resolve("train-labels-idx1-ubyte.gz"), 2049, labels(12), true);
        Files.delete(plain);

        ImageDataset ds = new FashionMnistProvider().load(DatasetRequest.of(dir));

        assertEquals(labels(12)[11], ds.train().label(11));
        assertTrue(ds.flipSafe());
        assertEquals(Optional.of(dir), ds.home());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        idxFolder(dir, 4, 4, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                dir.resolve("t10k-labels-idx1-ubyte")
                                        + ": missing file (or t10k-labels-idx1-ubyte.gz)"),
                e.getMessage());
    }

    @Test
    void mnistWithoutDataFolderAsksForOne() {
        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.defaults()));

        assertTrue(e.getMessage().startsWith("dataset mnist needs a data folder"), e.getMessage());
    }

    @Test
    void wrongMagicNumberIsRejected() throws IOException {
        idxFolder(dir, 4, 4, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        idxImages(images, 2052, 12, 4, 4, 12, false);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertEquals(
                images + ": wrong magic number 2052 (0x804), expected 2051 for IDX images",
                e.getMessage());
    }

    @Test
    void labelFileGivenAsImagesIsRecognised() throws IOException {
        idxFolder(dir, 4, 4, false);
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        Files.copy(
                dir.resolve("t10k-labels-idx1-ubyte"),
                images,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertTrue(
                e.getMessage().startsWith(images + ": wrong magic number 2049")
                        && e.getMessage().endsWith("it is a label file where images were expected"),
                e.getMessage());
    }

    @Test
    void gzippedFileReadAsPlainIsRecognised() throws IOException {
        idxFolder(dir, 4, 4, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        idxImages(images, 2051, 12, 4, 4, 12, true);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertTrue(e.getMessage().startsWith(images + ": wrong magic number"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("the file is gzip-compressed but its name does not end in .gz"),
                e.getMessage());
    }

    @Test
    void plainFileNamedGzIsRejected() throws IOException {
        idxFolder(dir, 4, 4, true);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        idxLabels(labels, 2049, labels(12), false);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertTrue(
                e.getMessage()
                        .startsWith(labels + ": its name ends in .gz but it is not valid gzip"),
                e.getMessage());
    }

    @Test
    void pixelBytesThatDoNotMatchTheHeaderAreRejected() throws IOException {
        idxFolder(dir, 4, 4, true);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        idxImages(images, 2051, 12, 4, 4, 11, true);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertEquals(
                images
                        + ": holds 176 pixel bytes, not a whole number of 4x4 images matching its"
                        + " header's count 12 (192 bytes)",
                e.getMessage());
    }

    @Test
    void differentImageAndLabelCountsAreRejected() throws IOException {
        idxFolder(dir, 4, 4, false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        idxLabels(labels, 2049, labels(11), false);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new MnistProvider().load(DatasetRequest.of(dir)));

        assertEquals(
                dir.resolve("train-images-idx3-ubyte")
                        + ": holds 12 images but "
                        + labels
                        + " holds 11 labels",
                e.getMessage());
    }

    @Test
    void labelOutsideTheClassRangeIsRejected() throws IOException {
        idxFolder(dir, 4, 4, false);
        int[] bad = labels(5);
        bad[3] = 11;
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        idxLabels(labels, 2049, bad, false);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new FashionMnistProvider().load(DatasetRequest.of(dir)));

        assertEquals(
                labels + ": item 3 has label 11, outside the class range 0..9", e.getMessage());
    }

    @Test
    void writtenFilesReadBackIdentically() throws IOException {
        idxFolder(dir, 6, 6, false);
        ImageSet original = new MnistProvider().load(DatasetRequest.of(dir)).train();
        Path images = dir.resolve("copy-images.gz");
        Path labelFile = dir.resolve("copy-labels.gz");

        IdxFiles.write(original, images, labelFile);
        ImageSet copy = IdxFiles.read(images, labelFile, 10);

        assertEquals(original.size(), copy.size());
        byte[] a = new byte[36];
        byte[] b = new byte[36];
        for (int i = 0; i < copy.size(); i++) {
            original.copyImage(i, a, 0);
            copy.copyImage(i, b, 0);
            assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
            assertEquals(original.label(i), copy.label(i));
        }
    }

    private static void assertImage(ImageSet set, int index, int rows, int cols) {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                assertEquals(
                        pattern(index, y * cols + x) & 0xFF,
                        set.pixel(index, 0, y, x),
                        "image " + index + " pixel " + y + "," + x);
            }
        }
    }
}

package dev.prdarts.data.provider;

import static dev.prdarts.data.testing.DataFixtures.cifar;
import static dev.prdarts.data.testing.DataFixtures.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarProvidersTest {

    @TempDir Path dir;

    /** Writes batch b with 3 records (labels (b + r) % 10) for images 3b .. 3b+2; test: 2. */
    private void writeCifar10(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            int first = 3 * (b - 1);
            cifar(
                    folder.resolve("data_batch_" + b + ".bin"),
                    new int[][] {{first % 10}, {(first + 1) % 10}, {(first + 2) % 10}},
                    first);
        }
        cifar(folder.resolve("test_batch.bin"), new int[][] {{9}, {0}}, 100);
    }

    @Test
    void cifar10ImagesLabelsAndShapeComeBackExactly() throws IOException {
        writeCifar10(dir);

        ImageDataset ds = new Cifar10Provider().load(DatasetRequest.of(dir));

        assertEquals(new ImageShape(3, 32, 32), ds.shape());
        assertEquals(10, ds.classes());
        assertEquals("airplane", ds.classNames().get(0));
        assertEquals(Optional.of(Normalization.CIFAR10), ds.normalization());
        assertEquals(15, ds.train().size());
        assertEquals(2, ds.test().size());
        for (int i = 0; i < 15; i++) {
            assertEquals(i % 10, ds.train().label(i));
            assertImage(ds.train(), i, i);
        }
        assertEquals(9, ds.test().label(0));
        assertEquals(0, ds.test().label(1));
        assertImage(ds.test(), 1, 101);
    }

    @Test
    void cifar10RecordsAreChannelMajor() throws IOException {
        writeCifar10(dir);

        ImageSet train = new Cifar10Provider().load(DatasetRequest.of(dir)).train();

        // byte 1024 of a record's pixels is the first green value, byte 2047+1 the first blue one
        assertEquals(pattern(4, 1024) & 0xFF, train.pixel(4, 1, 0, 0));
        assertEquals(pattern(4, 2048 + 32 * 5 + 7) & 0xFF, train.pixel(4, 2, 5, 7));
    }

    @Test
    void cifar10IsFoundInTheFolderTheArchiveUnpacksTo() throws IOException {
        writeCifar10(dir.resolve("cifar-10-batches-bin"));

        ImageDataset ds = new Cifar10Provider().load(DatasetRequest.of(dir));

        assertEquals(15, ds.train().size());
    }

    @Test
    void cifar100UsesTheFineLabel() throws IOException {
        cifar(dir.resolve("train.bin"), new int[][] {{3, 99}, {19, 0}, {0, 57}}, 0);
        cifar(dir.resolve("test.bin"), new int[][] {{7, 42}}, 50);

        ImageDataset ds = new Cifar100Provider().load(DatasetRequest.of(dir));

        assertEquals(100, ds.classes());
        assertEquals("worm", ds.classNames().get(99));
        assertEquals(99, ds.train().label(0));
        assertEquals(0, ds.train().label(1));
        assertEquals(57, ds.train().label(2));
        assertEquals(42, ds.test().label(0));
        assertImage(ds.train(), 2, 2);
        assertImage(ds.test(), 0, 50);
        assertEquals(Optional.of(Normalization.CIFAR100), ds.normalization());
    }

    @Test
    void missingBatchFileIsNamed() throws IOException {
        writeCifar10(dir);
        Files.delete(dir.resolve("data_batch_3.bin"));

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar10Provider().load(DatasetRequest.of(dir)));

        assertEquals(dir.resolve("data_batch_3.bin"), e.file());
        assertTrue(e.getMessage().startsWith(dir.resolve("data_batch_3.bin") + ": missing file"));
    }

    @Test
    void missingDataFolderIsNamed() {
        Path nowhere = dir.resolve("nowhere");

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar10Provider().load(DatasetRequest.of(nowhere)));

        assertTrue(e.getMessage().startsWith(nowhere + ": missing data folder"), e.getMessage());
    }

    @Test
    void cifarWithoutDataFolderAsksForOne() {
        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar100Provider().load(DatasetRequest.defaults()));

        assertTrue(e.getMessage().contains("cifar100 needs a data folder"), e.getMessage());
    }

    @Test
    void fileThatIsNotWholeRecordsIsRejected() throws IOException {
        writeCifar10(dir);
        Path bad = dir.resolve("data_batch_2.bin");
        try (OutputStream out = Files.newOutputStream(bad, StandardOpenOption.APPEND)) {
            out.write(new byte[] {1, 2, 3});
        }

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar10Provider().load(DatasetRequest.of(dir)));

        assertEquals(
                bad
                        + ": size 9222 bytes is not a whole number of 3073-byte records (1 label"
                        + " byte + 3072 pixel bytes)",
                e.getMessage());
    }

    @Test
    void cifar100RecordSizeIsChecked() throws IOException {
        // a CIFAR-10 file (3073-byte records) read as CIFAR-100 (3074-byte records)
        cifar(dir.resolve("train.bin"), new int[][] {{1}, {2}}, 0);
        cifar(dir.resolve("test.bin"), new int[][] {{1, 2}}, 0);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar100Provider().load(DatasetRequest.of(dir)));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                dir.resolve("train.bin")
                                        + ": size 6146 bytes is not a whole number of 3074-byte"
                                        + " records"),
                e.getMessage());
    }

    @Test
    void labelOutsideTheClassRangeIsRejected() throws IOException {
        writeCifar10(dir);
        cifar(dir.resolve("test_batch.bin"), new int[][] {{3}, {10}}, 0);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar10Provider().load(DatasetRequest.of(dir)));

        assertEquals(
                dir.resolve("test_batch.bin")
                        + ": record 1 has label 10, outside the class range 0..9",
                e.getMessage());
    }

    @Test
    void fineLabelOutsideTheClassRangeIsRejected() throws IOException {
        cifar(dir.resolve("train.bin"), new int[][] {{3, 99}, {19, 100}}, 0);
        cifar(dir.resolve("test.bin"), new int[][] {{7, 42}}, 50);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new Cifar100Provider().load(DatasetRequest.of(dir)));

        assertEquals(
                dir.resolve("train.bin")
                        + ": record 1 has label 100, outside the class range 0..99",
                e.getMessage());
    }

    @Test
    void cifar100HasOneHundredDistinctClassNames() {
        assertEquals(100, Cifar100Provider.CLASSES.stream().distinct().count());
    }

    private static void assertImage(ImageSet set, int index, int patternImage) {
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int p = c * 1024 + y * 32 + x;
                    assertEquals(
                            pattern(patternImage, p) & 0xFF,
                            set.pixel(index, c, y, x),
                            "image " + index + " pixel " + c + "," + y + "," + x);
                }
            }
        }
    }
}

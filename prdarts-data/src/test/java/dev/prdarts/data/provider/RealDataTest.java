package dev.prdarts.data.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealDataTest {

    private static final Path DEBIAN = Path.of(FashionMnistProvider.DEFAULT_FOLDER);

    @Test
    void builtinSampleIsAlwaysThereAndClassBalanced() throws IOException {
        ImageDataset ds = new BuiltinProvider().load(DatasetRequest.defaults());

        assertEquals("builtin", ds.name());
        assertEquals(new ImageShape(1, 28, 28), ds.shape());
        assertEquals(10, ds.classes());
        assertEquals(6000, ds.train().size());
        assertEquals(1000, ds.test().size());
        int[] trainCounts = ds.train().classCounts(10);
        int[] testCounts = ds.test().classCounts(10);
        for (int c = 0; c < 10; c++) {
            assertEquals(600, trainCounts[c], "train images of class " + c);
            assertEquals(100, testCounts[c], "test images of class " + c);
        }
        assertTrue(ds.home().isEmpty());
    }

    @Test
    void builtinSampleRefusesADataFolder() {
        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new BuiltinProvider().load(DatasetRequest.of(Path.of("/data/fm"))));
        assertTrue(e.getMessage().contains("reads no data folder (got /data/fm)"), e.getMessage());
    }

    @Test
    void builtinResourcesStayUnderFourMegabytes() throws IOException {
        long total = 0;
        for (String name :
                new String[] {
                    "train-images-idx3-ubyte.gz",
                    "train-labels-idx1-ubyte.gz",
                    "t10k-images-idx3-ubyte.gz",
                    "t10k-labels-idx1-ubyte.gz"
                }) {
            try (var in =
                    BuiltinProvider.class.getResourceAsStream(BuiltinProvider.RESOURCES + name)) {
                total += in.readAllBytes().length;
            }
        }
        assertTrue(total <= 4_000_000, "built-in sample takes " + total + " bytes");
    }

    @Test
    void debianFashionMnistIsReadWhenInstalled() throws IOException {
        assumeTrue(
                Files.isRegularFile(DEBIAN.resolve("train-images-idx3-ubyte.gz")),
                "dataset-fashion-mnist is not installed");

        ImageDataset ds = new FashionMnistProvider().load(DatasetRequest.defaults());

        assertEquals(new ImageShape(1, 28, 28), ds.shape());
        assertEquals(60000, ds.train().size());
        assertEquals(10000, ds.test().size());
        int[] counts = ds.train().classCounts(10);
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, counts[c]);
        }
        // the published first training image is an ankle boot (9), the first test image too
        assertEquals(9, ds.train().label(0));
        assertEquals(9, ds.test().label(0));
    }

    @Test
    void builtinSampleIsTheFirstImagesOfEachClassOfTheDebianFiles() throws IOException {
        assumeTrue(
                Files.isRegularFile(DEBIAN.resolve("t10k-images-idx3-ubyte.gz")),
                "dataset-fashion-mnist is not installed");

        ImageSet full = new FashionMnistProvider().load(DatasetRequest.defaults()).test();
        ImageSet sample = new BuiltinProvider().load(DatasetRequest.defaults()).test();

        int[] seen = new int[10];
        byte[] a = new byte[784];
        byte[] b = new byte[784];
        int k = 0;
        for (int i = 0; i < full.size(); i++) {
            if (seen[full.label(i)]++ >= 100) {
                continue;
            }
            full.copyImage(i, a, 0);
            sample.copyImage(k, b, 0);
            assertArrayEquals(a, b, "sample image " + k + " = full test image " + i);
            assertEquals(full.label(i), sample.label(k));
            k++;
        }
        assertEquals(sample.size(), k);
    }
}

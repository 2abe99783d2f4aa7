package dev.prdarts.data.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderProviderTest {

    @TempDir Path dir;

    private static int red(int image, int y, int x) {
        return (image * 40 + y * 8 + x) & 0xFF;
    }

    private static int green(int image, int y, int x) {
        return (image * 3 + y * x) & 0xFF;
    }

    private static int blue(int image, int y, int x) {
        return (255 - image - x * 9) & 0xFF;
    }

    /** Writes an 8x8 RGB PNG whose channels follow red/green/blue(image, y, x). */
    private static void rgbPng(Path file, int image) throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(
                        x, y, red(image, y, x) << 16 | green(image, y, x) << 8 | blue(image, y, x));
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, "png", file.toFile()));
    }

    private static void greyPng(Path file, int size, int value) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.getRaster().setSample(x, y, 0, (value + x + y) & 0xFF);
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, "png", file.toFile()));
    }

    private static void uniformJpeg(Path file, int size, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, "jpg", file.toFile()));
    }

    @Test
    void trainAndTestFoldersGiveExactPixelsLabelsAndClasses() throws IOException {
        rgbPng(dir.resolve("train/cat/a.png"), 0);
        rgbPng(dir.resolve("train/cat/b.png"), 1);
        rgbPng(dir.resolve("train/dog/a.png"), 2);
        rgbPng(dir.resolve("test/cat/x.png"), 3);
        rgbPng(dir.resolve("test/dog/y.png"), 4);
        Files.writeString(dir.resolve("train/dog/notes.txt"), "not an image");

        ImageDataset ds = new ImageFolderProvider().load(new DatasetRequest(Optional.of(dir), 8));

        assertEquals(new ImageShape(3, 8, 8), ds.shape());
        assertEquals(List.of("cat", "dog"), ds.classNames());
        assertEquals(3, ds.train().size());
        assertEquals(2, ds.test().size());
        // interleaved by class: cat/a, dog/a, cat/b
        int[] expectedImage = {0, 2, 1};
        int[] expectedLabel = {0, 1, 0};
        for (int i = 0; i < 3; i++) {
            assertEquals(expectedLabel[i], ds.train().label(i));
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int k = expectedImage[i];
                    assertEquals(red(k, y, x), ds.train().pixel(i, 0, y, x));
                    assertEquals(green(k, y, x), ds.train().pixel(i, 1, y, x));
                    assertEquals(blue(k, y, x), ds.train().pixel(i, 2, y, x));
                }
            }
        }
        assertEquals(1, ds.test().label(1));
        assertEquals(red(4, 7, 7), ds.test().pixel(1, 0, 7, 7));
    }

    @Test
    void greyImagesGiveOneChannelAndAreResized() throws IOException {
        for (int i = 0; i < 6; i++) {
            greyPng(dir.resolve("zero/" + i + ".png"), 16, 10 * i);
            greyPng(dir.resolve("one/" + i + ".png"), 16, 100);
        }

        ImageDataset ds = new ImageFolderProvider().load(new DatasetRequest(Optional.of(dir), 8));

        assertEquals(new ImageShape(1, 8, 8), ds.shape());
        assertEquals(List.of("one", "zero"), ds.classNames());
        // every sixth image of each class is held out for the test set
        assertEquals(10, ds.train().size());
        assertEquals(2, ds.test().size());
        // 16 -> 8: output pixel 3 is centred on source coordinate 6.5 and the filter is symmetric,
        // so the linear ramp 100 + x + y of image one/0 gives 100 + 6.5 + 6.5 there.
        assertEquals(113, ds.train().pixel(0, 0, 3, 3));
        assertEquals(0, ds.train().label(0));
    }

    @Test
    void colourJpegIsDecodedToItsColour() throws IOException {
        for (int i = 0; i < 6; i++) {
            uniformJpeg(dir.resolve("a/" + i + ".jpg"), 40, 0x3080C0);
        }

        ImageDataset ds = new ImageFolderProvider().load(DatasetRequest.of(dir));

        assertEquals(new ImageShape(3, 32, 32), ds.shape());
        assertEquals(5, ds.train().size());
        assertEquals(1, ds.test().size());
        assertTrue(Math.abs(ds.train().pixel(0, 0, 10, 10) - 0x30) <= 3);
        assertTrue(Math.abs(ds.train().pixel(0, 1, 10, 10) - 0x80) <= 3);
        assertTrue(Math.abs(ds.train().pixel(0, 2, 10, 10) - 0xC0) <= 3);
    }

    @Test
    void emptyFolderIsRejected() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () ->
                                new ImageFolderProvider()
                                        .load(DatasetRequest.of(dir.resolve("empty"))));

        assertTrue(
                e.getMessage()
                        .startsWith(
                                dir.resolve("empty") + ": image folder has no class subfolders"),
                e.getMessage());
    }

    @Test
    void classFolderWithoutImagesIsRejected() throws IOException {
        rgbPng(dir.resolve("cat/a.png"), 0);
        Files.createDirectories(dir.resolve("dog"));
        Files.writeString(dir.resolve("dog/readme.txt"), "no images");

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new ImageFolderProvider().load(DatasetRequest.of(dir)));

        assertEquals(
                dir.resolve("dog") + ": class folder holds no PNG/JPEG images", e.getMessage());
    }

    @Test
    void unreadableImageIsNamed() throws IOException {
        for (int i = 0; i < 6; i++) {
            rgbPng(dir.resolve("cat/" + i + ".png"), i);
        }
        Path broken = dir.resolve("cat/3.png");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5});

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new ImageFolderProvider().load(DatasetRequest.of(dir)));

        assertTrue(
                e.getMessage().startsWith(broken + ": image cannot be read as PNG/JPEG"),
                e.getMessage());
    }

    @Test
    void tooFewImagesForATestSetAreRejected() throws IOException {
        rgbPng(dir.resolve("cat/a.png"), 0);

        DatasetException e =
                assertThrows(
                        DatasetException.class,
                        () -> new ImageFolderProvider().load(DatasetRequest.of(dir)));

        assertTrue(e.getMessage().contains("too few images for a test set"), e.getMessage());
    }
}

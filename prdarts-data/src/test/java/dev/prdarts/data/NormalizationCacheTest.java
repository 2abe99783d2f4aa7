package dev.prdarts.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.api.data.ImageSet;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.data.Normalization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizationCacheTest {

    @TempDir Path tmp;

    /** Two 2-channel 1x2 images: channel 0 = {0, 255, 255, 0}, channel 1 = all 51. */
    private static ImageSet twoImages() {
        byte[] pixels = {0, (byte) 255, 51, 51, (byte) 255, 0, 51, 51};
        return new ImageSet(new ImageShape(2, 1, 2), pixels, new int[] {0, 1});
    }

    private static ImageDataset dataset(Path home) {
        return new ImageDataset(
                "tiny",
                new ImageShape(2, 1, 2),
                List.of("a", "b"),
                twoImages(),
                twoImages(),
                Optional.empty(),
                Optional.ofNullable(home),
                true);
    }

    @Test
    void statisticsAreMeanAndStdOfEachChannel() {
        Normalization n = NormalizationCache.compute(twoImages());

        assertEquals(0.5, n.mean().get(0), 1e-12);
        assertEquals(0.5, n.std().get(0), 1e-12);
        assertEquals(0.2, n.mean().get(1), 1e-12);
        // a constant channel would divide by zero: its std becomes 1
        assertEquals(1.0, n.std().get(1), 1e-12);
    }

    @Test
    void knownConstantsAreUsedAsTheyAre() {
        ImageDataset ds =
                new ImageDataset(
                        "c",
                        new ImageShape(3, 1, 1),
                        List.of("a"),
                        new ImageSet(new ImageShape(3, 1, 1), new byte[3], new int[1]),
                        new ImageSet(new ImageShape(3, 1, 1), new byte[3], new int[1]),
                        Optional.of(Normalization.CIFAR10),
                        Optional.of(tmp),
                        true);

        assertEquals(Normalization.CIFAR10, new NormalizationCache(tmp).resolve(ds));
        assertEquals(0.4914, Normalization.CIFAR10.mean().get(0));
        assertEquals(0.2616, Normalization.CIFAR10.std().get(2));
        assertTrue(Files.notExists(tmp.resolve("prdarts-normalization-c.properties")));
    }

    @Test
    void statisticsAreCachedNextToTheDataAndReadBack() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("data"));
        Path fallback = tmp.resolve("fallback");
        NormalizationCache cache = new NormalizationCache(fallback);

        Normalization first = cache.resolve(dataset(home));
        Path file = home.resolve("prdarts-normalization-tiny.properties");
        assertTrue(Files.isRegularFile(file));
        assertFalse(Files.exists(fallback));

        // a doctored cache value proves the second call reads the file instead of recomputing
        String text = Files.readString(file).replaceFirst("mean=0\\.5,", "mean=0.25,");
        Files.writeString(file, text);
        Normalization second = cache.resolve(dataset(home));

        assertEquals(0.5, first.mean().get(0), 1e-12);
        assertEquals(0.25, second.mean().get(0), 1e-12);
    }

    @Test
    void cacheOfOtherDataIsIgnored() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("data"));
        NormalizationCache cache = new NormalizationCache(tmp.resolve("fallback"));
        cache.resolve(dataset(home));
        Path file = home.resolve("prdarts-normalization-tiny.properties");
        Files.writeString(
                file,
                Files.readString(file)
                        .replaceFirst("images=2", "images=3")
                        .replaceFirst("mean=0\\.5,", "mean=0.25,"));

        Normalization again = cache.resolve(dataset(home));

        assertEquals(0.5, again.mean().get(0), 1e-12);
    }

    @Test
    void readOnlyDataFolderCachesInTheFallbackFolder() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("readonly"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path fallback = tmp.resolve("user-cache");
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    Files.isWritable(home), "running as a user who can write anywhere");

            new NormalizationCache(fallback).resolve(dataset(home));

            try (Stream<Path> files = Files.list(fallback)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertEquals(1, names.size());
                assertTrue(names.get(0).startsWith("prdarts-normalization-tiny-"));
            }
        } finally {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void dataFolderThatCannotHoldFilesCachesInTheFallbackFolder() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "x");
        Path fallback = tmp.resolve("user-cache");

        Normalization n = new NormalizationCache(fallback).resolve(dataset(notAFolder));

        assertEquals(0.5, n.mean().get(0), 1e-12);
        try (Stream<Path> files = Files.list(fallback)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void dataWithoutAFolderIsCachedInTheFallbackFolder() throws IOException {
        Path fallback = tmp.resolve("user-cache");

        new NormalizationCache(fallback).resolve(dataset(null));

        try (Stream<Path> files = Files.list(fallback)) {
            assertEquals(1, files.count());
        }
    }
}

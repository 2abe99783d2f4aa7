package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script's checks that run before it builds or starts anything. */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "prdarts").toAbsolutePath().normalize();

    @TempDir Path dir;

    private record Result(int code, String output) {}

    private static Result launch(String malloc) throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder("bash", LAUNCHER.toString(), "spaces").redirectErrorStream(true);
        pb.environment().put("PRDARTS_MALLOC", malloc);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void unknownAllocatorKeywordIsOneErrorLine() throws Exception {
        Result r = launch("fastest");

        assertEquals(2, r.code(), r.output());
        assertEquals(
                "prdarts: error: PRDARTS_MALLOC=fastest: unknown value (use auto, tcmalloc, system"
                        + " or the path of a shared library)",
                r.output().strip());
    }

    @Test
    void aFileTheLoaderCannotPreloadIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("libfake.so"), "not a library");

        Result r = launch(text.toString());

        assertEquals(2, r.code(), r.output());
        String expected = "prdarts: error: PRDARTS_MALLOC=" + text + ": cannot be preloaded (";
        assertTrue(r.output().strip().startsWith(expected), r.output());
        assertEquals(1, r.output().strip().lines().count(), r.output());
    }

    @Test
    void pathsThatLdPreloadWouldSplitAreRefused() throws Exception {
        Path spaced = Files.createDirectories(dir.resolve("a b")).resolve("liba.so");
        Files.writeString(spaced, "x");

        Result r = launch(spaced.toString());

        assertEquals(2, r.code(), r.output());
        assertTrue(
                r.output()
                        .strip()
                        .endsWith(": LD_PRELOAD cannot hold a path with spaces or colons"),
                r.output());
    }

    @Test
    void missingLibraryAndFolderAreNamed() throws Exception {
        Result missing = launch(dir.resolve("nothing.so").toString());
        Result folder = launch(dir.toString());

        assertEquals(2, missing.code(), missing.output());
        assertTrue(missing.output().strip().endsWith(": no such file"), missing.output());
        assertEquals(2, folder.code(), folder.output());
        assertTrue(
                folder.output().strip().endsWith(": is a folder, not a shared library"),
                folder.output());
    }
}

package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a search in a child JVM and reads its real stderr, where the PyTorch native library writes
 * its warnings (they bypass {@code System.err}, and each is printed once per process).
 */
class NativeWarningsTest {

    /** Two short cycles on 16 images per half, the first ending with morphs (weight transfer). */
    private static final String TINY =
            "threads = 1\ndevice = \"cpu\"\n[data]\nlimit = 16\n"
                    + "[search]\nchannels = 4\ncells = 3\n"
                    + "[batch]\nmin = 16\nmax = 16\n"
                    + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 2\nkept = 3\n"
                    + "[[cycles]]\nepochs = 2\ngrace = 1\nmorphs = 0\nkept = 1\n";

    @Test
    void searchPrintsNoNativeDeprecationWarning(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("tiny.toml"), TINY);
        Path err = dir.resolve("stderr.txt");
        List<String> cmd =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Dai.djl.offline=true",
                        "-Dai.djl.default_engine=PyTorch",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "search",
                        "--config",
                        config.toString(),
                        "--out",
                        dir.resolve("run").toString(),
                        "--no-report");
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");

        Process p = pb.start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String stderr = read(err);

        assertTrue(ended, "the search did not end within 300 s:\n" + stderr);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("cycle 2/2 epoch 2/2"), stderr);
        assertFalse(stderr.contains("AutoNonVariableTypeMode"), stderr);
        assertFalse(stderr.contains("Warning:"), stderr);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}

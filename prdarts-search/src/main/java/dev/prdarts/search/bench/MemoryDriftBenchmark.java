package dev.prdarts.search.bench;

import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.hardware.MemoryProbeRegistry;
import dev.prdarts.search.config.ConfigException;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.SearchRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that native memory does not grow while a search trains: runs a tiny one-cycle search on
 * synthetic 3x16x16 images and records the resident memory after every epoch.
 */
public final class MemoryDriftBenchmark {

    private MemoryDriftBenchmark() {}

    /**
     * The resident memory after each epoch.
     *
     * @param residentBytes the resident memory after epoch 1, 2, ...
     * @param seconds the time of the whole search
     */
    public record Result(List<Long> residentBytes, double seconds) {

        /**
         * Returns the resident memory after epoch {@code later} relative to after epoch {@code
         * earlier} (both 1-based), for example 1.02 for 2% growth.
         */
        public double ratio(int earlier, int later) {
            return residentBytes.get(later - 1) / (double) residentBytes.get(earlier - 1);
        }
    }

    /**
     * Runs the tiny search.
     *
     * @param epochs the epochs of its single cycle, at least 2
     * @param space the constraint space (no morphs happen in a single cycle)
     * @param seed the seed of data and network
     */
    public static Result run(int epochs, ConstraintSpace space, long seed) throws IOException {
        if (epochs < 2) {
            throw new IllegalArgumentException("memory drift needs >= 2 epochs, got " + epochs);
        }
        SearchConfig config;
        try {
            config =
                    new SearchConfigLoader()
                            .parse(
                                    "memory drift",
                                    "seed = "
                                            + seed
                                            + "\n[data]\ndataset = \"synthetic\"\nlimit = 0\n"
                                            + "[search]\nchannels = 8\ncells = 5\n"
                                            + "[batch]\nmin = 32\nmult = 8\nmax = 32\n"
                                            + "[[cycles]]\nepochs = "
                                            + epochs
                                            + "\ngrace = 1\nmorphs = 0\nkept = 1\n");
        } catch (ConfigException e) {
            throw new IllegalStateException("memory drift config is invalid: " + e.getMessage(), e);
        }
        BatchSizeManager batches =
                new BatchSizeManager(
                        new BatchSizeConfig(32, 8, 32, 0.95),
                        new MemoryProbeRegistry().create(MemoryProbeOptions.cpu()));
        Path dir = Files.createTempDirectory("prdarts-memory-drift");
        List<Long> resident = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            SearchRunner runner =
                    new SearchRunner(
                            config,
                            SyntheticData.splits(new ImageShape(3, 16, 16), 4, 512, seed),
                            space,
                            batches,
                            null,
                            RunFolder.prepare(dir, false));
            runner.setEpochListener(m -> resident.add(ResidentMemory.current()));
            runner.run();
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return new Result(resident, (System.nanoTime() - t0) / 1e9);
    }
}

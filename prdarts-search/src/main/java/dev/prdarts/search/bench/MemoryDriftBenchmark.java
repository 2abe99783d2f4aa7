package dev.prdarts.search.bench;

import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.hardware.EngineThreads;
import dev.prdarts.hardware.MemoryProbeRegistry;
import dev.prdarts.ops.space.SpaceRegistry;
import dev.prdarts.search.config.ConfigException;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.SearchRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks that native memory does not grow while a search trains: runs a tiny one-cycle search on
 * synthetic 3x16x16 images and records the resident memory after every epoch.
 *
 * <p>{@link #runInFreshJvm} is the measurement to trust. In a running JVM two things hide or fake
 * growth: the Java heap's pages become resident one by one as the heap fills for the first time
 * (hundreds of MB that are not native memory), and memory the native allocator keeps from earlier
 * large work absorbs a leak without the resident size moving. A fresh JVM with a fixed heap that is
 * touched at start has neither.
 */
public final class MemoryDriftBenchmark {

    /** The fewest epochs worth a check: epoch 2 is the reference, so a later one must follow. */
    public static final int MIN_EPOCHS = 3;

    /** The start of the result line a child JVM prints. */
    static final String RESULT_MARKER = "prdarts-memory-drift:";

    /** The child JVM's fixed heap. */
    static final String CHILD_HEAP = "512m";

    /** The longest a child may run. */
    private static final long CHILD_TIMEOUT_MINUTES = 20;

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
            RunFolder.deleteTree(dir);
        }
        return new Result(resident, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Runs the tiny search in a new JVM (this one's {@code java} and class path) with a fixed heap
     * of {@value #CHILD_HEAP} touched at start, the DL space and {@code threads} engine threads.
     * The child inherits the environment, so the native allocator and OpenMP settings are this
     * process's.
     *
     * @throws IOException if the child cannot start, fails or prints no result
     */
    public static Result runInFreshJvm(int epochs, long seed, int threads)
            throws IOException, InterruptedException {
        if (epochs < 2) {
            throw new IllegalArgumentException("memory drift needs >= 2 epochs, got " + epochs);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms" + CHILD_HEAP);
        cmd.add("-Xmx" + CHILD_HEAP);
        cmd.add("-XX:+AlwaysPreTouch");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.default_engine=PyTorch");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MemoryDriftBenchmark.class.getName());
        cmd.add(Integer.toString(epochs));
        cmd.add(Long.toString(seed));
        cmd.add(Integer.toString(threads));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        Process child = builder.start();
        // the output is read to its end below, so the time limit must end a silent child itself
        CompletableFuture<Process> killer =
                child.onExit()
                        .orTimeout(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)
                        .whenComplete((p, timeout) -> child.destroyForcibly());
        Deque<String> tail = new ArrayDeque<>();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT_MARKER)) {
                    result = line;
                }
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
            child.waitFor();
            if (killer.isCompletedExceptionally()) {
                throw new IOException(
                        "memory drift child did not finish within "
                                + CHILD_TIMEOUT_MINUTES
                                + " minutes");
            }
        } finally {
            child.destroyForcibly();
        }
        if (child.exitValue() != 0 || result == null) {
            throw new IOException(
                    "memory drift child failed (exit "
                            + child.exitValue()
                            + "); its last lines:\n"
                            + String.join("\n", tail));
        }
        return parse(result);
    }

    /** Returns the result line a child prints for {@code result}. */
    static String format(Result result) {
        StringBuilder b = new StringBuilder(RESULT_MARKER);
        for (long bytes : result.residentBytes()) {
            b.append(' ').append(bytes);
        }
        return b.append(" seconds ").append(result.seconds()).toString();
    }

    /**
     * Reads a result line written by {@link #format}.
     *
     * @throws IOException if the line is not one
     */
    static Result parse(String line) throws IOException {
        String[] parts = line.substring(RESULT_MARKER.length()).trim().split(" ");
        if (parts.length < 4 || !parts[parts.length - 2].equals("seconds")) {
            throw new IOException("memory drift child printed an unreadable result: " + line);
        }
        try {
            List<Long> resident = new ArrayList<>();
            for (int i = 0; i < parts.length - 2; i++) {
                resident.add(Long.parseLong(parts[i]));
            }
            return new Result(List.copyOf(resident), Double.parseDouble(parts[parts.length - 1]));
        } catch (NumberFormatException e) {
            throw new IOException("memory drift child printed an unreadable result: " + line, e);
        }
    }

    /**
     * The child JVM of {@link #runInFreshJvm}: arguments epochs, seed and engine threads; prints
     * one result line.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MemoryDriftBenchmark EPOCHS SEED THREADS");
        }
        EngineThreads.intraOp(Integer.parseInt(args[2])).apply();
        ConstraintSpace dl =
                SpaceRegistry.discover(MemoryDriftBenchmark.class.getClassLoader()).get("DL");
        Result result = run(Integer.parseInt(args[0]), dl, Long.parseLong(args[1]));
        System.out.println(format(result));
    }
}

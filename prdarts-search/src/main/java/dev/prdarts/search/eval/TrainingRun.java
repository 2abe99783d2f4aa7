package dev.prdarts.search.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.moandjiezana.toml.TomlWriter;
import dev.prdarts.search.run.RunFolder;
import dev.prdarts.search.run.RunLock;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The folder of a training run (docs/run-folder.md): {@code config.toml}, {@code train.log}
 * (written by the caller's logging), {@code metrics.jsonl}, {@code model/} and {@code result.json}.
 *
 * <p>A folder that already holds a run is refused unless {@code force} is given, which deletes the
 * old run's files (only those) first.
 */
public final class TrainingRun implements AutoCloseable {

    /** The run files a training run writes; their presence marks a folder as holding a run. */
    public static final List<String> RUN_FILES =
            List.of("config.toml", "train.log", "metrics.jsonl", "model", "result.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final BufferedWriter metrics;
    private final RunLock lock;

    private TrainingRun(Path dir, RunLock lock) throws IOException {
        this.dir = dir;
        this.lock = lock;
        this.metrics =
                Files.newBufferedWriter(
                        dir.resolve("metrics.jsonl"),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
    }

    /**
     * Prepares {@code dir} for a new run.
     *
     * @param dir the run folder; created if missing
     * @param force delete the files of a run already there instead of refusing
     * @throws IllegalArgumentException when the folder holds a run and {@code force} is false, or
     *     is a file
     * @throws IOException when the folder cannot be created or cleaned
     */
    public static TrainingRun create(Path dir, boolean force) throws IOException {
        checkFree(dir, force);
        if (force) {
            for (String name : RunFolder.ANY_RUN_FILES) {
                RunFolder.deleteTree(dir.resolve(name));
            }
        }
        RunLock lock =
                RunLock.acquire(
                        dir.resolve(RunFolder.LOCK_FILE),
                        "run folder " + dir + " is in use by a running training");
        try {
            return new TrainingRun(dir, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Checks that {@code dir} holds no run, or that {@code force} allows replacing it.
     *
     * @throws IllegalArgumentException when {@code dir} is a file, or naming the folder and the
     *     file found when it holds a run
     */
    public static void checkFree(Path dir, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " is a file, not a folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        RunFolder.requireNotInUse(dir);
        if (force) {
            return;
        }
        for (String name : RunFolder.ANY_RUN_FILES) {
            if (Files.exists(dir.resolve(name))) {
                throw new IllegalArgumentException(
                        "output folder "
                                + dir
                                + " already holds a run ("
                                + name
                                + "); choose another --out or add --force to replace it");
            }
        }
    }

    /** Returns the run folder. */
    public Path dir() {
        return dir;
    }

    /** Returns the model folder, {@code dir/model}. */
    public Path modelDir() {
        return dir.resolve("model");
    }

    /** Returns the log file the caller's logging should write, {@code dir/train.log}. */
    public Path logFile() {
        return dir.resolve("train.log");
    }

    /**
     * Writes {@code config.toml}: one table per entry of {@code sections}.
     *
     * @throws IOException when the file cannot be written
     */
    public void writeConfig(Map<String, Map<String, Object>> sections) throws IOException {
        Files.writeString(dir.resolve("config.toml"), new TomlWriter().write(sections));
    }

    /** Appends one line to {@code metrics.jsonl} and flushes it. */
    public void appendMetrics(EpochMetrics m) {
        ObjectNode line = JSON.createObjectNode();
        line.put("epoch", m.epoch());
        line.put("train_loss", m.trainLoss());
        line.put("train_acc", m.trainAcc());
        line.put("test_loss", m.testLoss());
        line.put("test_acc", m.testAcc());
        putNumberOrNull(line, "test_top5", m.testTop5());
        line.put("lr", m.lr());
        line.put("drop_path", m.dropPath());
        line.put("batch_size", m.batchSize());
        line.put("seconds", Math.round(m.seconds() * 1000) / 1000.0);
        line.put("images", m.images());
        try {
            metrics.write(JSON.writeValueAsString(line));
            metrics.newLine();
            metrics.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve("metrics.jsonl"), e);
        }
    }

    /**
     * Writes {@code result.json}.
     *
     * @throws IOException when the file cannot be written
     */
    public void writeResult(RetrainResult result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("final_test_acc", result.finalTestAcc());
        root.put("mean_last5_test_acc", result.meanLast5TestAcc());
        root.put("epochs", result.epochs());
        root.put("params", result.params());
        root.put("final_test_loss", result.finalTestLoss());
        putNumberOrNull(root, "final_test_top5", result.finalTestTop5());
        root.put("seconds", Math.round(result.seconds() * 10) / 10.0);
        root.put("genotype", result.genotype());
        root.put("dataset", result.dataset());
        Files.writeString(
                dir.resolve("result.json"),
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                        + System.lineSeparator());
    }

    @Override
    public void close() throws IOException {
        try {
            metrics.close();
        } finally {
            lock.close();
        }
    }

    static void putNumberOrNull(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}

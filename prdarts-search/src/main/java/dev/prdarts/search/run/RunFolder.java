package dev.prdarts.search.run;

import dev.prdarts.api.io.Folders;
import dev.prdarts.search.checkpoint.CheckpointStore;
import dev.prdarts.search.stats.MetricsWriter;
import dev.prdarts.search.stats.PoolsWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a search writes (docs/run-folder.md): {@code config.toml}, {@code search.log}, {@code
 * metrics.jsonl}, {@code pools/cycle-N.json}, {@code genotype.json} and {@code checkpoints/}.
 */
public final class RunFolder {

    /** The resolved configuration. */
    public static final String CONFIG = "config.toml";

    /** The INFO log. */
    public static final String LOG = "search.log";

    /** The final cell. */
    public static final String GENOTYPE = "genotype.json";

    /** Every name a search run writes at the top of its folder. */
    public static final List<String> RUN_FILES =
            List.of(
                    CONFIG,
                    LOG,
                    MetricsWriter.FILE,
                    PoolsWriter.DIR,
                    GENOTYPE,
                    CheckpointStore.DIR);

    /**
     * Every name a search or a training run writes at the top of its folder, reports included: what
     * {@code --force} deletes, so a folder never mixes the files of two runs.
     */
    public static final List<String> ANY_RUN_FILES =
            Stream.concat(
                            RUN_FILES.stream(),
                            Stream.of(
                                    "train.log",
                                    "model",
                                    "result.json",
                                    "report.html",
                                    "plots",
                                    "cells.svg"))
                    .toList();

    /**
     * The lock file a running search holds inside {@code checkpoints/}, and a running training at
     * the top of its folder.
     */
    public static final String LOCK_FILE = ".lock";

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares {@code dir} for a new run: creates it when missing; refuses it when it already holds
     * a run unless {@code force}, in which case the earlier run's files are deleted first. Other
     * files in the folder are left alone.
     *
     * @throws IllegalStateException naming the folder and the files found when it holds a run and
     *     {@code force} is false; nothing is changed then
     */
    public static RunFolder prepare(Path dir, boolean force) throws IOException {
        List<String> found = check(dir, force);
        for (String name : found) {
            deleteTree(dir.resolve(name));
        }
        Folders.create(dir);
        return new RunFolder(dir);
    }

    /**
     * Checks that {@code dir} can take a new run without changing anything, so a command can refuse
     * a bad {@code --out} before it starts any work.
     *
     * @return the files of an earlier run that {@code force} allows {@link #prepare} to delete
     * @throws IllegalStateException when {@code dir} is a file, or holds a run and {@code force} is
     *     false
     */
    public static List<String> check(Path dir, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException("output " + dir + " exists and is not a folder");
        }
        List<String> found = new ArrayList<>();
        for (String name : ANY_RUN_FILES) {
            if (Files.exists(dir.resolve(name))) {
                found.add(name);
            }
        }
        if (!found.isEmpty()) {
            requireNotInUse(dir);
        }
        if (!found.isEmpty() && !force) {
            throw new IllegalStateException(
                    "output folder "
                            + dir
                            + " already holds a run ("
                            + String.join(", ", found)
                            + "); choose another --out or add --force to overwrite it");
        }
        return found;
    }

    /**
     * Checks that no search or training is running in {@code dir}: a running search holds the lock
     * file {@code checkpoints/.lock}, a training {@code .lock}, and their folder must not be
     * replaced, not even with {@code --force}.
     *
     * @throws IllegalStateException naming the folder and the lock when a search holds it
     */
    public static void requireNotInUse(Path dir) {
        requireUnlocked(dir, dir.resolve(CheckpointStore.DIR).resolve(LOCK_FILE), "search");
        requireUnlocked(dir, dir.resolve(LOCK_FILE), "training");
    }

    private static void requireUnlocked(Path dir, Path lock, String kind) {
        if (RunLock.isHeld(lock)) {
            throw new IllegalStateException(
                    "run folder "
                            + dir
                            + " is in use by a running "
                            + kind
                            + " (lock "
                            + lock
                            + "); it cannot be replaced until that "
                            + kind
                            + " ends");
        }
    }

    /**
     * Returns a new, not yet existing folder under {@code parent} named after the current time, for
     * example {@code runs/search-20250101-120000}.
     */
    public static Path newDefault(Path parent) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path candidate = parent.resolve("search-" + stamp);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = parent.resolve("search-" + stamp + "-" + i);
        }
        return candidate;
    }

    /**
     * Opens an existing run folder to continue its search.
     *
     * @throws IllegalStateException if the folder does not exist or holds no run ({@code
     *     config.toml})
     */
    public static RunFolder existing(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "run folder "
                            + dir
                            + " is a file, not a folder (give the search's run folder)");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("run folder " + dir + " does not exist");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new IllegalStateException(
                    "folder " + dir + " holds no search run (no " + CONFIG + ")");
        }
        if (!Files.isRegularFile(dir.resolve(LOG))
                && Files.isRegularFile(dir.resolve("train.log"))) {
            throw new IllegalStateException(
                    "folder "
                            + dir
                            + " holds a training run (train.log), not a search run; only a search"
                            + " can be resumed");
        }
        return new RunFolder(dir);
    }

    /**
     * Replaces {@code file} with {@code text} (UTF-8) atomically: a temporary file next to it is
     * written, forced to disk and renamed over it.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel ch =
                FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
        try {
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Returns the folder. */
    public Path dir() {
        return dir;
    }

    /** Returns the path of a file in the folder. */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Deletes {@code path}: a file, or a folder with everything in it; nothing if missing. */
    public static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.delete(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }
}

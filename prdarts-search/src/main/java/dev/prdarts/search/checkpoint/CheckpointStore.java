package dev.prdarts.search.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkpoints/} folder of a run: writes checkpoints atomically, keeps the newest two,
 * and loads the newest intact one.
 *
 * <p>A checkpoint that cannot be read (truncated, damaged) is reported at WARN with the file and
 * the problem, renamed to {@code NAME.corrupt} so it no longer counts, and the previous one is
 * used.
 */
public final class CheckpointStore {

    /** The folder name inside a run folder. */
    public static final String DIR = "checkpoints";

    /** How many checkpoints are kept. */
    public static final int KEEP = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final Path dir;

    /**
     * Creates a store over {@code dir}, the checkpoints folder itself; it is created on the first
     * write.
     */
    public CheckpointStore(Path dir) {
        this.dir = dir;
    }

    /** Returns the store of a run folder: its {@code checkpoints/} sub-folder. */
    public static CheckpointStore of(Path runDir) {
        return new CheckpointStore(runDir.resolve(DIR));
    }

    /** Returns the checkpoints folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a checkpoint atomically, then deletes all but the newest {@link #KEEP} checkpoints and
     * any temporary file left by an interrupted write.
     *
     * @return the written file
     * @throws IOException if it cannot be written; earlier checkpoints are then left as they were
     */
    public Path write(CheckpointName name, Checkpoint checkpoint) throws IOException {
        Path file = dir.resolve(name.fileName());
        long t0 = System.nanoTime();
        CheckpointFile.write(file, checkpoint);
        LOG.debug(
                "checkpoint {} written: {} bytes of arrays in {} ms",
                file,
                checkpoint.tensorBytes(),
                (System.nanoTime() - t0) / 1_000_000);
        prune();
        return file;
    }

    /**
     * Returns the checkpoint files, newest first (by the position their names stand for).
     *
     * @throws IOException if the folder cannot be listed
     */
    public List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (CheckpointName.parse(p.getFileName().toString()).isPresent()
                        && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparing(CheckpointStore::nameOf).reversed());
        return files;
    }

    /**
     * Returns the newest checkpoint that reads back intact, or empty when there is none. Newer
     * files that fail are reported at WARN and renamed to {@code NAME.corrupt}.
     *
     * @throws IOException if the folder cannot be listed
     */
    public Optional<Loaded> loadNewest() throws IOException {
        for (Path file : list()) {
            try {
                Checkpoint c = CheckpointFile.read(file);
                return Optional.of(new Loaded(file, nameOf(file), c));
            } catch (IOException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                LOG.warn(
                        "{}; setting it aside as {} and trying the previous checkpoint",
                        e instanceof CheckpointFormatException
                                ? e.getMessage()
                                : "checkpoint " + file + " cannot be read: " + e,
                        aside.getFileName());
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException moveFailure) {
                    LOG.warn("cannot rename {}: {}", file, moveFailure.toString());
                }
            }
        }
        return Optional.empty();
    }

    private void prune() throws IOException {
        List<Path> files = list();
        for (int i = KEEP; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : stream) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static CheckpointName nameOf(Path file) {
        return CheckpointName.parse(file.getFileName().toString()).orElseThrow();
    }

    /**
     * A checkpoint read back from its file.
     *
     * @param file the file
     * @param name the position its name stands for
     * @param checkpoint the content
     */
    public record Loaded(Path file, CheckpointName name, Checkpoint checkpoint) {}
}

package dev.prdarts.data.provider;

import dev.prdarts.api.data.DatasetException;
import dev.prdarts.api.data.DatasetRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the files and folders a provider reads, with messages that say what was expected. */
final class DataFiles {

    private DataFiles() {}

    /**
     * Returns the requested data folder, or {@code fallback} when none was given.
     *
     * @throws DatasetException if neither is set, or the folder does not exist
     */
    static Path folder(DatasetRequest request, Path fallback, String dataset, String expects)
            throws DatasetException {
        Path dir = request.dataDir().orElse(fallback);
        if (dir == null) {
            throw new DatasetException(
                    "dataset " + dataset + " needs a data folder (--data-dir) holding " + expects);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DatasetException(
                    dir,
                    "is a file, not a data folder (dataset "
                            + dataset
                            + " expects "
                            + expects
                            + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(
                    dir, "missing data folder (dataset " + dataset + " expects " + expects + ")");
        }
        return dir;
    }

    /**
     * Returns {@code dir}, or its subfolder {@code nested} when the files are only found there (the
     * folder the official archives unpack to).
     */
    static Path unpackedFolder(Path dir, String nested, String probe) {
        Path inner = dir.resolve(nested);
        if (!Files.exists(dir.resolve(probe)) && Files.exists(inner.resolve(probe))) {
            return inner;
        }
        return dir;
    }

    /**
     * Returns the first of {@code names} that exists in {@code dir}.
     *
     * @throws DatasetException naming the first candidate if none exists
     */
    static Path existing(Path dir, List<String> names, String expects) throws DatasetException {
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        String tried =
                names.size() == 1
                        ? ""
                        : " (or " + String.join(", ", names.subList(1, names.size())) + ")";
        throw new DatasetException(
                dir.resolve(names.get(0)), "missing file" + tried + "; expected " + expects);
    }
}

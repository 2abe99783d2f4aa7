package dev.prdarts.search.genotype;

import dev.prdarts.api.genotype.Genotype;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves a genotype given on the command line: a built-in name, a file or a run folder. */
public final class GenotypeFiles {

    /** The file name of a genotype inside a run folder. */
    public static final String FILE_NAME = "genotype.json";

    private GenotypeFiles() {}

    /**
     * Loads a genotype by built-in name or from a path.
     *
     * <p>Built-in names ({@link BuiltinGenotypes#names()}) win over files of the same name. A
     * directory is read as a run folder: its {@code genotype.json}, else {@code
     * model/genotype.json}. Files may be in either format of {@link GenotypeJson}.
     *
     * @param nameOrPath {@code DL2}, {@code runs/search-1/genotype.json}, {@code runs/search-1},
     *     ...
     * @return the genotype
     * @throws GenotypeFormatException naming the file and entry when the file is bad
     * @throws IOException when the name is neither a built-in cell nor a readable file
     */
    public static Genotype load(String nameOrPath) throws IOException {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("genotype name or path must not be empty");
        }
        Optional<Genotype> builtin = BuiltinGenotypes.find(nameOrPath);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        return GenotypeJson.read(resolve(Path.of(nameOrPath)));
    }

    /**
     * Returns the genotype file a path denotes: the file itself, or the genotype of a run folder.
     *
     * @throws NoSuchFileException when there is no such file or the folder holds no genotype
     */
    public static Path resolve(Path path) throws NoSuchFileException {
        if (Files.isDirectory(path)) {
            for (Path candidate :
                    new Path[] {
                        path.resolve(FILE_NAME), path.resolve("model").resolve(FILE_NAME)
                    }) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new NoSuchFileException(
                    path.toString(),
                    null,
                    "the folder holds no " + FILE_NAME + " or model/" + FILE_NAME);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(
                    path.toString(),
                    null,
                    "neither a built-in genotype ("
                            + String.join(", ", BuiltinGenotypes.names())
                            + ") nor an existing file");
        }
        return path;
    }
}

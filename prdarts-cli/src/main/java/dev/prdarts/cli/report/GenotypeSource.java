package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.Genotype;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a genotype file; the report asks it for {@code genotype.json}. */
@FunctionalInterface
public interface GenotypeSource {

    /**
     * Reads the genotype in a file.
     *
     * @throws IOException when the file cannot be read or does not parse
     */
    Genotype read(Path file) throws IOException;
}

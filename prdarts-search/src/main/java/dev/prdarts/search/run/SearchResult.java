package dev.prdarts.search.run;

import dev.prdarts.api.genotype.Genotype;
import java.nio.file.Path;

/**
 * What a finished search reports.
 *
 * @param genotype the final cell of both types
 * @param runDir the run folder
 * @param cycles the number of cycles run
 * @param epochs the number of epochs run
 * @param validAcc the last validation accuracy, or null when no epoch validated
 * @param parameters the number of network weights of the last cycle's supernet
 * @param seconds the wall-clock time of the whole search
 */
public record SearchResult(
        Genotype genotype,
        Path runDir,
        int cycles,
        int epochs,
        Double validAcc,
        long parameters,
        double seconds) {}

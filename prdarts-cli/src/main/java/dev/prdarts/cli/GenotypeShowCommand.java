package dev.prdarts.cli;

import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.search.genotype.GenotypeFiles;
import dev.prdarts.search.genotype.GenotypeJson;
import dev.prdarts.search.genotype.GenotypeText;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a genotype in the text form, one line per node, or as {@code genotype.json}. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Print a genotype, one line per node (operation <- input state).",
            "Reads built-in cells (DL1, DL2, DR, UR, DARTS_V2), genotype.json files, run folders"
                    + " and the authors' Python genotype JSON."
        })
final class GenotypeShowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME|FILE", description = "Built-in name or file.")
    String genotype;

    @Option(names = "--json", description = "Print genotype.json instead of text.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Genotype g = GenotypeFiles.load(genotype);
        spec.commandLine().getOut().print(json ? GenotypeJson.toJson(g) : GenotypeText.format(g));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

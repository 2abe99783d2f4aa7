package dev.prdarts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the subcommands that inspect genotypes: {@code show}, {@code params}. */
@Command(
        name = "genotype",
        mixinStandardHelpOptions = true,
        description = "Show genotypes (built-in cells or files) and the size of their networks.",
        subcommands = {GenotypeShowCommand.class, GenotypeParamsCommand.class})
public final class GenotypeCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

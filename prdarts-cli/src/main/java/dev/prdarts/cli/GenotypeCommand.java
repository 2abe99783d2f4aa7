package dev.prdarts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the subcommands that inspect genotypes: {@code show}, {@code params}, {@code render}. */
@Command(
        name = "genotype",
        mixinStandardHelpOptions = true,
        description = "Show, measure and draw genotypes (built-in cells or files).",
        subcommands = {
            GenotypeShowCommand.class,
            GenotypeParamsCommand.class,
            GenotypeRenderCommand.class
        })
public final class GenotypeCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Refuses to run without a subcommand, naming them. */
    @Override
    public void run() {
        throw Errors.subcommandRequired(spec);
    }
}

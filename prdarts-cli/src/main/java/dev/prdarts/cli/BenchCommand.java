package dev.prdarts.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the benchmarks; each measurement is a subcommand ({@code prdarts bench data}, ...). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure parts of prdarts (speed, memory).",
        subcommands = {
            BenchDataCommand.class,
            BenchSearchStepCommand.class,
            BenchCheckpointCommand.class,
            BenchTrainStepCommand.class
        })
public final class BenchCommand implements Runnable {

    @Spec CommandSpec spec;

    /** Refuses to run without a benchmark, naming them. */
    @Override
    public void run() {
        throw Errors.subcommandRequired(spec);
    }
}

package dev.prdarts.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.cli.report.CompareWriter;
import dev.prdarts.cli.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes the HTML report of a run folder, or the comparison of several runs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write report.html for a search or training run folder: configuration, final genotype"
                    + " (text and diagram), plots and every cycle's pools. Works on a run that is"
                    + " still going or was interrupted.",
            "With --compare, write compare.html: the curves of several runs on shared axes and"
                    + " their genotypes side by side."
        })
final class ReportCommand implements Callable<Integer> {

    /** The default output folder of a comparison. */
    static final Path DEFAULT_COMPARE_OUT = Path.of("report-compare");

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folder(s).")
    List<Path> runs;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Folder to write into (default: the run folder; for --compare:"
                            + " ./report-compare).")
    Path out;

    @Option(names = "--compare", description = "Compare two or more runs.")
    boolean compare;

    @Option(names = "--json", description = "Print what was written as JSON.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReportWriter.Written written;
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(
                    "--out " + out + " is a file; the report needs a folder");
        }
        if (compare) {
            written = CompareWriter.write(runs, out != null ? out : DEFAULT_COMPARE_OUT);
        } else {
            if (runs.size() != 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "give one RUN_DIR, or --compare with two or more; got " + runs.size());
            }
            written = ReportWriter.write(runs.get(0), out != null ? out : runs.get(0));
        }
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("report", written.html().toString());
            ArrayNode files = o.putArray("files");
            written.files().forEach(f -> files.add(f.toString()));
            if (!compare) {
                o.put("kind", written.run().kind().name().toLowerCase(java.util.Locale.ROOT));
                o.put("finished", written.run().finished());
                o.put("epochs", written.run().epochs().size());
                o.put("cycles", written.run().pools().size());
            }
            spec.commandLine().getOut().println(o.toString());
        } else {
            spec.commandLine().getOut().println("wrote " + written.html());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}

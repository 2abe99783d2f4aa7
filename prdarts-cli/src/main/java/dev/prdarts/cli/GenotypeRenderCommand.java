package dev.prdarts.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.cli.report.CellDiagram;
import dev.prdarts.search.genotype.GenotypeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Draws the normal and the reduction cell of a genotype as an SVG or PNG file. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Draw the normal and the reduction cell as DAGs (inputs, nodes 0-3, output) with the"
                    + " operation on each edge.",
            "Needs no Graphviz: the layout is computed in Java. The format follows the --out"
                    + " extension (.svg or .png)."
        })
final class GenotypeRenderCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "NAME|FILE",
            description =
                    "Built-in name (DL1, DL2, DR, UR, DARTS_V2), genotype file or run folder.")
    String genotype;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The file to write, ending in .svg or .png.")
    Path out;

    @Option(names = "--json", description = "Print what was written as JSON.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Genotype g = GenotypeFiles.load(genotype);
        CellDiagram diagram = CellDiagram.of(g);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        diagram.write(out);
        String format =
                out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                        ? "png"
                        : "svg";
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("genotype", genotype);
            o.put("out", out.toString());
            o.put("format", format);
            o.put("width", Math.round(diagram.width()));
            o.put("height", Math.round(diagram.height()));
            spec.commandLine().getOut().println(o.toString());
        } else {
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "wrote %s (%s, normal and reduction cell of %s)%n",
                            out,
                            format,
                            genotype);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}

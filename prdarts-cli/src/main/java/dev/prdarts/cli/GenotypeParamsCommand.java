package dev.prdarts.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.search.eval.EvalNetworkSize;
import dev.prdarts.search.eval.EvalNetworkSpec;
import dev.prdarts.search.genotype.GenotypeFiles;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the parameter count of a genotype's evaluation network, built exactly as for training. */
@Command(
        name = "params",
        mixinStandardHelpOptions = true,
        description = {
            "Print the number of parameters of a genotype's evaluation network (DESIGN section 8).",
            "The auxiliary head is left out unless --aux is given; BN running statistics are not"
                    + " parameters."
        })
final class GenotypeParamsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME|FILE", description = "Built-in name or file.")
    String genotype;

    @Option(
            names = "--channels",
            defaultValue = "36",
            description = "Initial channels C (${DEFAULT-VALUE}).")
    int channels;

    @Option(
            names = "--cells",
            defaultValue = "20",
            description = "Number of cells L (${DEFAULT-VALUE}).")
    int cells;

    @Option(
            names = "--classes",
            defaultValue = "10",
            description = "Number of classes (${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--aux", description = "Count the auxiliary head too.")
    boolean aux;

    @Option(
            names = "--in-channels",
            defaultValue = "3",
            description = "Image channels (${DEFAULT-VALUE}).")
    int inChannels;

    @Option(
            names = "--size",
            defaultValue = "32",
            description = "Image side in pixels (${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Genotype g = GenotypeFiles.load(genotype);
        EvalNetworkSpec shape =
                new EvalNetworkSpec(channels, cells, classes, inChannels, size, size, aux);
        // counted from the genotype, not by building the network: any size can be asked about
        long params;
        long withoutAux;
        try {
            params = EvalNetworkSize.parameters(g, shape, aux);
            withoutAux = EvalNetworkSize.parameters(g, shape, false);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "--channels "
                            + channels
                            + " with --cells "
                            + cells
                            + ": the parameter count does not fit in 64 bits");
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("genotype", genotype);
            node.put("channels", channels);
            node.put("cells", cells);
            node.put("classes", classes);
            node.putArray("input").add(inChannels).add(size).add(size);
            node.put("aux", aux);
            node.put("params", params);
            if (aux) {
                node.put("aux_params", params - withoutAux);
            }
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: %,d parameters (C=%d, %d cells, %d classes, input %dx%dx%d, auxiliary"
                            + " head %s)%n",
                    genotype,
                    params,
                    channels,
                    cells,
                    classes,
                    inChannels,
                    size,
                    size,
                    aux
                            ? String.format(Locale.ROOT, "included: %,d", params - withoutAux)
                            : "excluded");
        }
        out.flush();
        return 0;
    }
}

package dev.prdarts.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.search.bench.CheckpointBenchmark;
import dev.prdarts.search.bench.SearchStepBenchmark;
import dev.prdarts.search.config.Preset;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs {@code prdarts bench checkpoint}: the size of a search checkpoint of the paper's proxy
 * network and the time to take, write and read one.
 */
@Command(
        name = "checkpoint",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the checkpoint of the paper's proxy network (C=16, 8 cells, 3x32x32) with"
                    + " prdarts4, six candidates, and the six largest DL convs on every edge:"
                    + " file size, time to copy the arrays off the engine, to write the file"
                    + " atomically (forced to disk) and to read it back."
        })
public final class BenchCheckpointCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--repeats", description = "Timings per pool (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where the file is written (default: the temporary folder).")
    Path dir;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path where = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(where);
        SearchConfig optimizers = new SearchConfigLoader().preset(Preset.PAPER);
        List<CheckpointBenchmark.Result> results = new ArrayList<>();
        for (Map.Entry<String, List<OpConfig>> e : CheckpointBenchmark.pools().entrySet()) {
            results.add(
                    CheckpointBenchmark.run(e.getKey(), e.getValue(), repeats, where, optimizers));
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("dir", where.toString());
            o.put("repeats", repeats);
            ArrayNode pools = o.putArray("pools");
            for (CheckpointBenchmark.Result r : results) {
                ObjectNode p = pools.addObject();
                p.put("pool", r.pool());
                p.put("parameters", r.parameters());
                p.put("tensors", r.tensors());
                p.put("file_bytes", r.fileBytes());
                p.put("median_snapshot_ms", SearchStepBenchmark.median(r.snapshotMillis()));
                p.put("median_write_ms", SearchStepBenchmark.median(r.writeMillis()));
                p.put("median_read_ms", SearchStepBenchmark.median(r.readMillis()));
            }
            out.println(mapper.writeValueAsString(o));
        } else {
            out.printf(
                    Locale.ROOT,
                    "checkpoint of the paper's proxy network (C=16, 8 cells, 3x32x32), written to"
                            + " %s, median of %d%n",
                    where,
                    repeats);
            for (CheckpointBenchmark.Result r : results) {
                out.printf(
                        Locale.ROOT,
                        "%-10s %,11d weights, %,5d arrays, file %6.1f MB: copy %5.0f ms, write"
                                + " %5.0f ms, read %5.0f ms%n",
                        r.pool(),
                        r.parameters(),
                        r.tensors(),
                        r.fileBytes() / 1e6,
                        SearchStepBenchmark.median(r.snapshotMillis()),
                        SearchStepBenchmark.median(r.writeMillis()),
                        SearchStepBenchmark.median(r.readMillis()));
            }
        }
        out.flush();
        return 0;
    }
}

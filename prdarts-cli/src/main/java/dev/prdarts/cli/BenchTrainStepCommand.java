package dev.prdarts.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.hardware.HardwareContext;
import dev.prdarts.hardware.MemoryProbeRegistry;
import dev.prdarts.hardware.NativeRuntime;
import dev.prdarts.search.bench.ResidentMemory;
import dev.prdarts.search.eval.EvalNetworkSpec;
import dev.prdarts.search.eval.TrainStepBenchmark;
import dev.prdarts.search.genotype.GenotypeFiles;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs {@code prdarts bench train-step}: one training step of an evaluation network, by default DL2
 * with C = 36, 20 cells, batch 96, 3x32x32 and the auxiliary head (the paper's retraining).
 */
@Command(
        name = "train-step",
        mixinStandardHelpOptions = true,
        description = {
            "Time training steps of an evaluation network (forward with drop-path and auxiliary"
                    + " head, backward, clipping, SGD) on random in-memory images.",
            "Default: DL2, C=36, 20 cells, batch 96, 3x32x32, auxiliary head on; multiply the"
                    + " median by 521 steps per CIFAR-10 epoch and 600 epochs for the paper's run."
        })
public final class BenchTrainStepCommand implements Callable<Integer> {

    @Option(names = "--genotype", defaultValue = "DL2", description = "Default: ${DEFAULT-VALUE}.")
    String genotype;

    @Option(names = "--channels", defaultValue = "36", description = "Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--cells", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
    int cells;

    @Option(names = "--batch", defaultValue = "96", description = "Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(
            names = "--size",
            defaultValue = "32",
            description = "Image side. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--in-channels", defaultValue = "3", description = "Default: ${DEFAULT-VALUE}.")
    int inChannels;

    @Option(
            names = "--aux",
            negatable = true,
            defaultValue = "true",
            description = "Auxiliary head (default on).")
    boolean aux;

    @Option(
            names = "--warmup",
            defaultValue = "1",
            description = "Untimed steps. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--steps",
            defaultValue = "5",
            description = "Timed steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Mixin HardwareOptions hardware;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HardwareContext context =
                new HardwareContext(hardware.toConfig(), new MemoryProbeRegistry());
        EvalNetworkSpec shape =
                new EvalNetworkSpec(channels, cells, 10, inChannels, size, size, aux);
        TrainStepBenchmark.Settings settings =
                new TrainStepBenchmark.Settings(
                        GenotypeFiles.load(genotype), shape, batch, warmup, steps);
        context.start();
        context.probe().resetPeak();
        TrainStepBenchmark.Result r;
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            r = TrainStepBenchmark.run(settings, manager);
        }
        long peak = context.probe().peakBytes();
        long processPeak = ResidentMemory.peak();
        NativeRuntime runtime = NativeRuntime.current();
        double median = r.medianMillis();
        double imagesPerSecond = batch * 1000.0 / median;

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("genotype", genotype);
            node.put("channels", channels);
            node.put("cells", cells);
            node.put("batch_size", batch);
            node.putArray("input").add(inChannels).add(size).add(size);
            node.put("aux", aux);
            node.put("params", r.params());
            node.put("device", context.device().toString());
            node.put("warmup_steps", warmup);
            ArrayNode times = node.putArray("step_ms");
            for (double t : r.stepMillis()) {
                times.add(Math.round(t * 10) / 10.0);
            }
            node.put("median_ms", median);
            node.put("images_per_second", imagesPerSecond);
            node.put("peak_memory_bytes", peak);
            node.put("memory_probe", context.probe().name());
            node.put("process_peak_rss_bytes", processPeak);
            if (!context.device().isGpu()) {
                node.put("allocator", runtime.allocator());
                node.put("omp_wait_policy", runtime.ompWaitPolicy());
                node.put("native_note", runtime.advice());
            }
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf(
                    Locale.ROOT,
                    "train step, %s, C=%d, %d cells, batch %d, %dx%dx%d, auxiliary head %s, %,d"
                            + " parameters, %s%n",
                    genotype,
                    channels,
                    cells,
                    batch,
                    inChannels,
                    size,
                    size,
                    aux ? "on" : "off",
                    r.params(),
                    context.device());
            out.printf(
                    Locale.ROOT,
                    "median %.1f ms over %d steps (%.1f images/s); peak memory %.1f MiB (%s"
                            + " probe), process peak RSS %.1f MiB%n",
                    median,
                    steps,
                    imagesPerSecond,
                    peak / 1048576.0,
                    context.probe().name(),
                    processPeak / 1048576.0);
            if (!context.device().isGpu()) {
                out.printf(Locale.ROOT, "native: %s%n", runtime);
            }
        }
        out.flush();
        return 0;
    }
}

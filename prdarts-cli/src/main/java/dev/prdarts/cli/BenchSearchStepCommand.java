package dev.prdarts.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.hardware.EngineThreads;
import dev.prdarts.hardware.NativeRuntime;
import dev.prdarts.search.bench.MemoryDriftBenchmark;
import dev.prdarts.search.bench.SearchStepBenchmark;
import dev.prdarts.search.config.Preset;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import java.io.PrintWriter;
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
 * Runs {@code prdarts bench search-step}: the time of a full search step (alpha step then weight
 * step) of the paper's proxy network for two pools, the peak resident memory, and whether resident
 * memory stays flat over the epochs of a tiny search.
 */
@Command(
        name = "search-step",
        mixinStandardHelpOptions = true,
        description = {
            "Time full search steps (alpha step + weight step, batch 32 each, 3x32x32, C=16,"
                    + " 8 cells) with prdarts4 and with six candidates on every edge; report"
                    + " median ms per step, images per second and peak resident memory.",
            "Before that, run a tiny search in a fresh JVM with a fixed heap and compare resident"
                    + " memory after epoch 2 and after the last epoch (target: within 5%%).",
            "Reference (authors' Python on this machine): 16 and 7.4 images/s, peaks 2.6 GB and"
                    + " 4.6 GB; target: at least 3x their throughput at no more than half their"
                    + " memory.",
            "Figures depend on the native allocator and OpenMP wait policy, which the output"
                    + " names: ./prdarts preloads tcmalloc when installed and keeps OpenMP's"
                    + " default waiting."
        })
public final class BenchSearchStepCommand implements Callable<Integer> {

    /** The authors' throughput on this machine, prdarts4 and six candidates (images/s). */
    static final double[] REFERENCE_IMAGES_PER_SECOND = {16, 7.4};

    /** The authors' peak resident memory on this machine (bytes). */
    static final long[] REFERENCE_PEAK_BYTES = {2_600_000_000L, 4_600_000_000L};

    /** The search issue's target: at least this multiple of the authors' throughput. */
    static final double TARGET_SPEEDUP = 3;

    /** The search issue's target: at most this share of the authors' peak memory. */
    static final double TARGET_MEMORY_SHARE = 0.5;

    @Spec CommandSpec spec;

    @Option(names = "--threads", description = "Engine threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--batch-size", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = 32;

    @Option(names = "--steps", description = "Timed steps per pool (default: ${DEFAULT-VALUE}).")
    int steps = 10;

    @Option(names = "--warmup", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup = 2;

    @Option(names = "--pool", description = "prdarts4, six or all (default: ${DEFAULT-VALUE}).")
    String pool = "all";

    @Option(
            names = "--memory-epochs",
            description =
                    "Epochs of the tiny search for the memory check, >= 3, or 0 to skip it"
                            + " (default: ${DEFAULT-VALUE}).")
    int memoryEpochs = 10;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || threads > EngineThreads.MAX_THREADS) {
            throw new IllegalArgumentException(
                    "--threads must be in [1, " + EngineThreads.MAX_THREADS + "], got " + threads);
        }
        if (memoryEpochs != 0 && memoryEpochs < MemoryDriftBenchmark.MIN_EPOCHS) {
            throw new IllegalArgumentException(
                    "--memory-epochs must be 0 (skip the check) or >= "
                            + MemoryDriftBenchmark.MIN_EPOCHS
                            + ", which compares a later epoch with epoch 2; got "
                            + memoryEpochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        }
        pool = pool.toLowerCase(Locale.ROOT);
        Map<String, List<OpConfig>> all = SearchStepBenchmark.pools();
        if (!pool.equals("all") && !all.containsKey(pool)) {
            throw new IllegalArgumentException(
                    "unknown pool '"
                            + pool
                            + "'; known pools: all, "
                            + String.join(", ", all.keySet()));
        }
        SearchStepBenchmark.Settings settings =
                new SearchStepBenchmark.Settings(batchSize, warmup, steps, 1);
        String threadsText = EngineThreads.intraOp(threads).apply();
        NativeRuntime runtime = NativeRuntime.current();
        SearchConfig optimizers = new SearchConfigLoader().preset(Preset.PAPER);

        // A fresh JVM with a fixed, pre-touched heap, so that Java heap pages becoming resident
        // and memory the allocator keeps from the large networks below neither fake nor hide
        // native growth.
        MemoryDriftBenchmark.Result drift =
                memoryEpochs > 0
                        ? MemoryDriftBenchmark.runInFreshJvm(memoryEpochs, 1, threads)
                        : null;

        List<SearchStepBenchmark.PoolResult> results = new ArrayList<>();
        for (Map.Entry<String, List<OpConfig>> e : all.entrySet()) {
            if (pool.equals("all") || pool.equals(e.getKey())) {
                results.add(
                        SearchStepBenchmark.run(e.getKey(), e.getValue(), settings, optimizers));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(
                    new ObjectMapper()
                            .writeValueAsString(toJson(results, drift, threadsText, runtime)));
        } else {
            print(out, results, drift, threadsText, runtime);
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(
            List<SearchStepBenchmark.PoolResult> results,
            MemoryDriftBenchmark.Result drift,
            String threadsText,
            NativeRuntime runtime) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("threads", threads);
        o.put("engine_threads", threadsText);
        o.put("allocator", runtime.allocator());
        o.put("omp_wait_policy", runtime.ompWaitPolicy());
        o.put("native_note", runtime.advice());
        o.put("batch_size", batchSize);
        o.put("input", "3x32x32");
        o.put("channels", 16);
        o.put("cells", 8);
        o.put("steps", steps);
        o.put("warmup", warmup);
        ArrayNode pools = o.putArray("pools");
        for (SearchStepBenchmark.PoolResult r : results) {
            ObjectNode p = pools.addObject();
            int ref = r.pool().equals("six") ? 1 : 0;
            p.put("pool", r.pool());
            p.put("parameters", r.parameters());
            p.put("median_ms_per_step", r.medianMillis());
            p.put("median_alpha_step_ms", SearchStepBenchmark.median(r.alphaMillis()));
            p.put("median_weight_step_ms", SearchStepBenchmark.median(r.weightMillis()));
            p.put("images_per_step", r.imagesPerStep());
            p.put("images_per_second", r.imagesPerSecond());
            p.put("reference_images_per_second", REFERENCE_IMAGES_PER_SECOND[ref]);
            p.put("resident_bytes", r.residentBytes());
            p.put("peak_resident_bytes", r.peakResidentBytes());
            p.put("reference_peak_bytes", REFERENCE_PEAK_BYTES[ref]);
            p.put("target_met", targetMet(r, ref));
            ArrayNode times = p.putArray("step_ms");
            for (double t : r.stepMillis()) {
                times.add(t);
            }
        }
        if (drift != null) {
            ObjectNode m = o.putObject("memory_drift");
            ArrayNode rss = m.putArray("resident_bytes_after_epoch");
            drift.residentBytes().forEach(rss::add);
            m.put("ratio_last_to_epoch_2", drift.ratio(2, memoryEpochs));
            m.put("within_5_percent", Math.abs(drift.ratio(2, memoryEpochs) - 1) <= 0.05);
            m.put("seconds", drift.seconds());
        }
        return o;
    }

    private void print(
            PrintWriter out,
            List<SearchStepBenchmark.PoolResult> results,
            MemoryDriftBenchmark.Result drift,
            String threadsText,
            NativeRuntime runtime) {
        out.printf(
                Locale.ROOT,
                "search step = alpha step + weight step, batch %d each, 3x32x32, C=16, 8 cells,"
                        + " %s%n",
                batchSize,
                threadsText);
        out.printf(Locale.ROOT, "native: %s%n", runtime);
        if (!runtime.advice().isEmpty()) {
            out.printf(Locale.ROOT, "note: %s%n", runtime.advice());
        }
        for (SearchStepBenchmark.PoolResult r : results) {
            int ref = r.pool().equals("six") ? 1 : 0;
            out.printf(
                    Locale.ROOT,
                    "%-8s %,d weights: median %.0f ms/step (alpha %.0f, weight %.0f), %.1f"
                            + " images/s (authors %.1f, x%.1f), peak resident %.2f GB (authors"
                            + " %.1f GB); target x%.0f at <= %.0f%%: %s%n",
                    r.pool(),
                    r.parameters(),
                    r.medianMillis(),
                    SearchStepBenchmark.median(r.alphaMillis()),
                    SearchStepBenchmark.median(r.weightMillis()),
                    r.imagesPerSecond(),
                    REFERENCE_IMAGES_PER_SECOND[ref],
                    r.imagesPerSecond() / REFERENCE_IMAGES_PER_SECOND[ref],
                    r.peakResidentBytes() / 1e9,
                    REFERENCE_PEAK_BYTES[ref] / 1e9,
                    TARGET_SPEEDUP,
                    TARGET_MEMORY_SHARE * 100,
                    targetMet(r, ref) ? "met" : "NOT met");
        }
        if (drift != null) {
            double ratio = drift.ratio(2, memoryEpochs);
            out.printf(
                    Locale.ROOT,
                    "memory: resident %.0f MB after epoch 2, %.0f MB after epoch %d of a tiny"
                            + " search (%+.1f%%, target within 5%%: %s)%n",
                    drift.residentBytes().get(1) / 1e6,
                    drift.residentBytes().get(memoryEpochs - 1) / 1e6,
                    memoryEpochs,
                    (ratio - 1) * 100,
                    Math.abs(ratio - 1) <= 0.05 ? "met" : "NOT met");
        }
    }

    /** Returns whether a pool's figures reach the speed and memory target. */
    static boolean targetMet(SearchStepBenchmark.PoolResult r, int ref) {
        return r.imagesPerSecond() >= TARGET_SPEEDUP * REFERENCE_IMAGES_PER_SECOND[ref]
                && r.peakResidentBytes() > 0
                && r.peakResidentBytes() <= TARGET_MEMORY_SHARE * REFERENCE_PEAK_BYTES[ref];
    }
}

package dev.prdarts.search.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.pools.InitialCatalog;
import dev.prdarts.search.supernet.Supernet;
import dev.prdarts.search.supernet.SupernetSpec;
import dev.prdarts.search.train.BilevelTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Times full search steps (alpha step then weight step) of the paper's proxy network on random
 * 3x32x32 images: the {@code prdarts bench search-step} measurement.
 *
 * <p>Both pools of the benchmark hold the same candidates on every edge: {@code prdarts4}, and six
 * candidates (max pool, avg pool, skip, conv(3,1,[]), conv(5,1,[]), conv(3,1,[1])).
 */
public final class SearchStepBenchmark {

    /** The six-candidate pool. */
    public static final List<OpConfig> SIX =
            List.of(
                    PoolOp.MAX3,
                    PoolOp.AVG3,
                    SkipOp.INSTANCE,
                    ConvOp.START,
                    ConvOp.of(5, 1),
                    ConvOp.of(3, 1, 1));

    private SearchStepBenchmark() {}

    /**
     * What to measure.
     *
     * @param batchSize images per alpha batch and per weight batch
     * @param warmup untimed steps first
     * @param steps timed steps
     * @param seed seed of weights and random images
     */
    public record Settings(int batchSize, int warmup, int steps, long seed) {

        /** Checks the values. */
        public Settings {
            if (batchSize < 1 || warmup < 0 || steps < 1) {
                throw new IllegalArgumentException(
                        "bench needs batch size >= 1, warmup >= 0 and steps >= 1, got "
                                + batchSize
                                + ", "
                                + warmup
                                + ", "
                                + steps);
            }
        }
    }

    /**
     * The figures of one pool.
     *
     * @param pool the pool's name
     * @param parameters the network weights
     * @param stepMillis every timed step's duration
     * @param alphaMillis every timed alpha step's duration
     * @param weightMillis every timed weight step's duration
     * @param imagesPerStep images per full step (alpha batch plus weight batch)
     * @param residentBytes the resident memory after the timed steps
     * @param peakResidentBytes the process's peak resident memory so far
     */
    public record PoolResult(
            String pool,
            long parameters,
            double[] stepMillis,
            double[] alphaMillis,
            double[] weightMillis,
            int imagesPerStep,
            long residentBytes,
            long peakResidentBytes) {

        /** Returns the median full-step time in milliseconds. */
        public double medianMillis() {
            return median(stepMillis);
        }

        /** Returns the images per second at the median step time. */
        public double imagesPerSecond() {
            return imagesPerStep * 1000.0 / medianMillis();
        }
    }

    /** Measures one pool on every edge of the paper's proxy network (C = 16, 8 cells). */
    public static PoolResult run(
            String name, List<OpConfig> pool, Settings settings, SearchConfig optimizers) {
        SupernetSpec spec = SupernetSpec.cifar(10);
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            List<List<OpConfig>> edges = new ArrayList<>();
            for (int e = 0; e < 14; e++) {
                edges.add(pool);
            }
            pools.put(type, edges);
        }
        int n = settings.steps();
        double[] total = new double[n];
        double[] alpha = new double[n];
        double[] weight = new double[n];
        try (Supernet net = Supernet.build(spec, pools, settings.seed());
                NDManager root = NDManager.newBaseManager();
                BilevelTrainer trainer =
                        new BilevelTrainer(net, optimizers.weights(), optimizers.alpha(), root)) {
            root.getEngine().setRandomSeed((int) settings.seed());
            Shape images = new Shape(settings.batchSize(), 3, 32, 32);
            for (int i = -settings.warmup(); i < n; i++) {
                long t0 = System.nanoTime();
                try (NDManager step = root.newSubManager()) {
                    NDArray x = step.randomNormal(images);
                    NDArray y = labels(step, settings.batchSize());
                    trainer.alphaStep(x, y, step);
                }
                long t1 = System.nanoTime();
                try (NDManager step = root.newSubManager()) {
                    NDArray x = step.randomNormal(images);
                    NDArray y = labels(step, settings.batchSize());
                    trainer.weightStep(x, y, optimizers.weights().lr(), step);
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    alpha[i] = (t1 - t0) / 1e6;
                    weight[i] = (t2 - t1) / 1e6;
                    total[i] = (t2 - t0) / 1e6;
                }
            }
            return new PoolResult(
                    name,
                    net.parameterCount(),
                    total,
                    alpha,
                    weight,
                    2 * settings.batchSize(),
                    ResidentMemory.current(),
                    ResidentMemory.peak());
        }
    }

    /** Returns the two pools of the benchmark: {@code prdarts4} and the six candidates. */
    public static Map<String, List<OpConfig>> pools() {
        Map<String, List<OpConfig>> m = new java.util.LinkedHashMap<>();
        m.put(InitialCatalog.PRDARTS4.key(), InitialCatalog.PRDARTS4.ops());
        m.put("six", SIX);
        return m;
    }

    private static NDArray labels(NDManager step, int n) {
        return step.randomInteger(0, 10, new Shape(n), DataType.INT32);
    }

    /** Returns the median of the values. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}

package dev.prdarts.search.supernet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.ops.catalog.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times forward and backward passes of the supernet with the same pool on every edge.
 *
 * <p>A plain timing loop, no harness: each measured step runs in its own sub-manager like a
 * training step. Reported figures are medians over the measured steps. Use {@link #measure} from
 * code (the {@code bench search-step} command) or {@link #main} from a shell.
 */
public final class SupernetBenchmark {

    /** The paper's starting pool: max pool, avg pool, skip, conv(3,1,[]). */
    public static final List<OpConfig> PRDARTS4 =
            ops("max_pool(3)", "avg_pool(3)", "skip", "conv(k=3,d=1,x=[])");

    /** The six-candidate pool of the search issue's benchmark. */
    public static final List<OpConfig> SIX =
            ops(
                    "max_pool(3)",
                    "avg_pool(3)",
                    "skip",
                    "conv(k=3,d=1,x=[])",
                    "conv(k=5,d=1,x=[])",
                    "conv(k=3,d=1,x=[1])");

    private SupernetBenchmark() {}

    /**
     * Timings of one pool, in milliseconds (medians over the measured steps).
     *
     * @param pool the pool on every edge, canonical text
     * @param batch images per pass
     * @param parameters weights of the network, alphas excluded
     * @param alphaForwardMs forward pass recording gradients for the alphas only (alpha step)
     * @param alphaBackwardMs backward pass to the alphas only
     * @param weightForwardMs forward pass recording gradients for the weights only (weight step)
     * @param weightBackwardMs backward pass to the weights only
     * @param evalForwardMs forward pass in evaluation mode without gradients (validation)
     * @param stepMs alpha step plus weight step, forward and backward (median of the sums)
     */
    public record Result(
            String pool,
            int batch,
            long parameters,
            double alphaForwardMs,
            double alphaBackwardMs,
            double weightForwardMs,
            double weightBackwardMs,
            double evalForwardMs,
            double stepMs) {

        /** Returns the images per second of a search step (two batches per step). */
        public double imagesPerSecond() {
            return 2 * batch * 1000.0 / stepMs;
        }

        /** Returns one human-readable line. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%s: batch %d, %,d weights | alpha step fwd %.0f + bwd %.0f ms | weight step"
                            + " fwd %.0f + bwd %.0f ms | step %.0f ms = %.1f images/s | eval fwd"
                            + " %.0f ms",
                    pool,
                    batch,
                    parameters,
                    alphaForwardMs,
                    alphaBackwardMs,
                    weightForwardMs,
                    weightBackwardMs,
                    stepMs,
                    imagesPerSecond(),
                    evalForwardMs);
        }
    }

    /**
     * Measures one pool on every edge of a network of shape {@code spec}: the network part of a
     * first-order search step (no optimizer update, no data loading).
     *
     * @param spec network shape (the benchmark: {@link SupernetSpec#cifar(int)} with 10)
     * @param pool candidates on every edge of both cell types
     * @param batch images per pass
     * @param warmup steps before measuring
     * @param steps measured steps
     * @return the medians
     */
    public static Result measure(
            SupernetSpec spec, List<OpConfig> pool, int batch, int warmup, int steps) {
        if (batch < 1 || warmup < 0 || steps < 1) {
            throw new IllegalArgumentException(
                    "batch and steps must be >= 1 and warmup >= 0, got batch="
                            + batch
                            + ", warmup="
                            + warmup
                            + ", steps="
                            + steps);
        }
        Map<CellType, List<List<OpConfig>>> pools = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            pools.put(type, Collections.nCopies(CellTopology.EDGES, pool));
        }
        SeededRandom random = new SeededRandom(1);
        Shape shape = new Shape(batch, spec.imageChannels(), spec.height(), spec.width());
        try (Supernet net = Supernet.build(spec, pools, 1)) {
            double[][] t = new double[6][steps];
            for (int i = -warmup; i < steps; i++) {
                net.setWeightGradients(false);
                net.setAlphaGradients(true);
                double[] alpha = trainStep(net, shape, random);
                net.setAlphaGradients(false);
                net.setWeightGradients(true);
                double[] weight = trainStep(net, shape, random);
                net.setWeightGradients(false);
                double eval = evalStep(net, shape, random);
                if (i >= 0) {
                    t[0][i] = alpha[0];
                    t[1][i] = alpha[1];
                    t[2][i] = weight[0];
                    t[3][i] = weight[1];
                    t[4][i] = eval;
                    t[5][i] = alpha[0] + alpha[1] + weight[0] + weight[1];
                }
            }
            return new Result(
                    pool.toString(),
                    batch,
                    net.parameterCount(),
                    median(t[0]),
                    median(t[1]),
                    median(t[2]),
                    median(t[3]),
                    median(t[4]),
                    median(t[5]));
        }
    }

    private static double[] trainStep(Supernet net, Shape shape, SeededRandom random) {
        try (NDManager step = NDManager.newBaseManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray images = Tensors.normal(step, random, 1.0, shape);
            long t0 = System.nanoTime();
            NDArray logits = net.forward(images, true);
            NDArray loss = logits.square().mean();
            loss.getFloat();
            long t1 = System.nanoTime();
            collector.backward(loss);
            long t2 = System.nanoTime();
            clearGradients(net);
            return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
        }
    }

    private static void clearGradients(Supernet net) {
        List<NDArray> all = new ArrayList<>(net.weightArrays());
        all.addAll(net.alphaArrays());
        for (NDArray a : all) {
            if (a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    private static double evalStep(Supernet net, Shape shape, SeededRandom random) {
        try (NDManager step = NDManager.newBaseManager()) {
            NDArray images = Tensors.normal(step, random, 1.0, shape);
            long t0 = System.nanoTime();
            net.forward(images, false).getFloat(0, 0);
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<OpConfig> ops(String... texts) {
        List<OpConfig> list = new ArrayList<>();
        for (String t : texts) {
            list.add(OpConfig.parse(t));
        }
        return List.copyOf(list);
    }

    /**
     * Prints the timings of both benchmark pools on the paper's proxy network (3x32x32, 10 classes,
     * C = 16, 8 cells).
     *
     * @param args optional: batch (32), warm-up passes (2), measured passes (5)
     */
    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (List<OpConfig> pool : List.of(PRDARTS4, SIX)) {
            System.out.println(measure(SupernetSpec.cifar(10), pool, batch, warmup, steps).line());
        }
    }
}

package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.search.train.GradientGroup;
import dev.prdarts.search.train.SgdOptimizer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times single training steps of an evaluation network: forward with drop-path and auxiliary head,
 * backward, gradient clipping and the SGD update, on random images already in memory (the data
 * pipeline is not included).
 */
public final class TrainStepBenchmark {

    private TrainStepBenchmark() {}

    /**
     * What to time.
     *
     * @param genotype the cells
     * @param spec the network shape, auxiliary head included or not
     * @param batchSize images per step
     * @param warmup untimed steps first
     * @param steps timed steps
     */
    public record Settings(
            Genotype genotype, EvalNetworkSpec spec, int batchSize, int warmup, int steps) {

        /** Checks the counts. */
        public Settings {
            if (batchSize < 1 || warmup < 0 || steps < 1) {
                throw new IllegalArgumentException(
                        "batch size and steps must be >= 1 and warmup >= 0, got batch "
                                + batchSize
                                + ", warmup "
                                + warmup
                                + ", steps "
                                + steps);
            }
        }
    }

    /**
     * The measurements.
     *
     * @param stepMillis the wall time of every timed step, in order
     * @param params the parameter count without the auxiliary head
     */
    public record Result(double[] stepMillis, long params) {

        /** Returns the median step time in milliseconds. */
        public double medianMillis() {
            double[] sorted = stepMillis.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** Runs the warm-up and timed steps with arrays in sub-managers of {@code manager}. */
    public static Result run(Settings s, NDManager manager) {
        EvalNetworkSpec spec = s.spec();
        try (NDManager owner = manager.newSubManager()) {
            EvalNetwork network =
                    new EvalNetwork(s.genotype(), spec, owner, new SplittableRandom(0));
            network.setDropPathProbability(0.15f);
            GradientGroup weights = new GradientGroup("weights", network.parameters());
            weights.requireGradients(true);
            SgdOptimizer sgd = new SgdOptimizer(weights, 0.9, 3e-4, 5, owner);
            Shape shape = new Shape(s.batchSize(), spec.inChannels(), spec.height(), spec.width());
            double[] times = new double[s.steps()];
            for (int i = 0; i < s.warmup() + s.steps(); i++) {
                try (NDManager step = owner.newSubManager()) {
                    NDArray x = step.randomNormal(shape);
                    NDArray y =
                            step.randomInteger(
                                    0, spec.classes(), new Shape(s.batchSize()), DataType.INT32);
                    long t0 = System.nanoTime();
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        NDArray loss = Losses.trainingLoss(network.forward(x, true), y, 0.4f);
                        collector.backward(loss);
                    }
                    sgd.step(0.025, step);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (i >= s.warmup()) {
                        times[i - s.warmup()] = ms;
                    }
                }
            }
            return new Result(times, network.parameterCount(false));
        }
    }
}

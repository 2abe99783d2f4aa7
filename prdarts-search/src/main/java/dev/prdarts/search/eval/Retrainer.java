package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.data.Batch;
import dev.prdarts.data.BatchStream;
import dev.prdarts.data.DataSplits;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.search.genotype.GenotypeText;
import dev.prdarts.search.progress.ProgressListener;
import dev.prdarts.search.progress.ProgressTask;
import dev.prdarts.search.train.GradientGroup;
import dev.prdarts.search.train.SgdOptimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the evaluation network of a genotype from scratch and tests it after every epoch (DESIGN
 * section 8).
 *
 * <p>Per epoch: the learning rate follows a cosine from {@code learningRate} to {@code
 * minLearningRate}, the drop-path probability rises linearly from 0 to {@code dropPathMax}; each
 * step trains on one augmented batch (cross-entropy plus {@code auxWeight} times the auxiliary
 * head's, if any) with {@link SgdOptimizer}; then the whole test split is evaluated. The run's
 * files are written through a {@link TrainingRun}.
 */
public final class Retrainer {

    private static final Logger LOG = LoggerFactory.getLogger(Retrainer.class);

    private final RetrainConfig config;
    private ProgressListener progress = ProgressListener.none();

    /** Creates a trainer with these settings. */
    public Retrainer(RetrainConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /**
     * Sets where the progress within each epoch is reported, counted in training images; the
     * default shows nothing.
     *
     * @param listener the listener, or {@code null} for none
     */
    public void setProgressListener(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.none() : listener;
    }

    /** Returns the network shape this trainer builds for a dataset of that shape and classes. */
    public EvalNetworkSpec spec(ImageShape shape, int classes) {
        return new EvalNetworkSpec(
                config.channels(),
                config.cells(),
                classes,
                shape.channels(),
                shape.height(),
                shape.width(),
                config.auxiliary());
    }

    /**
     * Trains, tests after every epoch, and writes the run folder.
     *
     * @param genotype the cells to train
     * @param genotypeName the name or file the genotype came from, for the records
     * @param data the dataset, loaded with the training augmentation (Cutout included)
     * @param manager the parent manager on the training device; everything created is freed
     * @param run the run folder to write, or null to write nothing
     * @param batchSizes an adaptive batch-size manager, or null for the fixed configured size
     * @return the final and mean-of-last-5 test accuracy and the other results
     * @throws IOException when a run file cannot be written
     */
    public RetrainResult train(
            Genotype genotype,
            String genotypeName,
            DataSplits data,
            NDManager manager,
            TrainingRun run,
            BatchSizeManager batchSizes)
            throws IOException {
        EvalNetworkSpec spec = spec(data.shape(), data.classes());
        long start = System.nanoTime();
        try (NDManager owner = manager.newSubManager()) {
            EvalNetwork network =
                    new EvalNetwork(genotype, spec, owner, new SplittableRandom(config.seed()));
            long params = network.parameterCount(false);
            LOG.info(
                    "retraining {} on {}: C={}, {} cells, {} classes, input {}, auxiliary head {},"
                            + " {} parameters, {} epochs",
                    genotypeName,
                    data.name(),
                    spec.channels(),
                    spec.cells(),
                    spec.classes(),
                    data.shape(),
                    spec.auxiliary() ? "on" : "off",
                    params,
                    config.epochs());
            if (run != null) {
                run.writeConfig(configSections(genotype, genotypeName, spec, data));
            }

            GradientGroup weights = new GradientGroup("weights", network.parameters());
            weights.requireGradients(true);
            SgdOptimizer sgd =
                    new SgdOptimizer(
                            weights,
                            config.momentum(),
                            config.weightDecay(),
                            config.gradClip() > 0 ? config.gradClip() : Double.POSITIVE_INFINITY,
                            owner);

            List<Double> testAccs = new ArrayList<>();
            Evaluation last = null;
            int firstBatch = batchSizes == null ? config.batchSize() : batchSizes.batchSize();
            try (BatchStream stream = data.train().epochs(firstBatch)) {
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    if (epoch > 0) {
                        stream.nextEpoch();
                    }
                    long epochStart = System.nanoTime();
                    double lr =
                            Schedules.cosineLearningRate(
                                    config.learningRate(),
                                    config.minLearningRate(),
                                    epoch,
                                    config.epochs());
                    float drop =
                            Schedules.dropPathProbability(
                                    config.dropPathMax(), epoch, config.epochs());
                    network.setDropPathProbability(drop);

                    EpochCounter counter =
                            trainEpoch(network, sgd, stream, lr, owner, batchSizes, epoch);
                    last = Evaluator.evaluate(network, data.test(), config.batchSize(), owner);
                    if (!Double.isFinite(last.loss())) {
                        // NaN logits would count as hits of class 0; the weights are lost
                        throw new IllegalStateException(
                                "training diverged: the test loss is "
                                        + last.loss()
                                        + " after epoch "
                                        + (epoch + 1)
                                        + "; try a smaller learning rate");
                    }
                    testAccs.add(last.top1());
                    double seconds = (System.nanoTime() - epochStart) / 1e9;

                    EpochMetrics m =
                            new EpochMetrics(
                                    epoch + 1,
                                    counter.loss(),
                                    counter.accuracy(),
                                    last.loss(),
                                    last.top1(),
                                    last.top5(),
                                    lr,
                                    drop,
                                    counter.maxBatch,
                                    seconds,
                                    counter.images);
                    if (run != null) {
                        run.appendMetrics(m);
                    }
                    LOG.info(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "epoch %d/%d: train loss %.4f acc %.2f%%, test loss %.4f acc"
                                            + " %.2f%%, lr %.5f, drop-path %.3f, batch %d, %.1f s",
                                    epoch + 1,
                                    config.epochs(),
                                    m.trainLoss(),
                                    100 * m.trainAcc(),
                                    m.testLoss(),
                                    100 * m.testAcc(),
                                    lr,
                                    drop,
                                    m.batchSize(),
                                    seconds));
                }
            }

            int n = Math.min(5, testAccs.size());
            double mean = 0;
            for (double a : testAccs.subList(testAccs.size() - n, testAccs.size())) {
                mean += a / n;
            }
            RetrainResult result =
                    new RetrainResult(
                            last.top1(),
                            mean,
                            config.epochs(),
                            params,
                            last.loss(),
                            last.top5(),
                            (System.nanoTime() - start) / 1e9,
                            genotypeName,
                            data.name());
            if (run != null) {
                weights.requireGradients(false);
                ModelFolder.save(
                        network,
                        new ModelInfo(
                                spec, data.name(), data.classNames(), data.normalization(), params),
                        run.modelDir());
                run.writeResult(result);
            }
            LOG.info(
                    String.format(
                            java.util.Locale.ROOT,
                            "finished: final test accuracy %.2f%%, mean of the last %d epochs"
                                    + " %.2f%%, %.1f s",
                            100 * result.finalTestAcc(),
                            n,
                            100 * result.meanLast5TestAcc(),
                            result.seconds()));
            return result;
        }
    }

    private EpochCounter trainEpoch(
            EvalNetwork network,
            SgdOptimizer sgd,
            BatchStream stream,
            double lr,
            NDManager owner,
            BatchSizeManager batchSizes,
            int epoch) {
        EpochCounter counter = new EpochCounter();
        float auxWeight = (float) config.auxWeight();
        String name = "epoch " + (epoch + 1) + "/" + config.epochs();
        try (ProgressTask task = progress.start(name, stream.epochSize())) {
            while (stream.hasNext()) {
                int before = stream.position();
                if (batchSizes == null) {
                    step(network, sgd, stream, lr, owner, auxWeight, counter);
                } else {
                    batchSizes.runStep(
                            size -> {
                                stream.setBatchSize(size);
                                step(network, sgd, stream, lr, owner, auxWeight, counter);
                                return size;
                            });
                }
                task.step(
                        Math.max(0, stream.position() - before),
                        String.format(Locale.ROOT, "loss %.4f", counter.loss()));
            }
        }
        return counter;
    }

    private static void step(
            EvalNetwork network,
            SgdOptimizer sgd,
            BatchStream stream,
            double lr,
            NDManager owner,
            float auxWeight,
            EpochCounter counter) {
        try (NDManager step = owner.newSubManager()) {
            Batch batch = stream.next(step);
            NDArray loss;
            EvalNetwork.Output out;
            try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                out = network.forward(batch.images(), true);
                loss = Losses.trainingLoss(out, batch.labels(), auxWeight);
                collector.backward(loss);
            }
            float value = loss.getFloat();
            if (!Float.isFinite(value)) {
                throw new IllegalStateException(
                        "training diverged: the loss is "
                                + value
                                + " in epoch "
                                + (batch.epoch() + 1)
                                + "; try a smaller learning rate");
            }
            long correct =
                    out.logits()
                            .argMax(1)
                            .toType(DataType.INT32, false)
                            .eq(batch.labels().toType(DataType.INT32, false))
                            .toType(DataType.INT32, false)
                            .sum()
                            .toType(DataType.INT64, false)
                            .getLong();
            sgd.step(lr, step);
            counter.add(batch.size(), value, correct);
        }
    }

    private Map<String, Map<String, Object>> configSections(
            Genotype genotype, String genotypeName, EvalNetworkSpec spec, DataSplits data) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        sections.put("train", config.toMap());
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("channels", spec.channels());
        net.put("cells", spec.cells());
        net.put("classes", spec.classes());
        net.put("input", List.of(spec.inChannels(), spec.height(), spec.width()));
        net.put("auxiliary", spec.auxiliary());
        sections.put("network", net);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("source", genotypeName);
        g.put("cells", List.of(GenotypeText.format(genotype).split("\n")));
        sections.put("genotype", g);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", data.name());
        d.put("train_images", data.train().size());
        d.put("test_images", data.test().size());
        d.put("augmentation", data.augmentation().toString());
        sections.put("data", d);
        return sections;
    }

    /** Sums of one training epoch. */
    private static final class EpochCounter {
        private double lossSum;
        private long correct;
        private long images;
        private int maxBatch;

        void add(int n, float meanLoss, long hits) {
            lossSum += (double) meanLoss * n;
            correct += hits;
            images += n;
            maxBatch = Math.max(maxBatch, n);
        }

        double loss() {
            return images == 0 ? Double.NaN : lossSum / images;
        }

        double accuracy() {
            return images == 0 ? Double.NaN : (double) correct / images;
        }
    }
}

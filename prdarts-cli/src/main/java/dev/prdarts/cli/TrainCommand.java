package dev.prdarts.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.cli.progress.CliProgress;
import dev.prdarts.data.DataOptions;
import dev.prdarts.data.DataSplits;
import dev.prdarts.data.DatasetRegistry;
import dev.prdarts.hardware.EngineThreads;
import dev.prdarts.hardware.HardwareConfig;
import dev.prdarts.hardware.HardwareContext;
import dev.prdarts.hardware.MemoryProbeRegistry;
import dev.prdarts.search.eval.EvalNetworkSize;
import dev.prdarts.search.eval.EvalNetworkSpec;
import dev.prdarts.search.eval.RetrainConfig;
import dev.prdarts.search.eval.RetrainResult;
import dev.prdarts.search.eval.Retrainer;
import dev.prdarts.search.eval.TrainingRun;
import dev.prdarts.search.genotype.GenotypeFiles;
import dev.prdarts.search.supernet.MemoryFloor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs {@code prdarts train}: retrains a genotype's evaluation network (DESIGN section 8). */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Retrain the evaluation network of a genotype from scratch and test it every epoch.",
            "Presets: smoke (default; built-in Fashion-MNIST sample, C=8, 5 cells, 6 epochs, one"
                + " engine thread unless --threads, minutes on a CPU) and paper (CIFAR-10, C=36, 20"
                + " cells, 600 epochs, batch 96, Cutout 16, drop-path 0.3, auxiliary head 0.4)."
        })
final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @Option(
            names = "--genotype",
            paramLabel = "NAME|FILE",
            defaultValue = "DL2",
            description =
                    "Built-in cell (DL1, DL2, DR, UR, DARTS_V2), genotype.json, search run folder"
                            + " or the authors' genotype JSON. Default: ${DEFAULT-VALUE}.")
    String genotype;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "smoke",
            description = "smoke or paper. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset name. Default: the preset's.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the dataset.")
    Path dataDir;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs. Default: the preset's.")
    Integer epochs;

    @Option(
            names = "--channels",
            paramLabel = "C",
            description = "Initial channels C. Default: the preset's.")
    Integer channels;

    @Option(
            names = "--cells",
            paramLabel = "L",
            description = "Number of cells L. Default: the preset's.")
    Integer cells;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size. Default: the preset's.")
    Integer batch;

    @Option(
            names = "--lr",
            paramLabel = "LR",
            description = "Initial learning rate. Default: the preset's.")
    Double learningRate;

    @Option(
            names = "--cutout",
            paramLabel = "PIXELS",
            description = "Cutout side, 0 for none. Default: the preset's.")
    Integer cutout;

    @Option(
            names = "--drop-path",
            paramLabel = "P",
            description = "Final drop-path probability. Default: the preset's.")
    Double dropPath;

    @Option(
            names = "--aux",
            negatable = true,
            description =
                    "Train with the auxiliary head (--no-aux: without). Default: the preset's,"
                            + " switched off for images under 29x29.")
    Boolean aux;

    @Option(names = "--seed", paramLabel = "N", description = "Seed. Default: the preset's (0).")
    Long seed;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Use only the first N images of each split (0: all). Default: 0.")
    Integer limit;

    @Option(
            names = "--adaptive-batch",
            description =
                    "Let the batch-size manager choose the batch between --batch-min and"
                            + " --batch-max from measured memory, instead of --batch.")
    boolean adaptiveBatch;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Run folder. Default: runs/train-<date>-<time>.")
    Path out;

    @Option(names = "--force", description = "Replace a run already in --out.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(
            names = "--no-report",
            description = "Do not write report.html into the run folder at the end.")
    boolean noReport;

    @Mixin HardwareOptions hardware;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // every setting is checked before the engine starts, so a mistake is the only line shown
        HardwareConfig hw = hardware.toConfig();
        RetrainConfig base = config(RetrainConfig.preset(preset));
        Genotype cells = GenotypeFiles.load(genotype);
        new DatasetRegistry().provider(base.dataset());
        Path dir =
                out != null
                        ? out
                        : Path.of(
                                "runs",
                                "train-"
                                        + LocalDateTime.now()
                                                .format(
                                                        DateTimeFormatter.ofPattern(
                                                                "yyyyMMdd-HHmmss")));
        TrainingRun.checkFree(dir, force);
        if ("smoke".equalsIgnoreCase(preset.strip())
                && hw.threads().intraOp().isEmpty()
                && System.getProperty(EngineThreads.INTRA_OP_PROPERTY) == null) {
            // a tiny network gains little from intra-op threads and suffers badly when the
            // cores are shared
            hw = hw.withThreads(EngineThreads.intraOp(1));
        }
        RetrainResult result;
        try (RunLogFile.Early early = RunLogFile.early()) {
            // the hardware settings are brought into effect before the run folder exists, so a
            // bad device or budget leaves no folder behind
            HardwareContext context = new HardwareContext(hw, new MemoryProbeRegistry()).start();

            DataSplits data =
                    DataSplits.load(
                            new DatasetRegistry(),
                            base.dataset(),
                            DataOptions.builder()
                                    .dataDir(dataDir)
                                    .seed(base.seed())
                                    .cutout(base.cutout())
                                    .limit(base.limit())
                                    .build());
            try {
                data.checkTrainingLimit();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        (limit != null ? "--limit: " : "limit: ") + e.getMessage(), e);
            }
            checkMemoryFloor(base, cells, data, hw, context.probe().budgetBytes());
            RetrainConfig config = base;
            if (base.auxiliary()
                    && !EvalNetworkSpec.auxiliaryFits(
                            data.shape().height(), data.shape().width())) {
                if (Boolean.TRUE.equals(aux)) {
                    throw new IllegalArgumentException(
                            "--aux: the auxiliary head needs images of at least 29x29 (an 8x8 map"
                                    + " after the two reductions), but "
                                    + data.name()
                                    + " has "
                                    + data.shape()
                                    + "; train with --no-aux");
                }
                config = base.toBuilder().auxiliary(false).build();
            }

            try (TrainingRun run = TrainingRun.create(dir, force);
                    RunLogFile log = RunLogFile.open(run.logFile(), false, early)) {
                LOG.info("training run folder {}", dir.toAbsolutePath());
                if (base.auxiliary() && !config.auxiliary()) {
                    LOG.info(
                            "auxiliary head off: {} images are too small for it (it needs 29x29"
                                    + " or more)",
                            data.shape());
                }
                try (NDManager manager = NDManager.newBaseManager(context.device())) {
                    Retrainer retrainer = new Retrainer(config);
                    retrainer.setProgressListener(CliProgress.forThisProcess());
                    result =
                            retrainer.train(
                                    cells,
                                    genotype,
                                    data,
                                    manager,
                                    run,
                                    adaptiveBatch ? context.newBatchSizeManager() : null);
                }
            }
        }
        Optional<Path> report = noReport ? Optional.empty() : FinalReport.write(dir);

        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("out", dir.toString());
            node.put("genotype", genotype);
            node.put("dataset", result.dataset());
            node.put("epochs", result.epochs());
            node.put("params", result.params());
            node.put("final_test_acc", result.finalTestAcc());
            node.put("mean_last5_test_acc", result.meanLast5TestAcc());
            node.put("final_test_loss", result.finalTestLoss());
            if (Double.isNaN(result.finalTestTop5())) {
                // as in result.json: no top-5 accuracy for 5 classes or fewer
                node.putNull("final_test_top5");
            } else {
                node.put("final_test_top5", result.finalTestTop5());
            }
            node.put("seconds", result.seconds());
            report.ifPresent(r -> node.put("report", r.toString()));
            w.println(mapper.writeValueAsString(node));
        } else {
            w.printf(
                    Locale.ROOT,
                    "%s on %s: final test accuracy %.2f%%, mean of the last %d epochs %.2f%% (%d"
                            + " epochs, %,d parameters, %.0f s); run folder %s%n",
                    genotype,
                    result.dataset(),
                    100 * result.finalTestAcc(),
                    Math.min(5, result.epochs()),
                    100 * result.meanLast5TestAcc(),
                    result.epochs(),
                    result.params(),
                    result.seconds(),
                    dir);
        }
        w.flush();
        return 0;
    }

    /**
     * Returns the preset with the given options applied. Each option is checked as it is applied,
     * so a bad value is reported with the option's name.
     */
    private RetrainConfig config(RetrainConfig preset) {
        RetrainConfig config = preset;
        config = apply(config, "--dataset", dataset, (b, v) -> b.dataset(v));
        config = apply(config, "--epochs", epochs, (b, v) -> b.epochs(v));
        config = apply(config, "--channels", channels, (b, v) -> b.channels(v));
        config = apply(config, "--cells", cells, (b, v) -> b.cells(v));
        config = apply(config, "--batch", batch, (b, v) -> b.batchSize(v));
        config = apply(config, "--lr", learningRate, (b, v) -> b.learningRate(v));
        config = apply(config, "--cutout", cutout, (b, v) -> b.cutout(v));
        config = apply(config, "--drop-path", dropPath, (b, v) -> b.dropPathMax(v));
        config = apply(config, "--aux", aux, (b, v) -> b.auxiliary(v));
        config = apply(config, "--seed", seed, (b, v) -> b.seed(v));
        config = apply(config, "--limit", limit, (b, v) -> b.limit(v));
        return config;
    }

    private static <T> RetrainConfig apply(
            RetrainConfig config,
            String option,
            T value,
            BiConsumer<RetrainConfig.Builder, T> setter) {
        if (value == null) {
            return config;
        }
        RetrainConfig.Builder b = config.toBuilder();
        setter.accept(b, value);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a network that cannot fit the memory budget before anything is written (see {@link
     * EvalNetworkSize#trainingFloorBytes}), so a genotype file with an enormous operation or far
     * too many channels is one error line.
     */
    private void checkMemoryFloor(
            RetrainConfig base, Genotype cells, DataSplits data, HardwareConfig hw, long budget) {
        int batch = adaptiveBatch ? hw.batch().bMin() : base.batchSize();
        EvalNetworkSpec spec =
                new EvalNetworkSpec(
                        base.channels(),
                        base.cells(),
                        data.classes(),
                        data.shape().channels(),
                        data.shape().height(),
                        data.shape().width(),
                        false);
        MemoryFloor.require(
                "--genotype "
                        + genotype
                        + " with --channels "
                        + base.channels()
                        + ", --cells "
                        + base.cells()
                        + " at batch size "
                        + batch
                        + " on "
                        + spec.height()
                        + "x"
                        + spec.width()
                        + " images",
                EvalNetworkSize.trainingFloorBytes(cells, spec, batch),
                budget);
    }
}

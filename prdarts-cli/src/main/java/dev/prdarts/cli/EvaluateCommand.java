package dev.prdarts.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import dev.prdarts.data.DataOptions;
import dev.prdarts.data.DataSplits;
import dev.prdarts.data.DatasetRegistry;
import dev.prdarts.hardware.HardwareContext;
import dev.prdarts.hardware.MemoryProbeRegistry;
import dev.prdarts.search.eval.EvalNetworkSpec;
import dev.prdarts.search.eval.Evaluation;
import dev.prdarts.search.eval.Evaluator;
import dev.prdarts.search.eval.ModelFolder;
import dev.prdarts.search.eval.ModelInfo;
import dev.prdarts.search.genotype.GenotypeFiles;
import dev.prdarts.search.run.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs {@code prdarts evaluate}: test accuracy and loss of a trained model. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Report the test accuracy (top-1, and top-5 when there are more than 5 classes) and"
                    + " loss of a trained model.",
            "MODEL_DIR is a training run folder or its model/ folder; the images are normalised"
                    + " with the statistics the model was trained with."
        })
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Run or model folder.")
    Path modelDir;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset name. Default: the one it was trained on.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the dataset.")
    Path dataDir;

    @Option(
            names = "--batch",
            paramLabel = "B",
            defaultValue = "100",
            description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Evaluate only the first N test images (0: all).")
    int limit;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin HardwareOptions hardware;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0 (0: all), got " + limit);
        }
        HardwareContext context =
                new HardwareContext(hardware.toConfig(), new MemoryProbeRegistry());
        refuseUntrained(modelDir);
        ModelInfo info = ModelFolder.readInfo(modelDir);
        String name = dataset != null ? dataset : info.dataset();
        ImageDataset images =
                new DatasetRegistry()
                        .load(name, new DatasetRequest(Optional.ofNullable(dataDir), 0));
        check(info.spec(), images);
        DataSplits data =
                DataSplits.of(
                        images, DataOptions.builder().limit(limit).build(), info.normalization());

        Evaluation result;
        context.start();
        try (NDManager manager = NDManager.newBaseManager(context.device())) {
            ModelFolder.Loaded model = ModelFolder.load(modelDir, manager);
            result = Evaluator.evaluate(model.network(), data.test(), batch, manager);
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("model", modelDir.toString());
            node.put("dataset", name);
            node.put("images", result.images());
            node.put("top1", result.top1());
            if (result.hasTop5()) {
                node.put("top5", result.top5());
            } else {
                node.putNull("top5");
            }
            node.put("loss", result.loss());
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s on %s (%,d test images): top-1 %.2f%%%s, loss %.4f%n",
                    modelDir,
                    name,
                    result.images(),
                    100 * result.top1(),
                    result.hasTop5()
                            ? String.format(Locale.ROOT, ", top-5 %.2f%%", 100 * result.top5())
                            : "",
                    result.loss());
        }
        out.flush();
        return 0;
    }

    /**
     * Refuses a search run folder or a genotype file, which hold a cell but no trained weights,
     * with the command that trains the cell.
     */
    static void refuseUntrained(Path dir) {
        if (Files.isRegularFile(dir)
                && dir.getFileName().toString().equals(GenotypeFiles.FILE_NAME)) {
            throw new IllegalArgumentException(
                    dir + " is a genotype, not a trained model; train it first: " + train(dir));
        }
        boolean model =
                Files.isRegularFile(dir.resolve(ModelFolder.MODEL_JSON))
                        || Files.isDirectory(dir.resolve("model"));
        boolean searchRun =
                Files.isRegularFile(dir.resolve(RunFolder.LOG))
                        || Files.isDirectory(dir.resolve("pools"));
        if (model || !searchRun) {
            return;
        }
        Path genotype = dir.resolve(RunFolder.GENOTYPE);
        if (Files.isRegularFile(genotype)) {
            throw new IllegalArgumentException(
                    dir
                            + " is a search run folder, not a trained model; train its cell first: "
                            + train(genotype));
        }
        throw new IllegalArgumentException(
                dir
                        + " is a search run folder without a final "
                        + RunFolder.GENOTYPE
                        + " yet, not a trained model; when the search has finished, train its"
                        + " cell: "
                        + train(genotype));
    }

    private static String train(Path genotype) {
        String path = genotype.toString();
        boolean plain = path.matches("[A-Za-z0-9_./:@%+=,-]+");
        return "./prdarts train --genotype "
                + (plain ? path : "'" + path.replace("'", "'\\''") + "'");
    }

    private void check(EvalNetworkSpec model, ImageDataset images) {
        var shape = images.shape();
        if (shape.channels() != model.inChannels()
                || shape.height() != model.height()
                || shape.width() != model.width()) {
            throw new IllegalArgumentException(
                    "dataset "
                            + images.name()
                            + " has images of "
                            + shape
                            + " but the model in "
                            + modelDir
                            + " expects "
                            + model.inChannels()
                            + "x"
                            + model.height()
                            + "x"
                            + model.width());
        }
        if (images.classes() != model.classes()) {
            throw new IllegalArgumentException(
                    "dataset "
                            + images.name()
                            + " has "
                            + images.classes()
                            + " classes but the model in "
                            + modelDir
                            + " was trained for "
                            + model.classes());
        }
    }
}

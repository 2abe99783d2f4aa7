package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.search.eval.EvalNetwork;
import dev.prdarts.search.eval.EvalNetworkSpec;
import dev.prdarts.search.eval.ModelFolder;
import dev.prdarts.search.eval.ModelInfo;
import dev.prdarts.search.genotype.BuiltinGenotypes;
import dev.prdarts.search.genotype.GenotypeJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainEvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GenotypeCommandTest.Result run(String... args) {
        return GenotypeCommandTest.run(args);
    }

    private static String[] tinyTrain(Path out, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--epochs",
                                "1",
                                "--channels",
                                "4",
                                "--cells",
                                "3",
                                "--batch",
                                "32",
                                "--limit",
                                "64",
                                "--out",
                                out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void tooLargeLimitNamesTheOptionAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of(tinyTrain(out)));
        args.set(args.indexOf("64"), "7000");

        GenotypeCommandTest.Result r = run(args.toArray(new String[0]));

        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--limit: limit 7000 is larger than the train split"), r.err());
        assertFalse(Files.exists(out), "a refused training wrote " + out);
    }

    @Test
    void trainWritesTheRunFolderAndEvaluateReproducesTheTestAccuracy(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("run");
        GenotypeCommandTest.Result r = run(tinyTrain(out, "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode printed = JSON.readTree(r.out());
        assertEquals(1, printed.get("epochs").asInt());
        assertEquals(out.resolve("report.html").toString(), printed.get("report").asText());
        assertTrue(Files.isRegularFile(out.resolve("report.html")), "report.html missing");

        for (String f :
                List.of(
                        "config.toml",
                        "train.log",
                        "metrics.jsonl",
                        "result.json",
                        "model/model.json",
                        "model/genotype.json",
                        "model/parameters.ndlist")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing");
        }
        assertTrue(Files.readString(out.resolve("train.log")).contains("epoch 1/1"));
        assertEquals(1, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
        assertEquals(
                printed.get("final_test_acc").asDouble(), result.get("final_test_acc").asDouble());
        assertTrue(printed.get("final_test_top5").isNumber(), printed.toString());
        assertEquals(
                result.get("final_test_top5").asDouble(),
                printed.get("final_test_top5").asDouble());
        JsonNode model = JSON.readTree(out.resolve("model/model.json").toFile());
        assertEquals(1, model.get("input").get("channels").asInt());
        assertEquals(28, model.get("input").get("height").asInt());
        assertEquals(false, model.get("aux").asBoolean());

        GenotypeCommandTest.Result e = run("evaluate", out.toString(), "--limit", "64", "--json");
        assertEquals(0, e.code(), e.err());
        JsonNode eval = JSON.readTree(e.out());
        assertEquals(64, eval.get("images").asInt());
        assertEquals(result.get("final_test_acc").asDouble(), eval.get("top1").asDouble(), 1e-12);
        assertEquals(result.get("final_test_loss").asDouble(), eval.get("loss").asDouble(), 1e-4);
        assertTrue(eval.get("top5").asDouble() >= eval.get("top1").asDouble());

        GenotypeCommandTest.Result again = run(tinyTrain(out));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a run"), again.err());
        assertTrue(again.err().contains("--force"), again.err());
    }

    @Test
    void summaryLineCountsTheEpochsItAverages(@TempDir Path dir) {
        GenotypeCommandTest.Result r = run(tinyTrain(dir.resolve("run"), "--no-report"));

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(", mean of the last 1 epochs "), r.out());
        assertTrue(r.out().contains("(1 epochs, "), r.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "--cutout # -1 # --cutout: cutout must be >= 0, got -1",
                "--lr # -1 # --lr: learning rate must be > 0, got -1.0",
                "--drop-path # 1.5 # --drop-path: drop-path probability must be in [0, 1), got 1.5",
                "--preset # huge # unknown preset 'huge'; known: smoke, paper",
                "--dataset # nope # unknown dataset 'nope'; known datasets: builtin, cifar10,"
                        + " cifar100, fashion-mnist, image-folder, mnist",
            })
    void badTrainingOptionIsOneLineNamingItAndWritesNothing(
            String option, String value, String expected, @TempDir Path dir) {
        GenotypeCommandTest.Result r = run(tinyTrain(dir.resolve("run"), option, value));

        assertEquals(2, r.code());
        assertEquals("prdarts: error: " + expected + System.lineSeparator(), r.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing is written for a refused run");
    }

    @Test
    void forcedTrainingOfANetworkThatCannotFitKeepsTheEarlierRun(@TempDir Path dir)
            throws IOException {
        Path out = Files.createDirectories(dir.resolve("run/model"));
        Files.writeString(out.resolve("model.json"), "{\"earlier\": true}");
        String[] args = tinyTrain(dir.resolve("run"), "--force");
        args[4] = "100000"; // --channels

        GenotypeCommandTest.Result r = run(args);

        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("--channels 100000, --cells 3 at batch size 32"), r.err());
        assertTrue(r.err().contains("over the memory budget"), r.err());
        assertEquals("{\"earlier\": true}", Files.readString(out.resolve("model.json")));
    }

    @Test
    void genotypeWithAnEnormousOperationIsRefusedBeforeAnyWork(@TempDir Path dir)
            throws IOException {
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String op = i == 0 ? "conv(k=3,d=1,x=[100000])" : "skip";
            edges.append(i == 0 ? "" : ", ")
                    .append("{\"op\": \"")
                    .append(op)
                    .append("\", \"input\": ")
                    .append(i % 2)
                    .append("}");
        }
        String cell = "{\"edges\": [" + edges + "], \"concat\": [2, 3, 4, 5]}";
        Path file = dir.resolve("huge.json");
        Files.writeString(file, "{\"normal\": " + cell + ", \"reduce\": " + cell + "}");

        GenotypeCommandTest.Result r =
                run(tinyTrain(dir.resolve("run"), "--genotype", file.toString()));

        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("over the memory budget"), r.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing is written for a refused run");
    }

    @Test
    void divergedTrainingStopsWithAMessageAndAnInfiniteRateIsRefused(@TempDir Path dir) {
        GenotypeCommandTest.Result inf = run(tinyTrain(dir.resolve("a"), "--lr", "1e400"));
        assertEquals(Main.EXIT_USAGE, inf.code());
        assertTrue(inf.err().contains("finite"), inf.err());

        GenotypeCommandTest.Result r =
                run(tinyTrain(dir.resolve("b"), "--lr", "1e10", "--no-report"));
        assertEquals(Main.EXIT_USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("training diverged"), r.err());
    }

    @Test
    void forceDoesNotReplaceTheFolderOfARunningTraining(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("config.toml"), "[train]\n");
        try (FileChannel ch =
                        FileChannel.open(
                                run.resolve(".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            GenotypeCommandTest.Result train = run(tinyTrain(run, "--force"));
            GenotypeCommandTest.Result search = run("search", "--out", run.toString(), "--force");

            assertEquals(Main.EXIT_USAGE, train.code());
            assertTrue(train.err().contains("in use by a running training"), train.err());
            assertEquals(Main.EXIT_USAGE, search.code());
            assertTrue(search.err().contains("in use by a running training"), search.err());
        }
        assertEquals("[train]\n", Files.readString(run.resolve("config.toml")));
    }

    @Test
    void forcedTrainingOverASearchRunLeavesNoSearchFiles(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run/pools"));
        Files.writeString(dir.resolve("run/genotype.json"), "{}");
        Files.writeString(dir.resolve("run/search.log"), "old");

        GenotypeCommandTest.Result r = run(tinyTrain(dir.resolve("run"), "--force", "--no-report"));

        assertEquals(0, r.code(), r.err());
        assertTrue(Files.notExists(run), "pools/ of the search is gone");
        assertTrue(Files.notExists(dir.resolve("run/genotype.json")));
        assertTrue(Files.notExists(dir.resolve("run/search.log")));
        assertTrue(Files.isRegularFile(dir.resolve("run/result.json")));
    }

    @Test
    void outputThatIsAFileIsRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");

        GenotypeCommandTest.Result r = run(tinyTrain(file, "--dataset", "cifar10"));

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: output "
                        + file
                        + " is a file, not a folder"
                        + System.lineSeparator(),
                r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void garbageGenotypeFileIsOneLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path garbage = Files.writeString(dir.resolve("cell.json"), "garbage{");

        GenotypeCommandTest.Result r =
                run(tinyTrain(dir.resolve("run"), "--genotype", garbage.toString()));

        assertEquals(2, r.code());
        assertTrue(
                r.err()
                        .startsWith(
                                "prdarts: error: genotype file '" + garbage + "': not valid JSON"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing is written for a refused run");
    }

    @Test
    void evaluateNamesANegativeLimit(@TempDir Path dir) {
        GenotypeCommandTest.Result r = run("evaluate", dir.toString(), "--limit", "-5");

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: --limit must be >= 0 (0: all), got -5" + System.lineSeparator(),
                r.err());
    }

    @Test
    void auxiliaryHeadIsRefusedForFashionMnistWhenAskedFor(@TempDir Path dir) {
        GenotypeCommandTest.Result r = run(tinyTrain(dir.resolve("run"), "--aux"));
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("--aux: the auxiliary head needs images of at least 29x29"),
                r.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing is written for a refused run");
    }

    @Test
    void unavailableDeviceLeavesNoRunFolder(@TempDir Path dir) {
        GenotypeCommandTest.Result r = run(tinyTrain(dir.resolve("run"), "--device", "gpu:7"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gpu:7"), r.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing is written for a refused run");
    }

    @Test
    void evaluateNamesAMissingFolder(@TempDir Path dir) {
        GenotypeCommandTest.Result r = run("evaluate", dir.resolve("none").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such model folder"), r.err());
    }

    @Test
    void evaluateSaysAFolderWithoutAModelIsNoRunFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        GenotypeCommandTest.Result r = run("evaluate", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a training run folder or model folder"), r.err());
    }

    @Test
    void evaluateNamesAnIncompleteFolder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("model"));
        Files.writeString(dir.resolve("model/model.json"), "{}");
        GenotypeCommandTest.Result r = run("evaluate", dir.toString());
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("incomplete: missing genotype.json, parameters.ndlist"), r.err());
    }

    @Test
    void evaluateRefusesAnUnknownModelFormatVersion(@TempDir Path dir) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        GenotypeJson.write(BuiltinGenotypes.get("DL2"), model.resolve("genotype.json"));
        Files.write(model.resolve("parameters.ndlist"), new byte[0]);
        Path json =
                Files.writeString(
                        model.resolve("model.json"),
                        "{\"format\": \"prdarts-eval-model\", \"version\": 99}");

        GenotypeCommandTest.Result r = run("evaluate", dir.toString());

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: "
                        + json
                        + ": unknown model format version 99 (this prdarts reads version 1)"
                        + System.lineSeparator(),
                r.err());
    }

    /** Writes the files of a finished search run, without a trained model. */
    private static Path searchRun(Path dir, boolean finished) throws IOException {
        Path run = Files.createDirectories(dir.resolve("search-1"));
        Files.createDirectories(run.resolve("pools"));
        Files.writeString(run.resolve("config.toml"), "seed = 0\n");
        Files.writeString(run.resolve("search.log"), "");
        Files.writeString(run.resolve("metrics.jsonl"), "");
        if (finished) {
            GenotypeJson.write(BuiltinGenotypes.get("DL2"), run.resolve("genotype.json"));
        }
        return run;
    }

    @Test
    void evaluateExplainsThatASearchRunFolderHoldsNoTrainedModel(@TempDir Path dir)
            throws IOException {
        Path run = searchRun(dir, true);

        GenotypeCommandTest.Result r = run("evaluate", run.toString());

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: "
                        + run
                        + " is a search run folder, not a trained model; train its cell first:"
                        + " ./prdarts train --genotype "
                        + run.resolve("genotype.json")
                        + "\n",
                r.err());
        assertEquals("", r.out());
        assertTrue(Files.notExists(run.resolve("model")), "nothing is written");
    }

    @Test
    void evaluateExplainsThatAnUnfinishedSearchHasNoGenotypeYet(@TempDir Path dir)
            throws IOException {
        Path run = searchRun(dir, false);

        GenotypeCommandTest.Result r = run("evaluate", run.toString());

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: "
                        + run
                        + " is a search run folder without a final genotype.json yet, not a"
                        + " trained model; when the search has finished, train its cell:"
                        + " ./prdarts train --genotype "
                        + run.resolve("genotype.json")
                        + "\n",
                r.err());
    }

    @Test
    void evaluateExplainsThatAGenotypeFileIsNotATrainedModel(@TempDir Path dir) throws IOException {
        Path genotype = searchRun(dir, true).resolve("genotype.json");

        GenotypeCommandTest.Result r = run("evaluate", genotype.toString());

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: "
                        + genotype
                        + " is a genotype, not a trained model; train it first:"
                        + " ./prdarts train --genotype "
                        + genotype
                        + "\n",
                r.err());
    }

    @Test
    void evaluateNamesAFileThatIsNoFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");

        GenotypeCommandTest.Result r = run("evaluate", file.toString());

        assertEquals(2, r.code());
        assertEquals(
                "prdarts: error: "
                        + file
                        + " is a file, not a model folder (expected a training run folder or its"
                        + " model/ folder)\n",
                r.err());
    }

    private static void saveModel(Path dir, EvalNetworkSpec spec) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.classes(); i++) {
            names.add("c" + i);
        }
        double[] mean = new double[spec.inChannels()];
        double[] std = new double[spec.inChannels()];
        java.util.Arrays.fill(std, 0.3);
        try (NDManager m = NDManager.newBaseManager()) {
            EvalNetwork net =
                    new EvalNetwork(BuiltinGenotypes.get("DL2"), spec, m, new SplittableRandom(1));
            ModelFolder.save(
                    net,
                    new ModelInfo(spec, "builtin", names, Normalization.of(mean, std), 1),
                    dir);
        }
    }

    @Test
    void evaluateRefusesADatasetOfAnotherShape(@TempDir Path dir) throws IOException {
        saveModel(dir, new EvalNetworkSpec(4, 3, 10, 3, 8, 8, false));
        GenotypeCommandTest.Result r = run("evaluate", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has images of 1x28x28 but the model in"), r.err());
        assertTrue(r.err().contains("expects 3x8x8"), r.err());
    }

    @Test
    void evaluateRefusesADatasetWithOtherClasses(@TempDir Path dir) throws IOException {
        saveModel(dir, new EvalNetworkSpec(4, 3, 4, 1, 28, 28, false));
        GenotypeCommandTest.Result r = run("evaluate", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has 10 classes but the model in"), r.err());
        assertTrue(r.err().contains("was trained for 4"), r.err());
    }
}

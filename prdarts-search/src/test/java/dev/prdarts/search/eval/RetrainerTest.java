package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.data.DataSplits;
import dev.prdarts.search.genotype.BuiltinGenotypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RetrainConfig tiny(int epochs) {
        return RetrainConfig.smoke().toBuilder()
                .dataset("synthetic")
                .channels(4)
                .cells(3)
                .epochs(epochs)
                .batchSize(16)
                .learningRate(0.05)
                .dropPathMax(0.2)
                .build();
    }

    @Test
    void trainingWritesMetricsModelAndResult(@TempDir Path dir) throws IOException {
        DataSplits data = SyntheticData.splits();
        RetrainResult result;
        try (NDManager m = NDManager.newBaseManager();
                TrainingRun run = TrainingRun.create(dir.resolve("run"), false)) {
            result =
                    new Retrainer(tiny(6))
                            .train(BuiltinGenotypes.get("DL2"), "DL2", data, m, run, null);
        }
        Path runDir = dir.resolve("run");

        List<String> lines = Files.readAllLines(runDir.resolve("metrics.jsonl"));
        assertEquals(6, lines.size());
        double sumLast5 = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertEquals(i + 1, line.get("epoch").asInt());
            for (String key :
                    List.of(
                            "train_loss",
                            "train_acc",
                            "test_loss",
                            "test_acc",
                            "lr",
                            "drop_path",
                            "batch_size",
                            "seconds")) {
                assertTrue(line.has(key), key + " missing in " + line);
            }
            assertEquals(16, line.get("batch_size").asInt());
            assertEquals(0.2 * i / 6, line.get("drop_path").asDouble(), 1e-6);
            assertTrue(line.get("test_top5").isNull(), "4 classes have no top-5");
            if (i >= 1) {
                sumLast5 += line.get("test_acc").asDouble();
            }
        }
        JsonNode res = JSON.readTree(runDir.resolve("result.json").toFile());
        assertEquals(sumLast5 / 5, res.get("mean_last5_test_acc").asDouble(), 1e-9);
        assertEquals(
                JSON.readTree(lines.get(5)).get("test_acc").asDouble(),
                res.get("final_test_acc").asDouble(),
                1e-12);
        assertEquals(6, res.get("epochs").asInt());
        assertEquals(result.params(), res.get("params").asLong());
        assertTrue(result.finalTestAcc() > 0.5, "an easy 4-class task: " + result);
        assertTrue(Files.exists(runDir.resolve("config.toml")));

        // the saved model reproduces the final test accuracy
        try (NDManager m = NDManager.newBaseManager()) {
            ModelFolder.Loaded model = ModelFolder.load(runDir, m);
            Evaluation again = Evaluator.evaluate(model.network(), data.test(), 7, m);
            assertEquals(result.finalTestAcc(), again.top1(), 1e-12);
            assertEquals(result.finalTestLoss(), again.loss(), 1e-5);
            assertEquals("synthetic", model.info().dataset());
        }
    }

    @Test
    void folderHoldingARunIsRefusedWithoutForce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("result.json"), "{}");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrainingRun.create(dir, false));
        assertTrue(e.getMessage().contains("already holds a run (result.json)"), e.getMessage());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());

        Files.writeString(dir.resolve("notes.txt"), "mine");
        TrainingRun.create(dir, true).close();
        assertTrue(Files.notExists(dir.resolve("result.json")));
        assertTrue(Files.exists(dir.resolve("notes.txt")), "only run files are deleted");
    }
}

package dev.prdarts.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.data.ImageShape;
import dev.prdarts.hardware.BatchSizeConfig;
import dev.prdarts.hardware.BatchSizeManager;
import dev.prdarts.hardware.ScriptedMemoryProbe;
import dev.prdarts.search.bench.SyntheticData;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.testing.TinySearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8: with room in the memory budget the batch grows within a cycle and resets after it. */
class SearchBatchGrowthTest {

    @TempDir Path dir;

    @Test
    void batchGrowsWithinEachCycleAndStartsEveryCycleAtItsMinimum() throws Exception {
        SearchConfig config = TinySearch.config(TinySearch.TWO_CYCLES);
        // 96 images: halves of 48, so 6 steps of 8 per epoch; a decision every 6 steps grows the
        // batch to 16 at the end of each cycle's first epoch (30% of the budget is used at 8)
        BatchSizeManager batches =
                new BatchSizeManager(
                        new BatchSizeConfig(8, 8, 16, 0.95, 6), ScriptedMemoryProbe.ofUsages(0.3));

        new SearchRunner(
                        config,
                        SyntheticData.splits(new ImageShape(1, 8, 8), 2, 96, config.seed()),
                        TinySearch.DL,
                        batches,
                        null,
                        RunFolder.prepare(dir, false))
                .run();

        List<Integer> sizes = new ArrayList<>();
        List<Integer> changes = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("metrics.jsonl"))) {
            JsonNode row = json.readTree(line);
            sizes.add(row.get("batch_size").asInt());
            changes.add(row.get("batch_size_changes").asInt());
        }
        assertEquals(List.of(8, 16, 8, 16), sizes, "batch_size per epoch");
        assertEquals(List.of(1, 0, 1, 0), changes, "batch_size_changes per epoch");
    }
}

package dev.prdarts.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.search.config.SearchConfig;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.genotype.GenotypeJson;
import dev.prdarts.search.progress.ProgressListener;
import dev.prdarts.search.progress.ProgressTask;
import dev.prdarts.search.stats.EpochMetrics;
import dev.prdarts.search.stats.MetricsWriter;
import dev.prdarts.search.testing.TinySearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRunnerTest {

    @TempDir Path dir;

    @Test
    void twoCycleSearchWritesEveryRunFile() throws Exception {
        SearchConfig config = TinySearch.config(TinySearch.TWO_CYCLES);
        Path out = dir.resolve("run");

        SearchResult result = TinySearch.run(config, out);

        // config.toml loads back to the same settings
        String toml = Files.readString(out.resolve(RunFolder.CONFIG));
        assertEquals(config, new SearchConfigLoader().parse("config.toml", toml));

        // one metrics line per epoch: grace then search, validation in each cycle's last epoch
        List<EpochMetrics> metrics = MetricsWriter.read(out.resolve(MetricsWriter.FILE));
        assertEquals(4, metrics.size());
        assertEquals(EpochMetrics.Phase.GRACE, metrics.get(0).phase());
        assertEquals(EpochMetrics.Phase.SEARCH, metrics.get(1).phase());
        assertNull(metrics.get(0).validAcc());
        assertNotNull(metrics.get(1).validAcc());
        assertEquals(List.of(1, 2, 3, 4), metrics.stream().map(EpochMetrics::globalEpoch).toList());
        assertEquals(2, metrics.get(2).cycle());
        for (EpochMetrics m : metrics) {
            assertEquals(24, m.images());
            assertEquals(8, m.batchSize());
            assertTrue(Double.isFinite(m.trainLoss()));
        }
        // the learning rate restarts with each cycle
        assertEquals(0.025, metrics.get(0).lr(), 1e-12);
        assertEquals(0.025, metrics.get(2).lr(), 1e-12);
        assertTrue(metrics.get(1).lr() < 0.025);

        // cycle 1 pools: 4 - 3 + 1 = 2 dropped, 1 morph per edge; cycle 2 keeps 1, no next
        ObjectMapper json = new ObjectMapper();
        JsonNode c1 = json.readTree(out.resolve("pools/cycle-1.json").toFile());
        JsonNode edge = c1.get("cells").get("normal").get("edges").get(0);
        assertEquals(4, edge.get("pool").size());
        assertEquals(3, edge.get("next").size());
        assertEquals("conv(k=3,d=1,x=[])", edge.get("next").get(2).get("parent").asText());
        JsonNode c2 = json.readTree(out.resolve("pools/cycle-2.json").toFile());
        JsonNode last = c2.get("cells").get("reduce").get("edges").get(13);
        assertEquals(3, last.get("pool").size());
        assertTrue(last.get("pool").get(2).get("new").asBoolean());
        assertFalse(last.has("next"));

        // the genotype file holds the result; every op was in its edge's last pool
        assertEquals(result.genotype(), GenotypeJson.read(out.resolve(RunFolder.GENOTYPE)));
        for (CellType type : CellType.values()) {
            JsonNode edges = c2.get("cells").get(type.key()).get("edges");
            List<GenotypeEntry> entries = result.genotype().cell(type).entries();
            for (int i = 0; i < entries.size(); i++) {
                int node = i / 2;
                int input = entries.get(i).input();
                int e = node * (node + 3) / 2 + input;
                String op = entries.get(i).op().text();
                boolean found = false;
                for (JsonNode c : edges.get(e).get("pool")) {
                    found |= c.get("op").asText().equals(op);
                }
                assertTrue(found, op + " not in the pool of edge " + e);
            }
        }
        assertEquals(2, result.cycles());
        assertEquals(4, result.epochs());
    }

    @Test
    void progressCountsTheTrainingImagesOfEveryEpoch() throws Exception {
        SearchConfig config = TinySearch.config(TinySearch.TWO_CYCLES);
        Map<String, long[]> tasks = new LinkedHashMap<>();
        ProgressListener listener =
                (name, total) -> {
                    long[] counts = {total, 0};
                    tasks.put(name, counts);
                    return new ProgressTask() {
                        @Override
                        public void step(long steps, String info) {
                            counts[1] += steps;
                        }

                        @Override
                        public void end() {}
                    };
                };
        SearchRunner runner =
                new SearchRunner(
                        config,
                        TinySearch.data(config.seed()),
                        TinySearch.DL,
                        TinySearch.batches(config),
                        null,
                        RunFolder.prepare(dir.resolve("p"), false));
        runner.setProgressListener(listener);

        runner.run();

        assertEquals(
                List.of(
                        "cycle 1/2 epoch 1/2",
                        "cycle 1/2 epoch 2/2",
                        "cycle 2/2 epoch 1/2",
                        "cycle 2/2 epoch 2/2"),
                List.copyOf(tasks.keySet()));
        for (long[] counts : tasks.values()) {
            assertEquals(24, counts[0]);
            assertEquals(24, counts[1]);
        }
    }

    @Test
    void sameSeedGivesTheSameGenotypeAndMetrics() throws Exception {
        SearchConfig config = TinySearch.config(TinySearch.TWO_CYCLES);

        SearchResult a = TinySearch.run(config, dir.resolve("a"));
        SearchResult b = TinySearch.run(config, dir.resolve("b"));

        assertEquals(a.genotype(), b.genotype());
        assertEquals(withoutTime(dir.resolve("a")), withoutTime(dir.resolve("b")));
        assertEquals(
                Files.readString(dir.resolve("a/pools/cycle-1.json")),
                Files.readString(dir.resolve("b/pools/cycle-1.json")));
    }

    @Test
    void nonFiniteLossStopsTheSearchAndKeepsTheFiles() throws Exception {
        // a learning rate of 1e38 overflows the weights to infinity after one step
        SearchConfig config = TinySearch.config("[weights]\nlr = 1e38\n" + TinySearch.TWO_CYCLES);
        Path out = dir.resolve("nan");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> TinySearch.run(config, out));

        assertTrue(
                e.getMessage().startsWith("search stopped in cycle 1, epoch 1: the"),
                e.getMessage());
        assertTrue(e.getMessage().contains("step loss became"), e.getMessage());
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
        assertTrue(Files.exists(out.resolve(RunFolder.CONFIG)));
        assertTrue(Files.exists(out.resolve(MetricsWriter.FILE)));
        assertFalse(Files.exists(out.resolve(RunFolder.GENOTYPE)));
    }

    private static List<EpochMetrics> withoutTime(Path run) throws Exception {
        return MetricsWriter.read(run.resolve(MetricsWriter.FILE)).stream()
                .map(EpochMetrics::withoutTime)
                .toList();
    }
}

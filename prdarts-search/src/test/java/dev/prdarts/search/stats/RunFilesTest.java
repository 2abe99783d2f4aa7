package dev.prdarts.search.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.search.pools.CellPools;
import dev.prdarts.search.pools.EdgeOutcome;
import dev.prdarts.search.pools.EdgePool;
import dev.prdarts.search.pools.InitialCatalog;
import dev.prdarts.search.pools.PruneAndReplace;
import dev.prdarts.search.pools.Softmax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    @TempDir Path dir;

    private static EpochMetrics epoch(int n, Double valid) {
        return new EpochMetrics(
                1,
                n,
                n,
                n == 1 ? EpochMetrics.Phase.GRACE : EpochMetrics.Phase.SEARCH,
                2.1,
                0.25,
                valid,
                valid,
                0.025,
                0.0006,
                24,
                0,
                0,
                12.5,
                3000);
    }

    @Test
    void metricsLinesHaveTheDocumentedFieldsAndReadBack() throws Exception {
        Path file = dir.resolve(MetricsWriter.FILE);
        try (MetricsWriter w = new MetricsWriter(file)) {
            w.write(epoch(1, null));
            w.write(epoch(2, 0.5));
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertEquals(
                List.of(
                        "cycle",
                        "epoch",
                        "global_epoch",
                        "phase",
                        "train_loss",
                        "train_acc",
                        "valid_loss",
                        "valid_acc",
                        "lr",
                        "alpha_lr",
                        "batch_size",
                        "batch_size_changes",
                        "oom_backoffs",
                        "seconds",
                        "images"),
                names);
        assertEquals("grace", first.get("phase").asText());
        assertTrue(first.get("valid_acc").isNull());
        assertEquals(List.of(epoch(1, null), epoch(2, 0.5)), MetricsWriter.read(file));
    }

    @Test
    void poolsFileDescribesEveryEdgeWithNextPoolAndStatistics() throws Exception {
        CellPools pools = new CellPools(InitialCatalog.PRDARTS4.ops());
        PruneAndReplace step =
                new PruneAndReplace(new MorphRules(), new ConstraintSpace("DL", 3, 7, 2, 1, 1, 1));
        CycleSpec spec = new CycleSpec(3, 1, 2, 4);
        SeededRandom random = new SeededRandom(1);
        Map<CellType, List<EdgeOutcome>> edges = new EnumMap<>(CellType.class);
        Map<CellType, CellStatistics> stats = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            stats.put(type, CellStatistics.of(pools.ops(type), pools.distinctSeen(type).size()));
            List<EdgeOutcome> out = new ArrayList<>();
            for (EdgePool pool : pools.edges(type)) {
                out.add(
                        step.apply(
                                pool,
                                Softmax.of(new double[] {0.4, 0.3, 0.2, 0.1}),
                                spec,
                                false,
                                random));
            }
            edges.put(type, out);
        }

        Path file = PoolsWriter.write(dir, new CycleReport(1, spec, false, edges, stats));

        assertEquals(dir.resolve("pools/cycle-1.json"), file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, root.get("cycle").asInt());
        assertEquals(4, root.get("kept").asInt());
        JsonNode normal = root.get("cells").get("normal");
        assertEquals(14, normal.get("edges").size());
        JsonNode edge = normal.get("edges").get(4);
        assertEquals(1, edge.get("node").asInt() - 2);
        assertEquals(2, edge.get("input").asInt());
        assertEquals("max_pool(3)", edge.get("pool").get(0).get("op").asText());
        assertTrue(edge.get("pool").get(0).get("kept").asBoolean());
        // avg 0.3 is dropped with skip; conv (lowest) is protected
        assertFalse(edge.get("pool").get(1).get("kept").asBoolean());
        assertTrue(edge.get("pool").get(3).get("kept").asBoolean());
        assertEquals(4, edge.get("next").size());
        assertEquals("conv(k=3,d=1,x=[])", edge.get("next").get(2).get("parent").asText());
        assertTrue(edge.get("next").get(0).get("morph").isNull());
        assertEquals(0.25, normal.get("share").get("conv").asDouble(), 1e-12);
        assertEquals(14, normal.get("kernels").get("3").asInt());
        assertEquals(4, normal.get("distinct_seen").asInt());
        assertTrue(root.get("cells").has("reduce"));
    }

    @Test
    void lastCycleHasNoNextPool() throws Exception {
        CellPools pools = new CellPools(InitialCatalog.PRDARTS4.ops());
        PruneAndReplace step =
                new PruneAndReplace(new MorphRules(), new ConstraintSpace("DL", 3, 7, 2, 1, 1, 1));
        CycleSpec spec = new CycleSpec(3, 1, 0, 1);
        Map<CellType, List<EdgeOutcome>> edges = new EnumMap<>(CellType.class);
        Map<CellType, CellStatistics> stats = new EnumMap<>(CellType.class);
        for (CellType type : CellType.values()) {
            stats.put(type, CellStatistics.of(pools.ops(type), 4));
            List<EdgeOutcome> out = new ArrayList<>();
            for (EdgePool pool : pools.edges(type)) {
                out.add(step.apply(pool, new double[] {0.1, 0.2, 0.3, 0.4}, spec, true, null));
            }
            edges.put(type, out);
        }

        Path file = PoolsWriter.write(dir, new CycleReport(9, spec, true, edges, stats));

        JsonNode edge = new ObjectMapper().readTree(file.toFile()).get("cells").get("reduce");
        assertFalse(edge.get("edges").get(0).has("next"));
        assertEquals(1.0 / 3, edge.get("edges").get(0).get("similarity").asDouble(), 1e-12);
    }
}

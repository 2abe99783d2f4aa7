package dev.prdarts.search.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.io.Folders;
import dev.prdarts.api.ops.OpKind;
import dev.prdarts.search.pools.Candidate;
import dev.prdarts.search.pools.EdgeIndex;
import dev.prdarts.search.pools.EdgeOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code pools/cycle-N.json} in the format of docs/run-folder.md. */
public final class PoolsWriter {

    /** The folder inside a run folder. */
    public static final String DIR = "pools";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PoolsWriter() {}

    /**
     * Writes the report into {@code runDir/pools/cycle-N.json}, replacing the file atomically.
     *
     * @return the written file
     */
    public static Path write(Path runDir, CycleReport report) throws IOException {
        Path dir = runDir.resolve(DIR);
        Folders.create(dir);
        Path file = dir.resolve("cycle-" + report.cycle() + ".json");
        Path tmp = dir.resolve("cycle-" + report.cycle() + ".json.tmp");
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report));
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Returns the JSON object of one cycle. */
    public static ObjectNode toJson(CycleReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cycle", report.cycle());
        root.put("epochs", report.spec().epochs());
        root.put("kept", report.spec().kept());
        root.put("morphs", report.spec().morphs());
        ObjectNode cells = root.putObject("cells");
        for (CellType type : CellType.values()) {
            List<EdgeOutcome> edges = report.edges().get(type);
            CellStatistics stats = report.statistics().get(type);
            if (edges == null || stats == null) {
                continue;
            }
            cells.set(type.key(), cell(edges, stats, report.last()));
        }
        return root;
    }

    private static ObjectNode cell(List<EdgeOutcome> edges, CellStatistics stats, boolean last) {
        ObjectNode cell = JSON.createObjectNode();
        ArrayNode list = cell.putArray("edges");
        for (int e = 0; e < edges.size(); e++) {
            EdgeOutcome outcome = edges.get(e);
            ObjectNode edge = list.addObject();
            edge.put("edge", e);
            edge.put("node", EdgeIndex.node(e) + 2);
            edge.put("input", EdgeIndex.input(e));
            ArrayNode pool = edge.putArray("pool");
            for (int i = 0; i < outcome.trained().size(); i++) {
                Candidate c = outcome.trained().get(i);
                ObjectNode o = pool.addObject();
                o.put("op", c.op().text());
                o.put("weight", outcome.weights()[i]);
                o.put("new", c.isNew());
                o.put("parent", c.parent() == null ? null : c.parent().text());
                o.put("kept", outcome.kept()[i]);
            }
            if (!last) {
                ArrayNode next = edge.putArray("next");
                for (Candidate c : outcome.next()) {
                    ObjectNode o = next.addObject();
                    o.put("op", c.op().text());
                    o.put("parent", c.parent() == null ? null : c.parent().text());
                    o.put("morph", c.morph() == null ? null : c.morph().name());
                }
            }
            edge.put("similarity", stats.edgeSimilarity().get(e));
        }
        ObjectNode share = cell.putObject("share");
        for (Map.Entry<OpKind, Double> s : stats.share().entrySet()) {
            share.put(s.getKey().name().toLowerCase(Locale.ROOT), s.getValue());
        }
        ObjectNode kernels = cell.putObject("kernels");
        for (Map.Entry<Integer, Integer> k : stats.kernels().entrySet()) {
            kernels.put(String.valueOf(k.getKey()), k.getValue());
        }
        cell.put("similarity", stats.similarity());
        cell.put("distinct_seen", stats.distinctSeen());
        return cell;
    }
}

package dev.prdarts.search.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.hardware.BatchSizeState;
import dev.prdarts.ops.morph.MorphKind;
import dev.prdarts.search.pools.Candidate;
import dev.prdarts.search.pools.CellPools;
import dev.prdarts.search.pools.EdgePool;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a search stands, apart from its arrays: the position in the schedule, the progress of an
 * unfinished epoch, the pools with their history, the random state of prune and replace, the data
 * streams' positions, the batch-size manager's state and the metrics rows written so far. It is the
 * JSON metadata of a checkpoint; {@link #toJson} and {@link #fromJson} convert both ways exactly.
 */
final class SearchState {

    /** The {@code format} field of the metadata. */
    static final String FORMAT = "prdarts-search-checkpoint";

    /** The version of the metadata layout. */
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The 0-based cycle in progress. */
    int cycle;

    /**
     * The 0-based epoch of the cycle to train next (or being trained, with {@link #progress});
     * equal to the cycle's epoch count when only the cycle's end (prune and replace) is left.
     */
    int epoch;

    /** The epochs finished over the whole search. */
    int finishedEpochs;

    /** The progress of the unfinished epoch {@link #epoch}, or null at an epoch boundary. */
    EpochProgress progress;

    /** The last validation accuracy, or null. */
    Double lastValidAcc;

    /** The wall-clock seconds the search ran before this session. */
    double seconds;

    final CellPools pools;
    final SeededRandom pruneRandom;

    /** The metrics rows of the finished epochs, as written to {@code metrics.jsonl}. */
    final List<ObjectNode> metrics = new ArrayList<>();

    /** The weight stream's epoch and position (restored runs; 0 for a new run). */
    int weightEpoch;

    int weightPosition;
    int alphaEpoch;
    int alphaPosition;

    /** The batch-size manager's state (restored runs), or null. */
    BatchSizeState batchSize;

    long sgdSteps;
    long adamSteps;

    SearchState(CellPools pools, SeededRandom pruneRandom) {
        this.pools = pools;
        this.pruneRandom = pruneRandom;
    }

    /**
     * The partial sums of an epoch that was stopped after {@code steps} weight steps.
     *
     * @param steps the weight steps done
     * @param lossSum the sum of loss times images
     * @param correct the correctly classified images
     * @param images the images trained on
     * @param changesBefore the batch-size manager's increases before the epoch began
     * @param backoffsBefore its out-of-memory back-offs before the epoch began
     * @param seconds the wall-clock seconds spent in the epoch so far
     */
    record EpochProgress(
            int steps,
            double lossSum,
            long correct,
            long images,
            int changesBefore,
            int backoffsBefore,
            double seconds) {}

    /** Returns the 1-based global epoch in progress or next. */
    int currentGlobalEpoch() {
        return finishedEpochs + 1;
    }

    /**
     * Returns the metadata of a checkpoint of this state.
     *
     * @param configText the run's resolved configuration as TOML
     * @param configSha256 the hex SHA-256 of {@code configText}
     * @param totalSeconds the wall-clock seconds the search has run so far, all sessions
     */
    ObjectNode toJson(String configText, String configSha256, double totalSeconds) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("config_sha256", configSha256);
        o.put("config", configText);

        ObjectNode pos = o.putObject("position");
        pos.put("cycle", cycle);
        pos.put("epoch", epoch);
        pos.put("finished_epochs", finishedEpochs);
        if (progress == null) {
            o.putNull("epoch_progress");
        } else {
            ObjectNode p = o.putObject("epoch_progress");
            p.put("steps", progress.steps());
            p.put("loss_sum", progress.lossSum());
            p.put("correct", progress.correct());
            p.put("images", progress.images());
            p.put("batch_size_changes_before", progress.changesBefore());
            p.put("oom_backoffs_before", progress.backoffsBefore());
            p.put("seconds", progress.seconds());
        }
        o.put("last_valid_acc", lastValidAcc);
        o.put("seconds", totalSeconds);

        o.putObject("random").put("prune", pruneRandom.state());
        ObjectNode streams = o.putObject("streams");
        streams.putObject("weight").put("epoch", weightEpoch).put("position", weightPosition);
        streams.putObject("alpha").put("epoch", alphaEpoch).put("position", alphaPosition);

        ObjectNode b = o.putObject("batch_size");
        b.put("batch_size", batchSize.batchSize());
        ArrayNode history = b.putArray("history");
        batchSize.history().forEach(history::add);
        b.put("ceiling", batchSize.ceiling());
        b.put("steps_since_decision", batchSize.stepsSinceDecision());
        b.put("peak_bytes", batchSize.peakBytes());
        b.put("largest_used", batchSize.largestUsed());
        b.put("changes", batchSize.changes());
        b.put("oom_backoffs", batchSize.oomBackoffs());

        o.putObject("optimizers").put("sgd_steps", sgdSteps).put("adam_steps", adamSteps);

        ObjectNode cells = o.putObject("pools");
        for (CellType type : CellType.values()) {
            ArrayNode edges = cells.putArray(type.key());
            for (EdgePool pool : pools.edges(type)) {
                ObjectNode edge = edges.addObject();
                ArrayNode candidates = edge.putArray("candidates");
                for (Candidate c : pool.candidates()) {
                    ObjectNode cn = candidates.addObject();
                    cn.put("op", c.op().text());
                    cn.put("parent", c.parent() == null ? null : c.parent().text());
                    cn.put("morph", c.morph() == null ? null : c.morph().name());
                }
                ArrayNode seen = edge.putArray("history");
                for (OpConfig op : pool.history()) {
                    seen.add(op.text());
                }
            }
        }

        ArrayNode rows = o.putArray("metrics");
        metrics.forEach(rows::add);
        return o;
    }

    /**
     * Reads the state of checkpoint metadata.
     *
     * @param o the metadata
     * @param initial the initial catalog, to create the pools that are then overwritten
     * @throws IllegalArgumentException naming the field when the metadata is incomplete or wrong
     */
    static SearchState fromJson(ObjectNode o, List<OpConfig> initial) {
        String format = o.path("format").asText();
        int version = o.path("version").asInt(-1);
        if (!FORMAT.equals(format) || version != VERSION) {
            throw new IllegalArgumentException(
                    "checkpoint metadata is "
                            + format
                            + " version "
                            + version
                            + ", expected "
                            + FORMAT
                            + " version "
                            + VERSION);
        }
        SearchState s =
                new SearchState(
                        new CellPools(initial),
                        new SeededRandom(require(o, "random", "prune").asLong()));
        JsonNode pos = require(o, "position");
        s.cycle = require(pos, "cycle").asInt();
        s.epoch = require(pos, "epoch").asInt();
        s.finishedEpochs = require(pos, "finished_epochs").asInt();
        JsonNode p = require(o, "epoch_progress");
        if (!p.isNull()) {
            s.progress =
                    new EpochProgress(
                            require(p, "steps").asInt(),
                            require(p, "loss_sum").asDouble(),
                            require(p, "correct").asLong(),
                            require(p, "images").asLong(),
                            require(p, "batch_size_changes_before").asInt(),
                            require(p, "oom_backoffs_before").asInt(),
                            require(p, "seconds").asDouble());
        }
        JsonNode valid = require(o, "last_valid_acc");
        s.lastValidAcc = valid.isNull() ? null : valid.asDouble();
        s.seconds = require(o, "seconds").asDouble();

        JsonNode streams = require(o, "streams");
        s.weightEpoch = require(streams, "weight", "epoch").asInt();
        s.weightPosition = require(streams, "weight", "position").asInt();
        s.alphaEpoch = require(streams, "alpha", "epoch").asInt();
        s.alphaPosition = require(streams, "alpha", "position").asInt();

        JsonNode b = require(o, "batch_size");
        List<Integer> history = new ArrayList<>();
        for (JsonNode h : require(b, "history")) {
            history.add(h.asInt());
        }
        s.batchSize =
                new BatchSizeState(
                        require(b, "batch_size").asInt(),
                        history,
                        require(b, "ceiling").asInt(),
                        require(b, "steps_since_decision").asInt(),
                        require(b, "peak_bytes").asLong(),
                        require(b, "largest_used").asInt(),
                        require(b, "changes").asInt(),
                        require(b, "oom_backoffs").asInt());
        s.sgdSteps = require(o, "optimizers", "sgd_steps").asLong();
        s.adamSteps = require(o, "optimizers", "adam_steps").asLong();

        for (CellType type : CellType.values()) {
            JsonNode edges = require(o, "pools", type.key());
            if (edges.size() != s.pools.edges(type).size()) {
                throw new IllegalArgumentException(
                        "checkpoint pools."
                                + type.key()
                                + " must list "
                                + s.pools.edges(type).size()
                                + " edges, got "
                                + edges.size());
            }
            for (int e = 0; e < edges.size(); e++) {
                List<Candidate> candidates = new ArrayList<>();
                for (JsonNode c : require(edges.get(e), "candidates")) {
                    JsonNode parent = require(c, "parent");
                    JsonNode morph = require(c, "morph");
                    candidates.add(
                            new Candidate(
                                    OpConfig.parse(require(c, "op").asText()),
                                    parent.isNull() ? null : OpConfig.parse(parent.asText()),
                                    morph.isNull() ? null : MorphKind.valueOf(morph.asText())));
                }
                List<OpConfig> seen = new ArrayList<>();
                for (JsonNode h : require(edges.get(e), "history")) {
                    seen.add(OpConfig.parse(h.asText()));
                }
                s.pools.edge(type, e).restore(candidates, seen);
            }
        }

        for (JsonNode row : require(o, "metrics")) {
            if (!(row instanceof ObjectNode obj)) {
                throw new IllegalArgumentException("checkpoint metrics rows must be objects");
            }
            s.metrics.add(obj);
        }
        return s;
    }

    /** Returns the node at a path of field names, failing with the path when it is missing. */
    private static JsonNode require(JsonNode o, String... path) {
        JsonNode n = o;
        for (String field : path) {
            n = n.get(field);
            if (n == null) {
                throw new IllegalArgumentException(
                        "checkpoint metadata lacks " + String.join(".", path));
            }
        }
        return n;
    }
}

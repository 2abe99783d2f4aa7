package dev.prdarts.search.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.search.JsonErrors;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Appends one JSON object per finished epoch to {@code metrics.jsonl} and flushes it at once, so
 * the file holds every finished epoch even when the search stops abruptly.
 */
public final class MetricsWriter implements Closeable {

    /** The file name inside a run folder. */
    public static final String FILE = "metrics.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    /** Opens (or creates) the file for appending. */
    public MetricsWriter(Path file) throws IOException {
        this.out =
                Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
    }

    /** Appends one epoch's line and flushes it. */
    public void write(EpochMetrics m) throws IOException {
        out.write(JSON.writeValueAsString(toJson(m)));
        out.write('\n');
        out.flush();
    }

    /** Returns the JSON object of one epoch with the field names of docs/run-folder.md. */
    public static ObjectNode toJson(EpochMetrics m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("cycle", m.cycle());
        o.put("epoch", m.epoch());
        o.put("global_epoch", m.globalEpoch());
        o.put("phase", m.phase().key());
        o.put("train_loss", m.trainLoss());
        o.put("train_acc", m.trainAcc());
        o.put("valid_loss", m.validLoss());
        o.put("valid_acc", m.validAcc());
        o.put("lr", m.lr());
        o.put("alpha_lr", m.alphaLr());
        o.put("batch_size", m.batchSize());
        o.put("batch_size_changes", m.batchSizeChanges());
        o.put("oom_backoffs", m.oomBackoffs());
        o.put("seconds", m.seconds());
        o.put("images", m.images());
        return o;
    }

    /** Returns the epochs of a metrics file, in file order. */
    public static List<EpochMetrics> read(Path file) throws IOException {
        List<EpochMetrics> all = new ArrayList<>();
        int number = 0;
        for (String line : TextFiles.readUtf8Lines(file)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IOException(
                        file + ": line " + number + ": " + JsonErrors.notValidJson(e), e);
            }
            all.add(
                    new EpochMetrics(
                            o.get("cycle").asInt(),
                            o.get("epoch").asInt(),
                            o.get("global_epoch").asInt(),
                            EpochMetrics.Phase.valueOf(
                                    o.get("phase").asText().toUpperCase(Locale.ROOT)),
                            o.get("train_loss").asDouble(),
                            o.get("train_acc").asDouble(),
                            o.get("valid_loss").isNull() ? null : o.get("valid_loss").asDouble(),
                            o.get("valid_acc").isNull() ? null : o.get("valid_acc").asDouble(),
                            o.get("lr").asDouble(),
                            o.get("alpha_lr").asDouble(),
                            o.get("batch_size").asInt(),
                            o.get("batch_size_changes").asInt(),
                            o.get("oom_backoffs").asInt(),
                            o.get("seconds").asDouble(),
                            o.get("images").asLong()));
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

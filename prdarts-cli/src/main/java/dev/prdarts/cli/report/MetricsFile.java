package dev.prdarts.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.io.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The epochs of a {@code metrics.jsonl} file.
 *
 * <p>Every non-blank line must be a JSON object with an {@code epoch}; a broken line is an error
 * naming its number. The one exception is a last line without its newline that does not parse: a
 * running job may be writing it, so it is left out and {@link #incompleteLine()} says so.
 *
 * @param file the file read
 * @param epochs the epochs in file order
 * @param incompleteLine the number of an unfinished last line that was left out, if any
 */
public record MetricsFile(Path file, List<EpochMetrics> epochs, Optional<Integer> incompleteLine) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates the value and copies the list. */
    public MetricsFile {
        epochs = List.copyOf(epochs);
    }

    /**
     * Reads and checks a metrics file.
     *
     * @throws RunFormatException naming the line when a line is not a valid epoch record
     * @throws IOException when the file cannot be read
     */
    public static MetricsFile read(Path file) throws IOException {
        String text = TextFiles.readUtf8(file);
        String[] lines = text.split("\n", -1);
        boolean endsWithNewline = text.endsWith("\n");
        int lastLine = endsWithNewline ? lines.length - 1 : lines.length;
        List<EpochMetrics> epochs = new ArrayList<>();
        Optional<Integer> incomplete = Optional.empty();
        for (int i = 0; i < lastLine; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (number == lastLine && !endsWithNewline) {
                    incomplete = Optional.of(number);
                    continue;
                }
                throw new RunFormatException(
                        file, number, "not valid JSON: " + e.getOriginalMessage());
            }
            epochs.add(epoch(file, number, node));
        }
        return new MetricsFile(file, epochs, incomplete);
    }

    private static EpochMetrics epoch(Path file, int line, JsonNode node)
            throws RunFormatException {
        if (node == null || !node.isObject()) {
            throw new RunFormatException(file, line, "expected a JSON object, got " + node);
        }
        Fields f = new Fields(file, line, node);
        Integer epoch = f.integer("epoch");
        if (epoch == null || epoch < 1) {
            throw new RunFormatException(
                    file, line, "field 'epoch' must be an integer >= 1, got " + node.get("epoch"));
        }
        Integer cycle = f.integer("cycle");
        if (cycle != null && cycle < 1) {
            throw new RunFormatException(
                    file, line, "field 'cycle' must be an integer >= 1, got " + cycle);
        }
        return new EpochMetrics(
                line,
                cycle,
                epoch,
                f.integer("global_epoch"),
                f.text("phase"),
                f.number("train_loss"),
                f.fraction("train_acc"),
                f.number("valid_loss"),
                f.fraction("valid_acc"),
                f.number("test_loss"),
                f.fraction("test_acc"),
                f.number("lr"),
                f.integer("batch_size"),
                f.number("seconds"));
    }

    /** Reads typed, optional fields of one record and names the line in every error. */
    private record Fields(Path file, int line, JsonNode node) {

        Double number(String name) throws RunFormatException {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw new RunFormatException(
                        file, line, "field '" + name + "' must be a number or null, got " + v);
            }
            return v.doubleValue();
        }

        Double fraction(String name) throws RunFormatException {
            Double v = number(name);
            if (v != null && (v < 0 || v > 1 || v.isNaN())) {
                throw new RunFormatException(
                        file, line, "field '" + name + "' must be a fraction in [0, 1], got " + v);
            }
            return v;
        }

        Integer integer(String name) throws RunFormatException {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.canConvertToInt() || !(v.isIntegralNumber() || v.doubleValue() % 1 == 0)) {
                throw new RunFormatException(
                        file, line, "field '" + name + "' must be an integer or null, got " + v);
            }
            return v.intValue();
        }

        String text(String name) throws RunFormatException {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new RunFormatException(
                        file, line, "field '" + name + "' must be a string or null, got " + v);
            }
            return v.asText();
        }
    }
}

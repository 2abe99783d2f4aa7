package dev.prdarts.ops.space;

import com.moandjiezana.toml.Toml;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.toml.TomlChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads constraint spaces declared in a TOML file.
 *
 * <p>Each space is one {@code [[space]]} table:
 *
 * <pre>
 * [[space]]
 * name = "K5"
 * kernel_min = 3
 * kernel_max = 5
 * dilation_max = 1
 * max_depth = 2     # optional; omitted means unbounded
 * max_width = 2     # optional; omitted means unbounded
 * max_sum = 3       # optional; omitted means unbounded
 * </pre>
 */
public final class SpaceFile {

    /** The keys a {@code [[space]]} table may hold, in the order they are checked. */
    public static final List<String> KEYS =
            List.of(
                    "name",
                    "kernel_min",
                    "kernel_max",
                    "dilation_max",
                    "max_depth",
                    "max_width",
                    "max_sum");

    private SpaceFile() {}

    /**
     * Returns the spaces declared in the file, in file order.
     *
     * @throws SpaceFileException naming the file and the key when the content is wrong
     * @throws IOException when the file cannot be read
     */
    public static List<ConstraintSpace> read(Path file) throws IOException {
        String text = TextFiles.readUtf8(file);
        Map<String, Object> root;
        Optional<String> empty = TomlChecks.emptyValue(text);
        if (empty.isPresent()) {
            throw new SpaceFileException(file, "not valid TOML: " + empty.get());
        }
        try {
            root = new Toml().read(text).toMap();
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new SpaceFileException(file, "not valid TOML: " + why);
        }

        for (String key : new TreeSet<>(root.keySet())) {
            if (!key.equals("space")) {
                throw new SpaceFileException(
                        file, "unknown key '" + key + "'; spaces are declared as [[space]] tables");
            }
        }
        Object tables = root.get("space");
        if (tables == null) {
            return List.of();
        }
        if (!(tables instanceof List<?>)) {
            throw new SpaceFileException(
                    file,
                    "key 'space' must be an array of tables ([[space]]), got " + describe(tables));
        }

        List<ConstraintSpace> spaces = new ArrayList<>();
        int index = 0;
        for (Object table : (List<?>) tables) {
            index++;
            if (!(table instanceof Map<?, ?>)) {
                throw new SpaceFileException(
                        file, "space #" + index + " must be a table, got " + describe(table));
            }
            spaces.add(space(file, index, (Map<?, ?>) table));
        }
        return spaces;
    }

    private static ConstraintSpace space(Path file, int index, Map<?, ?> table)
            throws SpaceFileException {
        Set<String> unknown = new TreeSet<>();
        for (Object key : table.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SpaceFileException(
                    file,
                    "space #"
                            + index
                            + ": unknown key '"
                            + unknown.iterator().next()
                            + "'; known keys are "
                            + KEYS);
        }

        Object rawName = table.get("name");
        if (rawName == null) {
            throw new SpaceFileException(file, "space #" + index + ": key 'name' is missing");
        }
        if (!(rawName instanceof String) || ((String) rawName).isBlank()) {
            throw new SpaceFileException(
                    file,
                    "space #"
                            + index
                            + ": key 'name' must be a non-empty string, got "
                            + describe(rawName));
        }
        String name = (String) rawName;
        String where = "space '" + name + "' (#" + index + ")";

        int kernelMin = bound(file, where, table, "kernel_min", true);
        int kernelMax = bound(file, where, table, "kernel_max", true);
        int dilationMax = bound(file, where, table, "dilation_max", true);
        int maxDepth = bound(file, where, table, "max_depth", false);
        int maxWidth = bound(file, where, table, "max_width", false);
        int maxSum = bound(file, where, table, "max_sum", false);
        try {
            return new ConstraintSpace(
                    name, kernelMin, kernelMax, dilationMax, maxDepth, maxWidth, maxSum);
        } catch (IllegalArgumentException e) {
            throw new SpaceFileException(file, where + ": " + e.getMessage());
        }
    }

    private static int bound(Path file, String where, Map<?, ?> table, String key, boolean required)
            throws SpaceFileException {
        Object value = table.get(key);
        if (value == null) {
            if (required) {
                throw new SpaceFileException(file, where + ": key '" + key + "' is missing");
            }
            return ConstraintSpace.UNBOUNDED;
        }
        if (!(value instanceof Long)) {
            throw new SpaceFileException(
                    file, where + ": key '" + key + "' must be an integer, got " + describe(value));
        }
        long number = (Long) value;
        if (number < 0) {
            throw new SpaceFileException(
                    file, where + ": key '" + key + "' must not be negative, got " + number);
        }
        if (number >= ConstraintSpace.UNBOUNDED) {
            throw new SpaceFileException(
                    file,
                    where
                            + ": key '"
                            + key
                            + "' is too large ("
                            + number
                            + "); omit the key for no bound");
        }
        return (int) number;
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "string \"" + value + "\"";
        }
        if (value instanceof Long) {
            return "integer " + value;
        }
        if (value instanceof Double) {
            return "float " + value;
        }
        if (value instanceof Boolean) {
            return "boolean " + value;
        }
        if (value instanceof List<?>) {
            return "array " + value;
        }
        if (value instanceof Map<?, ?>) {
            return "table";
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}

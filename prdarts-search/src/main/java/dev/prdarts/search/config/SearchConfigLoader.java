package dev.prdarts.search.config;

import com.moandjiezana.toml.Toml;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.schedule.Schedule;
import dev.prdarts.hardware.DeviceChoice;
import dev.prdarts.hardware.EngineThreads;
import dev.prdarts.hardware.MemorySize;
import dev.prdarts.ops.toml.TomlChecks;
import dev.prdarts.search.pools.InitialCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;

/**
 * Reads search configurations from TOML and resolves them in layers: a preset, then an optional
 * file, then command-line overrides; later layers replace single keys, and a {@code [[cycles]]}
 * list replaces the whole schedule.
 *
 * <p>Every value is checked where it is read, and errors name the source, the key and the rule, for
 * example {@code my.toml: key 'data.limit' must be >= 0, got -5}.
 */
public final class SearchConfigLoader {

    /** The tables a search config may hold, as the error messages list them. */
    private static final String KNOWN_TABLES =
            "[data], [search], [batch], [weights], [alpha], [[cycles]]";

    private static final String CYCLES = "cycles";
    private static final List<String> CYCLE_KEYS = List.of("epochs", "grace", "morphs", "kept");

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        integerKey("seed", Long.MIN_VALUE, "any integer", v -> true);
        integerKey(
                "threads",
                1,
                ">= 1 and <= " + EngineThreads.MAX_THREADS,
                v -> v >= 1 && v <= EngineThreads.MAX_THREADS);
        stringKey("device", "one of cpu, gpu, gpu:N, auto", SearchConfigLoader::isDevice);
        stringKey("data.dataset", "a non-empty name", s -> !s.isBlank());
        stringKey("data.dir", "a path, or empty for the dataset's default", s -> true);
        floatKey("data.train_portion", "> 0 and < 1", v -> v > 0 && v < 1);
        integerKey("data.limit", 0, ">= 0 (0 uses every image)", v -> v >= 0);
        stringKey("search.space", "a non-empty space name", s -> !s.isBlank());
        stringKey(
                "search.catalog",
                "one of " + InitialCatalog.knownKeys(),
                SearchConfigLoader::isCatalog);
        integerKey("search.channels", 1, ">= 1", v -> v >= 1);
        integerKey("search.cells", 3, ">= 3", v -> v >= 3);
        integerKey("search.valid_epochs", 1, ">= 1", v -> v >= 1);
        integerKey("batch.min", 1, ">= 1", v -> v >= 1);
        integerKey("batch.mult", 1, ">= 1", v -> v >= 1);
        integerKey("batch.max", 1, ">= 1", v -> v >= 1);
        floatKey("batch.threshold", "> 0 and <= 1", v -> v > 0 && v <= 1);
        stringKey(
                "batch.memory_budget",
                "a size such as 6GB or 512MB, or empty for the default",
                s -> s.isEmpty() || isMemorySize(s));
        floatKey("weights.lr", "> 0", v -> v > 0);
        floatKey("weights.lr_min", ">= 0", v -> v >= 0);
        floatKey("weights.momentum", ">= 0 and < 1", v -> v >= 0 && v < 1);
        floatKey("weights.weight_decay", ">= 0", v -> v >= 0);
        floatKey("weights.grad_clip", "> 0", v -> v > 0);
        floatKey("alpha.lr", "> 0", v -> v > 0);
        floatKey("alpha.beta1", ">= 0 and < 1", v -> v >= 0 && v < 1);
        floatKey("alpha.beta2", ">= 0 and < 1", v -> v >= 0 && v < 1);
        floatKey("alpha.weight_decay", ">= 0", v -> v >= 0);
        floatKey("alpha.grad_clip", "> 0", v -> v > 0);
    }

    /** Creates a loader; it holds no state. */
    public SearchConfigLoader() {}

    /** Returns every settable key in dotted form, for example {@code data.limit}. */
    public static List<String> keys() {
        List<String> all = new ArrayList<>(KEYS.keySet());
        all.add(CYCLES);
        return all;
    }

    /**
     * Returns a preset as it is, without file or overrides.
     *
     * @throws IllegalStateException if the bundled preset is broken (a build error)
     */
    public SearchConfig preset(Preset preset) {
        try {
            return resolve(List.of(readPreset(preset)));
        } catch (ConfigException e) {
            throw new IllegalStateException("bundled preset is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Resolves a preset, an optional file and command-line overrides into a checked config.
     *
     * @param preset the base layer
     * @param file a TOML file whose keys replace the preset's, or null
     * @param overrides dotted keys (see {@link #keys()}) with values from the command line
     * @return the resolved config
     * @throws ConfigException naming source, key and rule when anything is wrong
     * @throws IOException when the file cannot be read
     */
    public SearchConfig load(Preset preset, Path file, Map<String, Object> overrides)
            throws ConfigException, IOException {
        List<ConfigLayer> layers = new ArrayList<>();
        layers.add(readPreset(preset));
        if (file != null) {
            layers.add(readFile(file));
        }
        if (overrides != null && !overrides.isEmpty()) {
            layers.add(layer("command line", overrides));
        }
        return resolve(layers);
    }

    /**
     * Resolves the configuration of a resumed run: the run's own TOML (its {@code config.toml}),
     * then an optional file and command-line overrides, layered as in {@link #load(Preset, Path,
     * Map)}.
     *
     * @param runSource the name of the run's configuration in error messages
     * @param runToml the run's configuration; keys it lacks come from the smoke preset
     * @param file a TOML file whose keys replace the run's, or null
     * @param overrides dotted keys with values from the command line
     * @throws ConfigException naming source, key and rule when anything is wrong
     * @throws IOException when the file cannot be read
     */
    public SearchConfig load(
            String runSource, String runToml, Path file, Map<String, Object> overrides)
            throws ConfigException, IOException {
        List<ConfigLayer> layers = new ArrayList<>();
        layers.add(readPreset(Preset.SMOKE));
        layers.add(layer(runSource, parseToml(runSource, runToml)));
        if (file != null) {
            layers.add(readFile(file));
        }
        if (overrides != null && !overrides.isEmpty()) {
            layers.add(layer("command line", overrides));
        }
        return resolve(layers);
    }

    /**
     * Reads a complete config from TOML text, for example a run folder's {@code config.toml}.
     *
     * @param source the name used in error messages
     * @param text the TOML text; keys it lacks come from the smoke preset
     * @throws ConfigException naming source, key and rule when anything is wrong
     */
    public SearchConfig parse(String source, String text) throws ConfigException {
        return resolve(List.of(readPreset(Preset.SMOKE), layer(source, parseToml(source, text))));
    }

    private ConfigLayer readPreset(Preset preset) throws ConfigException {
        String source = "preset " + preset.key();
        try (InputStream in = SearchConfigLoader.class.getResourceAsStream(preset.resource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + preset.resource());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return layer(source, parseToml(source, text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + preset.resource(), e);
        }
    }

    private ConfigLayer readFile(Path file) throws ConfigException, IOException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(source + ": is a folder, not a config file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(source + ": config file not found");
        }
        return layer(source, parseToml(source, TextFiles.readUtf8(file)));
    }

    private static Map<String, Object> parseToml(String source, String text)
            throws ConfigException {
        Optional<String> empty = TomlChecks.emptyValue(text);
        if (empty.isPresent()) {
            throw new ConfigException(source + ": not valid TOML: " + empty.get());
        }
        try {
            return new Toml().read(text).toMap();
        } catch (RuntimeException e) {
            throw new ConfigException(source + ": not valid TOML: " + e.getMessage(), e);
        }
    }

    /** Flattens and checks one source's keys. */
    private static ConfigLayer layer(String source, Map<String, Object> tree)
            throws ConfigException {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten(source, "", tree, flat);
        ConfigLayer layer = new ConfigLayer(source);
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String key = e.getKey();
            if (key.equals(CYCLES)) {
                layer.cycles = readCycles(source, e.getValue());
                continue;
            }
            Key spec = KEYS.get(key);
            if (spec == null && isTable(key)) {
                throw new ConfigException(
                        source
                                + ": key '"
                                + key
                                + "' must be a table (["
                                + key
                                + "]), got "
                                + e.getValue());
            }
            if (spec == null) {
                throw new ConfigException(
                        source + ": unknown key '" + key + "'; known keys: " + knownKeys(key));
            }
            layer.values.put(key, spec.check(source, key, e.getValue()));
        }
        return layer;
    }

    private static void flatten(
            String source, String prefix, Map<String, Object> tree, Map<String, Object> out)
            throws ConfigException {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?> table && !KEYS.containsKey(key)) {
                if (!isTable(key)) {
                    throw new ConfigException(
                            source
                                    + ": unknown table '["
                                    + key
                                    + "]'; known tables: "
                                    + KNOWN_TABLES);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> sub = (Map<String, Object>) table;
                flatten(source, key, sub, out);
            } else {
                out.put(key, value);
            }
        }
    }

    private static boolean isTable(String key) {
        for (String k : KEYS.keySet()) {
            if (k.startsWith(key + ".")) {
                return true;
            }
        }
        return false;
    }

    private static String knownKeys(String key) {
        int dot = key.lastIndexOf('.');
        String table = dot < 0 ? "" : key.substring(0, dot + 1);
        TreeSet<String> known = new TreeSet<>();
        for (String k : KEYS.keySet()) {
            if (table.isEmpty() ? !k.contains(".") : k.startsWith(table)) {
                known.add(k);
            }
        }
        if (table.isEmpty()) {
            known.remove(CYCLES);
            return String.join(", ", known) + "; known tables: " + KNOWN_TABLES;
        }
        return String.join(", ", known);
    }

    private static List<CycleSpec> readCycles(String source, Object value) throws ConfigException {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new ConfigException(
                    source
                            + ": key 'cycles' must be a non-empty array of tables ([[cycles]]),"
                            + " got "
                            + describe(value));
        }
        List<CycleSpec> cycles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "cycles[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> table)) {
                throw new ConfigException(
                        source
                                + ": key '"
                                + at
                                + "' must be a table, got "
                                + describe(list.get(i)));
            }
            for (Object k : table.keySet()) {
                if (!CYCLE_KEYS.contains(String.valueOf(k))) {
                    throw new ConfigException(
                            source
                                    + ": unknown key '"
                                    + at
                                    + "."
                                    + k
                                    + "'; known keys: "
                                    + String.join(", ", CYCLE_KEYS));
                }
            }
            int[] v = new int[CYCLE_KEYS.size()];
            for (int j = 0; j < v.length; j++) {
                String name = CYCLE_KEYS.get(j);
                String key = at + "." + name;
                if (!table.containsKey(name)) {
                    throw new ConfigException(source + ": missing key '" + key + "'");
                }
                v[j] = (int) integer(source, key, table.get(name), 0, ">= 0", x -> x >= 0);
            }
            cycles.add(new CycleSpec(v[0], v[1], v[2], v[3]));
        }
        return cycles;
    }

    /** Merges the layers in order and checks the rules that span several keys. */
    private static SearchConfig resolve(List<ConfigLayer> layers) throws ConfigException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, ConfigLayer> origin = new LinkedHashMap<>();
        List<CycleSpec> cycles = null;
        ConfigLayer cyclesLayer = null;
        for (int i = 0; i < layers.size(); i++) {
            ConfigLayer layer = layers.get(i);
            layer.index = i;
            for (Map.Entry<String, Object> e : layer.values.entrySet()) {
                values.put(e.getKey(), e.getValue());
                origin.put(e.getKey(), layer);
            }
            if (layer.cycles != null) {
                cycles = layer.cycles;
                cyclesLayer = layer;
            }
        }
        for (String key : KEYS.keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalStateException("no layer sets '" + key + "'");
            }
        }
        if (cycles == null) {
            throw new IllegalStateException("no layer sets the cycles");
        }

        Schedule schedule;
        try {
            schedule = new Schedule(cycles);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(cyclesLayer.source + ": " + e.getMessage(), e);
        }
        InitialCatalog catalog = InitialCatalog.byKey((String) values.get("search.catalog"));
        CrossKeyRules.checkPoolSizes(schedule, catalog, cyclesLayer, origin.get("search.catalog"));
        int validEpochs = intValue(values, "search.valid_epochs");
        CrossKeyRules.checkValidEpochs(
                schedule, validEpochs, cyclesLayer, origin.get("search.valid_epochs"));
        int batchMin = intValue(values, "batch.min");
        int batchMax = intValue(values, "batch.max");
        if (batchMax < batchMin) {
            throw CrossKeyRules.outOfOrder(
                    origin, "batch.max", batchMax, ">=", "batch.min", batchMin);
        }
        double lr = doubleValue(values, "weights.lr");
        double lrMin = doubleValue(values, "weights.lr_min");
        if (lrMin > lr) {
            throw CrossKeyRules.outOfOrder(origin, "weights.lr_min", lrMin, "<=", "weights.lr", lr);
        }

        return new SearchConfig(
                (Long) values.get("seed"),
                intValue(values, "threads"),
                (String) values.get("device"),
                new SearchConfig.Data(
                        (String) values.get("data.dataset"),
                        (String) values.get("data.dir"),
                        doubleValue(values, "data.train_portion"),
                        intValue(values, "data.limit")),
                new SearchConfig.Search(
                        (String) values.get("search.space"),
                        catalog,
                        intValue(values, "search.channels"),
                        intValue(values, "search.cells"),
                        validEpochs),
                new SearchConfig.Batch(
                        batchMin,
                        intValue(values, "batch.mult"),
                        batchMax,
                        doubleValue(values, "batch.threshold"),
                        (String) values.get("batch.memory_budget")),
                new SearchConfig.Weights(
                        lr,
                        lrMin,
                        doubleValue(values, "weights.momentum"),
                        doubleValue(values, "weights.weight_decay"),
                        doubleValue(values, "weights.grad_clip")),
                new SearchConfig.Alpha(
                        doubleValue(values, "alpha.lr"),
                        doubleValue(values, "alpha.beta1"),
                        doubleValue(values, "alpha.beta2"),
                        doubleValue(values, "alpha.weight_decay"),
                        doubleValue(values, "alpha.grad_clip")),
                schedule);
    }

    private static int intValue(Map<String, Object> values, String key) {
        return ((Long) values.get(key)).intValue();
    }

    private static double doubleValue(Map<String, Object> values, String key) {
        return (Double) values.get(key);
    }

    private static boolean isDevice(String s) {
        try {
            DeviceChoice.parse(s);
            return s.equals(s.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isMemorySize(String s) {
        try {
            MemorySize.parseBytes(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isCatalog(String s) {
        for (InitialCatalog c : InitialCatalog.values()) {
            if (c.key().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static long integer(
            String source, String key, Object value, long min, String rule, LongPredicate ok)
            throws ConfigException {
        long v;
        if (value instanceof Long l) {
            v = l;
        } else if (value instanceof Integer i) {
            v = i;
        } else {
            throw new ConfigException(
                    source + ": key '" + key + "' must be an integer, got " + describe(value));
        }
        boolean wide = min == Long.MIN_VALUE;
        if (!wide && v > Integer.MAX_VALUE) {
            throw new ConfigException(
                    source
                            + ": key '"
                            + key
                            + "' is too large: "
                            + v
                            + " is above the largest supported value "
                            + Integer.MAX_VALUE);
        }
        if (!ok.test(v)) {
            throw new ConfigException(
                    source + ": key '" + key + "' must be " + rule + ", got " + v);
        }
        if (!wide && v < Integer.MIN_VALUE) {
            throw new ConfigException(
                    source
                            + ": key '"
                            + key
                            + "' is too small: "
                            + v
                            + " is below the smallest supported value "
                            + Integer.MIN_VALUE);
        }
        return v;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "the integer " + value;
        }
        if (value instanceof Double) {
            return "the float " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "a table";
        }
        return String.valueOf(value);
    }

    /** Rounds away the last-digit noise toml4j leaves on exponent literals such as 6e-4. */
    private static double clean(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(15)).doubleValue();
    }

    private static void integerKey(String key, long min, String rule, LongPredicate ok) {
        KEYS.put(key, (source, k, value) -> integer(source, k, value, min, rule, ok));
    }

    private static void floatKey(String key, String rule, DoublePredicate ok) {
        KEYS.put(
                key,
                (source, k, value) -> {
                    double v;
                    if (value instanceof Double d) {
                        v = clean(d);
                    } else if (value instanceof Long || value instanceof Integer) {
                        v = ((Number) value).doubleValue();
                    } else {
                        throw new ConfigException(
                                source
                                        + ": key '"
                                        + k
                                        + "' must be a number, got "
                                        + describe(value));
                    }
                    if (Double.isNaN(v) || Double.isInfinite(v) || !ok.test(v)) {
                        throw new ConfigException(
                                source + ": key '" + k + "' must be " + rule + ", got " + v);
                    }
                    return v;
                });
    }

    private static void stringKey(
            String key, String rule, java.util.function.Predicate<String> ok) {
        KEYS.put(
                key,
                (source, k, value) -> {
                    if (!(value instanceof String s)) {
                        throw new ConfigException(
                                source
                                        + ": key '"
                                        + k
                                        + "' must be a string, got "
                                        + describe(value));
                    }
                    if (!ok.test(s)) {
                        throw new ConfigException(
                                source
                                        + ": key '"
                                        + k
                                        + "' must be "
                                        + rule
                                        + ", got \""
                                        + s
                                        + "\"");
                    }
                    return s;
                });
    }

    /** Checks one value and returns it in its canonical Java type (Long, Double or String). */
    @FunctionalInterface
    private interface Key {
        Object check(String source, String key, Object value) throws ConfigException;
    }
}

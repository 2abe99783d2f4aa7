package dev.prdarts.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.search.genotype.GenotypeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A search or training run folder as far as it exists (see {@code docs/run-folder.md}).
 *
 * <p>A running or interrupted run is read as it is: files not written yet are absent, an unfinished
 * last metrics line is left out with a note. Everything that exists must follow the format.
 */
public final class RunFolder {

    /** What kind of run wrote the folder. */
    public enum Kind {
        /** {@code prdarts search}: cycles, pools, a genotype at the end. */
        SEARCH,
        /** {@code prdarts train}: epochs with test accuracy, {@code result.json} at the end. */
        TRAIN
    }

    private static final Pattern CYCLE_FILE = Pattern.compile("cycle-(\\d+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Kind kind;
    private final Optional<String> config;
    private final Optional<MetricsFile> metrics;
    private final List<CyclePools> pools;
    private final Optional<Genotype> genotype;
    private final Map<String, String> result;
    private final List<String> notes;

    private RunFolder(
            Path dir,
            Kind kind,
            Optional<String> config,
            Optional<MetricsFile> metrics,
            List<CyclePools> pools,
            Optional<Genotype> genotype,
            Map<String, String> result,
            List<String> notes) {
        this.dir = dir;
        this.kind = kind;
        this.config = config;
        this.metrics = metrics;
        this.pools = List.copyOf(pools);
        this.genotype = genotype;
        this.result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads a run folder.
     *
     * @param dir the folder a search or training run wrote
     * @throws NoSuchFileException when the folder does not exist
     * @throws RunFormatException when it is not a run folder or a file breaks the format
     * @throws dev.prdarts.search.genotype.GenotypeFormatException when the genotype does not parse
     * @throws IOException when a file cannot be read
     */
    public static RunFolder read(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "run folder does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new RunFormatException(dir, 0, "not a run folder: it is a file");
        }
        Path configFile = dir.resolve("config.toml");
        Path metricsFile = dir.resolve("metrics.jsonl");
        Path poolsDir = dir.resolve("pools");
        Path searchGenotype = dir.resolve("genotype.json");
        Path modelGenotype = dir.resolve("model").resolve("genotype.json");
        Path resultFile = dir.resolve("result.json");
        boolean any =
                Stream.of(
                                configFile,
                                metricsFile,
                                poolsDir,
                                searchGenotype,
                                modelGenotype,
                                resultFile)
                        .anyMatch(Files::exists);
        if (!any) {
            throw new RunFormatException(
                    dir,
                    0,
                    "not a run folder: it has none of config.toml, metrics.jsonl, pools/,"
                            + " genotype.json, model/genotype.json, result.json");
        }

        List<String> notes = new ArrayList<>();
        Optional<String> config =
                Files.isRegularFile(configFile)
                        ? Optional.of(TextFiles.readUtf8(configFile))
                        : Optional.empty();
        Optional<MetricsFile> metrics =
                Files.isRegularFile(metricsFile)
                        ? Optional.of(MetricsFile.read(metricsFile))
                        : Optional.empty();
        metrics.flatMap(MetricsFile::incompleteLine)
                .ifPresent(
                        n ->
                                notes.add(
                                        "metrics.jsonl line "
                                                + n
                                                + " is unfinished (the run may still be writing"
                                                + " it); it is not shown"));
        List<CyclePools> pools = readPools(poolsDir, notes);

        boolean train =
                Files.exists(resultFile)
                        || Files.exists(dir.resolve("model"))
                        || Files.exists(dir.resolve("train.log"))
                        || metrics.map(m -> m.epochs().stream().anyMatch(e -> e.testAcc() != null))
                                .orElse(false);
        Kind kind = train && pools.isEmpty() ? Kind.TRAIN : Kind.SEARCH;

        Path genotypeFile = kind == Kind.TRAIN ? modelGenotype : searchGenotype;
        Optional<Genotype> genotype =
                Files.isRegularFile(genotypeFile)
                        ? Optional.of(GenotypeJson.read(genotypeFile))
                        : Optional.empty();
        Map<String, String> result =
                Files.isRegularFile(resultFile) ? readResult(resultFile) : Map.of();
        return new RunFolder(dir, kind, config, metrics, pools, genotype, result, notes);
    }

    private static List<CyclePools> readPools(Path poolsDir, List<String> notes)
            throws IOException {
        if (!Files.isDirectory(poolsDir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(poolsDir)) {
            list.filter(p -> CYCLE_FILE.matcher(p.getFileName().toString()).matches())
                    .forEach(files::add);
        }
        files.sort(Comparator.comparingInt(RunFolder::cycleOf));
        List<CyclePools> pools = new ArrayList<>();
        for (Path f : files) {
            pools.add(CyclePools.read(f, cycleOf(f)));
        }
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).cycle() != i + 1) {
                notes.add(
                        "pools/cycle-"
                                + (i + 1)
                                + ".json is missing; the pools shown start a gap there");
                break;
            }
        }
        return pools;
    }

    private static int cycleOf(Path file) {
        Matcher m = CYCLE_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a cycle file: " + file);
        }
        return Integer.parseInt(m.group(1));
    }

    private static Map<String, String> readResult(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(TextFiles.readUtf8(file));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RunFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RunFormatException(file, 0, "expected a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(
                    e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        return out;
    }

    /** Returns the folder. */
    public Path dir() {
        return dir;
    }

    /** Returns whether a search or a training run wrote it. */
    public Kind kind() {
        return kind;
    }

    /** Returns the text of {@code config.toml}, if written. */
    public Optional<String> config() {
        return config;
    }

    /** Returns the epochs recorded so far, in file order. */
    public List<EpochMetrics> epochs() {
        return metrics.map(MetricsFile::epochs).orElse(List.of());
    }

    /** Returns the pools of the cycles finished so far, in cycle order. */
    public List<CyclePools> pools() {
        return pools;
    }

    /** Returns the final genotype, present once the run has finished. */
    public Optional<Genotype> genotype() {
        return genotype;
    }

    /** Returns the fields of {@code result.json} (training runs) as text, in file order. */
    public Map<String, String> result() {
        return result;
    }

    /** Returns what a reader should know about missing or unfinished parts. */
    public List<String> notes() {
        return notes;
    }

    /** Returns whether the run has written its final output (genotype or result). */
    public boolean finished() {
        return kind == Kind.SEARCH ? genotype.isPresent() : !result.isEmpty();
    }
}

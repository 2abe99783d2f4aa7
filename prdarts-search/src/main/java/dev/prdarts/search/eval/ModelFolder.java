package dev.prdarts.search.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.io.Folders;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.ops.catalog.Tensors;
import dev.prdarts.search.JsonErrors;
import dev.prdarts.search.genotype.GenotypeFiles;
import dev.prdarts.search.genotype.GenotypeJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes and reads the {@code model/} folder of a training run (docs/run-folder.md).
 *
 * <p>Three files: {@code genotype.json}, {@code model.json} (the network shape, the dataset, its
 * class names and normalisation) and {@code parameters.ndlist}, every parameter and BN running
 * statistic in DJL's {@code NDList} encoding, each array named by its structural name. A model is
 * loaded by building the network from {@code model.json} and the genotype and copying the arrays in
 * by name, so a file that does not fit the network is reported, never half-loaded.
 */
public final class ModelFolder {

    /** The name of the shape file. */
    public static final String MODEL_JSON = "model.json";

    /** The name of the parameter file. */
    public static final String PARAMETERS = "parameters.ndlist";

    /** The value of the {@code format} field of {@code model.json}. */
    public static final String FORMAT = "prdarts-eval-model";

    /** The value of the {@code version} field of {@code model.json}, the only one read. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFolder() {}

    /**
     * Writes the network to {@code dir} (created if needed).
     *
     * @param network the trained network
     * @param info the shape and data description written to {@code model.json}
     * @param dir the model folder
     * @throws IOException when a file cannot be written
     */
    public static void save(EvalNetwork network, ModelInfo info, Path dir) throws IOException {
        Folders.create(dir);
        GenotypeJson.write(network.genotype(), dir.resolve(GenotypeFiles.FILE_NAME));

        NDList arrays = new NDList();
        for (Map.Entry<String, NDArray> e : state(network).entrySet()) {
            e.getValue().setName(e.getKey());
            arrays.add(e.getValue());
        }
        Path tmp = dir.resolve(PARAMETERS + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            arrays.encode(out);
        }
        Files.move(
                tmp,
                dir.resolve(PARAMETERS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        Files.writeString(dir.resolve(MODEL_JSON), MAPPER.writeValueAsString(toJson(info)));
    }

    /**
     * Returns the folder holding the model files: {@code dir} itself, or {@code dir/model} when
     * {@code dir} is a training run folder.
     *
     * @throws IOException naming the folder and the missing file when it is missing or incomplete
     */
    public static Path locate(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            throw new IOException(
                    dir
                            + " is a file, not a model folder (expected a training run folder or"
                            + " its model/ folder)");
        }
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(
                    dir.toString(),
                    null,
                    "no such model folder (expected a training run folder or"
                            + " its model/ folder)");
        }
        Path folder = Files.isRegularFile(dir.resolve(MODEL_JSON)) ? dir : dir.resolve("model");
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(
                    dir.toString(),
                    null,
                    "not a training run folder or model folder (no "
                            + MODEL_JSON
                            + " and no model/ folder)");
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(MODEL_JSON, GenotypeFiles.FILE_NAME, PARAMETERS)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(
                    "model folder "
                            + folder
                            + " is incomplete: missing "
                            + String.join(", ", missing)
                            + " (a training run writes them when it finishes)");
        }
        return folder;
    }

    /**
     * Reads {@code model.json} of a model folder or training run folder.
     *
     * @throws IOException when the folder is incomplete, the file is malformed or of a format
     *     version this code does not know
     */
    public static ModelInfo readInfo(Path dir) throws IOException {
        Path folder = locate(dir);
        Path file = folder.resolve(MODEL_JSON);
        String text = TextFiles.readUtf8(file);
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + JsonErrors.notValidJson(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new IOException(file + ": 'version' must be an integer, got " + version);
        }
        if (version.intValue() != VERSION) {
            throw new IOException(
                    file
                            + ": unknown model format version "
                            + version
                            + " (this prdarts reads version "
                            + VERSION
                            + ")");
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the network of a model folder (or training run folder) into {@code manager}.
     *
     * @throws IOException when files are missing, malformed or do not fit each other
     */
    public static Loaded load(Path dir, NDManager manager) throws IOException {
        Path folder = locate(dir);
        ModelInfo info = readInfo(folder);
        Genotype genotype = GenotypeJson.read(folder.resolve(GenotypeFiles.FILE_NAME));
        EvalNetwork network =
                new EvalNetwork(genotype, info.spec(), manager, new SplittableRandom(0));
        Map<String, NDArray> target = state(network);
        Path file = folder.resolve(PARAMETERS);
        try (NDManager scratch = manager.newSubManager();
                InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NDList list;
            try {
                list = NDList.decode(scratch, in);
            } catch (RuntimeException e) {
                throw new IOException(file + ": not a DJL NDList file: " + e.getMessage(), e);
            }
            Map<String, NDArray> source = new LinkedHashMap<>();
            for (NDArray a : list) {
                source.put(a.getName(), a);
            }
            if (!source.keySet().equals(target.keySet())) {
                List<String> absent = new ArrayList<>(target.keySet());
                absent.removeAll(source.keySet());
                List<String> extra = new ArrayList<>(source.keySet());
                extra.removeAll(target.keySet());
                throw new IOException(
                        file
                                + " does not fit the network of "
                                + MODEL_JSON
                                + " and "
                                + GenotypeFiles.FILE_NAME
                                + ": missing "
                                + head(absent)
                                + ", unexpected "
                                + head(extra));
            }
            try {
                Tensors.copyAll(target, source);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return new Loaded(network, info, folder);
    }

    /** Returns every parameter and buffer of the network by name. */
    static Map<String, NDArray> state(EvalNetwork network) {
        Map<String, NDArray> all = new LinkedHashMap<>(network.parameters());
        all.putAll(network.buffers());
        return all;
    }

    private static String head(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        return names.size() <= 3
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    private static ObjectNode toJson(ModelInfo info) {
        EvalNetworkSpec s = info.spec();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("channels", s.channels());
        root.put("cells", s.cells());
        root.put("classes", s.classes());
        root.putObject("input")
                .put("channels", s.inChannels())
                .put("height", s.height())
                .put("width", s.width());
        root.put("aux", s.auxiliary());
        root.put("params", info.params());
        root.put("dataset", info.dataset());
        ArrayNode names = root.putArray("class_names");
        info.classNames().forEach(names::add);
        ObjectNode norm = root.putObject("normalization");
        ArrayNode mean = norm.putArray("mean");
        info.normalization().mean().forEach(mean::add);
        ArrayNode std = norm.putArray("std");
        info.normalization().std().forEach(std::add);
        return root;
    }

    private static ModelInfo fromJson(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(
                    "'format' must be \"" + FORMAT + "\", got " + root.get("format"));
        }
        JsonNode input = root.path("input");
        EvalNetworkSpec spec =
                new EvalNetworkSpec(
                        integer(root, "channels"),
                        integer(root, "cells"),
                        integer(root, "classes"),
                        integer(input, "channels"),
                        integer(input, "height"),
                        integer(input, "width"),
                        root.path("aux").asBoolean(false));
        List<String> names = new ArrayList<>();
        root.path("class_names").forEach(n -> names.add(n.asText()));
        List<Double> mean = new ArrayList<>();
        root.path("normalization").path("mean").forEach(n -> mean.add(n.asDouble()));
        List<Double> std = new ArrayList<>();
        root.path("normalization").path("std").forEach(n -> std.add(n.asDouble()));
        return new ModelInfo(
                spec,
                root.path("dataset").asText(""),
                names,
                new Normalization(mean, std),
                root.path("params").asLong());
    }

    private static int integer(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("'" + key + "' must be an integer, got " + v);
        }
        return v.intValue();
    }

    /**
     * A loaded model.
     *
     * @param network the network with the trained values
     * @param info its {@code model.json}
     * @param folder the folder it was read from
     */
    public record Loaded(EvalNetwork network, ModelInfo info, Path folder) {}
}

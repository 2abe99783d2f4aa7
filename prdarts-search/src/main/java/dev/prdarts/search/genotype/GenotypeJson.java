package dev.prdarts.search.genotype;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.PoolType;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.ops.ZeroOp;
import dev.prdarts.search.JsonErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes genotype JSON.
 *
 * <p>Two formats are read, told apart by their shape:
 *
 * <ul>
 *   <li>{@link Format#PRDARTS}, the {@code genotype.json} of a run folder (docs/run-folder.md): an
 *       object with {@code normal} and {@code reduce} cells, each with {@code edges} ({@code op} in
 *       the canonical text form and {@code input}) and {@code concat};
 *   <li>{@link Format#AUTHORS}, the JSON dump of the PR-DARTS authors' Python genotype: a list of
 *       four items (normal entries, normal concat, reduce entries, reduce concat) whose entries are
 *       {@code [name, kwargs, input]} triples with the names {@code pool}, {@code skip}, {@code
 *       conv} and {@code none}, for example {@code ["conv", {"k": 3, "dil": 1, "c_mul": [1]}, 0]}
 *       or {@code ["pool", {"k": 3, "type_": "max"}, 1]}.
 * </ul>
 *
 * <p>Every problem is reported as a {@link GenotypeFormatException} with one line naming the file
 * and the entry.
 */
public final class GenotypeJson {

    /** The genotype JSON dialects this class understands. */
    public enum Format {
        /** The {@code genotype.json} of a prdarts run folder. */
        PRDARTS,
        /** The authors' Python genotype as a list of four items. */
        AUTHORS
    }

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    private GenotypeJson() {}

    /**
     * Reads a genotype file in either format.
     *
     * @param file the JSON file
     * @return the genotype
     * @throws GenotypeFormatException naming the file and the entry when the content is bad
     * @throws IOException when the file cannot be read
     */
    public static Genotype read(Path file) throws IOException {
        String text = TextFiles.readUtf8(file);
        return parse(text, file.toString());
    }

    /**
     * Parses genotype JSON in either format.
     *
     * @param json the JSON text
     * @param source the name used in messages, usually the file path
     * @return the genotype
     * @throws GenotypeFormatException naming the source and the entry when the content is bad
     */
    public static Genotype parse(String json, String source) throws GenotypeFormatException {
        Context ctx = new Context(source);
        JsonNode root = tree(json, ctx);
        return detect(root, ctx) == Format.PRDARTS
                ? fromPrdarts(root, ctx)
                : fromAuthors(root, ctx);
    }

    /**
     * Returns the format of genotype JSON without checking its cells.
     *
     * @param json the JSON text
     * @param source the name used in messages
     * @throws GenotypeFormatException when the text is not JSON or has neither shape
     */
    public static Format detect(String json, String source) throws GenotypeFormatException {
        Context ctx = new Context(source);
        return detect(tree(json, ctx), ctx);
    }

    /** Returns the genotype in the {@code genotype.json} format of a run folder, pretty-printed. */
    public static String toJson(Genotype genotype) {
        ObjectNode root = MAPPER.createObjectNode();
        for (CellType type : CellType.values()) {
            CellGenotype cell = genotype.cell(type);
            ObjectNode c = root.putObject(type.key());
            ArrayNode edges = c.putArray("edges");
            for (GenotypeEntry e : cell.entries()) {
                edges.addObject().put("op", e.op().text()).put("input", e.input());
            }
            ArrayNode concat = c.putArray("concat");
            cell.concat().forEach(concat::add);
        }
        return write(root);
    }

    /** Returns the genotype in the authors' format (a list of four items), pretty-printed. */
    public static String toAuthorsJson(Genotype genotype) {
        ArrayNode root = MAPPER.createArrayNode();
        for (CellType type : CellType.values()) {
            CellGenotype cell = genotype.cell(type);
            ArrayNode entries = root.addArray();
            for (GenotypeEntry e : cell.entries()) {
                ArrayNode triple = entries.addArray();
                authorsOp(e.op(), triple);
                triple.add(e.input());
            }
            ArrayNode concat = root.addArray();
            cell.concat().forEach(concat::add);
        }
        return write(root);
    }

    /**
     * Writes the genotype to a file in the {@code genotype.json} format.
     *
     * @param genotype the genotype
     * @param file the target file; replaced if it exists
     * @throws IOException when the file cannot be written
     */
    public static void write(Genotype genotype, Path file) throws IOException {
        Files.writeString(file, toJson(genotype), StandardCharsets.UTF_8);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static void authorsOp(OpConfig op, ArrayNode triple) {
        if (op instanceof ConvOp conv) {
            triple.add("conv");
            ObjectNode kw = triple.addObject().put("k", conv.kernel()).put("dil", conv.dilation());
            ArrayNode mul = kw.putArray("c_mul");
            conv.expansions().forEach(mul::add);
        } else if (op instanceof PoolOp pool) {
            triple.add("pool");
            triple.addObject()
                    .put("k", pool.kernel())
                    .put("type_", pool.type() == PoolType.MAX ? "max" : "avg");
        } else if (op instanceof SkipOp) {
            triple.add("skip");
            triple.addObject();
        } else {
            triple.add("none");
            triple.addObject();
        }
    }

    // ---- reading -------------------------------------------------------------------------

    private static JsonNode tree(String json, Context ctx) throws GenotypeFormatException {
        if (json == null || json.isBlank()) {
            throw ctx.fail("the file is empty, expected genotype JSON");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ctx.fail(JsonErrors.notValidJson(e), e);
        }
    }

    private static Format detect(JsonNode root, Context ctx) throws GenotypeFormatException {
        if (root.isObject() && (root.has("normal") || root.has("reduce"))) {
            return Format.PRDARTS;
        }
        if (root.isArray()) {
            return Format.AUTHORS;
        }
        throw ctx.fail(
                "expected an object with 'normal' and 'reduce' cells (genotype.json) or a list of"
                        + " four items (the authors' format), got "
                        + describe(root));
    }

    private static Genotype fromPrdarts(JsonNode root, Context ctx) throws GenotypeFormatException {
        CellGenotype[] cells = new CellGenotype[2];
        for (CellType type : CellType.values()) {
            String name = type.key();
            JsonNode cell = root.get(name);
            if (cell == null || !cell.isObject()) {
                throw ctx.fail(
                        "'"
                                + name
                                + "' must be an object with 'edges' and 'concat', got "
                                + describe(cell));
            }
            JsonNode edges = cell.get("edges");
            if (edges == null || !edges.isArray()) {
                throw ctx.fail(name + ".edges must be a list, got " + describe(edges));
            }
            checkCount(edges, name, ctx);
            List<GenotypeEntry> entries = new ArrayList<>();
            for (int i = 0; i < edges.size(); i++) {
                JsonNode edge = edges.get(i);
                String entry = entryName(name, i);
                if (!edge.isObject()) {
                    throw ctx.fail(
                            entry
                                    + " must be an object with 'op' and 'input', got "
                                    + describe(edge));
                }
                JsonNode op = edge.get("op");
                if (op == null || !op.isTextual()) {
                    throw ctx.fail(entry + ": 'op' must be a string, got " + describe(op));
                }
                OpConfig config;
                try {
                    config = OpConfig.parse(op.asText());
                } catch (IllegalArgumentException e) {
                    throw ctx.fail(entry + ": " + e.getMessage());
                }
                entries.add(entry(config, edge.get("input"), i, name, ctx));
            }
            JsonNode concat = cell.get("concat");
            List<Integer> concatList =
                    concat == null
                            ? CellGenotype.defaultConcat()
                            : concat(concat, name + ".concat", ctx);
            cells[type.ordinal()] = new CellGenotype(entries, concatList);
        }
        return new Genotype(cells[0], cells[1]);
    }

    private static Genotype fromAuthors(JsonNode root, Context ctx) throws GenotypeFormatException {
        if (root.size() != 4) {
            throw ctx.fail(
                    "the authors' format is a list of four items (normal, normal_concat, reduce,"
                            + " reduce_concat), got "
                            + root.size()
                            + " items");
        }
        CellGenotype[] cells = new CellGenotype[2];
        for (CellType type : CellType.values()) {
            String name = type.key();
            JsonNode list = root.get(2 * type.ordinal());
            if (!list.isArray()) {
                throw ctx.fail(
                        name + " must be a list of [name, kwargs, input], got " + describe(list));
            }
            checkCount(list, name, ctx);
            List<GenotypeEntry> entries = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode triple = list.get(i);
                String entry = entryName(name, i);
                if (!triple.isArray() || triple.size() != 3) {
                    throw ctx.fail(
                            entry
                                    + " must be a list [name, kwargs, input], got "
                                    + describe(triple));
                }
                OpConfig op = authorsOp(triple.get(0), triple.get(1), entry, ctx);
                entries.add(entry(op, triple.get(2), i, name, ctx));
            }
            List<Integer> concat = concat(root.get(2 * type.ordinal() + 1), name + "_concat", ctx);
            cells[type.ordinal()] = new CellGenotype(entries, concat);
        }
        return new Genotype(cells[0], cells[1]);
    }

    private static OpConfig authorsOp(JsonNode name, JsonNode kwargs, String entry, Context ctx)
            throws GenotypeFormatException {
        if (!name.isTextual()) {
            throw ctx.fail(entry + ": the operation name must be a string, got " + describe(name));
        }
        if (!kwargs.isObject()) {
            throw ctx.fail(entry + ": the arguments must be an object, got " + describe(kwargs));
        }
        String op = name.asText();
        try {
            switch (op) {
                case "conv":
                    allowOnly(kwargs, Set.of("k", "dil", "c_mul"), op, entry, ctx);
                    int k = integer(kwargs, "k", entry, ctx);
                    int dil = integer(kwargs, "dil", entry, ctx);
                    JsonNode mul = kwargs.get("c_mul");
                    if (mul == null || !mul.isArray()) {
                        throw ctx.fail(
                                entry
                                        + ": conv needs 'c_mul' as a list of integers, got "
                                        + describe(mul));
                    }
                    List<Integer> x = new ArrayList<>();
                    for (JsonNode m : mul) {
                        if (!m.isIntegralNumber()) {
                            throw ctx.fail(
                                    entry + ": 'c_mul' must hold integers, got " + describe(m));
                        }
                        x.add(m.intValue());
                    }
                    return new ConvOp(k, dil, x);
                case "pool":
                    allowOnly(kwargs, Set.of("k", "type_"), op, entry, ctx);
                    int pk = integer(kwargs, "k", entry, ctx);
                    JsonNode type = kwargs.get("type_");
                    String t = type == null || !type.isTextual() ? null : type.asText();
                    if (!"max".equals(t) && !"avg".equals(t)) {
                        throw ctx.fail(
                                entry
                                        + ": pool 'type_' must be \"max\" or \"avg\", got "
                                        + describe(type));
                    }
                    return new PoolOp("max".equals(t) ? PoolType.MAX : PoolType.AVG, pk);
                case "skip":
                    allowOnly(kwargs, Set.of(), op, entry, ctx);
                    return SkipOp.INSTANCE;
                case "none":
                    allowOnly(kwargs, Set.of(), op, entry, ctx);
                    return ZeroOp.INSTANCE;
                default:
                    throw ctx.fail(
                            entry
                                    + ": unknown operation '"
                                    + op
                                    + "'; expected pool, skip, conv or none");
            }
        } catch (IllegalArgumentException e) {
            throw ctx.fail(entry + ": " + e.getMessage());
        }
    }

    private static void allowOnly(
            JsonNode kwargs, Set<String> allowed, String op, String entry, Context ctx)
            throws GenotypeFormatException {
        Iterator<String> names = kwargs.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw ctx.fail(
                        entry
                                + ": unknown argument '"
                                + key
                                + "' for "
                                + op
                                + (allowed.isEmpty()
                                        ? " (it takes none)"
                                        : " (expected "
                                                + String.join(
                                                        ", ", allowed.stream().sorted().toList())
                                                + ")"));
            }
        }
    }

    private static int integer(JsonNode kwargs, String key, String entry, Context ctx)
            throws GenotypeFormatException {
        JsonNode v = kwargs.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ctx.fail(entry + ": '" + key + "' must be an integer, got " + describe(v));
        }
        return v.intValue();
    }

    private static void checkCount(JsonNode list, String cell, Context ctx)
            throws GenotypeFormatException {
        int expected = 2 * CellGenotype.NODES;
        if (list.size() != expected) {
            throw ctx.fail(
                    cell
                            + " cell has "
                            + list.size()
                            + " entries, expected "
                            + expected
                            + " (two per node)");
        }
    }

    private static GenotypeEntry entry(OpConfig op, JsonNode input, int i, String cell, Context ctx)
            throws GenotypeFormatException {
        String entry = entryName(cell, i);
        if (input == null || !input.isIntegralNumber() || !input.canConvertToInt()) {
            throw ctx.fail(entry + ": 'input' must be an integer, got " + describe(input));
        }
        int in = input.intValue();
        int state = 2 + i / 2;
        if (in < 0) {
            throw ctx.fail(entry + ": input must be >= 0, got " + in);
        }
        if (in >= state) {
            throw ctx.fail(
                    entry
                            + ": input "
                            + in
                            + (in == state ? " is the node itself" : " points forward")
                            + "; node "
                            + state
                            + " may only read states 0.."
                            + (state - 1));
        }
        return new GenotypeEntry(op, in);
    }

    private static List<Integer> concat(JsonNode node, String what, Context ctx)
            throws GenotypeFormatException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ctx.fail(what + " must be a non-empty list of states, got " + describe(node));
        }
        List<Integer> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int last = 1 + CellGenotype.NODES;
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || n.intValue() < 0 || n.intValue() > last) {
                throw ctx.fail(
                        what + " entries must be states 0.." + last + ", got " + describe(n));
            }
            if (!seen.add(n.intValue())) {
                throw ctx.fail(what + " lists state " + n.intValue() + " twice");
            }
            out.add(n.intValue());
        }
        return out;
    }

    private static String entryName(String cell, int i) {
        return cell + " entry " + i + " (node " + (2 + i / 2) + ")";
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + text;
    }

    /** The source named in every message. */
    private record Context(String source) {
        GenotypeFormatException fail(String why) {
            return new GenotypeFormatException("genotype file '" + source + "': " + why);
        }

        GenotypeFormatException fail(String why, Throwable cause) {
            return new GenotypeFormatException(
                    "genotype file '" + source + "': " + why.replace('\n', ' '), cause);
        }
    }
}

package dev.prdarts.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.io.TextFiles;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.OpKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code pools/cycle-N.json} file: every edge's pool at the end of a cycle.
 *
 * @param cycle the 1-based cycle
 * @param epochs the epochs of the cycle, or null when not recorded
 * @param kept the candidates per edge kept by pruning, or null
 * @param morphs the morphs per edge at the end of the cycle, or null
 * @param cells the pools per cell type; a cell type the file leaves empty is absent
 */
public record CyclePools(
        int cycle, Integer epochs, Integer kept, Integer morphs, Map<CellType, CellPools> cells) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates the value and copies the map. */
    public CyclePools {
        cells = Map.copyOf(cells);
    }

    /**
     * One candidate of a pool with its softmax weight at the end of the cycle.
     *
     * @param op the canonical text of the operation
     * @param kind its family
     * @param weight softmax(alpha) of the candidate
     * @param isNew whether a morph created it at the end of the previous cycle
     * @param parent the operation it was morphed from, or null
     * @param kept whether pruning kept it, or null when not recorded
     */
    public record Candidate(
            String op, OpKind kind, double weight, boolean isNew, String parent, Boolean kept) {}

    /**
     * One candidate of the next cycle's pool.
     *
     * @param op the canonical text of the operation
     * @param parent the operation it was morphed from, or null for a survivor
     * @param morph the morph kind that made it, or null for a survivor
     */
    public record Next(String op, String parent, String morph) {}

    /**
     * One edge of a cell type.
     *
     * @param edge the 0-based edge index (0..13)
     * @param node the state the edge feeds (2..5)
     * @param input the state it reads
     * @param pool the candidates trained during the cycle
     * @param next the pool of the next cycle; empty after the last cycle
     * @param similarity the similarity of the pool, or null
     */
    public record Edge(
            int edge,
            int node,
            int input,
            List<Candidate> pool,
            List<Next> next,
            Double similarity) {

        /** Creates the value and copies the lists. */
        public Edge {
            pool = List.copyOf(pool);
            next = List.copyOf(next);
        }

        /** Returns the candidate with the highest weight, or null for an empty pool. */
        public Candidate best() {
            Candidate best = null;
            for (Candidate c : pool) {
                if (best == null || c.weight() > best.weight()) {
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * The pools of one cell type and their statistics.
     *
     * @param edges the edges in index order
     * @param share the share of each family ({@code conv}, {@code pool}, {@code skip}, {@code
     *     zero}) among the candidates of all edges
     * @param kernels how many candidates have each kernel size
     * @param similarity the mean pool similarity, or null
     * @param distinctSeen the distinct operations any edge has held so far, or null
     */
    public record CellPools(
            List<Edge> edges,
            Map<String, Double> share,
            Map<String, Integer> kernels,
            Double similarity,
            Integer distinctSeen) {

        /** Creates the value and copies the collections. */
        public CellPools {
            edges = List.copyOf(edges);
            share = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(share));
            kernels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kernels));
        }
    }

    /**
     * Reads and checks one pools file.
     *
     * @param file a file named {@code cycle-N.json}
     * @param expectedCycle the cycle its name gives
     * @throws RunFormatException naming the file and the field when the content breaks the format
     * @throws IOException when the file cannot be read
     */
    public static CyclePools read(Path file, int expectedCycle) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(TextFiles.readUtf8(file));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RunFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
        }
        Reader r = new Reader(file);
        if (root == null || !root.isObject()) {
            throw new RunFormatException(file, 0, "expected a JSON object");
        }
        Integer cycle = r.integer(root, "cycle");
        if (cycle == null || cycle != expectedCycle) {
            throw new RunFormatException(
                    file,
                    0,
                    "field 'cycle' must match the file name (" + expectedCycle + "), got " + cycle);
        }
        Map<CellType, CellPools> cells = new EnumMap<>(CellType.class);
        JsonNode cellsNode = root.get("cells");
        if (cellsNode != null && !cellsNode.isNull()) {
            if (!cellsNode.isObject()) {
                throw new RunFormatException(file, 0, "field 'cells' must be an object");
            }
            for (CellType type : CellType.values()) {
                JsonNode cell = cellsNode.get(type.key());
                if (cell != null && cell.isObject() && cell.size() > 0) {
                    cells.put(type, r.cell(cell, "cells." + type.key()));
                }
            }
        }
        return new CyclePools(
                cycle,
                r.integer(root, "epochs"),
                r.integer(root, "kept"),
                r.integer(root, "morphs"),
                cells);
    }

    /** Reads the parts of one file, naming the JSON path in every error. */
    private record Reader(Path file) {

        CellPools cell(JsonNode cell, String path) throws RunFormatException {
            List<Edge> edges = new ArrayList<>();
            JsonNode edgesNode = cell.get("edges");
            if (edgesNode != null && !edgesNode.isNull()) {
                if (!edgesNode.isArray()) {
                    throw error(path + ".edges", "must be an array");
                }
                for (int i = 0; i < edgesNode.size(); i++) {
                    edges.add(edge(edgesNode.get(i), path + ".edges[" + i + "]"));
                }
            }
            Map<String, Double> share = new LinkedHashMap<>();
            JsonNode shareNode = object(cell, "share", path);
            if (shareNode != null) {
                for (Iterator<String> it = shareNode.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    share.put(k, number(shareNode, k, path + ".share"));
                }
            }
            Map<String, Integer> kernels = new LinkedHashMap<>();
            JsonNode kernelsNode = object(cell, "kernels", path);
            if (kernelsNode != null) {
                for (Iterator<String> it = kernelsNode.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    kernels.put(k, integer(kernelsNode, k, path + ".kernels"));
                }
            }
            return new CellPools(
                    edges,
                    share,
                    kernels,
                    number(cell, "similarity", path),
                    integer(cell, "distinct_seen", path));
        }

        Edge edge(JsonNode e, String path) throws RunFormatException {
            if (!e.isObject()) {
                throw error(path, "must be an object");
            }
            Integer edge = integer(e, "edge", path);
            Integer node = integer(e, "node", path);
            Integer input = integer(e, "input", path);
            if (edge == null || node == null || input == null) {
                throw error(path, "needs the integer fields 'edge', 'node' and 'input'");
            }
            List<Candidate> pool = new ArrayList<>();
            JsonNode poolNode = e.get("pool");
            if (poolNode == null || !poolNode.isArray()) {
                throw error(path + ".pool", "must be an array");
            }
            for (int i = 0; i < poolNode.size(); i++) {
                pool.add(candidate(poolNode.get(i), path + ".pool[" + i + "]"));
            }
            List<Next> next = new ArrayList<>();
            JsonNode nextNode = e.get("next");
            if (nextNode != null && !nextNode.isNull()) {
                if (!nextNode.isArray()) {
                    throw error(path + ".next", "must be an array");
                }
                for (int i = 0; i < nextNode.size(); i++) {
                    String p = path + ".next[" + i + "]";
                    JsonNode n = nextNode.get(i);
                    next.add(new Next(op(n, p), text(n, "parent", p), text(n, "morph", p)));
                }
            }
            return new Edge(edge, node, input, pool, next, number(e, "similarity", path));
        }

        Candidate candidate(JsonNode c, String path) throws RunFormatException {
            if (!c.isObject()) {
                throw error(path, "must be an object");
            }
            String op = op(c, path);
            Double weight = number(c, "weight", path);
            if (weight == null || weight < 0 || weight > 1) {
                throw error(path + ".weight", "must be a softmax weight in [0, 1], got " + weight);
            }
            JsonNode isNew = c.get("new");
            JsonNode kept = c.get("kept");
            return new Candidate(
                    op,
                    OpConfig.parse(op).kind(),
                    weight,
                    isNew != null && isNew.asBoolean(false),
                    text(c, "parent", path),
                    kept == null || kept.isNull() ? null : kept.asBoolean());
        }

        String op(JsonNode c, String path) throws RunFormatException {
            String op = text(c, "op", path);
            if (op == null) {
                throw error(path + ".op", "is missing");
            }
            try {
                return OpConfig.parse(op).text();
            } catch (IllegalArgumentException ex) {
                throw error(path + ".op", ex.getMessage());
            }
        }

        JsonNode object(JsonNode parent, String name, String path) throws RunFormatException {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isObject()) {
                throw error(path + "." + name, "must be an object, got " + v);
            }
            return v;
        }

        Double number(JsonNode parent, String name, String path) throws RunFormatException {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw error(path + "." + name, "must be a number, got " + v);
            }
            return v.doubleValue();
        }

        Integer integer(JsonNode parent, String name) throws RunFormatException {
            return integer(parent, name, "");
        }

        Integer integer(JsonNode parent, String name, String path) throws RunFormatException {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(join(path, name), "must be an integer, got " + v);
            }
            return v.intValue();
        }

        String text(JsonNode parent, String name, String path) throws RunFormatException {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw error(path + "." + name, "must be a string, got " + v);
            }
            return v.asText();
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        RunFormatException error(String path, String rule) {
            return new RunFormatException(file, 0, "field '" + path + "' " + rule);
        }
    }
}

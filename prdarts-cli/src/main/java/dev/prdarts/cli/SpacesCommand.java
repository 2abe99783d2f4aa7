package dev.prdarts.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphEnumerator;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.ops.space.CellCount;
import dev.prdarts.ops.space.RegisteredSpace;
import dev.prdarts.ops.space.SpaceRegistry;
import dev.prdarts.ops.space.SpaceSource;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code prdarts spaces}: lists the constraint spaces with their bounds, source and size.
 *
 * <p>For each space it counts the conv configurations reachable from {@code conv(k=3,d=1,x=[])}
 * within N morphs (DESIGN section 4), the candidate count K (those convs plus max pool, avg pool
 * and skip) and the possible cells {@code 180 * K^8} (DESIGN section 1).
 */
@Command(
        name = "spaces",
        description = {
            "Lists the constraint spaces (built-in, plugin jars, spaces files) with their bounds,"
                    + " the conv configurations reachable from conv(k=3,d=1,x=[]) within N"
                    + " morphs, the candidate count K (reachable + max pool, avg pool, skip) and"
                    + " the possible cells 180*K^8."
        })
final class SpacesCommand implements Callable<Integer> {

    /** The most morphs {@code --within} accepts; unrestricted spaces grow fast beyond it. */
    static final int MAX_WITHIN = 20;

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Mixin SpaceOptions spaceOptions;

    @Option(
            names = "--within",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Count configurations reachable within N morphs (default ${DEFAULT-VALUE}).")
    int within;

    @Option(
            names = "--allow-degenerate",
            description = "Lift the three k=1/d=2 guards (reproduces the paper's 36 and 80).")
    boolean allowDegenerate;

    @Option(
            names = "--show",
            paramLabel = "NAME",
            description = "List the reachable configurations of one space with their depth.")
    String show;

    @Option(names = "--json", description = "Print machine-readable JSON on stdout.")
    boolean json;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (within < 0 || within > MAX_WITHIN) {
            throw new IllegalArgumentException(
                    "--within must be between 0 and " + MAX_WITHIN + " morphs, got " + within);
        }
        SpaceRegistry registry = spaceOptions.registry(main.plugins().loader());
        MorphEnumerator enumerator = new MorphEnumerator(new MorphRules(allowDegenerate));
        PrintWriter out = spec.commandLine().getOut();

        if (show != null) {
            RegisteredSpace entry = registry.entry(show);
            Row row = new Row(entry, enumerator.reachable(ConvOp.START, entry.space(), within));
            if (json) {
                ObjectNode node = row.json();
                ArrayNode configs = node.putArray("configurations");
                for (MorphEnumerator.Reached r : row.reachable.configs()) {
                    configs.addObject().put("depth", r.depth()).put("op", r.op().text());
                }
                printJson(out, node);
            } else {
                printShow(out, row);
            }
            return 0;
        }

        List<Row> rows = new ArrayList<>();
        for (RegisteredSpace entry : registry.entries()) {
            rows.add(new Row(entry, enumerator.reachable(ConvOp.START, entry.space(), within)));
        }
        if (json) {
            printJson(out, listJson(rows));
        } else {
            printTable(out, rows);
        }
        return 0;
    }

    private ObjectNode listJson(List<Row> rows) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("start", ConvOp.START.text());
        root.put("within", within);
        root.put("allow_degenerate", allowDegenerate);
        ArrayNode spaces = root.putArray("spaces");
        for (Row row : rows) {
            spaces.add(row.json());
        }
        BigInteger darts = CellCount.possibleCells(CellCount.DARTS_CANDIDATES);
        root.putArray("catalogs")
                .addObject()
                .put("name", "darts")
                .put("candidates", CellCount.DARTS_CANDIDATES)
                .put("possible_cells", darts)
                .put("possible_cells_approx", CellCount.approx(darts));
        return root;
    }

    private void printTable(PrintWriter out, List<Row> rows) {
        out.printf(
                "Constraint spaces: conv configurations reachable from %s within %d morphs%s%n%n",
                ConvOp.START.text(), within, allowDegenerate ? " (k=1/d=2 guards lifted)" : "");
        List<String[]> cells = new ArrayList<>();
        cells.add(
                new String[] {
                    "space",
                    "k min",
                    "k max",
                    "d max",
                    "depth",
                    "width",
                    "sum",
                    "reachable",
                    "closed",
                    "K",
                    "cells",
                    "source"
                });
        for (Row row : rows) {
            ConstraintSpace s = row.entry.space();
            cells.add(
                    new String[] {
                        s.name(),
                        bound(s.kernelMin()),
                        bound(s.kernelMax()),
                        bound(s.dilationMax()),
                        bound(s.maxDepth()),
                        bound(s.maxWidth()),
                        bound(s.maxSum()),
                        Integer.toString(row.reachable.count()),
                        row.reachable.closed() ? "after " + row.reachable.maxDepth() : "no",
                        Integer.toString(row.candidates()),
                        CellCount.approx(row.cells()),
                        row.entry.source().toString()
                    });
        }
        printAligned(out, cells);
        out.println();
        out.println(
                "K = reachable convs + max pool, avg pool, skip; cells = 180 * K^8;"
                        + " '-' = unbounded; closed = no new configuration after that many"
                        + " morphs");
        BigInteger darts = CellCount.possibleCells(CellCount.DARTS_CANDIDATES);
        out.printf(
                Locale.ROOT,
                "DARTS catalog: K = %d, cells = %s%n",
                CellCount.DARTS_CANDIDATES,
                CellCount.approx(darts));
    }

    private void printShow(PrintWriter out, Row row) {
        ConstraintSpace s = row.entry.space();
        out.printf(
                "%s (%s): %d conv configurations reachable from %s within %d morphs%s%n",
                s.name(),
                row.entry.source(),
                row.reachable.count(),
                ConvOp.START.text(),
                within,
                row.reachable.closed()
                        ? "; closed after " + row.reachable.maxDepth() + " morphs"
                        : "");
        out.printf(
                "bounds: kernel %s..%s, dilation <= %s, depth <= %s, width <= %s, sum <= %s%n%n",
                bound(s.kernelMin()),
                bound(s.kernelMax()),
                bound(s.dilationMax()),
                bound(s.maxDepth()),
                bound(s.maxWidth()),
                bound(s.maxSum()));
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"depth", "configuration"});
        for (MorphEnumerator.Reached r : row.reachable.configs()) {
            cells.add(new String[] {Integer.toString(r.depth()), r.op().text()});
        }
        printAligned(out, cells);
    }

    /** Prints rows as columns two spaces apart; numbers right-aligned, text left-aligned. */
    private static void printAligned(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        Arrays.fill(numeric, true);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                widths[c] = Math.max(widths[c], cell.length());
                if (r > 0 && !cell.matches("[0-9-]+")) {
                    numeric[c] = false;
                }
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String format = "%" + (numeric[c] ? "" : "-") + widths[c] + "s";
                line.append(String.format(Locale.ROOT, format, row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String bound(int value) {
        return value == ConstraintSpace.UNBOUNDED ? "-" : Integer.toString(value);
    }

    private static void printJson(PrintWriter out, ObjectNode node) throws JsonProcessingException {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    /** One space with its enumeration. */
    private static final class Row {
        final RegisteredSpace entry;
        final MorphEnumerator.Reachable reachable;

        Row(RegisteredSpace entry, MorphEnumerator.Reachable reachable) {
            this.entry = entry;
            this.reachable = reachable;
        }

        int candidates() {
            return CellCount.candidates(reachable.count());
        }

        BigInteger cells() {
            return CellCount.possibleCells(candidates());
        }

        ObjectNode json() {
            ConstraintSpace s = entry.space();
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("name", s.name());
            node.put("kernel_min", s.kernelMin());
            node.put("kernel_max", s.kernelMax());
            node.put("dilation_max", s.dilationMax());
            putBound(node, "max_depth", s.maxDepth());
            putBound(node, "max_width", s.maxWidth());
            putBound(node, "max_sum", s.maxSum());
            node.put("source", entry.source().toString());
            node.put(
                    "source_kind",
                    entry.source().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (entry.source().kind() == SpaceSource.Kind.BUILT_IN) {
                node.putNull("source_location");
            } else {
                node.put("source_location", entry.source().location());
            }
            node.put("reachable", reachable.count());
            node.put("closed", reachable.closed());
            if (reachable.closed()) {
                node.put("closed_after", reachable.maxDepth());
            } else {
                node.putNull("closed_after");
            }
            node.put("candidates", candidates());
            node.put("possible_cells", cells());
            node.put("possible_cells_approx", CellCount.approx(cells()));
            return node;
        }

        private static void putBound(ObjectNode node, String key, int value) {
            if (value == ConstraintSpace.UNBOUNDED) {
                node.putNull(key);
            } else {
                node.put(key, value);
            }
        }
    }

    /** The JSON mapper of this command. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}

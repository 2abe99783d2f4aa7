package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.OpKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The geometry of one cell drawn as a DAG, independent of the output format.
 *
 * <p>All states sit on one horizontal line: the inputs {@code c_{k-2}} and {@code c_{k-1}}, nodes 0
 * to 3 and the output {@code c_{k}}. The entries feeding node {@code j} are routed as brackets,
 * entry {@code 2j} above the line and {@code 2j+1} below it. Brackets on one side are packed into
 * levels so that no two horizontal runs on a level overlap; each label sits on its bracket in the
 * gap just left of the target, so labels never overlap each other, a node or a vertical line. The
 * concatenated states drop onto a bus below everything that leads to the output.
 */
final class CellLayout {

    /** Font size of edge labels and node names, in pixels. */
    static final double FONT = 12;

    /** Width of one monospace character at {@link #FONT}, slightly generous. */
    static final double CHAR_W = 7.4;

    static final double BOX_W = 64;
    static final double BOX_H = 32;
    static final double LABEL_H = 18;
    static final double LABEL_PAD = 5;
    static final double LEVEL_STEP = 26;
    static final double FIRST_LEVEL = 24;
    static final double MARGIN = 16;
    static final double TITLE_H = 30;

    /** A point. */
    record P(double x, double y) {}

    /** What a box stands for. */
    enum Role {
        INPUT,
        NODE,
        OUTPUT
    }

    /**
     * A state box.
     *
     * @param id the name in data attributes, {@code c_{k-2}}, {@code 0} .. {@code 3}, {@code c_{k}}
     * @param main the large part of the shown name ({@code c} or the node number)
     * @param sub the subscript of the shown name, or empty
     */
    record Box(String id, String main, String sub, Role role, double cx, double cy) {
        double left() {
            return cx - BOX_W / 2;
        }

        double top() {
            return cy - BOX_H / 2;
        }
    }

    /**
     * One genotype entry drawn as a bracket with its label.
     *
     * @param entry the entry index (0..7)
     * @param from the id of the state read
     * @param to the id of the node fed
     * @param op the canonical text of the operation
     * @param path the polyline from source to target; the arrow head is at the last point
     * @param label the centre of the label
     * @param labelW the width of the label box
     */
    record Edge(
            int entry,
            String from,
            String to,
            String op,
            OpKind kind,
            List<P> path,
            P label,
            double labelW) {}

    private final String title;
    private final List<Box> boxes;
    private final List<Edge> edges;
    private final List<List<P>> concat;
    private final double width;
    private final double height;

    private CellLayout(
            String title,
            List<Box> boxes,
            List<Edge> edges,
            List<List<P>> concat,
            double width,
            double height) {
        this.title = title;
        this.boxes = List.copyOf(boxes);
        this.edges = List.copyOf(edges);
        this.concat = List.copyOf(concat);
        this.width = width;
        this.height = height;
    }

    String title() {
        return title;
    }

    List<Box> boxes() {
        return boxes;
    }

    List<Edge> edges() {
        return edges;
    }

    /** Returns the polylines of the concat bus: one drop per state, then the run to the output. */
    List<List<P>> concat() {
        return concat;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    /** Returns the label width of an operation text. */
    static double labelWidth(String text) {
        return text.length() * CHAR_W + 2 * LABEL_PAD;
    }

    /** Returns the id of a state: {@code c_{k-2}}, {@code c_{k-1}} or the node number. */
    static String stateId(int state) {
        return switch (state) {
            case 0 -> "c_{k-2}";
            case 1 -> "c_{k-1}";
            default -> Integer.toString(state - 2);
        };
    }

    /** A bracket being placed: its columns, side, level and attachment points. */
    private static final class Bracket {
        final int entry;
        final int src;
        final int dst;
        final boolean above;
        final boolean bus;
        int level;
        double srcX;
        double dstX;

        Bracket(int entry, int src, int dst, boolean above, boolean bus) {
            this.entry = entry;
            this.src = src;
            this.dst = dst;
            this.above = above;
            this.bus = bus;
        }
    }

    /**
     * Lays out a cell.
     *
     * @param title the heading drawn above the cell
     * @param cell the cell
     * @return the geometry, with the origin at the top left
     */
    static CellLayout of(String title, CellGenotype cell) {
        List<GenotypeEntry> entries = cell.entries();
        int states = 2 + CellGenotype.NODES;
        int outputCol = states;

        double maxLabel = 0;
        for (GenotypeEntry e : entries) {
            maxLabel = Math.max(maxLabel, labelWidth(e.op().text()));
        }
        double colW = Math.max(150, BOX_W + maxLabel + 2 * LABEL_PAD + 8);

        // brackets: entries above and below, packed into levels per side
        List<Bracket> brackets = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            brackets.add(new Bracket(i, entries.get(i).input(), 2 + i / 2, i % 2 == 0, false));
        }
        int above = pack(brackets, true);
        int below = pack(brackets, false);

        // the concat bus runs on its own level below every bracket
        List<Bracket> drops = new ArrayList<>();
        for (int c : cell.concat()) {
            Bracket b = new Bracket(-1, c, outputCol, false, true);
            b.level = below;
            drops.add(b);
        }

        double baseline =
                TITLE_H
                        + LABEL_H / 2
                        + 4
                        + Math.max(0, above - 1) * LEVEL_STEP
                        + FIRST_LEVEL
                        + BOX_H / 2;
        List<Box> boxes = new ArrayList<>();
        for (int s = 0; s <= states; s++) {
            double cx = MARGIN + BOX_W / 2 + s * colW;
            if (s < 2) {
                boxes.add(
                        new Box(stateId(s), "c", s == 0 ? "k-2" : "k-1", Role.INPUT, cx, baseline));
            } else if (s < states) {
                String id = stateId(s);
                boxes.add(new Box(id, id, "", Role.NODE, cx, baseline));
            } else {
                boxes.add(new Box("c_{k}", "c", "k", Role.OUTPUT, cx, baseline));
            }
        }

        List<Bracket> all = new ArrayList<>(brackets);
        all.addAll(drops);
        attach(all, boxes);

        List<Edge> edges = new ArrayList<>();
        for (Bracket b : brackets) {
            double y = levelY(baseline, b.above, b.level);
            double srcY = b.above ? baseline - BOX_H / 2 : baseline + BOX_H / 2;
            List<P> path =
                    List.of(
                            new P(b.srcX, srcY),
                            new P(b.srcX, y),
                            new P(b.dstX, y),
                            new P(b.dstX, srcY));
            GenotypeEntry e = entries.get(b.entry);
            double gapCenter = boxes.get(b.dst).cx() - colW / 2;
            edges.add(
                    new Edge(
                            b.entry,
                            stateId(b.src),
                            stateId(b.dst),
                            e.op().text(),
                            e.op().kind(),
                            path,
                            new P(gapCenter, y),
                            labelWidth(e.op().text())));
        }

        List<List<P>> concat = new ArrayList<>();
        double busY = levelY(baseline, false, below);
        double bottom = baseline + BOX_H / 2;
        double minX = Double.MAX_VALUE;
        double outX = 0;
        for (Bracket d : drops) {
            concat.add(List.of(new P(d.srcX, bottom), new P(d.srcX, busY)));
            minX = Math.min(minX, d.srcX);
            outX = d.dstX;
        }
        if (!drops.isEmpty()) {
            concat.add(List.of(new P(minX, busY), new P(outX, busY), new P(outX, bottom)));
        }

        double width = 2 * MARGIN + BOX_W + states * colW;
        double height = busY + LABEL_H / 2 + MARGIN;
        return new CellLayout(title, boxes, edges, concat, width, height);
    }

    private static double levelY(double baseline, boolean above, int level) {
        double offset = BOX_H / 2 + FIRST_LEVEL + level * LEVEL_STEP;
        return above ? baseline - offset : baseline + offset;
    }

    /** Assigns each bracket of one side the lowest level where it overlaps no other run. */
    private static int pack(List<Bracket> brackets, boolean above) {
        List<Bracket> side = new ArrayList<>();
        for (Bracket b : brackets) {
            if (b.above == above) {
                side.add(b);
            }
        }
        side.sort(
                Comparator.<Bracket>comparingInt(b -> b.dst - b.src)
                        .thenComparingInt(b -> b.dst)
                        .thenComparingInt(b -> b.src));
        List<List<Bracket>> levels = new ArrayList<>();
        for (Bracket b : side) {
            int level = 0;
            while (level < levels.size() && overlapsAny(b, levels.get(level))) {
                level++;
            }
            if (level == levels.size()) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(b);
            b.level = level;
        }
        return levels.size();
    }

    private static boolean overlapsAny(Bracket b, List<Bracket> level) {
        for (Bracket o : level) {
            if (b.src < o.dst && o.src < b.dst) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spreads the ends of the brackets over the top and bottom of each box so that nested brackets
     * do not cross at a box: ends leading left first, then ends leading right; within each group
     * the outer levels sit nearest the box centre.
     */
    private static void attach(List<Bracket> brackets, List<Box> boxes) {
        for (int col = 0; col < boxes.size(); col++) {
            for (boolean top : new boolean[] {true, false}) {
                List<double[]> ends = new ArrayList<>(); // {bracketIndex, isSource, sortKey}
                for (int i = 0; i < brackets.size(); i++) {
                    Bracket b = brackets.get(i);
                    if (b.above != top) {
                        continue;
                    }
                    if (b.src == col) {
                        // leads right: outer levels leftmost, so their verticals pass no run
                        ends.add(new double[] {i, 1, 1000 - b.level});
                    }
                    if (b.dst == col) {
                        // leads left: outer levels rightmost, for the same reason
                        ends.add(new double[] {i, 0, b.level});
                    }
                }
                ends.sort(Comparator.comparingDouble(a -> a[2]));
                double left = boxes.get(col).left() + 8;
                double usable = BOX_W - 16;
                for (int k = 0; k < ends.size(); k++) {
                    double x = left + (k + 1) * usable / (ends.size() + 1);
                    Bracket b = brackets.get((int) ends.get(k)[0]);
                    if (ends.get(k)[1] == 1) {
                        b.srcX = x;
                    } else {
                        b.dstX = x;
                    }
                }
            }
        }
    }
}

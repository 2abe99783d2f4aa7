package dev.prdarts.search.genotype;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.CellType;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.PoolType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes and reads the text form of a genotype: one line per intermediate node.
 *
 * <pre>
 * normal (concat [2, 3, 4, 5]):
 * - node 2: conv(k=5,d=1,x=[1]) &lt;- 0, conv(k=3,d=1,x=[1]) &lt;- 1
 * - node 3: ...
 * reduce (concat [2, 3, 4, 5]):
 * - node 2: ...
 * </pre>
 *
 * <p>Operations are written in the canonical text form. Reading also accepts the short notation of
 * the published-cell fixtures ({@code conv(5,1,[1])}, {@code max3}, {@code avg3}) and a header
 * without the concat list (then {@code [2, 3, 4, 5]}).
 */
public final class GenotypeText {

    private static final Pattern HEADER =
            Pattern.compile("(normal|reduce)(?:\\s*\\(concat \\[([0-9, ]*)]\\))?:");
    private static final Pattern NODE =
            Pattern.compile("-?\\s*node (\\d+): (.+?) <- (\\d+), (.+?) <- (\\d+)");
    private static final Pattern SHORT_CONV =
            Pattern.compile("conv\\((\\d+),(\\d+),\\[([0-9,]*)]\\)");
    private static final Pattern SHORT_POOL = Pattern.compile("(max|avg)(\\d+)");

    private GenotypeText() {}

    /** Returns the text form of a genotype, one line per node, ending with a line separator. */
    public static String format(Genotype genotype) {
        StringBuilder sb = new StringBuilder();
        for (CellType type : CellType.values()) {
            CellGenotype cell = genotype.cell(type);
            sb.append(type.key()).append(" (concat ").append(cell.concat()).append("):\n");
            for (int node = 0; node < CellGenotype.NODES; node++) {
                List<GenotypeEntry> in = cell.node(node);
                sb.append("- node ").append(node + 2).append(": ");
                sb.append(in.get(0)).append(", ").append(in.get(1)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Parses the text form (or the fixture notation) of a genotype.
     *
     * @param text the lines; blank lines are skipped
     * @return the genotype
     * @throws IllegalArgumentException naming the line when the text is not in this form
     */
    public static Genotype parse(String text) {
        Map<CellType, List<GenotypeEntry>> entries = new EnumMap<>(CellType.class);
        Map<CellType, List<Integer>> concat = new EnumMap<>(CellType.class);
        CellType current = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher header = HEADER.matcher(line);
            Matcher node = NODE.matcher(line);
            if (header.matches()) {
                current = header.group(1).equals("normal") ? CellType.NORMAL : CellType.REDUCE;
                if (entries.containsKey(current)) {
                    throw bad(i, "the " + current.key() + " cell appears twice");
                }
                entries.put(current, new ArrayList<>());
                concat.put(
                        current,
                        header.group(2) == null
                                ? CellGenotype.defaultConcat()
                                : numbers(header.group(2)));
            } else if (node.matches() && current != null) {
                List<GenotypeEntry> list = entries.get(current);
                int expected = 2 + list.size() / 2;
                if (Integer.parseInt(node.group(1)) != expected) {
                    throw bad(i, "expected node " + expected + ", got node " + node.group(1));
                }
                try {
                    list.add(new GenotypeEntry(op(node.group(2)), Integer.parseInt(node.group(3))));
                    list.add(new GenotypeEntry(op(node.group(4)), Integer.parseInt(node.group(5))));
                } catch (IllegalArgumentException e) {
                    throw bad(i, e.getMessage());
                }
            } else {
                throw bad(
                        i,
                        "expected 'normal:', 'reduce:' or '- node N: op <- i, op <- j', got '"
                                + line
                                + "'");
            }
        }
        for (CellType type : CellType.values()) {
            if (!entries.containsKey(type)) {
                throw new IllegalArgumentException("genotype text has no " + type.key() + " cell");
            }
        }
        try {
            return new Genotype(
                    new CellGenotype(entries.get(CellType.NORMAL), concat.get(CellType.NORMAL)),
                    new CellGenotype(entries.get(CellType.REDUCE), concat.get(CellType.REDUCE)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad genotype text: " + e.getMessage(), e);
        }
    }

    /** Returns an operation from its canonical text or the fixture short notation. */
    static OpConfig op(String text) {
        Matcher conv = SHORT_CONV.matcher(text);
        if (conv.matches()) {
            List<Integer> x = conv.group(3).isEmpty() ? List.of() : numbers(conv.group(3));
            return new ConvOp(Integer.parseInt(conv.group(1)), Integer.parseInt(conv.group(2)), x);
        }
        Matcher pool = SHORT_POOL.matcher(text);
        if (pool.matches()) {
            PoolType type = pool.group(1).equals("max") ? PoolType.MAX : PoolType.AVG;
            return new PoolOp(type, Integer.parseInt(pool.group(2)));
        }
        return OpConfig.parse(text);
    }

    private static List<Integer> numbers(String csv) {
        return java.util.Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .collect(Collectors.toList());
    }

    private static IllegalArgumentException bad(int line, String why) {
        return new IllegalArgumentException("genotype text line " + (line + 1) + ": " + why);
    }
}

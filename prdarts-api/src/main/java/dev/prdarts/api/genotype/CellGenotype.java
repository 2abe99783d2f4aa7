package dev.prdarts.api.genotype;

import java.util.List;

/**
 * One cell type of a genotype: two entries per intermediate node and the concatenated states.
 *
 * <p>Entries {@code 2j} and {@code 2j+1} feed node {@code j} (state {@code j + 2}); each may read
 * any state before it.
 *
 * @param entries {@code 2 * nodes} entries, in node order
 * @param concat the states whose outputs are concatenated, usually {@code [2, 3, 4, 5]}
 */
public record CellGenotype(List<GenotypeEntry> entries, List<Integer> concat) {

    /** The number of intermediate nodes of a DARTS cell. */
    public static final int NODES = 4;

    /** Creates a cell and checks the entry count, every input index and the concat list. */
    public CellGenotype {
        if (entries == null || concat == null) {
            throw new IllegalArgumentException("cell entries and concat must not be null");
        }
        entries = List.copyOf(entries);
        concat = List.copyOf(concat);
        if (entries.size() != 2 * NODES) {
            throw new IllegalArgumentException(
                    "a cell needs " + 2 * NODES + " entries (two per node), got " + entries.size());
        }
        for (int i = 0; i < entries.size(); i++) {
            int state = 2 + i / 2;
            int input = entries.get(i).input();
            if (input >= state) {
                throw new IllegalArgumentException(
                        "entry "
                                + i
                                + " ("
                                + entries.get(i)
                                + ") feeds node "
                                + state
                                + " and may only read states 0.."
                                + (state - 1)
                                + ", got input "
                                + input);
            }
        }
        if (concat.isEmpty()) {
            throw new IllegalArgumentException("cell concat list must not be empty");
        }
        for (int c : concat) {
            if (c < 0 || c >= 2 + NODES) {
                throw new IllegalArgumentException(
                        "cell concat index must be in 0.." + (1 + NODES) + ", got " + c);
            }
        }
    }

    /** Returns the standard concat list {@code [2, 3, 4, 5]}. */
    public static List<Integer> defaultConcat() {
        return List.of(2, 3, 4, 5);
    }

    /** Returns the two entries feeding intermediate node {@code node} (0-based). */
    public List<GenotypeEntry> node(int node) {
        return entries.subList(2 * node, 2 * node + 2);
    }
}

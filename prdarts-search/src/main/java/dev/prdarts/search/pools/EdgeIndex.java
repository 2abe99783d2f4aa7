package dev.prdarts.search.pools;

/**
 * The numbering of a cell's mixed edges (DESIGN section 1).
 *
 * <p>Node {@code j} (0-based, state {@code j + 2}) has one edge from each of the states {@code
 * 0..j+1}; edges are numbered node by node and, within a node, by input state. Four nodes give 14
 * edges.
 */
public final class EdgeIndex {

    /** The number of intermediate nodes of a cell. */
    public static final int NODES = 4;

    /** The number of mixed edges of a cell. */
    public static final int EDGES = edgeOf(NODES, 0);

    private EdgeIndex() {}

    /** Returns the index of the edge feeding node {@code node} from state {@code input}. */
    public static int edgeOf(int node, int input) {
        return 2 * node + node * (node - 1) / 2 + input;
    }

    /** Returns the 0-based node that edge {@code edge} feeds. */
    public static int node(int edge) {
        checkEdge(edge);
        int node = 0;
        while (edgeOf(node + 1, 0) <= edge) {
            node++;
        }
        return node;
    }

    /** Returns the state that edge {@code edge} reads (0 and 1 are the cell inputs). */
    public static int input(int edge) {
        return edge - edgeOf(node(edge), 0);
    }

    private static void checkEdge(int edge) {
        if (edge < 0 || edge >= EDGES) {
            throw new IllegalArgumentException(
                    "edge index must be in 0.." + (EDGES - 1) + ", got " + edge);
        }
    }
}

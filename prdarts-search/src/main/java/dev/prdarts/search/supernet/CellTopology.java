package dev.prdarts.search.supernet;

/**
 * The fixed DAG of a searched cell (DESIGN section 1): two inputs, four intermediate nodes, 14
 * mixed edges.
 *
 * <p>States are numbered 0 and 1 (the cell inputs: two cells back, previous cell) and 2..5 (nodes
 * 0..3). Edges are ordered node by node and, within a node, by input state: node 0 reads states 0,
 * 1 (edges 0, 1); node 1 reads 0, 1, 2 (edges 2..4); node 2 reads 0..3 (edges 5..8); node 3 reads
 * 0..4 (edges 9..13).
 */
public final class CellTopology {

    /** The number of intermediate nodes. */
    public static final int NODES = 4;

    /** The number of mixed edges per cell. */
    public static final int EDGES = 14;

    private static final int[] INPUT = {0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4};
    private static final int[] NODE = {0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3};

    private CellTopology() {}

    /** Returns the state (0..4) that edge {@code edge} reads. */
    public static int input(int edge) {
        check(edge);
        return INPUT[edge];
    }

    /** Returns the intermediate node (0..3) that edge {@code edge} feeds; its state is node + 2. */
    public static int node(int edge) {
        check(edge);
        return NODE[edge];
    }

    /** Returns the index of the first edge feeding node {@code node}. */
    public static int firstEdge(int node) {
        if (node < 0 || node >= NODES) {
            throw new IllegalArgumentException("node must be in 0..3, got " + node);
        }
        return node * (node + 3) / 2;
    }

    /**
     * Returns the stride of edge {@code edge}: 2 when it reads a cell input of a reduction cell.
     */
    public static int stride(int edge, boolean reduction) {
        return reduction && input(edge) < 2 ? 2 : 1;
    }

    private static void check(int edge) {
        if (edge < 0 || edge >= EDGES) {
            throw new IllegalArgumentException("edge must be in 0..13, got " + edge);
        }
    }
}

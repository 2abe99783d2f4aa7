package dev.prdarts.search.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EdgeIndexTest {

    @Test
    void numbersFourteenEdgesNodeByNode() {
        assertEquals(14, EdgeIndex.EDGES);
        int[] nodes = {0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3};
        int[] inputs = {0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4};
        for (int e = 0; e < 14; e++) {
            assertEquals(nodes[e], EdgeIndex.node(e), "node of edge " + e);
            assertEquals(inputs[e], EdgeIndex.input(e), "input of edge " + e);
            assertEquals(e, EdgeIndex.edgeOf(nodes[e], inputs[e]));
        }
    }

    @Test
    void edgeOutsideTheCellIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EdgeIndex.node(14));

        assertEquals("edge index must be in 0..13, got 14", e.getMessage());
    }
}

package dev.prdarts.api.genotype;

import dev.prdarts.api.ops.OpConfig;

/**
 * One kept edge of a cell: the operation and the state it reads.
 *
 * @param op the operation on the edge
 * @param input the state read: 0 and 1 are the cell inputs (two cells back, previous cell), 2 and
 *     above are earlier intermediate nodes
 */
public record GenotypeEntry(OpConfig op, int input) {

    /** Creates an entry and checks that the operation is present and the input non-negative. */
    public GenotypeEntry {
        if (op == null) {
            throw new IllegalArgumentException("genotype entry operation must not be null");
        }
        if (input < 0) {
            throw new IllegalArgumentException("genotype entry input must be >= 0, got " + input);
        }
    }

    @Override
    public String toString() {
        return op.text() + " <- " + input;
    }
}

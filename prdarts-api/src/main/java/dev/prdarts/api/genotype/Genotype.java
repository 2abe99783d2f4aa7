package dev.prdarts.api.genotype;

/**
 * A searched architecture: the normal cell and the reduction cell.
 *
 * @param normal the stride-1 cell
 * @param reduce the reduction cell (the edges reading the cell inputs use stride 2)
 */
public record Genotype(CellGenotype normal, CellGenotype reduce) {

    /** Creates a genotype and checks that both cells are present. */
    public Genotype {
        if (normal == null || reduce == null) {
            throw new IllegalArgumentException("a genotype needs both a normal and a reduce cell");
        }
    }

    /** Returns the cell of the given type. */
    public CellGenotype cell(CellType type) {
        return type == CellType.NORMAL ? normal : reduce;
    }
}

package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.OpConfig;
import java.util.ArrayList;
import java.util.List;

/** Genotypes written out by hand for tests. */
final class TestGenotypes {

    private TestGenotypes() {}

    private static CellGenotype cell(Object... opAndInput) {
        List<GenotypeEntry> entries = new ArrayList<>();
        for (int i = 0; i < opAndInput.length; i += 2) {
            entries.add(
                    new GenotypeEntry(
                            OpConfig.parse((String) opAndInput[i]), (Integer) opAndInput[i + 1]));
        }
        return new CellGenotype(entries, CellGenotype.defaultConcat());
    }

    /** Returns a cell where every node reads the two states just before it, and long labels. */
    static Genotype chain() {
        CellGenotype c =
                cell(
                        "conv(k=7,d=2,x=[1,1,1])",
                        0,
                        "avg_pool(3)",
                        1,
                        "conv(k=5,d=2,x=[2,1])",
                        0,
                        "skip",
                        2,
                        "max_pool(3)",
                        1,
                        "conv(k=1,d=1,x=[])",
                        3,
                        "conv(k=3,d=1,x=[1])",
                        0,
                        "skip",
                        4);
        return new Genotype(c, c);
    }
}

package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.prdarts.api.genotype.CellGenotype;
import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.genotype.GenotypeEntry;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.search.genotype.BuiltinGenotypes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvalNetworkSizeTest {

    /** Returns the parameters of the network really built, with and without its auxiliary head. */
    private static long[] built(Genotype g, EvalNetworkSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            EvalNetwork net = new EvalNetwork(g, spec, manager, new SplittableRandom(3));
            return new long[] {net.parameterCount(true), net.parameterCount(false)};
        }
    }

    private static void assertCountsMatch(Genotype g, EvalNetworkSpec spec) {
        long[] expected = built(g, spec);
        assertEquals(expected[0], EvalNetworkSize.parameters(g, spec, true), spec + " with aux");
        assertEquals(expected[1], EvalNetworkSize.parameters(g, spec, false), spec + " no aux");
    }

    @Test
    void matchesTheBuiltNetworkForEveryPublishedCell() {
        for (String name : List.of("DL1", "DL2", "DR", "UR", "DARTS_V2")) {
            Genotype g = BuiltinGenotypes.get(name);
            assertCountsMatch(g, new EvalNetworkSpec(6, 5, 10, 3, 32, 32, true));
            assertCountsMatch(g, new EvalNetworkSpec(4, 3, 7, 1, 28, 28, false));
        }
    }

    @Test
    void matchesTheBuiltNetworkForWideStackedDilatedAndStrideTwoSkips() {
        String[] ops = {
            "conv(k=5,d=2,x=[2,1])",
            "skip",
            "conv(k=1,d=1,x=[3])",
            "avg_pool(3)",
            "conv(k=7,d=1,x=[1,1,2])",
            "max_pool(3)",
            "skip",
            "conv(k=3,d=2,x=[])"
        };
        List<GenotypeEntry> normal = new ArrayList<>();
        List<GenotypeEntry> reduce = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int node = i / 2;
            normal.add(new GenotypeEntry(OpConfig.parse(ops[i]), i % 2 == 0 ? 0 : node + 1));
            reduce.add(new GenotypeEntry(OpConfig.parse(ops[7 - i]), i % 2));
        }
        Genotype g =
                new Genotype(
                        new CellGenotype(normal, List.of(2, 3, 4, 5)),
                        new CellGenotype(reduce, List.of(4, 5)));
        assertCountsMatch(g, new EvalNetworkSpec(4, 6, 10, 3, 32, 32, true));
    }

    @Test
    void countsSizesFarBeyondMemoryWithoutBuildingThem() {
        Genotype g = BuiltinGenotypes.get("DL2");
        EvalNetworkSpec paper = new EvalNetworkSpec(36, 20, 10, 3, 32, 32, false);
        EvalNetworkSpec huge = new EvalNetworkSpec(36_000, 20, 10, 3, 32, 32, false);

        long small = EvalNetworkSize.parameters(g, paper, false);
        long large = EvalNetworkSize.parameters(g, huge, false);

        assertEquals(4_017_646, small, "the fixture's count of DL2 at C = 36, 20 cells");
        assertTrue(large > 800_000L * small, "about quadratic in C: " + large);
    }

    @Test
    void trainingFloorCountsWeightsAndTheWidestExpansion() {
        EvalNetworkSpec paper = new EvalNetworkSpec(36, 20, 10, 3, 32, 32, false);
        long dl2 = EvalNetworkSize.trainingFloorBytes(BuiltinGenotypes.get("DL2"), paper, 96);
        long weights = 8L * EvalNetworkSize.parameters(BuiltinGenotypes.get("DL2"), paper, false);
        assertTrue(dl2 > weights && dl2 < (2L << 30), "DL2 paper floor " + dl2);

        List<GenotypeEntry> entries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String op = i == 0 ? "conv(k=3,d=1,x=[100000])" : "skip";
            entries.add(new GenotypeEntry(OpConfig.parse(op), i % 2));
        }
        CellGenotype wide = new CellGenotype(entries, List.of(2, 3, 4, 5));
        Genotype g = new Genotype(wide, BuiltinGenotypes.get("DL2").reduce());
        EvalNetworkSpec tiny = new EvalNetworkSpec(4, 3, 10, 1, 28, 28, false);

        // one (32, 400000, 28, 28) float32 tensor in the normal cell at full resolution
        long expanded = 4L * 32 * 100_000 * 4 * 28 * 28;
        assertTrue(EvalNetworkSize.trainingFloorBytes(g, tiny, 32) >= expanded);
    }
}

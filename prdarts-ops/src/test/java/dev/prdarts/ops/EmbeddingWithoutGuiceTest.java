package dev.prdarts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphEnumerator;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.ops.space.SpaceRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the api, the morph rules and the spaces the way another system would: plain Java. */
class EmbeddingWithoutGuiceTest {

    private static List<String> walk(ConstraintSpace space, long seed, int steps) {
        MorphRules rules = new MorphRules();
        SeededRandom random = new SeededRandom(seed);
        List<String> path = new ArrayList<>();
        ConvOp current = (ConvOp) OpConfig.parse("conv(k=3,d=1,x=[])");
        for (int i = 0; i < steps; i++) {
            current = rules.random(current, space, random).orElseThrow().child();
            path.add(current.text());
        }
        return path;
    }

    @Test
    void randomMorphWalkStaysInTheChosenSpaceAndRepeatsFromItsSeed() {
        SpaceRegistry registry =
                SpaceRegistry.discover(EmbeddingWithoutGuiceTest.class.getClassLoader());
        ConstraintSpace dr = registry.get("DR");

        List<String> path = walk(dr, 42, 200);

        int sum = 0;
        for (String text : path) {
            ConvOp op = (ConvOp) OpConfig.parse(text);
            assertTrue(dr.allows(op), text);
            assertTrue(op.expansionSum() >= sum, "morphs never narrow or drop units: " + path);
            sum = op.expansionSum();
        }
        assertEquals(path, walk(dr, 42, 200));
        assertTrue(path.stream().distinct().count() > 5, "the walk moves around: " + path);
    }

    @Test
    void enumeratorCountsAnySpaceBuiltInCode() {
        ConstraintSpace kernelsOnly = new ConstraintSpace("KERNELS", 1, 9, 1, 0, 1, 0);

        MorphEnumerator.Reachable reachable =
                new MorphEnumerator(new MorphRules()).reachable(ConvOp.START, kernelsOnly, 5);

        // k = 1, 3, 5, 7, 9 at d = 1 with one unit.
        assertEquals(5, reachable.count());
        assertTrue(reachable.closed());
    }
}

package dev.prdarts.ops.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.space.BuiltinSpaces;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MorphRulesTest {

    private final MorphRules rules = new MorphRules();
    private final MorphRules degenerate = new MorphRules(true);

    private static Optional<ConvOp> conv(int k, int d, Integer... x) {
        return Optional.of(ConvOp.of(k, d, x));
    }

    @Test
    void growKernelAddsTwoAndKeepsTheRest() {
        assertEquals(conv(5, 2, 1), rules.apply(MorphKind.GROW_KERNEL, ConvOp.of(3, 2, 1)));
    }

    @Test
    void growKernelStopsAtTheSpaceKernelMax() {
        assertEquals(
                Optional.empty(),
                rules.apply(MorphKind.GROW_KERNEL, ConvOp.of(7, 1), BuiltinSpaces.UR));
    }

    @Test
    void shrinkKernelSubtractsTwo() {
        assertEquals(conv(5, 2, 2), rules.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(7, 2, 2)));
        assertEquals(conv(1, 1), rules.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(3, 1)));
    }

    @Test
    void shrinkKernelNeverGoesBelowOne() {
        assertEquals(Optional.empty(), rules.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(1, 1)));
        assertEquals(Optional.empty(), degenerate.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(1, 1)));
    }

    @Test
    void shrinkToKernelOneWhileDilatedIsGuarded() {
        assertEquals(Optional.empty(), rules.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(3, 2)));
        assertEquals(conv(1, 2), degenerate.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(3, 2)));
    }

    @Test
    void shrinkKernelStopsAtTheSpaceKernelMin() {
        assertEquals(
                Optional.empty(),
                rules.apply(MorphKind.SHRINK_KERNEL, ConvOp.of(3, 1), BuiltinSpaces.DL));
    }

    @Test
    void dilateAddsOneAndIsGuardedAtKernelOne() {
        assertEquals(conv(5, 2, 1), rules.apply(MorphKind.DILATE, ConvOp.of(5, 1, 1)));
        assertEquals(Optional.empty(), rules.apply(MorphKind.DILATE, ConvOp.of(1, 1)));
        assertEquals(conv(1, 2), degenerate.apply(MorphKind.DILATE, ConvOp.of(1, 1)));
    }

    @Test
    void dilateStopsAtTheSpaceDilationMax() {
        assertEquals(
                Optional.empty(), rules.apply(MorphKind.DILATE, ConvOp.of(3, 2), BuiltinSpaces.DL));
    }

    @Test
    void undilateSubtractsOneAndIsGuardedFromKernelOneDilationTwo() {
        assertEquals(conv(3, 1), rules.apply(MorphKind.UNDILATE, ConvOp.of(3, 2)));
        assertEquals(Optional.empty(), rules.apply(MorphKind.UNDILATE, ConvOp.of(3, 1)));
        assertEquals(Optional.empty(), rules.apply(MorphKind.UNDILATE, ConvOp.of(1, 2)));
        assertEquals(conv(1, 1), degenerate.apply(MorphKind.UNDILATE, ConvOp.of(1, 2)));
    }

    @Test
    void insertUnitAppendsFactorOneAtTheBack() {
        assertEquals(conv(3, 1, 1), rules.apply(MorphKind.INSERT_UNIT, ConvOp.of(3, 1)));
        assertEquals(conv(3, 1, 2, 1), rules.apply(MorphKind.INSERT_UNIT, ConvOp.of(3, 1, 2)));
    }

    @Test
    void insertUnitRespectsTheSpaceDepth() {
        assertEquals(
                Optional.empty(),
                rules.apply(MorphKind.INSERT_UNIT, ConvOp.of(3, 1, 1), BuiltinSpaces.DR));
    }

    @Test
    void widenNeedsAnExpansionFactor() {
        assertEquals(Optional.empty(), rules.apply(MorphKind.WIDEN, ConvOp.of(3, 1)));
    }

    @Test
    void widenGrowsTheFirstSmallestFactor() {
        assertEquals(conv(3, 1, 2, 1), rules.apply(MorphKind.WIDEN, ConvOp.of(3, 1, 1, 1)));
        assertEquals(conv(3, 1, 2, 2), rules.apply(MorphKind.WIDEN, ConvOp.of(3, 1, 2, 1)));
        assertEquals(conv(3, 1, 3, 2, 2), rules.apply(MorphKind.WIDEN, ConvOp.of(3, 1, 3, 1, 2)));
        assertEquals(1, MorphRules.widenIndex(List.of(3, 1, 1)));
    }

    @Test
    void widenRespectsTheSpaceWidthAndSum() {
        ConstraintSpace narrow = new ConstraintSpace("N", 1, 7, 2, 3, 5, 3);
        assertEquals(Optional.empty(), rules.apply(MorphKind.WIDEN, ConvOp.of(3, 1, 1, 2), narrow));
        assertEquals(
                Optional.empty(),
                rules.apply(MorphKind.WIDEN, ConvOp.of(3, 1, 5), BuiltinSpaces.DR));
    }

    @Test
    void allowedListsOnlyMorphsThatStayInTheSpace() {
        assertEquals(
                EnumSet.of(MorphKind.GROW_KERNEL, MorphKind.DILATE, MorphKind.INSERT_UNIT),
                rules.allowed(ConvOp.START, BuiltinSpaces.DL));
        assertEquals(
                EnumSet.of(
                        MorphKind.GROW_KERNEL,
                        MorphKind.SHRINK_KERNEL,
                        MorphKind.DILATE,
                        MorphKind.INSERT_UNIT),
                rules.allowed(ConvOp.START, BuiltinSpaces.UR));
        assertEquals(
                EnumSet.of(MorphKind.SHRINK_KERNEL, MorphKind.UNDILATE),
                rules.allowed(ConvOp.of(7, 2, 1), BuiltinSpaces.DL));
    }

    @Test
    void randomMorphPicksEveryAllowedKindAndNothingElse() {
        SeededRandom random = new SeededRandom(7);
        Map<MorphKind, Integer> counts = new EnumMap<>(MorphKind.class);
        for (int i = 0; i < 600; i++) {
            MorphRules.Morph morph =
                    rules.random(ConvOp.START, BuiltinSpaces.UR, random).orElseThrow();
            assertEquals(ConvOp.START, morph.parent());
            assertEquals(Optional.of(morph.child()), rules.apply(morph.kind(), ConvOp.START));
            counts.merge(morph.kind(), 1, Integer::sum);
        }
        assertEquals(rules.allowed(ConvOp.START, BuiltinSpaces.UR), counts.keySet());
        for (int n : counts.values()) {
            assertTrue(n > 100 && n < 200, "each of 4 kinds drawn about 150 times: " + counts);
        }
    }

    @Test
    void randomMorphRepeatsFromTheSameSeed() {
        for (long seed = 0; seed < 5; seed++) {
            assertEquals(
                    rules.random(ConvOp.of(3, 1, 1), BuiltinSpaces.UR, new SeededRandom(seed)),
                    rules.random(ConvOp.of(3, 1, 1), BuiltinSpaces.UR, new SeededRandom(seed)));
        }
    }

    @Test
    void randomMorphIsEmptyWhenNothingIsAllowed() {
        ConstraintSpace only = new ConstraintSpace("ONLY", 3, 3, 1, 0, 1, 0);
        assertFalse(rules.random(ConvOp.START, only, new SeededRandom(1)).isPresent());
    }
}

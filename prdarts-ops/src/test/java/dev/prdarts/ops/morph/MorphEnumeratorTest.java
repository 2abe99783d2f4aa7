package dev.prdarts.ops.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.space.BuiltinSpaces;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MorphEnumeratorTest {

    private final MorphEnumerator strict = new MorphEnumerator(new MorphRules());
    private final MorphEnumerator degenerate = new MorphEnumerator(new MorphRules(true));

    private static ConstraintSpace space(String name) {
        switch (name) {
            case "DL":
                return BuiltinSpaces.DL;
            case "DR":
                return BuiltinSpaces.DR;
            default:
                return BuiltinSpaces.UR;
        }
    }

    @ParameterizedTest
    @CsvSource({"DL, 12, 12", "DR, 32, 36", "UR, 73, 80"})
    void countsWithinFiveMorphsMatchTableTwo(String name, int byRules, int withDegenerate) {
        assertEquals(byRules, strict.reachable(ConvOp.START, space(name), 5).count());
        assertEquals(withDegenerate, degenerate.reachable(ConvOp.START, space(name), 5).count());
    }

    @Test
    void dartsLikeConfigurationsAreTheTwelveOfTheDesignWithTheirDepths() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("conv(k=3,d=1,x=[])", 0);
        expected.put("conv(k=3,d=2,x=[])", 1);
        expected.put("conv(k=5,d=1,x=[])", 1);
        expected.put("conv(k=3,d=1,x=[1])", 1);
        expected.put("conv(k=5,d=2,x=[])", 2);
        expected.put("conv(k=7,d=1,x=[])", 2);
        expected.put("conv(k=3,d=2,x=[1])", 2);
        expected.put("conv(k=5,d=1,x=[1])", 2);
        expected.put("conv(k=7,d=2,x=[])", 3);
        expected.put("conv(k=5,d=2,x=[1])", 3);
        expected.put("conv(k=7,d=1,x=[1])", 3);
        expected.put("conv(k=7,d=2,x=[1])", 4);

        Map<String, Integer> actual = new LinkedHashMap<>();
        for (MorphEnumerator.Reached r :
                strict.reachable(ConvOp.START, BuiltinSpaces.DL, 5).configs()) {
            actual.put(r.op().text(), r.depth());
        }
        assertEquals(expected, Map.copyOf(actual));
    }

    @Test
    void dartsLikeIsClosedAfterFourMorphs() {
        MorphEnumerator.Reachable four = strict.reachable(ConvOp.START, BuiltinSpaces.DL, 4);
        assertEquals(12, four.count());
        assertEquals(4, four.maxDepth());
        assertTrue(four.closed());
        assertFalse(strict.reachable(ConvOp.START, BuiltinSpaces.DL, 3).closed());
    }

    @Test
    void wholeDepthRestrictedSpaceIsFortyTwoReachedWithinEight() {
        MorphEnumerator.Reachable eight = strict.reachable(ConvOp.START, BuiltinSpaces.DR, 8);
        assertEquals(42, eight.count());
        assertEquals(8, eight.maxDepth());
        assertTrue(eight.closed());
        assertEquals(42, strict.reachable(ConvOp.START, BuiltinSpaces.DR, 20).count());
        assertTrue(strict.reachable(ConvOp.START, BuiltinSpaces.DR, 7).count() < 42);
    }

    @Test
    void unrestrictedSpaceIsNeverClosed() {
        assertFalse(strict.reachable(ConvOp.START, BuiltinSpaces.UR, 8).closed());
    }

    @Test
    void expansionOrderMattersTwoOneIsReachableButOneTwoIsNot() {
        MorphEnumerator.Reachable ur = strict.reachable(ConvOp.START, BuiltinSpaces.UR, 8);
        assertEquals(Optional.of(3), ur.depthOf(ConvOp.of(3, 1, 2, 1)));
        assertEquals(Optional.empty(), ur.depthOf(ConvOp.of(3, 1, 1, 2)));
    }

    @Test
    void everyReachedConfigurationIsInTheSpaceAndNeverDegenerate() {
        Set<ConvOp> seen = new HashSet<>();
        for (MorphEnumerator.Reached r :
                strict.reachable(ConvOp.START, BuiltinSpaces.UR, 6).configs()) {
            assertTrue(BuiltinSpaces.UR.allows(r.op()), r.op().text());
            assertFalse(r.op().kernel() == 1 && r.op().dilation() >= 2, r.op().text());
            assertTrue(seen.add(r.op()), "listed once: " + r.op().text());
        }
    }

    @Test
    void depthsAreListedInOrderAndTextRoundTrips() {
        List<MorphEnumerator.Reached> configs =
                strict.reachable(ConvOp.START, BuiltinSpaces.DR, 5).configs();
        for (int i = 1; i < configs.size(); i++) {
            assertTrue(configs.get(i - 1).depth() <= configs.get(i).depth());
            assertEquals(configs.get(i).op(), OpConfig.parse(configs.get(i).op().text()));
        }
    }

    @Test
    void withinZeroIsTheStartAlone() {
        MorphEnumerator.Reachable zero = strict.reachable(ConvOp.START, BuiltinSpaces.DL, 0);
        assertEquals(List.of(new MorphEnumerator.Reached(ConvOp.START, 0)), zero.configs());
        assertFalse(zero.closed());
    }

    @Test
    void negativeWithinIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> strict.reachable(ConvOp.START, BuiltinSpaces.DL, -1));
        assertTrue(e.getMessage().contains("within must be >= 0"), e.getMessage());
    }
}

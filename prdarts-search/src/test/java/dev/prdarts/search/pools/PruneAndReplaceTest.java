package dev.prdarts.search.pools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.PoolOp;
import dev.prdarts.api.ops.SkipOp;
import dev.prdarts.api.random.SeededRandom;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphKind;
import dev.prdarts.ops.morph.MorphRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PruneAndReplaceTest {

    private static final ConstraintSpace DL = new ConstraintSpace("DL", 3, 7, 2, 1, 1, 1);

    private final PruneAndReplace step = new PruneAndReplace(new MorphRules(), DL);

    private static final List<OpConfig> PRDARTS4 = InitialCatalog.PRDARTS4.ops();

    private static double[] p(double... logits) {
        return Softmax.of(logits);
    }

    @Test
    void dropsTheLowestWeightsWithoutMorphs() {
        EdgePool pool = new EdgePool(PRDARTS4);

        // max 0.5, avg 2.0, skip 1.0, conv 3.0: keep 2 -> conv and avg survive
        EdgeOutcome out =
                step.apply(pool, p(0.5, 2.0, 1.0, 3.0), new CycleSpec(5, 1, 0, 2), false, rng());

        assertEquals(List.of(PoolOp.AVG3, ConvOp.START), pool.ops());
        assertArrayEquals(new boolean[] {false, true, false, true}, out.kept());
        assertEquals(2, out.dropped());
        assertEquals(0, out.added());
    }

    @Test
    void neverDropsTheBestConvBeforeTheLastCycle() {
        EdgePool pool = new EdgePool(PRDARTS4);

        // the conv has the lowest weight; keep 1 (not the last cycle) keeps only the conv
        step.apply(pool, p(3.0, 2.0, 1.0, 0.5), new CycleSpec(5, 1, 0, 1), false, rng());

        assertEquals(List.of(ConvOp.START), pool.ops());
    }

    @Test
    void protectionMovesTheDropToTheNextLowest() {
        EdgePool pool = new EdgePool(PRDARTS4);

        // drop 4 - 4 + 2 = 2; the lowest two are conv and skip, conv is protected -> skip, avg
        step.apply(pool, p(3.0, 1.0, 0.5, 0.1), new CycleSpec(5, 1, 2, 4), false, rng());

        List<OpConfig> ops = pool.ops();
        assertEquals(List.of(PoolOp.MAX3, ConvOp.START), ops.subList(0, 2));
        assertEquals(4, ops.size());
    }

    @Test
    void lastCycleDropsTheConvLikeAnyOther() {
        EdgePool pool = new EdgePool(List.of(PoolOp.MAX3, ConvOp.START));

        step.apply(pool, p(1.0, 0.2), new CycleSpec(5, 1, 0, 1), true, rng());

        assertEquals(List.of(PoolOp.MAX3), pool.ops());
    }

    @Test
    void tiesKeepTheEarlierCandidate() {
        EdgePool pool = new EdgePool(PRDARTS4);

        step.apply(pool, p(0, 0, 0, 0), new CycleSpec(5, 1, 0, 2), true, rng());

        assertEquals(List.of(PoolOp.MAX3, PoolOp.AVG3), pool.ops());
    }

    @Test
    void morphsFillThePoolWithChildrenOfTheSurvivingConv() {
        EdgePool pool = new EdgePool(PRDARTS4);

        // drop 4 - 4 + 2 = 2 (avg, skip); two children of conv(3,1,[]) under DL
        EdgeOutcome out =
                step.apply(pool, p(2.0, 0.1, 0.2, 1.0), new CycleSpec(5, 1, 2, 4), false, rng());

        List<Candidate> next = pool.candidates();
        assertEquals(4, next.size());
        assertEquals(Candidate.survivor(PoolOp.MAX3), next.get(0));
        assertEquals(Candidate.survivor(ConvOp.START), next.get(1));
        Set<OpConfig> dlChildren = Set.of(ConvOp.of(5, 1), ConvOp.of(3, 2), ConvOp.of(3, 1, 1));
        Set<OpConfig> children = new HashSet<>();
        for (Candidate c : next.subList(2, 4)) {
            assertTrue(dlChildren.contains(c.op()), "unexpected child " + c.op());
            assertEquals(ConvOp.START, c.parent());
            assertEquals(c.op(), new MorphRules().apply(c.morph(), ConvOp.START).orElseThrow());
            children.add(c.op());
        }
        assertEquals(2, children.size());
        assertEquals(2, out.added());
        assertEquals(0, out.missingMorphs());
    }

    @Test
    void everyPossibleChildIsFoundWhenExactlyThatManyExist() {
        // conv(7,2,[1]) in DL: only shrink -> conv(5,2,[1]) and undilate -> conv(7,1,[1]) apply
        ConvOp parent = ConvOp.of(7, 2, 1);
        EdgePool pool = new EdgePool(List.of(SkipOp.INSTANCE, parent));

        // drop 2 - 3 + 2 = 1 (skip), then both children
        step.apply(pool, p(0.0, 1.0), new CycleSpec(5, 1, 2, 3), false, rng());

        assertEquals(
                Set.of(parent, ConvOp.of(5, 2, 1), ConvOp.of(7, 1, 1)), Set.copyOf(pool.ops()));
        Candidate shrunk =
                pool.candidates().stream()
                        .filter(c -> c.op().equals(ConvOp.of(5, 2, 1)))
                        .findFirst()
                        .orElseThrow();
        assertEquals(MorphKind.SHRINK_KERNEL, shrunk.morph());
    }

    @Test
    void givesUpAMorphWhenNoChildIsLeft() {
        ConvOp parent = ConvOp.of(7, 2, 1);
        EdgePool pool = new EdgePool(List.of(SkipOp.INSTANCE, PoolOp.MAX3, parent));

        // drop 3 - 4 + 3 = 2 (max, skip): 3 morphs requested, only 2 children exist
        EdgeOutcome out =
                step.apply(pool, p(0.0, 0.0, 1.0), new CycleSpec(5, 1, 3, 4), false, rng());

        assertEquals(3, pool.size());
        assertEquals(1, out.missingMorphs());
        assertEquals(2, out.added());
    }

    @Test
    void droppedChildReturnsOnlyAfterTheRevivalThreshold() {
        ConvOp parent = ConvOp.of(7, 2, 1);
        EdgePool pool = new EdgePool(List.of(SkipOp.INSTANCE, parent));
        // both children of the parent were held before and dropped
        pool.restore(
                pool.candidates(),
                List.of(SkipOp.INSTANCE, parent, ConvOp.of(5, 2, 1), ConvOp.of(7, 1, 1)));

        EdgeOutcome out = step.apply(pool, p(0.0, 1.0), new CycleSpec(5, 1, 1, 2), false, rng());

        assertEquals(1, out.added());
        OpConfig revived = pool.ops().get(1);
        assertTrue(revived.equals(ConvOp.of(5, 2, 1)) || revived.equals(ConvOp.of(7, 1, 1)));
    }

    @Test
    void childNeverRepeatsAnOperationTheEdgeHeld() {
        // in the unrestricted space fresh children never run out, so no revival happens
        ConstraintSpace ur =
                new ConstraintSpace(
                        "UR",
                        1,
                        7,
                        2,
                        ConstraintSpace.UNBOUNDED,
                        ConstraintSpace.UNBOUNDED,
                        ConstraintSpace.UNBOUNDED);
        PruneAndReplace urStep = new PruneAndReplace(new MorphRules(), ur);
        EdgePool pool = new EdgePool(PRDARTS4);
        SeededRandom random = new SeededRandom(11);
        CycleSpec cycle = new CycleSpec(5, 1, 2, 4);

        for (int round = 0; round < 6; round++) {
            Set<OpConfig> before = Set.copyOf(pool.history());
            double[] weights = p(0.3, 0.2, 0.1, 0.4);

            EdgeOutcome out = urStep.apply(pool, weights, cycle, false, random);

            for (Candidate c : out.next()) {
                if (c.isNew()) {
                    assertFalse(before.contains(c.op()), "repeated " + c.op());
                    assertTrue(ur.allows((ConvOp) c.op()));
                }
            }
        }
        assertTrue(pool.history().size() > 8);
    }

    @Test
    void parentsAreSampledInProportionToTheirWeights() {
        ConvOp strong = ConvOp.of(3, 1);
        ConvOp weak = ConvOp.of(5, 1);
        SeededRandom random = new SeededRandom(5);
        int fromStrong = 0;
        int trials = 400;

        for (int t = 0; t < trials; t++) {
            EdgePool pool = new EdgePool(List.of(strong, weak));
            // logits giving p = 0.9 / 0.1
            double[] weights = {0.9, 0.1};

            EdgeOutcome out = step.apply(pool, weights, new CycleSpec(5, 1, 1, 3), false, random);

            if (out.next().get(2).parent().equals(strong)) {
                fromStrong++;
            }
        }

        double share = fromStrong / (double) trials;
        assertTrue(share > 0.84 && share < 0.96, "share of the strong parent: " + share);
    }

    @Test
    void sameSeedGivesTheSamePools() {
        EdgePool a = new EdgePool(PRDARTS4);
        EdgePool b = new EdgePool(PRDARTS4);
        double[] weights = p(0.3, 0.2, 0.1, 0.4);
        CycleSpec cycle = new CycleSpec(5, 1, 2, 4);

        step.apply(a, weights, cycle, false, new SeededRandom(3));
        step.apply(b, weights, cycle, false, new SeededRandom(3));

        assertEquals(a.candidates(), b.candidates());
    }

    @Test
    void weightCountMustMatchThePool() {
        EdgePool pool = new EdgePool(PRDARTS4);

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> step.apply(pool, p(1, 2), new CycleSpec(5, 1, 0, 1), true, rng()));

        assertEquals("edge has 4 candidates but 2 weights", e.getMessage());
    }

    private static SeededRandom rng() {
        return new SeededRandom(42);
    }
}

package dev.prdarts.search.pools;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.api.ops.OpKind;
import dev.prdarts.api.schedule.CycleSpec;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The end-of-cycle step of PR-DARTS for one edge (DESIGN section 5; Laube and Zell, "Prune and
 * Replace NAS", 2019).
 *
 * <p>With softmax weights {@code p}: drop the {@code size - kept + morphs} candidates with the
 * lowest {@code p}, except that before the last cycle the best-ranked conv is never dropped; then
 * create {@code morphs} children, each from a surviving conv sampled with probability proportional
 * to its {@code p}, by a random morph allowed in the constraint space. A child joins only if the
 * edge never held it; after {@link #REVIVAL_AFTER} failed attempts a dropped child may return, and
 * after {@link #MAX_ATTEMPTS} the morph is given up.
 *
 * <p>Ranking ties are broken by pool position: of two candidates with equal {@code p}, the one
 * earlier in the pool ranks higher.
 */
public final class PruneAndReplace {

    /** The most attempts per requested child. */
    public static final int MAX_ATTEMPTS = 250;

    /** The failed attempts after which a child that was dropped before may return. */
    public static final int REVIVAL_AFTER = 200;

    private final MorphRules rules;
    private final ConstraintSpace space;

    /** Creates the step for one constraint space. */
    public PruneAndReplace(MorphRules rules, ConstraintSpace space) {
        if (rules == null || space == null) {
            throw new IllegalArgumentException("morph rules and space must not be null");
        }
        this.rules = rules;
        this.space = space;
    }

    /** Returns the constraint space children must lie in. */
    public ConstraintSpace space() {
        return space;
    }

    /**
     * Prunes and replaces one edge's pool and stores the next pool in it.
     *
     * @param pool the edge's pool; replaced by the outcome's next pool
     * @param weights the softmax weight of each candidate, in pool order
     * @param cycle the cycle that just ended
     * @param lastCycle whether it is the schedule's last cycle (no conv is protected then)
     * @param random the source of parent and morph choices
     * @return what was kept, dropped and added
     */
    public EdgeOutcome apply(
            EdgePool pool,
            double[] weights,
            CycleSpec cycle,
            boolean lastCycle,
            RandomGenerator random) {
        List<Candidate> trained = pool.candidates();
        int n = trained.size();
        if (weights.length != n) {
            throw new IllegalArgumentException(
                    "edge has " + n + " candidates but " + weights.length + " weights");
        }

        boolean[] kept = keptMask(trained, weights, cycle, lastCycle);
        List<Candidate> next = new ArrayList<>();
        List<Integer> convParents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                next.add(Candidate.survivor(trained.get(i).op()));
                if (trained.get(i).op().kind() == OpKind.CONV) {
                    convParents.add(i);
                }
            }
        }

        int missing = 0;
        for (int m = 0; m < cycle.morphs(); m++) {
            Optional<Candidate> child = newChild(pool, next, trained, weights, convParents, random);
            if (child.isPresent()) {
                next.add(child.get());
            } else {
                missing++;
            }
        }

        pool.set(next);
        return new EdgeOutcome(trained, weights.clone(), kept, pool.candidates(), missing);
    }

    /** Returns the pool positions ranked best first: by weight, ties by position. */
    static List<Integer> ranking(double[] weights) {
        return IntStream.range(0, weights.length)
                .boxed()
                .sorted(
                        Comparator.comparingDouble((Integer i) -> -weights[i])
                                .thenComparingInt(i -> i))
                .toList();
    }

    private static boolean[] keptMask(
            List<Candidate> trained, double[] weights, CycleSpec cycle, boolean lastCycle) {
        int n = trained.size();
        int drop = Math.max(0, n - cycle.kept() + cycle.morphs());
        List<Integer> ranked = ranking(weights);

        int protectedConv = -1;
        if (!lastCycle) {
            for (int i : ranked) {
                if (trained.get(i).op().kind() == OpKind.CONV) {
                    protectedConv = i;
                    break;
                }
            }
        }

        boolean[] kept = new boolean[n];
        java.util.Arrays.fill(kept, true);
        int dropped = 0;
        for (int r = n - 1; r >= 0 && dropped < drop; r--) {
            int i = ranked.get(r);
            if (i != protectedConv) {
                kept[i] = false;
                dropped++;
            }
        }
        return kept;
    }

    private Optional<Candidate> newChild(
            EdgePool pool,
            List<Candidate> next,
            List<Candidate> trained,
            double[] weights,
            List<Integer> convParents,
            RandomGenerator random) {
        if (convParents.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ConvOp parent = (ConvOp) trained.get(sample(convParents, weights, random)).op();
            Optional<MorphRules.Morph> morph = rules.random(parent, space, random);
            if (morph.isEmpty()) {
                continue;
            }
            OpConfig child = morph.get().child();
            boolean inNext = next.stream().anyMatch(c -> c.op().equals(child));
            boolean neverHeld = !pool.history().contains(child) && !inNext;
            boolean revivable = attempt > REVIVAL_AFTER && !inNext;
            if (neverHeld || revivable) {
                return Optional.of(new Candidate(child, parent, morph.get().kind()));
            }
        }
        return Optional.empty();
    }

    /** Samples one of {@code positions} with probability proportional to its weight. */
    private static int sample(List<Integer> positions, double[] weights, RandomGenerator random) {
        double total = 0;
        for (int i : positions) {
            total += weights[i];
        }
        double u = random.nextDouble() * total;
        double sum = 0;
        for (int i : positions) {
            sum += weights[i];
            if (u < sum) {
                return i;
            }
        }
        return positions.get(positions.size() - 1);
    }
}

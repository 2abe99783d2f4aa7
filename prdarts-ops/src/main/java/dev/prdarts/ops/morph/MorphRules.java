package dev.prdarts.ops.morph;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.space.ConstraintSpace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The morph rules as pure functions on conv configurations (DESIGN section 3).
 *
 * <p>No tensors are involved: this class decides which morphs apply and what child each produces.
 * Weight transfer lives with the DJL operation catalog.
 */
public final class MorphRules {

    private final boolean allowDegenerate;

    /** Creates the rules with the three k = 1 / d = 2 guards in force. */
    public MorphRules() {
        this(false);
    }

    /**
     * Creates the rules.
     *
     * @param allowDegenerate lifts the three guards (shrink to k = 1 while d >= 2, dilate at k = 1,
     *     undilate from k = 1, d = 2); only for reproducing the paper's Table II counts
     */
    public MorphRules(boolean allowDegenerate) {
        this.allowDegenerate = allowDegenerate;
    }

    /** Returns whether the three k = 1 / d = 2 guards are lifted. */
    public boolean allowsDegenerate() {
        return allowDegenerate;
    }

    /**
     * Returns the child that {@code kind} produces from {@code parent}, ignoring any space, or
     * empty when the rule does not apply to the parent at all.
     */
    public Optional<ConvOp> apply(MorphKind kind, ConvOp parent) {
        int k = parent.kernel();
        int d = parent.dilation();
        List<Integer> x = parent.expansions();
        switch (kind) {
            case GROW_KERNEL:
                return Optional.of(new ConvOp(k + 2, d, x));
            case SHRINK_KERNEL:
                if (k < 3 || (!allowDegenerate && k == 3 && d >= 2)) {
                    return Optional.empty();
                }
                return Optional.of(new ConvOp(k - 2, d, x));
            case DILATE:
                if (!allowDegenerate && k == 1) {
                    return Optional.empty();
                }
                return Optional.of(new ConvOp(k, d + 1, x));
            case UNDILATE:
                if (d < 2 || (!allowDegenerate && k == 1 && d == 2)) {
                    return Optional.empty();
                }
                return Optional.of(new ConvOp(k, d - 1, x));
            case INSERT_UNIT:
                List<Integer> longer = new ArrayList<>(x);
                longer.add(1);
                return Optional.of(new ConvOp(k, d, longer));
            case WIDEN:
                if (x.isEmpty()) {
                    return Optional.empty();
                }
                int smallest = widenIndex(x);
                List<Integer> wider = new ArrayList<>(x);
                wider.set(smallest, x.get(smallest) + 1);
                return Optional.of(new ConvOp(k, d, wider));
            default:
                throw new IllegalStateException("unknown morph " + kind);
        }
    }

    /** Returns the child of {@code kind} when the rule applies and the child lies in the space. */
    public Optional<ConvOp> apply(MorphKind kind, ConvOp parent, ConstraintSpace space) {
        return apply(kind, parent).filter(space::allows);
    }

    /** Returns the morphs that apply to {@code parent} and keep the child inside {@code space}. */
    public Set<MorphKind> allowed(ConvOp parent, ConstraintSpace space) {
        Set<MorphKind> kinds = EnumSet.noneOf(MorphKind.class);
        for (MorphKind kind : MorphKind.values()) {
            if (apply(kind, parent, space).isPresent()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * Picks one random allowed morph: one of the six kinds uniformly at random, retried while the
     * pick is not allowed.
     *
     * @return the morph and child, or empty when no morph is allowed for this parent
     */
    public Optional<Morph> random(ConvOp parent, ConstraintSpace space, RandomGenerator random) {
        if (allowed(parent, space).isEmpty()) {
            return Optional.empty();
        }
        MorphKind[] kinds = MorphKind.values();
        while (true) {
            MorphKind kind = kinds[random.nextInt(kinds.length)];
            Optional<ConvOp> child = apply(kind, parent, space);
            if (child.isPresent()) {
                return Optional.of(new Morph(kind, parent, child.get()));
            }
        }
    }

    /** Returns the index widen grows: the first smallest expansion factor. */
    public static int widenIndex(List<Integer> expansions) {
        int best = 0;
        for (int i = 1; i < expansions.size(); i++) {
            if (expansions.get(i) < expansions.get(best)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A morph applied to a parent.
     *
     * @param kind the morph
     * @param parent the configuration it was applied to
     * @param child the configuration it produced
     */
    public record Morph(MorphKind kind, ConvOp parent, ConvOp child) {}
}

package dev.prdarts.ops.morph;

import dev.prdarts.api.ops.ConvOp;
import dev.prdarts.api.space.ConstraintSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Enumerates every conv configuration reachable from a start by a bounded number of morphs.
 *
 * <p>A breadth-first walk over the six rules of {@link MorphRules}: depth 0 is the start, depth n
 * holds the configurations first reached by n morphs. Every child must lie in the constraint space;
 * the start is always counted, as it is the conv a search begins with (DESIGN section 4).
 */
public final class MorphEnumerator {

    /** Orders configurations by kernel, dilation, number of factors, then the factors. */
    public static final Comparator<ConvOp> CANONICAL_ORDER =
            Comparator.comparingInt(ConvOp::kernel)
                    .thenComparingInt(ConvOp::dilation)
                    .thenComparingInt(op -> op.expansions().size())
                    .thenComparing(ConvOp::expansions, MorphEnumerator::compareLists);

    private final MorphRules rules;

    /** Creates an enumerator over the given rules. */
    public MorphEnumerator(MorphRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Returns the configurations reachable from {@code start} within {@code within} morphs.
     *
     * @param start the first configuration, usually {@link ConvOp#START}
     * @param space the space every child must lie in
     * @param within the most morphs applied, at least 0
     * @return the configurations with the depth at which each is first reached, by depth and then
     *     in {@link #CANONICAL_ORDER}
     */
    public Reachable reachable(ConvOp start, ConstraintSpace space, int within) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(space, "space");
        if (within < 0) {
            throw new IllegalArgumentException("within must be >= 0 morphs, got " + within);
        }

        Set<ConvOp> seen = new HashSet<>();
        List<Reached> found = new ArrayList<>();
        List<ConvOp> level = List.of(start);
        seen.add(start);
        found.add(new Reached(start, 0));
        for (int depth = 1; depth <= within && !level.isEmpty(); depth++) {
            level = expand(level, space, seen);
            for (ConvOp op : level) {
                found.add(new Reached(op, depth));
            }
        }

        // Closed when one more morph would reach nothing new.
        boolean closed = level.isEmpty() || expand(level, space, new HashSet<>(seen)).isEmpty();
        return new Reachable(start, space, within, found, closed);
    }

    private List<ConvOp> expand(List<ConvOp> level, ConstraintSpace space, Set<ConvOp> seen) {
        List<ConvOp> next = new ArrayList<>();
        for (ConvOp parent : level) {
            for (MorphKind kind : MorphKind.values()) {
                Optional<ConvOp> child = rules.apply(kind, parent, space);
                if (child.isPresent() && seen.add(child.get())) {
                    next.add(child.get());
                }
            }
        }
        next.sort(CANONICAL_ORDER);
        return next;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * A configuration and the number of morphs that first reaches it.
     *
     * @param op the configuration
     * @param depth the fewest morphs from the start
     */
    public record Reached(ConvOp op, int depth) {}

    /**
     * The result of an enumeration.
     *
     * @param start the start configuration
     * @param space the space children were kept in
     * @param within the most morphs applied
     * @param configs every configuration reached, by depth
     * @param closed whether one more morph would reach nothing new, so {@code configs} is all the
     *     space holds from this start
     */
    public record Reachable(
            ConvOp start,
            ConstraintSpace space,
            int within,
            List<Reached> configs,
            boolean closed) {

        /** Creates a result and freezes the list. */
        public Reachable {
            configs = List.copyOf(configs);
        }

        /** Returns how many configurations were reached, the start included. */
        public int count() {
            return configs.size();
        }

        /** Returns the greatest depth at which a new configuration was reached. */
        public int maxDepth() {
            return configs.get(configs.size() - 1).depth();
        }

        /** Returns the depth at which {@code op} was first reached, or empty if it was not. */
        public Optional<Integer> depthOf(ConvOp op) {
            for (Reached r : configs) {
                if (r.op().equals(op)) {
                    return Optional.of(r.depth());
                }
            }
            return Optional.empty();
        }
    }
}

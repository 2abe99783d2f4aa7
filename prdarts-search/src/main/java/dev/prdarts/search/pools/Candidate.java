package dev.prdarts.search.pools;

import dev.prdarts.api.ops.OpConfig;
import dev.prdarts.ops.morph.MorphKind;
import java.util.Objects;

/**
 * One candidate of an edge's pool, with where it came from.
 *
 * @param op the operation
 * @param parent the operation a morph made it from at the end of the previous cycle, or null for a
 *     candidate that was already in the pool (or in the initial catalog)
 * @param morph the morph that made it, null exactly when {@code parent} is null
 */
public record Candidate(OpConfig op, OpConfig parent, MorphKind morph) {

    /** Creates a candidate and checks that parent and morph are both set or both null. */
    public Candidate {
        Objects.requireNonNull(op, "op");
        if ((parent == null) != (morph == null)) {
            throw new IllegalArgumentException(
                    "candidate " + op + ": parent and morph must both be set or both be null");
        }
    }

    /** Returns a candidate that carries its trained weights over, with no parent. */
    public static Candidate survivor(OpConfig op) {
        return new Candidate(op, null, null);
    }

    /** Returns whether a morph created this candidate at the end of the previous cycle. */
    public boolean isNew() {
        return parent != null;
    }
}

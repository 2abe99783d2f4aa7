package dev.prdarts.search.pools;

import dev.prdarts.api.ops.OpConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate pool of one mixed edge and every operation that edge has ever held.
 *
 * <p>Mutable: {@link PruneAndReplace} replaces the pool at the end of each cycle. The history is
 * per edge (DESIGN section 5), so a child is new to this edge even when another edge holds it.
 */
public final class EdgePool {

    private List<Candidate> candidates;
    private final Set<OpConfig> history = new LinkedHashSet<>();

    /** Creates a pool holding the given initial operations, none of them new. */
    public EdgePool(List<? extends OpConfig> initial) {
        if (initial == null || initial.isEmpty()) {
            throw new IllegalArgumentException("an edge pool needs at least one candidate");
        }
        List<Candidate> list = new ArrayList<>();
        for (OpConfig op : initial) {
            list.add(Candidate.survivor(op));
        }
        set(list);
    }

    /** Returns the current candidates in pool order (the order of the edge's alpha vector). */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** Returns the current operations in pool order. */
    public List<OpConfig> ops() {
        List<OpConfig> ops = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ops.add(c.op());
        }
        return ops;
    }

    /** Returns the number of candidates. */
    public int size() {
        return candidates.size();
    }

    /** Returns every operation this edge has held, in the order they first appeared. */
    public Set<OpConfig> history() {
        return Collections.unmodifiableSet(history);
    }

    /**
     * Replaces the candidates and adds them to the history.
     *
     * @throws IllegalArgumentException if the list is empty or holds an operation twice
     */
    public void set(List<Candidate> next) {
        if (next == null || next.isEmpty()) {
            throw new IllegalArgumentException("an edge pool needs at least one candidate");
        }
        Set<OpConfig> seen = new LinkedHashSet<>();
        for (Candidate c : next) {
            if (!seen.add(c.op())) {
                throw new IllegalArgumentException("edge pool holds " + c.op() + " twice");
            }
        }
        candidates = List.copyOf(next);
        history.addAll(seen);
    }

    /** Restores a saved pool and history, for example from a checkpoint. */
    public void restore(List<Candidate> saved, List<OpConfig> savedHistory) {
        history.clear();
        history.addAll(savedHistory);
        set(saved);
    }
}

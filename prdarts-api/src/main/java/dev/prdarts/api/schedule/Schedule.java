package dev.prdarts.api.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The cycles of a search, validated once on creation.
 *
 * <p>Rules: at least one cycle; per cycle {@code epochs >= 1}, {@code 0 <= grace < epochs}, {@code
 * kept >= 1}, {@code 0 <= morphs < kept}; the last cycle keeps exactly one candidate.
 *
 * @param cycles the cycles in order
 */
public record Schedule(List<CycleSpec> cycles) {

    /** Creates a schedule and checks every rule, naming the cycle that breaks one. */
    public Schedule {
        if (cycles == null || cycles.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one cycle");
        }
        cycles = List.copyOf(cycles);
        for (int i = 0; i < cycles.size(); i++) {
            CycleSpec c = cycles.get(i);
            String at = "cycles[" + i + "]";
            if (c.epochs() < 1) {
                throw new IllegalArgumentException(at + ".epochs must be >= 1, got " + c.epochs());
            }
            if (c.graceEpochs() < 0 || c.graceEpochs() >= c.epochs()) {
                throw new IllegalArgumentException(
                        at
                                + ".grace must be >= 0 and < epochs ("
                                + c.epochs()
                                + "), got "
                                + c.graceEpochs());
            }
            if (c.kept() < 1) {
                throw new IllegalArgumentException(at + ".kept must be >= 1, got " + c.kept());
            }
            if (c.morphs() < 0 || c.morphs() >= c.kept()) {
                throw new IllegalArgumentException(
                        at
                                + ".morphs must be >= 0 and < kept ("
                                + c.kept()
                                + "), got "
                                + c.morphs());
            }
        }
        CycleSpec last = cycles.get(cycles.size() - 1);
        if (last.kept() != 1) {
            throw new IllegalArgumentException(
                    "cycles["
                            + (cycles.size() - 1)
                            + "].kept must be 1 in the last cycle, got "
                            + last.kept());
        }
    }

    /** Returns the paper's Table I schedule: nine cycles, 100 epochs in all. */
    public static Schedule paper() {
        List<CycleSpec> c = new ArrayList<>();
        c.add(new CycleSpec(15, 5, 3, 6));
        c.add(new CycleSpec(15, 5, 3, 6));
        for (int i = 0; i < 3; i++) {
            c.add(new CycleSpec(10, 3, 3, 6));
        }
        c.add(new CycleSpec(10, 3, 0, 4));
        c.add(new CycleSpec(10, 3, 0, 3));
        c.add(new CycleSpec(10, 3, 0, 2));
        c.add(new CycleSpec(10, 3, 0, 1));
        return new Schedule(c);
    }

    /** Returns the total number of epochs over all cycles. */
    public int totalEpochs() {
        return cycles.stream().mapToInt(CycleSpec::epochs).sum();
    }
}

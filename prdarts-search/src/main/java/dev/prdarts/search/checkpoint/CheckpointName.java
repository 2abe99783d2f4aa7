package dev.prdarts.search.checkpoint;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The position a checkpoint file stands for, and its file name: {@code epoch-000012.ckpt} at the
 * end of global epoch 12, {@code epoch-000013-step-000037.ckpt} after 37 steps of epoch 13 (a
 * search stopped mid-epoch).
 *
 * @param epoch the 1-based global epoch the checkpoint ends or is in
 * @param step the steps done in that epoch, or 0 for the epoch's end
 */
public record CheckpointName(int epoch, int step) implements Comparable<CheckpointName> {

    /** The file name ending of checkpoints. */
    public static final String SUFFIX = ".ckpt";

    private static final Pattern NAME =
            Pattern.compile("epoch-(\\d{6,})(?:-step-(\\d{6,}))?\\.ckpt");

    private static final Comparator<CheckpointName> ORDER =
            Comparator.comparingInt(CheckpointName::epoch)
                    .thenComparingLong(n -> n.step == 0 ? Long.MAX_VALUE : n.step);

    /** Checks that the epoch is >= 1 and the step >= 0. */
    public CheckpointName {
        if (epoch < 1 || step < 0) {
            throw new IllegalArgumentException(
                    "checkpoint position needs epoch >= 1 and step >= 0, got epoch "
                            + epoch
                            + ", step "
                            + step);
        }
    }

    /** Returns the name of the checkpoint at the end of 1-based global epoch {@code epoch}. */
    public static CheckpointName endOfEpoch(int epoch) {
        return new CheckpointName(epoch, 0);
    }

    /** Returns the name of a checkpoint after {@code step} steps of global epoch {@code epoch}. */
    public static CheckpointName inEpoch(int epoch, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("a mid-epoch step must be >= 1, got " + step);
        }
        return new CheckpointName(epoch, step);
    }

    /** Returns the position a file name stands for, or empty for any other name. */
    public static Optional<CheckpointName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int epoch = Integer.parseInt(m.group(1));
            int step = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (epoch < 1 || (m.group(2) != null && step < 1)) {
                return Optional.empty();
            }
            return Optional.of(new CheckpointName(epoch, step));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Returns whether this is the end of an epoch rather than a point within one. */
    public boolean isEpochEnd() {
        return step == 0;
    }

    /** Returns the file name. */
    public String fileName() {
        return step == 0
                ? String.format(Locale.ROOT, "epoch-%06d%s", epoch, SUFFIX)
                : String.format(Locale.ROOT, "epoch-%06d-step-%06d%s", epoch, step, SUFFIX);
    }

    /** Orders by position in the search: within an epoch, steps first, the epoch's end last. */
    @Override
    public int compareTo(CheckpointName o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return fileName();
    }
}

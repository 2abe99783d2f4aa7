package dev.prdarts.api.data;

import java.util.Arrays;
import java.util.List;

/**
 * Per-channel mean and standard deviation of pixel values scaled to [0, 1].
 *
 * <p>A batch value is {@code (pixel / 255 - mean[c]) / std[c]}.
 *
 * @param mean one mean per channel
 * @param std one standard deviation per channel, each positive
 */
public record Normalization(List<Double> mean, List<Double> std) {

    /** The CIFAR-10 training-set statistics (DESIGN section 6). */
    public static final Normalization CIFAR10 =
            of(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616});

    /** The CIFAR-100 training-set statistics (DESIGN section 6). */
    public static final Normalization CIFAR100 =
            of(new double[] {0.5071, 0.4865, 0.4409}, new double[] {0.2673, 0.2564, 0.2762});

    /** Creates statistics and checks that both lists have one finite entry per channel. */
    public Normalization {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.isEmpty() || mean.size() != std.size()) {
            throw new IllegalArgumentException(
                    "normalization needs one mean and one std per channel, got "
                            + mean.size()
                            + " means and "
                            + std.size()
                            + " stds");
        }
        for (int c = 0; c < mean.size(); c++) {
            if (!Double.isFinite(mean.get(c)) || !(std.get(c) > 0) || std.get(c).isInfinite()) {
                throw new IllegalArgumentException(
                        "normalization channel "
                                + c
                                + " needs a finite mean and a positive std, got mean "
                                + mean.get(c)
                                + " std "
                                + std.get(c));
            }
        }
    }

    /** Returns statistics built from two arrays of the same length. */
    public static Normalization of(double[] mean, double[] std) {
        return new Normalization(
                Arrays.stream(mean).boxed().toList(), Arrays.stream(std).boxed().toList());
    }

    /** Returns the number of channels. */
    public int channels() {
        return mean.size();
    }
}

package dev.prdarts.ops.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;

/**
 * Counts the possible cells of a search space (DESIGN section 1).
 *
 * <p>With K distinct candidates per edge, node n = 2..5 picks two of its n inputs and one of K
 * operations for each, so a cell has {@code prod (C(n,2) * K^2) = 180 * K^8} forms.
 */
public final class CellCount {

    /** Candidates every PR-DARTS edge holds besides convs: max pool, avg pool and skip. */
    public static final int NON_CONV_CANDIDATES = 3;

    /** Candidates of the DARTS catalog. */
    public static final int DARTS_CANDIDATES = 8;

    private static final BigInteger INPUT_CHOICES = BigInteger.valueOf(180);

    private CellCount() {}

    /** Returns the candidate count K of a space that reaches {@code convs} conv configurations. */
    public static int candidates(int convs) {
        if (convs < 0) {
            throw new IllegalArgumentException("conv count must be >= 0, got " + convs);
        }
        return convs + NON_CONV_CANDIDATES;
    }

    /** Returns {@code 180 * K^8}, the number of possible cells with K candidates per edge. */
    public static BigInteger possibleCells(int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException(
                    "candidates per edge must be >= 1, got " + candidates);
        }
        return INPUT_CHOICES.multiply(BigInteger.valueOf(candidates).pow(8));
    }

    /** Returns a count with two significant digits, for example {@code 4.6e11}. */
    public static String approx(BigInteger count) {
        BigDecimal rounded = new BigDecimal(count).round(new MathContext(2));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        return String.format(Locale.ROOT, "%.1fe%d", mantissa.doubleValue(), exponent);
    }
}

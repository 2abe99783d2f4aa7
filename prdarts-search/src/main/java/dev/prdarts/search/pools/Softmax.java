package dev.prdarts.search.pools;

/** The softmax of an edge's alpha vector, computed in double precision. */
public final class Softmax {

    private Softmax() {}

    /**
     * Returns {@code exp(a_i - max) / sum_j exp(a_j - max)}; subtracting the maximum keeps large
     * logits finite and makes the result independent of a shift of all logits.
     *
     * @throws IllegalArgumentException if {@code logits} is empty or holds NaN or infinity
     */
    public static double[] of(float[] logits) {
        double[] d = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            d[i] = logits[i];
        }
        return of(d);
    }

    /** Returns the softmax of double logits; see {@link #of(float[])}. */
    public static double[] of(double[] logits) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("softmax needs at least one logit");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("alpha logit must be finite, got " + v);
            }
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}

package dev.prdarts.search.train;

/** Reports a loss that became NaN or infinite; the search cannot continue from it. */
public class NonFiniteLossException extends IllegalStateException {

    private final double loss;

    /** Creates the exception for the given step kind and loss value. */
    public NonFiniteLossException(String step, double loss) {
        super("the " + step + " loss became " + loss);
        this.loss = loss;
    }

    /** Returns the offending loss value. */
    public double loss() {
        return loss;
    }
}

package dev.prdarts.hardware;

import java.util.OptionalInt;

/**
 * The PyTorch engine's thread counts, applied as the system properties DJL reads when the engine
 * starts ({@value #INTRA_OP_PROPERTY} and {@value #INTER_OP_PROPERTY}).
 *
 * <p>The engine reads them once, so {@link #apply()} must run before anything touches the engine
 * (before the first {@code NDManager}); later changes have no effect.
 *
 * @param intraOp threads inside one operation, or empty to keep the engine's (or the user's {@code
 *     -D}) setting
 * @param interOp threads running independent operations in parallel, or empty likewise
 */
public record EngineThreads(OptionalInt intraOp, OptionalInt interOp) {

    /**
     * The most threads accepted: more than any machine has cores, and few enough that the engine
     * cannot exhaust the system's process limit by starting them.
     */
    public static final int MAX_THREADS = 1024;

    /** The system property DJL's PyTorch engine reads for the intra-op thread count. */
    public static final String INTRA_OP_PROPERTY = "ai.djl.pytorch.num_threads";

    /** The system property DJL's PyTorch engine reads for the inter-op thread count. */
    public static final String INTER_OP_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    /** Validates the counts. */
    public EngineThreads {
        check("threads", intraOp);
        check("inter-op threads", interOp);
    }

    /** Returns settings that leave both counts as they are. */
    public static EngineThreads unchanged() {
        return new EngineThreads(OptionalInt.empty(), OptionalInt.empty());
    }

    /** Returns settings with {@code threads} intra-op threads and the inter-op count unchanged. */
    public static EngineThreads intraOp(int threads) {
        return new EngineThreads(OptionalInt.of(threads), OptionalInt.empty());
    }

    /** Sets the system properties of the given counts; returns {@link #describe()}. */
    public String apply() {
        intraOp.ifPresent(n -> System.setProperty(INTRA_OP_PROPERTY, Integer.toString(n)));
        interOp.ifPresent(n -> System.setProperty(INTER_OP_PROPERTY, Integer.toString(n)));
        return describe();
    }

    /** Returns the effective counts as one phrase, for example "intra-op 4, inter-op default". */
    public static String describe() {
        return "intra-op "
                + System.getProperty(INTRA_OP_PROPERTY, "default")
                + ", inter-op "
                + System.getProperty(INTER_OP_PROPERTY, "default");
    }

    private static void check(String what, OptionalInt count) {
        if (count.isPresent() && count.getAsInt() < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + count.getAsInt());
        }
        if (count.isPresent() && count.getAsInt() > MAX_THREADS) {
            throw new IllegalArgumentException(
                    what + " must be <= " + MAX_THREADS + ", got " + count.getAsInt());
        }
    }
}

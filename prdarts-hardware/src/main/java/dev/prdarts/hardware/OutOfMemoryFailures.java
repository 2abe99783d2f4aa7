package dev.prdarts.hardware;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises failures that mean the engine or the JVM ran out of memory during a step.
 *
 * <p>The PyTorch engine reports a failed allocation as an {@code ai.djl.engine.EngineException}
 * whose message contains, for example, "CUDA out of memory" (GPU) or "can't allocate memory" (CPU);
 * the JVM throws {@link OutOfMemoryError}. The whole cause chain is searched, so wrapped failures
 * are recognised too.
 */
public final class OutOfMemoryFailures {

    private static final String[] MARKERS = {
        "out of memory",
        "can't allocate memory",
        "cannot allocate memory",
        "failed to allocate",
        "cublas_status_alloc_failed",
        "std::bad_alloc"
    };

    private OutOfMemoryFailures() {}

    /** Returns whether {@code failure} or one of its causes reports a lack of memory. */
    public static boolean isOutOfMemory(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && mentionsMemory(message.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the first line of the failure's message, for logs and error messages. */
    static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static boolean mentionsMemory(String message) {
        for (String marker : MARKERS) {
            if (message.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}

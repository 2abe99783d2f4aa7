package dev.prdarts.api.hardware;

/**
 * Creates memory probes of one kind; implementations are found with {@link
 * java.util.ServiceLoader}.
 *
 * <p>A provider is light: it only checks availability and builds the probe on demand. When a run
 * does not name a provider, the available provider with the highest {@link #rank()} is used.
 */
public interface MemoryProbeProvider {

    /**
     * Returns the name of this provider, unique among all providers (for example {@code "cpu"}).
     */
    String name();

    /**
     * Returns whether this provider can measure the device in {@code options} on this machine, and
     * should be picked when no provider is named.
     */
    boolean isAvailable(MemoryProbeOptions options);

    /** Returns the rank used to choose among several available providers; higher wins. */
    default int rank() {
        return 0;
    }

    /**
     * Creates a probe for the device in {@code options}.
     *
     * @throws IllegalStateException if the device cannot be measured on this machine
     */
    MemoryProbe create(MemoryProbeOptions options);
}

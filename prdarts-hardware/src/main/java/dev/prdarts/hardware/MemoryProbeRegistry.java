package dev.prdarts.hardware;

import dev.prdarts.api.hardware.MemoryProbe;
import dev.prdarts.api.hardware.MemoryProbeOptions;
import dev.prdarts.api.hardware.MemoryProbeProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the memory-probe providers and picks one for a device.
 *
 * <p>The no-argument constructor discovers providers with {@link ServiceLoader}; two providers with
 * the same name are an error that names both classes and where they were loaded from.
 */
public final class MemoryProbeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryProbeRegistry.class);

    private final Map<String, MemoryProbeProvider> providers = new TreeMap<>();

    /** Creates a registry of the providers {@link ServiceLoader} finds. */
    @Inject
    public MemoryProbeRegistry() {
        this(
                ServiceLoader.load(
                        MemoryProbeProvider.class, MemoryProbeRegistry.class.getClassLoader()));
    }

    /**
     * Creates a registry of the given providers.
     *
     * @throws IllegalStateException if two providers share a name
     */
    public MemoryProbeRegistry(Iterable<? extends MemoryProbeProvider> found) {
        for (MemoryProbeProvider provider : found) {
            MemoryProbeProvider clash = providers.putIfAbsent(provider.name(), provider);
            if (clash != null) {
                throw new IllegalStateException(
                        "two memory probe providers are named '"
                                + provider.name()
                                + "': "
                                + origin(clash)
                                + " and "
                                + origin(provider));
            }
            LOG.debug("memory probe provider '{}': {}", provider.name(), origin(provider));
        }
    }

    /** Returns the provider names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** Returns the provider with the given name, if any. */
    public Optional<MemoryProbeProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /**
     * Creates a probe with the named provider.
     *
     * @throws IllegalArgumentException if no provider has that name
     */
    public MemoryProbe create(String name, MemoryProbeOptions options) {
        MemoryProbeProvider provider =
                find(name)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown memory probe '"
                                                        + name
                                                        + "'; known: "
                                                        + String.join(", ", names())));
        return provider.create(options);
    }

    /**
     * Creates a probe with the highest-ranked provider available for the device in {@code options}
     * (ties go to the alphabetically first name).
     *
     * @throws IllegalStateException if no provider can measure the device
     */
    public MemoryProbe create(MemoryProbeOptions options) {
        List<MemoryProbeProvider> available = new ArrayList<>();
        for (MemoryProbeProvider provider : providers.values()) {
            if (provider.isAvailable(options)) {
                available.add(provider);
            }
        }
        if (available.isEmpty()) {
            throw new IllegalStateException(
                    "no memory probe can measure "
                            + options.deviceName()
                            + " on this machine; providers: "
                            + String.join(", ", names()));
        }
        MemoryProbeProvider best =
                Collections.max(
                        available,
                        Comparator.comparingInt(MemoryProbeProvider::rank)
                                .thenComparing(
                                        MemoryProbeProvider::name, Comparator.reverseOrder()));
        LOG.debug("memory probe for {}: {}", options.deviceName(), best.name());
        return best.create(options);
    }

    private static String origin(MemoryProbeProvider provider) {
        Class<?> type = provider.getClass();
        var source = type.getProtectionDomain().getCodeSource();
        String where = source == null ? "unknown location" : String.valueOf(source.getLocation());
        return type.getName() + " (" + where + ")";
    }
}

package dev.prdarts.data;

import dev.prdarts.api.data.DatasetProvider;
import dev.prdarts.api.data.DatasetRequest;
import dev.prdarts.api.data.ImageDataset;
import java.io.IOException;
import java.security.CodeSource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets available by name: every {@link DatasetProvider} found with {@link ServiceLoader}.
 *
 * <p>The built-in providers ({@code builtin}, {@code cifar10}, {@code cifar100}, {@code
 * fashion-mnist}, {@code mnist}, {@code image-folder}) are registered by this module; plugin jars
 * on the class loader add more. Two providers with the same name are an error that names both.
 */
public final class DatasetRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetRegistry.class);

    private final Map<String, DatasetProvider> providers;

    /** Creates a registry of the providers visible to this module's class loader. */
    public DatasetRegistry() {
        this(DatasetRegistry.class.getClassLoader());
    }

    /**
     * Creates a registry of the providers visible to {@code loader}.
     *
     * @throws IllegalStateException if two providers share a name or a provider cannot be created
     */
    public DatasetRegistry(ClassLoader loader) {
        Map<String, DatasetProvider> found = new TreeMap<>();
        try {
            for (DatasetProvider provider : ServiceLoader.load(DatasetProvider.class, loader)) {
                DatasetProvider clash = found.putIfAbsent(provider.name(), provider);
                if (clash != null) {
                    throw new IllegalStateException(
                            "two dataset providers are named '"
                                    + provider.name()
                                    + "': "
                                    + origin(clash)
                                    + " and "
                                    + origin(provider));
                }
                LOG.debug("dataset provider {} from {}", provider.name(), origin(provider));
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a dataset provider: " + e.getMessage(), e);
        }
        this.providers = Collections.unmodifiableMap(found);
    }

    /** Returns the names of all datasets, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /**
     * Returns the provider of the named dataset.
     *
     * @throws IllegalArgumentException naming the known datasets if there is none of that name
     */
    public DatasetProvider provider(String name) {
        DatasetProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "unknown dataset '"
                            + name
                            + "'; known datasets: "
                            + String.join(", ", names()));
        }
        return provider;
    }

    /**
     * Loads the named dataset.
     *
     * @throws IllegalArgumentException if no dataset has that name
     * @throws IOException if its files are missing or malformed
     */
    public ImageDataset load(String name, DatasetRequest request) throws IOException {
        return provider(name).load(request);
    }

    private static String origin(DatasetProvider provider) {
        Class<?> type = provider.getClass();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String where =
                source == null || source.getLocation() == null ? "" : " in " + source.getLocation();
        return type.getName() + where;
    }
}

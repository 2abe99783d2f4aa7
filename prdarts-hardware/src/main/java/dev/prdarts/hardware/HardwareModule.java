package dev.prdarts.hardware;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.util.Objects;

/**
 * Guice bindings of the {@code prdarts-hardware} module; it only binds.
 *
 * <p>Binds the {@link HardwareConfig} it is given, the {@link MemoryProbeRegistry} (providers found
 * with {@link java.util.ServiceLoader}) and the {@link HardwareContext}, each once per injector.
 */
public final class HardwareModule extends AbstractModule {

    private final HardwareConfig config;

    /** Creates the module with the default settings. */
    public HardwareModule() {
        this(HardwareConfig.defaults());
    }

    /** Creates the module with the given settings. */
    public HardwareModule(HardwareConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
    }

    @Override
    protected void configure() {
        bind(HardwareConfig.class).toInstance(config);
        bind(MemoryProbeRegistry.class).in(Singleton.class);
        bind(HardwareContext.class).in(Singleton.class);
    }
}

package dev.prdarts.ops;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.ops.morph.MorphEnumerator;
import dev.prdarts.ops.morph.MorphRules;
import dev.prdarts.ops.space.RegisteredSpace;
import dev.prdarts.ops.space.SpaceRegistry;
import java.util.Objects;

/**
 * Guice bindings of the {@code prdarts-ops} module; it only binds.
 *
 * <p>Binds the {@link MorphRules}, a {@link MorphEnumerator} over them, the {@link SpaceRegistry},
 * and every discovered space into a {@code Map<String, ConstraintSpace>} by name (a {@link
 * MapBinder}), so plugin spaces are injectable like built-in ones. Discovery happens before the
 * module is created: pass a registry built with the plugin class loader and any spaces files.
 */
public final class OpsModule extends AbstractModule {

    private final SpaceRegistry registry;
    private final MorphRules rules;

    /**
     * Creates the module with the spaces visible to this module's class loader and strict rules.
     */
    public OpsModule() {
        this(SpaceRegistry.discover(OpsModule.class.getClassLoader()), new MorphRules());
    }

    /**
     * Creates the module.
     *
     * @param registry the spaces to bind, already discovered
     * @param rules the morph rules to bind
     */
    public OpsModule(SpaceRegistry registry, MorphRules rules) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    protected void configure() {
        bind(MorphRules.class).toInstance(rules);
        bind(MorphEnumerator.class).toInstance(new MorphEnumerator(rules));
        bind(SpaceRegistry.class).toInstance(registry);

        MapBinder<String, ConstraintSpace> spaces =
                MapBinder.newMapBinder(binder(), String.class, ConstraintSpace.class);
        for (RegisteredSpace entry : registry.entries()) {
            spaces.addBinding(entry.name()).toInstance(entry.space());
        }
    }
}

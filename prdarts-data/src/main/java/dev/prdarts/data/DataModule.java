package dev.prdarts.data;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Guice bindings of the {@code prdarts-data} module; it only binds. */
public final class DataModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(DatasetRegistry.class).in(Singleton.class);
    }
}

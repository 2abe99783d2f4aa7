package dev.prdarts.ops;

import com.google.inject.AbstractModule;

/** Guice bindings of the {@code prdarts-ops} module; it only binds. */
public final class OpsModule extends AbstractModule {

    @Override
    protected void configure() {}
}

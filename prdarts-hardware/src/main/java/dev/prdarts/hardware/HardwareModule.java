package dev.prdarts.hardware;

import com.google.inject.AbstractModule;

/** Guice bindings of the {@code prdarts-hardware} module; it only binds. */
public final class HardwareModule extends AbstractModule {

    @Override
    protected void configure() {}
}

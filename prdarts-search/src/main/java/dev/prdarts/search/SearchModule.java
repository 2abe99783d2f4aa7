package dev.prdarts.search;

import com.google.inject.AbstractModule;

/** Guice bindings of the {@code prdarts-search} module; it only binds. */
public final class SearchModule extends AbstractModule {

    @Override
    protected void configure() {}
}

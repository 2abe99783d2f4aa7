package dev.prdarts.search;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.progress.ProgressListener;
import java.util.Objects;

/**
 * Guice bindings of the {@code prdarts-search} module; it only binds.
 *
 * <p>Binds the {@link SearchConfigLoader} (one per injector) and the {@link ProgressListener} that
 * long work reports to. The search runner itself is built per run from a loaded config and the
 * run's data, so it is created by the caller, not bound here.
 */
public final class SearchModule extends AbstractModule {

    private final ProgressListener progress;

    /** Creates the module with a progress listener that shows nothing. */
    public SearchModule() {
        this(ProgressListener.none());
    }

    /**
     * Creates the module.
     *
     * @param progress where long work reports its progress
     */
    public SearchModule(ProgressListener progress) {
        this.progress = Objects.requireNonNull(progress, "progress must not be null");
    }

    @Override
    protected void configure() {
        bind(SearchConfigLoader.class).in(Singleton.class);
        bind(ProgressListener.class).toInstance(progress);
    }
}

package dev.prdarts.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.prdarts.search.config.Preset;
import dev.prdarts.search.config.SearchConfigLoader;
import dev.prdarts.search.progress.ProgressListener;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchModuleTest {

    @Test
    void injectorSharesOneConfigLoaderThatLoadsThePresets() throws Exception {
        Injector injector = Guice.createInjector(new SearchModule());

        SearchConfigLoader loader = injector.getInstance(SearchConfigLoader.class);

        assertSame(loader, injector.getInstance(SearchConfigLoader.class));
        assertEquals("DL", loader.load(Preset.byKey("smoke"), null, Map.of()).search().space());
    }

    @Test
    void progressListenerIsTheGivenOneOrNone() {
        ProgressListener given = (task, total) -> ProgressListener.none().start(task, total);

        assertSame(
                given,
                Guice.createInjector(new SearchModule(given)).getInstance(ProgressListener.class));
        assertSame(
                ProgressListener.none(),
                Guice.createInjector(new SearchModule()).getInstance(ProgressListener.class));
    }

    @Test
    void nullProgressListenerIsRefusedByName() {
        NullPointerException e =
                assertThrows(NullPointerException.class, () -> new SearchModule(null));
        assertTrue(e.getMessage().contains("progress"), e.getMessage());
    }
}

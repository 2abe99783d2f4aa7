package dev.prdarts.data;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.junit.jupiter.api.Test;

class DataModuleTest {

    @Test
    void injectorGivesOneRegistryWithTheBuiltInDatasets() {
        Injector injector = Guice.createInjector(new DataModule());

        DatasetRegistry registry = injector.getInstance(DatasetRegistry.class);

        assertSame(registry, injector.getInstance(DatasetRegistry.class));
        assertTrue(registry.names().contains("builtin"));
    }
}

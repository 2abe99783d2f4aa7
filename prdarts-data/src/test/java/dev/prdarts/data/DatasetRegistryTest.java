package dev.prdarts.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.data.DatasetRequest;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRegistryTest {

    @TempDir Path dir;

    private ClassLoader pluginLoader(String providerClass) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve("dev.prdarts.api.data.DatasetProvider"), providerClass + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void builtInDatasetsAreRegistered() {
        DatasetRegistry registry = new DatasetRegistry();

        assertEquals(
                List.of("builtin", "cifar10", "cifar100", "fashion-mnist", "image-folder", "mnist"),
                registry.names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        DatasetRegistry registry = new DatasetRegistry();

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.provider("cifar-10"));

        assertEquals(
                "unknown dataset 'cifar-10'; known datasets: builtin, cifar10, cifar100,"
                        + " fashion-mnist, image-folder, mnist",
                e.getMessage());
    }

    @Test
    void pluginOnTheClassLoaderAddsADataset() throws IOException {
        DatasetRegistry registry =
                new DatasetRegistry(pluginLoader(FakeDatasetProvider.class.getName()));

        assertTrue(registry.names().contains("fake"));
        assertEquals(10, registry.load("fake", DatasetRequest.defaults()).train().size());
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNamingBoth() throws IOException {
        ClassLoader loader = pluginLoader(FakeDatasetProvider.Clash.class.getName());

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new DatasetRegistry(loader));

        assertTrue(
                e.getMessage().startsWith("two dataset providers are named 'cifar10': "),
                e.getMessage());
        assertTrue(e.getMessage().contains("dev.prdarts.data.provider.Cifar10Provider"));
        assertTrue(e.getMessage().contains(FakeDatasetProvider.Clash.class.getName()));
    }
}

package dev.prdarts.ops.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.space.ConstraintSpace;
import dev.prdarts.api.space.ConstraintSpaceProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaceRegistryTest {

    @TempDir Path dir;

    private final ClassLoader testLoader = SpaceRegistryTest.class.getClassLoader();

    /** Returns a loader that sees the given providers through a services file in a new folder. */
    private URLClassLoader pluginLoader(String folder, Class<?>... providers) throws IOException {
        Path root = dir.resolve(folder);
        Path services = root.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(
                services.resolve(ConstraintSpaceProvider.class.getName()), lines.toString());
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, testLoader);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void discoversTheThreeBuiltInSpacesThroughTheSpi() {
        SpaceRegistry registry = SpaceRegistry.discover(testLoader);

        assertEquals(List.of("DL", "DR", "UR"), List.copyOf(registry.names()));
        assertEquals(BuiltinSpaces.DL, registry.get("DL"));
        assertEquals(BuiltinSpaces.DR, registry.get("DR"));
        assertEquals(BuiltinSpaces.UR, registry.get("UR"));
        for (RegisteredSpace entry : registry.entries()) {
            assertSame(SpaceSource.BUILT_IN, entry.source());
            assertEquals("built-in", entry.source().toString());
        }
    }

    @Test
    void unknownNameListsTheKnownSpaces() {
        SpaceRegistry registry = SpaceRegistry.discover(testLoader);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.get("XL"));
        assertEquals("unknown constraint space 'XL'; known spaces: DL, DR, UR", e.getMessage());
    }

    @Test
    void pluginProviderIsListedAfterBuiltInsWithItsLocation() throws IOException {
        try (URLClassLoader loader = pluginLoader("plugin", FakeProviders.K5.class)) {
            SpaceRegistry registry = SpaceRegistry.discover(loader);

            assertEquals(List.of("DL", "DR", "UR", "K5"), List.copyOf(registry.names()));
            RegisteredSpace k5 = registry.entry("K5");
            assertEquals(new ConstraintSpace("K5", 3, 5, 1, 1, 1, 1), k5.space());
            assertEquals(SpaceSource.Kind.PLUGIN, k5.source().kind());
            Path classes =
                    Path.of(
                            FakeProviders.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .getPath());
            assertEquals(classes.toString(), k5.source().location());
        }
    }

    @Test
    void pluginTakingABuiltInNameIsAnErrorNamingBothSources() throws IOException {
        try (URLClassLoader loader = pluginLoader("dup", FakeProviders.SecondDl.class)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> SpaceRegistry.discover(loader));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "constraint space 'DL' is declared twice: by built-in"
                                            + " and by plugin "),
                    e.getMessage());
        }
    }

    @Test
    void providerWhoseNameDisagreesWithItsSpaceIsRejected() throws IOException {
        try (URLClassLoader loader = pluginLoader("mis", FakeProviders.Misnamed.class)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class, () -> SpaceRegistry.discover(loader));
            assertTrue(e.getMessage().contains("is named 'ALPHA' but its space is named 'BETA'"));
            assertTrue(e.getMessage().contains(FakeProviders.Misnamed.class.getName()));
        }
    }

    @Test
    void failingProviderIsReportedWithItsClass() throws IOException {
        try (URLClassLoader loader = pluginLoader("broken", FakeProviders.Broken.class)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> SpaceRegistry.discover(loader));
            assertTrue(e.getMessage().contains(FakeProviders.Broken.class.getName()));
            assertTrue(e.getMessage().endsWith("failed: no bounds configured"), e.getMessage());
        }
    }

    @Test
    void pluginSpaceWithoutTheStartingConvIsReportedWithItsRule() throws IOException {
        try (URLClassLoader loader = pluginLoader("nostart", FakeProviders.NoStart.class)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> SpaceRegistry.discover(loader));
            assertTrue(e.getMessage().contains(FakeProviders.NoStart.class.getName()));
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    "failed: space K57: the bounds must admit the starting conv"
                                            + " conv(k=3,d=1,x=[]), so kernel_min must be <= 3 and"
                                            + " kernel_max >= 3, got kernel_min = 5, kernel_max ="
                                            + " 7"),
                    e.getMessage());
        }
    }

    @Test
    void missingProviderClassIsReported() throws IOException {
        Path services = dir.resolve("ghost/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(ConstraintSpaceProvider.class.getName()), "com.example.Ghost\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.resolve("ghost").toUri().toURL()}, testLoader)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> SpaceRegistry.discover(loader));
            assertTrue(e.getMessage().contains("com.example.Ghost"), e.getMessage());
        }
    }

    @Test
    void spacesFileAddsSpacesWithTheFileAsSource() throws IOException {
        Path toml =
                file(
                        "spaces.toml",
                        "[[space]]\nname = \"TINY\"\nkernel_min = 3\nkernel_max = 3\n"
                                + "dilation_max = 1\nmax_depth = 0\n");

        SpaceRegistry registry =
                SpaceRegistry.builder().addProviders(testLoader).addFile(toml).build();

        RegisteredSpace tiny = registry.entry("TINY");
        assertEquals(SpaceSource.file(toml.toString()), tiny.source());
        assertEquals("file " + toml, tiny.source().toString());
        assertEquals(0, tiny.space().maxDepth());
        assertEquals(ConstraintSpace.UNBOUNDED, tiny.space().maxWidth());
    }

    @Test
    void fileTakingABuiltInNameIsAnErrorNamingBothSources() throws IOException {
        Path toml =
                file(
                        "dl.toml",
                        "[[space]]\nname = \"DL\"\nkernel_min = 3\nkernel_max = 3\n"
                                + "dilation_max = 1\n");

        SpaceRegistry.Builder builder = SpaceRegistry.builder().addProviders(testLoader);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> builder.addFile(toml));
        assertEquals(
                "constraint space 'DL' is declared twice: by built-in and by file " + toml,
                e.getMessage());
    }

    @Test
    void sameNameInTwoFilesNamesBothFiles() throws IOException {
        String text = "[[space]]\nname = \"S\"\nkernel_min = 1\nkernel_max = 3\ndilation_max = 1\n";
        Path first = file("a.toml", text);
        Path second = file("b.toml", text);

        SpaceRegistry.Builder builder = SpaceRegistry.builder().addFile(first);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> builder.addFile(second));
        assertEquals(
                "constraint space 'S' is declared twice: by file "
                        + first
                        + " and by file "
                        + second,
                e.getMessage());
    }

    @Test
    void namesAreLookedUpIgnoringCaseAndKeepTheirRegisteredSpelling() {
        SpaceRegistry registry =
                SpaceRegistry.builder()
                        .addProviders(testLoader)
                        .add(new ConstraintSpace("Mine", 3, 3, 1, 0, 1, 0), SpaceSource.file("m"))
                        .build();

        assertEquals(BuiltinSpaces.DL, registry.get("dl"));
        assertEquals("DL", registry.entry("dL").name());
        assertEquals("Mine", registry.entry("MINE").name());
        assertEquals("Mine", registry.find("mine").orElseThrow().name());
        assertEquals(List.of("DL", "DR", "UR", "Mine"), List.copyOf(registry.names()));
    }

    @Test
    void namesDifferingOnlyInCaseAreDuplicates() throws IOException {
        Path toml =
                file(
                        "dl.toml",
                        "[[space]]\nname = \"dl\"\nkernel_min = 3\nkernel_max = 3\n"
                                + "dilation_max = 1\n");

        SpaceRegistry.Builder builder = SpaceRegistry.builder().addProviders(testLoader);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> builder.addFile(toml));
        assertEquals(
                "constraint space 'dl' from file "
                        + toml
                        + " clashes with 'DL' from built-in: space names are compared ignoring"
                        + " case",
                e.getMessage());
    }

    @Test
    void nameWithSpacesOrSymbolsIsRejected() {
        SpaceRegistry.Builder builder = SpaceRegistry.builder();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                builder.add(
                                        new ConstraintSpace("my space", 3, 3, 1, 0, 1, 0),
                                        SpaceSource.file("x.toml")));
        assertTrue(e.getMessage().startsWith("constraint space name 'my space' from file x.toml"));
    }

    @Test
    void builtInsComeFirstWhateverTheOrderOfAdding() {
        SpaceRegistry registry =
                SpaceRegistry.builder()
                        .add(new ConstraintSpace("F", 3, 3, 1, 0, 1, 0), SpaceSource.file("f"))
                        .add(new ConstraintSpace("P", 3, 3, 1, 0, 1, 0), SpaceSource.plugin("p"))
                        .add(BuiltinSpaces.DL, SpaceSource.BUILT_IN)
                        .build();

        assertEquals(List.of("DL", "P", "F"), List.copyOf(registry.names()));
    }
}

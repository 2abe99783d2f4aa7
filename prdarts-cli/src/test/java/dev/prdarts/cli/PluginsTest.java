package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

    @TempDir Path dir;

    private final ClassLoader parent = PluginsTest.class.getClassLoader();

    private Path touch(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[0]);
    }

    /** Writes a valid jar that holds nothing but its manifest. */
    private Path jar(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        try (OutputStream out = Files.newOutputStream(p);
                JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush();
        }
        return p;
    }

    @Test
    void optionWinsOverTheEnvironment() {
        assertEquals(
                List.of(Path.of("/opt/a")),
                Plugins.locations(
                        List.of(Path.of("/opt/a")), "/env/x" + File.pathSeparator + "/y"));
    }

    @Test
    void environmentIsAPathListWithEmptyEntriesIgnored() {
        String env = "/env/x" + File.pathSeparator + File.pathSeparator + " /env/y ";

        assertEquals(
                List.of(Path.of("/env/x"), Path.of("/env/y")), Plugins.locations(List.of(), env));
        assertEquals(List.of(), Plugins.locations(List.of(), null));
    }

    @Test
    void folderContributesItsJarsInNameOrderAndAJarCountsItself() throws IOException {
        Path b = jar("lib/b.jar");
        Path a = jar("lib/a.jar");
        touch("lib/readme.txt");
        Path single = jar("other/single.jar");

        assertEquals(List.of(a, b, single), Plugins.jars(List.of(dir.resolve("lib"), single)));
    }

    @Test
    void fileThatIsNotAJarIsRejected() throws IOException {
        Path text = touch("notes.txt");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Plugins.jars(List.of(text)));
        assertEquals(
                "plugin location " + text + " must be a folder of jars or a .jar file",
                e.getMessage());
    }

    @Test
    void corruptJarGivenDirectlyIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("x.jar"), "not a zip archive\n");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Plugins.jars(List.of(text)));
        assertEquals(text + ": not a valid jar file", e.getMessage());
    }

    @Test
    void corruptJarInAFolderIsNamedAsInsideThatFolder() throws IOException {
        jar("lib/a.jar");
        touch("lib/b.jar");
        Path lib = Path.of(dir.resolve("lib").toString());

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Plugins.jars(List.of(lib)));
        assertEquals(lib.resolve("b.jar") + ": not a valid jar file", e.getMessage());
    }

    @Test
    void noJarsMeansTheParentLoader() throws IOException {
        try (Plugins plugins = Plugins.open(List.of(dir), null, parent)) {
            assertSame(parent, plugins.loader());
            assertEquals(List.of(), plugins.jars());
        }
    }

    @Test
    void jarsGetTheirOwnLoaderOverTheParent() throws IOException {
        Path jar = jar("p/x.jar");

        try (Plugins plugins = Plugins.open(List.of(), dir.resolve("p").toString(), parent)) {
            assertTrue(plugins.loader() instanceof URLClassLoader);
            assertSame(parent, plugins.loader().getParent());
            assertEquals(List.of(jar), plugins.jars());
        }
    }
}

package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Path b = touch("lib/b.jar");
        Path a = touch("lib/a.jar");
        touch("lib/readme.txt");
        Path single = touch("other/single.jar");

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
    void noJarsMeansTheParentLoader() throws IOException {
        try (Plugins plugins = Plugins.open(List.of(dir), null, parent)) {
            assertSame(parent, plugins.loader());
            assertEquals(List.of(), plugins.jars());
        }
    }

    @Test
    void jarsGetTheirOwnLoaderOverTheParent() throws IOException {
        Path jar = touch("p/x.jar");

        try (Plugins plugins = Plugins.open(List.of(), dir.resolve("p").toString(), parent)) {
            assertTrue(plugins.loader() instanceof URLClassLoader);
            assertSame(parent, plugins.loader().getParent());
            assertEquals(List.of(jar), plugins.jars());
        }
    }
}

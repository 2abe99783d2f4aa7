package dev.prdarts.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir Path dir;

    @Test
    void createsMissingParentsAndAcceptsAnExistingFolder() throws IOException {
        Path deep = dir.resolve("a/b/c");

        assertEquals(deep, Folders.create(deep));
        assertTrue(Files.isDirectory(deep));
        assertEquals(deep, Folders.create(deep));
    }

    @Test
    void aFileInTheWayIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        IOException e = assertThrows(IOException.class, () -> Folders.create(file.resolve("run")));

        assertTrue(
                e.getMessage().startsWith("cannot create folder " + file.resolve("run") + ": "),
                e.getMessage());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("run"), "x");

        IOException e = assertThrows(IOException.class, () -> Folders.create(file));

        assertEquals(
                "cannot create folder " + file + ": " + file + " exists and is not a folder",
                e.getMessage());
    }
}

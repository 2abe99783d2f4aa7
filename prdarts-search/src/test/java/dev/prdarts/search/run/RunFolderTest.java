package dev.prdarts.search.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir Path dir;

    @Test
    void createsAMissingFolder() throws Exception {
        Path out = dir.resolve("a/b");

        RunFolder folder = RunFolder.prepare(out, false);

        assertTrue(Files.isDirectory(out));
        assertEquals(out.resolve("config.toml"), folder.file(RunFolder.CONFIG));
    }

    @Test
    void refusesAFolderHoldingARunAndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("genotype.json"), "{}");
        Files.createDirectories(dir.resolve("pools"));
        Files.writeString(dir.resolve("pools/cycle-1.json"), "{}");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> RunFolder.prepare(dir, false));

        assertTrue(
                e.getMessage().contains("already holds a run (pools, genotype.json)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("{}", Files.readString(dir.resolve("genotype.json")));
        assertTrue(Files.exists(dir.resolve("pools/cycle-1.json")));
    }

    @Test
    void forceDeletesTheEarlierRunButKeepsOtherFiles() throws Exception {
        Files.writeString(dir.resolve("metrics.jsonl"), "{}\n");
        Files.createDirectories(dir.resolve("pools"));
        Files.writeString(dir.resolve("pools/cycle-1.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "mine");

        RunFolder.prepare(dir, true);

        assertFalse(Files.exists(dir.resolve("metrics.jsonl")));
        assertFalse(Files.exists(dir.resolve("pools")));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void folderWithOtherFilesOnlyIsAccepted() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        RunFolder.prepare(dir, false);

        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void defaultFolderIsNewEachTime() throws Exception {
        Path first = RunFolder.newDefault(dir);
        Files.createDirectories(first);

        Path second = RunFolder.newDefault(dir);

        assertNotEquals(first, second);
        assertTrue(second.getFileName().toString().startsWith("search-"));
    }
}

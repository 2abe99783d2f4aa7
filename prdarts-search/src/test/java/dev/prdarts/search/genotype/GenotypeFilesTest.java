package dev.prdarts.search.genotype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenotypeFilesTest {

    @Test
    void builtinNamesResolveInAnyCase() throws IOException {
        assertEquals(BuiltinGenotypes.get("DR"), GenotypeFiles.load("dr"));
        assertEquals(BuiltinGenotypes.get("DARTS_V2"), GenotypeFiles.load("DARTS-V2"));
    }

    @Test
    void filesInBothFormatsAndRunFoldersLoad(@TempDir Path dir) throws IOException {
        Path authors = dir.resolve("authors.json");
        Files.writeString(authors, GenotypeJsonTest.DL1_AUTHORS);
        assertEquals(BuiltinGenotypes.get("DL1"), GenotypeFiles.load(authors.toString()));

        Path model = Files.createDirectories(dir.resolve("train/model"));
        GenotypeJson.write(BuiltinGenotypes.get("UR"), model.resolve("genotype.json"));
        assertEquals(
                BuiltinGenotypes.get("UR"), GenotypeFiles.load(dir.resolve("train").toString()));
    }

    @Test
    void missingFileSaysItIsNeitherBuiltinNorFile(@TempDir Path dir) {
        String path = dir.resolve("nope.json").toString();
        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> GenotypeFiles.load(path));
        assertTrue(e.getMessage().contains(path), e.getMessage());
        assertTrue(e.getMessage().contains("neither a built-in genotype"), e.getMessage());
    }

    @Test
    void folderWithoutGenotypeIsRejected(@TempDir Path dir) {
        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> GenotypeFiles.load(dir.toString()));
        assertTrue(e.getMessage().contains("holds no genotype.json"), e.getMessage());
    }
}

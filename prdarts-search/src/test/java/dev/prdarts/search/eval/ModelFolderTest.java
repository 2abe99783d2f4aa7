package dev.prdarts.search.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prdarts.api.data.Normalization;
import dev.prdarts.search.genotype.BuiltinGenotypes;
import dev.prdarts.search.genotype.GenotypeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {

    private static final EvalNetworkSpec SPEC = new EvalNetworkSpec(4, 3, 4, 1, 8, 8, false);

    private static ModelInfo info() {
        return new ModelInfo(
                SPEC,
                "synthetic",
                List.of("a", "b", "c", "d"),
                Normalization.of(new double[] {0.5}, new double[] {0.25}),
                123);
    }

    @Test
    void savedModelLoadsWithTheSameOutputsAndRunningStatistics(@TempDir Path dir)
            throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            EvalNetwork net =
                    new EvalNetwork(BuiltinGenotypes.get("DR"), SPEC, m, new SplittableRandom(5));
            NDArray x = m.randomNormal(new Shape(3, 1, 8, 8));
            net.forward(x, true); // moves the BN running statistics away from their start
            float[] before = net.forward(x, false).logits().toFloatArray();
            ModelFolder.save(net, info(), dir);

            ModelFolder.Loaded loaded = ModelFolder.load(dir, m);
            assertArrayEquals(
                    before, loaded.network().forward(x, false).logits().toFloatArray(), 1e-6f);
            assertEquals(BuiltinGenotypes.get("DR"), loaded.network().genotype());
            assertEquals(info(), loaded.info());
        }
    }

    @Test
    void missingFolderIsNamed(@TempDir Path dir) {
        Path nope = dir.resolve("nope");
        NoSuchFileException e =
                assertThrows(NoSuchFileException.class, () -> ModelFolder.readInfo(nope));
        assertTrue(e.getMessage().contains("no such model folder"), e.getMessage());
    }

    @Test
    void incompleteFolderNamesTheMissingFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("model"));
        GenotypeJson.write(BuiltinGenotypes.get("DL1"), dir.resolve("model/genotype.json"));
        IOException e = assertThrows(IOException.class, () -> ModelFolder.readInfo(dir));
        assertTrue(
                e.getMessage().contains("is incomplete: missing model.json, parameters.ndlist"),
                e.getMessage());
    }

    /** Writes a complete model folder whose model.json has the given text. */
    private static Path folderWithModelJson(Path dir, String json) throws IOException {
        GenotypeJson.write(BuiltinGenotypes.get("DL1"), dir.resolve("genotype.json"));
        Files.write(dir.resolve(ModelFolder.PARAMETERS), new byte[0]);
        return Files.writeString(dir.resolve(ModelFolder.MODEL_JSON), json);
    }

    @Test
    void unknownFormatVersionIsRefusedNamingFileAndVersion(@TempDir Path dir) throws IOException {
        Path file =
                folderWithModelJson(
                        dir,
                        "{\"format\": \"prdarts-eval-model\", \"version\": 99, \"channels\": 4}");

        IOException e = assertThrows(IOException.class, () -> ModelFolder.readInfo(dir));

        assertEquals(
                file + ": unknown model format version 99 (this prdarts reads version 1)",
                e.getMessage());
    }

    @Test
    void versionThatIsNotAnIntegerIsRefused(@TempDir Path dir) throws IOException {
        Path file =
                folderWithModelJson(
                        dir, "{\"format\": \"prdarts-eval-model\", \"version\": \"1\"}");

        IOException e = assertThrows(IOException.class, () -> ModelFolder.readInfo(dir));

        assertEquals(file + ": 'version' must be an integer, got \"1\"", e.getMessage());
    }

    @Test
    void malformedJsonGivesLineAndColumnWithoutParserInternals(@TempDir Path dir)
            throws IOException {
        Path file = folderWithModelJson(dir, "{\n  \"format\": \"prdarts-eval-model\",\n  oops\n}");

        IOException e = assertThrows(IOException.class, () -> ModelFolder.readInfo(dir));

        assertTrue(
                e.getMessage().startsWith(file + ": not valid JSON (line 3, column 3): "),
                e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void parametersOfAnotherNetworkAreRefused(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            EvalNetwork net =
                    new EvalNetwork(BuiltinGenotypes.get("DR"), SPEC, m, new SplittableRandom(5));
            ModelFolder.save(net, info(), dir);
            GenotypeJson.write(BuiltinGenotypes.get("DL2"), dir.resolve("genotype.json"));
            IOException e = assertThrows(IOException.class, () -> ModelFolder.load(dir, m));
            assertTrue(e.getMessage().contains("does not fit the network"), e.getMessage());
        }
    }
}

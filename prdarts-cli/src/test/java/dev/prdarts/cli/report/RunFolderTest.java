package dev.prdarts.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prdarts.api.genotype.CellType;
import dev.prdarts.search.genotype.GenotypeFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir Path tmp;

    @Test
    void readsEveryPartOfARecordedSearch() throws Exception {
        RunFolder run = RunFolder.read(Fixtures.copy(Fixtures.SEARCH, tmp));

        assertEquals(RunFolder.Kind.SEARCH, run.kind());
        assertEquals(11, run.epochs().size());
        assertEquals(List.of(1, 2, 3), run.pools().stream().map(CyclePools::cycle).toList());
        assertEquals(14, run.pools().get(0).cells().get(CellType.REDUCE).edges().size());
        CyclePools.Edge first = run.pools().get(1).cells().get(CellType.NORMAL).edges().get(0);
        assertEquals(6, first.pool().size());
        assertEquals(3, first.pool().stream().filter(CyclePools.Candidate::isNew).count());
        assertTrue(run.genotype().isPresent());
        assertTrue(run.config().orElseThrow().contains("[[cycles]]"));
        assertTrue(run.finished());
        assertTrue(run.notes().isEmpty());
    }

    @Test
    void readsATrainingRunWithItsModelGenotypeAndResult() throws Exception {
        RunFolder run = RunFolder.read(Fixtures.copy(Fixtures.TRAIN, tmp));

        assertEquals(RunFolder.Kind.TRAIN, run.kind());
        assertEquals(5, run.epochs().size());
        assertTrue(run.epochs().get(0).testAcc() != null);
        assertTrue(run.genotype().isPresent());
        assertEquals("5", run.result().get("epochs"));
        assertTrue(run.finished());
    }

    @Test
    void runningSearchShowsWhatExistsAndNotesTheUnfinishedLine() throws Exception {
        Path dir = Fixtures.copy(Fixtures.SEARCH, tmp);
        Files.delete(dir.resolve("genotype.json"));
        Files.delete(dir.resolve("pools/cycle-3.json"));
        Path metrics = dir.resolve("metrics.jsonl");
        List<String> lines = Files.readAllLines(metrics);
        String partial = lines.get(9).substring(0, 40);
        Files.writeString(
                metrics,
                String.join("\n", lines.subList(0, 9)) + "\n" + partial,
                StandardCharsets.UTF_8);

        RunFolder run = RunFolder.read(dir);

        assertFalse(run.finished());
        assertEquals(9, run.epochs().size());
        assertEquals(2, run.pools().size());
        assertEquals(
                List.of(
                        "metrics.jsonl line 10 is unfinished (the run may still be writing it);"
                                + " it is not shown"),
                run.notes());
    }

    @Test
    void folderThatIsNotARunIsRejected() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(dir.resolve("cat.jpg"), "meow");

        var ex = assertThrows(RunFormatException.class, () -> RunFolder.read(dir));

        assertEquals(
                dir
                        + ": not a run folder: it has none of config.toml, metrics.jsonl, pools/,"
                        + " genotype.json, model/genotype.json, result.json",
                ex.getMessage());
    }

    @Test
    void missingFolderIsReportedAsSuch() {
        Path dir = tmp.resolve("nope");

        var ex = assertThrows(NoSuchFileException.class, () -> RunFolder.read(dir));

        assertEquals(dir + ": run folder does not exist", ex.getMessage());
    }

    @Test
    void brokenMetricsLineInTheMiddleIsAnErrorNamingTheLine() throws Exception {
        Path dir = Fixtures.copy(Fixtures.SEARCH, tmp);
        Path metrics = dir.resolve("metrics.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(metrics));
        lines.set(3, "{\"cycle\": 1, \"epoch\": 4, \"train_acc\": 0.5,");
        Files.write(metrics, lines);

        var ex = assertThrows(RunFormatException.class, () -> RunFolder.read(dir));

        assertTrue(
                ex.getMessage().startsWith(metrics + " line 4: not valid JSON: "), ex.getMessage());
    }

    @Test
    void metricsFieldOfTheWrongTypeIsAnErrorNamingLineAndField() throws Exception {
        Path metrics = tmp.resolve("metrics.jsonl");
        Files.writeString(
                metrics,
                "{\"epoch\": 1, \"train_acc\": 0.3}\n{\"epoch\": 2, \"train_acc\": \"high\"}\n");

        var ex = assertThrows(RunFormatException.class, () -> RunFolder.read(tmp));

        assertEquals(
                metrics + " line 2: field 'train_acc' must be a number or null, got \"high\"",
                ex.getMessage());
    }

    @Test
    void accuracyGivenInPercentIsRejected() throws Exception {
        Path metrics = tmp.resolve("metrics.jsonl");
        Files.writeString(metrics, "{\"epoch\": 1, \"valid_acc\": 87.5}\n");

        var ex = assertThrows(RunFormatException.class, () -> RunFolder.read(tmp));

        assertEquals(
                metrics + " line 1: field 'valid_acc' must be a fraction in [0, 1], got 87.5",
                ex.getMessage());
    }

    @Test
    void genotypeThatDoesNotParseIsAnErrorNamingTheFile() throws Exception {
        Path dir = Fixtures.copy(Fixtures.SEARCH, tmp);
        Files.writeString(
                dir.resolve("genotype.json"),
                "{\"normal\": {\"edges\": [{\"op\": \"conv(k=4)\", \"input\": 0}]}}");

        var ex = assertThrows(GenotypeFormatException.class, () -> RunFolder.read(dir));

        assertTrue(
                ex.getMessage().contains(dir.resolve("genotype.json").toString()), ex.getMessage());
    }

    @Test
    void poolsFileWhoseCycleDisagreesWithItsNameIsRejected() throws Exception {
        Path dir = Fixtures.copy(Fixtures.SEARCH, tmp);
        Path two = dir.resolve("pools/cycle-2.json");
        Files.writeString(two, Files.readString(two).replaceFirst("\"cycle\": 2", "\"cycle\": 5"));

        var ex = assertThrows(RunFormatException.class, () -> RunFolder.read(dir));

        assertEquals(two + ": field 'cycle' must match the file name (2), got 5", ex.getMessage());
    }

    @Test
    void poolCandidateWithABadOperationNamesItsPath() throws Exception {
        Path dir = Fixtures.copy(Fixtures.SEARCH, tmp);
        Path one = dir.resolve("pools/cycle-1.json");
        Files.writeString(one, Files.readString(one).replaceFirst("\"skip\"", "\"jump\""));

        var ex = assertThrows(RunFormatException.class, () -> RunFolder.read(dir));

        assertTrue(
                ex.getMessage().startsWith(one + ": field 'cells.normal.edges[0].pool["),
                ex.getMessage());
    }
}

package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenotypeCommandTest {

    /** Exit code, standard output and standard error of one command. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The exact counts of fixtures/published-genotypes.md (C = 36, 20 cells, 3x32x32). */
    @ParameterizedTest(name = "{0}, {1} classes, aux {2}: {3}")
    @CsvSource({
        "DL1, 10, false, 3174166",
        "DL1, 10, true, 3650592",
        "DL1, 100, false, 3226096",
        "DL1, 100, true, 3771732",
        "DL2, 10, false, 4017646",
        "DL2, 10, true, 4494072",
        "DL2, 100, false, 4069576",
        "DL2, 100, true, 4615212",
        "DR, 10, false, 4248766",
        "DR, 10, true, 4725192",
        "DR, 100, false, 4300696",
        "DR, 100, true, 4846332",
        "UR, 10, false, 5369158",
        "UR, 10, true, 5845584",
        "UR, 100, false, 5421088",
        "UR, 100, true, 5966724",
        "DARTS-V2, 10, false, 3349342",
        "DARTS-V2, 10, true, 3825768",
        "DARTS-V2, 100, false, 3401272",
        "DARTS-V2, 100, true, 3946908"
    })
    void paramsMatchesThePublishedCounts(String cell, int classes, boolean aux, long expected)
            throws IOException {
        Result r =
                aux
                        ? run(
                                "genotype",
                                "params",
                                cell,
                                "--classes",
                                "" + classes,
                                "--aux",
                                "--json")
                        : run("genotype", "params", cell, "--classes", "" + classes, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(expected, json.get("params").asLong());
        if (aux) {
            assertEquals(classes == 10 ? 476_426L : 545_636L, json.get("aux_params").asLong());
        }
    }

    @Test
    void paramsPrintsAReadableLine() {
        Result r = run("genotype", "params", "dl2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("dl2: 4,017,646 parameters (C=36, 20 cells"), r.out());
    }

    @Test
    void paramsRefusesTheAuxiliaryHeadOnTwentyEightPixels() {
        Result r = run("genotype", "params", "DL2", "--aux", "--in-channels", "1", "--size", "28");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("auxiliary head needs a feature map of at least 8x8"), r.err());
    }

    @Test
    void showPrintsOneLinePerNode() {
        Result r = run("genotype", "show", "DL2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals(10, lines.length);
        assertEquals("- node 3: conv(k=3,d=1,x=[]) <- 1, conv(k=7,d=1,x=[1]) <- 2", lines[2]);
    }

    @Test
    void showJsonWritesAGenotypeFileThatReadsBack(@TempDir Path dir) throws IOException {
        Path authors = dir.resolve("genotype.json");
        Files.writeString(authors, run("genotype", "show", "UR", "--json").out());
        Result r = run("genotype", "show", authors.toString());
        assertEquals(run("genotype", "show", "UR").out(), r.out());
    }

    @Test
    void badGenotypeFileGivesOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(
                bad,
                "[[[\"conv\", {\"k\": 3, \"dil\": 1, \"c_mul\": []}, 0]], [2, 3, 4, 5],"
                        + " [], [2, 3, 4, 5]]");
        Result r = run("genotype", "show", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("genotype file '" + bad + "'"), r.err());
        assertTrue(r.err().contains("normal cell has 1 entries, expected 8"), r.err());
    }

    @Test
    void unknownNameSaysItIsNeitherBuiltinNorFile() {
        Result r = run("genotype", "show", "DL9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DL9"), r.err());
        assertTrue(r.err().contains("neither a built-in genotype"), r.err());
    }
}

package dev.prdarts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path fixture(String name) throws Exception {
        Path source = Path.of(getClass().getResource("/runs/" + name).toURI());
        Path target = tmp.resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    @Test
    void reportWritesIntoTheRunFolderAndPrintsJson() throws Exception {
        Path run = fixture("search-dl-3cycles");

        int code = run("report", run.toString(), "--json");

        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(run.resolve("report.html").toString(), json.get("report").asText());
        assertEquals("search", json.get("kind").asText());
        assertEquals(3, json.get("cycles").asInt());
        assertTrue(json.get("finished").asBoolean());
        assertTrue(Files.exists(run.resolve("report.html")));
    }

    @Test
    void reportToAnOutThatIsAFileIsRefused() throws Exception {
        Path run = fixture("search-dl-3cycles");
        Path file = Files.writeString(tmp.resolve("taken"), "keep");

        int code = run("report", run.toString(), "--out", file.toString());

        assertEquals(2, code);
        assertEquals(
                "prdarts: error: --out " + file + " is a file; the report needs a folder",
                err.toString().strip());
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void reportOfAFolderThatIsNotARunFailsWithOneLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));

        int code = run("report", dir.toString());

        assertEquals(2, code);
        assertEquals(
                "prdarts: error: "
                        + dir
                        + ": not a run folder: it has none of config.toml, metrics.jsonl, pools/,"
                        + " genotype.json, model/genotype.json, result.json",
                err.toString().strip());
    }

    @Test
    void reportOfTwoRunsWithoutCompareIsAUsageError() throws Exception {
        Path a = fixture("search-dl-3cycles");
        Path b = fixture("train-5epochs");

        int code = run("report", a.toString(), b.toString());

        assertEquals(2, code);
        assertTrue(
                err.toString().contains("give one RUN_DIR, or --compare with two or more; got 2"),
                err.toString());
    }

    @Test
    void compareWritesCompareHtmlIntoOut() throws Exception {
        Path a = fixture("search-dl-3cycles");
        Path b = fixture("train-5epochs");
        Path cmp = tmp.resolve("cmp");

        int code = run("report", "--compare", a.toString(), b.toString(), "--out", cmp.toString());

        assertEquals(0, code, err.toString());
        assertEquals("wrote " + cmp.resolve("compare.html"), out.toString().strip());
    }

    @Test
    void renderDrawsABuiltInGenotypeAsSvg() throws Exception {
        Path svg = tmp.resolve("cells/dl2.svg");

        int code = run("genotype", "render", "DL2", "--out", svg.toString(), "--json");

        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("svg", json.get("format").asText());
        assertTrue(Files.readString(svg).contains("data-op=\"conv(k=7,d=1,x=[1])\""));
    }

    @Test
    void renderRejectsAnUnknownExtension() {
        int code = run("genotype", "render", "DL2", "--out", tmp.resolve("c.pdf").toString());

        assertEquals(2, code);
        assertEquals(
                "prdarts: error: diagram file must end in .svg or .png, got c.pdf",
                err.toString().strip());
    }

    @Test
    void renderOfAGenotypeFileThatDoesNotParseFailsWithTheFileName() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"normal\": 3");

        int code =
                run("genotype", "render", bad.toString(), "--out", tmp.resolve("c.svg").toString());

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("prdarts: error: "), err.toString());
        assertTrue(err.toString().contains(bad.toString()), err.toString());
    }
}

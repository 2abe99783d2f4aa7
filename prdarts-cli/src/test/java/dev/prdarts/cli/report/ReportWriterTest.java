package dev.prdarts.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final List<String> SEARCH_PLOTS =
            List.of(
                    "accuracy",
                    "loss",
                    "batch-seconds",
                    "pools-normal",
                    "pools-reduce",
                    "distinct");

    @TempDir Path tmp;

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void searchReportEmbedsEveryPlotAndListsEveryCycle() throws Exception {
        Path run = Fixtures.copy(Fixtures.SEARCH, tmp);
        Path out = tmp.resolve("out");

        ReportWriter.Written written = ReportWriter.write(run, out);

        String html = Files.readString(written.html(), StandardCharsets.UTF_8);
        for (String plot : SEARCH_PLOTS) {
            Matcher m =
                    Pattern.compile(
                                    "<img data-plot=\""
                                            + plot
                                            + "\" alt=\"[^\"]+\""
                                            + " src=\"data:image/png;base64,([^\"]+)\">")
                            .matcher(html);
            assertTrue(m.find(), "plot " + plot + " embedded");
            var image =
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertEquals(Plots.WIDTH, image.getWidth());
            assertTrue(html.contains("href=\"plots/" + plot + ".png\""), plot + " linked");
            assertTrue(Files.size(out.resolve("plots/" + plot + ".png")) > 1000, plot + " file");
        }
        for (int c = 1; c <= 3; c++) {
            assertTrue(
                    html.contains("<section class=\"cycle\" id=\"cycle-" + c + "\">"),
                    "cycle " + c);
            assertTrue(html.contains("id=\"pools-" + c + "-normal\""));
            assertTrue(html.contains("id=\"pools-" + c + "-reduce\""));
        }
        assertFalse(html.contains("id=\"cycle-4\""));
        assertTrue(html.contains("Finished: 11 epochs, 3 cycles."));
        assertTrue(html.contains("[[cycles]]"), "config shown");
        assertEquals(16, count(html, "<g class=\"edge\""), "inline diagram has 2 x 8 edges");
        assertTrue(Files.exists(out.resolve("cells.svg")));
    }

    @Test
    void poolsTableHighlightsMorphedCandidatesWithTheirParents() throws Exception {
        Path run = Fixtures.copy(Fixtures.SEARCH, tmp);
        RunFolder folder = RunFolder.read(run);
        CyclePools.Edge edge =
                folder.pools()
                        .get(1)
                        .cells()
                        .get(dev.prdarts.api.genotype.CellType.NORMAL)
                        .edges()
                        .get(0);
        List<String> expected = new ArrayList<>();
        for (CyclePools.Candidate c : edge.pool()) {
            if (c.isNew()) {
                expected.add(c.op() + "</span><span class=\"from\">\u2190 " + c.parent());
            }
        }

        ReportWriter.write(run, tmp.resolve("out"));

        String html = Files.readString(tmp.resolve("out/report.html"));
        String table =
                html.substring(
                        html.indexOf("id=\"pools-2-normal\""),
                        html.indexOf("id=\"pools-2-reduce\""));
        String firstRow =
                table.substring(table.indexOf("<tr><td>0</td>"), table.indexOf("<tr><td>1</td>"));
        String poolColumn = firstRow.split("</td><td>")[1];
        assertEquals(3, expected.size());
        for (String e : expected) {
            assertTrue(poolColumn.contains(e), "morphed candidate " + e);
        }
        assertEquals(3, count(poolColumn, " new"), poolColumn);
        for (CyclePools.Candidate c : edge.pool()) {
            boolean isParent =
                    edge.pool().stream().anyMatch(n -> n.isNew() && c.op().equals(n.parent()));
            String cls = poolColumn.substring(0, poolColumn.indexOf(">" + c.op() + "<"));
            cls = cls.substring(cls.lastIndexOf("<div class=\""));
            assertEquals(isParent, cls.contains(" parent"), c.op() + " in " + cls);
        }
    }

    @Test
    void runningSearchReportSaysSoAndShowsWhatExists() throws Exception {
        Path run = Fixtures.copy(Fixtures.SEARCH, tmp);
        Files.delete(run.resolve("genotype.json"));
        Files.delete(run.resolve("pools/cycle-3.json"));

        ReportWriter.Written written = ReportWriter.write(run, run);

        String html = Files.readString(written.html());
        assertTrue(
                html.contains(
                        "Still running or interrupted: showing what exists (11 epochs, 2 finished"
                                + " cycles, no final genotype yet)."));
        assertTrue(html.contains("genotype.json has not been written yet."));
        assertTrue(html.contains("id=\"cycle-2\""));
        assertFalse(html.contains("id=\"cycle-3\""));
        assertFalse(Files.exists(run.resolve("cells.svg")));
    }

    @Test
    void trainingReportShowsTestCurvesAndResult() throws Exception {
        Path run = Fixtures.copy(Fixtures.TRAIN, tmp);

        ReportWriter.Written written = ReportWriter.write(run, tmp.resolve("out"));

        String html = Files.readString(written.html());
        for (String plot : List.of("accuracy", "loss", "batch-seconds")) {
            assertTrue(html.contains("data-plot=\"" + plot + "\""), plot);
        }
        assertFalse(html.contains("data-plot=\"pools-normal\""));
        assertTrue(html.contains("<h1>Training run"));
        assertTrue(html.contains("result: final_test_acc"));
        assertTrue(html.contains("last test accuracy"));
        assertEquals(16, count(html, "<g class=\"edge\""));
    }

    @Test
    void folderThatIsNotARunWritesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));

        assertThrows(RunFormatException.class, () -> ReportWriter.write(dir, dir));

        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void comparisonPutsRunsOnSharedAxesAndGenotypesSideBySide() throws Exception {
        Path a = Fixtures.copy(Fixtures.SEARCH, tmp);
        Path b = Fixtures.copy(Fixtures.TRAIN, tmp);

        ReportWriter.Written written = CompareWriter.write(List.of(a, b), tmp.resolve("cmp"));

        String html = Files.readString(written.html());
        for (String plot :
                List.of(
                        "compare-heldout-accuracy",
                        "compare-train-accuracy",
                        "compare-train-loss")) {
            assertTrue(html.contains("data-plot=\"" + plot + "\""), plot);
            assertTrue(Files.exists(tmp.resolve("cmp/plots/" + plot + ".png")));
        }
        String genotypes = html.substring(html.indexOf("<table class=\"genotypes\">"));
        assertTrue(
                genotypes.contains(
                        "<th class=\"mono\">"
                                + Fixtures.SEARCH
                                + "</th><th class=\"mono\">"
                                + Fixtures.TRAIN
                                + "</th>"));
        assertEquals(2, count(genotypes, "<pre class=\"genotype\">normal"));
        assertEquals(2, count(html, "<tr class=\"run\">"));
    }

    @Test
    void comparisonOfOneRunIsRejected() throws Exception {
        Path a = Fixtures.copy(Fixtures.SEARCH, tmp);

        var ex =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CompareWriter.write(List.of(a), tmp.resolve("cmp")));

        assertEquals("a comparison needs at least two run folders, got 1", ex.getMessage());
    }
}

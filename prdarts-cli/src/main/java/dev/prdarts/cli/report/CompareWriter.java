package dev.prdarts.cli.report;

import dev.prdarts.api.genotype.Genotype;
import dev.prdarts.api.io.Folders;
import dev.prdarts.search.genotype.GenotypeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code compare.html}: the curves of several runs on shared axes and their genotypes side
 * by side (for example the spaces DL and DR, or two seeds).
 */
public final class CompareWriter {

    /** The file name of the comparison. */
    public static final String COMPARE_FILE = "compare.html";

    private static final Logger LOG = LoggerFactory.getLogger(CompareWriter.class);

    private CompareWriter() {}

    /**
     * Reads the run folders and writes the comparison.
     *
     * @param runDirs two or more run folders, in legend order
     * @param outDir the folder to write into (created when missing)
     * @return what was written; {@code run} is the first run
     * @throws IllegalArgumentException when fewer than two folders are given
     * @throws IOException when a folder is not a run, a file breaks the format or writing fails
     */
    public static ReportWriter.Written write(List<Path> runDirs, Path outDir) throws IOException {
        if (runDirs == null || runDirs.size() < 2) {
            throw new IllegalArgumentException(
                    "a comparison needs at least two run folders, got "
                            + (runDirs == null ? 0 : runDirs.size()));
        }
        Map<String, RunFolder> runs = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            String base = ReportWriter.name(dir);
            String name = base;
            for (int i = 2; runs.containsKey(name); i++) {
                name = base + " (" + i + ")";
            }
            runs.put(name, RunFolder.read(dir));
        }
        Folders.create(outDir.resolve("plots"));
        List<Path> files = new ArrayList<>();
        Path html = outDir.resolve(COMPARE_FILE);
        files.add(html);
        List<Plot> plots = Plots.compare(runs);
        for (Plot p : plots) {
            Path f = outDir.resolve("plots").resolve(p.fileName());
            Files.write(f, p.png());
            files.add(f);
        }
        Files.writeString(html, html(runs, plots), StandardCharsets.UTF_8);
        LOG.info("Comparison of {} runs written to {}", runs.size(), html);
        return new ReportWriter.Written(html, files, runs.values().iterator().next());
    }

    private static String html(Map<String, RunFolder> runs, List<Plot> plots) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>prdarts comparison of ")
                .append(runs.size())
                .append(" runs</title>\n<style>\n")
                .append(Html.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>Comparison of ")
                .append(runs.size())
                .append(" runs</h1>\n");

        h.append(
                        "<h2 id=\"runs\">Runs</h2>\n"
                                + "<table class=\"runs\">\n"
                                + "<tr><th>run</th><th>folder</th>")
                .append("<th>kind</th><th>status</th><th>epochs</th><th>cycles</th>")
                .append("<th>last held-out accuracy</th><th>best held-out accuracy</th></tr>\n");
        for (Map.Entry<String, RunFolder> e : runs.entrySet()) {
            RunFolder run = e.getValue();
            Double last = null;
            Double best = null;
            for (EpochMetrics m : run.epochs()) {
                if (m.heldOutAcc() != null) {
                    last = m.heldOutAcc();
                    best = best == null ? last : Math.max(best, last);
                }
            }
            h.append("<tr class=\"run\"><td class=\"mono\">")
                    .append(Html.esc(e.getKey()))
                    .append("</td><td class=\"mono\">")
                    .append(Html.esc(run.dir().toString()))
                    .append("</td><td>")
                    .append(run.kind() == RunFolder.Kind.SEARCH ? "search" : "training")
                    .append("</td><td>")
                    .append(run.finished() ? "finished" : "running or interrupted")
                    .append("</td><td>")
                    .append(run.epochs().size())
                    .append("</td><td>")
                    .append(run.kind() == RunFolder.Kind.SEARCH ? run.pools().size() : 0)
                    .append("</td><td>")
                    .append(Html.pct(last))
                    .append("</td><td>")
                    .append(Html.pct(best))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2 id=\"plots\">Curves</h2>\n");
        for (Plot p : plots) {
            ReportWriter.figure(h, p);
        }

        h.append("<h2 id=\"genotypes\">Genotypes</h2>\n<table class=\"genotypes\">\n<tr>");
        for (String name : runs.keySet()) {
            h.append("<th class=\"mono\">").append(Html.esc(name)).append("</th>");
        }
        h.append("</tr>\n<tr>");
        for (RunFolder run : runs.values()) {
            h.append("<td><pre class=\"genotype\">")
                    .append(
                            run.genotype()
                                    .map(g -> Html.esc(GenotypeText.format(g)))
                                    .orElse("no genotype yet"))
                    .append("</pre></td>");
        }
        h.append("</tr>\n</table>\n");
        int i = 0;
        for (Map.Entry<String, RunFolder> e : runs.entrySet()) {
            i++;
            if (e.getValue().genotype().isEmpty()) {
                continue;
            }
            Genotype g = e.getValue().genotype().get();
            h.append("<h3 class=\"mono\">")
                    .append(Html.esc(e.getKey()))
                    .append("</h3>\n<div class=\"diagram\">")
                    .append(CellDiagram.of(g).svg(false, "run" + i))
                    .append("</div>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }
}
